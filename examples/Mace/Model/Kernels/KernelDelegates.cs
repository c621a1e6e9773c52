using System;
using System.Numerics.Tensors;

namespace Mace.Kernels;

/// <summary>A generated e3nn Linear without biases: output = Linear(input; weights).</summary>
public delegate void LinearKernel(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

/// <summary>The generated backward pass of a <see cref="LinearKernel"/>.</summary>
public delegate void LinearBackwardKernel(ReadOnlyTensorSpan<double> input, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
    TensorSpan<double> gradInput, TensorSpan<double> gradWeights);

/// <summary>A generated symmetric contraction: output[z] = Σ_ν W_ν[elements[z]] · U_ν · a[z]^⊗ν.</summary>
public delegate void ContractionKernel(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
    TensorSpan<double> output);

/// <summary>The generated backward pass of a <see cref="ContractionKernel"/>.</summary>
public delegate void ContractionBackwardKernel(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
    ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);
