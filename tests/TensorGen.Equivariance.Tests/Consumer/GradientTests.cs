using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// The backward kernels against central finite differences of L = Σ output · r, for every random product (every mode). The
/// product is linear in each of x1, x2 and the weights separately, so central differences are exact up to rounding and
/// the tolerance can be tight.
/// </summary>
public sealed class GradientTests
{
    public static IEnumerable<object[]> Products => RandomProducts.All.Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(Products))]
    public void Gradients_match_finite_differences(int product)
    {
        DeclaredProduct p = RandomProducts.All[product];
        var d = p.Description;
        var random = new Random(2000 + product);
        const int Batch = 9;
        double[] x1 = ProductHarness.Random(random, Batch * d.Dim1);
        double[] x2 = ProductHarness.Random(random, Batch * d.Dim2);
        double[] w = ProductHarness.Random(random, ProductHarness.WeightLength(d, Batch));
        double[] r = ProductHarness.Random(random, Batch * d.DimOut);
        var (gradX1, gradX2, gradWeights) = ProductHarness.Backward(p, x1, x2, w, r, Batch);

        double Loss() => ProductHarness.Forward(p, x1, x2, w, Batch).Zip(r, (o, g) => o * g).Sum();
        void Check(double[] values, double[] gradient, string name)
        {
            foreach (int index in Enumerable.Range(0, 12).Select(_ => random.Next(values.Length)).Distinct())
            {
                const double H = 1e-3;
                double original = values[index];
                values[index] = original + H;
                double plus = Loss();
                values[index] = original - H;
                double minus = Loss();
                values[index] = original;
                double numeric = (plus - minus) / (2 * H);
                Assert.True(Math.Abs(numeric - gradient[index]) <= 1e-8 * Math.Max(1, Math.Abs(numeric)),
                    $"{p.Name}: d L / d {name}[{index}] = {numeric:R} by finite differences, {gradient[index]:R} by the backward kernel");
            }
        }

        Check(x1, gradX1, "x1");
        Check(x2, gradX2, "x2");
        if (w.Length > 0)
        {
            Check(w, gradWeights, "weights");
        }
    }
}
