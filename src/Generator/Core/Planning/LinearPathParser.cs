using System.Collections.Generic;
using System.Globalization;
using TensorGen.Model;

namespace TensorGen.Planning;

/// <summary>
/// Reads a path written in opt_einsum's linear format, as Python prints it or as JSON: <c>[(0, 1), (0,), (0, 1)]</c>,
/// <c>[[0, 1], [0], [0, 1]]</c>, or without the outer brackets. Each step is one or two non-negative positions.
/// Whether the steps fit an expression is <see cref="ContractionTree.FromPath"/>'s to say.
/// </summary>
internal static class LinearPathParser
{
    public static LinearPathResult Parse(string text)
    {
        var steps = new List<PathStep>();
        int at = SkipSpace(text, 0);
        bool outer = at < text.Length && text[at] == '[' && NextNonSpaceIsGroupOpen(text, at + 1);
        if (outer)
        {
            at = SkipSpace(text, at + 1);
        }

        while (at < text.Length && !(outer && text[at] == ']'))
        {
            int start = at;
            char open = text[at];
            if (open != '(' && open != '[')
            {
                return Fail($"Expected '(' or '[' to start step {steps.Count + 1} at position {at}, found '{text[at]}'.", at, 1);
            }

            char close = open == '(' ? ')' : ']';
            var positions = new List<int>();
            at = SkipSpace(text, at + 1);
            while (at < text.Length && text[at] != close)
            {
                int digits = at;
                while (at < text.Length && text[at] >= '0' && text[at] <= '9')
                {
                    at++;
                }

                if (digits == at || !int.TryParse(text.Substring(digits, at - digits), NumberStyles.None, CultureInfo.InvariantCulture, out int position))
                {
                    return Fail($"Step {steps.Count + 1} holds \"{Excerpt(text, digits)}\" at position {digits}; a step holds one or two positions (whole numbers), e.g. (0, 1) or (0,).",
                        digits, 1);
                }

                positions.Add(position);
                at = SkipSpace(text, at);
                if (at < text.Length && text[at] == ',')
                {
                    at = SkipSpace(text, at + 1);
                }
                else if (at < text.Length && text[at] != close)
                {
                    return Fail($"Expected ',' or '{close}' at position {at} in step {steps.Count + 1}, found '{text[at]}'.", at, 1);
                }
            }

            if (at >= text.Length)
            {
                return Fail($"Step {steps.Count + 1} (from position {start}) is not closed with '{close}'.", start, text.Length - start);
            }

            at++;
            if (positions.Count is < 1 or > 2)
            {
                return Fail($"Step {steps.Count + 1} names {positions.Count} positions; a step names two operands to contract, or one to sum out.",
                    start, at - start);
            }

            steps.Add(positions.Count == 1 ? PathStep.Unary(positions[0]) : new PathStep(positions[0], positions[1]));
            at = SkipSpace(text, at);
            if (at < text.Length && text[at] == ',')
            {
                at = SkipSpace(text, at + 1);
            }
        }

        if (outer)
        {
            if (at >= text.Length)
            {
                return Fail("The path's '[' is not closed with ']'.", 0, text.Length);
            }

            at = SkipSpace(text, at + 1);
        }

        if (at < text.Length)
        {
            return Fail($"Unexpected \"{Excerpt(text, at)}\" at position {at} after the path.", at, text.Length - at);
        }

        return new LinearPathResult(new ContractionPath(steps.ToEquatableArray()), null, -1, 0);
    }

    private static bool NextNonSpaceIsGroupOpen(string text, int at)
    {
        at = SkipSpace(text, at);
        return at >= text.Length || text[at] is '(' or '[' or ']';
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static string Excerpt(string text, int at) => text.Substring(at, System.Math.Min(8, text.Length - at));

    private static LinearPathResult Fail(string message, int position, int length) => new(null, message, position, length);
}

/// <summary>A parsed path, or the error and where it is in the text.</summary>
internal sealed class LinearPathResult
{
    public LinearPathResult(ContractionPath? path, string? error, int position, int length)
    {
        Path = path;
        Error = error;
        Position = position;
        Length = length;
    }

    public ContractionPath? Path { get; }

    public string? Error { get; }

    public int Position { get; }

    public int Length { get; }
}
