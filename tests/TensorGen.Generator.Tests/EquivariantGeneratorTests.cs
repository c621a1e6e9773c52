using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// <see cref="TensorProductGenerator"/>'s pipeline: unrelated edits redo nothing, a moved declaration is re-read but not
/// re-emitted, a backward pass follows an edit of its forward method, and the output does not depend on the culture.
/// </summary>
public class EquivariantGeneratorTests
{
    private const string Kernels = """
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Equivariant
        {
            [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e", IrrepNormalization = IrrepNormalization.Norm)]
            public static partial void Tp(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

            [TensorProductBackward(nameof(Tp))]
            public static partial void TpBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights,
                ReadOnlyTensorSpan<float> gradOutput, TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

            [SphericalHarmonics("0e+1o+2e", Normalize = true)]
            public static partial void Sh(ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output);

            [TensorProduct("3x1o", "3x1o", "3x0e", Instructions = "0,0,0,uuu,true,-1")]
            public static partial void Invalid(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
        }
        """;

    private static readonly string[] s_kernelSteps =
    {
        EquivariantTrackingNames.TensorProductDeclarations, EquivariantTrackingNames.BackwardDeclarations, EquivariantTrackingNames.SphericalHarmonicsDeclarations,
        EquivariantTrackingNames.TensorProductKernels, EquivariantTrackingNames.BackwardKernels, EquivariantTrackingNames.SphericalHarmonicsKernels,
    };

    [Fact]
    public void Unrelated_edits_leave_every_step_and_output_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels, "public static class Unrelated { public static int Value() => 1; }");
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        Assert.Equal(4, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File1.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Value() => 2; }", GeneratorHarness.ParseOptions, path: unrelated.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in s_kernelSteps)
        {
            Assert.All(IncrementalTests.NonEmpty([.. Reasons(result, step)]), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + reason));
        }

        Assert.All(IncrementalTests.NonEmpty([.. result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason)]),
            reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Moving_the_declarations_does_not_regenerate_the_sources()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels);
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText("// moved\n\n" + Kernels, GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(IncrementalTests.NonEmpty([.. Reasons(result, EquivariantTrackingNames.TensorProductDeclarations)]), reason => Assert.Equal(IncrementalStepRunReason.Modified, reason));
        var kernels = Reasons(result, EquivariantTrackingNames.TensorProductKernels).ToList();
        Assert.Contains(IncrementalStepRunReason.Unchanged, kernels); // the valid product: same file
        Assert.Contains(IncrementalStepRunReason.Modified, kernels); // the invalid one: its diagnostic moved
    }

    [Fact]
    public void Editing_the_forward_regenerates_its_backward()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Kernels);
        GeneratorDriver driver = Driver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Kernels.Replace("IrrepNormalization = IrrepNormalization.Norm", "IrrepNormalization = IrrepNormalization.Component"),
            GeneratorHarness.ParseOptions, path: tree.FilePath));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, EquivariantTrackingNames.BackwardKernels));
        string backward = result.GeneratedSources.Single(s => s.HintName.Contains("TpBackward", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("irrep normalization component", backward, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_byte_identical_under_fi_FI_and_ar_SA()
    {
        string invariant = GenerateUnder(CultureInfo.InvariantCulture);
        Assert.Equal(invariant, GenerateUnder(new CultureInfo("fi-FI")));
        Assert.Equal(invariant, GenerateUnder(new CultureInfo("ar-SA")));
    }

    private static GeneratorDriver Driver() => GeneratorHarness.CreateDriver(new TensorProductGenerator(), trackSteps: true);

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason) : Enumerable.Empty<IncrementalStepRunReason>();

    private static string GenerateUnder(CultureInfo culture)
    {
        CultureInfo previous = CultureInfo.CurrentCulture, previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            GeneratorOutcome outcome = GeneratorHarness.Run(Kernels, new TensorProductGenerator());
            var text = new StringBuilder();
            foreach (var file in outcome.Sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
            {
                text.Append(file.HintName).Append('\n').Append(file.SourceText).Append('\n');
            }

            foreach (Diagnostic diagnostic in outcome.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                text.Append(diagnostic.Id).Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            }

            return text.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
