using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Equivariance;

/// <summary>
/// A validated tensor product: the irreps it works on (for the elementwise product, x1's and x2's blocks split so
/// that they pair up; the feature layout is the one written), its paths with normalized weights, and the size of
/// its flat weight vector. Kernels are a pure function of this.
/// </summary>
internal sealed class TensorProductSpec
{
    public TensorProductSpec(Irreps irreps1, Irreps irreps2, Irreps irrepsOut, IReadOnlyList<TensorProductPath> paths, TensorProductOptions options)
    {
        Irreps1 = irreps1;
        Irreps2 = irreps2;
        IrrepsOut = irrepsOut;
        Paths = paths;
        Options = options;
        WeightCount = paths.Sum(p => p.WeightCount);
    }

    public Irreps Irreps1 { get; }

    public Irreps Irreps2 { get; }

    public Irreps IrrepsOut { get; }

    public IReadOnlyList<TensorProductPath> Paths { get; }

    public TensorProductOptions Options { get; }

    public bool SharedWeights => Options.SharedWeights;

    /// <summary>e3nn's <c>weight_numel</c>: Σ over weighted paths of the product of the path shape.</summary>
    public int WeightCount { get; }

    /// <summary>The instructions as e3nn stores them (after normalization), e.g. to print or to build the product again.</summary>
    public IEnumerable<TensorProductInstruction> Instructions => Paths.Select(p => p.Instruction);
}
