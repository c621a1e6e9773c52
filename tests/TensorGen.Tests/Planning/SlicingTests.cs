using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CsCheck;
using TensorGen.Parsing;
using TensorGen.Planning;
using Xunit;

namespace TensorGen.Tests.Planning;

public sealed class SlicingTests
{
    /// <summary>
    /// Under a random memory limit, every intermediate of one slice fits it, and the reported cost is the slice count times
    /// one slice's cost recomputed independently (the sliced indices sized 1 and kept to the end, the last step summing
    /// over the slices when a sliced index is summed).
    /// </summary>
    [Fact]
    public void Sliced_plans_fit_the_limit_and_cost_what_they_report() =>
        Gen.Select(RandomNetwork.Generator(maxOperands: 10, maxSize: 6), Gen.Double[0, 1]).Sample((network, fraction) =>
        {
            var expression = EinsumParser.Parse(network.Expression).Expression!;
            ContractionPlan unlimited = ContractionPlan.Create(expression, network.Sizes, GreedyPlanner.Instance);
            double largest = unlimited.Steps.Where(s => !s.IsFinal).Select(s => s.ResultSize).DefaultIfEmpty(1).Max();
            double limit = Math.Max(1, Math.Floor(largest * fraction));
            var options = new PlanningOptions(memoryLimit: limit, timeLimit: TimeSpan.FromMilliseconds(50));

            ContractionPlan plan = ContractionPlan.Create(expression, network.Sizes, AutoPlanner.Instance, options);

            Assert.All(plan.Steps.Where(s => !s.IsFinal), s => Assert.True(s.ResultSize <= limit, $"{s} has {s.ResultSize} > {limit}"));
            if (plan.Slicing is null)
            {
                return;
            }

            var sliced = plan.SlicedLabels.ToHashSet();
            var oneSlice = new RandomNetwork(network.Terms, network.Output + string.Concat(sliced.Where(l => !network.Output.Contains(l))),
                network.Sizes.ToDictionary(p => p.Key, p => sliced.Contains(p.Key) ? 1L : p.Value));
            var path = plan.Path.Steps.Select(s => s.Positions).ToList();
            var steps = IndependentCost.Steps(oneSlice, path);
            bool slicesAdd = sliced.Any(l => !network.Output.Contains(l));
            BigInteger sliceFlops = steps.Select((s, k) => s.Loop * (Math.Max(1, s.Terms - 1) + (s.Sums || (slicesAdd && k == steps.Count - 1) ? 1 : 0)))
                .Aggregate(BigInteger.Zero, (sum, f) => sum + f);
            BigInteger slices = sliced.Aggregate(BigInteger.One, (p, l) => p * network.Sizes[l]);
            Assert.Equal(sliceFlops * slices, plan.ExactFlops);
        }, iter: 300);
}
