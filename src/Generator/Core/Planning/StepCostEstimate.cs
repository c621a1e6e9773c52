using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// The static form's coarse cycle model of one pairwise (or unary) step, which picks its kernel family in the generator
/// (Einsum/Emit/KernelChoice) and which <c>tensorgen explain</c> prints as the reason for that choice.
/// </summary>
/// <remarks>
/// Estimates in cycles, as TensorGen.Runtime's GemmCostModel makes them: the GEMM engine needs one 16-lane vector FMA per
/// 6 × 16 tile and depth step, plus packing both operands and ~600 cycles of setup; a constant-bound loop nest about one
/// cycle per multiply-add and two per result element. Steps of at most <see cref="UnrollLimit"/> multiply-adds and
/// <see cref="UnrolledStatementLimit"/> results are written out as straight-line code (no loop or dispatch overhead).
/// </remarks>
internal sealed class StepCostEstimate
{
    /// <summary>The most multiply-adds of a step written out as straight-line code.</summary>
    public const long UnrollLimit = 2048;

    /// <summary>The most result elements (statements) of a step written out as straight-line code.</summary>
    public const long UnrolledStatementLimit = 256;

    private StepCostEstimate(double multiplyAdds, double outputs, double gemmCycles, double loopNestCycles, bool isUnary)
    {
        MultiplyAdds = multiplyAdds;
        Outputs = outputs;
        GemmCycles = gemmCycles;
        LoopNestCycles = loopNestCycles;
        IsUnary = isUnary;
    }

    /// <summary>The product of the sizes of every index the step touches.</summary>
    public double MultiplyAdds { get; }

    /// <summary>The step's result elements.</summary>
    public double Outputs { get; }

    /// <summary>The GEMM engine's estimate (batch × (tiles × depth + packing) + setup).</summary>
    public double GemmCycles { get; }

    /// <summary>A constant-bound loop nest's estimate (a cycle per multiply-add, two per result).</summary>
    public double LoopNestCycles { get; }

    public bool IsUnary { get; }

    /// <summary>Small enough to write out as straight-line code.</summary>
    public bool Unrolls => MultiplyAdds <= UnrollLimit && Outputs <= UnrolledStatementLimit;

    /// <summary>The GEMM engine is cheaper than a loop nest (never for a unary step or an empty one).</summary>
    public bool PrefersGemm => !IsUnary && MultiplyAdds != 0 && GemmCycles < LoopNestCycles;

    public static StepCostEstimate Of(ContractionStep step, IReadOnlyDictionary<string, long> sizes)
    {
        var involved = step.LeftLabels.Concat(step.RightLabels).Distinct().ToList();
        double multiplyAdds = involved.Aggregate(1.0, (product, label) => product * sizes[label]);
        double outputs = step.ResultLabels.Aggregate(1.0, (product, label) => product * sizes[label]);

        // GEMM view: rows are the left operand's kept indices, columns the right's, depth the summed ones, batch the shared kept ones.
        double Extent(Func<string, bool> selects) => involved.Where(selects).Aggregate(1.0, (product, label) => product * sizes[label]);
        bool InLeft(string l) => step.LeftLabels.Contains(l);
        bool InRight(string l) => step.RightLabels.Contains(l);
        bool Kept(string l) => step.ResultLabels.Contains(l);
        double batch = Extent(l => InLeft(l) && InRight(l) && Kept(l));
        double rows = Extent(l => InLeft(l) && !InRight(l) && Kept(l));
        double columns = Extent(l => !InLeft(l) && InRight(l) && Kept(l));
        double depth = Extent(l => !Kept(l));
        double gemm = 600 + (batch * ((depth * Math.Ceiling(rows / 6) * ((Math.Ceiling(columns / 16) * 6) + 1)) + (rows * depth) + (depth * columns)));
        double loopNest = multiplyAdds + (2 * outputs);
        return new StepCostEstimate(multiplyAdds, outputs, gemm, loopNest, step.IsUnary);
    }
}
