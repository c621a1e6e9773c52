using System.Collections.Generic;
using System.Numerics.Tensors;
using TensorGen.Equivariance;

namespace TensorGen.Benchmarks.Equivariant;

/// <summary>A generated forward tensor product.</summary>
public delegate void Forward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, TensorSpan<T> output);

/// <summary>A generated backward pass.</summary>
public delegate void Backward<T>(ReadOnlyTensorSpan<T> x1, ReadOnlyTensorSpan<T> x2, ReadOnlyTensorSpan<T> weights, ReadOnlyTensorSpan<T> gradOutput,
    TensorSpan<T> gradX1, TensorSpan<T> gradX2, TensorSpan<T> gradWeights);

/// <summary>One benchmark configuration: its product (described by the runtime) and its generated kernels.</summary>
public sealed record EquivariantConfig(
    string Name,
    TensorProductDescription Product,
    Forward<float> ForwardSingle,
    Backward<float> BackwardSingle,
    Forward<double> ForwardDouble,
    Backward<double> BackwardDouble,
    double E3nnForward,
    double E3nnForwardBackward)
{
    /// <summary>e3nn 0.5.6 (torch 1.13, CPU, one thread, fp32, batch 2000) on this machine, elements per second, from the issue.</summary>
    public static IReadOnlyList<EquivariantConfig> All { get; } = new[]
    {
        new EquivariantConfig("mace-large",
            TensorProductDescription.Create(EquivariantKernels.MaceLarge1, EquivariantKernels.MaceLarge2, EquivariantKernels.MaceLargeOut,
                kind: TensorProductKind.Channelwise, sharedWeights: false),
            EquivariantKernels.MaceLargeSingle, EquivariantKernels.MaceLargeSingleBackward, EquivariantKernels.MaceLargeDouble, EquivariantKernels.MaceLargeDoubleBackward,
            14_300, 4_600),
        new EquivariantConfig("mace-medium",
            TensorProductDescription.Create(EquivariantKernels.MaceMedium1, EquivariantKernels.MaceMedium2, EquivariantKernels.MaceMediumOut,
                kind: TensorProductKind.Channelwise, sharedWeights: false),
            EquivariantKernels.MaceMediumSingle, EquivariantKernels.MaceMediumSingleBackward, EquivariantKernels.MaceMediumDouble, EquivariantKernels.MaceMediumDoubleBackward,
            99_000, 26_900),
        new EquivariantConfig("nequip-benzene",
            TensorProductDescription.Create(EquivariantKernels.Nequip1, EquivariantKernels.Nequip2, EquivariantKernels.NequipOut,
                kind: TensorProductKind.Channelwise, sharedWeights: false),
            EquivariantKernels.NequipBenzeneSingle, EquivariantKernels.NequipBenzeneSingleBackward, EquivariantKernels.NequipBenzeneDouble, EquivariantKernels.NequipBenzeneDoubleBackward,
            7_000, 650),
        new EquivariantConfig("diffdock-l2",
            TensorProductDescription.Create(EquivariantKernels.DiffDock1, EquivariantKernels.DiffDock2, EquivariantKernels.DiffDockOut),
            EquivariantKernels.DiffDockSingle, EquivariantKernels.DiffDockSingleBackward, EquivariantKernels.DiffDockDouble, EquivariantKernels.DiffDockDoubleBackward,
            730_000, 231_000),
    };

    public double ForwardFlops => Product.ForwardFlops;

    public double BackwardFlops => Product.BackwardFlops;

    public override string ToString() => Name;
}
