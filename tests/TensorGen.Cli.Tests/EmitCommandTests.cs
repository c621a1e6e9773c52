using System.Text.RegularExpressions;
using Xunit;

namespace TensorGen.Cli.Tests;

/// <summary><c>tensorgen emit</c>: the generators' own output and diagnostics, for an expression or a .cs file.</summary>
public sealed class EmitCommandTests
{
    [Fact]
    public void The_static_form_is_emitted_with_sizes()
    {
        CliRun run = CliRun.Of("emit", "ij,jk->ik", "--sizes", "i=64,j=64,k=64");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("[global::TensorGen.Einsum(\"ij,jk->ik\", Sizes = \"i=64,j=64,k=64\")]", run.Output);
        Assert.Contains("// ==== TensorGen.EinsumGenerator/Kernels.Contract.g.cs ====", run.Output);
        Assert.Contains("// TensorGen einsum kernel Kernels.Contract", run.Output);
        Assert.Contains("GEMM engine", run.Output);
        Assert.Contains("global::System.ReadOnlySpan<float> a", run.Output);
        Assert.Contains("ThrowIfLengthMismatch(a, 4096, \"a\", \"[64, 64]\")", run.Output);
    }

    [Fact]
    public void The_dynamic_form_is_emitted_without_sizes_in_the_type_asked_for()
    {
        CliRun run = CliRun.Of("emit", "bij,bjk->bik", "--type", "double");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ReadOnlyTensorSpan<double> a", run.Output);
        Assert.Contains("EinsumProgram", run.Output);
        Assert.DoesNotContain("Sizes =", run.Output);
    }

    [Fact]
    public void Diagnostics_are_printed_at_their_place_with_exit_code_1()
    {
        CliRun run = CliRun.Of("emit", "ij,jk->iq", "--sizes", "i=2,j=2,k=2");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(new Regex(@"^Declaration\.cs\(\d+,\d+\): error TG0007: Output index 'q'", RegexOptions.Multiline), run.Error);
    }

    [Fact]
    public void Every_declaration_of_a_file_is_emitted_by_its_own_generator()
    {
        const string Source = """
            using System;
            using System.Numerics.Tensors;
            using TensorGen;

            namespace Sample;

            public static partial class Kernels
            {
                [Einsum("ij,j->i", Sizes = "i=3,j=4")]
                public static partial void MatVec(ReadOnlySpan<float> m, ReadOnlySpan<float> v, Span<float> result);

                [SphericalHarmonics("1x0e+1x1o+1x2e")]
                public static partial void Harmonics(ReadOnlyTensorSpan<float> vectors, TensorSpan<float> result);

                [Einsum("ij,jk->ik", Sizes = "i=2,j=x")]
                public static partial void Broken(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);
            }
            """;
        using var file = new TempFile(Source, ".cs");
        CliRun run = CliRun.Of("emit", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("// ==== TensorGen.EinsumGenerator/Sample.Kernels.MatVec.g.cs ====", run.Output);
        Assert.Contains("// ==== TensorGen.TensorProductGenerator/Sample.Kernels.Harmonics.SphericalHarmonics.g.cs ====", run.Output);
        // The broken declaration: a located TG error (its file and line), and nothing else.
        Assert.Matches(new Regex($@"^{Regex.Escape(file.Path)}\(15,\d+\): error TG\d{{4}}: ", RegexOptions.Multiline), run.Error);
    }

    [Fact]
    public void A_gpu_declaration_gets_its_gpu_entry_points_as_in_a_project_referencing_the_gpu_runtime()
    {
        const string Source = """
            using System;
            using TensorGen;

            public static partial class GpuKernels
            {
                [Einsum("ij,jk->ik", Sizes = "i=8,j=8,k=8", Backends = Backend.Cpu | Backend.Gpu)]
                public static partial void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);
            }
            """;
        using var file = new TempFile(Source, ".cs");
        CliRun run = CliRun.Of("emit", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("TG0020", run.Error);
        Assert.Contains("void MatMulGpu(global::TensorGen.Runtime.Gpu.GpuContext gpu", run.Output);
    }

    [Fact]
    public void A_file_without_declarations_emits_nothing_and_says_so()
    {
        using var file = new TempFile("public static class Plain { }", ".cs");
        CliRun run = CliRun.Of("emit", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no TensorGen declaration", run.Error);
    }

    [Theory]
    [InlineData("emit", "/no/such/file.cs")]
    [InlineData("emit", "kernels.cs", "--sizes", "i=2")]
    public void A_file_that_cannot_be_used_is_a_usage_error(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tensorgen emit: ", run.Error);
    }
}
