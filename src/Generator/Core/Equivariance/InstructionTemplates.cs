using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// Derives instructions (and, where the product determines them, the output irreps) the way e3nn's
/// FullyConnectedTensorProduct, ElementwiseTensorProduct and FullTensorProduct, and NequIP's and MACE's
/// convolutions do (e3nn <c>o3/_tensor_product/_sub.py</c>; MACE <c>tp_out_irreps_with_instructions</c>).
/// For the derived-output kinds the written output irreps only filter which irreps may appear (empty: all).
/// </summary>
internal static class InstructionTemplates
{
    public sealed class Derived
    {
        public Derived(Irreps irreps1, Irreps irreps2, Irreps irrepsOut, IReadOnlyList<TensorProductInstruction> instructions)
        {
            Irreps1 = irreps1;
            Irreps2 = irreps2;
            IrrepsOut = irrepsOut;
            Instructions = instructions;
        }

        public Irreps Irreps1 { get; }

        public Irreps Irreps2 { get; }

        public Irreps IrrepsOut { get; }

        public IReadOnlyList<TensorProductInstruction> Instructions { get; }
    }

    /// <summary>
    /// Every (i1, i2, iout) whose irreps couple, in that loop order, as a weighted uvw path; it stops after
    /// <paramref name="maxPaths"/> + 1 paths (the caller refuses the product then).
    /// </summary>
    public static Derived FullyConnected(Irreps irreps1, Irreps irreps2, Irreps irrepsOut, int maxPaths)
    {
        var instructions = new List<TensorProductInstruction>();
        for (int i1 = 0; i1 < irreps1.Count && instructions.Count <= maxPaths; i1++)
        {
            for (int i2 = 0; i2 < irreps2.Count && instructions.Count <= maxPaths; i2++)
            {
                for (int o = 0; o < irrepsOut.Count && instructions.Count <= maxPaths; o++)
                {
                    if (irreps1[i1].Irrep.CouplesTo(irreps2[i2].Irrep, irrepsOut[o].Irrep))
                    {
                        instructions.Add(new TensorProductInstruction(i1, i2, o, ConnectionMode.Uvw, hasWeight: true));
                    }
                }
            }
        }

        return new Derived(irreps1, irreps2, irrepsOut, instructions);
    }

    /// <summary>
    /// Simplifies both inputs, splits blocks until their multiplicities pair up, and couples block i of x1 with
    /// block i of x2 into every allowed irrep (uuu, no weights). Null when the inputs hold different numbers of irreps.
    /// </summary>
    public static Derived? Elementwise(Irreps irreps1, Irreps irreps2, Irreps? filter)
    {
        var blocks1 = irreps1.Simplify().Blocks.ToList();
        var blocks2 = irreps2.Simplify().Blocks.ToList();
        if (blocks1.Sum(b => (long)b.Mul) != blocks2.Sum(b => (long)b.Mul))
        {
            return null;
        }

        for (int i = 0; i < blocks1.Count; i++)
        {
            int mul1 = blocks1[i].Mul;
            int mul2 = blocks2[i].Mul;
            if (mul1 < mul2)
            {
                blocks2[i] = new MulIrrep(mul1, blocks2[i].Irrep);
                blocks2.Insert(i + 1, new MulIrrep(mul2 - mul1, blocks2[i].Irrep));
            }
            else if (mul2 < mul1)
            {
                blocks1[i] = new MulIrrep(mul2, blocks1[i].Irrep);
                blocks1.Insert(i + 1, new MulIrrep(mul1 - mul2, blocks1[i].Irrep));
            }
        }

        var output = new List<MulIrrep>();
        var instructions = new List<TensorProductInstruction>();
        for (int i = 0; i < blocks1.Count; i++)
        {
            foreach (Irrep irrep in Products(blocks1[i].Irrep, blocks2[i].Irrep, filter))
            {
                instructions.Add(new TensorProductInstruction(i, i, output.Count, ConnectionMode.Uuu, hasWeight: false));
                output.Add(new MulIrrep(blocks1[i].Mul, irrep));
            }
        }

        return new Derived(new Irreps(blocks1), new Irreps(blocks2), new Irreps(output), instructions);
    }

    /// <summary>
    /// Every pair of (simplified) blocks into every allowed irrep (uvuv, no weights); the output sorted by irrep.
    /// Null when the output would exceed <see cref="IrrepsParser.MaxDim"/> features; it stops after <paramref name="maxPaths"/> + 1 paths.
    /// </summary>
    public static Derived? Full(Irreps irreps1, Irreps irreps2, Irreps? filter, int maxPaths)
    {
        Irreps simple1 = irreps1.Simplify();
        Irreps simple2 = irreps2.Simplify();
        long dim = 0;
        var output = new List<MulIrrep>();
        var instructions = new List<TensorProductInstruction>();
        for (int i1 = 0; i1 < simple1.Count; i1++)
        {
            for (int i2 = 0; i2 < simple2.Count; i2++)
            {
                foreach (Irrep irrep in Products(simple1[i1].Irrep, simple2[i2].Irrep, filter))
                {
                    long mul = (long)simple1[i1].Mul * simple2[i2].Mul;
                    dim += mul * irrep.Dim;
                    if (dim > IrrepsParser.MaxDim)
                    {
                        return null;
                    }

                    instructions.Add(new TensorProductInstruction(i1, i2, output.Count, ConnectionMode.Uvuv, hasWeight: false));
                    output.Add(new MulIrrep((int)mul, irrep));
                    if (instructions.Count > maxPaths)
                    {
                        return Sorted(simple1, simple2, output, instructions);
                    }
                }
            }
        }

        return Sorted(simple1, simple2, output, instructions);
    }

    /// <summary>
    /// Every (i1, i2, irrep) allowed by the filter into its own block of x1's multiplicity (uvu, weighted); the output
    /// sorted by irrep. Null when the output would exceed <see cref="IrrepsParser.MaxDim"/> features; it stops after <paramref name="maxPaths"/> + 1 paths.
    /// </summary>
    public static Derived? Channelwise(Irreps irreps1, Irreps irreps2, Irreps? filter, int maxPaths)
    {
        long dim = 0;
        var output = new List<MulIrrep>();
        var instructions = new List<TensorProductInstruction>();
        for (int i1 = 0; i1 < irreps1.Count; i1++)
        {
            for (int i2 = 0; i2 < irreps2.Count; i2++)
            {
                foreach (Irrep irrep in Products(irreps1[i1].Irrep, irreps2[i2].Irrep, filter))
                {
                    dim += (long)irreps1[i1].Mul * irrep.Dim;
                    if (dim > IrrepsParser.MaxDim)
                    {
                        return null;
                    }

                    instructions.Add(new TensorProductInstruction(i1, i2, output.Count, ConnectionMode.Uvu, hasWeight: true));
                    output.Add(new MulIrrep(irreps1[i1].Mul, irrep));
                    if (instructions.Count > maxPaths)
                    {
                        return Sorted(irreps1, irreps2, output, instructions);
                    }
                }
            }
        }

        return Sorted(irreps1, irreps2, output, instructions);
    }

    /// <summary>The irreps of a ⊗ b in increasing l, kept when the filter (if any) has them.</summary>
    private static IEnumerable<Irrep> Products(Irrep a, Irrep b, Irreps? filter)
    {
        for (int l = System.Math.Abs(a.L - b.L); l <= a.L + b.L; l++)
        {
            var irrep = new Irrep(l, a.Parity * b.Parity);
            if (filter is null || filter.Contains(irrep))
            {
                yield return irrep;
            }
        }
    }

    private static Derived Sorted(Irreps irreps1, Irreps irreps2, List<MulIrrep> output, List<TensorProductInstruction> instructions)
    {
        (Irreps sorted, int[] permutation) = new Irreps(output).Sort();
        return new Derived(irreps1, irreps2, sorted, instructions.Select(i => i.WithOut(permutation[i.Out])).ToList());
    }
}
