using System.Collections.Generic;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Validation;

/// <summary>A validated decomposition declaration, ready to emit: the operation, its lowered network(s) and plans, and the form.</summary>
internal sealed class DecompositionKernel
{
    public DecompositionKernel(DecompositionMethodModel declaration, OperationSpec spec, OperationSignature signature, DecompositionElement element,
        IReadOnlyList<ContractionUnit> units, IReadOnlyList<FormatShape?> formatShapes, IReadOnlyList<long[]?> denseShapes)
    {
        Declaration = declaration;
        Spec = spec;
        Signature = signature;
        Element = element;
        Units = units;
        FormatShapes = formatShapes;
        DenseShapes = denseShapes;
    }

    /// <summary>The declaration: its method and the attribute's arguments.</summary>
    public DecompositionMethodModel Declaration { get; }

    public OperationSpec Spec { get; }

    public OperationSignature Signature { get; }

    public DecompositionElement Element { get; }

    /// <summary>The einsum kernels the operation runs: one network, or for a static Apply one per distinct core shape.</summary>
    public IReadOnlyList<ContractionUnit> Units { get; }

    /// <summary>Static form: the declared sizes of each parameter that is a decomposed tensor (null for the others and in the dynamic form).</summary>
    public IReadOnlyList<FormatShape?> FormatShapes { get; }

    /// <summary>Static form: the shape of each dense parameter and of the result (null for the others and in the dynamic form).</summary>
    public IReadOnlyList<long[]?> DenseShapes { get; }

    public bool IsStatic => Units[0].StaticSizes is not null;

    /// <summary>The element type as generated code writes it.</summary>
    public string ElementType => TypeText(Element);

    /// <summary>The real type of a norm: float for float, double for double and Complex.</summary>
    public string RealType => Element == DecompositionElement.Single ? "float" : "double";

    public static string TypeText(DecompositionElement element) => element switch
    {
        DecompositionElement.Single => "float",
        DecompositionElement.Double => "double",
        _ => "global::System.Numerics.Complex",
    };
}

/// <summary>One lowered network with its plan, and for a static Apply the cores it serves.</summary>
internal sealed class ContractionUnit
{
    public ContractionUnit(LoweredContraction lowered, ContractionPlan plan, IReadOnlyDictionary<string, long>? staticSizes, IReadOnlyList<int> cores)
    {
        Lowered = lowered;
        Plan = plan;
        StaticSizes = staticSizes;
        Cores = cores;
    }

    public LoweredContraction Lowered { get; }

    public ContractionPlan Plan { get; }

    /// <summary>Every index's size in the static form; null in the dynamic form.</summary>
    public IReadOnlyDictionary<string, long>? StaticSizes { get; }

    /// <summary>For a core-by-core Apply, the cores this network serves; empty otherwise.</summary>
    public IReadOnlyList<int> Cores { get; }
}

/// <summary>The validator's verdict: the diagnostics, and the kernel to emit when there are none.</summary>
internal sealed class DecompositionValidation
{
    public DecompositionValidation(IReadOnlyList<TensorGen.Model.DiagnosticInfo> diagnostics, DecompositionKernel? kernel)
    {
        Diagnostics = diagnostics;
        Kernel = kernel;
    }

    public IReadOnlyList<TensorGen.Model.DiagnosticInfo> Diagnostics { get; }

    public DecompositionKernel? Kernel { get; }
}
