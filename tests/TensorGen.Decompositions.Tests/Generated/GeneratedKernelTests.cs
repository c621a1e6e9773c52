using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using TensorGen.Decompositions.Tests.Runtime;
using Xunit;

namespace TensorGen.Decompositions.Tests.Generated;

/// <summary>
/// Every generated decomposition kernel against the reference interpreter contracting the densified operands, in
/// both forms and for float, double and Complex elements.
/// </summary>
public class GeneratedKernelTests
{
    private const double Tolerance = 1e-12;

    private static readonly Random s_random = new(2024);

    [Fact]
    public void Cp_reconstruct_and_mode_products()
    {
        CpTensor<double> x = CpTensor.Random<double>([3, 4, 5], 2, s_random);
        ComplexArray dense = ReferenceFormats.Cp(x);
        Assertions.Close(dense, Run<double>([3, 4, 5], r => DecompositionKernels.CpReconstruct(x, r)), Tolerance);

        Tensor<double> u2 = Dense<double>(6, 5), u0 = Dense<double>(7, 3);
        Assertions.Close(ComplexReference.Evaluate("abc,ic,ja->jbi", dense, ComplexArray.Of(u2), ComplexArray.Of(u0)),
            Run<double>([7, 4, 6], r => DecompositionKernels.CpModeProduct(x, u2, u0, r)), Tolerance);

        Tensor<double> v0 = Dense<double>(3), v1 = Dense<double>(4), v2 = Dense<double>(5);
        Assertions.Close(ComplexReference.Evaluate("abc,b->ac", dense, ComplexArray.Of(v1)),
            Run<double>([3, 5], r => DecompositionKernels.CpVectorProduct(x, v1, r)), Tolerance);
        ComplexArray full = ComplexReference.Evaluate("abc,a,b,c->", dense, ComplexArray.Of(v0), ComplexArray.Of(v1), ComplexArray.Of(v2));
        Assert.Equal(full.Real[0], DecompositionKernels.CpFullContraction(x, v0, v1, v2), Tolerance * full.MaxAbs);
    }

    [Fact]
    public void Cp_inner_product_and_norm_of_complex_tensors()
    {
        CpTensor<Complex> x = CpTensor.Random<Complex>([3, 4, 2], 3, s_random), y = CpTensor.Random<Complex>([3, 4, 2], 2, s_random);
        ComplexArray dx = ReferenceFormats.Cp(x), dy = ReferenceFormats.Cp(y);
        Assertions.Close(dx.Inner(dy), DecompositionKernels.CpInner(x, y), Tolerance, dx.FrobeniusNorm * dy.FrobeniusNorm);
        Assert.Equal(dx.FrobeniusNorm, DecompositionKernels.CpNorm(x), Tolerance * dx.FrobeniusNorm);
    }

    [Fact]
    public void Mttkrp_matches_the_unfolding_times_the_khatri_rao_product()
    {
        CpTensor<double> factors = new CpTensor<double>(Dense<double>(2), [Dense<double>(3, 2), Dense<double>(4, 2), Dense<double>(5, 2)]);
        Tensor<double> x = Dense<double>(3, 4, 5);
        ComplexArray expected = ComplexReference.Evaluate("abc,ar,cr->br", ComplexArray.Of(x),
            ComplexArray.Of(factors.Factors[0]), ComplexArray.Of(factors.Factors[2]));
        Assertions.Close(expected, Run<double>([4, 2], r => DecompositionKernels.Mttkrp(x, factors, r)), Tolerance);
    }

    [Fact]
    public void Static_mttkrp_in_float()
    {
        CpTensor<float> factors = new CpTensor<float>(Dense<float>(3), [Dense<float>(4, 3), Dense<float>(5, 3), Dense<float>(6, 3)]);
        Tensor<float> x = Dense<float>(4, 5, 6);
        var result = new float[12];
        DecompositionKernels.MttkrpStatic(Flat(x), factors, result);
        ComplexArray expected = ComplexReference.Evaluate("abc,br,cr->ar", ComplexArray.Of(x),
            ComplexArray.Of(factors.Factors[1]), ComplexArray.Of(factors.Factors[2]));
        Assertions.Close(expected, Tensor.Create(result, [4, 3]), 1e-5);
    }

    [Fact]
    public void Static_cp_mode_product()
    {
        CpTensor<double> x = CpTensor.Random<double>([4, 5, 6], 3, s_random);
        Tensor<double> u = Dense<double>(2, 5);
        var result = new double[4 * 2 * 6];
        DecompositionKernels.CpModeProductStatic(x, Flat(u), result);
        Assertions.Close(ComplexReference.Evaluate("abc,ib->aic", ReferenceFormats.Cp(x), ComplexArray.Of(u)), Tensor.Create(result, [4, 2, 6]), Tolerance);
    }

    [Fact]
    public void Tucker_kernels_in_both_forms()
    {
        TuckerTensor<Complex> z = TuckerTensor.Random<Complex>([4, 3, 5], [2, 2, 3], s_random);
        Assertions.Close(ReferenceFormats.Tucker(z), Run<Complex>([4, 3, 5], r => DecompositionKernels.TuckerReconstruct(z, r)), Tolerance);

        TuckerTensor<double> x = TuckerTensor.Random<double>([6, 5, 4], [2, 3, 2], s_random), y = TuckerTensor.Random<double>([6, 5, 4], [2, 3, 2], s_random);
        ComplexArray dx = ReferenceFormats.Tucker(x), dy = ReferenceFormats.Tucker(y);
        var result = new double[120];
        DecompositionKernels.TuckerReconstructStatic(x, result);
        Assertions.Close(dx, Tensor.Create(result, [6, 5, 4]), Tolerance);
        Assert.Equal(dx.Inner(dy).Real, DecompositionKernels.TuckerInnerStatic(x, y), Tolerance * dx.FrobeniusNorm * dy.FrobeniusNorm);

        Tensor<double> v0 = Dense<double>(6), v2 = Dense<double>(4);
        Assertions.Close(ComplexReference.Evaluate("abc,a,c->b", dx, ComplexArray.Of(v0), ComplexArray.Of(v2)),
            Run<double>([5], r => DecompositionKernels.TuckerVectorProduct(x, v0, v2, r)), Tolerance);

        TuckerTensor<float> f = TuckerTensor.Random<float>([3, 4, 2], [2, 2, 2], s_random);
        Assert.Equal(ReferenceFormats.Tucker(f).FrobeniusNorm, DecompositionKernels.TuckerNorm(f), 1e-4);
    }

    [Fact]
    public void Train_kernels_in_both_forms()
    {
        TensorTrain<double> x = TensorTrain.Random<double>([2, 3, 2, 3, 2], [3, 4, 4, 3], s_random), y = TensorTrain.Random<double>([2, 3, 2, 3, 2], [2, 2, 5, 2], s_random);
        ComplexArray dx = ReferenceFormats.Train(x.Cores), dy = ReferenceFormats.Train(y.Cores);
        Assert.Equal(dx.Inner(dy).Real, DecompositionKernels.TrainInner(x, y), Tolerance * dx.FrobeniusNorm * dy.FrobeniusNorm);

        TensorTrain<Complex> zx = TensorTrain.Random<Complex>([2, 3, 2, 2], [2, 3, 2], s_random), zy = TensorTrain.Random<Complex>([2, 3, 2, 2], [3, 3, 3], s_random);
        ComplexArray dzx = ReferenceFormats.Train(zx.Cores), dzy = ReferenceFormats.Train(zy.Cores);
        Assertions.Close(dzx.Inner(dzy), DecompositionKernels.TrainInnerComplex(zx, zy), Tolerance, dzx.FrobeniusNorm * dzy.FrobeniusNorm);

        TensorTrain<double> s = TensorTrain.Random<double>([3, 2, 4, 2], [2, 3, 2], s_random), t = TensorTrain.Random<double>([3, 2, 4, 2], [2, 3, 2], s_random);
        ComplexArray ds = ReferenceFormats.Train(s.Cores), dt = ReferenceFormats.Train(t.Cores);
        Assert.Equal(ds.Inner(dt).Real, DecompositionKernels.TrainInnerStatic(s, t), Tolerance * ds.FrobeniusNorm * dt.FrobeniusNorm);

        TensorTrain<double> w = TensorTrain.Random<double>([3, 2, 4, 2], [2, 3, 2], s_random);
        ComplexArray dw = ReferenceFormats.Train(w.Cores);
        Assertions.Close(dw, Run<double>([3, 2, 4, 2], r => DecompositionKernels.TrainReconstruct(w, r)), Tolerance);
        Tensor<double> u1 = Dense<double>(5, 2), u3 = Dense<double>(3, 2);
        Assertions.Close(ComplexReference.Evaluate("abcd,ib,jd->aicj", dw, ComplexArray.Of(u1), ComplexArray.Of(u3)),
            Run<double>([3, 5, 4, 3], r => DecompositionKernels.TrainModeProduct(w, u1, u3, r)), Tolerance);

        TensorTrain<double> single = TensorTrain.Random<double>([7], [], s_random);
        Assert.Equal(ReferenceFormats.Train(single.Cores).FrobeniusNorm, DecompositionKernels.SingleCoreNorm(single), Tolerance * 10);
    }

    [Fact]
    public void Train_matrix_kernels_in_both_forms()
    {
        TensorTrainMatrix<double> a = TensorTrainMatrix.Random<double>([2, 3, 2], [3, 2, 2], [2, 3], s_random);
        ComplexArray da = ReferenceFormats.TrainMatrix(a.Cores);
        Tensor<double> v = Dense<double>(3, 2, 2);
        Assertions.Close(ComplexReference.Evaluate("abcABC,ABC->abc", da, ComplexArray.Of(v)),
            Run<double>([2, 3, 2], r => DecompositionKernels.MatVec(a, v, r)), Tolerance);

        var dense = new double[2 * 3 * 2 * 3 * 2 * 2];
        DecompositionKernels.OperatorReconstructStatic(a, dense);
        Assertions.Close(da, Tensor.Create(dense, [2, 3, 2, 3, 2, 2]), Tolerance);
        Assert.Equal(da.FrobeniusNorm, DecompositionKernels.OperatorNormStatic(a), Tolerance * da.FrobeniusNorm);
        TensorTrainMatrix<double> b = TensorTrainMatrix.Random<double>([2, 3, 2], [3, 2, 2], [3, 1], s_random);
        ComplexArray db = ReferenceFormats.TrainMatrix(b.Cores);
        Assert.Equal(da.Inner(db).Real, DecompositionKernels.OperatorInner(a, b), Tolerance * da.FrobeniusNorm * db.FrobeniusNorm);

        // Static MPO × MPS and <x|A|y> with the declared bonds.
        TensorTrain<double> x = TensorTrain.Random<double>([2, 3, 2], [2, 2], s_random), y = TensorTrain.Random<double>([3, 2, 2], [2, 2], s_random);
        ComplexArray ay = ComplexReference.Evaluate("abcABC,ABC->abc", da, ReferenceFormats.Train(y.Cores));
        TensorTrain<double> product = DecompositionKernels.ApplyStatic(a, y);
        Assert.Equal(new nint[] { 1, 4, 6, 1 }, product.Ranks.ToArray());
        Assertions.Close(ay, product.ToDense(), Tolerance);
        ComplexArray dx = ReferenceFormats.Train(x.Cores);
        Assert.Equal(dx.Inner(ay).Real, DecompositionKernels.ExpectationStatic(x, a, y), Tolerance * dx.FrobeniusNorm * ay.FrobeniusNorm);
    }

    [Fact]
    public void Complex_mpo_times_mps_and_expectation_value()
    {
        TensorTrainMatrix<Complex> a = TensorTrainMatrix.Random<Complex>([2, 2, 3], [2, 3, 2], [3, 2], s_random);
        TensorTrain<Complex> x = TensorTrain.Random<Complex>([2, 2, 3], [2, 3], s_random), y = TensorTrain.Random<Complex>([2, 3, 2], [2, 2], s_random);
        ComplexArray ay = ComplexReference.Evaluate("abcABC,ABC->abc", ReferenceFormats.TrainMatrix(a.Cores), ReferenceFormats.Train(y.Cores));

        Assertions.Close(ay, DecompositionKernels.Apply(a, y).ToDense(), Tolerance);
        ComplexArray dx = ReferenceFormats.Train(x.Cores);
        Assertions.Close(dx.Inner(ay), DecompositionKernels.Expectation(x, a, y), Tolerance, dx.FrobeniusNorm * ay.FrobeniusNorm);
    }

    private static Tensor<T> Run<T>(int[] shape, Action<TensorSpan<T>> kernel)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T> result = Tensor.CreateFromShape<T>(Array.ConvertAll(shape, l => (nint)l));
        kernel(result.AsTensorSpan());
        return result;
    }

    private static Tensor<T> Dense<T>(params int[] shape)
        where T : unmanaged, INumberBase<T> => FormatOperationTests.RandomTensor<T>(s_random, shape);

    private static T[] Flat<T>(Tensor<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }
}
