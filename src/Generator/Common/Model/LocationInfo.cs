namespace TensorGen.Model;

/// <summary>
/// A source location as a plain value (file path, text span, line span), so that it can travel through the
/// incremental pipeline and compare by value. It is turned back into a Roslyn <c>Location</c> only when a
/// diagnostic is reported (see System.Text.Json's generator, which does the same).
/// </summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter)
{
    /// <summary>
    /// The part <paramref name="offset"/>..<paramref name="offset"/>+<paramref name="length"/> of a location
    /// that lies on one line (a string literal without escapes), e.g. one character of an einsum expression.
    /// </summary>
    public LocationInfo Slice(int offset, int length) =>
        new(FilePath, Start + offset, length, StartLine, StartCharacter + offset, StartLine, StartCharacter + offset + length);
}
