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
        T[] scratch = ArrayPool<T>.Shared.Rent(ScratchLength(layout, batch, backward: false));
        try
        {
            ScaledWeights(layout, weights, scaled);
            StepLayout[] steps = layout.Steps.Forward(layout, batch, input.Strides, output.Strides);
            ReadOnlySpan<LinearPathLayout> paths = layout.Paths;
            for (int k = 0; k < paths.Length; k++)
            {
                // Scalar paths read and write the rows in place (unit stride along the channels already).
                LinearPathLayout p = paths[k];
                if (p.IrrepDim == 1)
                {
                    StridedKernels.Contract<T>(steps[k], x.Slice((int)(p.InputOffset * x1)), scaled.AsSpan(p.WeightOffset, p.WeightCount),
                        y.Slice((int)(p.OutputOffset * y1)), accumulate: !layout.FirstIntoOutput[k]);
                }
            }

            // The others per tile of rows through component-major scratch: gather, one GEMM per component, scatter.
            for (int z0 = 0; z0 < batch; z0 += LinearSteps.TileRows)
            {
                int rows = Math.Min(LinearSteps.TileRows, batch - z0);
                Span<T> xs = scratch.AsSpan(0, rows * layout.DimIn), ys = scratch.AsSpan(rows * layout.DimIn, rows * layout.DimOut);
                ReadOnlySpan<T> xTile = x.Slice((int)(z0 * input.Strides[0]));
                Span<T> yTile = y.Slice((int)(z0 * y0));
                StepLayout[] dense = layout.Steps.DenseForward(layout, rows);
                for (int k = 0; k < paths.Length; k++)
                {
                    LinearPathLayout p = paths[k];
                    if (p.IrrepDim == 1)
                    {
                        continue;
                    }

                    Span<T> xBlock = xs.Slice(rows * p.InputOffset, rows * p.MulIn * p.IrrepDim);
                    Span<T> yBlock = ys.Slice(rows * p.OutputOffset, rows * p.MulOut * p.IrrepDim);
                    if (layout.FirstFromInput[k])
                    {
                        ComponentMajor.Gather(xTile, input.Strides[0], x1, p.InputOffset, rows, p.MulIn, p.IrrepDim, xBlock);
                    }

                    for (int m = 0; m < p.IrrepDim; m++)
                    {
                        StridedKernels.Contract<T>(dense[k], xBlock.Slice(m * rows * p.MulIn), scaled.AsSpan(p.WeightOffset, p.WeightCount),
                            yBlock.Slice(m * rows * p.MulOut), accumulate: !layout.FirstIntoOutput[k]);
                    }
                }

                for (int k = 0; k < paths.Length; k++)
                {
                    LinearPathLayout p = paths[k];
                    if (p.IrrepDim > 1 && layout.FirstIntoOutput[k])
                    {
                        ComponentMajor.Scatter<T>(ys.Slice(rows * p.OutputOffset, rows * p.MulOut * p.IrrepDim), rows, p.MulOut, p.IrrepDim, yTile, y0, y1, p.OutputOffset);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scaled);
            ArrayPool<T>.Shared.Return(scratch);
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
                    if (p.IrrepDim == 1)
                    {
                        ReadOnlySpan<T> gradOutputBlock = g.Slice((int)(p.OutputOffset * g1));
                        StridedKernels.Contract<T>(inputSteps[k], gradOutputBlock, scaled.AsSpan(p.WeightOffset, p.WeightCount),
                            gx.Slice((int)(p.InputOffset * gx1)), accumulate: !layout.FirstFromInput[k]);
                        StridedKernels.Contract<T>(weightSteps[k], x.Slice((int)(p.InputOffset * x1)), gradOutputBlock,
                            gw.Slice(p.WeightOffset, p.WeightCount), accumulate: false);
                    }
                }

                BackwardTiles(layout, batch, input, gradOutput, gradInput, scaled, gw);
                foreach (LinearPathLayout p in layout.Paths)
                {
                    Scale(gw.Slice(p.WeightOffset, p.WeightCount), T.CreateChecked(p.PathWeight));
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

    /// <summary>
    /// The paths of l &gt; 0 per tile of rows through component-major scratch: the input and gradOutput blocks gathered once, per
    /// component one GEMM for the input gradient (scattered back) and one adding into the weight gradient (unscaled).
    /// </summary>
    private static void BackwardTiles<T>(EquivariantLinearLayout layout, int batch, ReadOnlyTensorSpan<T> input, ReadOnlyTensorSpan<T> gradOutput,
        TensorSpan<T> gradInput, T[] scaled, Span<T> gw)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> x = TensorMemory.Of(input), g = TensorMemory.Of(gradOutput);
        Span<T> gx = TensorMemory.Of(gradInput);
        T[] scratch = ArrayPool<T>.Shared.Rent(ScratchLength(layout, batch, backward: true));
        try
        {
            ReadOnlySpan<LinearPathLayout> paths = layout.Paths;
            for (int z0 = 0; z0 < batch; z0 += LinearSteps.TileRows)
            {
                int rows = Math.Min(LinearSteps.TileRows, batch - z0);
                Span<T> xs = scratch.AsSpan(0, rows * layout.DimIn), gs = scratch.AsSpan(rows * layout.DimIn, rows * layout.DimOut);
                Span<T> gxs = scratch.AsSpan(rows * (layout.DimIn + layout.DimOut), rows * layout.DimIn);
                StepLayout[] inputSteps = layout.Steps.DenseInputGradient(layout, rows);
                StepLayout[] weightSteps = layout.Steps.DenseWeightGradient(layout, rows);
                var gathered = new bool[paths.Length];
                for (int k = 0; k < paths.Length; k++)
                {
                    LinearPathLayout p = paths[k];
                    if (p.IrrepDim == 1)
                    {
                        continue;
                    }

                    int dIn = p.MulIn * p.IrrepDim, dOut = p.MulOut * p.IrrepDim;
                    Span<T> xBlock = xs.Slice(rows * p.InputOffset, rows * dIn), gBlock = gs.Slice(rows * p.OutputOffset, rows * dOut);
                    Span<T> gxBlock = gxs.Slice(rows * p.InputOffset, rows * dIn);
                    if (layout.FirstFromInput[k])
                    {
                        ComponentMajor.Gather(x.Slice((int)(z0 * input.Strides[0])), input.Strides[0], input.Strides[1], p.InputOffset, rows, p.MulIn, p.IrrepDim, xBlock);
                    }

                    if (layout.FirstIntoOutput[k])
                    {
                        ComponentMajor.Gather(g.Slice((int)(z0 * gradOutput.Strides[0])), gradOutput.Strides[0], gradOutput.Strides[1], p.OutputOffset, rows,
                            p.MulOut, p.IrrepDim, gBlock);
                    }

                    for (int m = 0; m < p.IrrepDim; m++)
                    {
                        StridedKernels.Contract<T>(inputSteps[k], gBlock.Slice(m * rows * p.MulOut), scaled.AsSpan(p.WeightOffset, p.WeightCount),
                            gxBlock.Slice(m * rows * p.MulIn), accumulate: !layout.FirstFromInput[k]);
                        StridedKernels.Contract<T>(weightSteps[k], xBlock.Slice(m * rows * p.MulIn), gBlock.Slice(m * rows * p.MulOut),
                            gw.Slice(p.WeightOffset, p.WeightCount), accumulate: z0 > 0 || m > 0);
                    }

                    gathered[k] = true;
                }

                for (int k = 0; k < paths.Length; k++)
                {
                    LinearPathLayout p = paths[k];
                    if (gathered[k] && layout.FirstFromInput[k])
                    {
                        ComponentMajor.Scatter<T>(gxs.Slice(rows * p.InputOffset, rows * p.MulIn * p.IrrepDim), rows, p.MulIn, p.IrrepDim,
                            gx.Slice((int)(z0 * gradInput.Strides[0])), gradInput.Strides[0], gradInput.Strides[1], p.InputOffset);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    /// <summary>Component-major scratch for one tile: input and output blocks (forward), plus the input gradient's (backward).</summary>
    private static int ScratchLength(EquivariantLinearLayout layout, int batch, bool backward) =>
        Math.Min(batch, LinearSteps.TileRows) * (((backward ? 2 : 1) * layout.DimIn) + layout.DimOut);

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
