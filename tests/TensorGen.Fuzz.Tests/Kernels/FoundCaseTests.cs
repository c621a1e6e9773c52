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
    /// </summary>
    [Theory]
    [InlineData(777, 1595)]
    public void A_reported_case_now_passes(int seed, int index)
    {
        Random random = FuzzSettings.CaseRandom(seed, index);
        KernelFamily family = KernelFamilies.Draw(random);
        FuzzKernel kernel = family.Draw(random);
        CallVerdict verdict = kernel.CallOnce(random);

        Assert.Equal("generated decomposition kernels: TrainModeProductD \"dynamic form\"", kernel.ToString());
        Assert.True(verdict.Valid, "u0 [3,2] and the result [2,3,2] agree with a train of modes [2,2,2]: the call is valid");
        Assert.Null(verdict.Failure);
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
