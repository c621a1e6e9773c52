using System;

namespace TensorGen.Runtime;

/// <summary>How many dimensions each operand's <c>...</c> covers: the key under which a program caches an <see cref="ExpandedPlan"/>.</summary>
internal readonly struct EllipsisSignature : IEquatable<EllipsisSignature>
{
    private readonly int[] _dimensions;

    public EllipsisSignature(int[] dimensions) => _dimensions = dimensions;

    public bool Equals(EllipsisSignature other) => _dimensions.AsSpan().SequenceEqual(other._dimensions);

    public override bool Equals(object? obj) => obj is EllipsisSignature other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in _dimensions)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }
}
