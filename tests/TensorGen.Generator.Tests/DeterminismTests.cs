using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>The generated files do not depend on the machine's culture (fi-FI writes U+2212 for minus, ',' for the decimal point).</summary>
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
    };

    [Fact]
    public void Output_is_byte_identical_under_fi_FI()
    {
        byte[] invariant = GenerateUnder(CultureInfo.InvariantCulture);
        byte[] finnish = GenerateUnder(new CultureInfo("fi-FI"));

        Assert.Equal(invariant, finnish);
    }

    [Fact]
    public void Output_is_the_same_on_every_run() =>
        Assert.Equal(GenerateUnder(CultureInfo.InvariantCulture), GenerateUnder(CultureInfo.InvariantCulture));

    private static byte[] GenerateUnder(CultureInfo culture)
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
