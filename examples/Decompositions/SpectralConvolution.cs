using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.IntegralTransforms;
using TensorGen;
using TensorGen.Decompositions;

namespace Decompositions;

/// <summary>
/// The spectral convolution of a tensorized Fourier neural operator (Li et al. 2021, ICLR; the CP-factorized TFNO of
/// Kossaifi et al. 2023, TMLR): FFT the input, keep the lowest m × m modes, multiply each mode by a complex channel-mixing
/// matrix W[i, o, kx, ky] stored in CP form — λ, A[i, r], B[o, r], C[kx, r], D[ky, r] — and transform back. The mode
/// multiplication is the einsum "bixy,r,ir,or,xr,yr->boxy" over the factors; the dense weights are formed only to check.
/// Factorized, it costs O(b·x·y·(i + o)·r) instead of O(b·x·y·i·o), and the weights take (i + o + x + y)·r numbers
/// instead of i·o·x·y.
/// </summary>
internal static class SpectralConvolution
{
    private const int Batch = 4, ChannelsIn = 32, ChannelsOut = 32, Grid = 32, Modes = 12, Rank = 8;

    public static int Run()
    {
        Console.WriteLine($"3. Tensorized-FNO spectral convolution: batch {Batch}, {ChannelsIn}→{ChannelsOut} channels, {Grid}×{Grid} grid, "
            + $"{Modes}×{Modes} modes, CP rank {Rank} complex weights");
        var random = new Random(7);
        CpTensor<Complex> weights = Scaled(CpTensor.Random<Complex>([ChannelsIn, ChannelsOut, Modes, Modes], Rank, random), 1.0 / ChannelsIn);
        Tensor<double> input = Tensor.Create(Enumerable.Range(0, Batch * ChannelsIn * Grid * Grid).Select(_ => Normal(random)).ToArray(),
            [Batch, ChannelsIn, Grid, Grid]);

        Tensor<Complex> spectrum = LowModes(input);
        const string factorized = "bixy,r,ir,or,xr,yr->boxy";
        Tensor<Complex>[] operands = [spectrum, weights.Weights, .. weights.Factors];
        Tensor<Complex> mixed = Einsum.Evaluate(factorized, operands);

        // The check: the same product with the weights made dense by the generated CP kernel.
        Tensor<Complex> dense = Tensor.CreateFromShape<Complex>([ChannelsIn, ChannelsOut, Modes, Modes]);
        Kernels.DenseWeights(weights, dense.AsTensorSpan());
        Tensor<Complex> reference = Einsum.Evaluate("bixy,ioxy->boxy", spectrum, dense);
        double difference = MaxDifference(mixed, reference) / MaxAbs(reference);
        double normFromFactors = Kernels.WeightNorm(weights), denseNorm = Math.Sqrt(Values(dense).Sum(v => v.Magnitude * v.Magnitude));

        Tensor<double> output = Synthesize(mixed);
        long factorParameters = Rank + (Rank * (long)(ChannelsIn + ChannelsOut + Modes + Modes));
        long denseParameters = (long)ChannelsIn * ChannelsOut * Modes * Modes;
        Console.WriteLine($"   weights: {factorParameters} complex parameters in CP form, {denseParameters} dense "
            + string.Create(CultureInfo.InvariantCulture, $"({(double)denseParameters / factorParameters:0.0}x fewer)"));
        Console.WriteLine($"   planned FLOPs of the mode multiplication: {PlannedFlops(factorized, operands)} factorized "
            + $"(path {PlannedPath(factorized, operands)}), {PlannedFlops("bixy,ioxy->boxy", [spectrum, dense])} with dense weights");

        double factorizedTime = Time(() => Einsum.Evaluate(factorized, operands));
        double denseTime = Time(() => Einsum.Evaluate("bixy,ioxy->boxy", spectrum, dense));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   factorized vs dense weights: max relative difference {difference:0.0e+0}; ‖W‖ from the factors {normFromFactors:0.000000} vs dense {denseNorm:0.000000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   mode multiplication: {factorizedTime:0.00} ms factorized, {denseTime:0.00} ms with dense weights; output [{string.Join(", ", output.Lengths.ToArray())}], ‖v‖ = {Math.Sqrt(Values(output).Sum(v => v * v)):0.0000}"));
        Console.WriteLine();

        int failures = 0;
        if (difference > 1e-12 || Math.Abs(normFromFactors - denseNorm) > 1e-12 * denseNorm)
        {
            Console.WriteLine("   FAILED: the factorized and dense weights disagree");
            failures++;
        }

        return failures;
    }

    /// <summary>The 2-D FFT of every (batch, channel) slice, keeping the lowest Modes × Modes frequencies.</summary>
    private static Tensor<Complex> LowModes(Tensor<double> input)
    {
        double[] values = Values(input);
        var kept = new Complex[Batch * ChannelsIn * Modes * Modes];
        var slice = new Complex[Grid * Grid];
        for (int s = 0; s < Batch * ChannelsIn; s++)
        {
            for (int p = 0; p < slice.Length; p++)
            {
                slice[p] = values[(s * Grid * Grid) + p];
            }

            Transform(slice, inverse: false);
            for (int kx = 0; kx < Modes; kx++)
            {
                Array.Copy(slice, kx * Grid, kept, (((s * Modes) + kx) * Modes), Modes);
            }
        }

        return Tensor.Create(kept, [Batch, ChannelsIn, Modes, Modes]);
    }

    /// <summary>Zero-pads the mixed modes back to the grid and takes the real part of the inverse FFT.</summary>
    private static Tensor<double> Synthesize(Tensor<Complex> mixed)
    {
        Complex[] values = Values(mixed);
        var output = new double[Batch * ChannelsOut * Grid * Grid];
        var slice = new Complex[Grid * Grid];
        for (int s = 0; s < Batch * ChannelsOut; s++)
        {
            Array.Clear(slice);
            for (int kx = 0; kx < Modes; kx++)
            {
                Array.Copy(values, ((s * Modes) + kx) * Modes, slice, kx * Grid, Modes);
            }

            Transform(slice, inverse: true);
            for (int p = 0; p < slice.Length; p++)
            {
                output[(s * Grid * Grid) + p] = slice[p].Real;
            }
        }

        return Tensor.Create(output, [Batch, ChannelsOut, Grid, Grid]);
    }

    /// <summary>
    /// The 2-D discrete Fourier transform of a row-major Grid × Grid slice in place, as numpy's fft2/ifft2 scale it (the
    /// inverse divides by Grid²): 1-D transforms of the rows, then of the columns (MathNet's managed provider has no
    /// multi-dimensional transform).
    /// </summary>
    private static void Transform(Complex[] slice, bool inverse)
    {
        var line = new Complex[Grid];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int n = 0; n < Grid; n++)
            {
                for (int m = 0; m < Grid; m++)
                {
                    line[m] = pass == 0 ? slice[(n * Grid) + m] : slice[(m * Grid) + n];
                }

                if (inverse)
                {
                    Fourier.Inverse(line, FourierOptions.Matlab);
                }
                else
                {
                    Fourier.Forward(line, FourierOptions.Matlab);
                }

                for (int m = 0; m < Grid; m++)
                {
                    slice[pass == 0 ? (n * Grid) + m : (m * Grid) + n] = line[m];
                }
            }
        }
    }

    private static CpTensor<Complex> Scaled(CpTensor<Complex> x, double scale)
    {
        Complex[] weights = Values(x.Weights).Select(w => w * scale).ToArray();
        return new CpTensor<Complex>(Tensor.Create(weights, [weights.Length]), x.Factors);
    }

    /// <summary>A line of the plan table <see cref="Einsum.Path"/> prints.</summary>
    private static string PlanLine(string expression, Tensor<Complex>[] operands, string label) =>
        Einsum.Path(expression, operands.Select(o => o.Lengths.ToArray()).ToArray()).Split('\n')
            .Single(line => line.TrimStart().StartsWith(label, StringComparison.Ordinal)).Split(':')[1].Trim();

    private static string PlannedFlops(string expression, Tensor<Complex>[] operands) => PlanLine(expression, operands, "Optimized FLOP count");

    private static string PlannedPath(string expression, Tensor<Complex>[] operands) => PlanLine(expression, operands, "Path");

    private static double Time(Action action)
    {
        action();
        var clock = Stopwatch.StartNew();
        const int repeats = 5;
        for (int i = 0; i < repeats; i++)
        {
            action();
        }

        return clock.Elapsed.TotalMilliseconds / repeats;
    }

    private static double MaxDifference(Tensor<Complex> a, Tensor<Complex> b) =>
        Values(a).Zip(Values(b), (x, y) => (x - y).Magnitude).Max();

    private static double MaxAbs(Tensor<Complex> a) => Values(a).Max(v => v.Magnitude);

    private static T[] Values<T>(Tensor<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
