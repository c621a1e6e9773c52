using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Equivariance.Tests.Conformance;
using TensorGen.Equivariance.Tests.Linear;
using Xunit;

namespace TensorGen.Equivariance.Tests.Interop;

/// <summary>
/// An e3nn <c>FullyConnectedTensorProduct</c>'s and a uvu <c>TensorProduct</c>'s flat weights (e3nn's instruction order, each
/// instruction's [mul1, mul2, mul_out] or [mul1, mul2] block row-major) go into [TensorProduct] as they are.
/// </summary>
public sealed class TensorProductInteropTests
{
    [Theory]
    [InlineData("fully_connected")]
    [InlineData("uvu")]
    public void E3nn_weights_reproduce_e3nns_output_in_double_and_float(string name)
    {
        var c = E3nnInterop.Case("tp", name);
        ConformanceArray x1 = c.Array("x1"), x2 = c.Array("x2"), w = c.Array("weight"), expected = c.Array("output");
        int batch = x1.Rows, dimOut = expected.Shape[1];
        var output = new double[batch * dimOut];
        var output32 = new float[batch * dimOut];
        var a = new ReadOnlyTensorSpan<double>(x1.Data, [batch, x1.Shape[1]]);
        var b = new ReadOnlyTensorSpan<double>(x2.Data, [batch, x2.Shape[1]]);
        var a32 = new ReadOnlyTensorSpan<float>(x1.Data.ToFloat(), [batch, x1.Shape[1]]);
        var b32 = new ReadOnlyTensorSpan<float>(x2.Data.ToFloat(), [batch, x2.Shape[1]]);
        if (name == "uvu")
        {
            Assert.Equal("3x0e+2x1o", c.Text("irreps_in1"));
            InteropKernels.Uvu(a, b, new ReadOnlyTensorSpan<double>(w.Data), new TensorSpan<double>(output, [batch, dimOut]));
            InteropKernels.UvuFloat(a32, b32, new ReadOnlyTensorSpan<float>(w.Data.ToFloat()), new TensorSpan<float>(output32, [batch, dimOut]));
        }
        else
        {
            Assert.Equal("2x0e+2x1o", c.Text("irreps_in1"));
            InteropKernels.FullyConnected(a, b, new ReadOnlyTensorSpan<double>(w.Data), new TensorSpan<double>(output, [batch, dimOut]));
            InteropKernels.FullyConnectedFloat(a32, b32, new ReadOnlyTensorSpan<float>(w.Data.ToFloat()), new TensorSpan<float>(output32, [batch, dimOut]));
        }

        LinearTests.AssertClose(expected.Data, output, 1e-10, name + " output");
        LinearTests.AssertClose(c.Array("output_float32").Data, output32.ToDouble(), 1e-6, name + " float32 output");
    }
}
