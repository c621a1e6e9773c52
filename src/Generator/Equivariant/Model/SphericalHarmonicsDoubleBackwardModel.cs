namespace TensorGen.Model;

/// <summary>A <c>[SphericalHarmonicsDoubleBackward]</c> method: its shape, the forward method's name as written, and <c>Backends</c>.</summary>
internal sealed record SphericalHarmonicsDoubleBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, OptionModel Backends, bool HasErrors);
