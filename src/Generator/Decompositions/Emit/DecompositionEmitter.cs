using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Decompositions.Validation;
using TensorGen.Emit;
using TensorGen.Model;

namespace TensorGen.Decompositions.Emit;

/// <summary>
/// Writes a decomposition kernel's file: the declared method, which checks its arguments, gathers the format's
/// components (conjugating the left side of an inner product for Complex elements) and calls the private einsum
/// kernel(s) of its lowered network, written by the einsum emitters.
/// </summary>
internal static class DecompositionEmitter
{
    private const string Checks = "global::TensorGen.Decompositions.DecompositionChecks.";
    private const string Tensors = "global::System.Numerics.Tensors.";

    public static string Emit(DecompositionKernel kernel)
    {
        DecompositionMethodModel declaration = kernel.Declaration;
        KernelMethodShape method = declaration.Method;
        var locals = new LocalNames(method.Parameters.Select(p => p.DisplayName)
            .Concat(method.ContainingTypes.SelectMany(t => t.TypeParameters).Select(tp => tp.Split(' ').Last().TrimStart('@'))));
        string value = locals.Allocate("value");
        string resultName = kernel.Signature.HasResultParameter ? method.Parameters[method.Parameters.Count - 1].Name : value;
        var helpers = Enumerable.Range(0, kernel.Units.Count).Select(u => ContractionHelper.Create(kernel, u, resultName)).ToList();

        return KernelFile.Write(method,
            writer => DecompositionHeaderWriter.Write(writer, kernel, helpers),
            writer =>
            {
                WriteMethod(writer, kernel, helpers, locals, value);
                foreach (ContractionHelper helper in helpers)
                {
                    writer.WriteLine();
                    writer.WriteComment($"The lowered network \"{helper.Unit.Lowered.Expression}\" as an einsum kernel.");
                    writer.WriteLine(helper.Kernel.Method.Signature + ";");
                    writer.WriteLine();
                    if (helper.Kernel.IsStatic)
                    {
                        CpuStaticEmitter.WriteMethod(writer, helper.Kernel);
                    }
                    else
                    {
                        CpuDynamicEmitter.WriteMembers(writer, helper.Kernel);
                    }
                }
            });
    }

    private static void WriteMethod(SourceWriter writer, DecompositionKernel kernel, List<ContractionHelper> helpers, LocalNames locals, string value)
    {
        DecompositionMethodModel declaration = kernel.Declaration;
        KernelMethodShape method = declaration.Method;
        OperationSpec spec = kernel.Spec;
        string t = kernel.ElementType;
        writer.OpenBlock(method.Signature);

        // Checks first: nothing is computed unless every decomposed argument has the declared order (and, static, sizes).
        for (int p = 0; p < method.Parameters.Count; p++)
        {
            ParameterModel parameter = method.Parameters[p];
            if (IsFormat(declaration.ParameterTypes[p].Kind))
            {
                writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
                writer.WriteLine($"{Checks}ThrowIfOrderMismatch({parameter.Name}.Order, {CSharpLiteral.Int(spec.Order)}, {CSharpLiteral.String(parameter.DisplayName)});");
            }
        }

        if (kernel.IsStatic)
        {
            for (int p = 0; p < method.Parameters.Count; p++)
            {
                if (kernel.FormatShapes[p] is { } shape)
                {
                    foreach (var (part, index) in Components(shape))
                    {
                        writer.WriteLine($"{Checks}ThrowIfShapeMismatch({Component(method.Parameters[p].Name, part, index)}.Lengths, "
                            + $"[{string.Join(", ", shape.ComponentShape(part, index).Select(CSharpLiteral.Int))}], "
                            + $"{CSharpLiteral.String(method.Parameters[p].DisplayName)}, {CSharpLiteral.String(FormatShape.ComponentName(part, index))});");
                    }
                }
            }
        }

        else if (spec.Operation != DecompositionOperation.Apply)
        {
            WriteLengthChecks(writer, kernel, helpers[0]);
        }

        // The left side of an inner product enters conjugated; for real elements conjugation is the identity.
        var conjugated = new Dictionary<int, string>();
        if (kernel.Element == DecompositionElement.Complex)
        {
            foreach (int source in kernel.Units[0].Lowered.Operands.Where(o => o.Conjugate).Select(o => o.Source).Distinct())
            {
                writer.WriteComment($"Σ conj({method.Parameters[source].DisplayName}) ⋯: its components enter conjugated.");
                string name = locals.Allocate(method.Parameters[source].DisplayName + "Conjugate");
                conjugated[source] = name;
                writer.WriteLine($"var {name} = {method.Parameters[source].Name}.Conjugate();");
            }
        }

        writer.WriteLine();
        if (spec.Operation == DecompositionOperation.Apply)
        {
            WriteApply(writer, kernel, helpers, locals);
            writer.CloseBlock();
            return;
        }

        ContractionHelper helper = helpers[0];
        string Argument(int i)
        {
            LoweredOperand operand = helper.Unit.Lowered.Operands[i];
            if (operand.Part == OperandPart.Dense)
            {
                return method.Parameters[operand.Source].Name;
            }

            string owner = operand.Conjugate && conjugated.TryGetValue(operand.Source, out string? c) ? c : method.Parameters[operand.Source].Name;
            return Span(kernel, Component(owner, operand.Part, operand.Index));
        }

        var arguments = Enumerable.Range(0, helper.Unit.Lowered.Operands.Count).Select(Argument).ToList();
        if (kernel.Signature.HasResultParameter)
        {
            WriteCall(writer, helper.Name, arguments.Append(method.Parameters[method.Parameters.Count - 1].Name).ToList());
        }
        else
        {
            writer.WriteLine($"global::System.Span<{t}> {value} = stackalloc {t}[1];");
            WriteCall(writer, helper.Name, arguments.Append(kernel.IsStatic ? value : $"new {Tensors}TensorSpan<{t}>({value})").ToList());
            writer.WriteLine("return " + ReturnValue(kernel, value + "[0]") + ";");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// Dynamic form: every index of the lowered network has one length in all its operands (components, dense operands, the
    /// result). The einsum kernel would broadcast a length of 1 as numpy does, but here a length of 1 against another length is a
    /// wrong size — a vector for a mode of another size, or two decomposed operands of different shapes — and must be refused.
    /// </summary>
    private static void WriteLengthChecks(SourceWriter writer, DecompositionKernel kernel, ContractionHelper helper)
    {
        DecompositionMethodModel declaration = kernel.Declaration;
        KernelMethodShape method = declaration.Method;
        var occurrences = new List<(string Label, string Lengths, int Axis, string Name, string What, bool IsComponent)>();
        foreach (LoweredOperand operand in helper.Unit.Lowered.Operands)
        {
            ParameterModel parameter = method.Parameters[operand.Source];
            bool dense = operand.Part == OperandPart.Dense;
            string lengths = (dense ? parameter.Name : Component(parameter.Name, operand.Part, operand.Index)) + ".Lengths";
            string what = dense ? "the dense operand" : "the " + FormatShape.ComponentName(operand.Part, operand.Index);
            occurrences.AddRange(operand.Labels.Select((label, axis) => (label, lengths, axis, parameter.DisplayName, what, !dense)));
        }

        if (kernel.Signature.HasResultParameter)
        {
            ParameterModel result = method.Parameters[method.Parameters.Count - 1];
            occurrences.AddRange(helper.Unit.Lowered.Output.Select((label, axis) => (label, result.Name + ".Lengths", axis, result.DisplayName, "the result", false)));
        }

        foreach (var group in occurrences.GroupBy(o => o.Label, StringComparer.Ordinal))
        {
            var first = group.OrderBy(o => o.IsComponent ? 0 : 1).First();
            // A format checks its own components against each other when it is made.
            foreach (var other in group.Where(o => o != first && !(o.IsComponent && first.IsComponent && o.Name == first.Name)))
            {
                writer.WriteLine($"{Checks}ThrowIfLengthMismatch({other.Lengths}, {CSharpLiteral.Int(other.Axis)}, {first.Lengths}, {CSharpLiteral.Int(first.Axis)}, "
                    + $"{CSharpLiteral.String(other.Name)}, {CSharpLiteral.String(other.What)}, {CSharpLiteral.String(first.Name)}, {CSharpLiteral.String(first.What)});");
            }
        }
    }

    /// <summary>Core by core: each product core is the helper's [a, c, m, b, d] read as [(a c), m, (b d)].</summary>
    private static void WriteApply(SourceWriter writer, DecompositionKernel kernel, List<ContractionHelper> helpers, LocalNames locals)
    {
        DecompositionMethodModel declaration = kernel.Declaration;
        KernelMethodShape method = declaration.Method;
        string t = kernel.ElementType;
        string a = method.Parameters[0].Name, x = method.Parameters[1].Name;
        string cores = locals.Allocate("cores");
        writer.WriteLine($"var {cores} = new {Tensors}Tensor<{t}>[{CSharpLiteral.Int(kernel.Spec.Order)}];");
        if (!kernel.IsStatic)
        {
            string k = locals.Allocate("k"), aCore = locals.Allocate("aCore"), xCore = locals.Allocate("xCore");
            string data = locals.Allocate("data"), left = locals.Allocate("left"), right = locals.Allocate("right");
            writer.OpenBlock($"for (int {k} = 0; {k} < {cores}.Length; {k}++)");
            writer.WriteLine($"{Tensors}Tensor<{t}> {aCore} = {a}.Cores[{k}], {xCore} = {x}.Cores[{k}];");
            writer.WriteLine($"{Checks}ThrowIfLengthMismatch({xCore}.Lengths, 1, {aCore}.Lengths, 2, {CSharpLiteral.String(method.Parameters[1].DisplayName)}, \"a core\", "
                + $"{CSharpLiteral.String(method.Parameters[0].DisplayName)}, \"the core of the same mode\");");
            writer.WriteLine($"nint {left} = {aCore}.Lengths[0] * {xCore}.Lengths[0], {right} = {aCore}.Lengths[3] * {xCore}.Lengths[2];");
            writer.WriteLine($"var {data} = new {t}[checked((int)({left} * {aCore}.Lengths[1] * {right}))];");
            writer.WriteLine($"{helpers[0].Name}({aCore}.AsReadOnlyTensorSpan(), {xCore}.AsReadOnlyTensorSpan(),");
            writer.WriteLine($"    new {Tensors}TensorSpan<{t}>({data}, [{aCore}.Lengths[0], {xCore}.Lengths[0], {aCore}.Lengths[1], {aCore}.Lengths[3], {xCore}.Lengths[2]]));");
            writer.WriteLine($"{cores}[{k}] = {Tensors}Tensor.Create({data}, [{left}, {aCore}.Lengths[1], {right}]);");
            writer.CloseBlock();
        }
        else
        {
            FormatShape operatorShape = kernel.FormatShapes[0]!, trainShape = kernel.FormatShapes[1]!;
            foreach (ContractionHelper helper in helpers)
            {
                foreach (int k in helper.Unit.Cores)
                {
                    long[] ak = operatorShape.ComponentShape(OperandPart.TrainCore, k), xk = trainShape.ComponentShape(OperandPart.TrainCore, k);
                    long left = ak[0] * xk[0], right = ak[3] * xk[2];
                    string data = locals.Allocate("core" + CSharpLiteral.Int(k));
                    writer.WriteLine($"var {data} = new {t}[{CSharpLiteral.Int(left * ak[1] * right)}];");
                    writer.WriteLine($"{helper.Name}({Span(kernel, $"{a}.Cores[{CSharpLiteral.Int(k)}]")}, {Span(kernel, $"{x}.Cores[{CSharpLiteral.Int(k)}]")}, {data});");
                    writer.WriteLine($"{cores}[{CSharpLiteral.Int(k)}] = {Tensors}Tensor.Create({data}, [{CSharpLiteral.Int(left)}, {CSharpLiteral.Int(ak[1])}, {CSharpLiteral.Int(right)}]);");
                }
            }
        }

        writer.WriteLine($"return new global::TensorGen.Decompositions.TensorTrain<{t}>({cores});");
    }

    /// <summary>A call with one argument per line (networks have many operands).</summary>
    private static void WriteCall(SourceWriter writer, string name, IReadOnlyList<string> arguments)
    {
        writer.WriteLine(name + "(");
        for (int i = 0; i < arguments.Count; i++)
        {
            writer.WriteLine("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
        }
    }

    private static string ReturnValue(DecompositionKernel kernel, string element)
    {
        if (kernel.Spec.Operation != DecompositionOperation.Norm)
        {
            return element;
        }

        return kernel.Element switch
        {
            DecompositionElement.Single => $"global::System.MathF.Sqrt(global::System.MathF.Max(0f, {element}))",
            DecompositionElement.Double => $"global::System.Math.Sqrt(global::System.Math.Max(0d, {element}))",
            _ => $"global::System.Math.Sqrt(global::System.Math.Max(0d, {element}.Real))",
        };
    }

    /// <summary>How the helper receives a component: a tensor span (dynamic) or the dense row-major memory (static).</summary>
    private static string Span(DecompositionKernel kernel, string component) =>
        kernel.IsStatic
            ? $"global::TensorGen.Runtime.TensorMemory.Of({component}.AsReadOnlyTensorSpan())"
            : component + ".AsReadOnlyTensorSpan()";

    private static string Component(string owner, OperandPart part, int index) => part switch
    {
        OperandPart.Weights => owner + ".Weights",
        OperandPart.Core => owner + ".Core",
        OperandPart.Factor => $"{owner}.Factors[{CSharpLiteral.Int(index)}]",
        _ => $"{owner}.Cores[{CSharpLiteral.Int(index)}]",
    };

    private static IEnumerable<(OperandPart Part, int Index)> Components(FormatShape shape)
    {
        switch (shape.Format)
        {
            case DecompositionFormat.Cp:
                yield return (OperandPart.Weights, 0);
                for (int k = 0; k < shape.Order; k++)
                {
                    yield return (OperandPart.Factor, k);
                }

                break;
            case DecompositionFormat.Tucker:
                yield return (OperandPart.Core, 0);
                for (int k = 0; k < shape.Order; k++)
                {
                    yield return (OperandPart.Factor, k);
                }

                break;
            default:
                for (int k = 0; k < shape.Order; k++)
                {
                    yield return (OperandPart.TrainCore, k);
                }

                break;
        }
    }

    private static bool IsFormat(DecompositionTypeKind kind) =>
        kind is DecompositionTypeKind.CpTensor or DecompositionTypeKind.TuckerTensor or DecompositionTypeKind.TensorTrain or DecompositionTypeKind.TensorTrainMatrix;
}
