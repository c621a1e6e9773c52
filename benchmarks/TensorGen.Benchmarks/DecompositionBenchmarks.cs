using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TensorGen.Decompositions;

namespace TensorGen.Benchmarks;

/// <summary>Peer case e) MTTKRP ijk,jr,kr->ir with i = j = k = 200, r = 32, fp32 (numpy: 15 ms).</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class DecompositionMttkrpBenchmarks : IFlopCount
{
    private const int N = 200, R = 32;
    private readonly float[] _x = SuiteData.Random(N * N * N, seed: 1), _result = new float[N * R];
    private readonly CpTensor<float> _factors = CpTensor.Random<float>([N, N, N], R, new Random(1));

    /// <summary>numpy's cost for its two-step path: 2·n³·r + 2·n²·r.</summary>
    public double Flops => (2.0 * N * N * N * R) + (2.0 * N * N * R);

    [Benchmark]
    public void Dynamic() => DecompositionKernels.Mttkrp(
        new ReadOnlyTensorSpan<float>(_x, [N, N, N], []), _factors, new TensorSpan<float>(_result, [N, R], []));

    [Benchmark]
    public void Static() => DecompositionKernels.MttkrpStatic(_x, _factors, _result);
}

/// <summary>Peer case f) Tucker reconstruction, core 16³ to 128³, fp32 (numpy: 1.3 ms).</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class DecompositionTuckerBenchmarks : IFlopCount
{
    private const int N = 128, R = 16;
    private readonly TuckerTensor<float> _x = TuckerTensor.Random<float>([N, N, N], [R, R, R], new Random(2));
    private readonly float[] _result = new float[N * N * N];

    /// <summary>The three n-mode products: 2·(n r³ + n² r² + n³ r).</summary>
    public double Flops => 2.0 * (((double)N * R * R * R) + ((double)N * N * R * R) + ((double)N * N * N * R));

    [Benchmark]
    public void Dynamic() => DecompositionKernels.TuckerReconstruct(_x, new TensorSpan<float>(_result, [N, N, N], []));

    [Benchmark]
    public void Static() => DecompositionKernels.TuckerReconstructStatic(_x, _result);

    /// <summary>The run-time format into a reused buffer.</summary>
    [Benchmark]
    public void Runtime() => _x.ToDense(new TensorSpan<float>(_result, [N, N, N], []));

    /// <summary>The run-time format into a new 8 MB tensor per call: the allocation (a fresh large-object heap block each time) dominates.</summary>
    [Benchmark]
    public Tensor<float> RuntimeNewTensor() => _x.ToDense();
}

/// <summary>Peer case d2) ⟨A|B⟩ of two tensor trains, 16 cores, bond 64, physical 2, fp32 (numpy best path: 0.84 ms).</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DecompositionTrainInnerBenchmarks : IFlopCount
{
    private const int Cores = 16, Bond = 64, Physical = 2;
    private readonly TensorTrain<float> _x = Train(3), _y = Train(4);

    /// <summary>The zipper: per inner core two steps of 2·χ³·d, the boundary cores less.</summary>
    public double Flops => 2.0 * 2 * (Cores - 2) * Bond * Bond * Bond * Physical;

    [Benchmark]
    public float Dynamic() => DecompositionKernels.TrainInner(_x, _y);

    [Benchmark]
    public float Static() => DecompositionKernels.TrainInnerStatic(_x, _y);

    [Benchmark]
    public float Runtime() => _x.Inner(_y);

    private static TensorTrain<float> Train(int seed)
    {
        int[] shape = new int[Cores];
        Array.Fill(shape, Physical);
        int[] bonds = new int[Cores - 1];
        Array.Fill(bonds, Bond);
        return TensorTrain.Random<float>(shape, bonds, new Random(seed));
    }
}

/// <summary>One CP-ALS sweep (three factor updates, each an MTTKRP, Gram products and an R × R solve) on 200³, r = 32, fp32.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DecompositionCpAlsBenchmarks : IFlopCount
{
    private const int N = 200, R = 32;
    private readonly Tensor<float> _x = Tensor.Create(SuiteData.Random(N * N * N, seed: 1), [N, N, N]);
    private readonly CpAlsOptions _oneSweep = new() { MaxIterations = 1, Tolerance = 0, Initialization = CpInitialization.Random };
    private readonly CpAlsOptions _twoSweeps = new() { MaxIterations = 2, Tolerance = 0, Initialization = CpInitialization.Random };

    /// <summary>Three MTTKRPs dominate: 3 · 2·n³·r.</summary>
    public double Flops => 3 * 2.0 * N * N * N * R;

    /// <summary>A fit of one sweep: the sweep plus the fit's setup (‖X‖², the random start, the first Gram matrices).</summary>
    [Benchmark]
    public double Sweep() => CpTensor.FitAls(_x, R, _oneSweep).RelativeError;

    /// <summary>Two sweeps: the difference from <see cref="Sweep"/> is one sweep without the setup (numpy's script times only sweeps).</summary>
    [Benchmark]
    public double TwoSweeps() => CpTensor.FitAls(_x, R, _twoSweeps).RelativeError;
}
