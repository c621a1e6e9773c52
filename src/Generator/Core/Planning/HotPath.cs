using System.Runtime.CompilerServices;

namespace TensorGen.Planning;

/// <summary>
/// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name but every .NET runtime
/// honours: the search loops are compiled fully optimized at once. Tiered compilation would otherwise run them for
/// a long while as quick, unoptimized code with on-stack replacement — measured 3–4× slower for one plan, which is all
/// a compile-time or CLI run ever makes.
/// In TensorGen.Runtime built as a ReadyToRun image (src/Runtime/Build/ReadyToRun.targets defines
/// TENSORGEN_READYTORUN_IMAGE) it is no flag at all: crossgen2 never precompiles an AggressiveOptimization method, so the
/// flag would make the first call wait for the JIT of exactly these loops, which the image holds optimized already.
/// </summary>
internal static class HotPath
{
#if TENSORGEN_READYTORUN_IMAGE
    public const MethodImplOptions Optimize = 0;
#else
    public const MethodImplOptions Optimize = (MethodImplOptions)512;
#endif
}
