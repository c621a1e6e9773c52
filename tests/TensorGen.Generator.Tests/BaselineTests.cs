using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>The generated files of a few representative declarations, compared with reviewed baselines.</summary>
public class BaselineTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "StaticRotate.g.cs", TestSources.Rotate, "Physics.Kernels.Tensors.Rotate.g.cs" },
        { "DynamicBatchedMatMul.g.cs", TestSources.BatchedMatMul, "MyApp.Kernels.BatchedMatMul.g.cs" },
        { "DynamicChain.g.cs", TestSources.Chain, "Kernels.Chain.g.cs" },
        { "StaticImplicitTrace.g.cs", TestSources.Trace, "MyApp.Outer.Linear.Trace.g.cs" },
        { "DynamicHintedSumOut.g.cs", TestSources.HintedSumOut, "Kernels.SumOut.g.cs" },
        { "StaticExplicitPath.g.cs", TestSources.ExplicitPath, "Kernels.Ordered.g.cs" },
        { "StaticSliced.g.cs", TestSources.Sliced, "Kernels.Sliced.g.cs" },
        { "DynamicReplan.g.cs", TestSources.Replan, "Kernels.Replanned.g.cs" },
        { "StaticGpu.g.cs", TestSources.GpuScaledMatMul, "Gpu.Kernels.Dense.ScaledMatMul.g.cs" },
        { "StaticMttkrp.g.cs", TestSources.StaticMttkrp, "Kernels.Decomposition.Mttkrp.g.cs" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_its_baseline(string baseline, string source, string hintName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.DriverDiagnostics);
        Baseline.AssertMatches(baseline, outcome.Source(hintName));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_compiles_without_errors_or_warnings(string baseline, string source, string hintName)
    {
        _ = baseline;
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Contains(outcome.Sources, s => s.HintName == hintName);
        Assert.Empty(outcome.CompilationProblems);
    }
}
