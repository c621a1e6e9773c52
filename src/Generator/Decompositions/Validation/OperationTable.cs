using System.Collections.Generic;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions.Validation;

/// <summary>
/// The public per-format operation enums of TensorGen.Dsl (CpOperation, TuckerOperation, TensorTrainOperation,
/// TensorTrainMatrixOperation) by underlying value; a test checks this table against the enums by reflection.
/// </summary>
internal static class OperationTable
{
    private static readonly DecompositionOperation[] s_cp =
    {
        DecompositionOperation.Reconstruct, DecompositionOperation.ModeProduct, DecompositionOperation.ModeVectorProduct,
        DecompositionOperation.Inner, DecompositionOperation.Norm, DecompositionOperation.Mttkrp,
    };

    private static readonly DecompositionOperation[] s_tuckerAndTrain =
    {
        DecompositionOperation.Reconstruct, DecompositionOperation.ModeProduct, DecompositionOperation.ModeVectorProduct,
        DecompositionOperation.Inner, DecompositionOperation.Norm,
    };

    private static readonly DecompositionOperation[] s_trainMatrix =
    {
        DecompositionOperation.Reconstruct, DecompositionOperation.MatVec, DecompositionOperation.Apply,
        DecompositionOperation.Expectation, DecompositionOperation.Inner, DecompositionOperation.Norm,
    };

    /// <summary>The operations of <paramref name="format"/>'s enum, indexed by underlying value.</summary>
    public static IReadOnlyList<DecompositionOperation> Members(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => s_cp,
        DecompositionFormat.TensorTrainMatrix => s_trainMatrix,
        _ => s_tuckerAndTrain,
    };

    /// <summary>The operation a value of <paramref name="format"/>'s enum names, or null when it names none.</summary>
    public static DecompositionOperation? Of(DecompositionFormat format, int value)
    {
        IReadOnlyList<DecompositionOperation> members = Members(format);
        return value >= 0 && value < members.Count ? members[value] : null;
    }

    /// <summary>The public enum's name, e.g. <c>TensorTrainOperation</c>.</summary>
    public static string EnumName(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => "CpOperation",
        DecompositionFormat.Tucker => "TuckerOperation",
        DecompositionFormat.TensorTrain => "TensorTrainOperation",
        _ => "TensorTrainMatrixOperation",
    };

    /// <summary>The runtime format type's name without its type argument, e.g. <c>TensorTrain</c>.</summary>
    public static string TypeName(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => "CpTensor",
        DecompositionFormat.Tucker => "TuckerTensor",
        DecompositionFormat.TensorTrain => "TensorTrain",
        _ => "TensorTrainMatrix",
    };
}
