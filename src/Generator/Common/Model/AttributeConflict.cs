namespace TensorGen.Model;

/// <summary>
/// A method that carries attributes of more than one TensorGen kernel kind (TG0022, <see cref="KernelAttributes.FindMixed"/>).
/// Every pipeline that reads it leaves its own kernel unwritten; the one whose attribute comes first in
/// <see cref="KernelAttributes.All"/> reports the diagnostic and writes the throwing body, so that the compiler reports
/// neither two implementations (CS0757) nor none (CS8795).
/// </summary>
/// <param name="Diagnostic">TG0022, at the first attribute of a second kind.</param>
/// <param name="Reports">Whether the pipeline that read this is the one that reports it.</param>
internal sealed record AttributeConflict(DiagnosticInfo Diagnostic, bool Reports);
