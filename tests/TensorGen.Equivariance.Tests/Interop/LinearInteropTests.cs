using System;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Equivariance.Tests.Linear;
using Xunit;

namespace TensorGen.Equivariance.Tests.Interop;

/// <summary>
/// e3nn's <c>o3.Linear</c> weights, loaded as they are (the flat <c>weight</c> and <c>bias</c> vectors), reproduce e3nn's outputs and
/// gradients: to 1e-10 in double, and e3nn's float32 outputs to 1e-6 in float.
/// </summary>
public sealed class LinearInteropTests
{
    [Theory]
    [InlineData("mixed", InteropKernels.MixedIn, InteropKernels.MixedOut)]
    [InlineData("mixed_biases", InteropKernels.MixedIn, InteropKernels.MixedBiasedOut)]
    [InlineData("mace_like", InteropKernels.MaceIn, InteropKernels.MaceOut)]
    [InlineData("mace_like_biases", InteropKernels.MaceIn, InteropKernels.MaceOut)]
    public void E3nn_weights_reproduce_e3nns_output_and_gradients(string name, string irrepsIn, string irrepsOut)
    {
        var c = E3nnInterop.Case("linear", name);
        Assert.Equal(irrepsIn, c.Text("irreps_in"));
        Assert.Equal(irrepsOut, c.Text("irreps_out"));
        ConformanceArray x = c.Array("input"), w = c.Array("weight"), b = c.Array("bias"), r = c.Array("r");
        int batch = x.Rows, dimIn = x.Shape[1], dimOut = r.Shape[1];
        var input = new ReadOnlyTensorSpan<double>(x.Data, [batch, dimIn]);
        var weights = new ReadOnlyTensorSpan<double>(w.Data);
        var biases = new ReadOnlyTensorSpan<double>(b.Data);
        var output = new double[batch * dimOut];
        var gradInput = new double[x.Data.Length];
        var gradWeights = new double[w.Data.Length];
        var gradBiases = new double[b.Data.Length];
        var gradOutput = new ReadOnlyTensorSpan<double>(r.Data, [batch, dimOut]);
        var outputSpan = new TensorSpan<double>(output, [batch, dimOut]);
        var gi = new TensorSpan<double>(gradInput, [batch, dimIn]);
        var gw = new TensorSpan<double>(gradWeights);
        var gb = new TensorSpan<double>(gradBiases);
        switch (name)
        {
            case "mixed":
                InteropKernels.Mixed(input, weights, outputSpan);
                InteropKernels.MixedBackward(input, weights, gradOutput, gi, gw);
                break;
            case "mixed_biases":
                InteropKernels.MixedBiases(input, weights, biases, outputSpan);
                InteropKernels.MixedBiasesBackward(input, weights, gradOutput, gi, gw, gb);
                break;
            case "mace_like":
                InteropKernels.MaceLike(input, weights, outputSpan);
                InteropKernels.MaceLikeBackward(input, weights, gradOutput, gi, gw);
                break;
            default:
                InteropKernels.MaceLikeBiases(input, weights, biases, outputSpan);
                InteropKernels.MaceLikeBiasesBackward(input, weights, gradOutput, gi, gw, gb);
                break;
        }

        LinearTests.AssertClose(c.Array("output").Data, output, 1e-10, name + " output");
        LinearTests.AssertClose(c.Array("grad_input").Data, gradInput, 1e-10, name + " grad_input");
        LinearTests.AssertClose(c.Array("grad_weight").Data, gradWeights, 1e-10, name + " grad_weight");
        LinearTests.AssertClose(c.Array("grad_bias").Data, gradBiases, 1e-10, name + " grad_bias");
    }

    [Theory]
    [InlineData("mixed")]
    [InlineData("mixed_biases")]
    [InlineData("mace_like")]
    [InlineData("mace_like_biases")]
    public void E3nn_weights_reproduce_e3nns_float32_output(string name)
    {
        var c = E3nnInterop.Case("linear", name);
        ConformanceArray x = c.Array("input"), expected = c.Array("output_float32");
        int batch = x.Rows, dimIn = x.Shape[1], dimOut = expected.Shape[1];
        var input = new ReadOnlyTensorSpan<float>(x.Data.ToFloat(), [batch, dimIn]);
        var weights = new ReadOnlyTensorSpan<float>(c.Array("weight").Data.ToFloat());
        var biases = new ReadOnlyTensorSpan<float>(c.Array("bias").Data.ToFloat());
        var output = new float[batch * dimOut];
        var outputSpan = new TensorSpan<float>(output, [batch, dimOut]);
        switch (name)
        {
            case "mixed": InteropKernels.MixedFloat(input, weights, outputSpan); break;
            case "mixed_biases": InteropKernels.MixedBiasesFloat(input, weights, biases, outputSpan); break;
            case "mace_like": InteropKernels.MaceLikeFloat(input, weights, outputSpan); break;
            default: InteropKernels.MaceLikeBiasesFloat(input, weights, biases, outputSpan); break;
        }

        LinearTests.AssertClose(expected.Data, output.ToDouble(), 1e-6, name + " float32 output");
    }

    [Theory]
    [InlineData("mixed")]
    [InlineData("mixed_biases")]
    [InlineData("mace_like_biases")]
    public void The_layout_is_e3nns_instruction_list(string name)
    {
        // The runtime's layout of the same irreps: e3nn's instructions, in order, with its path weights and counts.
        var c = E3nnInterop.Case("linear", name);
        var layout = TensorGen.Runtime.Equivariance.EquivariantLinearLayout.FromIrreps(c.Text("irreps_in"), c.Text("irreps_out"), c.GetProperty("biases").GetBoolean());
        Assert.Equal(c.GetProperty("weight_numel").GetInt32(), layout.WeightCount);
        Assert.Equal(c.GetProperty("bias_numel").GetInt32(), layout.BiasCount);
        var instructions = c.GetProperty("instructions").EnumerateArray().Where(i => i.GetProperty("i_in").GetInt32() >= 0).ToList();
        Assert.Equal(instructions.Count, layout.Paths.Length);
        for (int k = 0; k < instructions.Count; k++)
        {
            var shape = instructions[k].GetProperty("path_shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.Equal((shape[0], shape[1]), (layout.Paths[k].MulIn, layout.Paths[k].MulOut));
            Assert.Equal(instructions[k].GetProperty("path_weight").GetDouble(), layout.Paths[k].PathWeight, 1e-15);
        }
    }
}
