using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;

namespace TensorGen.Decompositions;

/// <summary>An input of a lowered operation, which supplies the components the network's operands name.</summary>
internal interface IComponentSource<T>
{
    /// <summary>Component <paramref name="part"/> <paramref name="index"/> (a factor, a core, the weights, or a dense input itself).</summary>
    Tensor<T> Component(OperandPart part, int index);
}

/// <summary>An input that is one tensor — a dense operand, or the one core a core-by-core operation works on.</summary>
internal sealed class TensorSource<T> : IComponentSource<T>
{
    private readonly Tensor<T> _tensor;

    public TensorSource(Tensor<T> tensor) => _tensor = tensor;

    public Tensor<T> Component(OperandPart part, int index) => _tensor;
}
