using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TensorGen.Runtime;

/// <summary>
/// Binary <see cref="Complex"/> steps that sum nothing — Hadamard and outer products, products with broadcast operands
/// (the tensorized FNO's <c>bxyr,xry->bxyr</c>) — where every output element is one product: an odometer over the outer
/// indices and a tight loop over the innermost one, instead of the generic loop nest's per-element sum. Where the innermost
/// index is contiguous in all three operands and the tier is AVX-512, four products per instruction group (the real and
/// imaginary parts of a broadcast in place, a swap of b's parts, one fused multiply-add-subtract).
/// </summary>
internal static unsafe class ComplexProducts
{
    /// <summary>True for a step this kernel runs: two operands, no summed index, elements to write and a non-empty loop space.</summary>
    public static bool Handles(StepLayout step) =>
        !step.IsUnary && step.KeptCount == step.Rank && !step.IsEmptySum && step.OutputLength > 0;

    /// <summary><c>output (+)= left ⊙ right</c> over the step's loop space; the spans' lengths were checked against the layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(StepLayout step, KernelTier tier, ref readonly Complex left, ref readonly Complex right, ref Complex output, bool accumulate)
    {
        fixed (Complex* l = &left, r = &right, o = &output)
        {
            int rank = step.Rank;
            if (rank == 0)
            {
                *o = accumulate ? *o + (*l * *r) : *l * *r;
                return;
            }

            ReadOnlySpan<nint> extents = step.Extents, ls = step.LeftStrides, rs = step.RightStrides, os = step.OutputStrides;
            int inner = rank - 1;
            nint n = extents[inner];
            bool vector = tier == KernelTier.Avx512 && ls[inner] == 1 && rs[inner] == 1 && os[inner] == 1;
            Span<nint> counters = stackalloc nint[rank];
            nint lo = 0, ro = 0, oo = 0;
            while (true)
            {
                if (vector)
                {
                    ContiguousRow(n, l + lo, r + ro, o + oo, accumulate);
                }
                else
                {
                    StridedRow(n, l + lo, ls[inner], r + ro, rs[inner], o + oo, os[inner], accumulate);
                }

                int d = inner - 1;
                for (; d >= 0; d--)
                {
                    lo += ls[d];
                    ro += rs[d];
                    oo += os[d];
                    if (++counters[d] < extents[d])
                    {
                        break;
                    }

                    counters[d] = 0;
                    lo -= ls[d] * extents[d];
                    ro -= rs[d] * extents[d];
                    oo -= os[d] * extents[d];
                }

                if (d < 0)
                {
                    return;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StridedRow(nint n, Complex* l, nint ls, Complex* r, nint rs, Complex* o, nint os, bool accumulate)
    {
        for (nint i = 0; i < n; i++, l += ls, r += rs, o += os)
        {
            Complex product = *l * *r;
            *o = accumulate ? *o + product : product;
        }
    }

    /// <summary>
    /// Four products per step: with a = (ar, ai) and b = (br, bi) interleaved, (ar·br − ai·bi, ar·bi + ai·br) is
    /// fmaddsub(ar ar …, b, ai ai … × swap(b)); the tail goes element by element.
    /// </summary>
    private static void ContiguousRow(nint n, Complex* l, Complex* r, Complex* o, bool accumulate)
    {
        nint i = 0;
        if (Avx512F.IsSupported)
        {
            for (; i + 4 <= n; i += 4)
            {
                Vector512<double> a = Vector512.Load((double*)(l + i));
                Vector512<double> b = Vector512.Load((double*)(r + i));
                Vector512<double> real = Avx512F.Permute2x64(a, 0b0000_0000);
                Vector512<double> imaginary = Avx512F.Permute2x64(a, 0b1111_1111);
                Vector512<double> crossed = imaginary * Avx512F.Permute2x64(b, 0b0101_0101);
                Vector512<double> product = Avx512F.FusedMultiplyAddSubtract(real, b, crossed);
                if (accumulate)
                {
                    product += Vector512.Load((double*)(o + i));
                }

                product.Store((double*)(o + i));
            }
        }

        StridedRow(n - i, l + i, 1, r + i, 1, o + i, 1, accumulate);
    }
}
