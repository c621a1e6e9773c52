using System;
using System.Linq;
using TensorGen.Tests.Reference;

namespace TensorGen.Decompositions.Tests.Reference;

/// <summary>
/// numpy.einsum over complex operands by multilinearity on top of the double-precision reference interpreter:
/// each operand is Re + i Im, so the result is Σ over the 2^K choices of parts of i^(number of imaginary parts
/// chosen) times the real einsum of those parts. Choices with an all-zero part are skipped, so real operands
/// cost one evaluation.
/// </summary>
public static class ComplexReference
{
    public static ComplexArray Evaluate(string expression, params ComplexArray[] operands)
    {
        double[]? real = null, imaginary = null;
        int[] shape = [];
        for (int mask = 0; mask < 1 << operands.Length; mask++)
        {
            if (Enumerable.Range(0, operands.Length).Any(n => (mask & (1 << n)) != 0 && operands[n].IsReal))
            {
                continue;
            }

            RefArray[] parts = operands.Select((o, n) => (mask & (1 << n)) != 0 ? o.ImaginaryPart : o.RealPart).ToArray();
            RefArray term = ReferenceEinsum.Evaluate(expression, parts);
            real ??= new double[term.Data.Length];
            imaginary ??= new double[term.Data.Length];
            shape = term.Shape;

            // i^k: 1, i, −1, −i.
            int power = System.Numerics.BitOperations.PopCount((uint)mask) % 4;
            for (int e = 0; e < term.Data.Length; e++)
            {
                double v = term.Data[e];
                switch (power)
                {
                    case 0: real[e] += v; break;
                    case 1: imaginary[e] += v; break;
                    case 2: real[e] -= v; break;
                    default: imaginary[e] -= v; break;
                }
            }
        }

        return new ComplexArray(real ?? [], imaginary ?? [], shape);
    }
}
