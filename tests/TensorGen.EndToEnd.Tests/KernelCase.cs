using System;
using System.Linq;
using System.Numerics;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.EndToEnd.Tests;

/// <summary>One generated kernel, the expression it was declared with, and operand shapes to call it on.</summary>
public abstract class KernelCase
{
    protected KernelCase(string name, string expression, int[][] shapes, bool accumulate)
    {
        Name = name;
        Expression = expression;
        Shapes = shapes;
        Accumulate = accumulate;
    }

    public string Name { get; }

    public string Expression { get; }

    public int[][] Shapes { get; }

    public bool Accumulate { get; }

    /// <summary>Calls the kernel on random operands laid out as asked and compares with the reference interpreter.</summary>
    public abstract void Check(Layout inputLayout, Layout resultLayout, int seed);

    public override string ToString() => Name;
}

/// <summary>A dynamic-form kernel over tensor spans of <typeparamref name="T"/>.</summary>
public sealed class DynamicCase<T>(string name, string expression, int[][] shapes, Action<TestTensor<T>[], TestTensor<T>> kernel, bool accumulate = false)
    : KernelCase(name, expression, shapes, accumulate)
    where T : unmanaged, INumberBase<T>
{
    public override void Check(Layout inputLayout, Layout resultLayout, int seed)
    {
        var random = new Random(seed);
        var inputs = Shapes.Select(s => TestTensor<T>.Create(s, inputLayout, random)).ToArray();
        RefArray expected = ReferenceEinsum.Evaluate(Expression, inputs.Select(t => t.ToReference()).ToArray());
        var result = TestTensor<T>.Create(expected.Shape, resultLayout, random);
        RefArray before = result.ToReference();

        kernel(inputs, result);

        double[] wanted = Accumulate ? expected.Data.Zip(before.Data, (e, b) => e + b).ToArray() : expected.Data;
        Tolerance.AssertClose<T>(wanted, result.ToReference().Data, $"{Name} ({inputLayout} inputs, {resultLayout} result)");
        Assert.Equal(0, result.GuardViolations());
    }
}

/// <summary>A static-form kernel over dense row-major spans of <typeparamref name="T"/>.</summary>
public sealed class StaticCase<T>(string name, string expression, int[][] shapes, Action<T[][], T[]> kernel, bool accumulate = false)
    : KernelCase(name, expression, shapes, accumulate)
    where T : unmanaged, INumberBase<T>
{
    public override void Check(Layout inputLayout, Layout resultLayout, int seed)
    {
        var random = new Random(seed);
        var inputs = Shapes.Select(s => TestTensor<T>.Create(s, Layout.Dense, random)).ToArray();
        RefArray expected = ReferenceEinsum.Evaluate(Expression, inputs.Select(t => t.ToReference()).ToArray());
        var result = expected.Data.Select(_ => T.CreateChecked(Math.Round(random.NextDouble(), 3))).ToArray();
        double[] before = result.Select(double.CreateChecked).ToArray();

        kernel(inputs.Select(t => t.ToReference().Data.Select(T.CreateChecked).ToArray()).ToArray(), result);

        double[] wanted = Accumulate ? expected.Data.Zip(before, (e, b) => e + b).ToArray() : expected.Data;
        Tolerance.AssertClose<T>(wanted, result.Select(double.CreateChecked).ToArray(), Name);
    }
}

internal static class Tolerance
{
    /// <summary>Element-wise closeness relative to the largest reference magnitude; fp32 kernels get fp32 tolerance.</summary>
    public static void AssertClose<T>(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
        double scale = Math.Max(1, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale * 8,
                $"{what}: element {i} is {actual[i]:R}, the reference says {expected[i]:R}");
        }
    }
}
