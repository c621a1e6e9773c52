using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The generated files and messages do not depend on the machine's culture: fi-FI writes U+2212 for minus and ',' for the
/// decimal point, ar-SA has its own digits, calendar and right-to-left marks, tr-TR lower-cases 'I' to 'ı' and upper-cases
/// 'i' to 'İ'.
/// </summary>
public class DeterminismTests
{
    private static readonly string[] s_sources =
    {
        TestSources.Rotate, TestSources.BatchedMatMul, TestSources.Chain, TestSources.Trace,
        """
        using System;
        using TensorGen;

        public static partial class More
        {
            [Einsum("ij,jk,kl->il", Sizes = "i=40,j=40,k=40,l=40", Accumulate = true)]
            public static partial void Pooled(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result);

            [Einsum("ij,jk->ik", Sizes = "i=2,j=-1,k=2")]
            public static partial void Invalid(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result);
        }
        """,
        """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        public static partial class Türkçe
        {
            // 'I' starts the program field's name (lower-cased), 'İ' and 'ı' are indices, sizes and costs are large numbers.
            [Einsum("İı,ıi->İi", Sizes = "İ=2,ı=3,i=1000000")]
            public static partial void Invert(ReadOnlySpan<float> İnput, ReadOnlySpan<float> ıtem, Span<float> result);

            [Einsum("Iı,ıİ")]
            public static partial void Index(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);

            [Einsum("ij->ij", Sizes = "i=50000,j=50000")]
            public static partial void TooLarge(ReadOnlySpan<double> a, Span<double> result);

            [Einsum("ab,cd,ef->ac", Sizes = "a=46340,b=46340,c=46340,d=46340,e=7,f=306783378")]
            public static partial void TooCostly(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);

            [Einsum("ij,j\u2212>i")]
            public static partial void MinusSign(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> b, TensorSpan<double> result);
        }
        """,
    };

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Output_is_byte_identical_under_every_culture(string culture) =>
        Assert.Equal(GenerateUnder(CultureInfo.InvariantCulture), GenerateUnder(new CultureInfo(culture)));

    /// <summary>
    /// Two runs in two processes (string hashes, and so the order of anything hashed, differ per process): each child is this test
    /// assembly started as a program (<see cref="GenerationDump"/>), and their bytes equal this process's.
    /// </summary>
    [Fact]
    public void Output_is_the_same_in_separate_processes()
    {
        byte[] here = GenerateUnder(CultureInfo.InvariantCulture);
        byte[] first = GenerationDump.InChildProcess(), second = GenerationDump.InChildProcess();
        Assert.True(here.Length > 10_000, "the dump holds the generated files");
        Assert.Equal(here, first);
        Assert.Equal(here, second);
    }

    internal static byte[] GenerateUnder(CultureInfo culture)
    {
        CultureInfo previous = CultureInfo.CurrentCulture, previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var text = new StringBuilder();
            foreach (string source in s_sources)
            {
                GeneratorOutcome outcome = GeneratorHarness.Run(source);
                foreach (var file in outcome.Sources)
                {
                    text.Append(file.HintName).Append('\n').Append(file.SourceText).Append('\n');
                }

                foreach (var diagnostic in outcome.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    text.Append(diagnostic.Id).Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
