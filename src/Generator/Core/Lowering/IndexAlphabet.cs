using System.Collections.Generic;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// Hands out distinct einsum index letters in a fixed order: a–z, A–Z, then Greek, Cyrillic and CJK letters, so that
/// networks with more than 52 indices (a 16-core MPS expectation value has 83, a 64-core one 323) can be written.
/// Any Unicode letter is an einsum index (and a C# identifier character); the order only keeps lowered expressions
/// readable and deterministic.
/// </summary>
internal sealed class IndexAlphabet
{
    private static readonly string[] s_letters = BuildLetters();

    private int _next;

    /// <summary>How many letters there are in all.</summary>
    public static int Capacity => s_letters.Length;

    /// <summary>The next unused letter.</summary>
    /// <exception cref="System.InvalidOperationException">More than <see cref="Capacity"/> letters were taken.</exception>
    public string Next()
    {
        if (_next >= s_letters.Length)
        {
            throw new System.InvalidOperationException($"A decomposition network needs more than {s_letters.Length} distinct indices.");
        }

        return s_letters[_next++];
    }

    /// <summary><paramref name="count"/> fresh letters.</summary>
    public string[] Take(int count)
    {
        var letters = new string[count];
        for (int i = 0; i < count; i++)
        {
            letters[i] = Next();
        }

        return letters;
    }

    private static string[] BuildLetters()
    {
        var letters = new List<string>();
        for (char c = 'a'; c <= 'z'; c++)
        {
            letters.Add(c.ToString());
        }

        for (char c = 'A'; c <= 'Z'; c++)
        {
            letters.Add(c.ToString());
        }

        // Greek small α–ω without the final sigma ς (U+03C2), then Greek capitals without the unassigned U+03A2.
        for (char c = '\u03B1'; c <= '\u03C9'; c++)
        {
            if (c != '\u03C2')
            {
                letters.Add(c.ToString());
            }
        }

        for (char c = '\u0391'; c <= '\u03A9'; c++)
        {
            if (c != '\u03A2')
            {
                letters.Add(c.ToString());
            }
        }

        // Cyrillic small а–я and capitals А–Я.
        for (char c = '\u0430'; c <= '\u044F'; c++)
        {
            letters.Add(c.ToString());
        }

        for (char c = '\u0410'; c <= '\u042F'; c++)
        {
            letters.Add(c.ToString());
        }

        // CJK unified ideographs (category Lo), for the largest networks.
        for (char c = '\u4E00'; c < '\u5000'; c++)
        {
            letters.Add(c.ToString());
        }

        return letters.ToArray();
    }
}
