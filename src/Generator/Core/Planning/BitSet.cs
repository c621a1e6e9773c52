using System;
using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// An immutable set of small non-negative integers (tensor or index ids) as a bit array, with value equality,
/// so it can key a dictionary. Planners use it for the tensors under a tree node and for index sets; the
/// word count is fixed per network, so two sets of one network always have the same length.
/// </summary>
internal sealed class BitSet : IEquatable<BitSet>
{
    private readonly ulong[] _words;
    private readonly int _hash;

    private BitSet(ulong[] words)
    {
        _words = words;
        unchecked
        {
            ulong h = 14695981039346656037UL;
            foreach (ulong w in words)
            {
                h = (h ^ w) * 1099511628211UL;
                h ^= h >> 29;
            }

            _hash = (int)h ^ (int)(h >> 32);
        }
    }

    /// <summary>The number of 64-bit words a set over <paramref name="capacity"/> ids needs.</summary>
    public static int WordsFor(int capacity) => Math.Max(1, (capacity + 63) >> 6);

    public static BitSet Empty(int words) => new(new ulong[words]);

    public static BitSet Of(int words, IEnumerable<int> ids)
    {
        var bits = new ulong[words];
        foreach (int id in ids)
        {
            bits[id >> 6] |= 1UL << (id & 63);
        }

        return new BitSet(bits);
    }

    public static BitSet Single(int words, int id)
    {
        var bits = new ulong[words];
        bits[id >> 6] = 1UL << (id & 63);
        return new BitSet(bits);
    }

    public int WordCount => _words.Length;

    public ulong Word(int index) => _words[index];

    public bool Contains(int id) => (_words[id >> 6] & (1UL << (id & 63))) != 0;

    public bool IsEmpty
    {
        get
        {
            foreach (ulong w in _words)
            {
                if (w != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public int Count
    {
        get
        {
            int count = 0;
            foreach (ulong w in _words)
            {
                count += Bits.PopCount(w);
            }

            return count;
        }
    }

    public BitSet Union(BitSet other)
    {
        var bits = new ulong[_words.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = _words[i] | other._words[i];
        }

        return new BitSet(bits);
    }

    public BitSet Intersect(BitSet other)
    {
        var bits = new ulong[_words.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = _words[i] & other._words[i];
        }

        return new BitSet(bits);
    }

    public BitSet Except(BitSet other)
    {
        var bits = new ulong[_words.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = _words[i] & ~other._words[i];
        }

        return new BitSet(bits);
    }

    public BitSet With(int id)
    {
        var bits = (ulong[])_words.Clone();
        bits[id >> 6] |= 1UL << (id & 63);
        return new BitSet(bits);
    }

    public bool Overlaps(BitSet other)
    {
        for (int i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & other._words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSubsetOf(BitSet other)
    {
        for (int i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & ~other._words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids in increasing order.</summary>
    public IEnumerable<int> Ids()
    {
        for (int i = 0; i < _words.Length; i++)
        {
            ulong w = _words[i];
            while (w != 0)
            {
                yield return (i << 6) + Bits.TrailingZeroCount(w);
                w &= w - 1;
            }
        }
    }

    public bool Equals(BitSet? other)
    {
        if (other is null || other._hash != _hash || other._words.Length != _words.Length)
        {
            return false;
        }

        for (int i = 0; i < _words.Length; i++)
        {
            if (_words[i] != other._words[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as BitSet);

    public override int GetHashCode() => _hash;

    public override string ToString() => "{" + string.Join(",", Ids()) + "}";
}

/// <summary>Bit tricks that netstandard2.0 lacks (System.Numerics.BitOperations is .NET Core 3.0+).</summary>
internal static class Bits
{
    public static int PopCount(ulong value)
    {
        // Hacker's Delight, 5-2.
        value -= (value >> 1) & 0x5555555555555555UL;
        value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
        value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
        return (int)((value * 0x0101010101010101UL) >> 56);
    }

    public static int TrailingZeroCount(ulong value)
    {
        if (value == 0)
        {
            return 64;
        }

        // The lowest set bit's position is the popcount of the ones below it.
        return PopCount((value & (~value + 1)) - 1);
    }
}
