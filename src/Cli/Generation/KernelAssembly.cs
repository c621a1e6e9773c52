using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TensorGen.Cli.Generation;

/// <summary>A generated kernel to call: the method (global::-qualified), its element type and operand count.</summary>
internal sealed record KernelTarget(string Method, string ElementType, int OperandCount);

/// <summary>
/// Source with TensorGen declarations, generated, compiled and loaded as a user's build would (the generators' output
/// compiled against TensorGen.Runtime, optimised), with a small entry point per kernel that takes arrays:
/// <c>Action&lt;Array[], Array&gt;</c> (operands, result), so that the CLI can run the real static kernels.
/// </summary>
internal sealed class KernelAssembly
{
    private const string EntryType = "TensorGenCliEntryPoints";
    private readonly Assembly _assembly;

    private KernelAssembly(Assembly assembly, GeneratorRun run)
    {
        _assembly = assembly;
        Generation = run;
    }

    /// <summary>The generators' run: the files (with their plan headers) and diagnostics.</summary>
    public GeneratorRun Generation { get; }

    /// <summary>Generates and compiles <paramref name="source"/>; null with <paramref name="error"/> listing the TG or CS errors.</summary>
    public static KernelAssembly? Compile(string source, string path, IReadOnlyList<KernelTarget> targets, out string? error)
    {
        GeneratorRun run = GeneratorRun.Of(source, path);
        if (run.HasErrors)
        {
            error = string.Join("\n", run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(DiagnosticText.Format));
            return null;
        }

        Compilation compilation = run.Output
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(EntryPoints(targets), GeneratorRun.ParseOptions, "EntryPoints.cs"))
            .WithOptions(((CSharpCompilationOptions)run.Output.Options).WithOptimizationLevel(OptimizationLevel.Release));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            error = string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(DiagnosticText.Format));
            return null;
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("tensorgen " + path, isCollectible: true);
        error = null;
        return new KernelAssembly(context.LoadFromStream(image), run);
    }

    /// <summary>The entry point of <paramref name="index"/>'s target: operands and result as arrays of its element type.</summary>
    public Action<Array[], Array> EntryPoint(int index) =>
        _assembly.GetType(EntryType)!.GetMethod("Run" + index)!.CreateDelegate<Action<Array[], Array>>();

    private static string EntryPoints(IReadOnlyList<KernelTarget> targets)
    {
        var text = new StringBuilder($"public static class {EntryType}\n{{\n");
        for (int i = 0; i < targets.Count; i++)
        {
            KernelTarget target = targets[i];
            string array = target.ElementType + "[]";
            string arguments = string.Join(", ", Enumerable.Range(0, target.OperandCount).Select(k => $"({array})operands[{k}]").Append($"({array})result"));
            text.Append($"    public static void Run{i}(global::System.Array[] operands, global::System.Array result) => {target.Method}({arguments});\n");
        }

        return text.Append("}\n").ToString();
    }
}
