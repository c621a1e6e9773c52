using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using CsCheck;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Runtime;
using TensorGen.Tests.Planning;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Api;

/// <summary>
/// Programs planned per shape (<see cref="EinsumProgram.WithReplanning"/>, what generated dynamic kernels are by default):
/// the plan a call runs costs what <c>tensorgen plan</c> finds for the call's sizes, whatever order was compiled in.
/// </summary>
public sealed class PerShapePlanningTests
{
    /// <summary>The suite's expressions at the suite's sizes (benchmarks/TensorGen.Benchmarks/SuiteKernels.cs), a–g; d2's 32 operands are too many for a test's time.</summary>
    public static TheoryData<string, string> SuiteCases() => new()
    {
        { "ij,jk->ik", "i=1024,j=1024,k=1024" },
        { "bij,bjk->bik", "b=64,i=64,j=64,k=64" },
        { "ia,jb,kc,ld,abcd->ijkl", "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3" },
        { "ia,jb,kc,ld,nabcd->nijkl", "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3,n=10000" },
        { "Aa,aBb,bCc,cDd,dEe,eFf,fGg,gH,A,B,C,D,E,F,G,H->", "A=2,B=2,C=2,D=2,E=2,F=2,G=2,H=2,a=32,b=32,c=32,d=32,e=32,f=32,g=32" },
        { "ijk,jr,kr->ir", "i=200,j=200,k=200,r=32" },
        { "abc,ia,jb,kc->ijk", "a=16,b=16,c=16,i=128,j=128,k=128" },
        { "ab,bc,cd->ad", "a=1000,b=10,c=1000,d=10" },
        { "ab,bc,cd->ad", "a=10,b=1000,c=10,d=1000" },
    };

    [Theory]
    [MemberData(nameof(SuiteCases))]
    public void A_suite_calls_plan_costs_what_tensorgen_plan_finds_for_its_sizes(string expression, string sizes)
    {
        AssertPlanCostsWhatThePlannerFinds(RandomNetwork.FromText(expression, sizes));
    }

    /// <summary>Random networks of up to 10 operands (the exact search's range at run time), each compiled with an arbitrary order.</summary>
    [Fact]
    public void A_random_calls_plan_costs_what_tensorgen_plan_finds_for_its_sizes() =>
        RandomNetwork.Generator(maxOperands: 10, maxSize: 12).Sample(AssertPlanCostsWhatThePlannerFinds, iter: 150);

    /// <summary>Past <see cref="EinsumProgram.MaxCachedShapes"/> shapes the cache evicts, and every call still computes the right numbers.</summary>
    [Fact]
    public void The_plan_cache_keeps_at_most_its_bound_of_shapes()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], ["a", "b", "c", "result"]).WithReplanning();
        for (int n = 1; n <= EinsumProgram.MaxCachedShapes + 20; n++)
        {
            int a = 1 + (n % 7), b = n, c = 2 + (n % 3), d = 1 + (n % 5);
            RefArray[] operands = [Values([a, b], n), Values([b, c], n + 1), Values([c, d], n + 2)];
            Tensor<double>[] tensors = operands.Select(RefArrayViews.ToTensor<double>).ToArray();
            EinsumBinding binding = program.BindDense([a, b], [b, c], [c, d], [a, d]);
            Tensor<double> result = Tensor.CreateFromShape<double>([a, d]);

            BoundProgramRunner.Run(binding, tensors, TensorMemory.Of(result.AsTensorSpan()), accumulate: false);

            Assert.InRange(program.CachedShapeCount, 1, EinsumProgram.MaxCachedShapes);
            RefArray expected = ReferenceEinsum.Evaluate("ab,bc,cd->ad", operands);
            Assert.Null(RefArrayComparison.FirstDifference(expected, RefArrayViews.FromView<double>(result), 1e-12));
        }

        Assert.Equal(EinsumProgram.MaxCachedShapes, program.CachedShapeCount);
    }

    /// <summary>Rebinding a thread's binding to the layout it holds keeps its steps; another layout gets its own.</summary>
    [Fact]
    public void A_thread_binding_rebound_to_the_same_layout_keeps_its_steps()
    {
        EinsumProgram program = EinsumProgram.Create("ab,bc,cd->ad", [0, 1, 0, 1], ["a", "b", "c", "result"]).WithReplanning();
        EinsumBinding binding = program.ThreadBinding();
        Bind(binding, 1000, 2, 1000, 2);
        StepLayout first = binding.Step(0);
        Assert.Equal("bc,cd->bd", first.Contraction);

        Assert.Same(binding, program.ThreadBinding());
        Bind(binding, 1000, 2, 1000, 2);
        Assert.Same(first, binding.Step(0));

        Bind(binding, 2, 1000, 2, 1000);
        Assert.Equal("ab,bc->ac", binding.Step(0).Contraction);
        Assert.Equal(2 * 2, binding.ScratchLength);

        // Another thread gets its own binding.
        EinsumBinding? other = null;
        var thread = new System.Threading.Thread(() => other = program.ThreadBinding());
        thread.Start();
        thread.Join();
        Assert.NotSame(binding, other);
    }

    /// <summary>
    /// Two operands without an index to sum out first have one plan whatever the sizes: a replanning program runs it without
    /// planning (so keeps no shapes); one with such an index, or three operands, plans each new shape.
    /// </summary>
    [Fact]
    public void An_expression_with_one_possible_order_is_not_planned_per_shape()
    {
        EinsumProgram product = EinsumProgram.Create("bij,bjk->bik", [0, 1], ["a", "b", "result"]).WithReplanning();
        EinsumBinding binding = product.BindDense([4, 3, 5], [4, 5, 2], [4, 3, 2]);
        Assert.Equal("bij,bjk->bik", binding.Step(0).Contraction);
        product.BindDense([1, 300, 2], [1, 2, 700], [1, 300, 700]);
        Assert.Equal(0, product.CachedShapeCount);

        RefArray a = Values([4, 3, 5], 1), b = Values([4, 5, 2], 2);
        Tensor<double> result = Tensor.CreateFromShape<double>([4, 3, 2]);
        BoundProgramRunner.Run(binding, [RefArrayViews.ToTensor<double>(a), RefArrayViews.ToTensor<double>(b)],
            TensorMemory.Of(result.AsTensorSpan()), accumulate: false);
        Assert.Null(RefArrayComparison.FirstDifference(ReferenceEinsum.Evaluate("bij,bjk->bik", a, b), RefArrayViews.FromView<double>(result), 1e-12));

        EinsumProgram dangling = EinsumProgram.Create("xij,jk->ik", [0, 1], ["a", "b", "result"]).WithReplanning();
        dangling.BindDense([50, 3, 4], [4, 2], [3, 2]);
        Assert.Equal(1, dangling.CachedShapeCount);
    }

    /// <summary>
    /// The kernel family follows the sizes: 10,000 small rotations are a batched chain, one large batched product is not, and
    /// Einsum.Evaluate's chain computes the reference's numbers (a batch that is not a multiple of the lanes, strided operands).
    /// </summary>
    [Fact]
    public void A_batch_of_small_contractions_runs_as_a_batched_chain()
    {
        EinsumProgram rotation = EinsumProgram.Create("ia,jb,nab->nij", [0, 2, 0, 1], ["p", "q", "x", "result"]).WithReplanning();
        Assert.True(rotation.BindDense([3, 3], [3, 3], [10000, 3, 3], [10000, 3, 3]).RunsBatchedChain);
        Assert.False(rotation.BindDense([3, 3], [3, 3], [8, 3, 3], [8, 3, 3]).RunsBatchedChain); // Too few items.

        EinsumProgram batched = EinsumProgram.Create("nij,njk->nik", [0, 1], ["a", "b", "result"]).WithReplanning();
        Assert.False(batched.BindDense([64, 64, 64], [64, 64, 64], [64, 64, 64]).RunsBatchedChain); // Too large per item.

        RefArray p = Values([3, 2], 1), q = Values([4, 3], 2);
        var x = new RefArray(Enumerable.Range(0, 45 * 2 * 3).Select(i => (double)((i * 13 % 11) - 5)).ToArray(), [45, 2, 3]);
        Tensor<double> xView = RefArrayViews.ToTensor<double>(x);
        Tensor<double> result = Einsum.Evaluate<double>("ia,jb,nab->nij", RefArrayViews.ToTensor<double>(p), RefArrayViews.ToTensor<double>(q), xView);
        RefArray expected = ReferenceEinsum.Evaluate("ia,jb,nab->nij", p, q, x);
        Assert.Null(RefArrayComparison.FirstDifference(expected, RefArrayViews.FromView<double>(result), 1e-12));
    }

    private static void Bind(EinsumBinding binding, int a, int b, int c, int d)
    {
        binding.Operand(0, [a, b], [b, 1]);
        binding.Operand(1, [b, c], [c, 1]);
        binding.Operand(2, [c, d], [d, 1]);
        binding.Result([a, d], [d, 1]);
    }

    /// <summary>
    /// Compiles the network's expression with the order planned at every size 32 (as the generator does without hints), binds
    /// it to the real sizes, and compares the bound plan's cost, recomputed independently, with the plan that
    /// <c>tensorgen plan</c>'s entry point (<see cref="ContractionPlan.Create"/> with Auto) makes for those sizes.
    /// </summary>
    private static void AssertPlanCostsWhatThePlannerFinds(RandomNetwork network)
    {
        EinsumExpression expression = EinsumParser.Parse(network.Expression).Expression!;
        var assumed = network.Sizes.ToDictionary(p => p.Key, _ => 32L, StringComparer.Ordinal);
        ContractionPlan compiled = ContractionPlan.Create(expression, assumed, Planners.Create(PlanningStrategy.Auto), PlanningOptions.Default);
        int[][] compiledPath = compiled.Path.Steps.Select(s => s.Positions.ToArray()).ToArray();
        string[] names = network.Terms.Select((_, i) => "x" + i).Append("result").ToArray();
        EinsumProgram program = EinsumProgram.FromLinearPath(network.Expression, compiledPath, names).WithReplanning();

        nint[][] shapes = network.Terms.Select(t => t.Select(c => (nint)network.Sizes[c.ToString()]).ToArray())
            .Append(network.Output.Select(c => (nint)network.Sizes[c.ToString()]).ToArray()).ToArray();
        EinsumBinding binding = program.BindDense(shapes);
        ExpandedPlan bound = program.PlanFor(binding.Resolved);

        ContractionPlan cli = ContractionPlan.Create(expression, network.Sizes, Planners.Create(PlanningStrategy.Auto),
            new PlanningOptions(timeLimit: CostCheck.TimeLimit));
        var boundPath = bound.Plan.Path.Steps.Select(s => s.Positions.ToArray()).ToList();
        var cliPath = cli.Path.Steps.Select(s => s.Positions.ToArray()).ToList();
        var (cliCost, _) = IndependentCost.OfPath(network, cliPath);
        var (boundCost, _) = IndependentCost.OfPath(network, boundPath);
        if (network.Terms.Length <= SubsetDynamicProgram.MaxOperands)
        {
            Assert.Equal(cliCost, boundCost); // Both the optimum: the exact search finishes well within the time limit.
        }
        else
        {
            // Past the exact search's range the planners' trees depend on the time they get: the compiled order, planned
            // with a longer limit, may be cheaper, and then it runs.
            Assert.True(boundCost <= cliCost, $"bound {boundCost}, tensorgen plan {cliCost}");
        }

        Assert.Equal(bound.Steps.Length, binding.StepCount);
    }

    private static RefArray Values(int[] shape, int seed) =>
        new(Enumerable.Range(0, shape.Aggregate(1, (count, length) => count * length)).Select(i => (double)(((i * 7) + seed) % 5) - 2).ToArray(), shape);
}
