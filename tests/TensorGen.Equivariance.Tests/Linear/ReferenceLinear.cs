using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TensorGen.Equivariance.Tests.Linear;

/// <summary>
/// e3nn's <c>o3.Linear</c> written out with plain loops in double, from e3nn 0.5's <c>_linear.py</c> and nothing of TensorGen:
/// instructions (i_in, i_out) for every pair of blocks with the same irrep, i_in outer; path weight alpha^-1/2 with alpha the
/// summed input multiplicities into i_out ("element") or count × this mul_in ("path"); biases on 0e outputs, flat, in order.
/// </summary>
internal sealed class ReferenceLinear
{
    private readonly List<(int Mul, int L, int Parity)> _in;
    private readonly List<(int Mul, int L, int Parity)> _out;
    private readonly List<(int In, int Out, double Weight)> _instructions = new();

    public ReferenceLinear(string irrepsIn, string irrepsOut, bool biases = false, bool pathNormalization = false)
    {
        _in = Parse(irrepsIn);
        _out = Parse(irrepsOut);
        for (int i = 0; i < _in.Count; i++)
        {
            for (int o = 0; o < _out.Count; o++)
            {
                if (_in[i].L == _out[o].L && _in[i].Parity == _out[o].Parity)
                {
                    _instructions.Add((i, o, 0));
                }
            }
        }

        for (int k = 0; k < _instructions.Count; k++)
        {
            var (i, o, _) = _instructions[k];
            var into = _instructions.Where(x => x.Out == o).ToList();
            double alpha = pathNormalization ? into.Count * _in[i].Mul : into.Sum(x => _in[x.In].Mul);
            _instructions[k] = (i, o, alpha == 0 ? 1 : Math.Pow(alpha, -0.5));
        }

        HasBiases = biases;
        DimIn = _in.Sum(b => b.Mul * ((2 * b.L) + 1));
        DimOut = _out.Sum(b => b.Mul * ((2 * b.L) + 1));
        WeightCount = _instructions.Sum(x => _in[x.In].Mul * _out[x.Out].Mul);
        BiasCount = biases ? _out.Where(b => b.L == 0 && b.Parity == 1).Sum(b => b.Mul) : 0;
    }

    public bool HasBiases { get; }

    public int DimIn { get; }

    public int DimOut { get; }

    public int WeightCount { get; }

    public int BiasCount { get; }

    /// <summary>output [batch, DimOut] of input [batch, DimIn].</summary>
    public double[] Forward(double[] input, double[] weights, double[] biases, int batch)
    {
        var output = new double[batch * DimOut];
        int[] offIn = Offsets(_in), offOut = Offsets(_out);
        for (int z = 0; z < batch; z++)
        {
            int w0 = 0;
            foreach (var (i, o, pathWeight) in _instructions)
            {
                int d = (2 * _in[i].L) + 1, mulIn = _in[i].Mul, mulOut = _out[o].Mul;
                for (int w = 0; w < mulOut; w++)
                {
                    for (int m = 0; m < d; m++)
                    {
                        double sum = 0;
                        for (int u = 0; u < mulIn; u++)
                        {
                            sum += weights[w0 + (u * mulOut) + w] * input[(z * DimIn) + offIn[i] + (u * d) + m];
                        }

                        output[(z * DimOut) + offOut[o] + (w * d) + m] += pathWeight * sum;
                    }
                }

                w0 += mulIn * mulOut;
            }

            int b0 = 0;
            for (int o = 0; HasBiases && o < _out.Count; o++)
            {
                if (_out[o].L == 0 && _out[o].Parity == 1)
                {
                    for (int w = 0; w < _out[o].Mul; w++)
                    {
                        output[(z * DimOut) + offOut[o] + w] += biases[b0 + w];
                    }

                    b0 += _out[o].Mul;
                }
            }
        }

        return output;
    }

    /// <summary>The gradients of Σ gradOutput · Forward, by the transposed loops (checked against finite differences in the tests).</summary>
    public (double[] Input, double[] Weights, double[] Biases) Backward(double[] input, double[] weights, double[] gradOutput, int batch)
    {
        var gradInput = new double[batch * DimIn];
        var gradWeights = new double[WeightCount];
        var gradBiases = new double[BiasCount];
        int[] offIn = Offsets(_in), offOut = Offsets(_out);
        for (int z = 0; z < batch; z++)
        {
            int w0 = 0;
            foreach (var (i, o, pathWeight) in _instructions)
            {
                int d = (2 * _in[i].L) + 1, mulIn = _in[i].Mul, mulOut = _out[o].Mul;
                for (int u = 0; u < mulIn; u++)
                {
                    for (int w = 0; w < mulOut; w++)
                    {
                        for (int m = 0; m < d; m++)
                        {
                            double g = pathWeight * gradOutput[(z * DimOut) + offOut[o] + (w * d) + m];
                            gradInput[(z * DimIn) + offIn[i] + (u * d) + m] += weights[w0 + (u * mulOut) + w] * g;
                            gradWeights[w0 + (u * mulOut) + w] += input[(z * DimIn) + offIn[i] + (u * d) + m] * g;
                        }
                    }
                }

                w0 += mulIn * mulOut;
            }

            int b0 = 0;
            for (int o = 0; HasBiases && o < _out.Count; o++)
            {
                if (_out[o].L == 0 && _out[o].Parity == 1)
                {
                    for (int w = 0; w < _out[o].Mul; w++)
                    {
                        gradBiases[b0 + w] += gradOutput[(z * DimOut) + offOut[o] + w];
                    }

                    b0 += _out[o].Mul;
                }
            }
        }

        return (gradInput, gradWeights, gradBiases);
    }

    /// <summary>Σ gradOutput · Forward: the scalar whose gradients the backward pass computes.</summary>
    public double Loss(double[] input, double[] weights, double[] biases, double[] gradOutput, int batch) =>
        Forward(input, weights, biases, batch).Zip(gradOutput, (a, b) => a * b).Sum();

    private static int[] Offsets(List<(int Mul, int L, int Parity)> blocks)
    {
        var offsets = new int[blocks.Count];
        for (int b = 1; b < blocks.Count; b++)
        {
            offsets[b] = offsets[b - 1] + (blocks[b - 1].Mul * ((2 * blocks[b - 1].L) + 1));
        }

        return offsets;
    }

    private static List<(int Mul, int L, int Parity)> Parse(string irreps) =>
        irreps.Split('+').Select(b => b.Trim().Split('x')).Select(b => (
            int.Parse(b[0], CultureInfo.InvariantCulture), int.Parse(b[1][..^1], CultureInfo.InvariantCulture), b[1][^1] == 'e' ? 1 : -1)).ToList();
}
