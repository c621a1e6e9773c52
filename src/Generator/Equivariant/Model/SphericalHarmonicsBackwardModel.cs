namespace TensorGen.Model;

/// <summary>A <c>[SphericalHarmonicsBackward]</c> method: its shape, the forward method's name as written, and <c>Backends</c>.</summary>
internal sealed record SphericalHarmonicsBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, OptionModel Backends, bool HasErrors);
