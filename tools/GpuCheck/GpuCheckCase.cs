using System;

namespace TensorGen.GpuCheck;

/// <summary>
/// One row of the GPU check: a kernel run on the device against the CPU kernel on the same inputs, then timed. Einsum
/// cases are <see cref="EinsumCheckCase"/>; other families (tensor products) derive their own and list them in
/// <see cref="GpuCheckCases"/>.
/// </summary>
public abstract class GpuCheckCase
{
    /// <summary>The suite's name for the case, e.g. <c>a</c>, <c>c2</c>, <c>mace-large</c> (the peers' rows use the same ids).</summary>
    public abstract string Id { get; }

    /// <summary>What runs, e.g. <c>ij,jk->ik n=4096</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Floating-point operations per call (for GFLOP/s), or 0 when not counted.</summary>
    public abstract double Flops { get; }

    /// <summary>Allocates and fills the inputs on the host and the device and computes the CPU kernel's result.</summary>
    public abstract PreparedCase Prepare(Runtime.Gpu.GpuContext gpu);
}

/// <summary>A case with its data in place: enqueue GPU calls (device-resident data, no copies), then compare.</summary>
public abstract class PreparedCase : IDisposable
{
    /// <summary>Enqueues one call of the GPU kernel on the context's stream (does not wait).</summary>
    public abstract void Enqueue();

    /// <summary>After an <see cref="Enqueue"/>: ‖gpu − cpu‖₂ / ‖cpu‖₂ of the results (NaN when an element was not written).</summary>
    public abstract double RelativeError();

    public abstract void Dispose();
}
