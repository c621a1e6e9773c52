namespace TensorGen.Model;

/// <summary>A <c>[SphericalHarmonicsBackward]</c> method: its shape and the forward method's name as written.</summary>
internal sealed record SphericalHarmonicsBackwardModel(KernelMethodShape Method, AttributeArgumentModel Forward, bool HasErrors);
