namespace TensorGen.Model;

/// <summary>
/// What a family's first step makes of one attributed method: its model, or — when reading it failed unexpectedly — no model
/// and the internal-error diagnostic (TG9999).
/// </summary>
internal sealed record KernelDeclaration<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class;
