using System.Runtime.CompilerServices;

namespace TensorGen.Planning;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name but every .NET runtime
/// honours: the search loops are compiled fully optimized at once. Tiered compilation would otherwise run them for
/// a long while as quick, unoptimized code with on-stack replacement — measured 3–4× slower for one plan, which is all
/// a compile-time or CLI run ever makes.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
}
