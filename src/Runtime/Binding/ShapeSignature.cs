using System;

namespace TensorGen.Runtime;

/// <summary>Every index's size and how <c>...</c> expands: the key under which a replanning program caches its plan per shape.</summary>
internal readonly struct ShapeSignature : IEquatable<ShapeSignature>
{
    private readonly nint[] _sizes;
    private readonly int[] _ellipsisDimensions;

    public ShapeSignature(nint[] sizes, int[] ellipsisDimensions)
    {
        _sizes = sizes;
        _ellipsisDimensions = ellipsisDimensions;
    }

    public bool Equals(ShapeSignature other) =>
        _sizes.AsSpan().SequenceEqual(other._sizes) && _ellipsisDimensions.AsSpan().SequenceEqual(other._ellipsisDimensions);

    public override bool Equals(object? obj) => obj is ShapeSignature other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (nint size in _sizes)
        {
            hash.Add(size);
        }

        foreach (int d in _ellipsisDimensions)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }
}
