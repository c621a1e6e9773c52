using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Double backward passes of the derived kinds (Elementwise and Full: weights parameters, no weights).</summary>
public static partial class ConformanceKernels
{
    [TensorProductDoubleBackward(nameof(ElementwiseComponentDouble))]
    public static partial void ElementwiseComponentDoubleDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(FullTensorProductComponentDouble))]
    public static partial void FullTensorProductComponentDoubleDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
}

/// <summary>Double backward passes of the convolutions' products (Channelwise per-row weights, FullyConnected shared weights).</summary>
public static partial class ConvolutionKernels
{
    [TensorProductDoubleBackward(nameof(NequipMessage))]
    public static partial void NequipMessageDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(SharedMessage))]
    public static partial void SharedMessageDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);
}
