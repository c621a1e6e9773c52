using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions;

/// <summary>
/// A tensor in CP (CANDECOMP/PARAFAC) form, X = Σ_r λ_r a⁽¹⁾_r ∘ ⋯ ∘ a⁽ᴺ⁾_r: weights λ [R] and one factor
/// matrix [n_k, R] per mode (Kolda &amp; Bader 2009, SIAM Review 51(3) §3). Elements are float, double or
/// <see cref="Complex"/>. Operations contract the factors as einsum networks; nothing is densified unless asked.
/// </summary>
public sealed class CpTensor<T> : IComponentSource<T>
    where T : unmanaged, INumberBase<T>
{
    private readonly Tensor<T>[] _factors;
    private readonly nint[] _shape;

    /// <summary>A CP tensor with unit weights.</summary>
    /// <param name="factors">One [n_k, R] matrix per mode, all with R columns.</param>
    /// <exception cref="ArgumentException">A factor is not a matrix, the column counts differ, or a length is 0.</exception>
    public CpTensor(IReadOnlyList<Tensor<T>> factors)
        : this(Ones(factors), factors)
    {
    }

    /// <param name="weights">λ, a vector [R].</param>
    /// <param name="factors">One [n_k, R] matrix per mode.</param>
    /// <exception cref="ArgumentException">The weights are not a vector, a factor is not an [n_k, R] matrix, or a length is 0.</exception>
    public CpTensor(Tensor<T> weights, IReadOnlyList<Tensor<T>> factors)
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(factors);
        FormatChecks.ThrowIfRankNot(weights, 1, nameof(weights), "[R]");
        FormatChecks.ThrowIfEmpty(weights, nameof(weights));
        if (factors.Count == 0)
        {
            throw new ArgumentException("A CP tensor has at least one factor.", nameof(factors));
        }

        nint rank = weights.Lengths[0];
        _factors = new Tensor<T>[factors.Count];
        _shape = new nint[factors.Count];
        for (int k = 0; k < factors.Count; k++)
        {
            Tensor<T> factor = factors[k] ?? throw new ArgumentNullException(nameof(factors), $"Factor {k} is null.");
            string name = $"factors[{FormatChecks.Index(k)}]";
            FormatChecks.ThrowIfRankNot(factor, 2, name, $"[n_{k}, R] with R = {rank} (the length of the weights)");
            FormatChecks.ThrowIfEmpty(factor, name);
            if (factor.Lengths[1] != rank)
            {
                throw new ArgumentException(
                    $"'{name}' has {factor.Lengths[1]} columns but the weights say the rank is {rank}; every factor is [n_k, R].", nameof(factors));
            }

            _factors[k] = DenseTensors.Dense(factor);
            _shape[k] = factor.Lengths[0];
        }

        Weights = DenseTensors.Dense(weights);
        Factors = new ReadOnlyCollection<Tensor<T>>(_factors);
    }

    /// <summary>λ, [R].</summary>
    public Tensor<T> Weights { get; }

    /// <summary>The factor matrices, [n_k, R] each.</summary>
    public IReadOnlyList<Tensor<T>> Factors { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => _factors.Length;

    /// <summary>The CP rank R (number of components).</summary>
    public int Rank => (int)Weights.Lengths[0];

    /// <summary>The dense tensor's shape [n_1, …, n_N].</summary>
    public ReadOnlySpan<nint> Shape => _shape;

    /// <summary>The dense tensor, [n_1, …, n_N]: the einsum "r,ar,br,…->ab…".</summary>
    public Tensor<T> ToDense() =>
        StructuredContraction.Evaluate(Lowered(DecompositionOperation.Reconstruct), this);

    /// <summary>
    /// The dense tensor written into <paramref name="destination"/> (any strides; its shape must be the dense shape), so
    /// repeated reconstructions reuse one buffer instead of allocating a new tensor each time.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's shape differs, or it overlaps a component.</exception>
    public void ToDense(TensorSpan<T> destination) =>
        StructuredContraction.EvaluateInto(Lowered(DecompositionOperation.Reconstruct), destination, nameof(destination), this);

    /// <summary>⟨this, other⟩ = Σ conj(this) other, from the factors' Gram products: O(N n R R').</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public T Inner(CpTensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FormatChecks.ThrowIfShapesDiffer(Shape, other.Shape, nameof(other), "shape");
        return StructuredContraction.Scalar(Lowered(DecompositionOperation.Inner), this, other);
    }

    /// <summary>The Frobenius norm ‖X‖ = √⟨X, X⟩, without densifying.</summary>
    public double Norm() =>
        Math.Sqrt(Math.Max(0, Elements.Real(StructuredContraction.Scalar(Lowered(DecompositionOperation.Norm), this))));

    /// <summary>X ×_mode U for a matrix U [m, n_mode]: a CP tensor whose factor <paramref name="mode"/> is U A⁽ᵐᵒᵈᵉ⁾ (Kolda &amp; Bader 2009 §3).</summary>
    /// <exception cref="ArgumentException">The mode is out of range or U is not [m, n_mode].</exception>
    public CpTensor<T> ModeProduct(int mode, Tensor<T> matrix)
    {
        FormatChecks.ThrowIfModeOutOfRange(mode, Order, nameof(mode));
        ArgumentNullException.ThrowIfNull(matrix);
        FormatChecks.ThrowIfRankNot(matrix, 2, nameof(matrix), $"[m, {_shape[mode]}]");
        FormatChecks.ThrowIfShapesDiffer([_shape[mode]], [matrix.Lengths[1]], nameof(matrix), "column count");
        var factors = _factors.ToArray();
        factors[mode] = Einsum.Evaluate("mi,ir->mr", matrix, _factors[mode]);
        return new CpTensor<T>(Weights, factors);
    }

    /// <summary>The element-wise complex conjugate (a copy for real types).</summary>
    public CpTensor<T> Conjugate() =>
        new(DenseTensors.Conjugated(Weights), _factors.Select(DenseTensors.Conjugated).ToArray());

    /// <summary>
    /// The same tensor with unit-norm factor columns and the norms moved into the weights, λ_r ∏_k ‖a⁽ᵏ⁾_r‖ (tensorly's
    /// cp_normalize); a zero column keeps weight 0.
    /// </summary>
    public CpTensor<T> Normalize()
    {
        T[] weights = DenseTensors.ToArray(Weights);
        var factors = new Tensor<T>[Order];
        for (int k = 0; k < Order; k++)
        {
            T[] factor = DenseTensors.ToArray(_factors[k]);
            int rows = (int)_shape[k];
            for (int r = 0; r < Rank; r++)
            {
                double norm = 0;
                for (int i = 0; i < rows; i++)
                {
                    norm += Elements.AbsSquared(factor[(i * Rank) + r]);
                }

                norm = Math.Sqrt(norm);
                if (norm > 0)
                {
                    T scale = Elements.FromReal<T>(1 / norm);
                    for (int i = 0; i < rows; i++)
                    {
                        factor[(i * Rank) + r] *= scale;
                    }
                }

                weights[r] *= Elements.FromReal<T>(norm);
            }

            factors[k] = DenseTensors.Wrap(factor, _shape[k], Rank);
        }

        return new CpTensor<T>(DenseTensors.Wrap(weights, Rank), factors);
    }

    Tensor<T> IComponentSource<T>.Component(OperandPart part, int index) => part switch
    {
        OperandPart.Weights => Weights,
        OperandPart.Factor => _factors[index],
        _ => throw new ArgumentException($"A CP tensor has no {part} component.", nameof(part)),
    };

    private LoweredContraction Lowered(DecompositionOperation operation) =>
        DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Cp, operation, Order));

    private static Tensor<T> Ones(IReadOnlyList<Tensor<T>> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (factors.Count == 0 || factors[0] is null || factors[0].Rank != 2)
        {
            throw new ArgumentException("A CP tensor has at least one factor, each an [n_k, R] matrix.", nameof(factors));
        }

        var ones = new T[(int)factors[0].Lengths[1]];
        Array.Fill(ones, T.One);
        return DenseTensors.Wrap(ones, ones.Length);
    }
}
