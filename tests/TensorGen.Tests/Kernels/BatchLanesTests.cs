using System;
using System.Linq;
using System.Numerics;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

public sealed class BatchLanesTests
{
    [Theory]
    [InlineData(5, false)]
    [InlineData(19, false)]
    [InlineData(19, true)]
    [InlineData(4, true)]
    public void Gather_puts_item_first_plus_l_in_lane_l_and_zeros_past_the_last_item(int itemLength, bool partial)
    {
        AssertGather<float>(itemLength, partial);
        AssertGather<double>(itemLength, partial);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(19, false)]
    [InlineData(19, true)]
    public void Scatter_writes_or_adds_only_the_items_that_exist(int itemLength, bool partial)
    {
        AssertScatter<float>(itemLength, partial);
        AssertScatter<double>(itemLength, partial);
    }

    /// <summary>Items 0 … width + 2 (the last block partial); lanes from item 0 (a whole block) or from item width (3 items).</summary>
    private static void AssertGather<T>(int itemLength, bool partial)
        where T : unmanaged, INumberBase<T>
    {
        int width = Vector<T>.Count;
        int first = partial ? width : 0;
        T[] data = Enumerable.Range(0, (width + 3) * itemLength).Select(i => T.CreateChecked(i)).ToArray();
        var lanes = new Vector<T>[itemLength + 1];

        BatchLanes.Gather<T>(data, itemLength, first, lanes);

        for (int e = 0; e < itemLength; e++)
        {
            for (int l = 0; l < width; l++)
            {
                T expected = first + l < width + 3 ? data[((first + l) * itemLength) + e] : T.Zero;
                Assert.Equal(expected, lanes[e][l]);
            }
        }

        Assert.Equal(Vector<T>.Zero, lanes[itemLength]);
    }

    private static void AssertScatter<T>(int itemLength, bool partial)
        where T : unmanaged, INumberBase<T>
    {
        int width = Vector<T>.Count;
        int first = partial ? width : 0;
        int items = width + 3;
        var lanes = new Vector<T>[itemLength];
        for (int e = 0; e < itemLength; e++)
        {
            var values = new T[width];
            for (int l = 0; l < width; l++)
            {
                values[l] = T.CreateChecked((e * 100) + l);
            }

            lanes[e] = new Vector<T>(values);
        }

        T[] written = Enumerable.Repeat(T.CreateChecked(7), items * itemLength).ToArray();
        T[] added = (T[])written.Clone();
        BatchLanes.Scatter<T>(lanes, written, itemLength, first, accumulate: false);
        BatchLanes.Scatter<T>(lanes, added, itemLength, first, accumulate: true);

        for (int n = 0; n < items; n++)
        {
            for (int e = 0; e < itemLength; e++)
            {
                int l = n - first;
                bool covered = l >= 0 && l < width;
                T value = covered ? T.CreateChecked((e * 100) + l) : T.Zero;
                Assert.Equal(covered ? value : T.CreateChecked(7), written[(n * itemLength) + e]);
                Assert.Equal(T.CreateChecked(7) + value, added[(n * itemLength) + e]);
            }
        }
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
