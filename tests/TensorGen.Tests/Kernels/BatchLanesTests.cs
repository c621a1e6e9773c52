using System;
using System.Linq;
using System.Numerics;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

public sealed class BatchLanesTests
{
    [Fact]
    public void Gather_puts_item_first_plus_l_in_lane_l_and_zeros_past_the_last_item()
    {
        int width = Vector<float>.Count;
        int items = width + 3;
        float[] data = Enumerable.Range(0, items * 5).Select(i => (float)i).ToArray();
        var lanes = new Vector<float>[5];

        BatchLanes.Gather<float>(data, 5, width, lanes);

        for (int e = 0; e < 5; e++)
        {
            for (int l = 0; l < width; l++)
            {
                Assert.Equal(l < 3 ? data[((width + l) * 5) + e] : 0f, lanes[e][l]);
            }
        }
    }

    [Fact]
    public void Scatter_writes_or_adds_only_the_items_that_exist()
    {
        int width = Vector<double>.Count;
        var lanes = Enumerable.Range(0, 4).Select(e => new Vector<double>(e + 1)).ToArray();
        double[] data = new double[(width + 1) * 4];
        data.AsSpan().Fill(10);

        BatchLanes.Scatter<double>(lanes, data, 4, width, accumulate: true);
        BatchLanes.Scatter<double>(lanes, data, 4, 0, accumulate: false);

        Assert.Equal(Enumerable.Range(0, width).SelectMany(_ => new double[] { 1, 2, 3, 4 }).Concat([11.0, 12, 13, 14]), data);
    }

    [Theory]
    [InlineData(10, 0, 0, 4)]
    [InlineData(10, 4, 0, 4)]
    [InlineData(12, 4, 3, 4)]
    [InlineData(12, 4, -1, 4)]
    [InlineData(12, 4, 0, 3)]
    public void Layouts_that_do_not_fit_are_rejected(int length, int itemLength, int first, int lanes)
    {
        Assert.Throws<ArgumentException>(() => BatchLanes.Gather<float>(new float[length], itemLength, first, new Vector<float>[lanes]));
        Assert.Throws<ArgumentException>(() => BatchLanes.Scatter<float>(new Vector<float>[lanes], new float[length], itemLength, first, false));
    }
}
