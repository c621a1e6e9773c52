namespace TensorGen.Model;

/// <summary>
/// A diagnostic as a plain value: the TG id, the finished message and where it points. Diagnostics leave
/// the pipeline through their own output, so a moved location never invalidates the cached source.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location);
