using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Planning;

namespace TensorGen.Cli.Generation;

/// <summary>
/// What a generated einsum file's header says (Einsum/Emit writes it): the plan's path, and the section "Kernels
/// (TensorGen's cost model)" — one line per step (<c>1  ij,jk->ik  GEMM engine (...)</c>), or the fused kernel's lines.
/// </summary>
internal sealed class GeneratedHeader
{
    private const string KernelsTitle = "// Kernels (TensorGen's cost model):";
    private const string PathTitle = "Path:";

    private GeneratedHeader(ContractionPath? path, IReadOnlyList<string> kernelLines)
    {
        Path = path;
        KernelLines = kernelLines;
    }

    /// <summary>The plan's path as the header prints it; null when it prints none.</summary>
    public ContractionPath? Path { get; }

    /// <summary>The lines of the kernels section, without the comment marks.</summary>
    public IReadOnlyList<string> KernelLines { get; }

    /// <summary>The fused family replacing the plan ("fused MTTKRP ...", "fused batched chain ..."), or null when the steps run one by one.</summary>
    public string? Fused => KernelLines.Count > 0 && KernelLines[0].StartsWith("fused", StringComparison.Ordinal) ? string.Join(" ", KernelLines) : null;

    public static GeneratedHeader Read(string source)
    {
        var lines = source.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).ToList();
        string? pathLine = lines.Select(l => l.TrimStart('/', ' ')).FirstOrDefault(l => l.StartsWith(PathTitle, StringComparison.Ordinal));
        ContractionPath? path = pathLine is null ? null : LinearPathParser.Parse(pathLine.Substring(PathTitle.Length)).Path;
        int kernels = lines.IndexOf(KernelsTitle);
        var kernelLines = kernels < 0 ? new List<string>()
            : lines.Skip(kernels + 1).TakeWhile(l => l.StartsWith("//   ", StringComparison.Ordinal)).Select(l => l.Substring(2).Trim()).ToList();
        return new GeneratedHeader(path, kernelLines);
    }

    /// <summary>The family the header names for step <paramref name="step"/> (1-based): the text after the contraction.</summary>
    public string? FamilyOf(int step, string contraction)
    {
        string prefix = step.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";
        string? line = KernelLines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        int at = line.IndexOf(contraction, StringComparison.Ordinal);
        return at < 0 ? line.Substring(prefix.Length).Trim() : line.Substring(at + contraction.Length).Trim();
    }
}
