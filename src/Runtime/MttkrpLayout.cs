using System;

namespace TensorGen.Runtime;

/// <summary>
/// An MTTKRP <c>out[f, r] (+)= Σ_{u,w} X[f, u, w] · U[u, r] · W[w, r]</c> bound to its operands' sizes and strides (in
/// elements, per role): what <see cref="FusedKernels.Mttkrp{T}(MttkrpLayout, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, bool)"/>
/// runs. Static kernels carry it as constants written by the generator, so they match no pattern and bind nothing at run time;
/// dynamic ones get it from their binding.
/// </summary>
public sealed class MttkrpLayout
{
    private MttkrpLayout(int tensor, int firstFactor, int secondFactor, string[] parameterNames, MttkrpKernel.Roles roles)
    {
        Tensor = tensor;
        FirstFactor = firstFactor;
        SecondFactor = secondFactor;
        ParameterNames = parameterNames;
        Roles = roles;
    }

    /// <summary>The operand position of X.</summary>
    public int Tensor { get; }

    /// <summary>The operand position of U (indices u, r).</summary>
    public int FirstFactor { get; }

    /// <summary>The operand position of W (indices w, r).</summary>
    public int SecondFactor { get; }

    internal string[] ParameterNames { get; }

    internal MttkrpKernel.Roles Roles { get; }

    /// <summary>The layout from its sizes and strides; every stride is in elements, 0 for a length-1 dimension.</summary>
    /// <param name="parameterNames">The three operands' parameter names, then the result's (for messages).</param>
    /// <param name="tensor">The operand position of X; <paramref name="firstFactor"/> and <paramref name="secondFactor"/> are U's and W's.</param>
    /// <param name="firstFactor">The operand position of U.</param>
    /// <param name="secondFactor">The operand position of W.</param>
    /// <param name="free">The size of f.</param>
    /// <param name="first">The size of u.</param>
    /// <param name="second">The size of w.</param>
    /// <param name="rank">The size of r.</param>
    /// <param name="tensorStrides">X's strides along f, u and w.</param>
    /// <param name="firstFactorStrides">U's strides along u and r.</param>
    /// <param name="secondFactorStrides">W's strides along w and r.</param>
    /// <param name="resultStrides">The result's strides along f and r.</param>
    /// <exception cref="ArgumentException">The positions are not 0, 1 and 2, a stride array has the wrong length, or a size or stride is negative.</exception>
    public static MttkrpLayout Create(string[] parameterNames, int tensor, int firstFactor, int secondFactor,
        nint free, nint first, nint second, nint rank,
        nint[] tensorStrides, nint[] firstFactorStrides, nint[] secondFactorStrides, nint[] resultStrides)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(tensorStrides);
        ArgumentNullException.ThrowIfNull(firstFactorStrides);
        ArgumentNullException.ThrowIfNull(secondFactorStrides);
        ArgumentNullException.ThrowIfNull(resultStrides);
        bool positions = parameterNames.Length == 4 && (1 << tensor | 1 << firstFactor | 1 << secondFactor) == 7
            && (uint)tensor < 3 && (uint)firstFactor < 3 && (uint)secondFactor < 3;
        bool lengths = tensorStrides.Length == 3 && firstFactorStrides.Length == 2 && secondFactorStrides.Length == 2 && resultStrides.Length == 2;
        if (!positions || !lengths || free < 0 || first < 0 || second < 0 || rank < 0
            || Negative(tensorStrides) || Negative(firstFactorStrides) || Negative(secondFactorStrides) || Negative(resultStrides))
        {
            throw new ArgumentException(
                "An MTTKRP layout names four parameters, operand positions 0, 1 and 2 in some order, 3 strides for X and 2 for U, W and the "
                + "result, and no negative size or stride.", nameof(parameterNames));
        }

        var roles = new MttkrpKernel.Roles(free, first, second, rank, tensorStrides[0], tensorStrides[1], tensorStrides[2],
            firstFactorStrides[0], firstFactorStrides[1], secondFactorStrides[0], secondFactorStrides[1], resultStrides[0], resultStrides[1]);
        return new MttkrpLayout(tensor, firstFactor, secondFactor, parameterNames, roles);
    }

    private static bool Negative(nint[] strides) => Array.Exists(strides, s => s < 0);
}
