using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// A decomposition operation as one einsum network over the components of its inputs: the expression, what
/// each operand is, and — where the format's structure has a known good order (a left-to-right sweep along a
/// train, Oseledets 2011 §3) — that order as a candidate path for the planner to weigh against its own.
/// </summary>
internal sealed class LoweredContraction : IEquatable<LoweredContraction>
{
    /// <summary>The size a mode index is assumed to have when a dynamic kernel is planned at build time.</summary>
    public const long AssumedModeSize = 32;

    /// <summary>The size a rank or bond index is assumed to have when a dynamic kernel is planned at build time.</summary>
    public const long AssumedRankSize = 16;

    /// <summary>
    /// Networks with more operands than this take the sweep without asking the greedy planner, whose search grows
    /// with the fourth power of the operand count (a 64-core MPS expectation value has 192 operands).
    /// </summary>
    public const int MaxPlannedOperands = 64;

    public LoweredContraction(EquatableArray<LoweredOperand> operands, EquatableArray<string> output, EquatableArray<string> rankLabels,
        ContractionPath? sweepPath)
    {
        Operands = operands;
        Output = output;
        RankLabels = rankLabels;
        SweepPath = sweepPath;
        Expression = string.Join(",", operands.Select(o => string.Concat(o.Labels))) + "->" + string.Concat(output);
    }

    /// <summary>The einsum expression, operands in <see cref="Operands"/> order, output explicit.</summary>
    public string Expression { get; }

    public EquatableArray<LoweredOperand> Operands { get; }

    public EquatableArray<string> Output { get; }

    /// <summary>The indices that are ranks or bonds (the others are modes or a dense input's own sizes).</summary>
    public EquatableArray<string> RankLabels { get; }

    /// <summary>The structure's sweep order, or null when only the planner proposes one.</summary>
    public ContractionPath? SweepPath { get; }

    /// <summary>The expression parsed by the shared parser (lowered expressions are always well formed).</summary>
    public EinsumExpression Parse() =>
        EinsumParser.Parse(Expression).Expression ?? throw new InvalidOperationException($"Lowered expression \"{Expression}\" does not parse.");

    /// <summary>Every index's size, read from the operands' shapes (in <see cref="Operands"/> order).</summary>
    public Dictionary<string, long> SizesFrom(IReadOnlyList<IReadOnlyList<long>> operandShapes)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int n = 0; n < Operands.Count; n++)
        {
            EquatableArray<string> labels = Operands[n].Labels;
            for (int d = 0; d < labels.Count && d < operandShapes[n].Count; d++)
            {
                // A size-1 dimension broadcasts, so a later, larger one wins.
                if (!sizes.TryGetValue(labels[d], out long known) || known == 1)
                {
                    sizes[labels[d]] = operandShapes[n][d];
                }
            }
        }

        return sizes;
    }

    /// <summary>Sizes for planning a dynamic kernel: modes <see cref="AssumedModeSize"/>, ranks <see cref="AssumedRankSize"/>.</summary>
    public Dictionary<string, long> AssumedSizes()
    {
        var ranks = new HashSet<string>(RankLabels, StringComparer.Ordinal);
        return Operands.SelectMany(o => o.Labels).Distinct(StringComparer.Ordinal)
            .ToDictionary(l => l, l => ranks.Contains(l) ? AssumedRankSize : AssumedModeSize, StringComparer.Ordinal);
    }

    /// <summary>
    /// The plan: with known sizes, the cheaper (in opt_einsum's FLOP units) of the planner's path and the sweep — the
    /// planner wins near a train's ends, where bonds are not saturated, the sweep when physical indices are wide; with
    /// assumed sizes, the sweep when there is one, since its cost stays O(N n r³) (a train inner product) whatever the
    /// real sizes, while a path chosen for guessed sizes can grow exponentially with the number of cores.
    /// </summary>
    public ContractionPlan Plan(IReadOnlyDictionary<string, long> sizes, bool sizesKnown)
    {
        EinsumExpression expression = Parse();
        ContractionPlan? sweep = SweepPath is null ? null : ContractionPlan.Lower(expression, SweepPath, sizes);
        if (sweep is not null && (!sizesKnown || Operands.Count > MaxPlannedOperands))
        {
            return sweep;
        }

        ContractionPlan planned = ContractionPlan.Create(expression, sizes, GreedyPlanner.Instance);
        return sweep is not null && sweep.Flops <= planned.Flops ? sweep : planned;
    }

    public bool Equals(LoweredContraction? other) =>
        other is not null && Operands.Equals(other.Operands) && Output.Equals(other.Output) && RankLabels.Equals(other.RankLabels)
        && Equals(SweepPath, other.SweepPath);

    public override bool Equals(object? obj) => Equals(obj as LoweredContraction);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Expression);

    public override string ToString() => Expression;
}
