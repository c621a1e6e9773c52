using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Model;

namespace TensorGen.Decompositions.Model;

/// <summary>
/// Everything the generator needs to know about one method carrying <c>[CpKernel]</c>, <c>[TuckerKernel]</c>,
/// <c>[TensorTrainKernel]</c> or <c>[TensorTrainMatrixKernel]</c>, read from its symbols once. Plain values only,
/// so the incremental pipeline can cache on equality.
/// </summary>
internal sealed record DecompositionMethodModel
{
    public required string Name { get; init; }

    /// <summary>The method as people read it, e.g. <c>Kernels.Inner</c>.</summary>
    public required string DisplayName { get; init; }

    public required string HintName { get; init; }

    public required string Namespace { get; init; }

    public required EquatableArray<ContainingTypeModel> ContainingTypes { get; init; }

    /// <summary>The modifiers to repeat on the implementation (e.g. <c>public static</c>); <c>partial</c> excluded.</summary>
    public required string Modifiers { get; init; }

    /// <summary>The return type as re-declared, e.g. <c>double</c>.</summary>
    public required string ReturnTypeDeclaration { get; init; }

    public required DecompositionTypeModel ReturnType { get; init; }

    public required bool IsStatic { get; init; }

    public required bool IsGeneric { get; init; }

    public required bool IsPartial { get; init; }

    public required bool HasBody { get; init; }

    public required EquatableArray<DecompositionParameterModel> Parameters { get; init; }

    public required DecompositionFormat Format { get; init; }

    /// <summary>The attribute's name as written in messages, e.g. <c>TensorTrainKernel</c>.</summary>
    public required string AttributeName { get; init; }

    /// <summary>The operation argument's value (the public enum's underlying value).</summary>
    public required int OperationValue { get; init; }

    /// <summary>The operation argument, for diagnostics.</summary>
    public required LocationInfo? OperationLocation { get; init; }

    /// <summary>The <c>Order</c> argument; 0 when not given.</summary>
    public required int Order { get; init; }

    public required LocationInfo? OrderLocation { get; init; }

    public required AttributeArgumentModel Shape { get; init; }

    public required AttributeArgumentModel Ranks { get; init; }

    public required AttributeArgumentModel TrainRanks { get; init; }

    public required AttributeArgumentModel Modes { get; init; }

    public required bool AttributeHasErrors { get; init; }

    /// <summary>The prefix of the generated helpers' and fields' names, unique in the containing type.</summary>
    public required string MemberStem { get; init; }

    /// <summary>The method's identifier.</summary>
    public required LocationInfo? Location { get; init; }

    /// <summary>Set when the method also carries another kind of TensorGen kernel attribute (TG0022): then no kernel is written.</summary>
    public AttributeConflict? Conflict { get; init; }

    /// <summary>Whether an implementation can be written (see <see cref="EinsumMethodModel.CanBeImplemented"/>).</summary>
    public bool CanBeImplemented =>
        IsPartial && !HasBody && !IsGeneric && ContainingTypes.Count > 0 && ContainingTypes.All(t => t.IsPartial && !t.IsFileLocal);
}

/// <summary>The first step's output: the model, or the internal error reading it failed with.</summary>
internal sealed record DecompositionDeclaration(DecompositionMethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics);
