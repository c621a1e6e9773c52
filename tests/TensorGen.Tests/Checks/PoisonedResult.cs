using System;
using System.Linq;
using System.Numerics.Tensors;

namespace TensorGen.Tests.Checks;

/// <summary>A result tensor whose buffer is all NaN, so a test can tell whether anything was written into it.</summary>
public sealed class PoisonedResult
{
    public PoisonedResult(nint[] lengths, nint[]? strides = null, int? bufferLength = null)
    {
        Buffer = new double[bufferLength ?? (int)Math.Max(1, lengths.Aggregate((nint)1, (p, l) => p * l))];
        Buffer.AsSpan().Fill(double.NaN);
        Lengths = lengths;
        Strides = strides ?? [];
    }

    public double[] Buffer { get; }

    public nint[] Lengths { get; }

    public nint[] Strides { get; }

    public TensorSpan<double> View => new(Buffer, 0, Lengths, Strides);

    public bool IsUntouched => Buffer.All(double.IsNaN);
}
