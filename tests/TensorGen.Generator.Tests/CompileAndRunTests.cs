using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// Generated static kernels compiled for real, loaded in memory and run on small inputs, compared with the independent reference
/// einsum (<see cref="NaiveEinsum"/>) within rounding for the element type; plus declarations that stress the emitter's naming and
/// nesting, which must compile cleanly.
/// </summary>
public class CompileAndRunTests
{
    /// <summary>Static-form cases: expression, sizes, element type, accumulate.</summary>
    public static TheoryData<string, string, string, bool> StaticCases => new()
    {
        { "ia,jb,kc,ld,abcd->ijkl", "i=3,j=3,k=3,l=3,a=3,b=3,c=3,d=3", "double", false },
        { "ab,bc,cd->ad", "a=2,b=3,c=4,d=5", "float", false },
        { "ab,bc,cd->ad", "a=2,b=3,c=4,d=5", "double", true },
        { "ii", "i=4", "float", false },
        { "ii->i", "i=4", "double", false },
        { "iij->ji", "i=3,j=2", "double", false },
        { "ij,ij->", "i=3,j=5", "double", true },
        { "ij", "i=2,j=3", "double", false },
        { "ji", "i=2,j=3", "double", false },
        { ",i->i", "i=5", "double", false },
        { "i,->", "i=5", "float", false },
        { "->", "", "double", false },
        { "ij,jk->ik", "i=2,j=0,k=3", "double", false },
        { "ij,jk->ik", "i=0,j=3,k=3", "double", false },
        { "ij,jk,kl->il", "i=40,j=40,k=40,l=40", "double", false },
        { "ab,bc,cd,de->ae", "a=30,b=40,c=30,d=40,e=2", "double", false },
        { "i,j,k->ijk", "i=2,j=1,k=3", "double", false },
        { "αβ,βγ->αγ", "α=2,β=3,γ=2", "double", false },
        { "𝐀b,b->𝐀", "𝐀=3,b=2", "double", false },
        { "abc,cba->", "a=2,b=3,c=4", "float", true },
        // Found by the fuzzer (tests/TensorGen.Fuzz.Tests): a size-0 index beside huge ones made strides beyond int (CS1503),
        { "abc,c->a", "a=0,b=2147483647,c=2", "double", false },
        { "ab,bc->ac", "a=3,b=0,c=2", "float", true },
        // and a sum outside any loop shared its name with a later step's sum inside one (CS0136).
        { "i,i,jk,k->j", "i=2,j=2,k=2", "float", false },
    };

    [Theory]
    [MemberData(nameof(StaticCases))]
    public void Static_kernel_computes_what_einsum_defines(string expression, string sizesText, string element, bool accumulate)
    {
        var terms = NaiveEinsum.InputTerms(expression);
        var sizes = sizesText.Length == 0
            ? new Dictionary<string, int>()
            : sizesText.Split(',').Select(e => e.Split('=')).ToDictionary(e => e[0], e => int.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture));
        int n = terms.Count;
        var names = Enumerable.Range(0, n).Select(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string parameters = string.Join(", ", names.Select(p => $"ReadOnlySpan<{element}> {p}")) + $", Span<{element}> result";
        string arrays = string.Join(", ", names.Select(p => $"{element}[] {p}")) + $", {element}[] result";
        string source = $$"""
            using System;
            using TensorGen;

            public static partial class Kernels
            {
                [Einsum("{{expression}}", Sizes = "{{sizesText}}", Accumulate = {{(accumulate ? "true" : "false")}})]
                private static partial void Kernel({{parameters}});

                public static void Run({{arrays}}) => Kernel({{string.Join(", ", names)}}, result);
            }
            """;

        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(outcome.CompilationProblems);

        double[][] inputs = Enumerable.Range(0, n).Select(i => NaiveEinsum.Values(NaiveEinsum.Count(terms[i], sizes), seed: i + 1)).ToArray();
        if (element == "float")
        {
            // The kernel sees the values rounded to float; so does the reference, so that only the kernel's rounding remains.
            inputs = inputs.Select(a => a.Select(v => (double)(float)v).ToArray()).ToArray();
        }

        var (expected, magnitudes) = NaiveEinsum.Evaluate(expression, sizes, inputs);
        double[] initial = NaiveEinsum.Values(expected.Length, seed: 99).Select(v => element == "float" ? (float)v : v).ToArray();
        if (accumulate)
        {
            expected = expected.Select((v, i) => v + initial[i]).ToArray();
            magnitudes = magnitudes.Select((m, i) => m + Math.Abs(initial[i])).ToArray();
        }

        MethodInfo run = outcome.Load().GetType("Kernels")!.GetMethod("Run")!;
        double[] actual;
        if (element == "float")
        {
            var result = initial.Select(v => (float)v).ToArray();
            run.Invoke(null, inputs.Select(a => (object)a.Select(v => (float)v).ToArray()).Append(result).ToArray());
            actual = result.Select(v => (double)v).ToArray();
        }
        else
        {
            var result = (double[])initial.Clone();
            run.Invoke(null, inputs.Cast<object>().Append(result).ToArray());
            actual = result;
        }

        // Rounding of a sum of products is bounded by (a few × terms × eps) × Σ|terms|; at most 80 terms per element here.
        double tolerance = element == "float" ? 1e-5 : 1e-13;
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + magnitudes[i]),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (Σ|terms| {magnitudes[i]:R}, tolerance {tolerance})");
        }
    }

    [Fact]
    public void Static_kernel_checks_lengths_before_writing()
    {
        string source = """
            using System;
            using TensorGen;

            public static partial class Kernels
            {
                [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
                public static partial void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);

                public static void Run(double[] a, double[] b, double[] result) => MatMul(a, b, result);
            }
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        MethodInfo run = outcome.Load().GetType("Kernels")!.GetMethod("Run")!;
        var result = new double[] { 7, 7, 7, 7 };

        var error = Assert.Throws<TargetInvocationException>(() => run.Invoke(null, new object[] { new double[3], new double[4], result }));

        Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false);
        Assert.Contains("'a'", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(new double[] { 7, 7, 7, 7 }, result);
    }

    /// <summary>
    /// An index of size 0 empties every sum, so the result is 0 even where an operand is NaN; the fuzzer found the static
    /// form's steps multiplying the NaN by an earlier step's empty sum (NaN · 0 = NaN).
    /// </summary>
    [Fact]
    public void Static_kernel_with_an_empty_sum_reads_no_operand()
    {
        string source = """
            using System;
            using TensorGen;

            public static partial class Kernels
            {
                [Einsum("i,j,jk->i", Sizes = "i=2,j=0,k=3")]
                public static partial void EmptySum(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result);

                public static void Run(double[] a, double[] result) => EmptySum(a, Array.Empty<double>(), Array.Empty<double>(), result);
            }
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        Assert.Empty(outcome.CompilationProblems);
        var result = new double[] { 7, 7 };

        outcome.Load().GetType("Kernels")!.GetMethod("Run")!.Invoke(null, [new[] { double.NaN, double.PositiveInfinity }, result]);

        Assert.Equal(new double[] { 0, 0 }, result);
    }

    [Fact]
    public void Dynamic_kernel_runs_through_the_runtime()
    {
        string source = """
            using System;
            using System.Numerics.Tensors;
            using TensorGen;

            public static partial class Kernels
            {
                [Einsum("bij,bjk->bik")]
                public static partial void BatchedMatMul(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

                [Einsum("ab,bc,cd->ad", Accumulate = true)]
                public static partial void Chain(ReadOnlyTensorSpan<double> x, ReadOnlyTensorSpan<double> y, ReadOnlyTensorSpan<double> z, TensorSpan<double> result);

                public static void RunBatched(double[] a, double[] b, double[] result) =>
                    BatchedMatMul(new ReadOnlyTensorSpan<double>(a, new nint[] { 2, 2, 3 }), new ReadOnlyTensorSpan<double>(b, new nint[] { 2, 3, 2 }),
                        new TensorSpan<double>(result, new nint[] { 2, 2, 2 }));

                public static void RunChain(double[] x, double[] y, double[] z, double[] result) =>
                    Chain(new ReadOnlyTensorSpan<double>(x, new nint[] { 2, 3 }), new ReadOnlyTensorSpan<double>(y, new nint[] { 3, 4 }),
                        new ReadOnlyTensorSpan<double>(z, new nint[] { 4, 2 }), new TensorSpan<double>(result, new nint[] { 2, 2 }));
            }
            """;
        GeneratorOutcome outcome = GeneratorHarness.Run(source);
        Assert.Empty(outcome.CompilationProblems);
        Type kernels = outcome.Load().GetType("Kernels")!;

        double[] a = NaiveEinsum.Values(12, 1), b = NaiveEinsum.Values(12, 2), batched = new double[8];
        kernels.GetMethod("RunBatched")!.Invoke(null, new object[] { a, b, batched });
        AssertClose(NaiveEinsum.Evaluate("bij,bjk->bik", new Dictionary<string, int> { ["b"] = 2, ["i"] = 2, ["j"] = 3, ["k"] = 2 }, a, b).Values, batched);

        double[] x = NaiveEinsum.Values(6, 3), y = NaiveEinsum.Values(12, 4), z = NaiveEinsum.Values(8, 5), chain = { 1, 2, 3, 4 };
        kernels.GetMethod("RunChain")!.Invoke(null, new object[] { x, y, z, chain });
        double[] expected = NaiveEinsum.Evaluate("ab,bc,cd->ad", new Dictionary<string, int> { ["a"] = 2, ["b"] = 3, ["c"] = 4, ["d"] = 2 }, x, y, z).Values;
        AssertClose(expected.Select((v, i) => v + i + 1).ToArray(), chain);
    }

    /// <summary>Declarations whose names, nesting and forms could trip the emitter; all must compile without a warning.</summary>
    [Fact]
    public void Awkward_declarations_compile_cleanly()
    {
        string source = """
            using System;
            using System.Numerics.Tensors;
            using TensorGen;

            namespace @namespace.Deep
            {
                public partial class Outer<T, U> where T : class
                {
                    internal partial record struct Inner
                    {
                        // Parameters named like the generated locals; indices named like parameters.
                        [Einsum("ij,jk->ik", Sizes = "i=2,j=1500,k=2")]
                        private static partial void Locals(ReadOnlySpan<float> i, ReadOnlySpan<float> sum, Span<float> t1);

                        [Einsum("ab,bc,cd->ad")]
                        public static partial void Dynamic(ReadOnlyTensorSpan<float> binding, ReadOnlyTensorSpan<float> t1, ReadOnlyTensorSpan<float> bindingData, TensorSpan<float> t1Length);

                        [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
                        static partial void @event(ReadOnlySpan<double> @in, ReadOnlySpan<double> T, Span<double> @out);

                        // Overloads: one hint name each, one program field each.
                        [Einsum("...ij,...jk->...ik")]
                        public static partial void MatMul(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);

                        [Einsum("...ij,...jk->...ik")]
                        public static partial void MatMul(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

                        [Einsum("ij,jk->ik")]
                        public static partial void matMul(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

                        private static readonly int s_matMulProgram = 0;
                        public static int Use() => s_matMulProgram;
                    }
                }
            }

            // A type named like the program field its kernel would get (found by the fuzzer, seed 9161: CS0542).
            public static partial class s_kernelProgram
            {
                [Einsum("ij->ji")]
                public static partial void Kernel(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);
            }

            public ref partial struct RefHolder
            {
                [Einsum("i->", Sizes = "i=3", Accumulate = true)]
                public static partial void Sum(ReadOnlySpan<double> x, Span<double> result);
            }

            public partial interface IKernels
            {
                [Einsum("ii")]
                public static partial void Trace(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            }

            // A variant generic interface cannot hold the nested class a dynamic kernel's program lives in (found by the
            // fuzzer, seed 1349158472: CS8427).
            public partial interface IVariant<in T>
            {
                [Einsum("jj,k->j")]
                public static partial void Diagonal(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);
            }

            internal static partial class Global
            {
                [Einsum("αβ,βγ,γ𝐀->α𝐀")]
                internal static partial void Greek(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

                [Einsum("ij", Sizes = "i=2,j=2")]
                internal static partial void Copy(scoped ReadOnlySpan<double> a, scoped Span<double> result);

                [Einsum("i,i")]
                internal static partial void Dot(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

                [Einsum("")]
                internal static partial void Scalar(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

                // A type named 'var' in scope (the fuzzer found generated locals declared with 'var' then meant this type).
            #pragma warning disable CS8981
                private sealed class var { }
            #pragma warning restore CS8981

                [Einsum("ij,jk,kl->il")]
                internal static partial void BesideVar(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, ReadOnlyTensorSpan<double> c, TensorSpan<double> result);

                // A parameter named like the program field the dynamic form would otherwise get (found by the fuzzer: CS1061).
                [Einsum("ij->ji")]
                internal static partial void Shadowed(ReadOnlyTensorSpan<float> s_shadowedProgram, TensorSpan<float> result);

                // "..." in the output alone, standing for no dimension (found by the fuzzer: a KeyNotFoundException, TG9999).
                [Einsum("ij->...ji")]
                internal static partial void OutputEllipsisOnly(ReadOnlyTensorSpan<double> a, TensorSpan<double> result);

                // Contextual keywords as parameter names.
                [Einsum("ij,jk->ik")]
                internal static partial void Contextual(ReadOnlyTensorSpan<double> var, ReadOnlyTensorSpan<double> global, TensorSpan<double> nameof);

                [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
                internal static partial void ContextualStatic(ReadOnlySpan<double> var, ReadOnlySpan<double> global, Span<double> value);
            }
            """;

        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(outcome.CompilationProblems);
        Assert.Equal(outcome.Sources.Count, outcome.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        Assert.Contains(outcome.Sources, s => s.HintName == "namespace.Deep.Outer{T,U}.Inner.MatMul(2).g.cs");
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-13 * (1 + Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
