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
                16 => Loop<Vector512<float>, Width512>(Iterations),
                8 => Loop<Vector256<float>, Width256>(Iterations),
                _ => Loop<Vector128<float>, Width128>(Iterations),
            };
            double seconds = clock.Elapsed.TotalSeconds;
            GC.KeepAlive(sink);
            // 12 accumulators × lanes × 2 FLOPs (multiply and add) per iteration.
            best = Math.Max(best, Iterations * 12.0 * lanes * 2 / seconds / 1e9);
        }

        return new MachinePeak(isa, best);
    }

    // Twelve independent chains cover the FMA latency (4 cycles) on two pipes; the loop is otherwise empty. One body for
    // every width: the struct parameter says which vector FMA (the JIT specializes the loop per struct).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop<TVector, TWidth>(long n)
        where TVector : struct
        where TWidth : struct, IVectorWidth<TVector>
    {
        TVector m = TWidth.Splat(0.999999f), c = TWidth.Splat(1e-7f);
        TVector a0 = TWidth.Splat(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = TWidth.Fma(a0, m, c); a1 = TWidth.Fma(a1, m, c); a2 = TWidth.Fma(a2, m, c); a3 = TWidth.Fma(a3, m, c);
            a4 = TWidth.Fma(a4, m, c); a5 = TWidth.Fma(a5, m, c); a6 = TWidth.Fma(a6, m, c); a7 = TWidth.Fma(a7, m, c);
            a8 = TWidth.Fma(a8, m, c); a9 = TWidth.Fma(a9, m, c); a10 = TWidth.Fma(a10, m, c); a11 = TWidth.Fma(a11, m, c);
        }

        return TWidth.Sum(TWidth.Fma(a0, m, a1)) + TWidth.Sum(TWidth.Fma(a2, m, a3)) + TWidth.Sum(TWidth.Fma(a4, m, a5))
            + TWidth.Sum(TWidth.Fma(a6, m, a7)) + TWidth.Sum(TWidth.Fma(a8, m, a9)) + TWidth.Sum(TWidth.Fma(a10, m, a11));
    }

    private interface IVectorWidth<TVector>
    {
        static abstract TVector Splat(float value);

        static abstract TVector Fma(TVector a, TVector b, TVector c);

        static abstract float Sum(TVector v);
    }

    private struct Width512 : IVectorWidth<Vector512<float>>
    {
        public static Vector512<float> Splat(float value) => Vector512.Create(value);

        public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

        public static float Sum(Vector512<float> v) => Vector512.Sum(v);
    }

    private struct Width256 : IVectorWidth<Vector256<float>>
    {
        public static Vector256<float> Splat(float value) => Vector256.Create(value);

        public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

        public static float Sum(Vector256<float> v) => Vector256.Sum(v);
    }

    private struct Width128 : IVectorWidth<Vector128<float>>
    {
        public static Vector128<float> Splat(float value) => Vector128.Create(value);

        // Without FMA hardware (the 128-bit tier) a multiply and an add: the same two FLOPs.
        public static Vector128<float> Fma(Vector128<float> a, Vector128<float> b, Vector128<float> c) => (a * b) + c;

        public static float Sum(Vector128<float> v) => Vector128.Sum(v);
    }
}
