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
    /// <summary>The method: where it is, how to re-declare it, its parameters.</summary>
    public required KernelMethodShape Method { get; init; }

    /// <summary>The return type, classified.</summary>
    public required DecompositionTypeModel ReturnType { get; init; }

    /// <summary>Each parameter's type, classified, in the order of <see cref="KernelMethodShape.Parameters"/>.</summary>
    public required EquatableArray<DecompositionTypeModel> ParameterTypes { get; init; }

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
}
