using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// OpenEquivariance's configurations, batch 2000, one thread: the generated kernel against the dense-einsum formulation of
/// e3nn on TensorGen's einsum engine and a naive loop. e3nn 0.5.6's numbers on this machine are in <see cref="EquivariantConfig"/>.
/// </summary>
[Config(typeof(EquivariantBenchmarkConfig))]
public abstract class TensorProductForwardBenchmarks<T> : IFlopCount, IElementCount
    where T : unmanaged, INumber<T>
{
    public const int Batch = 2000;

    private ProductData<T> _data = null!;
    private NaiveTensorProduct<T> _naive = null!;
    private DenseEinsumTensorProduct<T> _dense = null!;
    private T[] _peerOutput = [];

    [ParamsSource(nameof(Names))]
    public string Config { get; set; } = "mace-large";

    public static IEnumerable<string> Names => EquivariantConfig.All.Select(c => c.Name);

    public double Flops => Configuration.ForwardFlops * Batch;

    public double Elements => Batch;

    protected EquivariantConfig Configuration => EquivariantConfig.All.Single(c => c.Name == Config);

    protected ProductData<T> Data => _data;

    [GlobalSetup]
    public void Setup()
    {
        _data = new ProductData<T>(Configuration, Batch, T.CreateChecked);
        _naive = new NaiveTensorProduct<T>(Configuration.Product);
        _peerOutput = new T[Batch * Configuration.Product.DimOut];
        _dense = new DenseEinsumTensorProduct<T>(Configuration.Product, _data.X1Data, _data.X2Data, _data.WeightsData, _peerOutput, Batch);
    }

    /// <summary>The generated kernel (the subclass fixes the element type; BenchmarkDotNet reads the attribute on the override).</summary>
    public abstract void TensorGen();

    [Benchmark]
    public void DenseEinsum() => _dense.Forward();

    [Benchmark]
    public void NaiveLoop() => _naive.Forward(_data.X1Data, _data.X2Data, _data.WeightsData, _peerOutput, Batch);
}

/// <summary>fp32 forward.</summary>
public class TensorProductForwardSingle : TensorProductForwardBenchmarks<float>
{
    [Benchmark(Baseline = true)]
    public override void TensorGen() => Configuration.ForwardSingle(Data.X1, Data.X2, Data.Weights, Data.Output);
}

/// <summary>fp64 forward.</summary>
public class TensorProductForwardDouble : TensorProductForwardBenchmarks<double>
{
    [Benchmark(Baseline = true)]
    public override void TensorGen() => Configuration.ForwardDouble(Data.X1, Data.X2, Data.Weights, Data.Output);
}

/// <summary>Forward then backward (the gradients with respect to x1, x2 and the weights), as a training step runs them.</summary>
[Config(typeof(EquivariantBenchmarkConfig))]
public abstract class TensorProductForwardBackwardBenchmarks<T> : IFlopCount, IElementCount
    where T : unmanaged, INumber<T>
{
    public const int Batch = 2000;

    [ParamsSource(nameof(Names))]
    public string Config { get; set; } = "mace-large";

    public static IEnumerable<string> Names => EquivariantConfig.All.Select(c => c.Name);

    public double Flops => (Configuration.ForwardFlops + Configuration.BackwardFlops) * Batch;

    public double Elements => Batch;

    protected EquivariantConfig Configuration => EquivariantConfig.All.Single(c => c.Name == Config);

    protected ProductData<T> Data { get; private set; } = null!;

    [GlobalSetup]
    public void Setup() => Data = new ProductData<T>(Configuration, Batch, T.CreateChecked);

    /// <summary>The generated kernels (the subclass fixes the element type; BenchmarkDotNet reads the attribute on the override).</summary>
    public abstract void TensorGen();
}

/// <summary>fp32 forward + backward.</summary>
public class TensorProductForwardBackwardSingle : TensorProductForwardBackwardBenchmarks<float>
{
    [Benchmark]
    public override void TensorGen()
    {
        Configuration.ForwardSingle(Data.X1, Data.X2, Data.Weights, Data.Output);
        Configuration.BackwardSingle(Data.X1, Data.X2, Data.Weights, Data.GradOutputReadOnly, Data.GradX1, Data.GradX2, Data.GradWeights);
    }
}

/// <summary>fp64 forward + backward.</summary>
public class TensorProductForwardBackwardDouble : TensorProductForwardBackwardBenchmarks<double>
{
    [Benchmark]
    public override void TensorGen()
    {
        Configuration.ForwardDouble(Data.X1, Data.X2, Data.Weights, Data.Output);
        Configuration.BackwardDouble(Data.X1, Data.X2, Data.Weights, Data.GradOutputReadOnly, Data.GradX1, Data.GradX2, Data.GradWeights);
    }
}
