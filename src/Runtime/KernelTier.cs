namespace TensorGen.Runtime;

/// <summary>
/// The instruction-set tier of the GEMM micro-kernels. Each tier has its own register-blocked kernel;
/// <see cref="KernelOptions.Tier"/> selects one (by default the best the processor supports).
/// </summary>
public enum KernelTier
{
    /// <summary>Plain scalar code: runs everywhere; the reference the vector tiers are tested against.</summary>
    Scalar = 0,

    /// <summary>128-bit vectors (SSE on x64, AdvSIMD on Arm64), multiply-add fused where the hardware can.</summary>
    Vector128 = 1,

    /// <summary>256-bit AVX2 vectors with FMA3 (16 ymm registers).</summary>
    Avx2 = 2,

    /// <summary>512-bit AVX-512F vectors with embedded FMA (32 zmm registers).</summary>
    Avx512 = 3,
}
