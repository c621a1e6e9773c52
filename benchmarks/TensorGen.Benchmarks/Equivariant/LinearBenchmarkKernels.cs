using System.Numerics.Tensors;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>The equivariant linear layer of issue 17's benchmark: 128x0e+128x1o+128x2e → the same, fp32 (e3nn's default dtype).</summary>
public static partial class LinearBenchmarkKernels
{
    public const string Irreps = "128x0e+128x1o+128x2e";

    [EquivariantLinear(Irreps, Irreps)]
    public static partial void Linear(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [EquivariantLinearBackward(nameof(Linear))]
    public static partial void LinearBackward(ReadOnlyTensorSpan<float> input, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradInput, TensorSpan<float> gradWeights);
}
