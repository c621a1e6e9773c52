using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Fuzz.Tests.Generator;
using TensorGen.Fuzz.Tests.Grammar;
using DK = TensorGen.Fuzz.Tests.Kernels.DeclaredKernels;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>A kernel family the fuzzer calls, and how it picks a kernel for each call.</summary>
/// <param name="Name">Shown in reports.</param>
/// <param name="Weight">Relative share of the calls.</param>
/// <param name="Draw">A kernel of the family for one call (a fixed one, or one made for the call).</param>
internal sealed record KernelFamily(string Name, int Weight, Func<Random, FuzzKernel> Draw);

/// <summary>
/// Every kernel family, as a table. A new family plugs in with an entry: a list of <see cref="FuzzKernel{T}"/> with a one-line
/// invoker each, a function that makes a kernel per call, or (for kernels that are not einsum) a <see cref="FuzzKernel"/> of its
/// own judged by <see cref="GuardedCall{T}"/> — the equivariant kernels' entries are in <see cref="EquivariantFamilies"/>.
/// </summary>
internal static class KernelFamilies
{
    public const string DeclaredDynamic = "generated dynamic form (declared in this project)";

    public const string DeclaredStatic = "generated static form (declared in this project)";

    public static IReadOnlyList<FuzzKernel> Dynamic { get; } =
    [
        D<float>("MatMulF", "ij,jk->ik", a => DK.MatMulF(a.In(0), a.In(1), a.Out)),
        D<double>("MatMulAccumulateD", "ij,jk->ik", a => DK.MatMulAccumulateD(a.In(0), a.In(1), a.Out), accumulate: true),
        D<float>("BatchedMatMulF", "bij,bjk->bik", a => DK.BatchedMatMulF(a.In(0), a.In(1), a.Out)),
        D<double>("TransposeD", "ij->ji", a => DK.TransposeD(a.In(0), a.Out)),
        D<double>("TraceD", "ii->", a => DK.TraceD(a.In(0), a.Out)),
        D<float>("PartialDiagonalF", "iij->ji", a => DK.PartialDiagonalF(a.In(0), a.Out)),
        D<float>("ImplicitTransposeF", "ba", a => DK.ImplicitTransposeF(a.In(0), a.Out)),
        D<double>("BroadcastMatMulD", "...ij,...jk->...ik", a => DK.BroadcastMatMulD(a.In(0), a.In(1), a.Out)),
        D<float>("TraceOuterAxesF", "i...i->...", a => DK.TraceOuterAxesF(a.In(0), a.Out)),
        D<float>("BroadcastDotAccumulateF", "...i,...i->...", a => DK.BroadcastDotAccumulateF(a.In(0), a.In(1), a.Out), accumulate: true),
        D<float>("DotF", "i,i->", a => DK.DotF(a.In(0), a.In(1), a.Out)),
        D<double>("OuterD", "i,j->ij", a => DK.OuterD(a.In(0), a.In(1), a.Out)),
        D<double>("ScaleD", ",i->i", a => DK.ScaleD(a.In(0), a.In(1), a.Out)),
        D<float>("ScalarCopyF", "->", a => DK.ScalarCopyF(a.In(0), a.Out)),
        D<float>("ChainF", "ab,bc,cd->ad", a => DK.ChainF(a.In(0), a.In(1), a.In(2), a.Out)),
        D<double>("BilinearD", "bn,anm,bm->ba", a => DK.BilinearD(a.In(0), a.In(1), a.In(2), a.Out)),
        D<double>("FourWayRotationD", "ea,fb,abcd,gc,hd->efgh", a => DK.FourWayRotationD(a.In(0), a.In(1), a.In(2), a.In(3), a.In(4), a.Out)),
        D<double>("UnicodeD", "αβ,β𝐀->α𝐀", a => DK.UnicodeD(a.In(0), a.In(1), a.Out)),
    ];

    public static IReadOnlyList<FuzzKernel> Static { get; } =
    [
        S<float>("StaticMatMulF", "ij,jk->ik", "i=3,j=4,k=2", a => DK.StaticMatMulF(a.Dense(0), a.Dense(1), a.DenseOut)),
        S<double>("StaticTraceD", "ii->", "i=4", a => DK.StaticTraceD(a.Dense(0), a.DenseOut)),
        S<float>("StaticPartialDiagonalF", "iij->ji", "i=3,j=2", a => DK.StaticPartialDiagonalF(a.Dense(0), a.DenseOut)),
        S<double>("StaticChainD", "ab,bc,cd->ad", "a=2,b=3,c=1,d=2", a => DK.StaticChainD(a.Dense(0), a.Dense(1), a.Dense(2), a.DenseOut)),
        S<float>("StaticDotAccumulateF", "i,i->", "i=7", a => DK.StaticDotAccumulateF(a.Dense(0), a.Dense(1), a.DenseOut), accumulate: true),
        S<double>("StaticEmptySumD", "ij,jk->ik", "i=2,j=0,k=3", a => DK.StaticEmptySumD(a.Dense(0), a.Dense(1), a.DenseOut)),
        S<float>("StaticScaleF", ",i->i", "i=4", a => DK.StaticScaleF(a.Dense(0), a.Dense(1), a.DenseOut)),
        S<double>("StaticDoubleContractionD", "abc,cba->", "a=2,b=3,c=2", a => DK.StaticDoubleContractionD(a.Dense(0), a.Dense(1), a.DenseOut)),
        S<float>("StaticRotateF", "ia,jb,abc->ijc", "i=2,j=3,a=2,b=2,c=3", a => DK.StaticRotateF(a.Dense(0), a.Dense(1), a.Dense(2), a.DenseOut)),
    ];

    public static IReadOnlyList<KernelFamily> All { get; } =
    [
        new(DeclaredDynamic, 30, random => FuzzText.Pick(random, Dynamic)),
        new(DeclaredStatic, 15, random => FuzzText.Pick(random, Static)),
        new(CompiledKernels.DynamicFamily, 12, random => FuzzText.Pick(random, CompiledKernels.Dynamic)),
        new(CompiledKernels.StaticFamily, 12, random => FuzzText.Pick(random, CompiledKernels.Static)),
        new("Einsum.Evaluate into a tensor span", 15, random => Evaluate(random, "Einsum.Evaluate into a tensor span", into: true, maxSize: 4)),
        new("Einsum.Evaluate to a new tensor", 12, random => Evaluate(random, "Einsum.Evaluate to a new tensor", into: false, maxSize: 4)),
        new("Einsum.Evaluate, sizes up to 24", 4, random => Evaluate(random, "Einsum.Evaluate, sizes up to 24", into: random.Next(2) == 0, maxSize: 24)),
        .. EquivariantFamilies.All,
        .. DecompositionFamilies.All,
    ];

    public static KernelFamily Draw(Random random)
    {
        int ticket = random.Next(All.Sum(f => f.Weight));
        return All.First(f => (ticket -= f.Weight) < 0);
    }

    /// <summary>A run-time expression for one call: random and valid, sometimes mutated into an invalid one.</summary>
    private static FuzzKernel Evaluate(Random random, string family, bool into, int maxSize)
    {
        // Larger sizes with fewer operands, so the reference interpreter's single loop stays quick.
        string expression = RandomExpressions.Next(random, maxOperands: maxSize > 4 ? 2 : 4, maxRank: 3, allowEllipsis: true);
        if (random.Next(7) == 0)
        {
            expression = FuzzText.Mutate(random, expression);
        }

        bool accumulate = into && random.Next(4) == 0;
        return random.Next(2) == 0
            ? EvaluateKernel<float>(family, expression, into, accumulate, maxSize)
            : EvaluateKernel<double>(family, expression, into, accumulate, maxSize);
    }

    private static FuzzKernel<T> EvaluateKernel<T>(string family, string expression, bool into, bool accumulate, int maxSize)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        into
            ? new(family, typeof(T).Name, expression, KernelForm.EvaluateInto, a => Einsum.Evaluate<T>(expression, a.Tensors, a.Out, accumulate), accumulate, maxSize: maxSize)
            : new(family, typeof(T).Name, expression, KernelForm.EvaluateNew, a => a.Return(Einsum.Evaluate<T>(expression, a.Tensors)), maxSize: maxSize);

    private static FuzzKernel<T> D<T>(string name, string expression, Action<KernelArguments<T>> invoke, bool accumulate = false)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(DeclaredDynamic, name, expression, KernelForm.Dynamic, invoke, accumulate);

    private static FuzzKernel<T> S<T>(string name, string expression, string sizes, Action<KernelArguments<T>> invoke, bool accumulate = false)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(DeclaredStatic, name, expression, KernelForm.Static, invoke, accumulate, ParseSizes(sizes));

    public static Dictionary<string, int> ParseSizes(string sizes) =>
        sizes.Length == 0 ? [] : sizes.Split(',').Select(e => e.Split('=')).ToDictionary(e => e[0].Trim(), e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));
}
