using System;
using System.Numerics;

namespace TensorGen.Decompositions;

/// <summary>
/// A thin singular value decomposition A = U diag(S) Vᴴ of a rows × cols matrix, k = min(rows, cols): U is
/// rows × k and Vᴴ k × cols, both row-major; S is descending.
/// </summary>
internal sealed class ThinSvd<T>
    where T : INumberBase<T>
{
    public ThinSvd(T[] u, double[] singularValues, T[] vh, int rows, int cols)
    {
        U = u;
        S = singularValues;
        Vh = vh;
        Rows = rows;
        Cols = cols;
    }

    public T[] U { get; }

    public double[] S { get; }

    public T[] Vh { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int K => S.Length;

    /// <summary>The first <paramref name="rank"/> columns of U, row-major rows × rank.</summary>
    public T[] LeadingU(int rank)
    {
        var result = new T[Rows * rank];
        for (int i = 0; i < Rows; i++)
        {
            Array.Copy(U, i * K, result, i * rank, rank);
        }

        return result;
    }

    /// <summary>diag(S) Vᴴ restricted to its first <paramref name="rank"/> rows, row-major rank × cols.</summary>
    public T[] LeadingSVh(int rank)
    {
        var result = new T[rank * Cols];
        for (int r = 0; r < rank; r++)
        {
            T scale = T.CreateTruncating(S[r]);
            for (int j = 0; j < Cols; j++)
            {
                result[(r * Cols) + j] = scale * Vh[(r * Cols) + j];
            }
        }

        return result;
    }
}
