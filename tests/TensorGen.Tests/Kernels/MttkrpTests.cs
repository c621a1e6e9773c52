using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary>The fused MTTKRP against the reference, in every mode and index order, on every tier, with one and two threads.</summary>
[Collection(KernelOptionsCollection.Name)]
public sealed class MttkrpTests
{
    [Theory]
    [InlineData("ijk,jr,kr->ir", "i=7,j=17,k=33,r=5", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("ijk,ir,kr->jr", "i=33,j=7,k=17,r=9", ViewKind.Padded, ViewKind.Dense, ViewKind.Transposed)]
    [InlineData("kji,rk,jr->ri", "i=17,j=5,k=65,r=3", ViewKind.Transposed, ViewKind.Padded, ViewKind.Dense)]
    [InlineData("jr,ijk,kr->ir", "i=1,j=1,k=1,r=1", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("ijk,jr,kr->ri", "i=40,j=33,k=65,r=17", ViewKind.Dense, ViewKind.Broadcast, ViewKind.Dense)]
    // The first factor on X's inner index (the kernel swaps the factors' parts), slices along f or along u.
    [InlineData("ijk,kr,jr->ir", "i=11,j=9,k=13,r=6", ViewKind.Dense, ViewKind.Dense, ViewKind.Padded)]
    [InlineData("ijk,kr,ir->jr", "i=10,j=21,k=3,r=35", ViewKind.Dense, ViewKind.Transposed, ViewKind.Dense)]
    [InlineData("ijk,jr,ir->kr", "i=5,j=8,k=70,r=4", ViewKind.Padded, ViewKind.Dense, ViewKind.Dense)]
    // Rank 1: the slice GEMM's layout swaps its operands (the output's unit stride is then along the first index).
    [InlineData("bn,anm,bm->ba", "a=4,b=1,n=4,m=4", ViewKind.Dense, ViewKind.Dense, ViewKind.Dense)]
    [InlineData("ijk,jr,kr->ir", "i=9,j=13,k=7,r=1", ViewKind.Transposed, ViewKind.Padded, ViewKind.Dense)]
    public void Matches_the_reference(string expression, string sizes, ViewKind tensor, ViewKind first, ViewKind second)
    {
        Dictionary<char, int> size = sizes.Split(',').ToDictionary(s => s[0], s => int.Parse(s[2..], CultureInfo.InvariantCulture));
        string[] terms = expression.Replace("->", ",", StringComparison.Ordinal).Split(',');
        int[][] shapes = terms.Select(t => t.Select(c => size[c]).ToArray()).ToArray();
        // The 3-index term gets the tensor's layout; the factors, in order, the first and the second.
        var factorKinds = new Queue<ViewKind>([first, second]);
        ViewKind[] kinds = terms.Take(3).Select(t => t.Length == 3 ? tensor : factorKinds.Dequeue()).ToArray();
        RefArray expected = ReferenceEinsum.Evaluate(expression,
            Enumerable.Range(0, 3).Select(n => RefArrayViews.FromView<double>(OperandViews.Create<double>(shapes[n], kinds[n], n + 1))).ToArray());

        foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                AssertMatches<float>(expression, shapes, kinds, expected, tier, threads, accumulate: false);
                AssertMatches<double>(expression, shapes, kinds, expected, tier, threads, accumulate: true);
            }
        }

        AssertMatches<Half>(expression, shapes, kinds, expected, KernelOptions.BestSupportedTier, 1, accumulate: true);
    }

    [Theory]
    [InlineData("ijk,jr,kr->ir", 0, 1, 2, "i", "r", "j", "k")]
    [InlineData("kr,ijk,jr->ri", 1, 0, 2, "i", "r", "k", "j")]
    [InlineData("ijk,ir,jr->kr", 0, 1, 2, "k", "r", "i", "j")]
    public void Recognizes_the_roles(string expression, int tensor, int first, int second, string free, string rank, string u, string w)
    {
        MttkrpPattern? pattern = MttkrpPattern.Match(EinsumParser.Parse(expression).Expression!);

        Assert.NotNull(pattern);
        Assert.Equal((tensor, first, second, free, rank, u, w),
            (pattern.Tensor, pattern.FirstFactor, pattern.SecondFactor, pattern.Free, pattern.Rank, pattern.First, pattern.Second));
    }

    [Theory]
    [InlineData("ij,jk->ik")]
    [InlineData("ijk,jr,kr->i")]
    [InlineData("ijk,jr,kr->ijr")]
    [InlineData("ijk,jr,ks->ir")]
    [InlineData("iik,ir,kr->ir")]
    [InlineData("ijk,jr,jr->ir")]
    [InlineData("...ijk,jr,kr->ir")]
    public void Declines_other_expressions(string expression) =>
        Assert.Null(MttkrpPattern.Match(EinsumParser.Parse(expression).Expression!));

    [Fact]
    public void Rejects_a_binding_of_another_expression()
    {
        EinsumBinding binding = EinsumProgram.Create("ij,jk,kl->il", [0, 1, 0, 1], ["a", "b", "c", "r"]).BindDense([2, 2], [2, 2], [2, 2], [2, 2]);

        var error = Assert.Throws<ArgumentException>(() => FusedKernels.Mttkrp<float>(binding, new float[4], new float[4], new float[4], new float[4], false));
        Assert.Contains("is not the MTTKRP", error.Message);
    }

    [Fact]
    public void Rejects_a_short_span_before_writing()
    {
        EinsumBinding binding = EinsumProgram.Create("ijk,jr,kr->ir", [0, 1, 0, 1], ["x", "u", "w", "r"]).BindDense([2, 3, 4], [3, 5], [4, 5], [2, 5]);
        float[] result = Enumerable.Repeat(float.NaN, 10).ToArray();

        var error = Assert.Throws<ArgumentException>(() => FusedKernels.Mttkrp<float>(binding, new float[23], new float[15], new float[20], result, false));
        Assert.Equal("x", error.ParamName);
        Assert.All(result, v => Assert.True(float.IsNaN(v)));
    }

    private static void AssertMatches<T>(string expression, int[][] shapes, ViewKind[] kinds, RefArray expected, KernelTier tier, int threads, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T>[] operands = Enumerable.Range(0, 3).Select(n => OperandViews.Create<T>(shapes[n], kinds[n], n + 1)).ToArray();
        Tensor<T> result = OperandViews.Create<T>(shapes[3], ViewKind.Padded, 9);
        RefArray initial = RefArrayViews.FromView<T>(result);
        EinsumBinding binding = EinsumProgram.Create(expression, [0, 1, 0, 1], ["a", "b", "c", "result"]).Bind();
        for (int n = 0; n < 3; n++)
        {
            binding.Operand(n, operands[n].Lengths, operands[n].Strides);
        }

        TensorSpan<T> view = result.AsTensorSpan();
        binding.Result(view.Lengths, view.Strides);
        KernelOptions.Tier = tier;
        KernelOptions.MaxThreads = threads;
        try
        {
            FusedKernels.Mttkrp(binding, TensorMemory.Of(operands[0].AsReadOnlyTensorSpan()), TensorMemory.Of(operands[1].AsReadOnlyTensorSpan()),
                TensorMemory.Of(operands[2].AsReadOnlyTensorSpan()), TensorMemory.Of(view), accumulate);
        }
        finally
        {
            KernelOptionsCollection.Restore();
        }

        RefArray actual = RefArrayViews.FromView<T>(result);
        RefArray want = accumulate ? expected with { Data = expected.Data.Zip(initial.Data, (e, i) => e + i).ToArray() } : expected;
        string? difference = RefArrayComparison.FirstDifference(want, actual, typeof(T) == typeof(Half) ? 0.05 : 0);
        Assert.True(difference is null, $"{expression} {typeof(T).Name} tier {tier}, {threads} thread(s): {difference}");
    }
}
