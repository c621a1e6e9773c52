using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Tests.Reference;

/// <summary>One instruction for <see cref="ReferenceTensorProduct"/>: e3nn's tuple with the path weight already normalized.</summary>
public sealed record ReferenceInstruction(int In1, int In2, int Out, string Mode, bool HasWeight, double PathWeight);

/// <summary>
/// The independent oracle for tensor products: e3nn's formula evaluated literally in double precision — dense Wigner 3j
/// tensors and plain loops over every multiplicity and component, no sparsity, no factoring, no vectors. Irreps are
/// (mul, l) pairs in <c>mul_ir</c> layout; weights are e3nn's flat vector (instruction order, each block row-major in its
/// path shape), shared or one row per batch element.
/// </summary>
public sealed class ReferenceTensorProduct
{
    private readonly Func<int, int, int, double[,,]> _threeJ;

    /// <param name="irreps1">x1's blocks as (multiplicity, l).</param>
    /// <param name="irreps2">x2's blocks.</param>
    /// <param name="irrepsOut">The output's blocks.</param>
    /// <param name="instructions">The paths, with normalized path weights.</param>
    /// <param name="sharedWeights">Whether the weights are one vector for the batch.</param>
    /// <param name="threeJ">The dense Wigner 3j symbol C[i, j, k] of (l1, l2, l3).</param>
    public ReferenceTensorProduct(IReadOnlyList<(int Mul, int L)> irreps1, IReadOnlyList<(int Mul, int L)> irreps2, IReadOnlyList<(int Mul, int L)> irrepsOut,
        IReadOnlyList<ReferenceInstruction> instructions, bool sharedWeights, Func<int, int, int, double[,,]> threeJ)
    {
        Irreps1 = irreps1;
        Irreps2 = irreps2;
        IrrepsOut = irrepsOut;
        Instructions = instructions;
        SharedWeights = sharedWeights;
        _threeJ = threeJ;
        WeightCount = instructions.Where(i => i.HasWeight).Sum(i => PathShape(i).Aggregate(1, (p, n) => p * n));
    }

    /// <summary>
    /// The reference of the product the runtime describes: its irreps and instructions (as text), with the tests' own Wigner 3j
    /// symbols (<see cref="ReferenceWigner3j"/>) and path weights (<see cref="ReferencePathWeights"/>) — nothing computed by src, so
    /// an error in the production symbols or weights shows against the kernels. The normalizations are the declaration's (the
    /// description does not carry them).
    /// </summary>
    public static ReferenceTensorProduct Of(TensorProductDescription d, Wigner3jConvention convention = Wigner3jConvention.E3nn,
        IrrepNormalization irrepNormalization = IrrepNormalization.Component, PathNormalization pathNormalization = PathNormalization.Element)
    {
        var fields = d.Instructions.Length == 0 ? [] : d.Instructions.Split("; ").Select(i => i.Split(',')).ToList();
        var parsed = fields.Select(f => (In1: Int(f[0]), In2: Int(f[1]), Out: Int(f[2]), Mode: f[3], HasWeight: f[4] == "true",
            PathWeight: f.Length > 5 ? double.Parse(f[5], CultureInfo.InvariantCulture) : 1.0)).ToList();
        List<(int Mul, int L)> irreps1 = Blocks(d.Irreps1), irreps2 = Blocks(d.Irreps2), irrepsOut = Blocks(d.IrrepsOut);
        double[] weights = ReferencePathWeights.Of(irreps1, irreps2, irrepsOut, [.. parsed.Select(i => (i.In1, i.In2, i.Out, i.Mode, i.PathWeight))],
            irrepNormalization, pathNormalization);
        var instructions = parsed.Select((i, n) => new ReferenceInstruction(i.In1, i.In2, i.Out, i.Mode, i.HasWeight, weights[n])).ToList();
        bool legacy = convention == Wigner3jConvention.E3nnLegacy;
        return new ReferenceTensorProduct(irreps1, irreps2, irrepsOut, instructions, d.SharedWeights, (a, b, c) => ReferenceWigner3j.Get(a, b, c, legacy));
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The same product with |C| for every symbol: fed |x1|, |x2|, |w|, it gives Σ|terms| per output, which bounds rounding.</summary>
    public ReferenceTensorProduct WithAbsoluteSymbols() => new(Irreps1, Irreps2, IrrepsOut, Instructions, SharedWeights, (a, b, c) =>
    {
        double[,,] symbol = _threeJ(a, b, c);
        var absolute = new double[symbol.GetLength(0), symbol.GetLength(1), symbol.GetLength(2)];
        for (int i = 0; i < symbol.GetLength(0); i++)
        {
            for (int j = 0; j < symbol.GetLength(1); j++)
            {
                for (int k = 0; k < symbol.GetLength(2); k++)
                {
                    absolute[i, j, k] = Math.Abs(symbol[i, j, k]);
                }
            }
        }

        return absolute;
    });

    /// <summary>(mul, l) of each block of e3nn irreps text such as <c>2x0e+2x1o</c>.</summary>
    public static List<(int Mul, int L)> Blocks(string irreps) =>
        irreps.Length == 0
            ? new List<(int, int)>()
            : irreps.Split('+').Select(b => b.Split('x')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1][..^1], CultureInfo.InvariantCulture))).ToList();

    public IReadOnlyList<(int Mul, int L)> Irreps1 { get; }

    public IReadOnlyList<(int Mul, int L)> Irreps2 { get; }

    public IReadOnlyList<(int Mul, int L)> IrrepsOut { get; }

    public IReadOnlyList<ReferenceInstruction> Instructions { get; }

    public bool SharedWeights { get; }

    public int WeightCount { get; }

    public int Dim1 => Irreps1.Sum(b => b.Mul * ((2 * b.L) + 1));

    public int Dim2 => Irreps2.Sum(b => b.Mul * ((2 * b.L) + 1));

    public int DimOut => IrrepsOut.Sum(b => b.Mul * ((2 * b.L) + 1));

    /// <summary>output [z, dimOut] for x1 [z, dim1], x2 [z, dim2] and the weights.</summary>
    public double[] Forward(double[] x1, double[] x2, double[] weights, int batch)
    {
        var output = new double[batch * DimOut];
        foreach (Term t in Terms(batch))
        {
            output[t.Out] += t.Coefficient * t.Weight(weights) * x1[t.X1] * x2[t.X2];
        }

        return output;
    }

    /// <summary>The gradients of Σ output · <paramref name="gradOutput"/> with respect to x1, x2 and the weights (summed over the batch when shared).</summary>
    public (double[] GradX1, double[] GradX2, double[] GradWeights) Backward(double[] x1, double[] x2, double[] weights, double[] gradOutput, int batch)
    {
        var gradX1 = new double[x1.Length];
        var gradX2 = new double[x2.Length];
        var gradWeights = new double[weights.Length];
        foreach (Term t in Terms(batch))
        {
            double w = t.Weight(weights);
            double g = gradOutput[t.Out] * t.Coefficient;
            gradX1[t.X1] += g * w * x2[t.X2];
            gradX2[t.X2] += g * w * x1[t.X1];
            if (t.WeightIndex >= 0)
            {
                gradWeights[t.WeightIndex] += g * x1[t.X1] * x2[t.X2];
            }
        }

        return (gradX1, gradX2, gradWeights);
    }

    /// <summary>The weight tensor shape of an instruction (e3nn's <c>path_shape</c>).</summary>
    public int[] PathShape(ReferenceInstruction ins)
    {
        int mul1 = Irreps1[ins.In1].Mul, mul2 = Irreps2[ins.In2].Mul, mulOut = IrrepsOut[ins.Out].Mul;
        return ins.Mode switch
        {
            "uvw" => new[] { mul1, mul2, mulOut },
            "uvu" or "uvv" or "uvuv" => new[] { mul1, mul2 },
            "uuw" => new[] { mul1, mulOut },
            "uuu" => new[] { mul1 },
            _ => throw new ArgumentException("Unknown mode " + ins.Mode),
        };
    }

    /// <summary>Every product term out[Out] += Coefficient · W[WeightIndex] · x1[X1] · x2[X2] (flat indices).</summary>
    private IEnumerable<Term> Terms(int batch)
    {
        int[] offsets1 = Offsets(Irreps1), offsets2 = Offsets(Irreps2), offsetsOut = Offsets(IrrepsOut);
        int weightOffset = 0;
        foreach (ReferenceInstruction ins in Instructions)
        {
            (int mul1, int l1) = Irreps1[ins.In1];
            (int mul2, int l2) = Irreps2[ins.In2];
            (int mulOut, int l3) = IrrepsOut[ins.Out];
            int d1 = (2 * l1) + 1, d2 = (2 * l2) + 1, d3 = (2 * l3) + 1;
            double[,,] c = _threeJ(l1, l2, l3);
            int weightCount = ins.HasWeight ? PathShape(ins).Aggregate(1, (p, n) => p * n) : 0;

            // (u, v, w, flat weight index) for every multiplicity combination of the mode.
            var combinations = new List<(int U, int V, int W, int Weight)>();
            switch (ins.Mode)
            {
                case "uvw":
                    for (int u = 0; u < mul1; u++) for (int v = 0; v < mul2; v++) for (int w = 0; w < mulOut; w++) combinations.Add((u, v, w, (((u * mul2) + v) * mulOut) + w));
                    break;
                case "uvu":
                    for (int u = 0; u < mul1; u++) for (int v = 0; v < mul2; v++) combinations.Add((u, v, u, (u * mul2) + v));
                    break;
                case "uvv":
                    for (int u = 0; u < mul1; u++) for (int v = 0; v < mul2; v++) combinations.Add((u, v, v, (u * mul2) + v));
                    break;
                case "uuw":
                    // Without weights, e3nn requires mul_out = 1 and sums over u.
                    for (int u = 0; u < mul1; u++) for (int w = 0; w < mulOut; w++) combinations.Add((u, u, w, (u * mulOut) + w));
                    break;
                case "uuu":
                    for (int u = 0; u < mul1; u++) combinations.Add((u, u, u, u));
                    break;
                case "uvuv":
                    for (int u = 0; u < mul1; u++) for (int v = 0; v < mul2; v++) combinations.Add((u, v, (u * mul2) + v, (u * mul2) + v));
                    break;
                default:
                    throw new ArgumentException("Unknown mode " + ins.Mode);
            }

            for (int z = 0; z < batch; z++)
            {
                foreach (var (u, v, w, weight) in combinations)
                {
                    int weightIndex = ins.HasWeight ? (SharedWeights ? 0 : z * WeightCount) + weightOffset + weight : -1;
                    for (int i = 0; i < d1; i++)
                    {
                        for (int j = 0; j < d2; j++)
                        {
                            for (int k = 0; k < d3; k++)
                            {
                                if (c[i, j, k] != 0)
                                {
                                    yield return new Term(
                                        (z * DimOut) + offsetsOut[ins.Out] + (w * d3) + k,
                                        (z * Dim1) + offsets1[ins.In1] + (u * d1) + i,
                                        (z * Dim2) + offsets2[ins.In2] + (v * d2) + j,
                                        weightIndex,
                                        ins.PathWeight * c[i, j, k]);
                                }
                            }
                        }
                    }
                }
            }

            weightOffset += weightCount;
        }
    }

    private static int[] Offsets(IReadOnlyList<(int Mul, int L)> irreps)
    {
        var offsets = new int[irreps.Count];
        for (int b = 1; b < irreps.Count; b++)
        {
            offsets[b] = offsets[b - 1] + (irreps[b - 1].Mul * ((2 * irreps[b - 1].L) + 1));
        }

        return offsets;
    }

    private readonly record struct Term(int Out, int X1, int X2, int WeightIndex, double Coefficient)
    {
        public double Weight(double[] weights) => WeightIndex < 0 ? 1.0 : weights[WeightIndex];
    }
}
