using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Cli.Measurement;

/// <summary>
/// The machine's fused multiply-add peak per core, measured with a short FMA loop of independent accumulators in the
/// widest vectors this CPU runs (AVX-512, else AVX2 + FMA, else 128-bit): the ceiling a kernel's GFLOP/s is a share of.
/// fp64 is half the fp32 rate (half the lanes). On the development machine (AMD EPYC Zen 5, AVX-512) this gives about
/// 222 GFLOP/s fp32 and 111 fp64 per core.
/// </summary>
internal sealed class MachinePeak
{
    private MachinePeak(string isa, double fp32PerCore)
    {
        Isa = isa;
        Fp32PerCore = fp32PerCore;
    }

    /// <summary>The vector instruction set the loop ran: "AVX-512", "AVX2+FMA" or "128-bit".</summary>
    public string Isa { get; }

    public double Fp32PerCore { get; }

    public double PerCore(bool isDouble) => isDouble ? Fp32PerCore / 2 : Fp32PerCore;

    /// <summary>A peak given on the command line (--peak): no measurement.</summary>
    public static MachinePeak Given(double fp32PerCore) => new("given", fp32PerCore);

    public static MachinePeak Measure()
    {
        string isa = Avx512F.IsSupported ? "AVX-512" : Avx2.IsSupported && Fma.IsSupported ? "AVX2+FMA" : "128-bit";
        int lanes = Avx512F.IsSupported ? 16 : Avx2.IsSupported && Fma.IsSupported ? 8 : 4;
        // Many short trials, the best kept: on a shared machine some of them run without being preempted.
        const long Iterations = 1_000_000;
        double best = 0;
        for (int trial = 0; trial < 25; trial++)
        {
            var clock = Stopwatch.StartNew();
            float sink = lanes switch
            {
                16 => Loop512(Iterations),
                8 => Loop256(Iterations),
                _ => Loop128(Iterations),
            };
            double seconds = clock.Elapsed.TotalSeconds;
            GC.KeepAlive(sink);
            // 12 accumulators × lanes × 2 FLOPs (multiply and add) per iteration.
            best = Math.Max(best, Iterations * 12.0 * lanes * 2 / seconds / 1e9);
        }

        return new MachinePeak(isa, best);
    }

    // Twelve independent chains cover the FMA latency (4 cycles) on two pipes; the loop is otherwise empty.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop512(long n)
    {
        Vector512<float> m = Vector512.Create(0.999999f), c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c); a1 = Avx512F.FusedMultiplyAdd(a1, m, c); a2 = Avx512F.FusedMultiplyAdd(a2, m, c);
            a3 = Avx512F.FusedMultiplyAdd(a3, m, c); a4 = Avx512F.FusedMultiplyAdd(a4, m, c); a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c); a7 = Avx512F.FusedMultiplyAdd(a7, m, c); a8 = Avx512F.FusedMultiplyAdd(a8, m, c);
            a9 = Avx512F.FusedMultiplyAdd(a9, m, c); a10 = Avx512F.FusedMultiplyAdd(a10, m, c); a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop256(long n)
    {
        Vector256<float> m = Vector256.Create(0.999999f), c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c); a1 = Fma.MultiplyAdd(a1, m, c); a2 = Fma.MultiplyAdd(a2, m, c);
            a3 = Fma.MultiplyAdd(a3, m, c); a4 = Fma.MultiplyAdd(a4, m, c); a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c); a7 = Fma.MultiplyAdd(a7, m, c); a8 = Fma.MultiplyAdd(a8, m, c);
            a9 = Fma.MultiplyAdd(a9, m, c); a10 = Fma.MultiplyAdd(a10, m, c); a11 = Fma.MultiplyAdd(a11, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop128(long n)
    {
        Vector128<float> m = Vector128.Create(0.999999f), c = Vector128.Create(1e-7f);
        Vector128<float> a0 = Vector128.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = (a0 * m) + c; a1 = (a1 * m) + c; a2 = (a2 * m) + c; a3 = (a3 * m) + c; a4 = (a4 * m) + c; a5 = (a5 * m) + c;
            a6 = (a6 * m) + c; a7 = (a7 * m) + c; a8 = (a8 * m) + c; a9 = (a9 * m) + c; a10 = (a10 * m) + c; a11 = (a11 * m) + c;
        }

        return Vector128.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
