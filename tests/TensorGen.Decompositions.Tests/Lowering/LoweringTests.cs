using System;
using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Decompositions.Tests.Lowering;

/// <summary>The lowering of operations to einsum networks: the expressions, the letters, and why trains get a sweep.</summary>
public class LoweringTests
{
    [Fact]
    public void Cp_mttkrp_skips_its_own_factor_and_the_weights_and_is_the_fused_pattern()
    {
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Cp, DecompositionOperation.Mttkrp, 3, 1));
        Assert.Equal("abc,ad,cd->bd", lowered.Expression);
        Assert.NotNull(MttkrpPattern.Match(lowered.Parse()));
        Assert.Equal(new[] { OperandPart.Dense, OperandPart.Factor, OperandPart.Factor }, lowered.Operands.Select(o => o.Part));
        Assert.Equal(new[] { 0, 2 }, lowered.Operands.Where(o => o.Part == OperandPart.Factor).Select(o => o.Index));
    }

    [Fact]
    public void Inner_products_conjugate_the_left_operand_only()
    {
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Tucker, DecompositionOperation.Inner, 2));
        Assert.Equal("cd,ac,bd,ef,ae,bf->", lowered.Expression);
        Assert.All(lowered.Operands, o => Assert.Equal(o.Source == 0, o.Conjugate));
    }

    [Fact]
    public void Train_matrix_reconstruction_lists_rows_then_columns()
    {
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrainMatrix, DecompositionOperation.Reconstruct, 2));
        Assert.Equal("eacf,fbdg->abcd", lowered.Expression);
    }

    [Fact]
    public void A_sixteen_site_expectation_value_runs_past_the_latin_letters()
    {
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrainMatrix, DecompositionOperation.Expectation, 16));
        string[] labels = lowered.Operands.SelectMany(o => o.Labels).Distinct().ToArray();
        Assert.Equal(16 + 16 + (3 * 17), labels.Length);
        Assert.Contains(labels, l => l[0] > 'z');
        Assert.NotNull(lowered.Parse());
    }

    /// <summary>
    /// Near a train's ends the bonds cannot be saturated (core k of a train with n = 2 has rank at most 2^k), which the
    /// greedy planner exploits by merging cores while their product is small; with wide physical indices the zipper wins.
    /// With known sizes the plan is the cheaper of the two; with guessed sizes (the dynamic form) always the zipper,
    /// whose cost stays O(N n χ³) whatever the real sizes.
    /// </summary>
    [Theory]
    [InlineData(16, 2, 64, false)] // the benchmark (peer case d2): greedy 14.6 M, sweep 29.4 M
    [InlineData(6, 8, 32, false)]
    [InlineData(8, 32, 4, true)] // greedy 142 k, sweep 51 k
    public void Train_inner_products_take_the_cheaper_of_the_sweep_and_the_greedy_path(int cores, int physical, int bond, bool sweepIsCheaper)
    {
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrain, DecompositionOperation.Inner, cores));
        var sizes = lowered.SizesFrom(lowered.Operands
            .Select(o => (System.Collections.Generic.IReadOnlyList<long>)new long[] { o.Index == 0 ? 1 : bond, physical, o.Index == cores - 1 ? 1 : bond })
            .ToList());
        double greedy = ContractionPlan.Create(lowered.Parse(), sizes, GreedyPlanner.Instance).Flops;
        double sweep = ContractionPlan.Lower(lowered.Parse(), lowered.SweepPath!, sizes).Flops;

        Assert.Equal(sweepIsCheaper, sweep < greedy);
        Assert.Equal(Math.Min(greedy, sweep), lowered.Plan(sizes, sizesKnown: true).Flops);
        Assert.Equal(lowered.SweepPath, lowered.Plan(sizes, sizesKnown: false).Path);
    }

    [Fact]
    public void The_largest_declared_network_has_letters_and_a_sweep_plan()
    {
        // A 64-site expectation value: 192 operands, 323 indices; past MaxPlannedOperands the sweep is taken unplanned.
        LoweredContraction lowered = DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrainMatrix, DecompositionOperation.Expectation, 64));
        Assert.Equal(323, lowered.Operands.SelectMany(o => o.Labels).Distinct().Count());
        var sizes = lowered.SizesFrom(lowered.Operands.Select(o => (System.Collections.Generic.IReadOnlyList<long>)o.Labels.Select(_ => 2L).ToArray()).ToList());
        Assert.Equal(lowered.SweepPath, lowered.Plan(sizes, sizesKnown: true).Path);
    }

    [Fact]
    public void Unsupported_combinations_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Tucker, DecompositionOperation.Mttkrp, 3, 0)));
        Assert.Throws<ArgumentException>(() => DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.Cp, DecompositionOperation.ModeProduct, 3, 3)));
        Assert.Throws<ArgumentException>(() => DecompositionLowering.Lower(OperationSpec.Of(DecompositionFormat.TensorTrain, DecompositionOperation.Inner, 0)));
    }
}
