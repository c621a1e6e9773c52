using System;
using Microsoft.CodeAnalysis.Text;

namespace TensorGen.Generator.Tests;

/// <summary>Source text with one span marked as <c>[|...|]</c>, the place a diagnostic must point at.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("Mark the expected location with [| and |].", nameof(markup));
        }

        string source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
