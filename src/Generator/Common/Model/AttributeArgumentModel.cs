namespace TensorGen.Model;

/// <summary>
/// A string argument of <c>[Einsum]</c> (the expression or <c>Sizes</c>) with where it is written, so that an
/// error can point at the offending character.
/// </summary>
/// <param name="Value">The constant value; null when the argument is absent or null.</param>
/// <param name="Location">The argument expression; null when the argument is not written.</param>
/// <param name="TextOffset">
/// Where the value's first character is, relative to <paramref name="Location"/>, when the argument is a
/// one-line string literal without escapes (so character n of the value is at Start + TextOffset + n);
/// −1 otherwise (a constant, a concatenation, an escape), and then errors point at the whole argument.
/// </param>
internal sealed record AttributeArgumentModel(string? Value, LocationInfo? Location, int TextOffset)
{
    public static AttributeArgumentModel Absent { get; } = new(null, null, -1);

    /// <summary>Where characters <paramref name="position"/>..+<paramref name="length"/> of the value are, as precisely as is known.</summary>
    public LocationInfo? LocationOf(int position, int length)
    {
        if (Location is null || TextOffset < 0 || position < 0 || Value is null || position + length > Value.Length)
        {
            return Location;
        }

        return Location.Slice(TextOffset + position, length);
    }
}
