namespace TensorGen.Runtime;

/// <summary>The part of a batched GEMM one thread computes: ranges of batch positions, rows and columns.</summary>
internal readonly record struct GemmWork(nint BatchStart, nint BatchEnd, nint RowStart, nint RowEnd, nint ColumnStart, nint ColumnEnd);
