using System.Numerics;

namespace TensorGen.Runtime;

/// <summary>
/// The engine's kernels for <see cref="Complex"/> elements: the same driver, packing and threading as the real GEMMs (a
/// complex number is one 16-byte element to them), with the interleaved complex micro-kernels at the AVX-512 and AVX2 tiers
/// and the scalar kernel (Complex arithmetic, 4 × 2 tile) at the others.
/// </summary>
internal static unsafe partial class GemmEngine
{
    private static GemmBlocking ComplexBlocking(KernelTier tier) => tier switch
    {
        KernelTier.Avx512 => BlockingOf<Complex, Avx512ComplexMicroKernel>(),
        KernelTier.Avx2 => BlockingOf<Complex, Avx2ComplexMicroKernel>(),
        _ => BlockingOf<Complex, ScalarMicroKernel<Complex>>(),
    };

    private static void RunComplex(GemmLayout layout, KernelTier tier, Complex* a, Complex* b, Complex* c, bool accumulate)
    {
        switch (tier)
        {
            case KernelTier.Avx512:
                Run<Complex, Avx512ComplexMicroKernel>(layout, a, b, c, accumulate);
                break;
            case KernelTier.Avx2:
                Run<Complex, Avx2ComplexMicroKernel>(layout, a, b, c, accumulate);
                break;
            default:
                Run<Complex, ScalarMicroKernel<Complex>>(layout, a, b, c, accumulate);
                break;
        }
    }

    private static void RunComplexOnThisThread(GemmLayout layout, KernelTier tier, Complex* a, Complex* b, Complex* c, bool accumulate, GemmWork whole)
    {
        switch (tier)
        {
            case KernelTier.Avx512:
                GemmDriver<Complex, Avx512ComplexMicroKernel>.Run(layout, a, b, c, accumulate, whole);
                break;
            case KernelTier.Avx2:
                GemmDriver<Complex, Avx2ComplexMicroKernel>.Run(layout, a, b, c, accumulate, whole);
                break;
            default:
                GemmDriver<Complex, ScalarMicroKernel<Complex>>.Run(layout, a, b, c, accumulate, whole);
                break;
        }
    }
}
