using System.Numerics;
using System.Numerics.Tensors;
using TensorGen;
using TensorGen.Decompositions;

namespace Decompositions;

/// <summary>The examples' declared decomposition kernels; the generator implements them at build time.</summary>
public static partial class Kernels
{
    /// <summary>A Tucker-compressed field back on its grid.</summary>
    [TuckerKernel(TuckerOperation.Reconstruct, Order = 3)]
    public static partial void Expand(TuckerTensor<double> field, TensorSpan<double> result);

    /// <summary>⟨bra|H|ket⟩ for a 10-site chain, by the three-layer zipper.</summary>
    [TensorTrainMatrixKernel(TensorTrainMatrixOperation.Expectation, Order = MpsExpectation.Sites)]
    public static partial double Energy(TensorTrain<double> bra, TensorTrainMatrix<double> hamiltonian, TensorTrain<double> ket);

    /// <summary>⟨bra|ket⟩ for a 10-site chain.</summary>
    [TensorTrainKernel(TensorTrainOperation.Inner, Order = MpsExpectation.Sites)]
    public static partial double Overlap(TensorTrain<double> bra, TensorTrain<double> ket);

    /// <summary>CP-factorized spectral weights W[i, o, kx, ky] made dense (only to compare against).</summary>
    [CpKernel(CpOperation.Reconstruct, Order = 4)]
    public static partial void DenseWeights(CpTensor<Complex> weights, TensorSpan<Complex> result);

    /// <summary>‖W‖ from the factors alone.</summary>
    [CpKernel(CpOperation.Norm, Order = 4)]
    public static partial double WeightNorm(CpTensor<Complex> weights);
}
