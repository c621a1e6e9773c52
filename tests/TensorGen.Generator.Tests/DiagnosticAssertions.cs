using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>The assertion the kernel families' diagnostic tests share: one located error and a throwing body, never an exception.</summary>
internal static class DiagnosticAssertions
{
    /// <summary>
    /// Runs <paramref name="generator"/> on <paramref name="markup"/> (the expected span marked <c>[|…|]</c>): one diagnostic
    /// <paramref name="id"/>, an error, exactly at the span; <paramref name="expectedSources"/> files, one of them the faulty
    /// method's throwing body (when any is expected); no generator exception and no CS8785.
    /// </summary>
    public static Diagnostic Single(IIncrementalGenerator generator, string markup, string id, int expectedSources)
    {
        var (source, span) = Markup.Parse(markup);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, generator);
        Assert.All(outcome.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(outcome.DriverDiagnostics, d => d.Id == "CS8785");
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(SourceText.From(source).Lines.GetLinePositionSpan(span), diagnostic.Location.GetLineSpan().Span);
        Assert.Equal(expectedSources, outcome.Sources.Count);
        if (expectedSources > 0)
        {
            Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("global::System.NotSupportedException(\"" + id, StringComparison.Ordinal));
        }

        return diagnostic;
    }
}
