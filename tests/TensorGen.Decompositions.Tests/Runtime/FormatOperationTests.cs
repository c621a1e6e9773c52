using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using Xunit;

namespace TensorGen.Decompositions.Tests.Runtime;

/// <summary>
/// Every run-time format operation against the reference interpreter on the densified components: reconstruction,
/// inner products and norms without densifying, mode products, TT-matrix products and expectation values, for
/// double, float and Complex elements.
/// </summary>
public class FormatOperationTests
{
    private const double DoubleTolerance = 1e-12;
    private const double FloatTolerance = 1e-5;

    [Fact] public void Cp_operations_match_the_reference_in_double() => CheckCp<double>(DoubleTolerance);

    [Fact] public void Cp_operations_match_the_reference_in_complex() => CheckCp<Complex>(DoubleTolerance);

    [Fact] public void Cp_operations_match_the_reference_in_float() => CheckCp<float>(FloatTolerance);

    [Fact] public void Tucker_operations_match_the_reference_in_double() => CheckTucker<double>(DoubleTolerance);

    [Fact] public void Tucker_operations_match_the_reference_in_complex() => CheckTucker<Complex>(DoubleTolerance);

    [Fact] public void Train_operations_match_the_reference_in_double() => CheckTrain<double>(DoubleTolerance);

    [Fact] public void Train_operations_match_the_reference_in_complex() => CheckTrain<Complex>(DoubleTolerance);

    [Fact] public void Train_operations_match_the_reference_in_float() => CheckTrain<float>(FloatTolerance);

    [Fact] public void Train_matrix_operations_match_the_reference_in_double() => CheckTrainMatrix<double>(DoubleTolerance);

    [Fact] public void Train_matrix_operations_match_the_reference_in_complex() => CheckTrainMatrix<Complex>(DoubleTolerance);

    [Fact]
    public void A_single_core_train_is_its_own_dense_tensor()
    {
        TensorTrain<double> x = TensorTrain.Random<double>([5], [], new Random(3));
        Assertions.Close(ComplexArray.Of(x.Cores[0]) with { Shape = [5] }, x.ToDense(), DoubleTolerance);
        Assert.Equal(x.ToDense().Lengths.ToArray(), new nint[] { 5 });
    }

    [Fact]
    public void Sixteen_core_inner_product_sweeps_without_densifying()
    {
        // 2^16 entries densified would still be small, but the network has 32 cores and 34 bonds: this checks the
        // lowering's letters and the sweep path at the benchmark's order against the dense product.
        var random = new Random(4);
        int[] shape = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
        int[] bonds = [2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 2];
        TensorTrain<double> x = TensorTrain.Random<double>(shape, bonds, random), y = TensorTrain.Random<double>(shape, bonds, random);
        ComplexArray dx = ComplexArray.Of(x.ToDense()), dy = ComplexArray.Of(y.ToDense());
        Assertions.Close(dx.Inner(dy), x.Inner(y), 1e-12, dx.FrobeniusNorm * dy.FrobeniusNorm);
    }

    [Fact]
    public void A_forty_core_inner_product_agrees_with_a_hand_written_zipper()
    {
        // 80 operands: past the greedy planner's limit, so the sweep runs unplanned. The reference is the transfer-matrix
        // recursion E ← Σ_i x_k[:, i, :]ᵀ E y_k[:, i, :] written out with loops.
        var random = new Random(5);
        int[] shape = Enumerable.Repeat(3, 40).ToArray();
        int[] bonds = Enumerable.Repeat(4, 39).ToArray();
        TensorTrain<double> x = TensorTrain.Random<double>(shape, bonds, random), y = TensorTrain.Random<double>(shape, bonds, random);

        double[,] environment = { { 1 } };
        for (int k = 0; k < 40; k++)
        {
            ComplexArray a = ComplexArray.Of(x.Cores[k]), b = ComplexArray.Of(y.Cores[k]);
            int left = a.Shape[0], n = a.Shape[1], right = a.Shape[2];
            var next = new double[right, right];
            for (int p = 0; p < left; p++)
            {
                for (int q = 0; q < left; q++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        for (int c = 0; c < right; c++)
                        {
                            for (int d = 0; d < right; d++)
                            {
                                next[c, d] += environment[p, q] * a.Real[(((p * n) + i) * right) + c] * b.Real[(((q * n) + i) * right) + d];
                            }
                        }
                    }
                }
            }

            environment = next;
        }

        Assert.Equal(environment[0, 0], x.Inner(y), 1e-10 * Math.Max(1, Math.Abs(environment[0, 0])));
    }

    private static void CheckCp<T>(double tolerance)
        where T : unmanaged, INumberBase<T>
    {
        var random = new Random(1);
        CpTensor<T> x = CpTensor.Random<T>([3, 4, 2], 3, random), y = CpTensor.Random<T>([3, 4, 2], 2, random);
        ComplexArray dx = ReferenceFormats.Cp(x), dy = ReferenceFormats.Cp(y);

        Assertions.Close(dx, x.ToDense(), tolerance);
        Assertions.Close(dx.Inner(dy), Assertions.ToComplex(x.Inner(y)), tolerance, dx.FrobeniusNorm * dy.FrobeniusNorm);
        Assert.Equal(dx.FrobeniusNorm, x.Norm(), tolerance * dx.FrobeniusNorm);
        Tensor<T> u = RandomTensor<T>(random, 5, 4);
        Assertions.Close(ComplexReference.Evaluate("abc,ib->aic", dx, ComplexArray.Of(u)), x.ModeProduct(1, u).ToDense(), tolerance);
        Assertions.Close(dx, x.Normalize().ToDense(), tolerance);
        Assertions.Close(dx.Conjugate(), x.Conjugate().ToDense(), tolerance);
    }

    private static void CheckTucker<T>(double tolerance)
        where T : unmanaged, INumberBase<T>
    {
        var random = new Random(2);
        TuckerTensor<T> x = TuckerTensor.Random<T>([3, 4, 5], [2, 3, 2], random), y = TuckerTensor.Random<T>([3, 4, 5], [3, 1, 2], random);
        ComplexArray dx = ReferenceFormats.Tucker(x), dy = ReferenceFormats.Tucker(y);

        Assertions.Close(dx, x.ToDense(), tolerance);
        Assertions.Close(dx.Inner(dy), Assertions.ToComplex(x.Inner(y)), tolerance, dx.FrobeniusNorm * dy.FrobeniusNorm);
        Assert.Equal(dx.FrobeniusNorm, x.Norm(), tolerance * dx.FrobeniusNorm);
        Tensor<T> u = RandomTensor<T>(random, 2, 5);
        Assertions.Close(ComplexReference.Evaluate("abc,ic->abi", dx, ComplexArray.Of(u)), x.ModeProduct(2, u).ToDense(), tolerance);
        Assertions.Close(dx.Conjugate(), x.Conjugate().ToDense(), tolerance);
    }

    private static void CheckTrain<T>(double tolerance)
        where T : unmanaged, INumberBase<T>
    {
        var random = new Random(3);
        TensorTrain<T> x = TensorTrain.Random<T>([3, 2, 4, 2], [2, 3, 2], random), y = TensorTrain.Random<T>([3, 2, 4, 2], [3, 1, 2], random);
        ComplexArray dx = ReferenceFormats.Train(x.Cores), dy = ReferenceFormats.Train(y.Cores);

        Assertions.Close(dx, x.ToDense(), tolerance);
        Assertions.Close(dx.Inner(dy), Assertions.ToComplex(x.Inner(y)), tolerance, dx.FrobeniusNorm * dy.FrobeniusNorm);
        Assert.Equal(dx.FrobeniusNorm, x.Norm(), tolerance * dx.FrobeniusNorm);
        Tensor<T> u = RandomTensor<T>(random, 3, 4);
        Assertions.Close(ComplexReference.Evaluate("abcd,ic->abid", dx, ComplexArray.Of(u)), x.ModeProduct(2, u).ToDense(), tolerance);
        Assertions.Close(dx.Conjugate(), x.Conjugate().ToDense(), tolerance);
    }

    private static void CheckTrainMatrix<T>(double tolerance)
        where T : unmanaged, INumberBase<T>
    {
        var random = new Random(4);
        TensorTrainMatrix<T> a = TensorTrainMatrix.Random<T>([2, 3, 2], [3, 2, 2], [2, 3], random);
        TensorTrainMatrix<T> b = TensorTrainMatrix.Random<T>([2, 3, 2], [3, 2, 2], [3, 2], random);
        TensorTrain<T> x = TensorTrain.Random<T>([2, 3, 2], [2, 2], random), y = TensorTrain.Random<T>([3, 2, 2], [3, 2], random);
        ComplexArray da = ReferenceFormats.TrainMatrix(a.Cores), db = ReferenceFormats.TrainMatrix(b.Cores);
        ComplexArray dx = ReferenceFormats.Train(x.Cores), dy = ReferenceFormats.Train(y.Cores);

        Assertions.Close(da, a.ToDense(), tolerance);
        ComplexArray ay = ComplexReference.Evaluate("abcABC,ABC->abc", da, dy);
        Assertions.Close(ay, a.MatVec(y.ToDense()), tolerance);
        Assertions.Close(ay, a.Apply(y).ToDense(), tolerance);
        Assertions.Close(dx.Inner(ay), Assertions.ToComplex(a.Expectation(x, y)), tolerance, dx.FrobeniusNorm * ay.FrobeniusNorm);
        Assertions.Close(da.Inner(db), Assertions.ToComplex(a.Inner(b)), tolerance, da.FrobeniusNorm * db.FrobeniusNorm);
        Assert.Equal(da.FrobeniusNorm, a.Norm(), tolerance * da.FrobeniusNorm);
        Assertions.Close(da.Conjugate(), a.Conjugate().ToDense(), tolerance);
    }

    internal static Tensor<T> RandomTensor<T>(Random random, params int[] shape)
        where T : unmanaged, INumberBase<T>
    {
        int count = 1;
        foreach (int length in shape)
        {
            count *= length;
        }

        var data = new T[count];
        RandomElements.Fill<T>(data, random);
        return Tensor.Create(data, Array.ConvertAll(shape, l => (nint)l));
    }
}
