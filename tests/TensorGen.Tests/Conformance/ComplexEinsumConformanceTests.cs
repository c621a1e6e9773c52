using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Kernels;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Conformance;

/// <summary>
/// Every numpy.einsum case on <see cref="Complex"/> operands — the case's values as real parts, another case-derived array as
/// imaginary parts — through <see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{Tensor{T}})"/>, against the plain-loop complex
/// reference (within 1e-12 of the einsum of the moduli); the complex reference itself is anchored to numpy's outputs.
/// </summary>
public sealed class ComplexEinsumConformanceTests
{
    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Complex_reference_on_real_operands_matches_numpy(string name)
    {
        EinsumCase c = EinsumCase.Named(name);

        ComplexRefArray actual = ReferenceEinsum.Evaluate(c.Equation, c.Operands.Select(o => Complexify(o, imaginary: null)).ToArray());

        Assert.All(actual.Data, v => Assert.Equal(0, v.Imaginary));
        Assert.Null(RefArrayComparison.FirstDifference(c.Output, new RefArray(actual.Data.Select(v => v.Real).ToArray(), actual.Shape), 1e-12,
            ReferenceEinsum.Evaluate(c.Equation, c.Operands.Select(RefArrayViews.Abs).ToArray())));
    }

    [Theory]
    [MemberData(nameof(EinsumCase.Names), MemberType = typeof(EinsumCase))]
    public void Evaluate_in_complex_matches_the_complex_reference(string name)
    {
        EinsumCase c = EinsumCase.Named(name);
        ComplexRefArray[] operands = c.Operands.Select((o, n) => Complexify(o, Rotated(o, n + 1))).ToArray();
        ComplexRefArray expected = ReferenceEinsum.Evaluate(c.Equation, operands);
        RefArray magnitude = ReferenceEinsum.Evaluate(c.Equation, operands.Select(o => o.Moduli()).ToArray());

        Tensor<Complex> result = Einsum.Evaluate(c.Equation, operands.Select(ToTensor).ToArray());

        ComplexRefArray actual = ComplexOperandViews.FromView(result);
        if (expected.Rank == 0 && actual.Shape.SequenceEqual([1]))
        {
            actual = actual with { Shape = [] };
        }

        Assert.Null(expected.FirstDifference(actual, 1e-12, magnitude));
    }

    [Fact]
    public void Complex_shape_errors_name_the_operand_and_both_shapes_before_writing()
    {
        Tensor<Complex> a = Tensor.Create(new Complex[6], [2, 3]);
        Tensor<Complex> b = Tensor.Create(new Complex[8], [4, 2]);
        var result = Tensor.Create(Enumerable.Repeat(new Complex(7, 7), 4).ToArray(), [2, 2]);

        var error = Assert.Throws<ArgumentException>(() => Einsum.Evaluate("ij,jk->ik", [a, b], result.AsTensorSpan()));

        Assert.Contains("[4, 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("j", error.Message, StringComparison.Ordinal);
        Assert.All(result.ToArray(), v => Assert.Equal(new Complex(7, 7), v));
    }

    private static ComplexRefArray Complexify(RefArray real, RefArray? imaginary) =>
        new(real.Data.Select((v, i) => new Complex(v, imaginary?.Data[i] ?? 0)).ToArray(), real.Shape);

    /// <summary>The array's values moved along by <paramref name="shift"/> and negated: imaginary parts unlike the real ones.</summary>
    private static RefArray Rotated(RefArray array, int shift) =>
        array with { Data = array.Data.Select((_, i) => -array.Data[(i + shift) % array.Data.Length]).ToArray() };

    private static Tensor<Complex> ToTensor(ComplexRefArray array) =>
        Tensor.Create(array.Data.ToArray(), array.Rank == 0 ? [1] : array.Shape.Select(s => (nint)s).ToArray());
}
