using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions;

/// <summary>
/// A TT-matrix (matrix product operator): cores A_k [r_{k−1}, m_k, n_k, r_k] with r_0 = r_N = 1, a linear map from
/// tensors [n_1, …, n_N] to tensors [m_1, …, m_N] with A[(i_1…i_N), (j_1…j_N)] = A_1[:, i_1, j_1, :] ⋯ A_N[:, i_N, j_N, :]
/// (Oseledets 2010, Linear Algebra Appl. 432(1); Oseledets 2011 §4). Elements are float, double or <see cref="Complex"/>.
/// </summary>
public sealed class TensorTrainMatrix<T> : IComponentSource<T>
    where T : unmanaged, INumberBase<T>
{
    private readonly Tensor<T>[] _cores;
    private readonly nint[] _rowShape;
    private readonly nint[] _columnShape;
    private readonly nint[] _ranks;

    /// <param name="cores">A_1 … A_N, each [r_{k−1}, m_k, n_k, r_k]; r_0 = r_N = 1 and neighbouring bonds agree.</param>
    /// <exception cref="ArgumentException">A core is not 4-way, the bonds do not chain, a boundary rank is not 1, or a length is 0.</exception>
    public TensorTrainMatrix(IReadOnlyList<Tensor<T>> cores)
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(cores);
        if (cores.Count == 0)
        {
            throw new ArgumentException("A TT-matrix has at least one core.", nameof(cores));
        }

        _cores = new Tensor<T>[cores.Count];
        _rowShape = new nint[cores.Count];
        _columnShape = new nint[cores.Count];
        _ranks = new nint[cores.Count + 1];
        _ranks[0] = 1;
        for (int k = 0; k < cores.Count; k++)
        {
            Tensor<T> core = cores[k] ?? throw new ArgumentNullException(nameof(cores), $"Core {k} is null.");
            string name = $"cores[{FormatChecks.Index(k)}]";
            FormatChecks.ThrowIfRankNot(core, 4, name, "[r_{k-1}, m_k, n_k, r_k]");
            FormatChecks.ThrowIfEmpty(core, name);
            if (core.Lengths[0] != _ranks[k])
            {
                throw new ArgumentException(
                    $"'{name}' starts with bond {core.Lengths[0]} but {(k == 0 ? "the first bond of a train is 1" : $"core {k - 1} ends with bond {_ranks[k]}")}.",
                    nameof(cores));
            }

            _cores[k] = DenseTensors.Dense(core);
            _rowShape[k] = core.Lengths[1];
            _columnShape[k] = core.Lengths[2];
            _ranks[k + 1] = core.Lengths[3];
        }

        if (_ranks[cores.Count] != 1)
        {
            throw new ArgumentException($"The last core ends with bond {_ranks[cores.Count]}; the last bond of a train is 1.", nameof(cores));
        }

        Cores = new ReadOnlyCollection<Tensor<T>>(_cores);
    }

    /// <summary>The cores A_k, [r_{k−1}, m_k, n_k, r_k].</summary>
    public IReadOnlyList<Tensor<T>> Cores { get; }

    /// <summary>The number of modes N.</summary>
    public int Order => _cores.Length;

    /// <summary>[m_1, …, m_N]: the shape of the tensors the operator produces.</summary>
    public ReadOnlySpan<nint> RowShape => _rowShape;

    /// <summary>[n_1, …, n_N]: the shape of the tensors the operator applies to.</summary>
    public ReadOnlySpan<nint> ColumnShape => _columnShape;

    /// <summary>The bond ranks [1, r_1, …, r_{N−1}, 1].</summary>
    public ReadOnlySpan<nint> Ranks => _ranks;

    /// <summary>The dense operator as a tensor [m_1, …, m_N, n_1, …, n_N] (rows' modes, then columns').</summary>
    public Tensor<T> ToDense() => StructuredContraction.Evaluate(Lowered(DecompositionOperation.Reconstruct), this);

    /// <summary>
    /// The dense tensor written into <paramref name="destination"/> (any strides; its shape must be the dense shape), so
    /// repeated reconstructions reuse one buffer instead of allocating a new tensor each time.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's shape differs, or it overlaps a component.</exception>
    public void ToDense(TensorSpan<T> destination) =>
        StructuredContraction.EvaluateInto(Lowered(DecompositionOperation.Reconstruct), destination, nameof(destination), this);

    /// <summary>A y for a dense <paramref name="vector"/> [n_1, …, n_N]: a dense [m_1, …, m_N], the vector absorbed core by core.</summary>
    /// <exception cref="ArgumentException">The vector's shape is not the column shape.</exception>
    public Tensor<T> MatVec(Tensor<T> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        FormatChecks.ThrowIfShapesDiffer(ColumnShape, vector.Lengths, nameof(vector), "shape");
        return StructuredContraction.Evaluate(Lowered(DecompositionOperation.MatVec), this, new TensorSource<T>(vector));
    }

    /// <summary>
    /// A x for a tensor train x: a tensor train whose core k is A_k contracted with x_k over n_k, bonds r_k·s_k
    /// (Oseledets 2011 §4.3). Round the result to bring the ranks down.
    /// </summary>
    /// <exception cref="ArgumentException">x's shape is not the column shape.</exception>
    public TensorTrain<T> Apply(TensorTrain<T> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        FormatChecks.ThrowIfShapesDiffer(ColumnShape, train.Shape, nameof(train), "shape");
        LoweredContraction core = DecompositionLowering.LowerApplyCore();
        var cores = new Tensor<T>[Order];
        for (int k = 0; k < Order; k++)
        {
            Tensor<T> product = StructuredContraction.Evaluate(core, new TensorSource<T>(_cores[k]), new TensorSource<T>(train.Cores[k]));
            ReadOnlySpan<nint> lengths = product.Lengths; // [a, c, m, b, d]
            cores[k] = DenseTensors.Wrap(DenseTensors.ToArray(product), lengths[0] * lengths[1], lengths[2], lengths[3] * lengths[4]);
        }

        return new TensorTrain<T>(cores);
    }

    /// <summary>⟨x | A | y⟩ = Σ conj(x) A y by the three-layer zipper, O(N r² s² n), without densifying anything.</summary>
    /// <exception cref="ArgumentException">x's shape is not the row shape or y's not the column shape.</exception>
    public T Expectation(TensorTrain<T> x, TensorTrain<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        FormatChecks.ThrowIfShapesDiffer(RowShape, x.Shape, nameof(x), "shape");
        FormatChecks.ThrowIfShapesDiffer(ColumnShape, y.Shape, nameof(y), "shape");
        return StructuredContraction.Scalar(Lowered(DecompositionOperation.Expectation), x, this, y);
    }

    /// <summary>⟨x | A | x⟩, an MPS expectation value (unnormalized: divide by ⟨x, x⟩).</summary>
    public T Expectation(TensorTrain<T> x) => Expectation(x, x);

    /// <summary>⟨this, other⟩ = Σ conj(this) other over all entries (the Frobenius inner product), without densifying.</summary>
    /// <exception cref="ArgumentException">The row or column shapes differ.</exception>
    public T Inner(TensorTrainMatrix<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FormatChecks.ThrowIfShapesDiffer(RowShape, other.RowShape, nameof(other), "row shape");
        FormatChecks.ThrowIfShapesDiffer(ColumnShape, other.ColumnShape, nameof(other), "column shape");
        return StructuredContraction.Scalar(Lowered(DecompositionOperation.Inner), this, other);
    }

    /// <summary>The Frobenius norm, without densifying.</summary>
    public double Norm() =>
        Math.Sqrt(Math.Max(0, Elements.Real(StructuredContraction.Scalar(Lowered(DecompositionOperation.Norm), this))));

    /// <summary>The element-wise complex conjugate (a copy for real types).</summary>
    public TensorTrainMatrix<T> Conjugate() => new(_cores.Select(DenseTensors.Conjugated).ToArray());

    Tensor<T> IComponentSource<T>.Component(OperandPart part, int index) =>
        part == OperandPart.TrainCore ? _cores[index] : throw new ArgumentException($"A TT-matrix has no {part} component.", nameof(part));

    private LoweredContraction Lowered(DecompositionOperation operation) =>
        DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrainMatrix, operation, Order));
}
