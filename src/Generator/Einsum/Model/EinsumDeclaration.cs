namespace TensorGen.Model;

/// <summary>
/// What the pipeline's first step makes of one attributed method: its model, or — when reading it failed
/// unexpectedly — no model and the internal-error diagnostic.
/// </summary>
internal sealed record EinsumDeclaration(EinsumMethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics);
