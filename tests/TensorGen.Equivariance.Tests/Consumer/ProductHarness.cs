using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Tests.Reference;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>Runs a declared product on arrays and builds its independent reference.</summary>
internal static class ProductHarness
{
    /// <summary>The dense reference of the product, from the runtime's description (irreps, instructions, normalized path weights).</summary>
    /// <summary>The reference of a product declared with the default normalizations (component, element).</summary>
    public static ReferenceTensorProduct Reference(TensorProductDescription d) => ReferenceTensorProduct.Of(d);

    /// <summary>The reference of a declared product, with its normalizations.</summary>
    public static ReferenceTensorProduct Reference(DeclaredProduct p) =>
        ReferenceTensorProduct.Of(p.Description, irrepNormalization: p.IrrepNormalization, pathNormalization: p.PathNormalization);

    public static double[] Random(Random random, int n) => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    public static nint[] WeightShape(TensorProductDescription d, int batch) =>
        d.SharedWeights ? new nint[] { d.WeightCount } : new nint[] { batch, d.WeightCount };

    public static double[] Forward(DeclaredProduct p, double[] x1, double[] x2, double[] weights, int batch)
    {
        TensorProductDescription d = p.Description;
        var output = new double[batch * d.DimOut];
        p.Kernels.Forward(new ReadOnlyTensorSpan<double>(x1, [batch, d.Dim1]), new ReadOnlyTensorSpan<double>(x2, [batch, d.Dim2]),
            new ReadOnlyTensorSpan<double>(weights, WeightShape(d, batch)), new TensorSpan<double>(output, [batch, d.DimOut]));
        return output;
    }

    public static (double[] GradX1, double[] GradX2, double[] GradWeights) Backward(DeclaredProduct p, double[] x1, double[] x2, double[] weights, double[] gradOutput, int batch)
    {
        TensorProductDescription d = p.Description;
        var gradX1 = new double[x1.Length];
        var gradX2 = new double[x2.Length];
        var gradWeights = new double[weights.Length];
        p.Kernels.Backward(new ReadOnlyTensorSpan<double>(x1, [batch, d.Dim1]), new ReadOnlyTensorSpan<double>(x2, [batch, d.Dim2]),
            new ReadOnlyTensorSpan<double>(weights, WeightShape(d, batch)), new ReadOnlyTensorSpan<double>(gradOutput, [batch, d.DimOut]),
            new TensorSpan<double>(gradX1, [batch, d.Dim1]), new TensorSpan<double>(gradX2, [batch, d.Dim2]),
            new TensorSpan<double>(gradWeights, WeightShape(d, batch)));
        return (gradX1, gradX2, gradWeights);
    }

    public static int WeightLength(TensorProductDescription d, int batch) => d.WeightCount * (d.SharedWeights ? 1 : batch);
}
