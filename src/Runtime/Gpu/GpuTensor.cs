using System;
using ILGPU;

namespace TensorGen.Runtime.Gpu;

/// <summary>
/// A tensor in device memory for the dynamic form's GPU entry points: the elements, and each dimension's length and stride
/// in elements (strides may be 0 for broadcasting, or any order for transposed views), as a <c>TensorSpan</c> describes host
/// memory. Offsets are from the view's first element.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct GpuTensor<T>
    where T : unmanaged
{
    private readonly nint[] _lengths;
    private readonly nint[] _strides;

    /// <summary>A view with explicit lengths and strides.</summary>
    public GpuTensor(ArrayView<T> view, nint[] lengths, nint[] strides)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(strides);
        if (lengths.Length != strides.Length)
        {
            throw new ArgumentException($"{lengths.Length} lengths but {strides.Length} strides.", nameof(strides));
        }

        View = view;
        _lengths = lengths;
        _strides = strides;
    }

    /// <summary>A dense row-major tensor of the given shape.</summary>
    public GpuTensor(ArrayView<T> view, params nint[] lengths)
        : this(view, lengths, RowMajorStrides(lengths))
    {
    }

    /// <summary>The elements.</summary>
    public ArrayView<T> View { get; }

    /// <summary>Each dimension's length.</summary>
    public ReadOnlySpan<nint> Lengths => _lengths;

    /// <summary>Each dimension's stride, in elements.</summary>
    public ReadOnlySpan<nint> Strides => _strides;

    /// <summary>Row-major strides of a dense tensor of <paramref name="lengths"/>.</summary>
    public static nint[] RowMajorStrides(ReadOnlySpan<nint> lengths)
    {
        var strides = new nint[lengths.Length];
        nint stride = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= lengths[d];
        }

        return strides;
    }
}
