using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>One instruction of a product with its blocks' sizes and offsets, for the peers.</summary>
public sealed record PathStructure(
    string Mode, bool HasWeight, double PathWeight,
    int Mul1, int L1, int Offset1, int Mul2, int L2, int Offset2, int MulOut, int LOut, int OffsetOut, int WeightOffset, int WeightCount)
{
    public int D1 => (2 * L1) + 1;

    public int D2 => (2 * L2) + 1;

    public int D3 => (2 * LOut) + 1;

    /// <summary>Every path of a described product, in order.</summary>
    public static IReadOnlyList<PathStructure> Of(TensorProductDescription product)
    {
        var blocks1 = Blocks(product.Irreps1);
        var blocks2 = Blocks(product.Irreps2);
        var blocksOut = Blocks(product.IrrepsOut);
        var paths = new List<PathStructure>();
        int weightOffset = 0;
        string[] instructions = product.Instructions.Split("; ");
        for (int n = 0; n < instructions.Length; n++)
        {
            string[] f = instructions[n].Split(',');
            var (mul1, l1, offset1) = blocks1[int.Parse(f[0], CultureInfo.InvariantCulture)];
            var (mul2, l2, offset2) = blocks2[int.Parse(f[1], CultureInfo.InvariantCulture)];
            var (mulOut, lOut, offsetOut) = blocksOut[int.Parse(f[2], CultureInfo.InvariantCulture)];
            bool weighted = f[4] == "true";
            int count = !weighted ? 0 : f[3] switch
            {
                "uvw" => mul1 * mul2 * mulOut,
                "uuw" => mul1 * mulOut,
                "uuu" => mul1,
                _ => mul1 * mul2,
            };
            paths.Add(new PathStructure(f[3], weighted, product.PathWeights[n], mul1, l1, offset1, mul2, l2, offset2, mulOut, lOut, offsetOut, weightOffset, count));
            weightOffset += count;
        }

        return paths;
    }

    private static List<(int Mul, int L, int Offset)> Blocks(string irreps)
    {
        var blocks = new List<(int, int, int)>();
        int offset = 0;
        foreach (string block in irreps.Split('+'))
        {
            string[] parts = block.Split('x');
            int mul = int.Parse(parts[0], CultureInfo.InvariantCulture), l = int.Parse(parts[1][..^1], CultureInfo.InvariantCulture);
            blocks.Add((mul, l, offset));
            offset += mul * ((2 * l) + 1);
        }

        return blocks;
    }
}
