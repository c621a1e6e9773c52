using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The check the family diagnostic tests share: one generator run over a source with a marked span (<see cref="Markup"/>) gives no
/// exception and no CS8785, exactly one diagnostic — the expected error at the span — and the expected number of sources, a
/// faulty method's being a throwing body that names the id.
/// </summary>
internal static class SingleDiagnostic
{
    public static Diagnostic Assert(string markedSource, IIncrementalGenerator generator, string id, int expectedSources)
    {
        var (source, span) = Markup.Parse(markedSource);
        GeneratorOutcome outcome = GeneratorHarness.Run(source, generator);
        Xunit.Assert.Null(outcome.Result.Results.Single().Exception);
        Xunit.Assert.DoesNotContain(outcome.DriverDiagnostics, d => d.Id == "CS8785");
        Diagnostic diagnostic = Xunit.Assert.Single(outcome.GeneratorDiagnostics);
        Xunit.Assert.Equal(id, diagnostic.Id);
        Xunit.Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Xunit.Assert.Equal(span, diagnostic.Location.SourceSpan);
        Xunit.Assert.Equal(SourceText.From(source).Lines.GetLinePositionSpan(span), diagnostic.Location.GetLineSpan().Span);
        Xunit.Assert.Equal(expectedSources, outcome.Sources.Count);
        if (expectedSources > 0)
        {
            Xunit.Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("global::System.NotSupportedException(\"" + id, StringComparison.Ordinal));
        }

        return diagnostic;
    }
}
