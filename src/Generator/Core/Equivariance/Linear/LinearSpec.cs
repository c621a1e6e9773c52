using System.Linq;
using TensorGen.Model;

namespace TensorGen.Equivariance;

/// <summary>
/// An e3nn <c>o3.Linear</c> as data (<see cref="LinearBuilder"/> makes it): the irreps, the paths in e3nn's instruction order
/// (which is the order of the flat weight vector), the biases in the order of the flat bias vector. Equal by value.
/// </summary>
internal sealed record LinearSpec(Irreps IrrepsIn, Irreps IrrepsOut, EquatableArray<LinearPath> Paths, EquatableArray<LinearBias> Biases)
{
    /// <summary>e3nn's <c>weight_numel</c>.</summary>
    public int WeightCount => Paths.Sum(p => p.WeightCount);

    /// <summary>e3nn's <c>bias_numel</c>.</summary>
    public int BiasCount => Biases.Sum(b => b.Mul);

    /// <summary>Floating-point operations per batch row (a multiply-add is two, a bias one).</summary>
    public long FlopsPerRow => (2 * Paths.Sum(p => p.MultiplyAddsPerRow)) + BiasCount;

    /// <summary>Whether some path writes into output block <paramref name="block"/>.</summary>
    public bool Reaches(int block) => Paths.Any(p => p.OutputBlock == block);
}
