namespace TensorGen.Decompositions.Lowering;

/// <summary>Which component of an operation's input an einsum operand is.</summary>
internal enum OperandPart
{
    /// <summary>CP weights λ [R].</summary>
    Weights,

    /// <summary>CP or Tucker factor k: [n_k, R] or [n_k, r_k].</summary>
    Factor,

    /// <summary>The Tucker core [r_1, …, r_N].</summary>
    Core,

    /// <summary>Tensor-train or TT-matrix core k.</summary>
    TrainCore,

    /// <summary>A dense input of the operation (a matrix or vector of a mode product, MTTKRP's tensor, a mat-vec's vector).</summary>
    Dense,
}
