using System;
using System.Numerics.Tensors;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Api;

public sealed class TensorMemoryTests
{
    [Fact]
    public void A_strided_slice_is_covered_from_its_first_element_to_its_last()
    {
        double[] buffer = new double[30];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i;
        }

        // Rows 1..2, columns 2..4 of a [5, 6] matrix: first element 8, last element 2*6 + 4 = 16.
        var view = new ReadOnlyTensorSpan<double>(buffer, 8, [2, 3], [6, 1]);

        ReadOnlySpan<double> memory = TensorMemory.Of(view);

        Assert.Equal(9, memory.Length);
        Assert.Equal(8, memory[0]);
        Assert.Equal(16, memory[^1]);
    }

    [Fact]
    public void A_transposed_view_is_covered_from_its_lowest_address()
    {
        double[] buffer = [0, 1, 2, 3, 4, 5, 6];
        var view = new TensorSpan<double>(buffer, 1, [3, 2], [1, 3]);

        Span<double> memory = TensorMemory.Of(view);

        Assert.Equal(6, memory.Length);
        Assert.Equal(1, memory[0]);
        memory[^1] = -1;
        Assert.Equal(-1, buffer[6]);
    }

    [Fact]
    public void A_broadcast_view_covers_only_what_it_reaches()
    {
        var view = new ReadOnlyTensorSpan<double>(new double[4], 0, [5, 4], [0, 1]);

        Assert.Equal(4, TensorMemory.Of(view).Length);
    }

    [Fact]
    public void A_view_without_elements_covers_nothing()
    {
        var view = new ReadOnlyTensorSpan<double>(new double[6], 0, [3, 0], [0, 0]);

        Assert.True(TensorMemory.Of(view).IsEmpty);
        Assert.True(TensorMemory.Of(default(ReadOnlyTensorSpan<double>)).IsEmpty);
    }

    [Fact]
    public void Overlapping_memory_is_rejected_naming_both_parameters()
    {
        double[] buffer = new double[10];

        var error = Assert.Throws<ArgumentException>(() =>
            TensorMemory.ThrowIfOverlaps<double>(buffer.AsSpan(4, 4), "sum", buffer.AsSpan(0, 5), "weights"));

        Assert.Equal("sum", error.ParamName);
        Assert.StartsWith("Result 'sum' shares memory with operand 'weights'.", error.Message);
    }

    [Fact]
    public void Adjacent_and_empty_memory_is_accepted()
    {
        double[] buffer = new double[10];

        TensorMemory.ThrowIfOverlaps<double>(buffer.AsSpan(5, 5), "r", buffer.AsSpan(0, 5), "a");
        TensorMemory.ThrowIfOverlaps<double>(buffer.AsSpan(5, 0), "r", buffer, "a");
    }
}
