using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Tests.Reference;

namespace TensorGen.Equivariance.Tests.SymmetricContraction;

/// <summary>
/// The tests' own symmetric contraction, sharing nothing with src: MACE's coupling tensors U_ν built in double with plain loops
/// from the tests' Racah 3j (<see cref="ReferenceWigner3j"/>) exactly as <c>mace/tools/cg.py::_wigner_nj</c> chains them (each path
/// of the (ν−1)-fold product, stably sorted by (l, parity), times each input irrep, into each l of their product, times
/// √(2l+1)), and the contraction B[o] = Σ_ν Σ_k W_ν[e, k, c] Σ_{i₁…i_ν} U_ν[o, i₁…i_ν, k] A[i₁]⋯A[i_ν] over every index tuple
/// (no symmetrization, no folding).
/// </summary>
public sealed class ReferenceSymmetricContraction
{
    private readonly List<(int L, int P)> _coupling;
    private readonly List<(int L, int P)> _outputs;
    private readonly int _channels, _correlation, _elements, _dim;

    /// <summary>[output block][order ν − 1] → the columns of U_ν, each dense [2l+1, D^ν].</summary>
    private readonly List<List<List<double[]>>> _u;

    public ReferenceSymmetricContraction(string irrepsIn, string irrepsOut, int correlation, int elements)
    {
        (_channels, _coupling) = Parse(irrepsIn);
        (_, _outputs) = Parse(irrepsOut);
        _correlation = correlation;
        _elements = elements;
        _dim = _coupling.Sum(c => (2 * c.L) + 1);
        _u = _outputs.Select(o => Enumerable.Range(1, correlation).Select(nu => Columns(nu, o)).ToList()).ToList();
        WeightCount = _u.Sum(block => block.Sum(columns => elements * Math.Max(1, columns.Count) * _channels));
    }

    public int WeightCount { get; }

    public int DimIn => _channels * _dim;

    public int DimOut => _channels * _outputs.Sum(o => (2 * o.L) + 1);

    /// <summary>The number of parameters K of U_ν for output block b (MACE keeps 1 when there is no path).</summary>
    public int Parameters(int block, int order) => Math.Max(1, _u[block][order - 1].Count);

    /// <summary>The contraction of a [Z, dimIn] (mul_ir) with the flat weights (MACE's parameter order) → [Z, dimOut] (mul_ir).</summary>
    public double[] Evaluate(double[] a, double[] weights, int[] elements)
    {
        int atoms = elements.Length;
        var output = new double[atoms * DimOut];
        for (int z = 0; z < atoms; z++)
        {
            for (int c = 0; c < _channels; c++)
            {
                double[] x = Channel(a, z, c);
                int offset = 0, outOffset = 0;
                for (int b = 0; b < _outputs.Count; b++)
                {
                    int dimOut = (2 * _outputs[b].L) + 1;
                    for (int order = _correlation; order >= 1; order--)
                    {
                        List<double[]> columns = _u[b][order - 1];
                        int parameters = Math.Max(1, columns.Count);
                        int size = (int)Math.Pow(_dim, order);
                        for (int k = 0; k < columns.Count; k++)
                        {
                            double w = weights[offset + (((elements[z] * parameters) + k) * _channels) + c];
                            for (int m = 0; m < dimOut; m++)
                            {
                                double sum = 0;
                                for (int flat = 0; flat < size; flat++)
                                {
                                    double u = columns[k][(m * size) + flat];
                                    if (u != 0)
                                    {
                                        double product = u;
                                        for (int rest = flat, f = 0; f < order; f++, rest /= _dim)
                                        {
                                            product *= x[rest % _dim];
                                        }

                                        sum += product;
                                    }
                                }

                                output[(z * DimOut) + (outOffset * _channels) + (c * dimOut) + m] += w * sum;
                            }
                        }

                        offset += _elements * parameters * _channels;
                    }

                    outOffset += dimOut;
                }
            }
        }

        return output;
    }

    /// <summary>Channel c of atom z: its Σ(2l+1) components, block by block.</summary>
    private double[] Channel(double[] a, int z, int c)
    {
        var x = new double[_dim];
        int feature = 0, offset = 0;
        foreach (var (l, _) in _coupling)
        {
            int d = (2 * l) + 1;
            for (int m = 0; m < d; m++)
            {
                x[feature + m] = a[(z * DimIn) + offset + (c * d) + m];
            }

            feature += d;
            offset += _channels * d;
        }

        return x;
    }

    /// <summary>cg.py's _wigner_nj for ν copies of the coupling irreps, keeping the paths into <paramref name="output"/>.</summary>
    private List<double[]> Columns(int order, (int L, int P) output)
    {
        // A path: its irrep and its dense tensor [2l+1, D^n] (index flat = Σ i_f D^f, the first factor fastest).
        var level = new List<((int L, int P) Irrep, double[] Tensor)>();
        int start = 0;
        foreach (var irrep in _coupling)
        {
            int d = (2 * irrep.L) + 1;
            var tensor = new double[d * _dim];
            for (int m = 0; m < d; m++)
            {
                tensor[(m * _dim) + start + m] = 1;
            }

            level.Add((irrep, tensor));
            start += d;
        }

        for (int n = 2; n <= order; n++)
        {
            int leftSize = (int)Math.Pow(_dim, n - 1);
            var next = new List<((int L, int P) Irrep, double[] Tensor)>();
            foreach (var (left, leftTensor) in level)
            {
                int offset = 0;
                foreach (var right in _coupling)
                {
                    for (int l = Math.Abs(left.L - right.L); l <= left.L + right.L; l++)
                    {
                        var irrep = (l, left.P * right.P);
                        if (n == order && irrep != output)
                        {
                            continue;
                        }

                        if (order == 4 && (l >= 12 || irrep.Item2 != (l % 2 == 0 ? 1 : -1)))
                        {
                            continue;
                        }

                        double[,,] c = ReferenceWigner3j.Get(l, left.L, right.L);
                        double scale = Math.Sqrt((2 * l) + 1);
                        var tensor = new double[((2 * l) + 1) * leftSize * _dim];
                        for (int i = 0; i <= 2 * l; i++)
                        {
                            for (int j = 0; j <= 2 * left.L; j++)
                            {
                                for (int k = 0; k <= 2 * right.L; k++)
                                {
                                    if (c[i, j, k] == 0)
                                    {
                                        continue;
                                    }

                                    for (int flat = 0; flat < leftSize; flat++)
                                    {
                                        tensor[(i * leftSize * _dim) + ((offset + k) * leftSize) + flat] += leftTensor[(j * leftSize) + flat] * c[i, j, k] * scale;
                                    }
                                }
                            }
                        }

                        next.Add((irrep, tensor));
                    }

                    offset += (2 * right.L) + 1;
                }
            }

            level = n == order ? next : next.Select((p, i) => (p, i)).OrderBy(t => t.p.Irrep.L).ThenBy(t => t.p.Irrep.Item2).ThenBy(t => t.i).Select(t => t.p).ToList();
        }

        return level.Where(p => p.Irrep == output).Select(p => p.Tensor).ToList();
    }

    private static (int Mul, List<(int L, int P)> Irreps) Parse(string irreps)
    {
        var blocks = irreps.Split('+').Select(b => b.Trim().Split('x')).ToList();
        int mul = int.Parse(blocks[0][0], System.Globalization.CultureInfo.InvariantCulture);
        return (mul, blocks.Select(b => (int.Parse(b[1][..^1], System.Globalization.CultureInfo.InvariantCulture), b[1][^1] == 'e' ? 1 : -1)).ToList());
    }
}
