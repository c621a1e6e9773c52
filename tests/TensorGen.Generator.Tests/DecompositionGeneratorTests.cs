using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TensorGen.Decompositions;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Validation;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The decomposition generator's contracts: baselines of representative files, generated code that compiles without
/// warnings for every operation and element type, an equatable Roslyn-free model, caching, and the operation table
/// against the public enums.
/// </summary>
public class DecompositionGeneratorTests
{
    private const string Header = """
        using System;
        using System.Numerics;
        using System.Numerics.Tensors;
        using TensorGen;
        using TensorGen.Decompositions;

        """;

    public static TheoryData<string, string, string> Baselines => new()
    {
        {
            "DecompositionDynamicTrainInner.g.cs",
            Header + """
                namespace Physics;

                public static partial class Mps
                {
                    [TensorTrainKernel(TensorTrainOperation.Inner, Order = 3)]
                    public static partial double Overlap(TensorTrain<double> bra, TensorTrain<double> ket);
                }
                """,
            "Physics.Mps.Overlap.g.cs"
        },
        {
            "DecompositionStaticTuckerReconstruct.g.cs",
            Header + """
                public static partial class Fields
                {
                    [TuckerKernel(TuckerOperation.Reconstruct, Shape = "4,3,2", Ranks = "2,2,1")]
                    public static partial void Expand(TuckerTensor<float> x, Span<float> result);
                }
                """,
            "Fields.Expand.g.cs"
        },
    };

    /// <summary>One declaration per operation and format, in both forms and all three element types.</summary>
    private static readonly string s_everyOperation = Header + """
        public static partial class Every
        {
            [CpKernel(CpOperation.Reconstruct, Order = 3)] public static partial void A1(CpTensor<float> x, TensorSpan<float> r);
            [CpKernel(CpOperation.ModeProduct, Shape = "3,4,5", Ranks = "2", Modes = "1:6")] public static partial void A2(CpTensor<double> x, ReadOnlySpan<double> u, Span<double> r);
            [CpKernel(CpOperation.ModeVectorProduct, Order = 2, Modes = "0,1")] public static partial Complex A3(CpTensor<Complex> x, ReadOnlyTensorSpan<Complex> v, ReadOnlyTensorSpan<Complex> w);
            [CpKernel(CpOperation.Inner, Shape = "3,4", Ranks = "2")] public static partial Complex A4(CpTensor<Complex> x, CpTensor<Complex> y);
            [CpKernel(CpOperation.Norm, Order = 4)] public static partial float A5(CpTensor<float> x);
            [CpKernel(CpOperation.Mttkrp, Shape = "3,4,5", Ranks = "2", Modes = "2")] public static partial void A6(ReadOnlySpan<Complex> x, CpTensor<Complex> f, Span<Complex> r);
            [TuckerKernel(TuckerOperation.Reconstruct, Shape = "3,4", Ranks = "2,2")] public static partial void B1(TuckerTensor<Complex> x, Span<Complex> r);
            [TuckerKernel(TuckerOperation.ModeProduct, Order = 3, Modes = "0")] public static partial void B2(TuckerTensor<float> x, ReadOnlyTensorSpan<float> u, TensorSpan<float> r);
            [TuckerKernel(TuckerOperation.ModeVectorProduct, Shape = "3,4,5", Ranks = "1,2,3", Modes = "2")] public static partial void B3(TuckerTensor<double> x, ReadOnlySpan<double> v, Span<double> r);
            [TuckerKernel(TuckerOperation.Inner, Order = 2)] public static partial double B4(TuckerTensor<double> x, TuckerTensor<double> y);
            [TuckerKernel(TuckerOperation.Norm, Shape = "3,4", Ranks = "2,2")] public static partial double B5(TuckerTensor<Complex> x);
            [TensorTrainKernel(TensorTrainOperation.Reconstruct, Shape = "2,3,2", Ranks = "2,2")] public static partial void C1(TensorTrain<float> x, Span<float> r);
            [TensorTrainKernel(TensorTrainOperation.ModeProduct, Order = 3, Modes = "2,0")] public static partial void C2(TensorTrain<Complex> x, ReadOnlyTensorSpan<Complex> u, ReadOnlyTensorSpan<Complex> w, TensorSpan<Complex> r);
            [TensorTrainKernel(TensorTrainOperation.ModeVectorProduct, Order = 3, Modes = "0,1,2")] public static partial double C3(TensorTrain<double> x, ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c);
            [TensorTrainKernel(TensorTrainOperation.Inner, Shape = "2,2", Ranks = "3")] public static partial Complex C4(TensorTrain<Complex> x, TensorTrain<Complex> y);
            [TensorTrainKernel(TensorTrainOperation.Norm, Order = 1)] public static partial float C5(TensorTrain<float> x);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Reconstruct, Order = 2)] public static partial void D1(TensorTrainMatrix<Complex> a, TensorSpan<Complex> r);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.MatVec, Shape = "2x3,3x2", Ranks = "2")] public static partial void D2(TensorTrainMatrix<float> a, ReadOnlySpan<float> x, Span<float> r);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Apply, Order = 2)] public static partial TensorTrain<float> D3(TensorTrainMatrix<float> a, TensorTrain<float> x);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Apply, Shape = "2x2,2x2", Ranks = "3", TrainRanks = "2")] public static partial TensorTrain<Complex> D4(TensorTrainMatrix<Complex> a, TensorTrain<Complex> x);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Order = 4)] public static partial double D5(TensorTrain<double> x, TensorTrainMatrix<double> a, TensorTrain<double> y);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Inner, Shape = "2x2,2x2", Ranks = "2")] public static partial Complex D6(TensorTrainMatrix<Complex> a, TensorTrainMatrix<Complex> b);
            [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Norm, Order = 2)] public static partial double D7(TensorTrainMatrix<Complex> a);
            [TensorTrainKernel(TensorTrainOperation.Inner, Order = 2)] public static partial double Overloaded(TensorTrain<double> x, TensorTrain<double> y);
            [TensorTrainKernel(TensorTrainOperation.Inner, Order = 2)] public static partial float Overloaded(TensorTrain<float> x, TensorTrain<float> y);
        }
        """;

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Generated_source_matches_its_baseline(string baseline, string source, string hintName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source, new DecompositionGenerator());

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Baseline.AssertMatches(baseline, outcome.Source(hintName));
    }

    [Fact]
    public void Every_operation_compiles_without_errors_or_warnings_in_both_forms()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(s_everyOperation, new DecompositionGenerator());

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Equal(25, outcome.Sources.Count);
        Assert.Contains(outcome.Sources, s => s.HintName == "Every.Overloaded(2).g.cs");
        Assert.Empty(outcome.CompilationProblems);
    }

    /// <summary>A type named like a kernel's helper or program field: the member names step aside (CS0542 otherwise).</summary>
    [Fact]
    public void A_type_named_like_a_generated_member_still_compiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Header + """
            public static partial class s_aProgram
            {
                [CpKernel(CpOperation.Reconstruct, Order = 3)] public static partial void A(CpTensor<float> x, TensorSpan<float> r);
            }

            public static partial class BContraction
            {
                [CpKernel(CpOperation.Reconstruct, Order = 3)] public static partial void B(CpTensor<float> x, TensorSpan<float> r);
            }
            """, new DecompositionGenerator());

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
    }

    /// <summary>
    /// Complex elements with a batch large enough for the batched-chain kernel (found by the full fuzz, seed 5550123, D650:
    /// Vector&lt;Complex&gt; lanes, CS1503): the steps run one by one instead.
    /// </summary>
    [Fact]
    public void A_complex_kernel_over_a_large_batch_compiles()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Header + """
            public static partial class Kernels
            {
                [TuckerKernel(TuckerOperation.ModeProduct, Shape = "46341, 3 ,1, 4", Ranks = "2, 1, " + "2, 3", Modes = @"2:1,1:1")]
                public static partial void Kernel(TuckerTensor<Complex> x, ReadOnlySpan<Complex> u0, ReadOnlySpan<Complex> u1, Span<Complex> result);
            }
            """, new DecompositionGenerator());

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        string first = string.Join("\n", GeneratorHarness.Run(s_everyOperation, new DecompositionGenerator()).Sources.Select(s => s.SourceText.ToString()));
        string second = string.Join("\n", GeneratorHarness.Run(s_everyOperation, new DecompositionGenerator()).Sources.Select(s => s.SourceText.ToString()));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Unrelated_edits_leave_every_step_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(s_everyOperation, "public static class Unrelated { public static int Value() => 1; }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new DecompositionGenerator(), trackSteps: true).RunGenerators(compilation);

        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(
            "public static class Unrelated { public static int Value() => 2; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { DecompositionTrackingNames.Declarations, DecompositionTrackingNames.Kernels, DecompositionTrackingNames.Sources })
        {
            Assert.All(IncrementalTests.NonEmpty([.. result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)]), reason =>
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(IncrementalTests.NonEmpty([.. result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason)]),
            reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Operation_table_matches_the_public_enums()
    {
        var enums = new Dictionary<DecompositionFormat, Type>
        {
            [DecompositionFormat.Cp] = typeof(CpOperation),
            [DecompositionFormat.Tucker] = typeof(TuckerOperation),
            [DecompositionFormat.TensorTrain] = typeof(TensorTrainOperation),
            [DecompositionFormat.TensorTrainMatrix] = typeof(TensorTrainMatrixOperation),
        };
        foreach (var (format, type) in enums)
        {
            string[] names = Enum.GetNames(type);
            Assert.Equal(names.Length, OperationTable.Members(format).Count);
            foreach (string name in names)
            {
                int value = (int)Enum.Parse(type, name);
                Assert.Equal(name, OperationTable.Of(format, value).ToString());
            }
        }
    }

    [Fact]
    public void Model_types_hold_no_symbols_syntax_or_locations()
    {
        Type[] forbidden = { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel) };
        Assembly generator = typeof(DecompositionGenerator).Assembly;
        var roots = generator.GetTypes().Where(t => t.Namespace is "TensorGen.Decompositions.Model" or "TensorGen.Decompositions.Lowering").ToList();
        Assert.Contains(typeof(TensorGen.Decompositions.Model.DecompositionMethodModel), roots);

        var problems = new List<string>();
        var visited = new HashSet<Type>();
        var pending = new Stack<(Type Type, string Path)>(roots.Select(r => (r, r.Name)));
        while (pending.Count > 0)
        {
            var (type, path) = pending.Pop();
            if (!visited.Add(type))
            {
                continue;
            }

            if (forbidden.Any(f => f.IsAssignableFrom(type)) || type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                problems.Add($"{path} is {type.FullName}");
                continue;
            }

            foreach (Type argument in (type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes).Concat(type.IsArray ? new[] { type.GetElementType()! } : Type.EmptyTypes))
            {
                pending.Push((argument, path + "<" + argument.Name + ">"));
            }

            if (type.Assembly == generator)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
                {
                    pending.Push((field.FieldType, path + "." + field.Name));
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Lowering_model_validation_and_emit_sources_do_not_use_Roslyn()
    {
        string root = Path.GetFullPath(Path.Combine(TestDirectory(), "..", "..", "src", "Generator"));
        var offenders = new[] { "Core/Lowering", "Decompositions/Model", "Decompositions/Validation", "Decompositions/Emit" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => File.ReadAllText(file).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    private static string TestDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
