using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Decompositions.Diagnostics;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Validation;

/// <summary>
/// Lowers and plans a validated declaration. In the static form it first derives every parameter's shape from
/// Shape, Ranks, TrainRanks and the mode products' row counts, so the planner sees the real sizes and the emitter can
/// specialize the loops; TG0206 when an operand, the result or an intermediate would not fit in a span.
/// </summary>
internal static class StaticShapes
{
    public static DecompositionKernel? Build(DecompositionMethodModel declaration, OperationSpec spec, OperationSignature signature,
        DecompositionElement element, bool isStatic, SizeList? shape, SizeList? ranks, SizeList? trainRanks, SizeList? modes,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        int parameters = method.Parameters.Count;
        var formatShapes = new FormatShape?[parameters];
        var denseShapes = new long[]?[parameters];
        LoweredContraction lowered = spec.Operation == DecompositionOperation.Apply
            ? DecompositionLowering.LowerApplyCore()
            : DecompositionLowering.Lower(spec);

        if (!isStatic)
        {
            ContractionPlan plan = lowered.Plan(lowered.AssumedSizes(), sizesKnown: false);
            return new DecompositionKernel(declaration, spec, signature, element, new[] { new ContractionUnit(lowered, plan, null, new int[0]) },
                formatShapes, denseShapes);
        }

        FormatShape self = Declared(spec.Format, shape!, ranks!);
        FormatShape? rowTrain = null, columnTrain = null;
        if (trainRanks is not null)
        {
            rowTrain = Train(self.Modes, trainRanks);
            columnTrain = Train(self.Columns, trainRanks);
        }

        long[] modeSizes = self.Modes.ToArray();
        int last = parameters - 1;
        switch (spec.Operation)
        {
            case DecompositionOperation.Reconstruct:
                formatShapes[0] = self;
                denseShapes[last] = modeSizes.Concat(self.Columns).ToArray();
                break;
            case DecompositionOperation.ModeProduct:
            {
                formatShapes[0] = self;
                long[] result = modeSizes.ToArray();
                for (int i = 0; i < spec.Modes.Count; i++)
                {
                    long rows = modes!.Entries[i].Second!.Value;
                    denseShapes[1 + i] = new[] { rows, modeSizes[spec.Modes[i]] };
                    result[spec.Modes[i]] = rows;
                }

                denseShapes[last] = result;
                break;
            }

            case DecompositionOperation.ModeVectorProduct:
                formatShapes[0] = self;
                for (int i = 0; i < spec.Modes.Count; i++)
                {
                    denseShapes[1 + i] = new[] { modeSizes[spec.Modes[i]] };
                }

                if (signature.HasResultParameter)
                {
                    denseShapes[last] = modeSizes.Where((_, k) => !spec.Modes.Contains(k)).ToArray();
                }

                break;
            case DecompositionOperation.Inner:
                formatShapes[0] = self;
                formatShapes[1] = self;
                break;
            case DecompositionOperation.Norm:
                formatShapes[0] = self;
                break;
            case DecompositionOperation.Mttkrp:
                denseShapes[0] = modeSizes;
                formatShapes[1] = self;
                denseShapes[2] = new[] { modeSizes[spec.Modes[0]], self.Ranks[0] };
                break;
            case DecompositionOperation.MatVec:
                formatShapes[0] = self;
                denseShapes[1] = self.Columns.ToArray();
                denseShapes[2] = modeSizes;
                break;
            case DecompositionOperation.Apply:
                formatShapes[0] = self;
                formatShapes[1] = columnTrain;
                break;
            case DecompositionOperation.Expectation:
                formatShapes[0] = rowTrain;
                formatShapes[1] = self;
                formatShapes[2] = columnTrain;
                break;
        }

        var units = new List<ContractionUnit>();
        if (spec.Operation == DecompositionOperation.Apply)
        {
            // Core by core: one specialized kernel per distinct pair of core shapes (the boundary cores differ).
            var byShapes = new Dictionary<string, List<int>>();
            var order = new List<string>();
            for (int k = 0; k < spec.Order; k++)
            {
                string key = string.Join(",", self.ComponentShape(OperandPart.TrainCore, k)) + "|" + string.Join(",", columnTrain!.ComponentShape(OperandPart.TrainCore, k));
                if (!byShapes.TryGetValue(key, out List<int>? cores))
                {
                    byShapes[key] = cores = new List<int>();
                    order.Add(key);
                }

                cores.Add(k);
            }

            foreach (string key in order)
            {
                int k = byShapes[key][0];
                var shapes = new[] { self.ComponentShape(OperandPart.TrainCore, k), columnTrain!.ComponentShape(OperandPart.TrainCore, k) };
                units.Add(Unit(lowered, shapes, byShapes[key]));
            }
        }
        else
        {
            var shapes = lowered.Operands.Select(o => formatShapes[o.Source]?.ComponentShape(o.Part, o.Index) ?? denseShapes[o.Source]!).ToArray();
            units.Add(Unit(lowered, shapes, new int[0]));
        }

        CheckFits(declaration, units, formatShapes, denseShapes, diagnostics);
        return new DecompositionKernel(declaration, spec, signature, element, units, formatShapes, denseShapes);
    }

    private static ContractionUnit Unit(LoweredContraction lowered, long[][] shapes, IReadOnlyList<int> cores)
    {
        Dictionary<string, long> sizes = lowered.SizesFrom(shapes);
        return new ContractionUnit(lowered, lowered.Plan(sizes, sizesKnown: true), sizes, cores);
    }

    private static FormatShape Declared(DecompositionFormat format, SizeList shape, SizeList ranks)
    {
        long[] modes = shape.Firsts;
        long[] columns = format == DecompositionFormat.TensorTrainMatrix ? shape.Entries.Select(e => e.Second!.Value).ToArray() : new long[0];
        long[] declared = ranks.Firsts;
        long[] normalized = format is DecompositionFormat.TensorTrain or DecompositionFormat.TensorTrainMatrix
            ? new[] { 1L }.Concat(declared).Concat(new[] { 1L }).ToArray()
            : declared;
        return new FormatShape(format, modes.ToEquatableArray(), columns.ToEquatableArray(), normalized.ToEquatableArray());
    }

    private static FormatShape Train(IEnumerable<long> modes, SizeList bonds) =>
        new(DecompositionFormat.TensorTrain, modes.ToEquatableArray(), EquatableArray<long>.Empty,
            new[] { 1L }.Concat(bonds.Firsts).Concat(new[] { 1L }).ToEquatableArray());

    /// <summary>TG0206 when a component, a dense operand, the result or an intermediate would exceed a span.</summary>
    private static void CheckFits(DecompositionMethodModel declaration, List<ContractionUnit> units, FormatShape?[] formatShapes, long[]?[] denseShapes,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        LocationInfo? at = declaration.Shape.Location ?? method.Location;
        string? problem = null;
        for (int p = 0; p < formatShapes.Length && problem is null; p++)
        {
            if (denseShapes[p] is { } dense && Elements(dense) > int.MaxValue)
            {
                problem = $"'{method.Parameters[p].DisplayName}' would have {Number(Elements(dense))} elements";
            }
        }

        foreach (ContractionUnit unit in units)
        {
            for (int i = 0; i < unit.Lowered.Operands.Count && problem is null; i++)
            {
                LoweredOperand operand = unit.Lowered.Operands[i];
                double count = Elements(operand.Labels.Select(l => unit.StaticSizes![l]));
                if (count > int.MaxValue)
                {
                    problem = $"{FormatShape.ComponentName(operand.Part, operand.Index)} of '{method.Parameters[operand.Source].DisplayName}' would have {Number(count)} elements";
                }
            }

            for (int k = 0; k < unit.Plan.Steps.Count && problem is null; k++)
            {
                if (unit.Plan.Steps[k].ResultSize > int.MaxValue)
                {
                    problem = $"step {(k + 1).ToString(CultureInfo.InvariantCulture)} of the plan ({unit.Plan.Steps[k].Contraction}) would make {Number(unit.Plan.Steps[k].ResultSize)} elements";
                }
            }
        }

        if (problem is not null)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.SizeOutOfRange,
                $"With these sizes {problem}, more than a span can hold ({int.MaxValue.ToString(CultureInfo.InvariantCulture)}). Use smaller sizes or ranks.", at));
        }
    }

    private static double Elements(IEnumerable<long> shape) => shape.Aggregate(1.0, (product, length) => product * length);

    private static string Number(double value) => PathInfo.Number(value);
}
