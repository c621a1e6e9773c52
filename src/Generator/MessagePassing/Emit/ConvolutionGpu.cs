namespace TensorGen.Emit.MessagePassing;

/// <summary>The GPU members a convolution gets (<c>Backend.Gpu</c>): the deterministic (CSR segments) or the atomic variant.</summary>
internal sealed record ConvolutionGpu(bool Deterministic)
{
    /// <summary>The variant's name, as <c>ConvolutionScatter</c> spells it.</summary>
    public string Name => Deterministic ? "Deterministic" : "Atomic";
}
