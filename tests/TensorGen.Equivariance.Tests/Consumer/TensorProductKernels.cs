using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>A generated forward tensor product.</summary>
public delegate void TensorProductForward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output);

/// <summary>A generated backward pass.</summary>
public delegate void TensorProductBackward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
    TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights);

/// <summary>A generated product and its backward pass.</summary>
public sealed record TensorProductKernels<T>(TensorProductForward<T> Forward, TensorProductBackward<T> Backward);
