using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TensorGen.Cli.Generation;

/// <summary>
/// What a project that uses TensorGen compiles against: the framework's reference assemblies (the SDK's
/// Microsoft.NETCore.App.Ref pack beside the running runtime; the runtime's own assemblies where no SDK is installed),
/// TensorGen.Dsl (the attributes), TensorGen.Runtime and System.Numerics.Tensors (the span types of the dynamic form), and
/// TensorGen.Runtime.Gpu with ILGPU (so that <c>Backend.Gpu</c> declarations get their GPU code, as in a project that references them).
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_all = new(Load);

    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var paths = new List<string>(FrameworkAssemblies());
        paths.Add(typeof(EinsumAttribute).Assembly.Location);
        paths.Add(typeof(TensorGen.Runtime.EinsumProgram).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.TensorSpan<>).Assembly.Location);
        paths.Add(typeof(TensorGen.Runtime.Gpu.GpuContext).Assembly.Location);
        paths.Add(typeof(ILGPU.Context).Assembly.Location);
        // A reference assembly and the package's implementation of one name (System.Numerics.Tensors): the later one wins.
        return paths.Where(p => p.Length > 0)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.Last()))
            .ToList();
    }

    private static IEnumerable<string> FrameworkAssemblies()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0/
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        string? root = Directory.GetParent(runtimeDirectory)?.Parent?.Parent?.FullName;
        string tfm = $"net{Environment.Version.Major}.0";
        string packs = root is null ? string.Empty : Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        string? refDirectory = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(version => Path.Combine(version, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out Version? v) ? v : new Version())
                .FirstOrDefault()
            : null;
        if (refDirectory is not null)
        {
            return Directory.GetFiles(refDirectory, "*.dll");
        }

        return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
    }
}
