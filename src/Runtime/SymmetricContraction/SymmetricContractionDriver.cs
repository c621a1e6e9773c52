using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// Runs a generated symmetric contraction over the atoms: checks every argument (<see cref="SymmetricContractionArguments"/>),
/// folds each element's weights into the coupling coefficients once per call (so an atom costs one multiply-add per term and
/// channel), then per atom gathers A from e3nn's mul_ir layout into channel-block-major scratch (SIMD lanes across channels),
/// calls the kernel, and scatters the result back. Atoms are shared out to threads in contiguous ranges
/// (<see cref="Parallelism"/>), each range taken element by element; in the backward pass each worker sums its atoms' weight terms per element, and the sums are
/// added in worker order and unfolded into the weights' gradient once.
/// </summary>
public static class SymmetricContractionDriver
{
    /// <summary>output = the symmetric contraction of a with the weights of each atom's element.</summary>
    /// <exception cref="ArgumentException">A shape or an element index does not fit the kernel, or the output overlaps an input or itself; nothing has been written.</exception>
    public static unsafe void Forward<T, TKernel>(ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements, TensorSpan<T> output)
        where T : unmanaged, INumberBase<T>
        where TKernel : ISymmetricContractionForward<T>
    {
        SymmetricContractionLayout layout = TKernel.Layout;
        int atoms = SymmetricContractionArguments.CheckForward(layout, a, weights, elements, output);
        if (atoms == 0)
        {
            return;
        }

        int blocks = ChannelBlocks<T>(layout);
        T[] folded = FoldAll<T, TKernel>(weights, blocks);
        try
        {
            fixed (T* pa = &TensorMarshal.GetReference(a))
            fixed (T* pout = &TensorMarshal.GetReference(output))
            fixed (int* pe = elements)
            {
                var job = new Job<T>(StridedRows<T>.Of(pa, a, layout.DimIn), StridedRows<T>.Of(pout, output, layout.DimOut), default, default, (nint)pe, folded, blocks);
                int workers = Parallelism.Workers(atoms, 2L * layout.MultipliesPerChannel * layout.Channels);
                Run(atoms, workers, worker => (first, end) => ForwardAtoms<T, TKernel>(job, first, end));
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(folded);
        }
    }

    /// <summary>The gradients of Σ output · gradOutput with respect to a and the weights.</summary>
    /// <exception cref="ArgumentException">A shape or an element index does not fit the kernel, or a result overlaps an input, the other result or itself; nothing has been written.</exception>
    public static unsafe void Backward<T, TKernel>(ReadOnlyTensorSpan<T> a, ReadOnlyTensorSpan<T> weights, ReadOnlySpan<int> elements,
        ReadOnlyTensorSpan<T> gradOutput, TensorSpan<T> gradA, TensorSpan<T> gradWeights)
        where T : unmanaged, INumberBase<T>
        where TKernel : ISymmetricContractionBackward<T>
    {
        SymmetricContractionLayout layout = TKernel.Layout;
        int atoms = SymmetricContractionArguments.CheckBackward(layout, a, weights, elements, gradOutput, gradA, gradWeights);
        int blocks = ChannelBlocks<T>(layout);
        int lanes = Vector<T>.Count;
        int sumsPerElement = blocks * layout.Terms * lanes;
        T[] gradPadded = RentCleared<T>(layout.WeightRows * blocks * lanes);
        if (atoms > 0)
        {
            T[] folded = FoldAll<T, TKernel>(weights, blocks);
            int workers = Parallelism.Workers(atoms, 6L * layout.MultipliesPerChannel * layout.Channels);
            int sumsLength = layout.Elements * sumsPerElement;
            var sums = new T[workers][];
            fixed (T* pa = &TensorMarshal.GetReference(a))
            fixed (T* pg = &TensorMarshal.GetReference(gradOutput))
            fixed (T* pga = &TensorMarshal.GetReference(gradA))
            fixed (int* pe = elements)
            {
                var job = new Job<T>(StridedRows<T>.Of(pa, a, layout.DimIn), default, StridedRows<T>.Of(pg, gradOutput, layout.DimOut),
                    StridedRows<T>.Of(pga, gradA, layout.DimIn), (nint)pe, folded, blocks);
                Run(atoms, workers, worker => (first, end) =>
                {
                    sums[worker] = RentCleared<T>(sumsLength);
                    BackwardAtoms<T, TKernel>(job, first, end, sums[worker]);
                });
            }

            for (int w = 1; w < workers; w++)
            {
                for (int i = 0; i < sumsLength; i++)
                {
                    sums[0][i] += sums[w][i];
                }
            }

            for (int e = 0; e < layout.Elements; e++)
            {
                TKernel.Unfold(ref sums[0][e * sumsPerElement], e, blocks, ref gradPadded[0]);
            }

            ArrayPool<T>.Shared.Return(folded);
            foreach (T[] workerSums in sums)
            {
                ArrayPool<T>.Shared.Return(workerSums);
            }
        }

        fixed (T* pgw = &TensorMarshal.GetReference(gradWeights))
        {
            StridedRows<T> gw = StridedRows<T>.Of(pgw, gradWeights, layout.WeightCount);
            for (int r = 0; r < layout.WeightRows; r++)
            {
                for (int c = 0; c < layout.Channels; c++)
                {
                    Unsafe.Add(ref gw.Row(0), ((r * layout.Channels) + c) * gw.ColumnStride) = gradPadded[(r * blocks * lanes) + c];
                }
            }
        }

        ArrayPool<T>.Shared.Return(gradPadded);
    }

    /// <summary>Pointers and scratch shared by the workers (tensor spans cannot cross threads).</summary>
    private readonly record struct Job<T>(StridedRows<T> A, StridedRows<T> Output, StridedRows<T> GradOutput, StridedRows<T> GradA, nint Elements, T[] Folded,
        int Blocks)
        where T : unmanaged;

    private static int ChannelBlocks<T>(SymmetricContractionLayout layout) => (layout.Channels + Vector<T>.Count - 1) / Vector<T>.Count;

    /// <summary>Runs the atoms [0, atoms) on <paramref name="workers"/> contiguous ranges, on this thread when there is one.</summary>
    private static void Run(int atoms, int workers, Func<int, Action<int, int>> range)
    {
        if (workers == 1)
        {
            range(0)(0, atoms);
            return;
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            range(w)((int)((long)atoms * w / workers), (int)((long)atoms * (w + 1) / workers)));
    }

    /// <summary>Every element's folded coefficients, [elements][blocks, terms] lanes, from the weights padded to whole channel blocks.</summary>
    private static T[] FoldAll<T, TKernel>(ReadOnlyTensorSpan<T> weights, int blocks)
        where T : unmanaged
        where TKernel : ISymmetricContractionKernel<T>
    {
        SymmetricContractionLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count;
        T[] padded = RentCleared<T>(layout.WeightRows * blocks * lanes); // padding lanes zero
        ref T first = ref Unsafe.AsRef(in TensorMarshal.GetReference(weights));
        nint stride = weights.Strides[0];
        for (int r = 0; r < layout.WeightRows; r++)
        {
            for (int c = 0; c < layout.Channels; c++)
            {
                padded[(r * blocks * lanes) + c] = Unsafe.Add(ref first, ((r * layout.Channels) + c) * stride);
            }
        }

        int perElement = blocks * layout.Terms * lanes;
        T[] folded = ArrayPool<T>.Shared.Rent(Math.Max(1, layout.Elements * perElement)); // Fold writes every term of every element
        for (int e = 0; e < layout.Elements; e++)
        {
            TKernel.Fold(ref padded[0], e, blocks, ref folded[e * perElement]);
        }

        ArrayPool<T>.Shared.Return(padded);
        return folded;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void ForwardAtoms<T, TKernel>(in Job<T> job, int first, int end)
        where T : unmanaged
        where TKernel : ISymmetricContractionForward<T>
    {
        SymmetricContractionLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count, perElement = job.Blocks * layout.Terms * lanes;
        var tile = new T[job.Blocks * layout.CouplingDim * lanes];
        var result = new T[job.Blocks * layout.OutputDim * lanes];
        int* elements = (int*)job.Elements;
        foreach (int z in ByElement(elements, first, end, layout.Elements))
        {
            ChannelTile.Gather(job.A, z, layout.InputDegrees, layout.Channels, tile);
            TKernel.Forward(ref tile[0], ref job.Folded[elements[z] * perElement], job.Blocks, ref result[0]);
            ChannelTile.Scatter(result, layout.OutputDegrees, layout.Channels, job.Output, z);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BackwardAtoms<T, TKernel>(in Job<T> job, int first, int end, T[] sums)
        where T : unmanaged
        where TKernel : ISymmetricContractionBackward<T>
    {
        SymmetricContractionLayout layout = TKernel.Layout;
        int lanes = Vector<T>.Count, perElement = job.Blocks * layout.Terms * lanes;
        var tile = new T[job.Blocks * layout.CouplingDim * lanes];
        var gradTile = new T[job.Blocks * layout.CouplingDim * lanes];
        var gradOutput = new T[job.Blocks * layout.OutputDim * lanes];
        int* elements = (int*)job.Elements;
        foreach (int z in ByElement(elements, first, end, layout.Elements))
        {
            int e = elements[z];
            ChannelTile.Gather(job.A, z, layout.InputDegrees, layout.Channels, tile);
            ChannelTile.Gather(job.GradOutput, z, layout.OutputDegrees, layout.Channels, gradOutput);
            TKernel.Backward(ref tile[0], ref job.Folded[e * perElement], ref gradOutput[0], job.Blocks, ref gradTile[0], ref sums[e * perElement]);
            ChannelTile.Scatter(gradTile, layout.InputDegrees, layout.Channels, job.GradA, z);
        }
    }

    /// <summary>A pooled array whose first <paramref name="length"/> elements are zero (large scratch is reused call to call, not left to the GC).</summary>
    private static T[] RentCleared<T>(int length)
    {
        T[] array = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
        Array.Clear(array, 0, length);
        return array;
    }

    /// <summary>
    /// The atoms [first, end) grouped by element (a stable counting sort): consecutive atoms share one element's folded
    /// coefficients (and in the backward pass its sums), which then stay in L1/L2 instead of being fetched again per atom.
    /// </summary>
    private static unsafe int[] ByElement(int* elements, int first, int end, int elementCount)
    {
        var starts = new int[elementCount + 1];
        for (int z = first; z < end; z++)
        {
            starts[elements[z] + 1]++;
        }

        for (int e = 0; e < elementCount; e++)
        {
            starts[e + 1] += starts[e];
        }

        var order = new int[end - first];
        for (int z = first; z < end; z++)
        {
            order[starts[elements[z]]++] = z;
        }

        return order;
    }
}
