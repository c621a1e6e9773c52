using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Conformance;

/// <summary>Every numpy.einsum case through the independent reference and through <see cref="Einsum.Evaluate{T}(string, System.ReadOnlySpan{Tensor{T}})"/>.</summary>
public sealed class EinsumConformanceTests
{
    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Reference_matches_numpy(string name)
    {
        EinsumCase c = EinsumCase.Named(name);

        RefArray actual = ReferenceEinsum.Evaluate(c.Equation, c.Operands);

        Assert.Null(RefArrayComparison.FirstDifference(c.Output, actual, 1e-12, Magnitude(c)));
    }

    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Reference_of_the_explicit_equation_matches_numpy(string name)
    {
        EinsumCase c = EinsumCase.Named(name);

        RefArray actual = ReferenceEinsum.Evaluate(c.ExplicitEquation, c.Operands);

        Assert.Null(RefArrayComparison.FirstDifference(c.Output, actual, 1e-12, Magnitude(c)));
    }

    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Evaluate_in_double_matches_numpy(string name) => AssertEvaluateMatches<double>(EinsumCase.Named(name), 1e-12);

    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Evaluate_in_float_matches_numpy(string name) => AssertEvaluateMatches<float>(EinsumCase.Named(name), 1e-5);

    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Evaluate_of_the_explicit_equation_matches_numpy(string name)
    {
        EinsumCase c = EinsumCase.Named(name);
        Tensor<double>[] operands = c.Operands.Select(RefArrayViews.ToTensor<double>).ToArray();

        Tensor<double> result = Einsum.Evaluate(c.ExplicitEquation, operands);

        Assert.Null(RefArrayComparison.FirstDifference(c.Output, AsNumpyShape(result, c.Output), 1e-12, Magnitude(c)));
    }

    private static void AssertEvaluateMatches<T>(EinsumCase c, double tolerance)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T>[] operands = c.Operands.Select(RefArrayViews.ToTensor<T>).ToArray();

        Tensor<T> result = Einsum.Evaluate(c.Equation, operands);

        Assert.Null(RefArrayComparison.FirstDifference(c.Output, AsNumpyShape(result, c.Output), tolerance, Magnitude(c)));
    }

    /// <summary>The einsum of the operands' absolute values: it bounds the rounding error of every output element.</summary>
    private static RefArray Magnitude(EinsumCase c) =>
        ReferenceEinsum.Evaluate(c.Equation, c.Operands.Select(RefArrayViews.Abs).ToArray());

    /// <summary>The result as numpy shapes it: TensorGen returns a scalar as shape [1], numpy as shape [].</summary>
    private static RefArray AsNumpyShape<T>(Tensor<T> result, RefArray expected)
        where T : INumberBase<T>
    {
        RefArray actual = RefArrayViews.FromView<T>(result);
        return expected.Rank == 0 && actual.Shape.SequenceEqual([1]) ? actual with { Shape = [] } : actual;
    }
}
