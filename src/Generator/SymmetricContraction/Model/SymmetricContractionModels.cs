namespace TensorGen.Model;

/// <summary>The arguments of <c>[SymmetricContraction]</c>, as written (Correlation and Elements with their defaults when not written).</summary>
internal sealed record SymmetricContractionAttributeModel(
    AttributeArgumentModel IrrepsIn,
    AttributeArgumentModel IrrepsOut,
    OptionModel Correlation,
    OptionModel Elements,
    OptionModel Wigner3j,
    bool HasErrors);

/// <summary>A <c>[SymmetricContraction]</c> method.</summary>
internal sealed record SymmetricContractionModel(KernelMethodShape Method, SymmetricContractionAttributeModel Attribute);

/// <summary>A <c>[SymmetricContractionBackward]</c> method: its shape and the forward method's name as written.</summary>
internal sealed record SymmetricContractionBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);
