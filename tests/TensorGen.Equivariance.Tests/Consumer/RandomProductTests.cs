using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// The generated kernels of <see cref="RandomProducts"/> against the dense reference (explicit Wigner 3j tensors, plain
/// loops): forward and all gradients, at batch sizes that exercise a partial tile, full tiles and both.
/// </summary>
public sealed class RandomProductTests
{
    public static IEnumerable<object[]> Cases =>
        from p in RandomProducts.All.Select((_, i) => i)
        from batch in new[] { 1, 8, 37 }
        select new object[] { p, batch };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernels_match_the_dense_reference(int product, int batch)
    {
        DeclaredProduct p = RandomProducts.All[product];
        TensorProductDescription d = p.Description;
        ReferenceTensorProduct reference = ProductHarness.Reference(p);
        var random = new Random(product * 100 + batch);
        double[] x1 = ProductHarness.Random(random, batch * d.Dim1);
        double[] x2 = ProductHarness.Random(random, batch * d.Dim2);
        double[] w = ProductHarness.Random(random, ProductHarness.WeightLength(d, batch));
        double[] g = ProductHarness.Random(random, batch * d.DimOut);

        TensorProductConformanceTests.AssertClose(reference.Forward(x1, x2, w, batch), ProductHarness.Forward(p, x1, x2, w, batch), p.Name + " output");
        var expected = reference.Backward(x1, x2, w, g, batch);
        var actual = ProductHarness.Backward(p, x1, x2, w, g, batch);
        TensorProductConformanceTests.AssertClose(expected.GradX1, actual.GradX1, p.Name + " grad x1");
        TensorProductConformanceTests.AssertClose(expected.GradX2, actual.GradX2, p.Name + " grad x2");
        TensorProductConformanceTests.AssertClose(expected.GradWeights, actual.GradWeights, p.Name + " grad weights");
    }

    [Fact]
    public void Random_products_cover_every_mode_weighted_and_not()
    {
        var instructions = RandomProducts.All.SelectMany(p => p.Description.Instructions.Split("; ").Select(i => i.Split(','))).ToList();
        foreach (string mode in new[] { "uvw", "uvu", "uvv", "uuw", "uuu", "uvuv" })
        {
            Assert.Contains(instructions, i => i[3] == mode && i[4] == "true");
            if (mode != "uvw")
            {
                Assert.Contains(instructions, i => i[3] == mode && i[4] == "false");
            }
        }
    }
}
