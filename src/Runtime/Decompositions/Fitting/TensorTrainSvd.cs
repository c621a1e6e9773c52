using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Decompositions.Fitting;

/// <summary>
/// TT-SVD (Oseledets 2011, Algorithm 1): sweep left to right, each step a truncated SVD of the remainder unfolded as
/// [r_{k−1} n_k, n_{k+1} ⋯ n_N]; U becomes core k and S Vᴴ the next remainder.
/// </summary>
internal static class TensorTrainSvd
{
    public static TensorTrain<T> Decompose<T>(Tensor<T> tensor, TensorTrainTruncation truncation)
        where T : unmanaged, INumberBase<T>
    {
        Elements.ThrowIfUnsupported<T>();
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(truncation);
        FormatChecks.ThrowIfEmpty(tensor, nameof(tensor));
        int order = tensor.Rank;
        nint[] shape = tensor.Lengths.ToArray();
        T[] remainder = DenseTensors.ToArray(tensor);
        double norm = Math.Sqrt(Elements.SumOfSquares<T>(remainder));
        double perStep = order > 1 ? truncation.RelativeTolerance * norm / Math.Sqrt(order - 1) : 0;

        var cores = new Tensor<T>[order];
        int rank = 1;
        long columns = remainder.Length;
        for (int k = 0; k < order - 1; k++)
        {
            int rows = rank * (int)shape[k];
            columns /= shape[k];
            ThinSvd<T> svd = LinearAlgebra.Svd<T>(remainder, rows, (int)columns);
            int kept = RankSelection.Choose(svd.S, truncation.MaxRank, perStep);
            cores[k] = DenseTensors.Wrap(svd.LeadingU(kept), rank, shape[k], kept);
            remainder = svd.LeadingSVh(kept);
            rank = kept;
        }

        cores[order - 1] = DenseTensors.Wrap(remainder, rank, shape[order - 1], 1);
        return new TensorTrain<T>(cores);
    }
}
