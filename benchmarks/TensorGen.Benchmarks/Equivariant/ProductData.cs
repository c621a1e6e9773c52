using System;
using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>Random inputs and result buffers for one configuration and batch size.</summary>
public sealed class ProductData<T>
    where T : unmanaged
{
    public ProductData(EquivariantConfig config, int batch, Func<double, T> convert)
    {
        Batch = batch;
        var random = new Random(7);
        T[] Random(int n)
        {
            var values = new T[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = convert((random.NextDouble() * 2) - 1);
            }

            return values;
        }

        var p = config.Product;
        int weightRows = p.SharedWeights ? 1 : batch;
        X1Data = Random(batch * p.Dim1);
        X2Data = Random(batch * p.Dim2);
        WeightsData = Random(weightRows * p.WeightCount);
        GradOutputData = Random(batch * p.DimOut);
        OutputData = new T[batch * p.DimOut];
        GradX1Data = new T[batch * p.Dim1];
        GradX2Data = new T[batch * p.Dim2];
        GradWeightsData = new T[weightRows * p.WeightCount];
        WeightShape = p.SharedWeights ? new nint[] { p.WeightCount } : new nint[] { batch, p.WeightCount };
        Dim1 = p.Dim1;
        Dim2 = p.Dim2;
        DimOut = p.DimOut;
    }

    public int Batch { get; }

    public int Dim1 { get; }

    public int Dim2 { get; }

    public int DimOut { get; }

    public nint[] WeightShape { get; }

    public T[] X1Data { get; }

    public T[] X2Data { get; }

    public T[] WeightsData { get; }

    public T[] GradOutputData { get; }

    public T[] OutputData { get; }

    public T[] GradX1Data { get; }

    public T[] GradX2Data { get; }

    public T[] GradWeightsData { get; }

    public ReadOnlyTensorSpan<T> X1 => new(X1Data, [Batch, Dim1]);

    public ReadOnlyTensorSpan<T> X2 => new(X2Data, [Batch, Dim2]);

    public ReadOnlyTensorSpan<T> Weights => new(WeightsData, WeightShape);

    public TensorSpan<T> Output => new(OutputData, [Batch, DimOut]);

    public ReadOnlyTensorSpan<T> GradOutputReadOnly => new(GradOutputData, [Batch, DimOut]);

    public TensorSpan<T> GradX1 => new(GradX1Data, [Batch, Dim1]);

    public TensorSpan<T> GradX2 => new(GradX2Data, [Batch, Dim2]);

    public TensorSpan<T> GradWeights => new(GradWeightsData, WeightShape);
}
