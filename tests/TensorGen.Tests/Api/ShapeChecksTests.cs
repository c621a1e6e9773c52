using System;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Api;

public sealed class ShapeChecksTests
{
    [Fact]
    public void A_span_of_the_declared_length_passes()
    {
        ShapeChecks.ThrowIfLengthMismatch<float>(new float[9], 9, "a", "[3, 3]");
        ShapeChecks.ThrowIfLengthMismatch(new float[9].AsSpan(), 9, "result", "[3, 3]");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    public void A_span_of_another_length_names_the_parameter_and_the_shape(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => ShapeChecks.ThrowIfLengthMismatch<double>(new double[length], 9, "a", "[3, 3]"));

        Assert.Equal("a", error.ParamName);
        Assert.StartsWith($"'a' has {length} elements but its declared shape [3, 3] needs 9", error.Message);
    }

    [Fact]
    public void A_result_span_is_checked_too()
    {
        var error = Assert.Throws<ArgumentException>(() => ShapeChecks.ThrowIfLengthMismatch(new double[2].AsSpan(), 4, "result", "[2, 2]"));

        Assert.Equal("result", error.ParamName);
    }
}
