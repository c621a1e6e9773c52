namespace TensorGen.Generator.Tests;

/// <summary>Declarations the tests generate from, as a user writes them.</summary>
internal static class TestSources
{
    public const string Rotate = """
        using System;
        using TensorGen;

        namespace Physics.Kernels
        {
            public static partial class Tensors
            {
                // Rotates a rank-4 tensor: c'_ijkl = Σ q_ia q_jb q_kc q_ld c_abcd. The index 'c' and the parameter 'c' share a name.
                [Einsum("ia,jb,kc,ld,abcd->ijkl", Sizes = "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3")]
                public static partial void Rotate(ReadOnlySpan<double> q1, ReadOnlySpan<double> q2, ReadOnlySpan<double> q3, ReadOnlySpan<double> q4, ReadOnlySpan<double> c, Span<double> result);
            }
        }
        """;

    public const string BatchedMatMul = """
        using System.Numerics.Tensors;
        using TensorGen;

        namespace MyApp;

        public static partial class Kernels
        {
            [Einsum("bij,bjk->bik")]
            public static partial void BatchedMatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);
        }
        """;

    public const string Chain = """
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Kernels
        {
            [Einsum("ab,bc,cd->ad")]
            internal static partial void Chain(ReadOnlyTensorSpan<double> x, ReadOnlyTensorSpan<double> y, ReadOnlyTensorSpan<double> z, TensorSpan<double> result);
        }
        """;

    /// <summary>Planned for large χ from symbolic hints: the dangling x (χ²) is summed out by a unary step first.</summary>
    public const string HintedSumOut = """
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Kernels
        {
            [Einsum("xa,ab,bc->c", SizeHints = "x=chi^2,a=chi,b=chi,c=4")]
            internal static partial void SumOut(ReadOnlyTensorSpan<double> p, ReadOnlyTensorSpan<double> q, ReadOnlyTensorSpan<double> r, TensorSpan<double> result);
        }
        """;

    /// <summary>The static form along the user's own path.</summary>
    public const string ExplicitPath = """
        using System;
        using TensorGen;

        public static partial class Kernels
        {
            [Einsum("ij,jk,kl->il", Sizes = "i=2,j=3,k=4,l=5", Path = "[(1, 2), (0, 1)]")]
            internal static partial void Ordered(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> result);
        }
        """;

    /// <summary>A memory limit below every order's intermediates: the steps run inside a loop over the sliced index.</summary>
    public const string Sliced = """
        using System;
        using TensorGen;

        public static partial class Kernels
        {
            [Einsum("ab,bc,cd->ad", Sizes = "a=4,b=6,c=5,d=3", MemoryLimit = 4)]
            internal static partial void Sliced(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);
        }
        """;

    /// <summary>Replan: the steps run in a loop over the binding's plan, which the run-time cost check may replace.</summary>
    public const string Replan = """
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Kernels
        {
            [Einsum("ab,bc,cd->ad", Replan = true)]
            internal static partial void Replanned(ReadOnlyTensorSpan<float> x, ReadOnlyTensorSpan<float> y, ReadOnlyTensorSpan<float> z, TensorSpan<float> result);
        }
        """;

    /// <summary>A static MTTKRP: the fused kernel's layout written as constants (no pattern match or binding at run time).</summary>
    public const string StaticMttkrp = """
        using System;
        using TensorGen;

        namespace Kernels;

        static partial class Decomposition
        {
            [Einsum("ijk,jr,kr->ir", Sizes = "i=20,j=30,k=40,r=8")]
            static partial void Mttkrp(ReadOnlySpan<double> x, ReadOnlySpan<double> u, ReadOnlySpan<double> w, Span<double> result);
        }
        """;

    public const string Trace = """
        using System;
        using TensorGen;

        namespace MyApp;

        partial struct Outer
        {
            static partial class Linear
            {
                // Implicit output: "ii" means "ii->", the trace.
                [Einsum("ii", Sizes = "i=4")]
                static partial void Trace(ReadOnlySpan<float> a, Span<float> result);
            }
        }
        """;

    public const string GpuScaledMatMul = """
        using System;
        using TensorGen;

        namespace Gpu.Kernels;

        public static partial class Dense
        {
            // The columns of b scaled by s, then a matrix product: one thread per element, then a tiled GEMM on the GPU.
            [Einsum("ij,jk,k->ik", Sizes = "i=64,j=64,k=64", Backends = Backend.Cpu | Backend.Gpu)]
            public static partial void ScaledMatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> s, Span<float> result);
        }
        """;
}
