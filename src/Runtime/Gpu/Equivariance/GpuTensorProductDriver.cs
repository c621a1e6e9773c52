using System;
using System.Globalization;
using System.Numerics.Tensors;
using ILGPU;
using ILGPU.Runtime;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.Gpu.Equivariance;

/// <summary>A generated forward tensor product's device entry point (<c>NameGpu</c> over device views).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuTensorProductForward<T>(GpuContext gpu, ArrayView<T> x1, ArrayView<T> x2, ArrayView<T> weights, ArrayView<T> output)
    where T : unmanaged;

/// <summary>A generated backward pass's device entry point (<c>NameGpu</c> over device views).</summary>
/// <typeparam name="T">float or double.</typeparam>
public delegate void GpuTensorProductBackward<T>(GpuContext gpu, ArrayView<T> x1, ArrayView<T> x2, ArrayView<T> weights, ArrayView<T> gradOutput,
    ArrayView<T> gradX1, ArrayView<T> gradX2, ArrayView<T> gradWeights)
    where T : unmanaged;

/// <summary>
/// Launches the ILGPU kernels of generated tensor products (docs/gpu.md): checks the device views (dense row-major [Z, dim],
/// the batch Z from x1) before anything is enqueued, lays out the threads — <c>lanes</c> threads per batch row, whole rows per
/// group, as many rows per group as fit 256 threads (and the shared memory the backward kernel sums x2's gradient in) — and
/// cuts very large batches into launches. The backward pass zeroes x1's gradient first (its kernel adds into it) and, for
/// shared weights, lets the kernel write each row's weight gradient into scratch, then sums the scratch over the batch
/// (<see cref="GpuColumnSums"/>). The host overloads check the tensor spans as the CPU kernels do, copy them in densely,
/// run the device entry point and copy the results out.
/// </summary>
public static class GpuTensorProductDriver
{
    /// <summary>The most scratch elements for shared weights' per-row gradients in one launch.</summary>
    private const long ScratchElements = 1L << 24;

    /// <summary>output = x1 ⊗ x2 on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <param name="gpu">The context.</param>
    /// <param name="layout">What the kernel was compiled for (the CPU kernel's layout).</param>
    /// <param name="lanes">Threads per batch row the kernel was written for (fewer when a group cannot hold them).</param>
    /// <param name="stagedWeights">Shared-memory elements the kernel stages weights in.</param>
    /// <param name="kernel">The loaded kernel: (x1, x2, weights, output, rows, lanes).</param>
    /// <param name="x1">x1 [Z, dim1].</param>
    /// <param name="x2">x2 [Z, dim2].</param>
    /// <param name="weights">[W] shared or [Z, W]; empty when the product has no weights parameter.</param>
    /// <param name="output">output [Z, dimOut].</param>
    /// <exception cref="ArgumentException">A view's length does not fit, or the output overlaps an input; nothing has been enqueued.</exception>
    public static void Forward<T>(GpuContext gpu, TensorProductLayout layout, int lanes, int stagedWeights,
        Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int> kernel,
        ArrayView<T> x1, ArrayView<T> x2, ArrayView<T> weights, ArrayView<T> output)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        long batch = CheckInputs(layout, x1, x2, weights, output, out bool hasWeights);
        GpuChecks.ThrowIfOverlaps(output, Name(layout, 3), x1, Name(layout, 0));
        GpuChecks.ThrowIfOverlaps(output, Name(layout, 3), x2, Name(layout, 1));
        if (hasWeights)
        {
            GpuChecks.ThrowIfOverlaps(output, Name(layout, 3), weights, Name(layout, 2));
        }

        if (batch == 0 || layout.DimOut == 0)
        {
            return;
        }

        var geometry = GpuRowGeometry.Of<T>(gpu, lanes, stagedWeights, x2PerRow: 0, batch, maxRows: long.MaxValue);
        for (long first = 0; first < batch; first += geometry.RowsPerLaunch)
        {
            int rows = (int)Math.Min(geometry.RowsPerLaunch, batch - first);
            kernel(gpu.Stream, geometry.Config<T>(rows),
                Rows(x1, first, rows, layout.Dim1), Rows(x2, first, rows, layout.Dim2), WeightRows(layout, weights, first, rows),
                Rows(output, first, rows, layout.DimOut), rows, geometry.Lanes);
        }
    }

    /// <summary>The gradients of Σ output · gradOutput with respect to x1, x2 and the weights on the device; enqueued on <see cref="GpuContext.Stream"/>.</summary>
    /// <param name="gpu">The context.</param>
    /// <param name="layout">What the kernel was compiled for (the CPU kernel's layout).</param>
    /// <param name="lanes">Threads per batch row the kernel was written for.</param>
    /// <param name="stagedWeights">Shared-memory elements the kernel stages weights in (before x2's gradient).</param>
    /// <param name="kernel">The loaded kernel: (x1, x2, weights, gradOutput, gradX1, gradX2, gradWeight rows, rows, lanes).</param>
    /// <param name="x1">x1 [Z, dim1].</param>
    /// <param name="x2">x2 [Z, dim2].</param>
    /// <param name="weights">[W] shared or [Z, W]; empty when the product has no weights parameter.</param>
    /// <param name="gradOutput">[Z, dimOut].</param>
    /// <param name="gradX1">[Z, dim1], overwritten.</param>
    /// <param name="gradX2">[Z, dim2], overwritten.</param>
    /// <param name="gradWeights">Shaped as the weights, overwritten (for shared weights: summed over the batch).</param>
    /// <exception cref="ArgumentException">A view's length does not fit, or a result overlaps an input or another result; nothing has been enqueued.</exception>
    public static void Backward<T>(GpuContext gpu, TensorProductLayout layout, int lanes, int stagedWeights,
        Action<AcceleratorStream, KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, int> kernel,
        ArrayView<T> x1, ArrayView<T> x2, ArrayView<T> weights, ArrayView<T> gradOutput, ArrayView<T> gradX1, ArrayView<T> gradX2, ArrayView<T> gradWeights)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(kernel);
        long batch = CheckInputs(layout, x1, x2, weights, gradOutput, out bool hasWeights);
        CheckRows(layout, 4, gradX1, layout.Dim1, batch);
        CheckRows(layout, 5, gradX2, layout.Dim2, batch);
        if (hasWeights)
        {
            CheckWeights(layout, 6, gradWeights, batch);
        }

        ArrayView<T>[] views = { x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights };
        for (int result = 4; result < (hasWeights ? 7 : 6); result++)
        {
            for (int other = 0; other < result; other++)
            {
                if (other != 2 || hasWeights)
                {
                    GpuChecks.ThrowIfOverlaps(views[result], Name(layout, result), views[other], Name(layout, other));
                }
            }
        }

        bool sharedGradient = hasWeights && layout.SharedWeights && layout.WeightCount > 0;
        if (gradX1.Length > 0)
        {
            gradX1.MemSetToZero(gpu.Stream);
        }

        if (sharedGradient)
        {
            gradWeights.MemSetToZero(gpu.Stream);
        }

        if (batch == 0)
        {
            return;
        }

        long maxRows = sharedGradient ? Math.Max(1, ScratchElements / layout.WeightCount) : long.MaxValue;
        var geometry = GpuRowGeometry.Of<T>(gpu, lanes, stagedWeights, layout.Dim2, batch, maxRows);
        using GpuBuffer<T>? scratch = sharedGradient ? gpu.Rent<T>(Math.Min(batch, geometry.RowsPerLaunch) * layout.WeightCount) : null;
        for (long first = 0; first < batch; first += geometry.RowsPerLaunch)
        {
            int rows = (int)Math.Min(geometry.RowsPerLaunch, batch - first);
            ArrayView<T> gradWeightRows = scratch is not null
                ? scratch.View.SubView(0, (long)rows * layout.WeightCount)
                : hasWeights && layout.WeightCount > 0 ? Rows(gradWeights, first, rows, layout.WeightCount) : default;
            kernel(gpu.Stream, geometry.Config<T>(rows),
                Rows(x1, first, rows, layout.Dim1), Rows(x2, first, rows, layout.Dim2), WeightRows(layout, weights, first, rows),
                Rows(gradOutput, first, rows, layout.DimOut), Rows(gradX1, first, rows, layout.Dim1), Rows(gradX2, first, rows, layout.Dim2),
                gradWeightRows, rows, geometry.Lanes);
            if (scratch is not null)
            {
                GpuColumnSums.Add(gpu, gradWeightRows, rows, layout.WeightCount, gradWeights);
            }
        }
    }

    /// <summary>The host form of the forward pass: checks the tensor spans as the CPU kernel does, copies them in, runs <paramref name="device"/>, copies the output out (waits).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or the output overlaps an input or itself; nothing has been written.</exception>
    public static void Forward<T>(GpuContext gpu, TensorProductLayout layout, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights,
        TensorSpan<T> output, GpuTensorProductForward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(device);
        int batch = TensorProductArguments.CheckForward(layout, x1, x2, weights, output, out bool hasWeights);

        if (batch == 0 || layout.DimOut == 0)
        {
            return;
        }

        using GpuBuffer<T> deviceX1 = gpu.Upload<T>(Dense(x1));
        using GpuBuffer<T> deviceX2 = gpu.Upload<T>(Dense(x2));
        using GpuBuffer<T>? deviceWeights = hasWeights ? gpu.Upload<T>(Dense(weights)) : null;
        using GpuBuffer<T> deviceOutput = gpu.Rent<T>(output.FlattenedLength);
        device(gpu, deviceX1.View, deviceX2.View, deviceWeights?.View ?? default, deviceOutput.View);
        CopyOut(gpu, deviceOutput.View, output);
    }

    /// <summary>The host form of the backward pass: copies in, runs <paramref name="device"/>, copies the gradients out (waits).</summary>
    /// <exception cref="ArgumentException">A shape does not fit, or a result overlaps an input, another result or itself; nothing has been written.</exception>
    public static void Backward<T>(GpuContext gpu, TensorProductLayout layout, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights, GpuTensorProductBackward<T> device)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(device);
        TensorProductArguments.CheckBackward(layout, x1, x2, weights, gradOutput, gradX1, gradX2, gradWeights, out bool hasWeights);

        using GpuBuffer<T> deviceX1 = gpu.Upload<T>(Dense(x1));
        using GpuBuffer<T> deviceX2 = gpu.Upload<T>(Dense(x2));
        using GpuBuffer<T>? deviceWeights = hasWeights ? gpu.Upload<T>(Dense(weights)) : null;
        using GpuBuffer<T> deviceGradOutput = gpu.Upload<T>(Dense(gradOutput));
        using GpuBuffer<T> deviceGradX1 = gpu.Rent<T>(gradX1.FlattenedLength);
        using GpuBuffer<T> deviceGradX2 = gpu.Rent<T>(gradX2.FlattenedLength);
        using GpuBuffer<T>? deviceGradWeights = hasWeights ? gpu.Rent<T>(gradWeights.FlattenedLength) : null;
        device(gpu, deviceX1.View, deviceX2.View, deviceWeights?.View ?? default, deviceGradOutput.View, deviceGradX1.View, deviceGradX2.View,
            deviceGradWeights?.View ?? default);
        CopyOut(gpu, deviceGradX1.View, gradX1);
        CopyOut(gpu, deviceGradX2.View, gradX2);
        if (deviceGradWeights is not null)
        {
            CopyOut(gpu, deviceGradWeights.View, gradWeights);
        }
    }

    /// <summary>A tensor's elements in row-major order.</summary>
    internal static T[] Dense<T>(ReadOnlyTensorSpan<T> tensor)
    {
        var dense = new T[tensor.FlattenedLength];
        tensor.FlattenTo(dense);
        return dense;
    }

    /// <summary>Waits, then copies a dense device result into a (possibly strided) host tensor.</summary>
    internal static void CopyOut<T>(GpuContext gpu, ArrayView<T> source, TensorSpan<T> destination)
        where T : unmanaged
    {
        var dense = new T[source.Length];
        gpu.Download(source, dense);
        new ReadOnlyTensorSpan<T>(dense, destination.Lengths).CopyTo(destination);
    }

    private static string Name(TensorProductLayout layout, int index) => layout.Name(index);

    /// <summary>Z from the first operand with features (x1, else x2, else the output); checks that its length is a whole number of rows.</summary>
    private static long Batch(TensorProductLayout layout, long x1, long x2, long output)
    {
        (long length, int dim, int index) = layout.Dim1 > 0 ? (x1, layout.Dim1, 0) : layout.Dim2 > 0 ? (x2, layout.Dim2, 1) : (output, layout.DimOut, 3);
        if (dim == 0)
        {
            return 0;
        }

        if (length % dim != 0)
        {
            throw new ArgumentException(
                $"'{Name(layout, index)}' of {layout.Method} has {length.ToString(CultureInfo.InvariantCulture)} elements, not a whole number of rows of "
                + $"{dim.ToString(CultureInfo.InvariantCulture)} (a dense row-major [Z, {dim.ToString(CultureInfo.InvariantCulture)}] device view).",
                Name(layout, index));
        }

        return length / dim;
    }

    private static void CheckRows<T>(TensorProductLayout layout, int index, ArrayView<T> view, int dim, long batch)
        where T : unmanaged =>
        GpuChecks.ThrowIfLengthMismatch(view, batch * dim, Name(layout, index),
            $"[{batch.ToString(CultureInfo.InvariantCulture)}, {dim.ToString(CultureInfo.InvariantCulture)}] of {layout.Method} (Z from {Name(layout, 0)})");

    private static void CheckWeights<T>(TensorProductLayout layout, int index, ArrayView<T> view, long batch)
        where T : unmanaged
    {
        if (layout.SharedWeights)
        {
            GpuChecks.ThrowIfLengthMismatch(view, layout.WeightCount, Name(layout, index),
                $"[{layout.WeightCount.ToString(CultureInfo.InvariantCulture)}] of {layout.Method} (shared weights)");
        }
        else
        {
            CheckRows(layout, index, view, layout.WeightCount, batch);
        }
    }

    private static ArrayView<T> Rows<T>(ArrayView<T> view, long first, int rows, int dim)
        where T : unmanaged =>
        dim == 0 ? view : view.SubView(first * dim, (long)rows * dim);

    private static ArrayView<T> WeightRows<T>(TensorProductLayout layout, ArrayView<T> weights, long first, int rows)
        where T : unmanaged =>
        layout.SharedWeights || weights.Length == 0 ? weights : Rows(weights, first, rows, layout.WeightCount);

    /// <summary>
    /// The checks both passes share: the batch Z (from x1), then x1, x2, the weights (when the product has a weights
    /// parameter) and the [Z, dimOut] view in parameter position 3 (the output, or the output's gradient).
    /// </summary>
    private static long CheckInputs<T>(TensorProductLayout layout, ArrayView<T> x1, ArrayView<T> x2, ArrayView<T> weights,
        ArrayView<T> outputRows, out bool hasWeights)
        where T : unmanaged
    {
        hasWeights = layout.ParameterNames.Span[2] is not null;
        long batch = Batch(layout, x1.Length, x2.Length, outputRows.Length);
        CheckRows(layout, 0, x1, layout.Dim1, batch);
        CheckRows(layout, 1, x2, layout.Dim2, batch);
        if (hasWeights)
        {
            CheckWeights(layout, 2, weights, batch);
        }

        CheckRows(layout, 3, outputRows, layout.DimOut, batch);
        return batch;
    }
}
