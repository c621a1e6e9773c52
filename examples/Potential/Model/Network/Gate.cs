using System;
using Potential.Radial;

namespace Potential.Network;

/// <summary>
/// e3nn's Gate (NequIP's nonlinearity) on rows laid out as "s x0e + g x0e + blocks": the s scalars go through SiLU, and each
/// channel of each gated block (l > 0) is multiplied by the sigmoid of its own gate scalar. Equivariant because the gates are
/// invariant. Output rows are "s x0e + blocks".
/// </summary>
public sealed class Gate
{
    private readonly (int Mul, int Dim)[] _gated;

    /// <param name="scalars">The scalars that pass through SiLU.</param>
    /// <param name="gated">The gated blocks (multiplicity, 2l + 1), in order; one gate per channel of each.</param>
    public Gate(int scalars, params (int Mul, int Dim)[] gated)
    {
        Scalars = scalars;
        _gated = gated;
        foreach (var (mul, dim) in gated)
        {
            Gates += mul;
            OutputDim += mul * dim;
        }

        OutputDim += scalars;
        InputDim = OutputDim + Gates;
    }

    /// <summary>NequIP's gate for "8x0e+8x1o+8x2e" features: input "24x0e+8x1o+8x2e" (8 scalars, 16 gates, the gated blocks).</summary>
    public static Gate Features { get; } = new(8, (8, 3), (8, 5));

    /// <summary>The scalars through SiLU.</summary>
    public int Scalars { get; }

    /// <summary>The gate scalars.</summary>
    public int Gates { get; }

    /// <summary>Features per input row.</summary>
    public int InputDim { get; }

    /// <summary>Features per output row.</summary>
    public int OutputDim { get; }

    /// <summary>Gates every row of <paramref name="input"/> [rows, InputDim] into a new [rows, OutputDim] array.</summary>
    public double[] Forward(double[] input, int rows)
    {
        var output = new double[rows * OutputDim];
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<double> x = input.AsSpan(row * InputDim, InputDim);
            Span<double> y = output.AsSpan(row * OutputDim, OutputDim);
            for (int i = 0; i < Scalars; i++)
            {
                y[i] = x[i] * RadialNetwork.Sigmoid(x[i]);
            }

            int gate = Scalars, source = Scalars + Gates, target = Scalars;
            foreach (var (mul, dim) in _gated)
            {
                for (int u = 0; u < mul; u++, gate++)
                {
                    double factor = RadialNetwork.Sigmoid(x[gate]);
                    for (int m = 0; m < dim; m++)
                    {
                        y[target++] = factor * x[source++];
                    }
                }
            }
        }

        return output;
    }

    /// <summary>The gradient with respect to the input [rows, InputDim] given the output's gradient [rows, OutputDim].</summary>
    public double[] Backward(double[] input, double[] gradOutput, int rows)
    {
        var gradInput = new double[rows * InputDim];
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<double> x = input.AsSpan(row * InputDim, InputDim);
            ReadOnlySpan<double> g = gradOutput.AsSpan(row * OutputDim, OutputDim);
            Span<double> gx = gradInput.AsSpan(row * InputDim, InputDim);
            for (int i = 0; i < Scalars; i++)
            {
                double s = RadialNetwork.Sigmoid(x[i]);
                gx[i] = g[i] * s * (1 + (x[i] * (1 - s)));
            }

            int gate = Scalars, source = Scalars + Gates, target = Scalars;
            foreach (var (mul, dim) in _gated)
            {
                for (int u = 0; u < mul; u++, gate++)
                {
                    double s = RadialNetwork.Sigmoid(x[gate]);
                    double dot = 0;
                    for (int m = 0; m < dim; m++, source++, target++)
                    {
                        gx[source] = s * g[target];
                        dot += x[source] * g[target];
                    }

                    gx[gate] = dot * s * (1 - s);
                }
            }
        }

        return gradInput;
    }
}
