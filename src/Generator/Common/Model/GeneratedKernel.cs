namespace TensorGen.Model;

/// <summary>One generated file: its hint name and text.</summary>
internal sealed record GeneratedKernel(string HintName, string Text);

/// <summary>
/// What one declaration produces: the file (none when no implementation can be written) and the
/// diagnostics, which leave through their own output.
/// </summary>
internal sealed record KernelResult(GeneratedKernel? Source, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// A kernel's diagnostics as the value of their own pipeline step: a class (not the bare <see cref="EquatableArray{T}"/>
/// struct) so that the step shares Roslyn's reference-type node code instead of JIT-compiling its own (see
/// <see cref="GpuRuntime"/>); compared by value, so unchanged diagnostics stay cached.
/// </summary>
internal sealed record KernelDiagnostics(EquatableArray<DiagnosticInfo> Items);
