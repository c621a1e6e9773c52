using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using TensorGen.Runtime.Equivariance;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Outputs larger than the streaming threshold, in 32-byte-aligned rows, are written with non-temporal stores; the values are the same.</summary>
public sealed class StreamingTests
{
    [Fact]
    public void A_large_aligned_output_is_streamed_with_the_same_values()
    {
        var d = TensorProductDescription.Create("8x0e+8x1o", "1x0e+1x1o", "8x0e+8x1o");
        int batch = (int)(TensorProductDriver.StreamingBytes / (d.DimOut * sizeof(float))) + 101;
        var random = new Random(41);
        float[] x1 = Enumerable.Range(0, batch * d.Dim1).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] x2 = Enumerable.Range(0, batch * d.Dim2).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] w = Enumerable.Range(0, d.WeightCount).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();

        // An output buffer whose first element is 32-byte aligned (pinned, so it stays so).
        float[] buffer = GC.AllocateArray<float>((batch * d.DimOut) + 8, pinned: true);
        int start = (int)((32 - ((long)Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0) % 32)) % 32 / sizeof(float));
        Assert.True(TileTranspose.IsAligned(ref buffer[start], d.DimOut));
        CallKernels.Aligned(new ReadOnlyTensorSpan<float>(x1, [batch, d.Dim1]), new ReadOnlyTensorSpan<float>(x2, [batch, d.Dim2]),
            new ReadOnlyTensorSpan<float>(w, [d.WeightCount]), new TensorSpan<float>(buffer, start, [batch, d.DimOut], [d.DimOut, 1]));

        // The same rows through a small, unaligned call (no streaming).
        foreach (int row in new[] { 0, 1, batch / 2, batch - 1 })
        {
            var single = new float[d.DimOut];
            CallKernels.Aligned(new ReadOnlyTensorSpan<float>(x1, row * d.Dim1, [1, d.Dim1], [0, 1]),
                new ReadOnlyTensorSpan<float>(x2, row * d.Dim2, [1, d.Dim2], [0, 1]),
                new ReadOnlyTensorSpan<float>(w, [d.WeightCount]), new TensorSpan<float>(single, [1, d.DimOut]));
            Assert.Equal(single, buffer.Skip(start + (row * d.DimOut)).Take(d.DimOut));
        }
    }
}
