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
}
