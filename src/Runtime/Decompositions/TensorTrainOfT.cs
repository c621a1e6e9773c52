using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Fitting;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions;

/// <summary>
/// A tensor train (TT, or matrix product state): cores G_k [r_{k−1}, n_k, r_k] with r_0 = r_N = 1, so that
/// X[i_1, …, i_N] = G_1[:, i_1, :] ⋯ G_N[:, i_N, :] (Oseledets 2011, SIAM J. Sci. Comput. 33(5)). Elements are
/// float, double or <see cref="Complex"/>. Contractions sweep along the train; nothing is densified unless asked.
/// </summary>
public sealed class TensorTrain<T> : IComponentSource<T>
    where T : unmanaged, INumberBase<T>
{
    private readonly Tensor<T>[] _cores;
    private readonly nint[] _shape;
    private readonly nint[] _ranks;

    /// <param name="cores">G_1 … G_N, each [r_{k−1}, n_k, r_k]; r_0 = r_N = 1 and neighbouring bonds agree.</param>
    /// <exception cref="ArgumentException">A core is not 3-way, the bonds do not chain, a boundary rank is not 1, or a length is 0.</exception>
    public TensorTrain(IReadOnlyList<Tensor<T>> cores)
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(cores);
        if (cores.Count == 0)
        {
            throw new ArgumentException("A tensor train has at least one core.", nameof(cores));
        }

        _cores = new Tensor<T>[cores.Count];
        _shape = new nint[cores.Count];
        _ranks = new nint[cores.Count + 1];
        _ranks[0] = 1;
        for (int k = 0; k < cores.Count; k++)
        {
            Tensor<T> core = cores[k] ?? throw new ArgumentNullException(nameof(cores), $"Core {k} is null.");
            string name = $"cores[{FormatChecks.Index(k)}]";
            FormatChecks.ThrowIfRankNot(core, 3, name, "[r_{k-1}, n_k, r_k]");
            FormatChecks.ThrowIfEmpty(core, name);
            if (core.Lengths[0] != _ranks[k])
            {
                throw new ArgumentException(
                    $"'{name}' starts with bond {core.Lengths[0]} but {(k == 0 ? "the first bond of a train is 1" : $"core {k - 1} ends with bond {_ranks[k]}")}.",
                    nameof(cores));
            }

            _cores[k] = DenseTensors.Dense(core);
            _shape[k] = core.Lengths[1];
            _ranks[k + 1] = core.Lengths[2];
        }

        if (_ranks[cores.Count] != 1)
        {
            throw new ArgumentException($"The last core ends with bond {_ranks[cores.Count]}; the last bond of a train is 1.", nameof(cores));
        }

        Cores = new ReadOnlyCollection<Tensor<T>>(_cores);
    }

    /// <summary>The cores G_k, [r_{k−1}, n_k, r_k].</summary>
    public IReadOnlyList<Tensor<T>> Cores { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => _cores.Length;

    /// <summary>The dense tensor's shape [n_1, …, n_N].</summary>
    public ReadOnlySpan<nint> Shape => _shape;

    /// <summary>The bond ranks [r_0 = 1, r_1, …, r_{N−1}, r_N = 1].</summary>
    public ReadOnlySpan<nint> Ranks => _ranks;

    /// <summary>The largest bond rank.</summary>
    public int MaxRank => (int)_ranks.Max();

    /// <summary>The dense tensor, contracting the cores left to right.</summary>
    public Tensor<T> ToDense() => StructuredContraction.Evaluate(Lowered(DecompositionOperation.Reconstruct), this);

    /// <summary>
    /// The dense tensor written into <paramref name="destination"/> (any strides; its shape must be the dense shape), so
    /// repeated reconstructions reuse one buffer instead of allocating a new tensor each time.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's shape differs, or it overlaps a component.</exception>
    public void ToDense(TensorSpan<T> destination) =>
        StructuredContraction.EvaluateInto(Lowered(DecompositionOperation.Reconstruct), destination, nameof(destination), this);

    /// <summary>⟨this, other⟩ = Σ conj(this) other by the zipper sweep, O(N n r³), without densifying.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public T Inner(TensorTrain<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FormatChecks.ThrowIfShapesDiffer(Shape, other.Shape, nameof(other), "shape");
        return StructuredContraction.Scalar(Lowered(DecompositionOperation.Inner), this, other);
    }

    /// <summary>The Frobenius norm, without densifying.</summary>
    public double Norm() =>
        Math.Sqrt(Math.Max(0, Elements.Real(StructuredContraction.Scalar(Lowered(DecompositionOperation.Norm), this))));

    /// <summary>X ×_mode U for U [m, n_mode]: the same train with core <paramref name="mode"/> replaced by "mi,aib->amb".</summary>
    /// <exception cref="ArgumentException">The mode is out of range or U is not [m, n_mode].</exception>
    public TensorTrain<T> ModeProduct(int mode, Tensor<T> matrix)
    {
        FormatChecks.ThrowIfModeOutOfRange(mode, Order, nameof(mode));
        ArgumentNullException.ThrowIfNull(matrix);
        FormatChecks.ThrowIfRankNot(matrix, 2, nameof(matrix), $"[m, {_shape[mode]}]");
        FormatChecks.ThrowIfShapesDiffer([_shape[mode]], [matrix.Lengths[1]], nameof(matrix), "column count");
        var cores = _cores.ToArray();
        cores[mode] = Einsum.Evaluate("mi,aib->amb", matrix, _cores[mode]);
        return new TensorTrain<T>(cores);
    }

    /// <summary>
    /// TT rounding (Oseledets 2011, Algorithm 2): orthogonalize right to left by QR, then truncate left to right by
    /// SVD so that the relative error is at most <see cref="TensorTrainTruncation.RelativeTolerance"/> and no bond
    /// exceeds <see cref="TensorTrainTruncation.MaxRank"/>.
    /// </summary>
    public TensorTrain<T> Round(TensorTrainTruncation truncation) => TensorTrainRounding.Round(this, truncation);

    /// <summary>The element-wise complex conjugate (a copy for real types).</summary>
    public TensorTrain<T> Conjugate() => new(_cores.Select(DenseTensors.Conjugated).ToArray());

    Tensor<T> IComponentSource<T>.Component(OperandPart part, int index) =>
        part == OperandPart.TrainCore ? _cores[index] : throw new ArgumentException($"A tensor train has no {part} component.", nameof(part));

    private LoweredContraction Lowered(DecompositionOperation operation) =>
        DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrain, operation, Order));
}
