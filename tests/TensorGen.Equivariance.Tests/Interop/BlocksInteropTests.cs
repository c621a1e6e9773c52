using System;
using System.Linq;
using System.Text.Json;
using TensorGen.Equivariance.Tests.Linear;
using TensorGen.Runtime.E3nn;
using Xunit;
using RuntimeIrreps = TensorGen.Runtime.E3nn.Irreps;

namespace TensorGen.Equivariance.Tests.Interop;

/// <summary>The run-time Irreps and Gate against e3nn 0.5.6's own answers.</summary>
public sealed class BlocksInteropTests
{
    [Fact]
    public void Irreps_behave_as_e3nns()
    {
        foreach (JsonElement c in E3nnInterop.Section("irreps"))
        {
            string text = c.Text("text");
            RuntimeIrreps irreps = RuntimeIrreps.Parse(text);
            Assert.Equal(c.Text("str"), irreps.ToString());
            Assert.Equal(c.GetProperty("dim").GetInt32(), irreps.Dim);
            Assert.Equal(c.GetProperty("num_irreps").GetInt32(), irreps.NumIrreps);
            Assert.Equal(c.GetProperty("len").GetInt32(), irreps.Count);
            Assert.Equal(c.GetProperty("ls").EnumerateArray().Select(v => v.GetInt32()), irreps.Ls);
            Assert.Equal(c.GetProperty("slices").EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32())),
                irreps.Slices().Select(s => (s.Start.Value, s.End.Value)));
            Assert.Equal(c.Text("simplify"), irreps.Simplify().ToString());
            var (sorted, p, inverse) = irreps.Sort();
            JsonElement sort = c.GetProperty("sort");
            Assert.Equal(sort.Text("irreps"), sorted.ToString());
            Assert.Equal(sort.GetProperty("p").EnumerateArray().Select(v => v.GetInt32()), p);
            Assert.Equal(sort.GetProperty("inv").EnumerateArray().Select(v => v.GetInt32()), inverse);
            Assert.Equal(c.Text("regroup"), irreps.Regroup().ToString());
            if (c.GetProperty("lmax").ValueKind == JsonValueKind.Null)
            {
                Assert.Throws<InvalidOperationException>(() => irreps.LMax);
            }
            else
            {
                Assert.Equal(c.GetProperty("lmax").GetInt32(), irreps.LMax);
            }

            Assert.Equal(RuntimeIrreps.Parse(c.Text("str")), irreps);
        }
    }

    [Theory]
    [InlineData("nequip")]
    [InlineData("odd_gates")]
    public void Gate_with_e3nns_constants_reproduces_e3nns_output_and_gradient(string name)
    {
        var c = E3nnInterop.Case("gate", name);
        JsonElement constants = c.GetProperty("normalize2mom");
        ScalarActivation Activation(JsonElement act)
        {
            string fn = act.GetString()!;
            var function = fn switch { "silu" => ActivationFunction.SiLU, "sigmoid" => ActivationFunction.Sigmoid, _ => ActivationFunction.Tanh };
            return ScalarActivation.WithScale(function, constants.GetProperty(fn).GetDouble());
        }

        var gate = new Gate(RuntimeIrreps.Parse(c.Text("irreps_scalars")), c.GetProperty("act_scalars").EnumerateArray().Select(Activation).ToArray(),
            RuntimeIrreps.Parse(c.Text("irreps_gates")), c.GetProperty("act_gates").EnumerateArray().Select(Activation).ToArray(),
            RuntimeIrreps.Parse(c.Text("irreps_gated")));
        Assert.Equal(c.Text("irreps_in"), gate.IrrepsIn.ToString());
        Assert.Equal(c.Text("irreps_out"), gate.IrrepsOut.ToString());

        var x = c.Array("input");
        var output = new double[c.Array("output").Data.Length];
        gate.Forward(x.Data, output, x.Rows);
        LinearTests.AssertClose(c.Array("output").Data, output, 1e-10, name + " output");
        var gradInput = new double[x.Data.Length];
        gate.Backward(x.Data, c.Array("r").Data, gradInput, x.Rows);
        LinearTests.AssertClose(c.Array("grad_input").Data, gradInput, 1e-10, name + " grad_input");

        // The exactly integrated normalization agrees with e3nn's Monte Carlo estimate (10⁶ samples) to its error.
        foreach (JsonProperty constant in constants.EnumerateObject())
        {
            var function = constant.Name switch { "silu" => ActivationFunction.SiLU, "sigmoid" => ActivationFunction.Sigmoid, _ => ActivationFunction.Tanh };
            Assert.Equal(constant.Value.GetDouble(), ScalarActivation.Normalized(function).Scale, 3e-3);
        }
    }
}
