namespace TensorGen.Model;

/// <summary>An <c>[EquivariantLinear]</c> method: its shape and the attribute's arguments as written.</summary>
internal sealed record EquivariantLinearModel(
    KernelMethodShape Method,
    AttributeArgumentModel IrrepsIn,
    AttributeArgumentModel IrrepsOut,
    bool Biases,
    OptionModel PathNormalization,
    bool HasErrors);

/// <summary>An <c>[EquivariantLinearBackward]</c> method: its shape and the forward method's name as written.</summary>
internal sealed record EquivariantLinearBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);
