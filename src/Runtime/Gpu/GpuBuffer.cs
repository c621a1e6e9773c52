using System;
using ILGPU;
using ILGPU.Runtime;

namespace TensorGen.Runtime.Gpu;

/// <summary>
/// Device memory rented from a <see cref="GpuContext"/>'s pool: <see cref="View"/> has exactly the requested length (the
/// buffer behind it may be longer). Disposing gives the memory back to the pool; work already enqueued on the context's
/// stream that uses it stays valid, because the stream runs in order and the next renter's work is enqueued after it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class GpuBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly GpuContext _owner;
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    internal GpuBuffer(GpuContext owner, MemoryBuffer1D<T, Stride1D.Dense> buffer, long length)
    {
        _owner = owner;
        _buffer = buffer;
        Length = length;
    }

    /// <summary>The number of elements requested.</summary>
    public long Length { get; }

    /// <summary>The rented elements, dense.</summary>
    public ArrayView<T> View => (_buffer ?? throw new ObjectDisposedException(nameof(GpuBuffer<T>))).View.SubView(0, Length);

    /// <summary>Gives the memory back to the pool (it is freed when the context is disposed).</summary>
    public void Dispose()
    {
        MemoryBuffer1D<T, Stride1D.Dense>? buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            _owner.Return(buffer);
        }
    }
}
