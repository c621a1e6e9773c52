using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Equivariance;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>
/// The dense-einsum peer: e3nn's own formulation of each path — one einsum of the weights, the dense (path-weighted) Wigner
/// 3j tensor and the two input blocks, e.g. <c>zuv,ijk,zui,zvj-&gt;zuk</c> for uvu — on TensorGen's run-time einsum engine
/// (<see cref="Einsum.Evaluate{T}(string, System.ReadOnlySpan{Tensor{T}}, in TensorSpan{T}, bool)"/>), the blocks being
/// strided views of the feature rows.
/// </summary>
public sealed class DenseEinsumTensorProduct<T>
    where T : unmanaged, INumber<T>
{
    private readonly List<(string Expression, Tensor<T>[] Operands, int Start, nint[] Lengths, nint[] Strides)> _steps = new();
    private readonly T[] _output;

    public DenseEinsumTensorProduct(TensorProductDescription product, T[] x1, T[] x2, T[] weights, T[] output, int batch)
    {
        _output = output;
        foreach (PathStructure p in PathStructure.Of(product))
        {
            T[] c = Wigner.ThreeJ(p.L1, p.L2, p.LOut).Cast<double>().Select(v => T.CreateChecked(v * p.PathWeight)).ToArray();
            var cTensor = Tensor.Create(c, [p.D1, p.D2, p.D3]);
            var a = View(x1, p.Offset1, [batch, p.Mul1, p.D1], [product.Dim1, p.D1, 1]);
            var b = View(x2, p.Offset2, [batch, p.Mul2, p.D2], [product.Dim2, p.D2, 1]);
            string z = product.SharedWeights ? string.Empty : "z";
            nint weightRow = product.SharedWeights ? 0 : product.WeightCount;
            (string weightsTerm, nint[] weightShape, string inputs, string result, nint[] outShape) = p.Mode switch
            {
                "uvw" => (z + "uvw", new nint[] { p.Mul1, p.Mul2, p.MulOut }, "zui,zvj", "zwk", new nint[] { batch, p.MulOut, p.D3 }),
                "uvu" => (z + "uv", new nint[] { p.Mul1, p.Mul2 }, "zui,zvj", "zuk", new nint[] { batch, p.MulOut, p.D3 }),
                "uvv" => (z + "uv", new nint[] { p.Mul1, p.Mul2 }, "zui,zvj", "zvk", new nint[] { batch, p.MulOut, p.D3 }),
                "uuw" => (z + "uw", new nint[] { p.Mul1, p.MulOut }, "zui,zuj", p.HasWeight ? "zwk" : "zk", p.HasWeight ? new nint[] { batch, p.MulOut, p.D3 } : new nint[] { batch, p.D3 }),
                "uuu" => (z + "u", new nint[] { p.Mul1 }, "zui,zuj", "zuk", new nint[] { batch, p.MulOut, p.D3 }),
                _ => (z + "uv", new nint[] { p.Mul1, p.Mul2 }, "zui,zvj", "zuvk", new nint[] { batch, p.Mul1, p.Mul2, p.D3 }),
            };

            var operands = new List<Tensor<T>>();
            string expression = "ijk," + inputs + "->" + result;
            if (p.HasWeight)
            {
                nint[] shape = product.SharedWeights ? weightShape : new nint[] { batch }.Concat(weightShape).ToArray();
                nint[] strides = RowMajor(weightShape);
                if (!product.SharedWeights)
                {
                    strides = new nint[] { weightRow }.Concat(strides).ToArray();
                }

                operands.Add(View(weights, p.WeightOffset, shape, strides));
                expression = weightsTerm + "," + expression;
            }

            operands.Add(cTensor);
            operands.Add(a);
            operands.Add(b);
            nint[] outStrides = Unit(outShape, new nint[] { product.DimOut }.Concat(RowMajor(outShape.Skip(1).ToArray())).ToArray());
            _steps.Add((expression, operands.ToArray(), p.OffsetOut, outShape, outStrides));
        }
    }

    public void Forward()
    {
        System.Array.Clear(_output);
        foreach (var (expression, operands, start, lengths, strides) in _steps)
        {
            Einsum.Evaluate<T>(expression, operands, new TensorSpan<T>(_output, start, lengths, strides), accumulate: true);
        }
    }

    /// <summary>A strided view of <paramref name="array"/> (System.Numerics.Tensors wants stride 0 on dimensions of length 1).</summary>
    private static Tensor<T> View(T[] array, int start, nint[] lengths, nint[] strides) => Tensor.Create(array, start, lengths, Unit(lengths, strides));

    private static nint[] Unit(nint[] lengths, nint[] strides) => strides.Select((s, d) => lengths[d] == 1 ? 0 : s).ToArray();

    private static nint[] RowMajor(nint[] shape)
    {
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }

        return strides;
    }
}
