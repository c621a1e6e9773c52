using System;
using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Emit;

/// <summary>
/// Hands out the local variable names of one generated method: each name once, never a parameter's.
/// A name that is taken gets underscores appended (<c>c</c> → <c>c_</c>), so it still reads as what it is.
/// </summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> _taken;

    public LocalNames(IEnumerable<string> reserved) => _taken = new HashSet<string>(reserved, StringComparer.Ordinal);

    public string Allocate(string preferred)
    {
        string name = preferred;
        while (!_taken.Add(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>
    /// The identifier an index label suggests: the letter itself (every Unicode letter of the BMP may start a C#
    /// identifier), or <c>u</c> and the code point for a letter outside the BMP, which C# identifiers cannot hold.
    /// </summary>
    public static string ForLabel(string label) =>
        label.Length == 1 ? label : "u" + char.ConvertToUtf32(label, 0).ToString("X", CultureInfo.InvariantCulture);
}
