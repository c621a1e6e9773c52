using System.Collections.Generic;
using System.Linq;
using CsCheck;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Runtime;
using TensorGen.Tests.Planning;
using Xunit;

namespace TensorGen.Tests.Api;

/// <summary>
/// Static kernels carry their step layouts as constants that the generator computes (<see cref="DenseStepLayout"/>) and
/// rebuilds with <see cref="StepLayout.Create"/>: every field must equal what the runtime's binding
/// (<see cref="EinsumProgram.BindDense"/>, the path static kernels took before) computes for the same plan and shapes.
/// </summary>
public sealed class CompileTimeLayoutTests
{
    [Theory]
    [MemberData(nameof(PerShapePlanningTests.SuiteCases), MemberType = typeof(PerShapePlanningTests))]
    public void A_suite_kernels_compile_time_layouts_equal_the_runtimes_binding(string expression, string sizes)
    {
        AssertLayoutsMatch(RandomNetwork.FromText(expression, sizes));
    }

    /// <summary>Random networks: diagonals, traces, dangling and size-1 indices, outer and Hadamard products, unary steps.</summary>
    [Fact]
    public void Random_expressions_compile_time_layouts_equal_the_runtimes_binding() =>
        RandomNetwork.Generator(maxOperands: 6, maxSize: 4).Sample(AssertLayoutsMatch, iter: 300);

    [Fact]
    public void Create_rejects_a_layout_whose_strides_contradict_its_uses()
    {
        StepIndexUse[] uses = [StepIndexUse.Left | StepIndexUse.Output, StepIndexUse.Left | StepIndexUse.Right];
        var error = Assert.Throws<System.ArgumentException>(() =>
            StepLayout.Create(0, "ij,j->i", 0, 1, uses, [2, 3], [3, 1], [5, 1], [1, 0]));
        Assert.Contains("ij,j->i", error.Message);
        Assert.Throws<System.ArgumentException>(() => StepLayout.Create(0, "ij,j->i", 0, 1, uses, [2, 3], [3, 1], [0, 1], [1, 0, 0]));
        Assert.Throws<System.ArgumentException>(() =>
            StepLayout.Create(0, "ij,j->i", 0, 1, [uses[1], uses[0]], [3, 2], [1, 3], [1, 0], [0, 1]));
    }

    private static void AssertLayoutsMatch(RandomNetwork network)
    {
        EinsumExpression expression = EinsumParser.Parse(network.Expression).Expression!;
        ContractionPlan plan = ContractionPlan.Create(expression, network.Sizes, Planners.Create(PlanningStrategy.Auto), PlanningOptions.Default);
        int[][] path = plan.Path.Steps.Select(s => s.Positions.ToArray()).ToArray();
        string[] names = Enumerable.Range(0, expression.Inputs.Count + 1).Select(i => "t" + i).ToArray();
        nint[][] shapes = expression.Inputs.Append(expression.Output)
            .Select(term => term.Labels.Select(l => (nint)network.Sizes[l]).ToArray()).ToArray();
        EinsumBinding bound = EinsumProgram.FromLinearPath(network.Expression, path, names).BindDense(shapes);

        IReadOnlyList<DenseStepLayout> constants = DenseStepLayout.For(plan, network.Sizes);
        Assert.Equal(bound.StepCount, constants.Count);
        foreach (DenseStepLayout dense in constants)
        {
            StepLayout expected = bound.Step(dense.Index);
            StepLayout actual = StepLayout.Create(dense.Index, dense.Step.Contraction, dense.Step.Left, dense.Step.Right,
                dense.Uses.Select(u => (StepIndexUse)u).ToArray(), Lengths(dense.Extents), Lengths(dense.LeftStrides),
                Lengths(dense.RightStrides), Lengths(dense.OutputStrides));
            string where = $"{network}: step {dense.Index} {expected}";
            Assert.True(expected.Contraction == actual.Contraction, where);
            Assert.True(expected.LeftOperand == actual.LeftOperand && expected.RightOperand == actual.RightOperand, where);
            Assert.True(expected.IsUnary == actual.IsUnary && expected.KeptCount == actual.KeptCount, where);
            Assert.True(expected.Uses.ToArray().SequenceEqual(actual.Uses.ToArray()), where);
            Assert.True(expected.Extents.ToArray().SequenceEqual(actual.Extents.ToArray()), where);
            Assert.True(expected.LeftStrides.ToArray().SequenceEqual(actual.LeftStrides.ToArray()), where + " left strides " + actual);
            Assert.True(expected.RightStrides.ToArray().SequenceEqual(actual.RightStrides.ToArray()), where + " right strides " + actual);
            Assert.True(expected.OutputStrides.ToArray().SequenceEqual(actual.OutputStrides.ToArray()), where + " output strides " + actual);
            Assert.True(expected.LeftLength == actual.LeftLength && expected.RightLength == actual.RightLength
                && expected.OutputLength == actual.OutputLength, where);
        }
    }

    private static nint[] Lengths(long[] values) => values.Select(v => (nint)v).ToArray();
}
