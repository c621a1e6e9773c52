using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Decompositions;
using TensorGen.Decompositions.Tests.Reference;
using Xunit;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Cases a full fuzz run reported, replayed from their seed and case number (whatever seed this run samples), and the call each
/// one made, written out, so that neither the kernel nor the judge can drift back.
/// </summary>
public class FoundCaseTests
{
    /// <summary>
    /// Seed 777, case 1595 (issue 16): <c>TrainModeProductD</c> (order 3, mode 1) with u0 damaged [2,2] → [3,2] and the result
    /// damaged [2,2,2] → [2,3,2]. Damaged alike, they are a valid product with 3 rows; the kernel computed it (it threw nothing) and
    /// the judge, which took any damage for an invalid call, reported the written result as a write before a refusal.
    /// Seed 9161, cases 4524 and 7646: <c>BilinearD</c> "bn,anm,bm->ba" (the fused MTTKRP) with m of length 0 and ±∞/NaN in x
    /// gave NaN where every sum is empty (0): the loop nest multiplied x by the empty inner sum.
    /// </summary>
    [Theory]
    [InlineData(777, 1595, "generated decomposition kernels: TrainModeProductD \"dynamic form\"", true)]
    [InlineData(9161, 4524, "generated dynamic form (declared in this project): BilinearD \"bn,anm,bm->ba\"", true)]
    [InlineData(9161, 7646, "generated dynamic form (declared in this project): BilinearD \"bn,anm,bm->ba\"", true)]
    public void A_reported_case_now_passes(int seed, int index, string kernelName, bool valid)
    {
        Random random = FuzzSettings.CaseRandom(seed, index);
        KernelFamily family = KernelFamilies.Draw(random);
        FuzzKernel kernel = family.Draw(random);
        CallVerdict verdict = kernel.CallOnce(random);

        Assert.Equal(kernelName, kernel.ToString());
        Assert.Equal(valid, verdict.Valid);
        Assert.Null(verdict.Failure);
    }

    /// <summary>The MTTKRP with an empty summed index never reads the other factor: NaN and ∞ there still give 0.</summary>
    [Fact]
    public void An_empty_sum_in_the_fused_MTTKRP_is_zero_whatever_the_other_factor_holds()
    {
        double[] x = [double.NaN, double.PositiveInfinity], result = [7, 7, 7, 7];
        DeclaredKernels.BilinearD(new ReadOnlyTensorSpan<double>(x, [1, 2]), new ReadOnlyTensorSpan<double>(Array.Empty<double>(), new nint[] { 4, 2, 0 }),
            new ReadOnlyTensorSpan<double>(Array.Empty<double>(), new nint[] { 1, 0 }), new TensorSpan<double>(result, [1, 4]));
        Assert.Equal([0, 0, 0, 0], result);
    }

    /// <summary>The call of seed 777, case 1595, written out: the strided result at offset 8 is the mode-1 product, nothing else is written.</summary>
    [Fact]
    public void Train_mode_product_with_three_rows_into_a_strided_result_computes_the_reference()
    {
        var (x, u, storage) = Operands();
        var result = new FuzzTensor<double>(storage, 8, [2, 3, 2], [10, 2, 20], [2, 3, 2]);
        Poison(result);
        double[] before = (double[])storage.Clone();

        DecompositionKernels.TrainModeProductD(x, u.ReadOnly, result.Writable);

        ComplexArray expected = ComplexReference.Evaluate("abc,ib->aic", ReferenceFormats.Train(x.Cores), ComplexArray.Of(u.Tensor));
        int[] positions = [.. result.Positions()];
        for (int i = 0; i < positions.Length; i++)
        {
            Assert.Equal(expected.Real[i], storage[positions[i]], 1e-12);
        }

        Assert.All(Enumerable.Range(0, storage.Length).Where(p => !positions.Contains(p)),
            p => Assert.Equal(BitConverter.DoubleToInt64Bits(before[p]), BitConverter.DoubleToInt64Bits(storage[p])));
    }

    /// <summary>The same call with only u0 damaged (3 rows against a result of 2): refused, naming both, before anything is written.</summary>
    [Fact]
    public void Train_mode_product_with_rows_the_result_lacks_is_refused_before_any_write()
    {
        var (x, u, storage) = Operands();
        var result = new FuzzTensor<double>(storage, 8, [2, 2, 2], [10, 2, 20], [2, 2, 2]);
        Poison(result);
        double[] before = (double[])storage.Clone();

        var error = Assert.Throws<ArgumentException>(() => DecompositionKernels.TrainModeProductD(x, u.ReadOnly, result.Writable));

        Assert.Contains("result", error.Message, StringComparison.Ordinal);
        Assert.Contains("u0", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Select(BitConverter.DoubleToInt64Bits), storage.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>The case's operands: u0 [3,2] row-major, three dense train cores [1,2,1], and the result's guarded storage of 52.</summary>
    private static (TensorTrain<double> X, FuzzTensor<double> U, double[] ResultStorage) Operands()
    {
        var random = new Random(1595);
        double[] uStorage = ViewLayouts.Guarded<double>(6 + (2 * FuzzTensor<double>.GuardLength));
        var u = ViewLayouts.Place(uStorage, FuzzTensor<double>.GuardLength, [3, 2], [2, 1], [3, 2], () => GuardedCall<double>.Value(random));
        var x = new TensorTrain<double>([.. Enumerable.Range(0, 3).Select(_ =>
            Tensor.Create(Enumerable.Range(0, 2).Select(_ => GuardedCall<double>.Value(random)).ToArray(), [1, 2, 1]))]);
        return (x, u, ViewLayouts.Guarded<double>(52));
    }

    private static void Poison(FuzzTensor<double> result)
    {
        foreach (int position in result.Positions())
        {
            result.Storage[position] = FuzzTensor<double>.Poison;
        }
    }
}
