using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using TensorGen.Equivariance;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// The naive-loop peer: e3nn's formula as plain nested loops over rows, paths, multiplicities and every (i, j, k) of the
/// dense Wigner 3j tensor — what one writes without a generator.
/// </summary>
public sealed class NaiveTensorProduct<T>
    where T : unmanaged, INumber<T>
{
    private readonly IReadOnlyList<PathStructure> _paths;
    private readonly T[][] _c;
    private readonly int _dim1, _dim2, _dimOut, _weights;
    private readonly bool _shared;

    public NaiveTensorProduct(TensorProductDescription product)
    {
        _paths = PathStructure.Of(product);
        _c = _paths.Select(p => Wigner.ThreeJ(p.L1, p.L2, p.LOut).Cast<double>().Select(v => T.CreateChecked(v * p.PathWeight)).ToArray()).ToArray();
        (_dim1, _dim2, _dimOut, _weights, _shared) = (product.Dim1, product.Dim2, product.DimOut, product.WeightCount, product.SharedWeights);
    }

    public void Forward(T[] x1, T[] x2, T[] weights, T[] output, int batch)
    {
        System.Array.Clear(output);
        for (int z = 0; z < batch; z++)
        {
            int r1 = z * _dim1, r2 = z * _dim2, ro = z * _dimOut, rw = _shared ? 0 : z * _weights;
            for (int n = 0; n < _paths.Count; n++)
            {
                PathStructure p = _paths[n];
                T[] c = _c[n];
                bool uu = p.Mode is "uuw" or "uuu";
                for (int u = 0; u < p.Mul1; u++)
                {
                    for (int v = uu ? u : 0; v < (uu ? u + 1 : p.Mul2); v++)
                    {
                        int outCount = p.Mode is "uvw" || (p.Mode == "uuw" && p.HasWeight) ? p.MulOut : 1;
                        for (int w = 0; w < outCount; w++)
                        {
                            (int o, int weight) = p.Mode switch
                            {
                                "uvw" => (w, (((u * p.Mul2) + v) * p.MulOut) + w),
                                "uvu" => (u, (u * p.Mul2) + v),
                                "uvv" => (v, (u * p.Mul2) + v),
                                "uuw" => (w, (u * p.MulOut) + w),
                                "uuu" => (u, u),
                                _ => ((u * p.Mul2) + v, (u * p.Mul2) + v),
                            };
                            T scale = p.HasWeight ? weights[rw + p.WeightOffset + weight] : T.One;
                            for (int i = 0; i < p.D1; i++)
                            {
                                for (int j = 0; j < p.D2; j++)
                                {
                                    T product = scale * x1[r1 + p.Offset1 + (u * p.D1) + i] * x2[r2 + p.Offset2 + (v * p.D2) + j];
                                    for (int k = 0; k < p.D3; k++)
                                    {
                                        output[ro + p.OffsetOut + (o * p.D3) + k] += c[(((i * p.D2) + j) * p.D3) + k] * product;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
