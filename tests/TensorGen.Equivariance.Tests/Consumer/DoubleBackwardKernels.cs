using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>A generated double backward pass (with weights parameters).</summary>
public delegate void TensorProductDoubleBackward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
    ReadOnlyTensorSpan<T> gradGradX1, ReadOnlyTensorSpan<T> gradGradX2, ReadOnlyTensorSpan<T> gradGradWeights,
    TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights, TensorSpan<T> gradGradOutput);

/// <summary>The double backward passes of the twelve random products (every mode, normalization, shared and per-row weights, mixed weighted and unweighted paths).</summary>
public static partial class RandomProducts
{
    /// <summary>Each random product's double backward pass, in <see cref="All"/>'s order.</summary>
    public static IReadOnlyList<TensorProductDoubleBackward<double>> DoubleBackwards { get; } = new TensorProductDoubleBackward<double>[]
    {
        Random00DoubleBackward, Random01DoubleBackward, Random02DoubleBackward, Random03DoubleBackward, Random04DoubleBackward, Random05DoubleBackward, Random06DoubleBackward, Random07DoubleBackward, Random08DoubleBackward, Random09DoubleBackward, Random10DoubleBackward, Random11DoubleBackward,
    };

    [TensorProductDoubleBackward(nameof(Random00))]
    public static partial void Random00DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random01))]
    public static partial void Random01DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random02))]
    public static partial void Random02DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random03))]
    public static partial void Random03DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random04))]
    public static partial void Random04DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random05))]
    public static partial void Random05DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random06))]
    public static partial void Random06DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random07))]
    public static partial void Random07DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random08))]
    public static partial void Random08DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random09))]
    public static partial void Random09DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random10))]
    public static partial void Random10DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random11))]
    public static partial void Random11DoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        ReadOnlyTensorSpan<double> gradGradX1, ReadOnlyTensorSpan<double> gradGradX2, ReadOnlyTensorSpan<double> gradGradWeights,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights, TensorSpan<double> gradGradOutput);

    /// <summary>Float callers: per-row weights (Random00) and shared weights (Random01).</summary>
    [TensorProductDoubleBackward(nameof(Random00))]
    public static partial void Random00DoubleBackwardSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradX1, ReadOnlyTensorSpan<float> gradGradX2, ReadOnlyTensorSpan<float> gradGradWeights,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights, TensorSpan<float> gradGradOutput);

    [TensorProductDoubleBackward(nameof(Random01))]
    public static partial void Random01DoubleBackwardSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        ReadOnlyTensorSpan<float> gradGradX1, ReadOnlyTensorSpan<float> gradGradX2, ReadOnlyTensorSpan<float> gradGradWeights,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights, TensorSpan<float> gradGradOutput);
}
