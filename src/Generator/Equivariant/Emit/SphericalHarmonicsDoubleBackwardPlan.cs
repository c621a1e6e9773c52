using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Emit.Equivariant;

/// <summary>One product of a sum: <c>Coefficient · Left · Right</c> (<c>Right</c> null for a single factor).</summary>
internal readonly record struct ShTerm(string Left, string? Right, double Coefficient);

/// <summary>
/// <c>Target = Σ terms</c> when <see cref="Declares"/> (its first contribution), <c>Target += Σ terms</c> otherwise: the one
/// statement form of the double backward's straight-line code.
/// </summary>
internal sealed record ShSum(string Target, bool Declares, IReadOnlyList<ShTerm> Terms);

/// <summary>An output feature of the Jacobian–vector product: the harmonic's tangent (null for Y⁰, a constant) over the normalization.</summary>
internal readonly record struct ShTangentFeature(int Feature, string? Tangent, double Divisor);

/// <summary>
/// The plan of a <c>[SphericalHarmonicsDoubleBackward]</c> kernel, written once for both renderers
/// (<see cref="SphericalHarmonicsDoubleBackwardWriter"/> through a CPU or GPU <see cref="ShDialect"/>): forward-mode
/// differentiation (Griewank &amp; Walther, "Evaluating Derivatives", 2008, ch. 3.1: tangents) of the backward pass
/// <see cref="SphericalHarmonicsBackwardPlan"/> along the direction v = gradGradVectors, with gradOutput held fixed.
/// <para>
/// Why this gives both results: the backward computes B(r) = ∇_r L(r) for L = Σ_f gradOutput_f Y_f(r), so its tangent along v
/// is Ḃ = H v with H the Hessian of L; H is symmetric, so H v is also ∇_r (v · B), the gradient with respect to the vectors. The
/// forward values' tangents Ẏ along v are the Jacobian–vector product J v = ∇_gradOutput (v · B), the other result.
/// </para>
/// <para>
/// Every statement of the backward gets its tangent by the product rule. With u the direction the harmonics read (r, or
/// r / max(|r|, ε)) and u̇ its tangent: a forward term Yˡ⁺¹_i += A u_j Yˡ_k gives Ẏˡ⁺¹_i += A (u̇_j Yˡ_k + u_j Ẏˡ_k); an
/// adjoint term ū_j += A ḡˡ⁺¹_i Yˡ_k gives ū̇_j += A (ḡˡ⁺¹_i Ẏˡ_k + ġˡ⁺¹_i Yˡ_k); ḡˡ_k += A ḡˡ⁺¹_i u_j gives
/// ġˡ_k += A (ġˡ⁺¹_i u_j + ḡˡ⁺¹_i u̇_j). The adjoints' sums over gradOutput have no tangent (gradOutput is fixed), so the
/// top degree's ġ is zero and left out, as is every ġ no term reaches. The normalization's part (u̇ and the tangent of
/// r̄ = (ū − u (u·ū)) / |r|) is the renderer's prologue and epilogue.
/// </para>
/// Names: u = x, y, z; Yˡ_m = sh{l}_{m}; ḡˡ_m = g{l}_{m}; ū = gx, gy, gz; each tangent is its value's name with a leading d.
/// </summary>
internal sealed class SphericalHarmonicsDoubleBackwardPlan
{
    private static readonly string[] s_axes = { "x", "y", "z" };

    private static readonly string[] s_vectorAdjoints = { "gx", "gy", "gz" };

    private SphericalHarmonicsDoubleBackwardPlan(SphericalHarmonicsBackwardPlan backward, IReadOnlyList<ShSum> forward, IReadOnlyList<ShTangentFeature> tangentFeatures,
        IReadOnlyList<ShSum> reverse)
    {
        Backward = backward;
        Forward = forward;
        TangentFeatures = tangentFeatures;
        Reverse = reverse;
    }

    /// <summary>The backward pass this plan differentiates (its harmonics, forward values and adjoint sums).</summary>
    public SphericalHarmonicsBackwardPlan Backward { get; }

    public SphericalHarmonicsSpec Spec => Backward.Spec;

    /// <summary>Y¹ … Y^(lmax − 1) and their tangents Ẏ¹ … Ẏ^lmax, degree by degree.</summary>
    public IReadOnlyList<ShSum> Forward { get; }

    /// <summary>gradGradOutput's features: Ẏ over the normalization.</summary>
    public IReadOnlyList<ShTangentFeature> TangentFeatures { get; }

    /// <summary>After the adjoint sums (<see cref="SphericalHarmonicsBackwardPlan.Sums"/>): each adjoint term and its tangent, l = lmax − 1 … 0.</summary>
    public IReadOnlyList<ShSum> Reverse { get; }

    /// <summary>Whether both results are identically zero (only Y⁰, or nothing).</summary>
    public bool IsZero => Backward.IsZero;

    /// <summary>Whether ū itself is needed: only for the normalization's tangent (raw vectors need ū̇ alone).</summary>
    public bool NeedsVectorAdjoint => Spec.Normalize;

    public static SphericalHarmonicsDoubleBackwardPlan Create(SphericalHarmonicsSpec spec)
    {
        var backward = SphericalHarmonicsBackwardPlan.Create(spec);
        var forward = new List<ShSum>();
        var values = backward.Forward.ToDictionary(s => s.Target, s => s);
        for (int l = 0; l < spec.LMax; l++)
        {
            foreach (var group in SphericalHarmonicsRecursion.Step(l).GroupBy(t => t.I).OrderBy(g => g.Key))
            {
                string harmonic = SphericalHarmonicsBackwardPlan.Harmonic(l + 1, group.Key);
                if (values.TryGetValue(harmonic, out ShForwardStatement? value))
                {
                    forward.Add(new ShSum(harmonic, true, value.Terms.Select(t => new ShTerm(s_axes[t.Axis], t.Harmonic, t.Coefficient)).ToList()));
                }

                // Ẏˡ⁺¹_i = Σ A (u̇_j Yˡ_k + u_j Ẏˡ_k); Y⁰ = 1 is constant.
                var tangent = new List<ShTerm>();
                foreach (ShRecursionTerm term in group)
                {
                    if (l == 0)
                    {
                        tangent.Add(new ShTerm(Tangent(s_axes[term.J]), null, term.Value));
                        continue;
                    }

                    string below = SphericalHarmonicsBackwardPlan.Harmonic(l, term.K);
                    tangent.Add(new ShTerm(Tangent(s_axes[term.J]), below, term.Value));
                    tangent.Add(new ShTerm(s_axes[term.J], Tangent(below), term.Value));
                }

                forward.Add(new ShSum(Tangent(harmonic), true, tangent));
            }
        }

        var features = SphericalHarmonicsBackwardPlan.Features(spec)
            .Select(f => new ShTangentFeature(f.Feature, f.L == 0 ? null : Tangent(SphericalHarmonicsBackwardPlan.Harmonic(f.L, f.M)), SphericalHarmonicsBackwardPlan.Divisor(spec, f.L)))
            .ToList();

        var reverse = new List<ShSum>();
        var tangentsDeclared = new HashSet<string>();
        foreach (ShAdjointTerm term in backward.Terms)
        {
            ShProduct product = term.Product;
            double a = product.Coefficient;
            string axis = s_axes[product.Axis];
            string vectorAdjoint = s_vectorAdjoints[product.Axis];
            string? sourceTangent = tangentsDeclared.Contains(Tangent(term.Source)) ? Tangent(term.Source) : null;
            if (spec.Normalize)
            {
                reverse.Add(new ShSum(vectorAdjoint, false, new[] { new ShTerm(term.Source, product.Harmonic, a) }));
            }

            // ū̇_j += A (ḡˡ⁺¹_i Ẏˡ_k + ġˡ⁺¹_i Yˡ_k), Yˡ_k = 1 and Ẏˡ_k = 0 for l = 0.
            var vectorTangent = new List<ShTerm>();
            if (product.Harmonic is not null)
            {
                vectorTangent.Add(new ShTerm(term.Source, Tangent(product.Harmonic), a));
            }

            if (sourceTangent is not null)
            {
                vectorTangent.Add(new ShTerm(sourceTangent, product.Harmonic, a));
            }

            if (vectorTangent.Count > 0)
            {
                reverse.Add(new ShSum(Tangent(vectorAdjoint), false, vectorTangent));
            }

            if (term.Target is null)
            {
                continue;
            }

            // ḡˡ_k += A ḡˡ⁺¹_i u_j and its tangent ġˡ_k += A (ġˡ⁺¹_i u_j + ḡˡ⁺¹_i u̇_j).
            reverse.Add(new ShSum(term.Target, term.DeclaresTarget, new[] { new ShTerm(term.Source, axis, a) }));
            var adjointTangent = new List<ShTerm> { new(term.Source, Tangent(axis), a) };
            if (sourceTangent is not null)
            {
                adjointTangent.Insert(0, new ShTerm(sourceTangent, axis, a));
            }

            reverse.Add(new ShSum(Tangent(term.Target), tangentsDeclared.Add(Tangent(term.Target)), adjointTangent));
        }

        return new SphericalHarmonicsDoubleBackwardPlan(backward, forward, features, reverse);
    }

    /// <summary>
    /// Operations per row, counted from the plan: two per product term (a multiply and an add, or one fused multiply-add with
    /// the coefficient's multiply), the adjoint sums' adds and divisions, the tangent features' divisions, and about 60 for
    /// the normalization and its tangent.
    /// </summary>
    public long Flops()
    {
        long terms = Forward.Concat(Reverse).Sum(s => (long)s.Terms.Sum(t => t.Right is null ? 2 : 3));
        long sums = Backward.Sums.Sum(s => (long)s.Features.Count);
        return terms + sums + TangentFeatures.Count + (Spec.Normalize ? 60 : 0);
    }

    /// <summary>The name of a value's tangent.</summary>
    public static string Tangent(string value) => "d" + value;
}
