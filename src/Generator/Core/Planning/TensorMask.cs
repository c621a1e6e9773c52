using System;

namespace TensorGen.Planning;

/// <summary>
/// A set of up to 128 input operands in two words: the exact search's key type, a value (no allocation, no
/// indirection) because it builds and compares millions of them.
/// </summary>
internal readonly struct TensorMask : IEquatable<TensorMask>
{
    public const int Capacity = 128;

    private readonly ulong _low;
    private readonly ulong _high;

    private TensorMask(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    public static TensorMask Single(int id) => id < 64 ? new TensorMask(1UL << id, 0) : new TensorMask(0, 1UL << (id - 64));

    public static TensorMask From(BitSet set) => new(set.Word(0), set.WordCount > 1 ? set.Word(1) : 0);

    public bool IsEmpty => (_low | _high) == 0;

    public TensorMask Union(TensorMask other) => new(_low | other._low, _high | other._high);

    public TensorMask Except(TensorMask other) => new(_low & ~other._low, _high & ~other._high);

    public bool Overlaps(TensorMask other) => ((_low & other._low) | (_high & other._high)) != 0;

    public bool IsSubsetOf(TensorMask other) => ((_low & ~other._low) | (_high & ~other._high)) == 0;

    /// <summary>The smallest member of the intersection with <paramref name="other"/>, or −1.</summary>
    public int LowestShared(TensorMask other)
    {
        ulong low = _low & other._low;
        if (low != 0)
        {
            return Bits.TrailingZeroCount(low);
        }

        ulong high = _high & other._high;
        return high != 0 ? 64 + Bits.TrailingZeroCount(high) : -1;
    }

    /// <summary>Calls <paramref name="action"/> with each member, in increasing order.</summary>
    public void ForEach(Action<int> action)
    {
        for (ulong w = _low; w != 0; w &= w - 1)
        {
            action(Bits.TrailingZeroCount(w));
        }

        for (ulong w = _high; w != 0; w &= w - 1)
        {
            action(64 + Bits.TrailingZeroCount(w));
        }
    }

    /// <summary>The members in increasing order.</summary>
    public int[] ToArray()
    {
        var ids = new int[Bits.PopCount(_low) + Bits.PopCount(_high)];
        int n = 0;
        ForEach(id => ids[n++] = id);
        return ids;
    }

    public bool Equals(TensorMask other) => _low == other._low && _high == other._high;

    public override bool Equals(object? obj) => obj is TensorMask other && Equals(other);

    public override int GetHashCode()
    {
        ulong h = unchecked((_low * 0x9E3779B97F4A7C15UL) ^ (_high * 0xC2B2AE3D27D4EB4FUL));
        return (int)(h ^ (h >> 32));
    }
}
