using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Emit.Equivariant;

/// <summary>One factor of a recursion term: an axis of u (x, y or z) times, for l ≥ 1, a harmonic of the degree below.</summary>
/// <param name="Axis">0, 1, 2 for x, y, z.</param>
/// <param name="Harmonic">The Yˡ_k variable, or null for l = 0 (Y⁰ = 1).</param>
/// <param name="Coefficient">The recursion's coefficient A_ijk.</param>
internal readonly record struct ShProduct(int Axis, string? Harmonic, double Coefficient);

/// <summary>A harmonic of the forward recursion that the adjoint needs: <c>Target = Σ products</c>.</summary>
internal sealed record ShForwardStatement(string Target, IReadOnlyList<ShProduct> Terms);

/// <summary>The adjoint of harmonic Yˡ_m before the recursion's terms: the output gradient's features holding it, summed, divided by the normalization.</summary>
internal sealed record ShAdjointSum(string Target, IReadOnlyList<int> Features, double Divisor);

/// <summary>
/// The adjoint of one recursion term Yˡ⁺¹_i += A v_j Yˡ_k: ū_j += A ḡˡ⁺¹_i Yˡ_k and, for l ≥ 1, ḡˡ_k += A ḡˡ⁺¹_i v_j
/// (<see cref="DeclaresTarget"/> when that is the first contribution to ḡˡ_k).
/// </summary>
internal sealed record ShAdjointTerm(int Degree, string Source, ShProduct Product, string? Target, bool DeclaresTarget);

/// <summary>
/// The reverse-mode plan of a <c>[SphericalHarmonicsBackward]</c> kernel, written once for both renderers
/// (<see cref="SphericalHarmonicsBackwardEmitter"/> in SIMD lanes, <see cref="GpuSphericalHarmonicsBackwardEmitter"/> in
/// scalar ILGPU code): the forward values the adjoint reads, the adjoints' sums over the output gradient, and each term's adjoint
/// from l = lmax − 1 down to 0 (Griewank &amp; Walther, "Evaluating Derivatives", 2008, ch. 3). Terms whose source adjoint is
/// zero (no output feature and no higher degree feeds it) are left out.
/// </summary>
internal sealed class SphericalHarmonicsBackwardPlan
{
    private SphericalHarmonicsBackwardPlan(SphericalHarmonicsSpec spec, IReadOnlyList<ShForwardStatement> forward, IReadOnlyList<ShAdjointSum> sums,
        IReadOnlyList<ShAdjointTerm> terms)
    {
        Spec = spec;
        Forward = forward;
        Sums = sums;
        Terms = terms;
    }

    public SphericalHarmonicsSpec Spec { get; }

    /// <summary>Y¹ … Y^(lmax − 1) in order: the harmonics a term's adjoint reads.</summary>
    public IReadOnlyList<ShForwardStatement> Forward { get; }

    public IReadOnlyList<ShAdjointSum> Sums { get; }

    public IReadOnlyList<ShAdjointTerm> Terms { get; }

    /// <summary>Whether the gradient is identically zero (only Y⁰, or nothing).</summary>
    public bool IsZero => Spec.LMax < 1;

    public static SphericalHarmonicsBackwardPlan Create(SphericalHarmonicsSpec spec)
    {
        var forward = new List<ShForwardStatement>();
        for (int l = 0; l < spec.LMax - 1; l++)
        {
            foreach (var group in SphericalHarmonicsRecursion.Step(l).GroupBy(t => t.I).OrderBy(g => g.Key))
            {
                forward.Add(new ShForwardStatement(Harmonic(l + 1, group.Key), group.Select(t => Product(l, t)).ToList()));
            }
        }

        // ḡˡ_m: Σ over the output features holding Yˡ_m (every copy of its block), over the normalization (e3nn's 'component' 1,
        // 'norm' √(2l + 1), 'integral' √(4π)), as SphericalHarmonicsEmitter.OutputFeatures scales the forward.
        var sums = new List<ShAdjointSum>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var degree in Features(spec).Where(f => f.L > 0).GroupBy(f => f.L).OrderBy(g => g.Key))
        {
            foreach (var component in degree.GroupBy(f => f.M).OrderBy(g => g.Key))
            {
                string name = Adjoint(degree.Key, component.Key);
                sums.Add(new ShAdjointSum(name, component.Select(f => f.Feature).ToList(), Divisor(spec, degree.Key)));
                declared.Add(name);
            }
        }

        var terms = new List<ShAdjointTerm>();
        for (int l = spec.LMax - 1; l >= 0; l--)
        {
            foreach (ShRecursionTerm term in SphericalHarmonicsRecursion.Step(l).Where(t => declared.Contains(Adjoint(l + 1, t.I))))
            {
                string? target = l > 0 ? Adjoint(l, term.K) : null;
                terms.Add(new ShAdjointTerm(l, Adjoint(l + 1, term.I), Product(l, term), target, target is not null && declared.Add(target)));
            }
        }

        return new SphericalHarmonicsBackwardPlan(spec, forward, sums, terms);
    }

    /// <summary>Operations per row: the forward's recursion again, two multiply-adds per term backwards, the normalization's adjoint.</summary>
    public long Flops() => (3 * Spec.Flops()) + (Spec.Normalize ? 15 : 0);

    public static string Harmonic(int l, int m) => $"sh{N(l)}_{N(m)}";

    internal static string Adjoint(int l, int m) => $"g{N(l)}_{N(m)}";

    private static ShProduct Product(int l, ShRecursionTerm term) => new(term.J, l == 0 ? null : Harmonic(l, term.K), term.Value);

    /// <summary>Every output feature in order: its index, degree and component (every copy of a block alike).</summary>
    internal static IEnumerable<(int Feature, int L, int M)> Features(SphericalHarmonicsSpec spec)
    {
        int feature = 0;
        foreach (MulIrrep block in spec.Irreps.Blocks)
        {
            for (int copy = 0; copy < block.Mul; copy++)
            {
                for (int m = 0; m < block.Irrep.Dim; m++)
                {
                    yield return (feature++, block.Irrep.L, m);
                }
            }
        }
    }

    /// <summary>What the forward divides degree l by: e3nn's 'component' 1, 'norm' √(2l + 1), 'integral' √(4π).</summary>
    internal static double Divisor(SphericalHarmonicsSpec spec, int l) => spec.Normalization switch
    {
        ShNormalizationRule.Norm => Math.Sqrt((2 * l) + 1),
        ShNormalizationRule.Integral => Math.Sqrt(4 * Math.PI),
        _ => 1.0,
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
