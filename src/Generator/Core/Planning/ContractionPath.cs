using System;
using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Planning;

/// <summary>
/// A contraction order in opt_einsum's linear format: each step names positions in the current operand list —
/// two for a pairwise contraction, one for a unary step that sums indices out of one operand — which are
/// removed; the step's result is appended at the end.
/// </summary>
internal sealed class ContractionPath : IEquatable<ContractionPath>
{
    public ContractionPath(EquatableArray<PathStep> steps) => Steps = steps;

    public EquatableArray<PathStep> Steps { get; }

    /// <summary>The path for one operand: no pairwise step.</summary>
    public static ContractionPath Empty { get; } = new(EquatableArray<PathStep>.Empty);

    public bool HasUnarySteps => Steps.Any(s => s.IsUnary);

    public bool Equals(ContractionPath? other) => other is not null && Steps.Equals(other.Steps);

    public override bool Equals(object? obj) => Equals(obj as ContractionPath);

    public override int GetHashCode() => Steps.GetHashCode();

    /// <summary>opt_einsum's notation, e.g. <c>[(0, 2), (0,), (0, 1)]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Steps.Select(s => s.ToString())) + "]";
}

/// <summary>
/// One step of a linear path: the two positions contracted, <see cref="First"/> &lt; <see cref="Second"/>, or
/// for a unary step the one position in <see cref="First"/> and −1 in <see cref="Second"/>.
/// </summary>
internal readonly struct PathStep : IEquatable<PathStep>
{
    public PathStep(int first, int second)
    {
        First = Math.Min(first, second);
        Second = Math.Max(first, second);
    }

    private PathStep(int only)
    {
        First = only;
        Second = -1;
    }

    public static PathStep Unary(int position) => new(position);

    public int First { get; }

    public int Second { get; }

    public bool IsUnary => Second < 0;

    /// <summary>The positions the step names: one or two.</summary>
    public int[] Positions => IsUnary ? new[] { First } : new[] { First, Second };

    public bool Equals(PathStep other) => First == other.First && Second == other.Second;

    public override bool Equals(object? obj) => obj is PathStep other && Equals(other);

    public override int GetHashCode() => (First * 397) ^ Second;

    public override string ToString() => IsUnary
        ? "(" + First.ToString(CultureInfo.InvariantCulture) + ",)"
        : "(" + First.ToString(CultureInfo.InvariantCulture) + ", " + Second.ToString(CultureInfo.InvariantCulture) + ")";
}
