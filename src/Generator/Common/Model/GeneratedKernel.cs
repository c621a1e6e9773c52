namespace TensorGen.Model;

/// <summary>One generated file: its hint name and text.</summary>
internal sealed record GeneratedKernel(string HintName, string Text);

/// <summary>
/// What one declaration produces: the file (none when no implementation can be written) and the
/// diagnostics, which leave through their own output.
/// </summary>
internal sealed record KernelResult(GeneratedKernel? Source, EquatableArray<DiagnosticInfo> Diagnostics);
