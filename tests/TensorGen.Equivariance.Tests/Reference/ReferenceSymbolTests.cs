using System;
using System.Linq;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Reference;

/// <summary>
/// The tests' own Wigner 3j symbols and path weights (tests/Shared/Equivariance), which the tensor-product reference uses instead
/// of src's, checked against e3nn itself (Conformance/e3nn_*.json) and against the documented e3nn 0.4.4 rules.
/// </summary>
public sealed class ReferenceSymbolTests
{
    [Fact]
    public void Reference_3j_matches_e3nn_dense()
    {
        int cases = 0;
        foreach (var (l1, l2, l3, expected) in E3nnConventions.ThreeJDense)
        {
            double[] actual = ReferenceWigner3j.Get(l1, l2, l3).Cast<double>().ToArray();
            double difference = expected.Data.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(difference <= 1e-12, $"C({l1},{l2},{l3}): max |difference| {difference:R}");
            cases++;
        }

        Assert.True(cases >= 10, $"{cases} dense cases");
    }

    [Fact]
    public void Reference_3j_non_zero_counts_and_sums_match_e3nn()
    {
        foreach (var (l1, l2, l3, nonZero, sum, sumAbs) in E3nnConventions.ThreeJCounts)
        {
            double[] values = ReferenceWigner3j.Get(l1, l2, l3).Cast<double>().ToArray();
            Assert.True(nonZero == values.Count(v => Math.Abs(v) > 1e-14), $"C({l1},{l2},{l3}) has {values.Count(v => Math.Abs(v) > 1e-14)} non-zeros, e3nn {nonZero}");
            Assert.True(Math.Abs(sum - values.Sum()) <= 1e-10, $"Σ C({l1},{l2},{l3})");
            Assert.True(Math.Abs(sumAbs - values.Sum(Math.Abs)) <= 1e-10, $"Σ |C({l1},{l2},{l3})|");
        }
    }

    /// <summary>Racah's formula against textbook values: ⟨1 0 1 0|0 0⟩ = −1/√3, ⟨1 1 1 −1|2 0⟩ = 1/√6, ⟨2 1 1 0|3 1⟩ = √(8/15).</summary>
    [Fact]
    public void Clebsch_Gordan_coefficients_are_the_textbook_ones()
    {
        Assert.Equal(-1 / Math.Sqrt(3), ReferenceWigner3j.ClebschGordan(1, 0, 1, 0, 0, 0), 15);
        Assert.Equal(1 / Math.Sqrt(6), ReferenceWigner3j.ClebschGordan(1, 1, 1, -1, 2, 0), 15);
        Assert.Equal(Math.Sqrt(8.0 / 15), ReferenceWigner3j.ClebschGordan(2, 1, 1, 0, 3, 1), 15);
        Assert.Equal(0, ReferenceWigner3j.ClebschGordan(1, 1, 1, 1, 1, 1));
    }

    /// <summary>e3nn 0.4.4's rules (<see cref="Core.LegacyRules"/>), for the reference's legacy symbols.</summary>
    [Fact]
    public void Legacy_symbols_follow_e3nn_0_4_rules() => Core.LegacyRules.AssertFollowed((a, b, c) => ReferenceWigner3j.Get(a, b, c, legacy: true), lmax: 4);

    /// <summary>e3nn's weights by hand: 1x1o ⊗ 1x1o → 1x0e + 1x1e fully connected, component/element: √(dim out / (mul1·mul2)).</summary>
    [Fact]
    public void Path_weights_follow_e3nns_formula()
    {
        (int, int)[] one = [(1, 1)], two = [(2, 1)];
        double[] fully = ReferencePathWeights.Of(one, one, [(1, 0), (1, 1)], [(0, 0, 0, "uvw", 1.0), (0, 0, 1, "uvw", 1.0)],
            IrrepNormalization.Component, PathNormalization.Element);
        Assert.Equal([1.0, Math.Sqrt(3)], fully);

        // Two paths into one block: element divides by Σ elements = 2·2 + 2·2, path by elements × paths = 4 × 2; norm uses 3·3.
        (int, int, int, string, double)[] both = [(0, 0, 0, "uvw", 1.0), (0, 0, 0, "uvw", 0.5)];
        Assert.Equal([Math.Sqrt(3.0 / 8), Math.Sqrt(3.0 / 16)], ReferencePathWeights.Of(two, two, [(1, 1)], both, IrrepNormalization.Component, PathNormalization.Element));
        Assert.Equal([Math.Sqrt(9.0 / 8), Math.Sqrt(9.0 / 16)], ReferencePathWeights.Of(two, two, [(1, 1)], both, IrrepNormalization.Norm, PathNormalization.Path));
        Assert.Equal([1.0, Math.Sqrt(0.5)], ReferencePathWeights.Of(two, two, [(1, 1)], both, IrrepNormalization.None, PathNormalization.None));

        // uvu sums over v only (mul2 elements), uuu over nothing.
        Assert.Equal([Math.Sqrt(3.0 / 2), Math.Sqrt(3.0)], ReferencePathWeights.Of(two, two, [(2, 1), (2, 1)], [(0, 0, 0, "uvu", 1.0), (0, 0, 1, "uuu", 1.0)],
            IrrepNormalization.Component, PathNormalization.Element));
    }
}
