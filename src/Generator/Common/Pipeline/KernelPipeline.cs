using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TensorGen.Diagnostics;
using TensorGen.Model;

namespace TensorGen;

/// <summary>
/// The incremental pipeline every kernel family is built from, each step caching on equatable values:
/// <list type="number">
/// <item><description>Declarations — ForAttributeWithMetadataName; the family's reader turns symbols into a plain model,
/// guarded (<see cref="KernelMethodReader.Guard"/>).</description></item>
/// <item><description>Kernels — validate and emit (<see cref="KernelBuild.Guarded"/>).</description></item>
/// <item><description>Sources and Diagnostics — split apart, so that a diagnostic's moved location never re-adds a source
/// (<see cref="Register"/>).</description></item>
/// </list>
/// </summary>
internal static class KernelPipeline
{
    /// <summary>The methods carrying <paramref name="attributeMetadataName"/>, each read by <paramref name="read"/>.</summary>
    public static IncrementalValuesProvider<KernelDeclaration<TModel>> Declarations<TModel>(IncrementalGeneratorInitializationContext context,
        string attributeMetadataName, Func<GeneratorAttributeSyntaxContext, CancellationToken, TModel> read, string trackingName)
        where TModel : class =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeMetadataName,
                // A method outside a type does not compile (the compiler reports it) and has no type to be implemented in.
                static (node, _) => node is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax },
                (attributeContext, cancellationToken) => KernelMethodReader.Guard(attributeContext, () => read(attributeContext, cancellationToken)))
            .WithTrackingName(trackingName);

    /// <summary>Adds every kernel's file and reports every diagnostic, through separate outputs.</summary>
    /// <param name="context">The generator's context.</param>
    /// <param name="kernels">The second step's results.</param>
    /// <param name="sourcesTrackingName">The name of the sources step, for incremental tests; null for none.</param>
    /// <param name="diagnosticsTrackingName">The name of the diagnostics step; null for none.</param>
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<KernelResult> kernels,
        string? sourcesTrackingName = null, string? diagnosticsTrackingName = null)
    {
        IncrementalValuesProvider<GeneratedKernel?> sources = kernels.Select(static (kernel, _) => kernel.Source);
        IncrementalValuesProvider<KernelDiagnostics> diagnostics = kernels.Select(static (kernel, _) => new KernelDiagnostics(kernel.Diagnostics));
        if (sourcesTrackingName is not null)
        {
            sources = sources.WithTrackingName(sourcesTrackingName);
        }

        if (diagnosticsTrackingName is not null)
        {
            diagnostics = diagnostics.WithTrackingName(diagnosticsTrackingName);
        }

        context.RegisterSourceOutput(sources.Collect(), static (production, all) => AddSources(production, all));
        context.RegisterSourceOutput(diagnostics, static (production, diagnostics) =>
        {
            foreach (DiagnosticInfo item in diagnostics.Items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }

    /// <summary>
    /// Adds every kernel's file. Hint names are unique per method already; names that differ only in case (Roslyn compares
    /// hint names ignoring case, as file systems may: types <c>Kernels</c> and <c>kernels</c>) get a numbered suffix.
    /// </summary>
    private static void AddSources(SourceProductionContext production, ImmutableArray<GeneratedKernel?> all)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (GeneratedKernel? kernel in all)
        {
            if (kernel is null)
            {
                continue;
            }

            string hintName = kernel.HintName;
            for (int n = 2; !used.Add(hintName); n++)
            {
                hintName = kernel.HintName.Substring(0, kernel.HintName.Length - ".g.cs".Length) + "(" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").g.cs";
            }

            try
            {
                production.AddSource(hintName, SourceText.From(kernel.Text, Encoding.UTF8));
            }
            catch (ArgumentException e)
            {
                // Roslyn refused the hint name; report it rather than let the exception become CS8785.
                production.ReportDiagnostic(InternalErrors.Create(hintName, e, location: null).ToDiagnostic());
            }
        }
    }
}
