using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance;
using TensorGen.Runtime.Gpu;
using TensorGen.Tests.Reference;

namespace TensorGen.Gpu.Tests.Equivariant;

/// <summary>The products of <see cref="EquivariantGpuKernels"/> by name, each runnable on the CPU or a GPU context on double arrays.</summary>
internal static class EquivariantGpuProducts
{
    public static IReadOnlyDictionary<string, EquivariantGpuProduct> All { get; } = new Dictionary<string, EquivariantGpuProduct>
    {
        ["mixed shared double"] = Double(Describe(EquivariantGpuKernels.Mixed1, EquivariantGpuKernels.Mixed2, EquivariantGpuKernels.MixedOut, EquivariantGpuKernels.MixedInstructions),
            EquivariantGpuKernels.MixedSharedDouble, EquivariantGpuKernels.MixedSharedDoubleBackward,
            EquivariantGpuKernels.MixedSharedDoubleGpu, EquivariantGpuKernels.MixedSharedDoubleBackwardGpu),
        ["mixed rows double"] = Double(Describe(EquivariantGpuKernels.Mixed1, EquivariantGpuKernels.Mixed2, EquivariantGpuKernels.MixedOut, EquivariantGpuKernels.MixedInstructions, sharedWeights: false),
            EquivariantGpuKernels.MixedRowsDouble, EquivariantGpuKernels.MixedRowsDoubleBackward,
            EquivariantGpuKernels.MixedRowsDoubleGpu, EquivariantGpuKernels.MixedRowsDoubleBackwardGpu),
        ["mixed shared single"] = Single(Describe(EquivariantGpuKernels.Mixed1, EquivariantGpuKernels.Mixed2, EquivariantGpuKernels.MixedOut, EquivariantGpuKernels.MixedInstructions),
            EquivariantGpuKernels.MixedSharedSingle, EquivariantGpuKernels.MixedSharedSingleBackward,
            EquivariantGpuKernels.MixedSharedSingleGpu, EquivariantGpuKernels.MixedSharedSingleBackwardGpu),
        ["mixed rows single"] = Single(Describe(EquivariantGpuKernels.Mixed1, EquivariantGpuKernels.Mixed2, EquivariantGpuKernels.MixedOut, EquivariantGpuKernels.MixedInstructions, sharedWeights: false),
            EquivariantGpuKernels.MixedRowsSingle, EquivariantGpuKernels.MixedRowsSingleBackward,
            EquivariantGpuKernels.MixedRowsSingleGpu, EquivariantGpuKernels.MixedRowsSingleBackwardGpu),
        ["full shared single"] = Single(Describe(EquivariantGpuKernels.Full1, EquivariantGpuKernels.Full2, EquivariantGpuKernels.FullOut),
            EquivariantGpuKernels.FullSingle, EquivariantGpuKernels.FullSingleBackward,
            EquivariantGpuKernels.FullSingleGpu, EquivariantGpuKernels.FullSingleBackwardGpu),
        ["channelwise rows single"] = Single(
            TensorProductDescription.Create(EquivariantGpuKernels.Channel1, EquivariantGpuKernels.Channel2, EquivariantGpuKernels.ChannelOut,
                kind: TensorProductKind.Channelwise, sharedWeights: false),
            EquivariantGpuKernels.ChannelwiseSingle, EquivariantGpuKernels.ChannelwiseSingleBackward,
            EquivariantGpuKernels.ChannelwiseSingleGpu, EquivariantGpuKernels.ChannelwiseSingleBackwardGpu),
        ["wide shared double"] = Double(Describe("40x0e+20x1o", "1x0e+1x1o", "24x0e+20x1o"),
            EquivariantGpuKernels.WideDouble, EquivariantGpuKernels.WideDoubleBackward,
            EquivariantGpuKernels.WideDoubleGpu, EquivariantGpuKernels.WideDoubleBackwardGpu),
        ["mace-large rows single"] = Single(
            TensorProductDescription.Create("128x0e+128x1o+128x2e", "0e+1o+2e+3o", "0e+1o+2e+3o", kind: TensorProductKind.Channelwise, sharedWeights: false),
            EquivariantGpuKernels.MaceLargeSingle, EquivariantGpuKernels.MaceLargeSingleBackward,
            EquivariantGpuKernels.MaceLargeSingleGpu, EquivariantGpuKernels.MaceLargeSingleBackwardGpu),
        ["unweighted double"] = Double(Describe("2x1o", "1x1o", "2x0e+2x2e", "0,0,0,uvu,false; 0,0,1,uvu,false"),
            (x1, x2, _, output) => EquivariantGpuKernels.UnweightedDouble(x1, x2, output),
            (x1, x2, _, g, gx1, gx2, _) => EquivariantGpuKernels.UnweightedDoubleBackward(x1, x2, g, gx1, gx2),
            (gpu, x1, x2, _, output) => EquivariantGpuKernels.UnweightedDoubleGpu(gpu, x1, x2, output),
            (gpu, x1, x2, _, g, gx1, gx2, _) => EquivariantGpuKernels.UnweightedDoubleBackwardGpu(gpu, x1, x2, g, gx1, gx2)),
    };

    private static TensorProductDescription Describe(string irreps1, string irreps2, string irrepsOut, string? instructions = null, bool sharedWeights = true) =>
        TensorProductDescription.Create(irreps1, irreps2, irrepsOut, instructions, sharedWeights: sharedWeights);

    private static EquivariantGpuProduct Double(TensorProductDescription description, Forward<double> cpu, Backward<double> cpuBackward,
        GpuForward<double> gpu, GpuBackward<double> gpuBackward) =>
        new(description, 1e-11, Kernels(description, cpu, cpuBackward, gpu, gpuBackward, x => x, x => x));

    private static EquivariantGpuProduct Single(TensorProductDescription description, Forward<float> cpu, Backward<float> cpuBackward,
        GpuForward<float> gpu, GpuBackward<float> gpuBackward) =>
        new(description, 2e-4, Kernels(description, cpu, cpuBackward, gpu, gpuBackward, x => (float)x, x => x));

    /// <summary>Runs the kernels of element type T on double arrays (converted in and out).</summary>
    private static EquivariantGpuRunner Kernels<T>(TensorProductDescription d, Forward<T> cpu, Backward<T> cpuBackward, GpuForward<T> gpu, GpuBackward<T> gpuBackward,
        Func<double, T> to, Func<T, double> from)
    {
        nint[] WeightShape(int batch) => d.SharedWeights ? [d.WeightCount] : [batch, d.WeightCount];
        T[] In(double[] values) => values.Select(to).ToArray();
        double[] Out(T[] values) => values.Select(from).ToArray();

        double[] Forward(GpuContext? context, double[] x1, double[] x2, double[] weights, int batch)
        {
            var output = new T[batch * d.DimOut];
            var a = new ReadOnlyTensorSpan<T>(In(x1), [batch, d.Dim1]);
            var b = new ReadOnlyTensorSpan<T>(In(x2), [batch, d.Dim2]);
            var w = new ReadOnlyTensorSpan<T>(In(weights), WeightShape(batch));
            var o = new TensorSpan<T>(output, [batch, d.DimOut]);
            if (context is null)
            {
                cpu(a, b, w, o);
            }
            else
            {
                gpu(context, a, b, w, o);
            }

            return Out(output);
        }

        (double[], double[], double[]) Backward(GpuContext? context, double[] x1, double[] x2, double[] weights, double[] gradOutput, int batch)
        {
            var (gx1, gx2, gw) = (new T[x1.Length], new T[x2.Length], new T[weights.Length]);
            var a = new ReadOnlyTensorSpan<T>(In(x1), [batch, d.Dim1]);
            var b = new ReadOnlyTensorSpan<T>(In(x2), [batch, d.Dim2]);
            var w = new ReadOnlyTensorSpan<T>(In(weights), WeightShape(batch));
            var g = new ReadOnlyTensorSpan<T>(In(gradOutput), [batch, d.DimOut]);
            var ra = new TensorSpan<T>(gx1, [batch, d.Dim1]);
            var rb = new TensorSpan<T>(gx2, [batch, d.Dim2]);
            var rw = new TensorSpan<T>(gw, WeightShape(batch));
            if (context is null)
            {
                cpuBackward(a, b, w, g, ra, rb, rw);
            }
            else
            {
                gpuBackward(context, a, b, w, g, ra, rb, rw);
            }

            return (Out(gx1), Out(gx2), Out(gw));
        }

        return new EquivariantGpuRunner(Forward, Backward);
    }

    public delegate void Forward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output);

    public delegate void Backward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights);

    public delegate void GpuForward<T>(GpuContext gpu, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output);

    public delegate void GpuBackward<T>(GpuContext gpu, ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights);
}

/// <summary>Runs one product's kernels on double arrays: on the CPU when the context is null, else on the context.</summary>
internal sealed record EquivariantGpuRunner(
    Func<GpuContext?, double[], double[], double[], int, double[]> Forward,
    Func<GpuContext?, double[], double[], double[], double[], int, (double[] GradX1, double[] GradX2, double[] GradWeights)> Backward);

/// <summary>A declared product: its description, the tolerance for its element type, and its kernels.</summary>
internal sealed record EquivariantGpuProduct(TensorProductDescription Description, double Tolerance, EquivariantGpuRunner Kernels)
{
    public int WeightLength(int batch) => Description.WeightCount * (Description.SharedWeights ? 1 : batch);

    public double[] Forward(GpuContext? gpu, double[] x1, double[] x2, double[] weights, int batch) => Kernels.Forward(gpu, x1, x2, weights, batch);

    public (double[] GradX1, double[] GradX2, double[] GradWeights) Backward(GpuContext? gpu, double[] x1, double[] x2, double[] weights, double[] gradOutput, int batch) =>
        Kernels.Backward(gpu, x1, x2, weights, gradOutput, batch);

    /// <summary>
    /// The dense reference (tests/Shared/Equivariance) of the description, with the tests' own Wigner 3j symbols and path weights
    /// (every product here is declared with the default normalizations, component and element).
    /// </summary>
    public ReferenceTensorProduct Reference() => ReferenceTensorProduct.Of(Description);
}
