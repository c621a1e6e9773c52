using System;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TensorGen.Benchmarks.Generators;

/// <summary>
/// The generators' compile-time cost over issue 12's 100-declaration consumer (<see cref="GeneratorWorkload"/>), driven
/// by Roslyn's <see cref="CSharpGeneratorDriver"/>:
/// <list type="bullet">
/// <item><description><see cref="NewDriver"/> — what a command-line build pays once the generator is loaded and compiled
/// (the compiler server; a fresh csc process adds loading and JIT, see <c>generator-quick</c>): a new driver over a new,
/// unbound compilation, nothing cached.</description></item>
/// <item><description><see cref="UnrelatedEdit"/> — what the IDE pays per keystroke elsewhere: the same driver after an
/// edit to another file, every kernel step cached.</description></item>
/// </list>
/// <see cref="Generators"/> picks all three or one alone (DecompositionGenerator has nothing to do here: the cost of a
/// generator with no declaration). Run:
/// <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*GeneratorBenchmarks*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ISourceGenerator[] _generators = null!;
    private GeneratorDriver _driver = null!;
    private CSharpCompilation _compilation = null!;
    private int _version = 1;

    [Params("All", nameof(EinsumGenerator), nameof(TensorProductGenerator), "DecompositionGenerator")]
    public string Generators { get; set; } = "All";

    [GlobalSetup]
    public void Setup()
    {
        _generators = Generators == "All" ? GeneratorWorkload.Generators() : GeneratorWorkload.Generator(Generators);
        if (_generators.Length == 0)
        {
            throw new InvalidOperationException($"No generator named {Generators}.");
        }

        _compilation = GeneratorWorkload.Compilation();
        _driver = GeneratorWorkload.Driver(_generators).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver NewDriver() => GeneratorWorkload.Driver(_generators).RunGenerators(GeneratorWorkload.Compilation());

    [Benchmark]
    public GeneratorDriver UnrelatedEdit()
    {
        _compilation = GeneratorWorkload.EditUnrelated(_compilation, ++_version);
        _driver = _driver.RunGenerators(_compilation);
        return _driver;
    }
}
