using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;

namespace TensorGen.Runtime;

/// <summary>
/// The expression with <c>...</c> written out as concrete labels once the shapes fix how many broadcast
/// dimensions it stands for, so that the shared planner and lowering see ordinary indices. An operand whose
/// <c>...</c> covers fewer dimensions than the widest one gets the last (right-aligned) of them.
/// </summary>
internal sealed class EllipsisExpansion
{
    private EllipsisExpansion(EinsumExpression expression, int[][] inputLabels, int[] outputLabels)
    {
        Expression = expression;
        InputLabels = inputLabels;
        OutputLabels = outputLabels;
    }

    /// <summary>The expression over concrete labels (see <see cref="ExpressionLabels.NameOf"/>).</summary>
    public EinsumExpression Expression { get; }

    /// <summary>Per input, the label id of each of its dimensions.</summary>
    public int[][] InputLabels { get; }

    /// <summary>The label id of each output dimension.</summary>
    public int[] OutputLabels { get; }

    public static EllipsisExpansion Expand(EinsumExpression expression, ExpressionLabels labels, int[] ellipsisDimensions, int ellipsisRank)
    {
        int[][] inputs = labels.Inputs
            .Select((term, i) => term.LabelsOfDimensions(ellipsisDimensions[i], ellipsisRank, labels.LetterCount)).ToArray();
        TermPattern output = labels.Output;
        int[] outputLabels = output.LabelsOfDimensions(output.HasEllipsis ? ellipsisRank : 0, ellipsisRank, labels.LetterCount);
        var concrete = new EinsumExpression(
            expression.Text,
            inputs.Select(ids => Term(ids, labels)).ToEquatableArray(),
            Term(outputLabels, labels),
            expression.IsImplicitOutput);
        return new EllipsisExpansion(concrete, inputs, outputLabels);
    }

    private static EinsumTerm Term(int[] ids, ExpressionLabels labels) => new(ids.Select(labels.NameOf).ToEquatableArray());
}
