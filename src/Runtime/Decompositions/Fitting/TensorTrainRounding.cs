using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Decompositions.Fitting;

/// <summary>
/// TT rounding (Oseledets 2011, Algorithm 2): right-to-left orthogonalization by QR (each core's bond-side
/// factor is pushed into its left neighbour), then a left-to-right sweep of truncated SVDs with the per-step
/// bound ε‖X‖/√(N−1), where ‖X‖ is now the first core's norm. Core products are einsum contractions.
/// </summary>
internal static class TensorTrainRounding
{
    public static TensorTrain<T> Round<T>(TensorTrain<T> train, TensorTrainTruncation truncation)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(truncation);
        int order = train.Order;
        var cores = new Tensor<T>[order];
        for (int k = 0; k < order; k++)
        {
            cores[k] = train.Cores[k];
        }

        if (order == 1)
        {
            return new TensorTrain<T>(cores);
        }

        // Right to left: G_k = L Q with Q's rows orthonormal; G_k ← Q, G_{k−1} ← G_{k−1} ×₃ L.
        for (int k = order - 1; k > 0; k--)
        {
            ReadOnlySpan<nint> lengths = cores[k].Lengths;
            int left = (int)lengths[0], rest = (int)(lengths[1] * lengths[2]);
            T[] transposed = DenseTensors.ConjugateTranspose(DenseTensors.Span(cores[k]), left, rest);
            var (q, r) = LinearAlgebra.Qr<T>(transposed, rest, left); // Gᴴ = Q R ⇒ G = Rᴴ Qᴴ
            int kept = Math.Min(rest, left);
            cores[k] = DenseTensors.Wrap(DenseTensors.ConjugateTranspose<T>(q, rest, kept), kept, lengths[1], lengths[2]);
            Tensor<T> l = DenseTensors.Wrap(DenseTensors.ConjugateTranspose<T>(r, kept, left), left, kept);
            cores[k - 1] = Einsum.Evaluate("aib,bc->aic", cores[k - 1], l);
        }

        double norm = Math.Sqrt(Elements.SumOfSquares(DenseTensors.Span(cores[0])));
        double perStep = truncation.RelativeTolerance * norm / Math.Sqrt(order - 1);

        // Left to right: G_k = U S Vᴴ truncated; G_k ← U, G_{k+1} ← (S Vᴴ) G_{k+1}.
        for (int k = 0; k < order - 1; k++)
        {
            ReadOnlySpan<nint> lengths = cores[k].Lengths;
            int rows = (int)(lengths[0] * lengths[1]), right = (int)lengths[2];
            ThinSvd<T> svd = LinearAlgebra.Svd(DenseTensors.Span(cores[k]), rows, right);
            int kept = RankSelection.Choose(svd.S, truncation.MaxRank, perStep);
            cores[k] = DenseTensors.Wrap(svd.LeadingU(kept), lengths[0], lengths[1], kept);
            Tensor<T> sv = DenseTensors.Wrap(svd.LeadingSVh(kept), kept, right);
            cores[k + 1] = Einsum.Evaluate("ab,bjc->ajc", sv, cores[k + 1]);
        }

        return new TensorTrain<T>(cores);
    }
}
