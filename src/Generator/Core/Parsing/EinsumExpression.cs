using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Parsing;

/// <summary>
/// A parsed, validated Einstein-summation expression: one term per input operand and the output term,
/// with numpy's implicit output already written out.
/// </summary>
/// <remarks>
/// Each index label is a string holding one Unicode letter (two UTF-16 code units for letters outside the
/// BMP). The ellipsis <c>...</c> is the label <see cref="Ellipsis"/>; it stands for zero or more broadcast
/// dimensions that are only known when shapes are.
/// </remarks>
internal sealed class EinsumExpression : IEquatable<EinsumExpression>
{
    /// <summary>The label that stands for <c>...</c> in a term.</summary>
    public const string Ellipsis = "...";

    public EinsumExpression(string text, EquatableArray<EinsumTerm> inputs, EinsumTerm output, bool isImplicitOutput)
    {
        Text = text;
        Inputs = inputs;
        Output = output;
        IsImplicitOutput = isImplicitOutput;
    }

    /// <summary>The expression as the user wrote it.</summary>
    public string Text { get; }

    public EquatableArray<EinsumTerm> Inputs { get; }

    public EinsumTerm Output { get; }

    /// <summary>True when the user wrote no <c>-&gt;</c> and the output was derived as numpy does.</summary>
    public bool IsImplicitOutput { get; }

    public bool HasEllipsis => Inputs.Any(t => t.HasEllipsis) || Output.HasEllipsis;

    /// <summary>Every distinct label of the inputs (ellipsis included), in order of first appearance.</summary>
    public IReadOnlyList<string> DistinctLabels =>
        Inputs.SelectMany(t => t.Labels).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The expression with its output written out, e.g. <c>"ij,jk->ik"</c> for <c>"ij,jk"</c>.</summary>
    public string ExplicitText => string.Join(",", Inputs.Select(t => t.ToString())) + "->" + Output;

    public bool Equals(EinsumExpression? other) =>
        other is not null && Text == other.Text && Inputs.Equals(other.Inputs) && Output.Equals(other.Output)
        && IsImplicitOutput == other.IsImplicitOutput;

    public override bool Equals(object? obj) => Equals(obj as EinsumExpression);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => ExplicitText;
}

/// <summary>The subscripts of one operand (or of the output): its index labels in dimension order.</summary>
internal sealed class EinsumTerm : IEquatable<EinsumTerm>
{
    public EinsumTerm(EquatableArray<string> labels) => Labels = labels;

    public EquatableArray<string> Labels { get; }

    public bool HasEllipsis => Labels.Contains(EinsumExpression.Ellipsis);

    /// <summary>The number of labels that are letters (the rank when the ellipsis stands for nothing).</summary>
    public int LetterCount => Labels.Count(l => l != EinsumExpression.Ellipsis);

    public bool Equals(EinsumTerm? other) => other is not null && Labels.Equals(other.Labels);

    public override bool Equals(object? obj) => Equals(obj as EinsumTerm);

    public override int GetHashCode() => Labels.GetHashCode();

    public override string ToString() => string.Concat(Labels);
}
