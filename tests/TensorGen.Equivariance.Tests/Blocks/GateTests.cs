using System;
using System.Linq;
using TensorGen.Equivariance.Tests.Consumer;
using TensorGen.Equivariance.Tests.Linear;
using TensorGen.Runtime.E3nn;
using Xunit;
using RuntimeIrreps = TensorGen.Runtime.E3nn.Irreps;

namespace TensorGen.Equivariance.Tests.Blocks;

/// <summary>Gate: finite differences, rotations, e3nn's input order and its refusals; ScatterSum against a plain loop.</summary>
public sealed class GateTests
{
    private static Gate Nequip() => new(RuntimeIrreps.Parse("4x0e"), new[] { ScalarActivation.SiLU }, RuntimeIrreps.Parse("5x0e"),
        new[] { ScalarActivation.Sigmoid }, RuntimeIrreps.Parse("3x1o+2x2e"));

    [Fact]
    public void Backward_matches_finite_differences()
    {
        Gate gate = new(RuntimeIrreps.Parse("2x0e+1x0o"), new[] { ScalarActivation.SiLU, ScalarActivation.Tanh }, RuntimeIrreps.Parse("2x0o+1x0e"),
            new[] { ScalarActivation.Tanh, ScalarActivation.Sigmoid }, RuntimeIrreps.Parse("1x1o+1x2e+1x1e"));
        const int Rows = 3;
        var random = new Random(3);
        double[] x = ProductHarness.Random(random, Rows * gate.IrrepsIn.Dim);
        double[] r = ProductHarness.Random(random, Rows * gate.IrrepsOut.Dim);
        var gradInput = new double[x.Length];
        gate.Backward(x, r, gradInput, Rows);
        double Loss()
        {
            var y = new double[r.Length];
            gate.Forward(x, y, Rows);
            return y.Zip(r, (a, b) => a * b).Sum();
        }

        const double H = 1e-6;
        for (int k = 0; k < x.Length; k++)
        {
            double saved = x[k];
            x[k] = saved + H;
            double plus = Loss();
            x[k] = saved - H;
            double minus = Loss();
            x[k] = saved;
            Assert.Equal((plus - minus) / (2 * H), gradInput[k], 1e-8);
        }
    }

    [Fact]
    public void Rotating_the_input_rotates_the_output()
    {
        Gate gate = Nequip();
        Assert.Equal("9x0e+3x1o+2x2e", gate.IrrepsIn.ToString());
        Assert.Equal("4x0e+3x1o+2x2e", gate.IrrepsOut.ToString());
        const int Rows = 4;
        var random = new Random(5);
        double[] x = ProductHarness.Random(random, Rows * gate.IrrepsIn.Dim);
        double[] Forward(double[] input)
        {
            var y = new double[Rows * gate.IrrepsOut.Dim];
            gate.Forward(input, y, Rows);
            return y;
        }

        foreach (bool inversion in new[] { false, true })
        {
            (double a, double b, double g) = (random.NextDouble() * 6, random.NextDouble() * 3, random.NextDouble() * 6);
            double[] rotatedOutput = EquivarianceTests.Rotate("4x0e+3x1o+2x2e", Forward(x), Rows, a, b, g, inversion);
            double[] outputOfRotated = Forward(EquivarianceTests.Rotate("9x0e+3x1o+2x2e", x, Rows, a, b, g, inversion));
            LinearTests.AssertClose(rotatedOutput, outputOfRotated, 1e-12, $"inversion {inversion}");
        }
    }

    [Fact]
    public void E3nns_refusals_are_argument_exceptions()
    {
        var none = Array.Empty<ScalarActivation?>();
        Assert.Throws<ArgumentException>(() => new Gate(RuntimeIrreps.Parse("2x1o"), new ScalarActivation?[] { null }, RuntimeIrreps.Empty, none, RuntimeIrreps.Empty));
        Assert.Throws<ArgumentException>(() => new Gate(RuntimeIrreps.Parse("2x0e"), new[] { ScalarActivation.SiLU }, RuntimeIrreps.Parse("2x0e"),
            new[] { ScalarActivation.Sigmoid }, RuntimeIrreps.Parse("3x1o")));
        Assert.Throws<ArgumentException>(() => new Gate(RuntimeIrreps.Parse("2x0o"), new[] { ScalarActivation.SiLU }, RuntimeIrreps.Empty, none, RuntimeIrreps.Empty));
        Assert.Throws<ArgumentException>(() => new Gate(RuntimeIrreps.Parse("2x0e"), none, RuntimeIrreps.Empty, none, RuntimeIrreps.Empty));
        Gate gate = Nequip();
        var output = new double[gate.IrrepsOut.Dim];
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => gate.Forward(new double[gate.IrrepsIn.Dim + 1], output, 1)).ParamName);
    }

    [Fact]
    public void ScatterSum_adds_rows_into_their_index_and_its_backward_gathers()
    {
        const int Features = 3, Nodes = 4;
        int[] index = { 2, 0, 2, 3, 2 };
        var random = new Random(9);
        double[] values = ProductHarness.Random(random, index.Length * Features);
        var output = Enumerable.Repeat(double.NaN, Nodes * Features).ToArray();
        ScatterSum.Forward<double>(values, index, output, Features);
        var expected = new double[Nodes * Features];
        for (int e = 0; e < index.Length; e++)
        {
            for (int f = 0; f < Features; f++)
            {
                expected[(index[e] * Features) + f] += values[(e * Features) + f];
            }
        }

        Assert.Equal(expected, output);
        var gradValues = new double[values.Length];
        ScatterSum.Backward<double>(output, index, gradValues, Features);
        Assert.Equal(index.SelectMany(i => output.Skip(i * Features).Take(Features)), gradValues);

        var untouched = Enumerable.Repeat(5.0, Nodes * Features).ToArray();
        var error = Assert.Throws<ArgumentException>(() => ScatterSum.Forward<double>(values, new[] { 0, 1, 4, 0, 0 }, untouched, Features));
        Assert.Equal("index", error.ParamName);
        Assert.Contains("index[2] = 4", error.Message, StringComparison.Ordinal);
        Assert.All(untouched, v => Assert.Equal(5.0, v));
    }
}
