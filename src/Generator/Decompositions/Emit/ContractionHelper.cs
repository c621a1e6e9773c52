using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Decompositions.Validation;
using TensorGen.Emit;
using TensorGen.Model;
using TensorGen.Planning;
using TensorGen.Validation;

namespace TensorGen.Decompositions.Emit;

/// <summary>
/// One lowered network as a private einsum kernel of the containing type: an <see cref="EinsumKernel"/> for a private helper
/// method (one span parameter per network operand, then the result) that <see cref="CpuStaticEmitter"/> or
/// <see cref="CpuDynamicEmitter"/> implements exactly as it implements <c>[Einsum]</c> methods.
/// </summary>
internal sealed class ContractionHelper
{
    private ContractionHelper(ContractionUnit unit, EinsumKernel kernel, IReadOnlyList<string> operandNames)
    {
        Unit = unit;
        Kernel = kernel;
        OperandNames = operandNames;
    }

    public ContractionUnit Unit { get; }

    /// <summary>The einsum kernel the emitters write.</summary>
    public EinsumKernel Kernel { get; }

    /// <summary>The helper's parameter names per network operand, e.g. <c>xFactor0</c>, <c>yCore3</c>, <c>u0</c>.</summary>
    public IReadOnlyList<string> OperandNames { get; }

    public string Name => Kernel.Method.Name;

    /// <param name="kernel">The validated declaration.</param>
    /// <param name="unitIndex">Which of its networks.</param>
    /// <param name="resultName">The result parameter's name as written (a keyword keeps its <c>@</c>), or a fresh name for a scalar.</param>
    public static ContractionHelper Create(DecompositionKernel kernel, int unitIndex, string resultName)
    {
        DecompositionMethodModel declaration = kernel.Declaration;
        KernelMethodShape method = declaration.Method;
        ContractionUnit unit = kernel.Units[unitIndex];
        string suffix = kernel.Units.Count > 1 ? (unitIndex + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        bool isStatic = kernel.IsStatic;
        string t = kernel.ElementType;

        // Dense operands and the result keep the user's names (a keyword keeps its '@' in code); components are
        // named for what they are: xFactor0, yCore3, xConjugateCore0.
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var names = new List<(string Name, string Display)>();
        bool perCore = kernel.Spec.Operation == DecompositionOperation.Apply;
        foreach (LoweredOperand operand in unit.Lowered.Operands)
        {
            ParameterModel source = method.Parameters[operand.Source];
            (string Name, string Display) name = operand.Part == OperandPart.Dense
                ? (source.Name, source.DisplayName)
                : Plain(source.DisplayName + (operand.Conjugate && kernel.Element == DecompositionElement.Complex ? "Conjugate" : string.Empty)
                    + (perCore ? "Core" : PartName(operand)));
            names.Add(Unique(name, taken));
        }

        (string Name, string Display) result = Unique((resultName, resultName.TrimStart('@')), taken);
        string input = isStatic ? $"global::System.ReadOnlySpan<{t}>" : $"global::System.Numerics.Tensors.ReadOnlyTensorSpan<{t}>";
        string output = isStatic ? $"global::System.Span<{t}>" : $"global::System.Numerics.Tensors.TensorSpan<{t}>";
        var parameters = names.Select(n => Parameter(n, input))
            .Append(Parameter(result, output))
            .ToEquatableArray();

        // The helper is a private static method of the same containing types, implemented as an [Einsum] method would be.
        KernelMethodShape helperMethod = method with
        {
            Name = declaration.MemberStem + "Contraction" + suffix,
            MethodName = declaration.MemberStem + "Contraction" + suffix,
            DisplayName = method.DisplayName + " (contraction" + (suffix.Length == 0 ? string.Empty : " " + suffix) + ")",
            Modifiers = "private static",
            ReturnType = "void",
            IsStatic = true,
            ReturnsVoid = true,
            IsGeneric = false,
            IsPartial = true,
            IsVararg = false,
            HasBody = false,
            Parameters = parameters,
            Conflict = null,
        };
        string programField = "s_" + LowerFirst(declaration.MemberStem) + "Program" + suffix;

        // The plan is the lowering's own (greedy against the train sweep, the cheaper): say so in the header as greedy's.
        var planning = new PlanningRequest(PlanningStrategy.Greedy, PlanningOptions.Default, path: null, sizeHints: null, replan: false);
        var einsum = new EinsumKernel(helperMethod, programField, accumulate: false, unit.Lowered.Parse(), unit.Plan, unit.StaticSizes, t, planning);
        return new ContractionHelper(unit, einsum, names.Select(n => n.Name).ToList());
    }

    /// <summary><c>Weights</c>, <c>Factor2</c>, <c>Core</c> (Tucker) or <c>Core3</c> (a train's).</summary>
    private static string PartName(LoweredOperand operand) => operand.Part switch
    {
        OperandPart.Weights => "Weights",
        OperandPart.Core => "Core",
        OperandPart.Factor => "Factor" + operand.Index.ToString(CultureInfo.InvariantCulture),
        _ => "Core" + operand.Index.ToString(CultureInfo.InvariantCulture),
    };

    private static ParameterModel Parameter((string Name, string Display) name, string type) =>
        new(name.Name, name.Display, type + " " + name.Name, type, SpanKind.Other, ElementKind.Other, string.Empty, string.Empty, null, null);

    private static (string Name, string Display) Plain(string name) => (name, name);

    /// <summary>The name, with underscores appended while another parameter of the helper has it.</summary>
    private static (string Name, string Display) Unique((string Name, string Display) name, HashSet<string> taken)
    {
        while (!taken.Add(name.Display))
        {
            name = (name.Name + "_", name.Display + "_");
        }

        return name;
    }

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
