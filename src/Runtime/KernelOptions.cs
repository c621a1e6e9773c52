using System;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// Process-wide settings of the contraction kernels: which instruction-set tier the GEMM engine uses and how
/// many threads a large step may use. Both start from the environment (<c>TENSORGEN_KERNEL_TIER</c>,
/// <c>TENSORGEN_NUM_THREADS</c>) and can be changed by the program at any time; a step reads them once when it starts.
/// </summary>
public static class KernelOptions
{
    /// <summary>Environment variable that caps the threads a step uses (e.g. <c>1</c> for per-core measurements).</summary>
    public const string ThreadsVariable = "TENSORGEN_NUM_THREADS";

    /// <summary>Environment variable that lowers the kernel tier: <c>scalar</c>, <c>vector128</c>, <c>avx2</c> or <c>avx512</c>.</summary>
    public const string TierVariable = "TENSORGEN_KERNEL_TIER";

    private static volatile int s_tier = (int)InitialTier();
    private static volatile int s_maxThreads = InitialThreads();

    /// <summary>
    /// The best tier this processor and runtime support, decided once from the <c>IsSupported</c> properties of the
    /// hardware intrinsics (which also honour the runtime's <c>DOTNET_EnableAVX512F=0</c>-style switches).
    /// </summary>
    public static KernelTier BestSupportedTier { get; } = DetectBestTier();

    /// <summary>The tier the GEMM engine uses; at most <see cref="BestSupportedTier"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tier is not defined or the processor does not support it.</exception>
    public static KernelTier Tier
    {
        get => (KernelTier)s_tier;
        set
        {
            if (!Enum.IsDefined(value) || value > BestSupportedTier)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"Kernel tier {value} is not available here; the best this processor supports is {BestSupportedTier}.");
            }

            s_tier = (int)value;
        }
    }

    /// <summary>The most threads one step may use (at least 1); defaults to <c>TENSORGEN_NUM_THREADS</c> or the processor count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    private static KernelTier DetectBestTier()
    {
        if (Avx512F.IsSupported)
        {
            return KernelTier.Avx512;
        }

        if (Avx2.IsSupported && Fma.IsSupported)
        {
            return KernelTier.Avx2;
        }

        return Vector128.IsHardwareAccelerated ? KernelTier.Vector128 : KernelTier.Scalar;
    }

    /// <summary>The best tier, lowered by <c>TENSORGEN_KERNEL_TIER</c> when it names a tier (an unknown or unsupported value is ignored).</summary>
    private static KernelTier InitialTier()
    {
        KernelTier best = DetectBestTier();
        string? requested = Environment.GetEnvironmentVariable(TierVariable);
        return Enum.TryParse(requested, ignoreCase: true, out KernelTier tier) && Enum.IsDefined(tier) && tier <= best ? tier : best;
    }

    private static int InitialThreads()
    {
        string? requested = Environment.GetEnvironmentVariable(ThreadsVariable);
        return int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out int threads) && threads >= 1
            ? threads
            : Environment.ProcessorCount;
    }
}
