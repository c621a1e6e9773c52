namespace TensorGen.Model;

/// <summary>An enum-valued named argument of an equivariant attribute: its value, whether it is written, and where.</summary>
internal sealed record OptionModel(int Value, bool IsSet, LocationInfo? Location);

/// <summary>The arguments of <c>[TensorProduct]</c>, as written.</summary>
internal sealed record TensorProductAttributeModel(
    AttributeArgumentModel Irreps1,
    AttributeArgumentModel Irreps2,
    AttributeArgumentModel IrrepsOut,
    AttributeArgumentModel Instructions,
    OptionModel Kind,
    OptionModel IrrepNormalization,
    OptionModel PathNormalization,
    bool SharedWeights,
    OptionModel Wigner3j,
    OptionModel Backends,
    bool HasErrors);

/// <summary>A <c>[TensorProduct]</c> method.</summary>
internal sealed record TensorProductModel(KernelMethodShape Method, TensorProductAttributeModel Attribute);

/// <summary>A <c>[TensorProductBackward]</c> method: its shape, the forward method's name as written, and <c>Backends</c>.</summary>
internal sealed record TensorProductBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, OptionModel Backends, bool HasErrors);

/// <summary>A <c>[TensorProductDoubleBackward]</c> method: its shape and the forward method's name as written.</summary>
internal sealed record TensorProductDoubleBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);

/// <summary>A <c>[SphericalHarmonics]</c> method.</summary>
internal sealed record SphericalHarmonicsModel(KernelMethodShape Method, AttributeArgumentModel Irreps, bool Normalize, OptionModel Normalization, OptionModel Backends,
    bool HasErrors);
