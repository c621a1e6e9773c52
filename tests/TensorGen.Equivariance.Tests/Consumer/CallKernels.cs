using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>The example declarations, and a product without weights declared without a weights parameter.</summary>
public static partial class CallKernels
{
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        Instructions = "0,0,0,uvw,true; 0,1,1,uvw,true; 1,0,1,uvw,true; 1,1,0,uvw,true; 1,1,2,uvw,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element,
        SharedWeights = true)]
    public static partial void Tp(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2,
        ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Tp))]
    public static partial void TpBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2,
        ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    [TensorProduct("2x1o", "2x1o", "", Kind = TensorProductKind.Elementwise)]
    public static partial void Cross(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, TensorSpan<float> output);

    [TensorProductBackward(nameof(Cross))]
    public static partial void CrossBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2);

    /// <summary>32 features per row: rows of an aligned buffer are 32-byte aligned, so large outputs are streamed.</summary>
    [TensorProduct("8x0e+8x1o", "1x0e+1x1o", "8x0e+8x1o")]
    public static partial void Aligned(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProduct("3x1o+2x2e", "1x1o", "3x0e+3x2e+2x2o", Instructions = "0,0,0,uvu,true; 0,0,1,uvu,true; 1,0,2,uvu,true", SharedWeights = false,
        Wigner3j = Wigner3jConvention.E3nnLegacy)]
    public static partial void Legacy(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);
}
