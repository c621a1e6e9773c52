using System;

namespace TensorGen.Runtime;

/// <summary>
/// Where a loop index of a <see cref="StepLayout"/> occurs, which classifies it as GEMM kernels need:
/// <c>Left | Right | Output</c> is a batch index, <c>Left | Output</c> and <c>Right | Output</c> are free
/// (row and column) indices, <c>Left | Right</c> is contracted, and <c>Left</c> or <c>Right</c> alone is
/// summed within one operand.
/// </summary>
[Flags]
public enum StepIndexUse
{
    /// <summary>Never set on a loop index; the default value.</summary>
    None = 0,

    /// <summary>The left (or only) operand has the index.</summary>
    Left = 1,

    /// <summary>The right operand has the index.</summary>
    Right = 2,

    /// <summary>The step's output keeps the index; otherwise it is summed.</summary>
    Output = 4,
}
