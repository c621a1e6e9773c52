using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Decompositions.Diagnostics;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Model;
using TensorGen.Validation;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Validation;

/// <summary>
/// Checks a decomposition declaration and, when it is sound, lowers and plans it: the method's shape (TG0209), the
/// operation (TG0201), the size arguments (TG0202–TG0206), the signature (TG0207) and the element types (TG0208).
/// Every independent problem is reported, not just the first.
/// </summary>
internal static class DecompositionValidator
{
    public static DecompositionValidation Validate(DecompositionMethodModel declaration)
    {
        KernelMethodShape method = declaration.Method;
        var diagnostics = new List<DiagnosticInfo>();
        if (declaration.AttributeHasErrors)
        {
            // The compiler reports the attribute's own errors; there is nothing sound to check.
            return new DecompositionValidation(diagnostics, null);
        }

        MethodShapeCheck.Check(method, "[" + declaration.AttributeName + "]", s_methodShape, diagnostics);
        DecompositionFormat format = declaration.Format;
        DecompositionOperation? operation = OperationTable.Of(format, declaration.OperationValue);
        if (operation is null)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.UnknownOperation,
                $"[{declaration.AttributeName}] on '{method.DisplayName}' names operation {declaration.OperationValue.ToString(CultureInfo.InvariantCulture)}, "
                + $"which is not a member of {OperationTable.EnumName(format)}. Name a member, e.g. {OperationTable.EnumName(format)}.Reconstruct.",
                declaration.OperationLocation ?? method.Location));
        }

        bool isTrainMatrix = format == DecompositionFormat.TensorTrainMatrix;
        SizeList? shape = Parse(declaration, declaration.Shape, isTrainMatrix ? 'x' : null, isTrainMatrix, "Shape", isTrainMatrix ? "2x2,2x2,2x2" : "128,128,128", diagnostics);
        SizeList? ranks = Parse(declaration, declaration.Ranks, null, false, "Ranks", RanksExample(format), diagnostics);
        SizeList? trainRanks = Parse(declaration, declaration.TrainRanks, null, false, "TrainRanks", "4,4", diagnostics);
        SizeList? modes = Parse(declaration, declaration.Modes, ':', false, "Modes", "0,2", diagnostics);
        bool isStatic = declaration.Shape.Value is not null || declaration.Ranks.Value is not null || declaration.TrainRanks.Value is not null;

        int order = CheckOrder(declaration, shape, diagnostics);
        if (order > MaxOrder(format))
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                $"Order {order.ToString(CultureInfo.InvariantCulture)} is above {MaxOrder(format).ToString(CultureInfo.InvariantCulture)}, the most a "
                + $"[{declaration.AttributeName}] kernel takes (its network is planned at build time). Split the tensor or use the run-time formats.",
                declaration.OrderLocation ?? declaration.Shape.Location ?? method.Location));
            order = -1;
        }

        if (order > 0)
        {
            CheckCount(declaration, ranks, declaration.Ranks, RankCount(format, order), "Ranks", RanksMeaning(format), diagnostics);
            CheckCount(declaration, trainRanks, declaration.TrainRanks, order - 1, "TrainRanks", "the tensor-train operands' inner bonds (N - 1)", diagnostics);
        }

        if (operation is { } op)
        {
            CheckStaticCompleteness(declaration, op, isStatic, diagnostics);
            CheckModes(declaration, op, modes, order, isStatic, diagnostics);
        }

        CheckPositive(declaration, shape, declaration.Shape, "size", diagnostics);
        CheckPositive(declaration, ranks, declaration.Ranks, "rank", diagnostics);
        CheckPositive(declaration, trainRanks, declaration.TrainRanks, "rank", diagnostics);
        if (modes is not null)
        {
            foreach (SizeEntry entry in modes.Entries.Where(e => e.Second is < 1))
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.SizeOutOfRange,
                    $"Mode {entry.Value.ToString(CultureInfo.InvariantCulture)}'s matrix has {entry.Second!.Value.ToString(CultureInfo.InvariantCulture)} rows; sizes are at least 1.",
                    declaration.Modes.LocationOf(entry.Position, entry.Length) ?? method.Location));
            }
        }

        if (operation is not { } known || order <= 0 || (modes is null && declaration.Modes.Value is not null))
        {
            return new DecompositionValidation(diagnostics, null);
        }

        int modeCount = modes?.Count ?? 0;
        OperationSignature signature = OperationSignature.For(format, known, modeCount, order, isStatic);
        DecompositionElement? element = CheckSignature(declaration, known, signature, isStatic, diagnostics);
        if (diagnostics.Count > 0 || element is not { } elementType)
        {
            return new DecompositionValidation(diagnostics, null);
        }

        var spec = new OperationSpec(format, known, order, (modes?.Firsts ?? new long[0]).Select(m => (int)m).ToEquatableArray());
        DecompositionKernel? kernel = StaticShapes.Build(declaration, spec, signature, elementType, isStatic, shape, ranks, trainRanks, modes, diagnostics);
        return new DecompositionValidation(diagnostics, diagnostics.Count == 0 ? kernel : null);
    }

    /// <summary>TG0209, in the decomposition kernels' words (they may return a value: a norm, an inner product).</summary>
    private static readonly MethodShapeRules s_methodShape = new(
        DecompositionDiagnosticIds.NotStaticPartial,
        NotStatic: "A decomposition kernel is 'static partial'; add 'static'.",
        ReturnsValue: null,
        Generic: "Kernels are generated for one element type; remove the type parameters and choose float, double or Complex.",
        NotPartial: _ => "Declare it 'static partial' without a body so that TensorGen can implement it.",
        HasBody: _ => "TensorGen writes the body; remove yours.",
        FileLocalType: "; its generated part would be in another file. Remove 'file'.");

    /// <summary>Parses one size argument; TG0202 when it does not parse. Null when absent or malformed.</summary>
    private static SizeList? Parse(DecompositionMethodModel declaration, AttributeArgumentModel argument, char? separator, bool secondRequired,
        string what, string example, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        if (argument.Value is null)
        {
            return null;
        }

        if (argument.Value.Trim().Length == 0)
        {
            // No entries: a one-core train's Ranks, or an error the count check reports.
            return SizeList.None;
        }

        SizeList list = SizeList.Parse(argument.Value, separator, secondRequired, what, example);
        if (list.Error is { } error)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.MalformedSizes, error.Message,
                argument.LocationOf(error.Position, error.Length) ?? method.Location));
            return null;
        }

        return list;
    }

    private static int CheckOrder(DecompositionMethodModel declaration, SizeList? shape, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        string attribute = "[" + declaration.AttributeName + "]";
        if (declaration.Order < 0 || (declaration.Order == 0 && declaration.OrderLocation is not null))
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                $"{attribute} on '{method.DisplayName}' has Order = {declaration.Order.ToString(CultureInfo.InvariantCulture)}; a decomposed tensor has at least one mode.",
                declaration.OrderLocation ?? method.Location));
            return -1;
        }

        if (declaration.Order > 0)
        {
            if (shape is not null && shape.Count != declaration.Order)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                    $"Shape gives {Count(shape.Count, "mode")} but Order is {declaration.Order.ToString(CultureInfo.InvariantCulture)}. Give one Shape entry per mode (or drop Order: Shape implies it).",
                    declaration.Shape.Location ?? method.Location));
                return -1;
            }

            return declaration.Order;
        }

        if (shape is not null && shape.Count > 0)
        {
            return shape.Count;
        }

        if (declaration.Shape.Value is null)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                $"{attribute} on '{method.DisplayName}' gives neither Order nor Shape, so the number of modes is unknown. Add Order = N (dynamic sizes) or Shape and Ranks (static sizes).",
                method.Location));
        }
        else if (shape is not null)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                "Shape is empty; a decomposed tensor has at least one mode.", declaration.Shape.Location ?? method.Location));
        }

        return -1;
    }

    private static void CheckCount(DecompositionMethodModel declaration, SizeList? list, AttributeArgumentModel argument, int expected, string what,
        string meaning, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        if (list is not null && list.Count != expected)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.OrderMismatch,
                $"{what} has {Count(list.Count, "entry", "entries")} but {Count(expected, "is", "are")} needed: {meaning}.",
                argument.Location ?? method.Location));
        }
    }

    private static void CheckStaticCompleteness(DecompositionMethodModel declaration, DecompositionOperation operation, bool isStatic, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        bool takesTrains = operation is DecompositionOperation.Apply or DecompositionOperation.Expectation;
        if (declaration.TrainRanks.Value is not null && !takesTrains)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.IncompleteStaticSizes,
                $"TrainRanks gives the ranks of the tensor-train operands of Apply and Expectation; {operation} has none. Remove TrainRanks.",
                declaration.TrainRanks.Location ?? method.Location));
        }

        if (!isStatic)
        {
            return;
        }

        if (declaration.Shape.Value is null || declaration.Ranks.Value is null)
        {
            AttributeArgumentModel given = declaration.Shape.Value is not null ? declaration.Shape : declaration.Ranks.Value is not null ? declaration.Ranks : declaration.TrainRanks;
            string missing = declaration.Shape.Value is null && declaration.Ranks.Value is null ? "Shape and Ranks" : declaration.Shape.Value is null ? "Shape" : "Ranks";
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.IncompleteStaticSizes,
                $"Static sizes are partly given: {missing} {(missing.Contains(" and ") ? "are" : "is")} missing. The static form needs Shape and Ranks; remove the size arguments for the dynamic form.",
                given.Location ?? method.Location));
        }
        else if (takesTrains && declaration.TrainRanks.Value is null)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.IncompleteStaticSizes,
                $"A static {operation} also needs the tensor-train operands' bonds: add TrainRanks (N - 1 entries), or remove Shape and Ranks for the dynamic form.",
                declaration.Ranks.Location ?? method.Location));
        }
    }

    private static void CheckModes(DecompositionMethodModel declaration, DecompositionOperation operation, SizeList? modes, int order, bool isStatic,
        List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        bool takesModes = operation is DecompositionOperation.ModeProduct or DecompositionOperation.ModeVectorProduct or DecompositionOperation.Mttkrp;
        if (!takesModes)
        {
            if (declaration.Modes.Value is not null)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.InvalidModes,
                    $"{operation} acts on the whole tensor and takes no Modes; remove Modes.", declaration.Modes.Location ?? method.Location));
            }

            return;
        }

        if (declaration.Modes.Value is null || (modes is not null && modes.Count == 0))
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.InvalidModes,
                $"{operation} needs the modes it acts on: add Modes, e.g. Modes = \"{(operation == DecompositionOperation.Mttkrp ? "0" : "0,2")}\".",
                declaration.Modes.Location ?? method.Location));
            return;
        }

        if (modes is null)
        {
            return;
        }

        if (operation == DecompositionOperation.Mttkrp && modes.Count != 1)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.InvalidModes,
                $"Mttkrp is taken along one mode, but Modes lists {modes.Count.ToString(CultureInfo.InvariantCulture)}. Declare one kernel per mode.",
                declaration.Modes.Location ?? method.Location));
        }

        var seen = new HashSet<long>();
        foreach (SizeEntry entry in modes.Entries)
        {
            LocationInfo? at = declaration.Modes.LocationOf(entry.Position, entry.Length) ?? method.Location;
            if (order > 0 && (entry.Value < 0 || entry.Value >= order))
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.InvalidModes,
                    $"Mode {entry.Value.ToString(CultureInfo.InvariantCulture)} does not exist: a tensor of order {order.ToString(CultureInfo.InvariantCulture)} has modes 0..{(order - 1).ToString(CultureInfo.InvariantCulture)}.", at));
            }
            else if (!seen.Add(entry.Value))
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.InvalidModes,
                    $"Mode {entry.Value.ToString(CultureInfo.InvariantCulture)} is listed twice; list each mode once.", at));
            }

            bool wantsRows = isStatic && operation == DecompositionOperation.ModeProduct;
            if (wantsRows && entry.Second is null)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.IncompleteStaticSizes,
                    $"A static ModeProduct needs each matrix's row count: write \"{entry.Value.ToString(CultureInfo.InvariantCulture)}:m\".", at));
            }
            else if (!wantsRows && entry.Second is not null)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.IncompleteStaticSizes,
                    isStatic || operation != DecompositionOperation.ModeProduct
                        ? $"Only a static ModeProduct's modes take a row count; write \"{entry.Value.ToString(CultureInfo.InvariantCulture)}\"."
                        : $"A row count belongs to the static form; without Shape and Ranks write \"{entry.Value.ToString(CultureInfo.InvariantCulture)}\" (the matrix's size is read at run time).",
                    at));
            }
        }
    }

    private static void CheckPositive(DecompositionMethodModel declaration, SizeList? list, AttributeArgumentModel argument, string what, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        foreach (SizeEntry entry in list?.Entries ?? new SizeEntry[0])
        {
            if (entry.Value < 1 || entry.Second is < 1)
            {
                long bad = entry.Value < 1 ? entry.Value : entry.Second!.Value;
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.SizeOutOfRange,
                    $"A {what} of {bad.ToString(CultureInfo.InvariantCulture)}: sizes and ranks are at least 1.",
                    argument.LocationOf(entry.Position, entry.Length) ?? method.Location));
            }
            else if (entry.Value > int.MaxValue || entry.Second > int.MaxValue)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.SizeOutOfRange,
                    $"A {what} above {int.MaxValue.ToString(CultureInfo.InvariantCulture)} cannot index a span; use smaller sizes.",
                    argument.LocationOf(entry.Position, entry.Length) ?? method.Location));
            }
        }
    }

    /// <summary>TG0207 and TG0208; the common element type when the signature is right.</summary>
    private static DecompositionElement? CheckSignature(DecompositionMethodModel declaration, DecompositionOperation operation, OperationSignature signature,
        bool isStatic, List<DiagnosticInfo> diagnostics)
    {
        KernelMethodShape method = declaration.Method;
        int before = diagnostics.Count;
        var typed = declaration.ParameterTypes.Append(declaration.ReturnType)
            .Where(t => t.Kind is not (DecompositionTypeKind.Other or DecompositionTypeKind.Void or DecompositionTypeKind.Element)).ToList();
        DecompositionElement element = typed.Select(t => t.Element).FirstOrDefault(e => e is DecompositionElement.Single or DecompositionElement.Double or DecompositionElement.Complex);
        string shown = element switch
        {
            DecompositionElement.Single => "float",
            DecompositionElement.Complex => "Complex",
            _ => "double",
        };
        string expected = signature.Text(method.Name.TrimStart('@'), shown);
        string form = isStatic
            ? "Shape and Ranks are given, so this is the static form: dense operands are ReadOnlySpan<T> and a dense result a Span<T>"
            : "without Shape and Ranks this is the dynamic form: dense operands are ReadOnlyTensorSpan<T> and a dense result a TensorSpan<T>";

        if (method.Parameters.Count != signature.Parameters.Count)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.WrongSignature,
                $"'{method.DisplayName}' has {Count(method.Parameters.Count, "parameter")}, but {operation} takes {signature.Parameters.Count.ToString(CultureInfo.InvariantCulture)}: {expected}.",
                method.Location));
        }
        else
        {
            for (int i = 0; i < signature.Parameters.Count; i++)
            {
                ParameterModel p = method.Parameters[i];
                DecompositionTypeModel type = declaration.ParameterTypes[i];
                DecompositionTypeKind wanted = signature.Parameters[i].Kind;
                if (p.Modifier.Length > 0)
                {
                    diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.WrongSignature,
                        $"Parameter '{p.DisplayName}' is declared '{p.Modifier}'. Decomposition kernels take their parameters by value; remove '{p.Modifier}'.", p.Location));
                }
                else if (type.Kind != wanted)
                {
                    bool spanOfOtherForm = type.Kind is DecompositionTypeKind.ReadOnlySpan or DecompositionTypeKind.Span or DecompositionTypeKind.ReadOnlyTensorSpan or DecompositionTypeKind.TensorSpan
                        && wanted is DecompositionTypeKind.ReadOnlySpan or DecompositionTypeKind.Span or DecompositionTypeKind.ReadOnlyTensorSpan or DecompositionTypeKind.TensorSpan;
                    diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.WrongSignature,
                        $"Parameter '{p.DisplayName}' is {type.Display}, but {operation} takes {OperationSignature.KindText(wanted, shown)} here"
                        + (spanOfOtherForm ? $" ({form})" : string.Empty) + $": {expected}.",
                        p.TypeLocation ?? p.Location ?? method.Location));
                }
            }
        }

        if (declaration.ReturnType.Kind != signature.ReturnKind)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.WrongSignature,
                $"'{method.DisplayName}' returns {declaration.ReturnType.Display}, but {operation} returns {signature.ReturnText(shown)}: {expected}.",
                method.Location));
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        for (int i = 0; i < method.Parameters.Count; i++)
        {
            ParameterModel p = method.Parameters[i];
            DecompositionTypeModel type = declaration.ParameterTypes[i];
            if (type.Element is DecompositionElement.Other or DecompositionElement.None)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.UnsupportedElementType,
                    $"Parameter '{p.DisplayName}' has element type '{type.ElementDisplay}'. Decomposition kernels support float, double and System.Numerics.Complex.",
                    p.TypeLocation ?? method.Location));
            }
            else if (type.Element != element)
            {
                diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.UnsupportedElementType,
                    $"Parameter '{p.DisplayName}' has element type {type.ElementDisplay}, but the kernel's is {shown}. All parameters share one element type.",
                    p.TypeLocation ?? method.Location));
            }
        }

        DecompositionElement returned = signature.ReturnsRealPart && element == DecompositionElement.Complex ? DecompositionElement.Double : element;
        if (signature.ReturnKind != DecompositionTypeKind.Void && declaration.ReturnType.Element != returned && diagnostics.Count == before)
        {
            diagnostics.Add(new DiagnosticInfo(DecompositionDiagnosticIds.UnsupportedElementType,
                $"'{method.DisplayName}' returns {declaration.ReturnType.Display}, but with {shown} elements {operation} returns {signature.ReturnText(shown)}.",
                method.Location));
        }

        return diagnostics.Count > before ? null : element;
    }

    /// <summary>The largest order a kernel is generated for: CP and Tucker networks are planned greedily, trains by sweeps.</summary>
    private static int MaxOrder(DecompositionFormat format) =>
        format is DecompositionFormat.Cp or DecompositionFormat.Tucker ? 32 : 64;

    private static int RankCount(DecompositionFormat format, int order) => format switch
    {
        DecompositionFormat.Cp => 1,
        DecompositionFormat.Tucker => order,
        _ => order - 1,
    };

    private static string RanksMeaning(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => "the CP rank R",
        DecompositionFormat.Tucker => "one rank per mode (the core's shape)",
        _ => "the N - 1 inner bond ranks (the boundary bonds are 1)",
    };

    private static string RanksExample(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => "32",
        DecompositionFormat.Tucker => "16,16,16",
        _ => "4,8,4",
    };

    private static string Count(int n, string noun, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : plural ?? noun + "s");
}
