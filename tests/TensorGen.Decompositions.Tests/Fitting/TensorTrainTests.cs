using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using TensorGen.Decompositions.Tests.Runtime;
using Xunit;

namespace TensorGen.Decompositions.Tests.Fitting;

/// <summary>TT-SVD and TT rounding: the ranks of a known MPS come back, and truncations stay within their bounds.</summary>
public class TensorTrainTests
{
    [Fact]
    public void Tt_svd_of_a_known_mps_gives_its_ranks_and_reconstructs_it()
    {
        TensorTrain<double> mps = TensorTrain.Random<double>([3, 4, 3, 4, 3], [2, 3, 3, 2], new Random(1));
        ComplexArray dense = ReferenceFormats.Train(mps.Cores);

        TensorTrain<double> fit = TensorTrain.Svd(mps.ToDense());

        Assert.Equal(new nint[] { 1, 2, 3, 3, 2, 1 }, fit.Ranks.ToArray());
        Assert.True(PlantedTensors.RelativeError(dense, ReferenceFormats.Train(fit.Cores)) < 1e-13);
    }

    [Fact]
    public void Tt_svd_of_a_complex_mps_gives_its_ranks()
    {
        TensorTrain<Complex> mps = TensorTrain.Random<Complex>([2, 3, 4, 2], [2, 4, 2], new Random(2));
        TensorTrain<Complex> fit = TensorTrain.Svd(mps.ToDense(), TensorTrainTruncation.ToTolerance(1e-12));

        Assert.Equal(new nint[] { 1, 2, 4, 2, 1 }, fit.Ranks.ToArray());
        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Train(mps.Cores), ReferenceFormats.Train(fit.Cores)) < 1e-13);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Tt_svd_truncation_stays_within_the_relative_tolerance(double tolerance)
    {
        Tensor<double> x = FormatOperationTests.RandomTensor<double>(new Random(3), 4, 5, 4, 5);
        TensorTrain<double> fit = TensorTrain.Svd(x, TensorTrainTruncation.ToTolerance(tolerance));

        double error = PlantedTensors.RelativeError(ComplexArray.Of(x), ReferenceFormats.Train(fit.Cores));
        Assert.True(error <= tolerance, $"error {error} with ranks [{string.Join(", ", fit.Ranks.ToArray())}]");
        Assert.True(fit.MaxRank < 20, "a tolerance this loose truncates");
    }

    [Fact]
    public void Tt_svd_respects_the_rank_cap()
    {
        Tensor<double> x = FormatOperationTests.RandomTensor<double>(new Random(4), 3, 4, 5, 3);
        TensorTrain<double> fit = TensorTrain.Svd(x, TensorTrainTruncation.ToRank(2));
        Assert.Equal(new nint[] { 1, 2, 2, 2, 1 }, fit.Ranks.ToArray());
    }

    [Fact]
    public void Rounding_a_redundant_sum_recovers_the_minimal_ranks()
    {
        // x + x written as a train with doubled bonds (block-diagonal cores) has the ranks of x after rounding.
        TensorTrain<double> x = TensorTrain.Random<double>([3, 4, 3, 2], [2, 3, 2], new Random(5));
        TensorTrain<double> doubled = TensorTrainMatrixTests.Sum(x, x);
        Assert.Equal(new nint[] { 1, 4, 6, 4, 1 }, doubled.Ranks.ToArray());

        TensorTrain<double> rounded = doubled.Round(TensorTrainTruncation.ToTolerance(1e-12));

        Assert.Equal(new nint[] { 1, 2, 3, 2, 1 }, rounded.Ranks.ToArray());
        ComplexArray expected = ReferenceFormats.Train(x.Cores);
        expected = expected with { Real = expected.Real.Select(v => 2 * v).ToArray() };
        Assert.True(PlantedTensors.RelativeError(expected, ReferenceFormats.Train(rounded.Cores)) < 1e-13);
    }

    [Fact]
    public void Rounding_to_a_tolerance_stays_within_it_and_to_a_rank_caps_it()
    {
        TensorTrain<Complex> x = TensorTrain.Random<Complex>([3, 3, 3, 3, 3], [3, 6, 6, 3], new Random(6));
        ComplexArray dense = ReferenceFormats.Train(x.Cores);

        TensorTrain<Complex> loose = x.Round(TensorTrainTruncation.ToTolerance(0.3));
        TensorTrain<Complex> capped = x.Round(TensorTrainTruncation.ToRank(2));

        Assert.True(PlantedTensors.RelativeError(dense, ReferenceFormats.Train(loose.Cores)) <= 0.3);
        Assert.True(loose.MaxRank < 6);
        Assert.Equal(2, capped.MaxRank);
    }

    [Fact]
    public void Tt_matrix_svd_of_an_mpo_gives_its_ranks()
    {
        TensorTrainMatrix<double> mpo = TensorTrainMatrix.Random<double>([2, 3, 2], [3, 2, 2], [3, 2], new Random(7));
        TensorTrainMatrix<double> fit = TensorTrainMatrix.Svd(mpo.ToDense(), 3);

        Assert.Equal(new nint[] { 1, 3, 2, 1 }, fit.Ranks.ToArray());
        Assertions.Close(ReferenceFormats.TrainMatrix(mpo.Cores), fit.ToDense(), 1e-12);
    }
}

/// <summary>Helpers for building trains in tests.</summary>
internal static class TensorTrainMatrixTests
{
    /// <summary>x + y as a train: block-diagonal inner cores, the first core a row block and the last a column block.</summary>
    public static TensorTrain<double> Sum(TensorTrain<double> x, TensorTrain<double> y)
    {
        int order = x.Order;
        var cores = new Tensor<double>[order];
        for (int k = 0; k < order; k++)
        {
            ComplexArray a = ComplexArray.Of(x.Cores[k]), b = ComplexArray.Of(y.Cores[k]);
            int n = a.Shape[1];
            int leftA = a.Shape[0], rightA = a.Shape[2], leftB = b.Shape[0], rightB = b.Shape[2];
            int left = k == 0 ? 1 : leftA + leftB, right = k == order - 1 ? 1 : rightA + rightB;
            var data = new double[left * n * right];
            for (int i = 0; i < n; i++)
            {
                for (int p = 0; p < leftA; p++)
                {
                    for (int q = 0; q < rightA; q++)
                    {
                        data[(((p * n) + i) * right) + q] += a.Real[(((p * n) + i) * rightA) + q];
                    }
                }

                for (int p = 0; p < leftB; p++)
                {
                    for (int q = 0; q < rightB; q++)
                    {
                        int row = k == 0 ? p : leftA + p, column = k == order - 1 ? q : rightA + q;
                        data[(((row * n) + i) * right) + column] += b.Real[(((p * n) + i) * rightB) + q];
                    }
                }
            }

            cores[k] = Tensor.Create(data, [left, n, right]);
        }

        return new TensorTrain<double>(cores);
    }
}
