using System;
using System.Linq;
using TensorGen.Tests.Reference;
using Xunit;

namespace TensorGen.Equivariance.Tests.Conformance;

/// <summary>
/// e3nn 0.5.6's tensor products: TensorGen derives the same instructions and output irreps and computes the same path
/// weights, and the dense reference reproduces e3nn's outputs and gradients — so it can stand in for e3nn as the oracle
/// of the generated kernels.
/// </summary>
public sealed class TensorProductConformanceTests
{
    [Theory]
    [MemberData(nameof(TpCase.Names), MemberType = typeof(TpCase))]
    public void Builder_derives_e3nn_instructions_irreps_and_path_weights(string name)
    {
        TpCase c = TpCase.Named(name);

        TensorProductBuildResult result = TensorProductBuilder.Build(c.Options);

        Assert.Empty(result.Errors);
        TensorProductSpec spec = result.Spec!;
        Assert.Equal(c.Irreps1, spec.Irreps1.ToString());
        Assert.Equal(c.Irreps2, spec.Irreps2.ToString());
        Assert.Equal(c.IrrepsOut, spec.IrrepsOut.ToString());
        Assert.Equal(c.Instructions.Count, spec.Paths.Count);
        for (int n = 0; n < spec.Paths.Count; n++)
        {
            ReferenceInstruction expected = c.Instructions[n];
            TensorProductPath actual = spec.Paths[n];
            Assert.Equal((expected.In1, expected.In2, expected.Out, expected.Mode, expected.HasWeight),
                (actual.Instruction.In1, actual.Instruction.In2, actual.Instruction.Out, actual.Mode.Name(), actual.HasWeight));
            Assert.True(Math.Abs(expected.PathWeight - actual.NormalizedWeight) <= 1e-15 * expected.PathWeight,
                $"path weight of instruction {n}: e3nn {expected.PathWeight:R}, TensorGen {actual.NormalizedWeight:R}");
        }

        Assert.Equal(c.Weights.Data.Length / (c.SharedWeights ? 1 : c.Batch), spec.WeightCount);
    }

    [Theory]
    [MemberData(nameof(TpCase.Names), MemberType = typeof(TpCase))]
    public void Reference_reproduces_e3nn_forward_and_gradients(string name)
    {
        TpCase c = TpCase.Named(name);
        ReferenceTensorProduct reference = c.Reference();

        double[] output = reference.Forward(c.X1.Data, c.X2.Data, c.Weights.Data, c.Batch);
        var (gradX1, gradX2, gradWeights) = reference.Backward(c.X1.Data, c.X2.Data, c.Weights.Data, c.R.Data, c.Batch);

        AssertClose(c.Out.Data, output, "output");
        AssertClose(c.GradX1.Data, gradX1, "grad_x1");
        AssertClose(c.GradX2.Data, gradX2, "grad_x2");
        AssertClose(c.GradWeights.Data, gradWeights, "grad_weights");
    }

    internal static void AssertClose(double[] expected, double[] actual, string what, double tolerance = 1e-10)
    {
        Assert.Equal(expected.Length, actual.Length);
        int worst = Enumerable.Range(0, expected.Length).DefaultIfEmpty(-1).MaxBy(i => i < 0 ? 0 : Math.Abs(expected[i] - actual[i]));
        Assert.True(worst < 0 || Math.Abs(expected[worst] - actual[worst]) <= tolerance,
            $"{what}[{worst}]: expected {(worst < 0 ? 0 : expected[worst]):R}, got {(worst < 0 ? 0 : actual[worst]):R}");
    }
}
