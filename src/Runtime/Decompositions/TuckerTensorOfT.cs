using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions;

/// <summary>
/// A tensor in Tucker form, X = G ×₁ U⁽¹⁾ ⋯ ×_N U⁽ᴺ⁾: a core G [r_1, …, r_N] and one factor matrix [n_k, r_k]
/// per mode (Tucker 1966; Kolda &amp; Bader 2009 §4). Elements are float, double or <see cref="Complex"/>.
/// </summary>
public sealed class TuckerTensor<T> : IComponentSource<T>
    where T : unmanaged, INumberBase<T>
{
    private readonly Tensor<T>[] _factors;
    private readonly nint[] _shape;

    /// <param name="core">G, [r_1, …, r_N].</param>
    /// <param name="factors">One [n_k, r_k] matrix per mode.</param>
    /// <exception cref="ArgumentException">The factor count is not the core's rank, a factor is not [n_k, r_k], or a length is 0.</exception>
    public TuckerTensor(Tensor<T> core, IReadOnlyList<Tensor<T>> factors)
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(factors);
        FormatChecks.ThrowIfEmpty(core, nameof(core));
        if (factors.Count != core.Rank)
        {
            throw new ArgumentException(
                $"The core has {core.Rank} modes but {factors.Count} factors were given; a Tucker tensor has one factor per mode of its core.", nameof(factors));
        }

        _factors = new Tensor<T>[factors.Count];
        _shape = new nint[factors.Count];
        for (int k = 0; k < factors.Count; k++)
        {
            Tensor<T> factor = factors[k] ?? throw new ArgumentNullException(nameof(factors), $"Factor {k} is null.");
            string name = $"factors[{FormatChecks.Index(k)}]";
            FormatChecks.ThrowIfRankNot(factor, 2, name, $"[n_{k}, {core.Lengths[k]}]");
            FormatChecks.ThrowIfEmpty(factor, name);
            FormatChecks.ThrowIfShapesDiffer([core.Lengths[k]], [factor.Lengths[1]], nameof(factors), $"factor {k} column count");
            _factors[k] = DenseTensors.Dense(factor);
            _shape[k] = factor.Lengths[0];
        }

        Core = DenseTensors.Dense(core);
        Factors = new ReadOnlyCollection<Tensor<T>>(_factors);
    }

    /// <summary>G, [r_1, …, r_N].</summary>
    public Tensor<T> Core { get; }

    /// <summary>The factor matrices, [n_k, r_k] each.</summary>
    public IReadOnlyList<Tensor<T>> Factors { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => _factors.Length;

    /// <summary>The multilinear ranks [r_1, …, r_N] (the core's shape).</summary>
    public ReadOnlySpan<nint> Ranks => Core.Lengths;

    /// <summary>The dense tensor's shape [n_1, …, n_N].</summary>
    public ReadOnlySpan<nint> Shape => _shape;

    /// <summary>The dense tensor: the einsum "def,ad,be,cf->abc" (for order 3), planned as a sequence of n-mode products.</summary>
    public Tensor<T> ToDense() => StructuredContraction.Evaluate(Lowered(DecompositionOperation.Reconstruct), this);

    /// <summary>
    /// The dense tensor written into <paramref name="destination"/> (any strides; its shape must be the dense shape), so
    /// repeated reconstructions reuse one buffer instead of allocating a new tensor each time.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's shape differs, or it overlaps a component.</exception>
    public void ToDense(TensorSpan<T> destination) =>
        StructuredContraction.EvaluateInto(Lowered(DecompositionOperation.Reconstruct), destination, nameof(destination), this);

    /// <summary>⟨this, other⟩ = Σ conj(this) other, through the factors' cross products and the cores, without densifying.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public T Inner(TuckerTensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FormatChecks.ThrowIfShapesDiffer(Shape, other.Shape, nameof(other), "shape");
        return StructuredContraction.Scalar(Lowered(DecompositionOperation.Inner), this, other);
    }

    /// <summary>The Frobenius norm, without densifying.</summary>
    public double Norm() =>
        Math.Sqrt(Math.Max(0, Elements.Real(StructuredContraction.Scalar(Lowered(DecompositionOperation.Norm), this))));

    /// <summary>X ×_mode U for U [m, n_mode]: the same core, factor <paramref name="mode"/> replaced by U U⁽ᵐᵒᵈᵉ⁾.</summary>
    /// <exception cref="ArgumentException">The mode is out of range or U is not [m, n_mode].</exception>
    public TuckerTensor<T> ModeProduct(int mode, Tensor<T> matrix)
    {
        FormatChecks.ThrowIfModeOutOfRange(mode, Order, nameof(mode));
        ArgumentNullException.ThrowIfNull(matrix);
        FormatChecks.ThrowIfRankNot(matrix, 2, nameof(matrix), $"[m, {_shape[mode]}]");
        FormatChecks.ThrowIfShapesDiffer([_shape[mode]], [matrix.Lengths[1]], nameof(matrix), "column count");
        var factors = _factors.ToArray();
        factors[mode] = Einsum.Evaluate("mi,ir->mr", matrix, _factors[mode]);
        return new TuckerTensor<T>(Core, factors);
    }

    /// <summary>The element-wise complex conjugate (a copy for real types).</summary>
    public TuckerTensor<T> Conjugate() => new(DenseTensors.Conjugated(Core), _factors.Select(DenseTensors.Conjugated).ToArray());

    Tensor<T> IComponentSource<T>.Component(OperandPart part, int index) => part switch
    {
        OperandPart.Core => Core,
        OperandPart.Factor => _factors[index],
        _ => throw new ArgumentException($"A Tucker tensor has no {part} component.", nameof(part)),
    };

    private LoweredContraction Lowered(DecompositionOperation operation) =>
        DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Tucker, operation, Order));
}
