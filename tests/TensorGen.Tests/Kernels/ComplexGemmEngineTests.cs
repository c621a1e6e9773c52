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
/// The GEMM engine on <see cref="Complex"/> elements — the interleaved AVX-512 micro-kernel and the scalar one below it —
/// on every tier this processor has, one thread and two, overwriting and accumulating, over the real engine's cases (odd
/// sizes around the tiles' edges, transposed, padded and broadcast views, batches, multi-index groups, diagonals, one-sided
/// sums) against the complex reference interpreter. Real and imaginary parts are multiples of 1/8, so results are exact.
/// </summary>
[Collection(KernelOptionsCollection.Name)]
public sealed class ComplexGemmEngineTests
{
    public static TheoryData<string, string, ViewKind, ViewKind, ViewKind> Cases => GemmEngineTests.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_reference_on_every_tier_thread_count_and_mode(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
    {
        var problem = new ComplexStepProblem(expression, sizes, left, right, result);
        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                problem.AssertMatches(tier, threads, accumulate: false);
                problem.AssertMatches(tier, threads, accumulate: true);
            }
        }
    }

    [Theory]
    [InlineData("ij,jk->ik", "i=65,j=33,k=17")]
    [InlineData("bixy,ioxy->boxy", "b=4,i=32,o=32,x=12,y=12")] // the spectral convolution's batched GEMM over (x, y), strided
    [InlineData("bxyr,or->boxy", "b=4,x=12,y=12,r=8,o=32")]
    public void Gemm_like_complex_steps_run_in_the_engine(string expression, string sizes)
    {
        var problem = new ComplexStepProblem(expression, sizes, ViewKind.Dense, ViewKind.Dense, ViewKind.Dense);
        Assert.NotNull(StridedKernels.GemmFor<Complex>(problem.Step, KernelTier.Scalar));
        Assert.NotNull(StridedKernels.GemmFor<Complex>(problem.Step, KernelOptions.BestSupportedTier));
        problem.AssertMatches(KernelOptions.BestSupportedTier, threads: 1, accumulate: true);
    }

    /// <summary>
    /// Complex steps that sum nothing (Hadamard and outer products, broadcasts) run in ComplexProducts: four products per
    /// instruction group where the innermost index is contiguous everywhere (whole vectors and a tail), element by element elsewhere.
    /// </summary>
    [Theory]
    [InlineData("ij,ij->ij", "i=5,j=11", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("bxyr,xry->bxyr", "b=3,x=4,y=5,r=9", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("bxyr,xry->bxyr", "b=3,x=4,y=5,r=8", ViewKind.Padded, ViewKind.Transposed, ViewKind.Padded)]
    [InlineData("i,j->ij", "i=7,j=13", ViewKind.Dense, ViewKind.Dense, ViewKind.Transposed)]
    [InlineData("ij,j->ij", "i=6,j=17", ViewKind.Broadcast, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("ij,ji->ij", "i=9,j=9", ViewKind.Dense, ViewKind.Padded, ViewKind.Dense)]
    [InlineData("i,i->i", "i=1", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    public void Products_that_sum_nothing_match_the_reference_on_every_tier(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
    {
        var problem = new ComplexStepProblem(expression, sizes, left, right, result);
        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            Assert.True(ComplexProducts.Handles(problem.Step)); // unless the cost model gives it to the engine (outer products)
            problem.AssertMatches(tier, threads: 1, accumulate: false);
            problem.AssertMatches(tier, threads: 1, accumulate: true);
        }
    }

    /// <summary>einsum has no conjugation: (a + bi)(c + di) is taken as written, never (a − bi)(c + di).</summary>
    [Fact]
    public void Nothing_is_conjugated()
    {
        var problem = new ComplexStepProblem("ij,jk->ik", "i=13,j=21,k=17", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense);
        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            problem.AssertMatches(tier, threads: 1, accumulate: false);
        }

        Tensor<Complex> a = Tensor.Create([new Complex(0, 1)], [1, 1]);
        Tensor<Complex> b = Tensor.Create([new Complex(0, 1)], [1, 1]);
        Assert.Equal(new Complex(-1, 0), Einsum.Evaluate("ij,jk->ik", a, b)[0, 0]);
    }

    /// <summary>One binary step over complex views, and its reference result.</summary>
    private sealed class ComplexStepProblem
    {
        private readonly StepShapes _step;
        private readonly Tensor<Complex>[] _operands;
        private readonly ComplexRefArray _expected;

        public ComplexStepProblem(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
        {
            _step = new StepShapes(expression, sizes, left, right, result);
            _operands = [ComplexOperandViews.Create(_step.Shapes[0], left, 1), ComplexOperandViews.Create(_step.Shapes[1], right, 2)];
            _expected = ReferenceEinsum.Evaluate(expression, _operands.Select(o => ComplexOperandViews.FromView(o)).ToArray());
            Step = _step.Bind(_operands, _step.ResultView(_step.ResultBuffer(Initial))).Step(0);
        }

        public StepLayout Step { get; }

        public void AssertMatches(KernelTier tier, int threads, bool accumulate)
        {
            Complex[] buffer = _step.ResultBuffer(Initial);
            TensorSpan<Complex> result = _step.ResultView(buffer);
            ComplexRefArray initial = ComplexOperandViews.FromView(_step.ResultView((Complex[])buffer.Clone()));
            EinsumBinding binding = _step.Bind(_operands, result);

            StepShapes.Contract(binding, _operands, result, tier, threads, accumulate);

            ComplexRefArray actual = ComplexOperandViews.FromView(result);
            ComplexRefArray expected = _expected with
            {
                Shape = actual.Shape,
                Data = accumulate ? _expected.Data.Zip(initial.Data, (e, i) => e + i).ToArray() : _expected.Data,
            };
            string? difference = expected.FirstDifference(actual, 0);
            Assert.True(difference is null, $"{_step.Expression} Complex tier {tier}, {threads} thread(s), accumulate {accumulate}: {difference}");
            nint[] strides = OperandViews.Strides(_step.ResultShape, _step.ResultKind);
            HashSet<int> written = ComplexOperandViews.Indices(_step.ResultShape)
                .Select(index => OperandViews.Offset(_step.ResultKind) + (int)index.Select((x, d) => (long)(x * strides[d])).Sum())
                .ToHashSet();
            int stray = Enumerable.Range(0, buffer.Length).FirstOrDefault(i => !written.Contains(i) && buffer[i] != Initial(i), -1);
            Assert.True(stray < 0, $"{_step.Expression} tier {tier}: element {stray} of the result's buffer, outside the view, was written.");
        }

        private static Complex Initial(int i) => new((i % 7) - 3, (i % 5) - 2);
    }
}
