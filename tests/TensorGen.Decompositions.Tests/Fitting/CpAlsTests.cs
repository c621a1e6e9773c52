using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Tests.Reference;
using Xunit;

namespace TensorGen.Decompositions.Tests.Fitting;

/// <summary>CP-ALS on tensors of planted rank: the fit reaches rounding level and recovers the planted factors.</summary>
public class CpAlsTests
{
    private static readonly CpAlsOptions Exact = new() { MaxIterations = 2000, Tolerance = 1e-15 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Recovers_planted_factors_from_random_starts(int seed)
    {
        CpTensor<double> planted = CpTensor.Random<double>([7, 8, 9], 3, new Random(100 + seed));
        Tensor<double> x = planted.ToDense();

        FitResult<CpTensor<double>> fit = CpTensor.FitAls(x, 3, new CpAlsOptions
        {
            Initialization = CpInitialization.Random, Seed = seed, MaxIterations = Exact.MaxIterations, Tolerance = Exact.Tolerance,
        });

        Assert.True(fit.RelativeError < 1e-9, $"relative error {fit.RelativeError} after {fit.Iterations} iterations");
        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Cp(planted), ReferenceFormats.Cp(fit.Decomposition)) < 1e-9);
        PlantedTensors.AssertSameComponents(planted, fit.Decomposition, 1 - 1e-8);
    }

    [Fact]
    public void Svd_start_with_normalized_factors_reaches_rounding_level_on_a_four_way_tensor()
    {
        CpTensor<double> planted = CpTensor.Random<double>([5, 6, 4, 5], 4, new Random(7));
        FitResult<CpTensor<double>> fit = CpTensor.FitAls(planted.ToDense(), 4, new CpAlsOptions
        {
            NormalizeFactors = true, MaxIterations = Exact.MaxIterations, Tolerance = Exact.Tolerance,
        });

        Assert.True(fit.Converged);
        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Cp(planted), ReferenceFormats.Cp(fit.Decomposition)) < 1e-9);
        PlantedTensors.AssertSameComponents(planted, fit.Decomposition, 1 - 1e-8);
        for (int k = 0; k < 4; k++)
        {
            // Normalized: every factor column has unit norm, the scale is in the weights.
            ComplexArray factor = ComplexArray.Of(fit.Decomposition.Factors[k]);
            for (int r = 0; r < 4; r++)
            {
                double norm = Math.Sqrt(Enumerable.Range(0, factor.Shape[0]).Sum(i => Complex.Abs(factor[(i * 4) + r]) * Complex.Abs(factor[(i * 4) + r])));
                Assert.Equal(1, norm, 1e-12);
            }
        }
    }

    [Fact]
    public void Complex_planted_factors_are_recovered()
    {
        CpTensor<Complex> planted = CpTensor.Random<Complex>([6, 7, 5], 3, new Random(11));
        FitResult<CpTensor<Complex>> fit = CpTensor.FitAls(planted.ToDense(), 3, Exact);

        Assert.True(PlantedTensors.RelativeError(ReferenceFormats.Cp(planted), ReferenceFormats.Cp(fit.Decomposition)) < 1e-9,
            $"relative error {fit.RelativeError}");
        PlantedTensors.AssertSameComponents(planted, fit.Decomposition, 1 - 1e-8);
    }

    [Fact]
    public void Non_negative_fit_keeps_factors_non_negative_and_fits_a_non_negative_tensor()
    {
        var random = new Random(5);
        Tensor<double>[] factors = [Uniform(random, 6, 2), Uniform(random, 5, 2), Uniform(random, 4, 2)];
        Tensor<double> x = new CpTensor<double>(factors).ToDense();

        FitResult<CpTensor<double>> fit = CpTensor.FitAls(x, 2, new CpAlsOptions { NonNegative = true, MaxIterations = 400, Tolerance = 1e-12 });

        Assert.All(fit.Decomposition.Factors, f => Assert.All(ComplexArray.Of(f).Real, v => Assert.True(v >= 0)));
        Assert.True(fit.RelativeError < 5e-3, $"relative error {fit.RelativeError}");

        // Lee–Seung updates never increase the error.
        for (int i = 1; i < fit.Errors.Count; i++)
        {
            Assert.True(fit.Errors[i] <= fit.Errors[i - 1] + 1e-12, $"iteration {i + 1}: {fit.Errors[i]} after {fit.Errors[i - 1]}");
        }

        Assert.Equal(fit.RelativeError, PlantedTensors.RelativeError(ComplexArray.Of(x), ReferenceFormats.Cp(fit.Decomposition)), 1e-9);
    }

    [Fact]
    public void Progress_reports_every_iteration_with_the_error_the_result_records()
    {
        CpTensor<double> planted = CpTensor.Random<double>([4, 5, 6], 2, new Random(9));
        var reports = new List<FitProgress>();
        FitResult<CpTensor<double>> fit = CpTensor.FitAls(planted.ToDense(), 2, new CpAlsOptions { MaxIterations = 5, Tolerance = 0 },
            new SynchronousProgress(reports.Add));

        Assert.Equal(5, fit.Iterations);
        Assert.False(fit.Converged);
        Assert.Equal(Enumerable.Range(1, 5), reports.Select(r => r.Iteration));
        Assert.Equal(fit.Errors, reports.Select(r => r.RelativeError));
    }

    [Fact]
    public void The_reported_error_is_the_true_error_of_an_underfit()
    {
        // Rank 2 for a rank-4 tensor: the error from the Gram/MTTKRP identity equals the dense residual.
        CpTensor<double> planted = CpTensor.Random<double>([5, 6, 7], 4, new Random(12));
        ComplexArray dense = ReferenceFormats.Cp(planted);
        FitResult<CpTensor<double>> fit = CpTensor.FitAls(planted.ToDense(), 2, new CpAlsOptions { MaxIterations = 10 });

        Assert.Equal(PlantedTensors.RelativeError(dense, ReferenceFormats.Cp(fit.Decomposition)), fit.RelativeError, 1e-10);
        Assert.True(fit.RelativeError > 1e-3);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Tensor<double> x = CpTensor.Random<double>([3, 3], 1, new Random(1)).ToDense();
        Assert.Throws<ArgumentOutOfRangeException>(() => CpTensor.FitAls(x, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpTensor.FitAls(x, 1, new CpAlsOptions { MaxIterations = 0 }));
        Tensor<Complex> z = CpTensor.Random<Complex>([3, 3], 1, new Random(1)).ToDense();
        Assert.Throws<ArgumentException>(() => CpTensor.FitAls(z, 1, new CpAlsOptions { NonNegative = true }));
    }

    private static Tensor<double> Uniform(Random random, int rows, int columns) =>
        Tensor.Create(Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble()).ToArray(), [rows, columns]);
}

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
{
    public void Report(FitProgress value) => report(value);
}
