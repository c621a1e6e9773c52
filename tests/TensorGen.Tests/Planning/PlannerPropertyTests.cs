using System;
using System.Linq;
using System.Numerics.Tensors;
using CsCheck;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Planning;

/// <summary>Every planner on random networks, against independent references.</summary>
public sealed class PlannerPropertyTests
{
    private static readonly string[] Strategies = ["auto", "optimal", "greedy", "random-greedy", "reconfigure", "hyper"];

    private static ContractionNetwork Network(RandomNetwork network) =>
        ContractionPlan.Network(EinsumParser.Parse(network.Expression).Expression!, network.Sizes);

    /// <summary>The exact planner finds the cheapest path that brute force over every order finds (up to 7 operands).</summary>
    [Fact]
    public void The_exact_planner_equals_brute_force() =>
        RandomNetwork.Generator(maxOperands: 7, maxSize: 5).Sample(network =>
        {
            ContractionTree tree = ExactPlanner.Instance.Plan(Network(network), PlanningOptions.Default);
            Assert.Equal(IndependentCost.Cheapest(network), tree.ExactFlops);
        }, iter: 300);

    /// <summary>Every planner's reported cost and largest intermediate are those of the path it returns, recomputed independently.</summary>
    [Fact]
    public void Every_plans_reported_cost_is_its_paths_cost() =>
        Gen.Select(RandomNetwork.Generator(maxOperands: 16, maxSize: 9), Gen.Int[0, Strategies.Length - 1]).Sample((network, strategy) =>
        {
            Assert.True(Planners.TryParse(Strategies[strategy], out PlanningStrategy parsed));
            var options = new PlanningOptions(timeLimit: TimeSpan.FromMilliseconds(100));
            ContractionTree tree = Planners.Create(parsed).Plan(Network(network), options);
            var path = tree.ToPath().Steps.Select(s => s.Positions).ToList();

            var (flops, largest) = IndependentCost.OfPath(network, path);
            Assert.Equal(flops, tree.ExactFlops);
            Assert.Equal((double)largest, tree.LargestIntermediate);
        }, iter: 300);

    /// <summary>No planner is worse than greedy's tree (Auto compares every candidate with it).</summary>
    [Fact]
    public void Auto_is_never_worse_than_greedy() =>
        RandomNetwork.Generator(maxOperands: 24, maxSize: 9).Sample(network =>
        {
            var options = new PlanningOptions(timeLimit: TimeSpan.FromMilliseconds(100));
            ContractionTree auto = AutoPlanner.Instance.Plan(Network(network), options);
            ContractionTree greedy = GreedyPlanner.Instance.Plan(Network(network), options);
            Assert.True(auto.Flops <= greedy.Flops, $"auto {auto.Flops}, greedy {greedy.Flops}");
        }, iter: 200);

    /// <summary>A planned path, unary steps included, run by the runtime, computes what the reference interpreter does.</summary>
    [Fact]
    public void A_planned_contraction_evaluates_to_the_reference() =>
        Gen.Select(RandomNetwork.Generator(maxOperands: 8, maxSize: 3), Gen.Int[0, Strategies.Length - 1]).Sample((network, strategy) =>
        {
            Assert.True(Planners.TryParse(Strategies[strategy], out PlanningStrategy parsed));
            var expression = EinsumParser.Parse(network.Expression).Expression!;
            var options = new PlanningOptions(timeLimit: TimeSpan.FromMilliseconds(50));
            ContractionPlan plan = ContractionPlan.Create(expression, network.Sizes, Planners.Create(parsed), options);
            int[][] path = plan.Path.Steps.Select(s => s.Positions).ToArray();

            RefArray[] operands = network.Terms.Select((term, n) => Operand(network, term, n)).ToArray();
            RefArray expected = ReferenceEinsum.Evaluate(network.Expression, operands);

            var program = EinsumProgram.FromLinearPath(network.Expression, path, Enumerable.Range(0, operands.Length + 1).Select(i => "p" + i).ToArray());
            EinsumBinding binding = program.Bind();
            Tensor<double>[] tensors = operands.Select(RefArrayViews.ToTensor<double>).ToArray();
            for (int i = 0; i < tensors.Length; i++)
            {
                binding.Operand(i, tensors[i].Lengths, tensors[i].Strides);
            }

            Tensor<double> result = Tensor.CreateFromShape<double>(expected.Shape.Length == 0 ? [1] : expected.Shape.Select(l => (nint)l).ToArray());
            binding.Result(result.Lengths, result.Strides);
            BoundProgramRunner.Run(binding, tensors, TensorMemory.Of(result.AsTensorSpan()), accumulate: false);

            RefArray actual = RefArrayViews.FromView<double>(result) with { Shape = expected.Shape };
            Assert.Null(RefArrayComparison.FirstDifference(expected, actual, 1e-12));
        }, iter: 300);

    /// <summary>Small integers (exact in double), different per operand and element.</summary>
    private static RefArray Operand(RandomNetwork network, string term, int n)
    {
        int[] shape = term.Select(c => (int)network.Sizes[c.ToString()]).ToArray();
        int count = shape.Aggregate(1, (p, l) => p * l);
        return new RefArray(Enumerable.Range(0, count).Select(i => (double)(((i * 7) + (n * 3)) % 5) - 2).ToArray(), shape);
    }
}
