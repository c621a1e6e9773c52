using System.Numerics;

namespace TensorGen.Runtime;

/// <summary>
/// The engine's kernels for <see cref="Complex"/> elements: the same driver, packing and threading as the real GEMMs (a
/// complex number is one 16-byte element to them), with the interleaved complex micro-kernel at the AVX-512 tier and the
/// scalar kernel (Complex arithmetic, 4 × 2 tile) below it.
/// </summary>
internal static unsafe partial class GemmEngine
{
    private static GemmBlocking ComplexBlocking(KernelTier tier) => tier == KernelTier.Avx512
        ? BlockingOf<Complex, Avx512ComplexMicroKernel>()
        : BlockingOf<Complex, ScalarMicroKernel<Complex>>();

    private static void RunComplex(GemmLayout layout, KernelTier tier, Complex* a, Complex* b, Complex* c, bool accumulate)
    {
        if (tier == KernelTier.Avx512)
        {
            Run<Complex, Avx512ComplexMicroKernel>(layout, a, b, c, accumulate);
        }
        else
        {
            Run<Complex, ScalarMicroKernel<Complex>>(layout, a, b, c, accumulate);
        }
    }

    private static void RunComplexOnThisThread(GemmLayout layout, KernelTier tier, Complex* a, Complex* b, Complex* c, bool accumulate, GemmWork whole)
    {
        if (tier == KernelTier.Avx512)
        {
            GemmDriver<Complex, Avx512ComplexMicroKernel>.Run(layout, a, b, c, accumulate, whole);
        }
        else
        {
            GemmDriver<Complex, ScalarMicroKernel<Complex>>.Run(layout, a, b, c, accumulate, whole);
        }
    }
}
