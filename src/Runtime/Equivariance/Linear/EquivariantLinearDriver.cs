using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Runs a generated equivariant linear layer (e3nn's <c>o3.Linear</c>): checks every shape and overlap before writing
/// (<see cref="LinearArguments"/>), then per path one GEMM on the strided views of the input and output blocks
/// (<see cref="LinearSteps"/>; SIMD across the output channels inside the GEMM engine's micro-kernel, threads over row or
/// column blocks when the GEMM is large), with the path weight folded into a scaled copy of the weights.
/// </summary>
public static class EquivariantLinearDriver
{
    /// <summary><c>output = Σ_paths pathWeight · input_block · W_path (+ biases)</c>.</summary>
    public static void Forward<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> biases,
        TensorSpan<T> output)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(layout);
        int batch = LinearArguments.CheckForward(layout, input, weights, biases, output);
        if (batch == 0)
        {
            return;
        }

        ReadOnlySpan<T> x = TensorMemory.Of(input);
        Span<T> y = TensorMemory.Of(output);
        nint x1 = input.Strides[1], y0 = output.Strides[0], y1 = output.Strides[1];
        foreach (var (start, length) in layout.UnreachedOutput)
        {
            Fill(y, batch, y0, y1, start, length, T.Zero);
        }

        T[] scaled = ArrayPool<T>.Shared.Rent(layout.WeightCount);
        try
        {
            ScaledWeights(layout, weights, scaled);
            StepLayout[] steps = layout.Steps.Forward(layout, batch, input.Strides, output.Strides);
            ReadOnlySpan<LinearPathLayout> paths = layout.Paths;
            for (int k = 0; k < paths.Length; k++)
            {
                LinearPathLayout p = paths[k];
                StridedKernels.Contract<T>(steps[k], x.Slice((int)(p.InputOffset * x1)), scaled.AsSpan(p.WeightOffset, p.WeightCount),
                    y.Slice((int)(p.OutputOffset * y1)), accumulate: !layout.FirstIntoOutput[k]);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scaled);
        }

        if (layout.HasBiases)
        {
            AddBiases(layout, biases, y, batch, y0, y1);
        }
    }

    /// <summary>
    /// The gradients of a loss L given ∂L/∂output: ∂L/∂input (each path's weights transposed), ∂L/∂weights (input block ᵀ ·
    /// gradOutput block, summed over the batch and the irrep's components) and ∂L/∂biases (gradOutput summed over the batch).
    /// </summary>
    public static void Backward<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradInput, TensorSpan<T> gradWeights, TensorSpan<T> gradBiases)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(layout);
        int batch = LinearArguments.CheckBackward(layout, input, weights, gradOutput, gradInput, gradWeights, gradBiases);
        T[] scaled = ArrayPool<T>.Shared.Rent(layout.WeightCount);
        T[] gradient = ArrayPool<T>.Shared.Rent(layout.WeightCount);
        try
        {
            Span<T> gw = gradient.AsSpan(0, layout.WeightCount);
            gw.Clear();
            if (batch > 0)
            {
                ScaledWeights(layout, weights, scaled);
                ReadOnlySpan<T> x = TensorMemory.Of(input), g = TensorMemory.Of(gradOutput);
                Span<T> gx = TensorMemory.Of(gradInput);
                nint x1 = input.Strides[1], g1 = gradOutput.Strides[1], gx0 = gradInput.Strides[0], gx1 = gradInput.Strides[1];
                foreach (var (start, length) in layout.UnusedInput)
                {
                    Fill(gx, batch, gx0, gx1, start, length, T.Zero);
                }

                StepLayout[] inputSteps = layout.Steps.InputGradient(layout, batch, gradOutput.Strides, gradInput.Strides);
                StepLayout[] weightSteps = layout.Steps.WeightGradient(layout, batch, input.Strides, gradOutput.Strides);
                ReadOnlySpan<LinearPathLayout> paths = layout.Paths;
                for (int k = 0; k < paths.Length; k++)
                {
                    LinearPathLayout p = paths[k];
                    ReadOnlySpan<T> gradOutputBlock = g.Slice((int)(p.OutputOffset * g1));
                    StridedKernels.Contract<T>(inputSteps[k], gradOutputBlock, scaled.AsSpan(p.WeightOffset, p.WeightCount),
                        gx.Slice((int)(p.InputOffset * gx1)), accumulate: !layout.FirstFromInput[k]);
                    Span<T> pathGradient = gw.Slice(p.WeightOffset, p.WeightCount);
                    StridedKernels.Contract<T>(weightSteps[k], x.Slice((int)(p.InputOffset * x1)), gradOutputBlock, pathGradient, accumulate: false);
                    Scale(pathGradient, T.CreateChecked(p.PathWeight));
                }
            }

            Span<T> destination = TensorMemory.Of(gradWeights);
            nint stride = gradWeights.Strides.Length > 0 ? gradWeights.Strides[0] : 1;
            for (int k = 0; k < gw.Length; k++)
            {
                destination[(int)(k * stride)] = gw[k];
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scaled);
            ArrayPool<T>.Shared.Return(gradient);
        }

        if (layout.HasBiases)
        {
            BiasGradient(layout, gradOutput, gradBiases, batch);
        }
    }

    /// <summary>scaled[WeightOffset..] = pathWeight · weights[WeightOffset..] per path (the weights may be a strided view).</summary>
    private static void ScaledWeights<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> weights, T[] scaled)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> w = TensorMemory.Of(weights);
        nint stride = weights.Strides.Length > 0 ? weights.Strides[0] : 1;
        foreach (LinearPathLayout p in layout.Paths)
        {
            T pathWeight = T.CreateChecked(p.PathWeight);
            for (int k = p.WeightOffset; k < p.WeightOffset + p.WeightCount; k++)
            {
                scaled[k] = pathWeight * w[(int)(k * stride)];
            }
        }
    }

    private static void AddBiases<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> biases, Span<T> y, int batch, nint y0, nint y1)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> b = TensorMemory.Of(biases);
        nint stride = biases.Strides.Length > 0 ? biases.Strides[0] : 1;
        foreach (LinearBiasLayout bias in layout.Biases)
        {
            for (int z = 0; z < batch; z++)
            {
                for (int w = 0; w < bias.Mul; w++)
                {
                    y[(int)((z * y0) + ((bias.OutputOffset + w) * y1))] += b[(int)((bias.BiasOffset + w) * stride)];
                }
            }
        }
    }

    private static void BiasGradient<T>(EquivariantLinearLayout layout, ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradBiases, int batch)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> g = TensorMemory.Of(gradOutput);
        Span<T> gb = TensorMemory.Of(gradBiases);
        nint g0 = gradOutput.Strides[0], g1 = gradOutput.Strides[1];
        nint stride = gradBiases.Strides.Length > 0 ? gradBiases.Strides[0] : 1;
        foreach (LinearBiasLayout bias in layout.Biases)
        {
            for (int w = 0; w < bias.Mul; w++)
            {
                T sum = T.Zero;
                for (int z = 0; z < batch; z++)
                {
                    sum += g[(int)((z * g0) + ((bias.OutputOffset + w) * g1))];
                }

                gb[(int)((bias.BiasOffset + w) * stride)] = sum;
            }
        }
    }

    private static void Fill<T>(Span<T> rows, int batch, nint stride0, nint stride1, int start, int length, T value)
    {
        for (int z = 0; z < batch; z++)
        {
            for (int f = start; f < start + length; f++)
            {
                rows[(int)((z * stride0) + (f * stride1))] = value;
            }
        }
    }

    private static void Scale<T>(Span<T> values, T factor)
        where T : INumberBase<T>
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] *= factor;
        }
    }
}
