using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// A pinned [Z, D] operand as its first element's address and its strides in elements, so that worker threads can
/// read and write it (tensor spans are ref structs and cannot cross threads).
/// </summary>
internal readonly unsafe struct StridedRows<T>
    where T : unmanaged
{
    public StridedRows(T* first, nint rowStride, nint columnStride, int features)
    {
        First = (nint)first;
        RowStride = rowStride;
        ColumnStride = columnStride;
        Features = features;
    }

    public nint First { get; }

    public nint RowStride { get; }

    public nint ColumnStride { get; }

    public int Features { get; }

    public static StridedRows<T> Of(T* first, scoped in ReadOnlyTensorSpan<T> tensor, int features) =>
        new(first, tensor.Rank == 2 ? tensor.Strides[0] : 0, tensor.Rank == 2 ? tensor.Strides[1] : (tensor.Rank == 1 ? tensor.Strides[0] : 1), features);

    public static StridedRows<T> Of(T* first, scoped in TensorSpan<T> tensor, int features) =>
        new(first, tensor.Rank == 2 ? tensor.Strides[0] : 0, tensor.Rank == 2 ? tensor.Strides[1] : (tensor.Rank == 1 ? tensor.Strides[0] : 1), features);

    /// <summary>The first feature of row <paramref name="row"/>.</summary>
    public ref T Row(int row) => ref Unsafe.AsRef<T>((T*)First + (row * RowStride));
}
