using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using TensorGen.Decompositions.Tests.Runtime;
using Xunit;

namespace TensorGen.Decompositions.Tests.Fitting;

/// <summary>Truncated HOSVD and HOOI on tensors of planted multilinear rank, and on noisy ones.</summary>
public class TuckerTests
{
    [Fact]
    public void Hosvd_of_a_planted_tensor_reconstructs_it_to_rounding_level()
    {
        TuckerTensor<double> planted = TuckerTensor.Random<double>([6, 7, 8], [2, 3, 4], new Random(1));
        ComplexArray dense = ReferenceFormats.Tucker(planted);

        TuckerTensor<double> fit = TuckerTensor.Hosvd(planted.ToDense(), [2, 3, 4]);

        Assert.Equal(new nint[] { 2, 3, 4 }, fit.Ranks.ToArray());
        Assert.True(PlantedTensors.RelativeError(dense, ReferenceFormats.Tucker(fit)) < 1e-13);
    }

    [Fact]
    public void Hosvd_with_a_tolerance_finds_the_planted_ranks()
    {
        TuckerTensor<Complex> planted = TuckerTensor.Random<Complex>([5, 6, 7], [2, 4, 3], new Random(2));
        TuckerTensor<Complex> fit = TuckerTensor.Hosvd(planted.ToDense(), 1e-10);

        Assert.Equal(new nint[] { 2, 4, 3 }, fit.Ranks.ToArray());
        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Tucker(planted), ReferenceFormats.Tucker(fit)) < 1e-13);
    }

    [Fact]
    public void Hosvd_with_a_loose_tolerance_stays_within_it()
    {
        Tensor<double> x = FormatOperationTests.RandomTensor<double>(new Random(3), 6, 5, 7);
        long previousRanks = long.MaxValue;
        foreach (double tolerance in new[] { 0.1, 0.3, 0.6 })
        {
            TuckerTensor<double> fit = TuckerTensor.Hosvd(x, tolerance);
            double error = PlantedTensors.RelativeError(ComplexArray.Of(x), ReferenceFormats.Tucker(fit));
            long ranks = fit.Ranks.ToArray().Sum(r => (long)r);
            Assert.True(error <= tolerance, $"tolerance {tolerance}: error {error} with ranks [{string.Join(", ", fit.Ranks.ToArray())}]");
            Assert.True(ranks <= previousRanks, "a looser tolerance keeps no more");
            previousRanks = ranks;
        }

        Assert.True(previousRanks < 18, "the loosest tolerance truncates");
    }

    [Fact]
    public void Hooi_improves_on_hosvd_and_reports_its_true_error()
    {
        var random = new Random(4);
        TuckerTensor<double> planted = TuckerTensor.Random<double>([8, 7, 6], [3, 3, 3], random);
        Tensor<double> noisy = Add(planted.ToDense(), FormatOperationTests.RandomTensor<double>(random, 8, 7, 6), 0.05);
        ComplexArray dense = ComplexArray.Of(noisy);
        double hosvdError = PlantedTensors.RelativeError(dense, ReferenceFormats.Tucker(TuckerTensor.Hosvd(noisy, [3, 3, 3])));
        var reports = new List<FitProgress>();

        FitResult<TuckerTensor<double>> fit = TuckerTensor.FitHooi(noisy, [3, 3, 3], new HooiOptions { Tolerance = 1e-12 },
            new SynchronousProgress(reports.Add));

        double hooiError = PlantedTensors.RelativeError(dense, ReferenceFormats.Tucker(fit.Decomposition));
        Assert.True(fit.Converged);
        Assert.Equal(hooiError, fit.RelativeError, 1e-10);
        Assert.True(hooiError <= hosvdError + 1e-12, $"HOOI {hooiError} vs HOSVD {hosvdError}");
        Assert.Equal(fit.Errors, reports.Select(r => r.RelativeError));
    }

    [Fact]
    public void Hooi_with_a_tolerance_fits_a_complex_planted_tensor_exactly()
    {
        TuckerTensor<Complex> planted = TuckerTensor.Random<Complex>([4, 5, 6], [2, 2, 3], new Random(5));
        FitResult<TuckerTensor<Complex>> fit = TuckerTensor.FitHooi(planted.ToDense(), 1e-9);

        Assert.Equal(new nint[] { 2, 2, 3 }, fit.Decomposition.Ranks.ToArray());
        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Tucker(planted), ReferenceFormats.Tucker(fit.Decomposition)) < 1e-12);
    }

    [Fact]
    public void Bad_ranks_are_rejected()
    {
        Tensor<double> x = FormatOperationTests.RandomTensor<double>(new Random(6), 3, 4);
        Assert.Throws<ArgumentException>(() => TuckerTensor.Hosvd(x, [2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TuckerTensor.Hosvd(x, [4, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TuckerTensor.Hosvd(x, -1.0));
    }

    private static Tensor<double> Add(Tensor<double> a, Tensor<double> b, double scale)
    {
        double[] x = ComplexArray.Of(a).Real, y = ComplexArray.Of(b).Real;
        return Tensor.Create(x.Zip(y, (u, v) => u + (scale * v)).ToArray(), a.Lengths);
    }
}
