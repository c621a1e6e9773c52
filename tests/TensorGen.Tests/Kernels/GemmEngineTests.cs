using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary>
/// The GEMM engine on every tier this processor has, in float and double, one thread and two, overwriting and
/// accumulating — against the reference interpreter, on odd sizes, transposed, padded and broadcast views, multi-index
/// groups, diagonals and one-sided sums. Values are exact multiples of 1/8, so results must match exactly.
/// </summary>
[Collection(KernelOptionsCollection.Name)]
public sealed class GemmEngineTests
{
    /// <summary>Expression, index sizes, and the operands' layouts (left, right, result).</summary>
    public static TheoryData<string, string, ViewKind, ViewKind, ViewKind> Cases => new()
    {
        // Plain matrix products at sizes around the tiles' edges (MR = 6 or 4; NR = 8 … 64).
        { "ij,jk->ik", "i=1,j=1,k=1", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=7,j=33,k=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=65,j=17,k=33", ViewKind.Padded, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=33,j=65,k=65", ViewKind.Dense, ViewKind.Padded, ViewKind.Padded },
        { "ij,jk->ik", "i=17,j=7,k=1", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=1,j=65,k=33", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=13,j=400,k=70", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },

        // Transposed operands and result (the engine swaps A and B to store the result's unit stride as vectors).
        { "ij,jk->ik", "i=33,j=17,k=65", ViewKind.Transposed, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=33,j=17,k=65", ViewKind.Dense, ViewKind.Transposed, ViewKind.Dense },
        { "ij,jk->ik", "i=65,j=33,k=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Transposed },
        { "ji,kj->ki", "i=17,j=33,k=7", ViewKind.Padded, ViewKind.Transposed, ViewKind.Dense },

        // Broadcast (stride-0) operands.
        { "ij,jk->ik", "i=17,j=33,k=65", ViewKind.Broadcast, ViewKind.Dense, ViewKind.Dense },
        { "ij,jk->ik", "i=17,j=33,k=65", ViewKind.Dense, ViewKind.Broadcast, ViewKind.Dense },

        // Batches, in and out of the leading position.
        { "bij,bjk->bik", "b=3,i=17,j=33,k=7", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "bij,bjk->ibk", "b=5,i=7,j=17,k=33", ViewKind.Dense, ViewKind.Padded, ViewKind.Dense },
        { "ibj,jbk->kbi", "b=2,i=33,j=7,k=17", ViewKind.Transposed, ViewKind.Dense, ViewKind.Padded },

        // Multi-index rows, columns and depth: nested (one stride) and not.
        { "ijk,jkl->il", "i=7,j=5,k=7,l=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "aij,jkb->aikb", "a=3,i=7,j=17,k=5,b=7", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "iaj,jbk->kbia", "i=5,a=3,j=17,b=7,k=3", ViewKind.Padded, ViewKind.Transposed, ViewKind.Dense },
        { "ajbk,jkc->cab", "a=3,j=5,b=7,k=3,c=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Padded },

        // Diagonals and indices summed in one operand only (depth along which the other operand does not move).
        { "iij,jk->ik", "i=7,j=17,k=33", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ijm,jk->ik", "i=17,j=7,m=5,k=33", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "ij,jkk->ik", "i=33,j=17,k=7", ViewKind.Dense, ViewKind.Padded, ViewKind.Dense },

        // Outer products (no depth) and large enough for two threads.
        { "i,j->ij", "i=65,j=33", ViewKind.Dense, ViewKind.Padded, ViewKind.Dense },
        { "ij,jk->ik", "i=130,j=129,k=70", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense },
        { "bij,bjk->bik", "b=2,i=65,j=129,k=70", ViewKind.Padded, ViewKind.Dense, ViewKind.Transposed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference_on_every_tier_type_thread_count_and_mode(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
    {
        var problem = new StepProblem(expression, sizes, left, right, result);
        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                foreach (bool accumulate in new[] { false, true })
                {
                    problem.AssertMatches<float>(tier, threads, accumulate);
                    problem.AssertMatches<double>(tier, threads, accumulate);
                }
            }
        }
    }

    [Theory]
    [InlineData("ij,jk->ik", "i=65,j=33,k=17")]
    [InlineData("bij,bjk->bik", "b=4,i=17,j=33,k=7")]
    [InlineData("ajbk,jkc->cab", "a=3,j=5,b=7,k=3,c=17")]
    [InlineData("ijm,jk->ik", "i=17,j=7,m=5,k=33")]
    public void Gemm_like_steps_of_some_size_run_in_the_engine(string expression, string sizes)
    {
        var problem = new StepProblem(expression, sizes, ViewKind.Dense, ViewKind.Padded, ViewKind.Dense);
        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            Assert.NotNull(StridedKernels.GemmFor<float>(problem.Step, tier));
            Assert.NotNull(StridedKernels.GemmFor<double>(problem.Step, tier));
        }
    }

    [Theory]
    [InlineData("ij,jk->ik", "i=2,j=2,k=2")]
    [InlineData("i,i->", "i=1000")]
    [InlineData("ij,jk->ik", "i=0,j=5,k=5")]
    [InlineData("ij,jk->ik", "i=5,j=0,k=5")]
    public void Tiny_dot_and_empty_steps_stay_in_the_loop_nest(string expression, string sizes)
    {
        var problem = new StepProblem(expression, sizes, ViewKind.Dense, ViewKind.Dense, ViewKind.Dense);
        Assert.Null(StridedKernels.GemmFor<float>(problem.Step, KernelOptions.BestSupportedTier));
        problem.AssertMatches<float>(KernelOptions.BestSupportedTier, threads: 1, accumulate: true);
    }

    [Fact]
    public void Other_element_types_stay_in_the_loop_nest()
    {
        var problem = new StepProblem("ij,jk->ik", "i=65,j=33,k=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense);
        Assert.Null(StridedKernels.GemmFor<Half>(problem.Step, KernelOptions.BestSupportedTier));
        Assert.Null(StridedKernels.GemmFor<int>(problem.Step, KernelOptions.BestSupportedTier));
    }

    /// <summary>One binary einsum step over given views, and its reference result.</summary>
    private sealed class StepProblem
    {
        private readonly StepShapes _step;
        private readonly RefArray _expected;

        public StepProblem(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
        {
            _step = new StepShapes(expression, sizes, left, right, result);
            Tensor<double>[] operands = Operands<double>();
            _expected = ReferenceEinsum.Evaluate(expression, operands.Select(o => RefArrayViews.FromView<double>(o)).ToArray());
            Step = _step.Bind(operands, _step.ResultView(ResultBuffer<double>())).Step(0);
        }

        /// <summary>The bound step of the double-precision operands (the same strides as every type's).</summary>
        public StepLayout Step { get; }

        public void AssertMatches<T>(KernelTier tier, int threads, bool accumulate)
            where T : unmanaged, INumberBase<T>
        {
            Tensor<T>[] operands = Operands<T>();
            T[] buffer = ResultBuffer<T>();
            TensorSpan<T> result = _step.ResultView(buffer);
            RefArray initial = RefArrayViews.FromView<T>(_step.ResultView((T[])buffer.Clone()));
            EinsumBinding binding = _step.Bind(operands, result);

            StepShapes.Contract(binding, operands, result, tier, threads, accumulate);

            RefArray actual = RefArrayViews.FromView<T>(result);
            RefArray expected = _expected with
            {
                Shape = actual.Shape,
                Data = accumulate ? _expected.Data.Zip(initial.Data, (e, i) => e + i).ToArray() : _expected.Data,
            };
            string? difference = RefArrayComparison.FirstDifference(expected, actual, 0);
            Assert.True(difference is null, $"{_step.Expression} {typeof(T).Name} tier {tier}, {threads} thread(s), accumulate {accumulate}: {difference}");
        }

        private Tensor<T>[] Operands<T>()
            where T : INumberBase<T> =>
            [OperandViews.Create<T>(_step.Shapes[0], _step.Kinds[0], 1), OperandViews.Create<T>(_step.Shapes[1], _step.Kinds[1], 2)];

        private T[] ResultBuffer<T>()
            where T : INumberBase<T> => _step.ResultBuffer(i => T.CreateChecked((i % 7) - 3));
    }
}
