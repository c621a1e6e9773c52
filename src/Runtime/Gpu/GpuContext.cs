using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace TensorGen.Runtime.Gpu;

/// <summary>
/// What generated GPU code runs on: an ILGPU <see cref="ILGPU.Context"/> and <see cref="ILGPU.Runtime.Accelerator"/>
/// (CUDA when there is a device, else ILGPU's CPU accelerator), the stream kernels are enqueued on, the loaded kernels
/// (each kernel method is compiled and loaded once per context) and a pool of device buffers for intermediates and
/// host copies. Create one per process (or per device) and dispose it at the end: it frees the buffers, the
/// accelerator and the context it created.
/// </summary>
/// <remarks>
/// Work is enqueued on <see cref="Stream"/> (the accelerator's default stream) and runs in order, so a generated entry
/// point returns before its kernels finish; <see cref="Synchronize"/> waits. Loading kernels and renting buffers are
/// thread-safe; enqueueing from several threads onto the one stream is ILGPU's (not thread-safe) — use one context per thread.
/// </remarks>
public sealed class GpuContext : IDisposable
{
    /// <summary>The environment variable that chooses the accelerator for <see cref="GpuDevice.Auto"/>: <c>cpu</c>, <c>cuda</c> or <c>auto</c>.</summary>
    public const string EnvironmentVariable = "TENSORGEN_GPU";

    private static readonly ConditionalWeakTable<Accelerator, GpuContext> s_wrapped = new();

    private readonly Context? _ownedContext;
    private readonly bool _ownsAccelerator;
    private readonly object _gate = new();
    private readonly Dictionary<MethodInfo, Delegate> _kernels = new();
    private readonly Dictionary<(Type Element, long Capacity), Stack<MemoryBuffer>> _pool = new();
    private readonly List<MemoryBuffer> _allBuffers = new();
    private bool _disposed;

    private GpuContext(Context? ownedContext, Accelerator accelerator, bool ownsAccelerator)
    {
        _ownedContext = ownedContext;
        Accelerator = accelerator;
        _ownsAccelerator = ownsAccelerator;
    }

    /// <summary>The accelerator kernels run on.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>The stream generated entry points enqueue on (the accelerator's default stream).</summary>
    public AcceleratorStream Stream => Accelerator.DefaultStream;

    /// <summary>True on a CUDA device; false on ILGPU's CPU accelerator.</summary>
    public bool IsCuda => Accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>The device's name, e.g. <c>NVIDIA H100 80GB HBM3</c> or <c>CPUAccelerator</c>.</summary>
    public string DeviceName => Accelerator.Name;

    /// <summary>
    /// Creates a context with its own ILGPU context and accelerator: <paramref name="device"/>, or for
    /// <see cref="GpuDevice.Auto"/> what <see cref="EnvironmentVariable"/> says (default: CUDA when present, else the CPU).
    /// </summary>
    /// <exception cref="InvalidOperationException">CUDA was required and no CUDA device exists.</exception>
    public static GpuContext Create(GpuDevice device = GpuDevice.Auto)
    {
        if (device == GpuDevice.Auto)
        {
            device = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant() switch
            {
                "cpu" => GpuDevice.Cpu,
                "cuda" => GpuDevice.Cuda,
                _ => GpuDevice.Auto,
            };
        }

        // Kernels index tables as static arrays in places; ILGPU must inline them as mutable local arrays.
        Context context = Context.Create(builder =>
        {
            builder.Optimize(OptimizationLevel.O2).Arrays(ArrayMode.InlineMutableStaticArrays);
            if (device != GpuDevice.Cpu)
            {
                builder.Cuda();
            }

            if (device != GpuDevice.Cuda)
            {
                // Warps of 32 and groups of up to 64 threads, as the generated tiled kernels launch (the default CPU device
                // allows groups of 16): 32 threads per warp, 2 warps per multiprocessor, 1 multiprocessor. Every simulated
                // thread of a group is an OS thread, so larger groups only add barrier spinning on a CPU.
                builder.CPU(new CPUDevice(32, 2, 1));
            }
        });
        try
        {
            int cudaDevices = device == GpuDevice.Cpu ? 0 : context.GetCudaDevices().Count;
            if (device == GpuDevice.Cuda && cudaDevices == 0)
            {
                throw new InvalidOperationException("No CUDA device was found (GpuDevice.Cuda or TENSORGEN_GPU=cuda requires one).");
            }

            Device chosen = cudaDevices > 0 ? context.GetCudaDevice(0) : context.GetCPUDevice(0);
            return new GpuContext(context, chosen.CreateAccelerator(context), ownsAccelerator: true);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>True when ILGPU finds a CUDA device on this machine (for tests that skip themselves without one).</summary>
    public static bool HasCudaDevice()
    {
        try
        {
            using Context context = Context.Create(builder => builder.Cuda());
            return context.GetCudaDevices().Count > 0;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The context for an accelerator you created and own: kernels and buffers are cached with it (one context per
    /// accelerator, for its lifetime); disposing the returned context frees its buffers but not the accelerator.
    /// </summary>
    public static GpuContext For(Accelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        lock (s_wrapped)
        {
            if (!s_wrapped.TryGetValue(accelerator, out GpuContext? context) || context._disposed)
            {
                context = new GpuContext(null, accelerator, ownsAccelerator: false);
                s_wrapped.AddOrUpdate(accelerator, context);
            }

            return context;
        }
    }

    /// <summary>
    /// The kernel that <paramref name="load"/> makes, loaded on the first call and cached by <paramref name="load"/>'s method
    /// (generated code passes a static lambda, e.g. <c>static a =&gt; a.LoadAutoGroupedKernel&lt;…&gt;(Kernel)</c>, one per call site).
    /// </summary>
    public TKernel Kernel<TKernel>(Func<Accelerator, TKernel> load)
        where TKernel : Delegate
    {
        ArgumentNullException.ThrowIfNull(load);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_kernels.TryGetValue(load.Method, out Delegate? kernel))
            {
                kernel = load(Accelerator);
                _kernels.Add(load.Method, kernel);
            }

            return (TKernel)kernel;
        }
    }

    /// <summary>Device memory of <paramref name="length"/> elements from the pool (contents undefined); dispose it to give it back.</summary>
    public GpuBuffer<T> Rent<T>(long length)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        // Power-of-two capacities (at least 256 elements), so buffers of similar sizes are reused.
        long capacity = Math.Max(256, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, length)));
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_pool.TryGetValue((typeof(T), capacity), out Stack<MemoryBuffer>? free) && free.Count > 0)
            {
                return new GpuBuffer<T>(this, (MemoryBuffer1D<T, Stride1D.Dense>)free.Pop(), length);
            }

            MemoryBuffer1D<T, Stride1D.Dense> buffer = Accelerator.Allocate1D<T>(capacity);
            _allBuffers.Add(buffer);
            return new GpuBuffer<T>(this, buffer, length);
        }
    }

    /// <summary>Rents a buffer and copies <paramref name="data"/> into it (enqueued on <see cref="Stream"/>).</summary>
    public GpuBuffer<T> Upload<T>(ReadOnlySpan<T> data)
        where T : unmanaged
    {
        GpuBuffer<T> buffer = Rent<T>(data.Length);
        if (data.Length > 0)
        {
            buffer.View.CopyFromCPU(Stream, data);
        }

        return buffer;
    }

    /// <summary>Waits for the enqueued work, then copies <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public void Download<T>(ArrayView<T> source, Span<T> destination)
        where T : unmanaged
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException($"The device view has {source.Length} elements, the destination {destination.Length}.", nameof(destination));
        }

        Stream.Synchronize();
        if (destination.Length > 0)
        {
            source.CopyToCPU(Stream, destination);
            Stream.Synchronize();
        }
    }

    /// <summary>Sets every element of <paramref name="view"/> to zero (enqueued on <see cref="Stream"/>).</summary>
    public void Clear<T>(ArrayView<T> view)
        where T : unmanaged
    {
        if (view.Length > 0)
        {
            view.MemSetToZero(Stream);
        }
    }

    /// <summary>Waits until every kernel and copy enqueued on <see cref="Stream"/> has finished.</summary>
    public void Synchronize() => Stream.Synchronize();

    /// <summary>Frees the pooled buffers and, when this context created them, the accelerator and the ILGPU context.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (MemoryBuffer buffer in _allBuffers)
            {
                buffer.Dispose();
            }

            _allBuffers.Clear();
            _pool.Clear();
            _kernels.Clear();
        }

        if (_ownsAccelerator)
        {
            Accelerator.Dispose();
        }

        _ownedContext?.Dispose();
    }

    internal void Return<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer)
        where T : unmanaged
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!_pool.TryGetValue((typeof(T), buffer.Length), out Stack<MemoryBuffer>? free))
            {
                free = new Stack<MemoryBuffer>();
                _pool.Add((typeof(T), buffer.Length), free);
            }

            free.Push(buffer);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
