using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Core;

/// <summary>Instruction text, the checks e3nn asserts, and the channelwise derivation.</summary>
public sealed class InstructionTests
{
    private static TensorProductBuildResult Build(string irreps1, string irreps2, string irrepsOut, string? instructions,
        ProductTemplate template = ProductTemplate.FullyConnected) =>
        TensorProductBuilder.Build(new TensorProductOptions(irreps1, irreps2, irrepsOut, instructions, template,
            IrrepNormalizationRule.Component, PathNormalizationRule.Element, SharedWeights: true, Wigner3jPhase.E3nn));

    [Fact]
    public void Parses_tuples_python_style_and_path_weights()
    {
        var result = InstructionParser.Parse("0,0,0,uvw,true; (1, 0, 1, 'uvu', False, 0.5);");
        Assert.Null(result.Error);
        Assert.Equal(new[] { "0,0,0,uvw,true", "1,0,1,uvu,false,0.5" }, result.Instructions!.Select(i => i.ToString()));
    }

    [Theory]
    [InlineData("0,0,0,uvw", "MalformedInstructions", 0, 9)]
    [InlineData("0,0,0,uvx,true", "MalformedInstructions", 6, 3)]
    [InlineData("0,0,0,uvw,yes", "MalformedInstructions", 10, 3)]
    [InlineData("0,0,0,uvw,true,-1", "MalformedInstructions", 15, 2)]
    [InlineData("0,0,0,uvw,true;;1,0,1,uvw,true", "MalformedInstructions", 15, 0)]
    [InlineData("0,0,0,uvw,true; 0,3,0,uvw,true", "IndexOutOfRange", 16, 14)]
    [InlineData("0,0,1,uvw,true", "SelectionRule", 0, 14)]
    [InlineData("1,0,0,uvw,true", "SelectionRule", 0, 14)]
    [InlineData("0,0,0,uvw,false", "ModeMismatch", 0, 15)]
    [InlineData("0,0,0,uuu,false", "ModeMismatch", 0, 15)]
    [InlineData("0,0,0,uvv,true", "ModeMismatch", 0, 14)]
    public void Reports_bad_instructions_at_their_text(string instructions, string kind, int position, int length)
    {
        // x1 = 2x0e + 1x1o, x2 = 1x0e, out = 2x0e + 1x2e: 0,0,1 is 0e x 0e -> 2e (triangle), 1,0,0 is 1o x 0e -> 0e (triangle and parity).
        var result = Build("2x0e+1x1o", "1x0e", "2x0e+1x2e", instructions);
        EquivarianceError error = Assert.Single(result.Errors);
        Assert.Equal(kind, error.Kind.ToString());
        Assert.Equal((position, length), (error.Position, error.Length));
    }

    [Theory]
    [InlineData("128x0e+128x1o+128x2e", "0e+1o+2e+3o", "0e+1o+2e+3o", 17)]
    [InlineData("128x0e+128x1o", "0e+1o+2e+3o", "0e+1o+2e", 8)]
    [InlineData("64x0o+64x0e+64x1o+64x1e+64x2o+64x2e+64x3o+64x3e", "0e+1o+2e+3o", "0o+0e+1o+1e+2o+2e+3o+3e", 68)]
    public void Channelwise_gives_openequivariance_path_counts_and_a_sorted_output(string irreps1, string irreps2, string filter, int paths)
    {
        TensorProductSpec spec = Build(irreps1, irreps2, filter, null, ProductTemplate.Channelwise).Spec!;
        Assert.Equal(paths, spec.Paths.Count);
        Assert.All(spec.Paths, p => Assert.Equal((ConnectionMode.Uvu, true), (p.Mode, p.HasWeight)));
        Assert.Equal(spec.IrrepsOut.Blocks.OrderBy(b => b.Irrep).ToList(), spec.IrrepsOut.Blocks.ToList());
        Assert.Equal(paths, spec.IrrepsOut.Count);
        Assert.Equal(paths * spec.Irreps1[0].Mul, spec.WeightCount);
    }

    [Fact]
    public void Elementwise_needs_the_same_number_of_irreps()
    {
        EquivarianceError error = Assert.Single(Build("2x0e+1x1o", "2x0e", "", null, ProductTemplate.Elementwise).Errors);
        Assert.Equal((EquivarianceErrorKind.ModeMismatch, EquivarianceText.Irreps2), (error.Kind, error.Text));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var result = Build("1x0e", "1x0e", "1x0e", "0,0,0,uvw,true; 0,0,1,uvw,true; 0,0,0,uuu,true; 0,0,0,uvw,false");
        Assert.Equal(new[] { EquivarianceErrorKind.IndexOutOfRange, EquivarianceErrorKind.ModeMismatch },
            result.Errors.Select(e => e.Kind).ToArray());
    }
}
