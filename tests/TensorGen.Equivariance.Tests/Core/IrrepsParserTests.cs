using Xunit;

namespace TensorGen.Equivariance.Tests.Core;

/// <summary>e3nn's irreps grammar: blocks, multiplicities, parities e/o/y, spaces, order kept; errors with positions.</summary>
public sealed class IrrepsParserTests
{
    [Theory]
    [InlineData("16x0e + 8x1o + 2e", "16x0e+8x1o+1x2e", 16 + 24 + 5)]
    [InlineData("1x0e+1x1o+1x2e+1x3o", "1x0e+1x1o+1x2e+1x3o", 16)]
    [InlineData("0y + 1y + 2y + 3y", "1x0e+1x1o+1x2e+1x3o", 16)]
    [InlineData(" 3x1e ", "3x1e", 9)]
    [InlineData("0x1o+2x0o", "0x1o+2x0o", 2)]
    [InlineData("", "", 0)]
    [InlineData("   ", "", 0)]
    [InlineData("1e + 1e + 0e", "1x1e+1x1e+1x0e", 7)]
    public void Parses_e3nn_irreps(string text, string expected, int dim)
    {
        IrrepsParseResult result = IrrepsParser.Parse(text, EquivarianceText.Irreps1);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Irreps!.ToString());
        Assert.Equal(dim, result.Irreps.Dim);
    }

    [Theory]
    [InlineData("16x0e + + 1o", 7, 1)]
    [InlineData("16x0e+1q", 7, 1)]
    [InlineData("ax0e", 0, 4)]
    [InlineData("2x", 0, 2)]
    [InlineData("-1x0e", 0, 5)]
    [InlineData("2xe", 0, 3)]
    [InlineData("1o+21e", 3, 3)]
    public void Reports_the_malformed_block(string text, int position, int length)
    {
        EquivarianceError error = IrrepsParser.Parse(text, EquivarianceText.Irreps2).Error!;
        Assert.Equal(EquivarianceErrorKind.MalformedIrreps, error.Kind);
        Assert.Equal(EquivarianceText.Irreps2, error.Text);
        Assert.Equal((position, length), (error.Position, error.Length));
    }

    [Fact]
    public void Simplify_merges_neighbours_and_drops_zero_multiplicities_and_sort_is_stable_by_l_then_parity()
    {
        Irreps irreps = IrrepsParser.Parse("1e + 1e + 0x2o + 0e + 1e", EquivarianceText.None).Irreps!;
        Assert.Equal("2x1e+1x0e+1x1e", irreps.Simplify().ToString());
        var (sorted, permutation) = IrrepsParser.Parse("2e+1e+1o+0e+1o", EquivarianceText.None).Irreps!.Sort();
        Assert.Equal("1x0e+1x1o+1x1o+1x1e+1x2e", sorted.ToString());
        Assert.Equal(new[] { 4, 3, 1, 0, 2 }, permutation);
    }
}
