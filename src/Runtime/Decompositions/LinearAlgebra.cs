using System;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathVector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace TensorGen.Decompositions;

/// <summary>
/// The factorizations the fits need — thin SVD, thin QR, a small Hermitian solve (Cholesky, or the pseudo-inverse when singular) — from MathNet.Numerics on
/// row-major arrays. float is factorized in double (and rounded back); Complex in Complex. Contractions never come
/// here: they run as einsum networks.
/// </summary>
internal static class LinearAlgebra
{
    /// <summary>
    /// The thin SVD of the row-major <paramref name="rows"/> × <paramref name="cols"/> matrix <paramref name="a"/>.
    /// It factors the tall side by QR first and takes the SVD of the small triangle (Chan 1982, ACM TOMS 8(1)),
    /// so no square factor of the long side is ever formed (MathNet's SVD would form it).
    /// </summary>
    public static ThinSvd<T> Svd<T>(ReadOnlySpan<T> a, int rows, int cols)
        where T : INumberBase<T>
    {
        if (Elements.IsComplex<T>())
        {
            var (u, s, vh) = SvdCore(ToComplexMatrix(a, rows, cols));
            return new ThinSvd<T>(FromMatrix<T>(u), RealParts(s), FromMatrix<T>(vh), rows, cols);
        }

        var (ur, sr, vhr) = SvdCore(ToRealMatrix(a, rows, cols));
        return new ThinSvd<T>(FromMatrix<T>(ur), sr.ToArray(), FromMatrix<T>(vhr), rows, cols);
    }

    /// <summary>The thin QR A = Q R: Q is rows × k with orthonormal columns, R is k × cols, k = min(rows, cols); both row-major.</summary>
    public static (T[] Q, T[] R) Qr<T>(ReadOnlySpan<T> a, int rows, int cols)
        where T : INumberBase<T>
    {
        if (Elements.IsComplex<T>())
        {
            var (q, r) = QrCore(ToComplexMatrix(a, rows, cols));
            return (FromMatrix<T>(q), FromMatrix<T>(r));
        }

        var (qr, rr) = QrCore(ToRealMatrix(a, rows, cols));
        return (FromMatrix<T>(qr), FromMatrix<T>(rr));
    }

    /// <summary>
    /// B = M V⁺ for a row-major <paramref name="rows"/> × n matrix M and a Hermitian positive semi-definite n × n matrix
    /// V: the least-squares solution of B V = M, exact when V is invertible (the CP-ALS normal equations, Kolda &amp;
    /// Bader 2009 §3.4). A well-conditioned V is inverted by Cholesky (V = L Lᴴ) and B = M V⁻¹; a
    /// singular or nearly singular one through the pseudo-inverse (an SVD, several times the cost).
    /// </summary>
    public static T[] SolveRightHermitian<T>(ReadOnlySpan<T> m, int rows, ReadOnlySpan<T> v, int n)
        where T : INumberBase<T>
    {
        if (Elements.IsComplex<T>())
        {
            return FromMatrix<T>(SolveRightHermitian(ToComplexMatrix(m, rows, n), ToComplexMatrix(v, n, n)));
        }

        return FromMatrix<T>(SolveRightHermitian(ToRealMatrix(m, rows, n), ToRealMatrix(v, n, n)));
    }

    private static Matrix<TM> SolveRightHermitian<TM>(Matrix<TM> m, Matrix<TM> v)
        where TM : struct, IEquatable<TM>, IFormattable
    {
        if (TryCholesky(v) is { } cholesky)
        {
            // V⁻¹ from n right-hand sides, then one product: cheaper than solving for M's rows one by one.
            return m * cholesky.Solve(Matrix<TM>.Build.DenseIdentity(v.RowCount));
        }

        return m * v.PseudoInverse();
    }

    /// <summary>
    /// The Cholesky factorization of <paramref name="v"/> when it exists and its pivots span less than 10⁶ (a condition
    /// number under 10¹²); otherwise null.
    /// </summary>
    private static Cholesky<TM>? TryCholesky<TM>(Matrix<TM> v)
        where TM : struct, IEquatable<TM>, IFormattable
    {
        Cholesky<TM> cholesky;
        try
        {
            cholesky = v.Cholesky();
        }
        catch (ArgumentException)
        {
            return null; // Not positive definite.
        }

        double smallest = double.PositiveInfinity, largest = 0;
        for (int i = 0; i < v.RowCount; i++)
        {
            double pivot = Magnitude(cholesky.Factor[i, i]);
            smallest = Math.Min(smallest, pivot);
            largest = Math.Max(largest, pivot);
        }

        return largest > 0 && smallest >= largest * 1e-6 ? cholesky : null;
    }

    private static double Magnitude<TM>(TM value)
        where TM : struct =>
        value switch
        {
            double real => Math.Abs(real),
            Complex complex => complex.Magnitude,
            _ => throw new NotSupportedException($"Element type {typeof(TM)} is not used here."),
        };

    private static (Matrix<TM> U, MathNet.Numerics.LinearAlgebra.Vector<TM> S, Matrix<TM> Vh) SvdCore<TM>(Matrix<TM> a)
        where TM : struct, IEquatable<TM>, IFormattable
    {
        if (a.RowCount >= a.ColumnCount)
        {
            // A = Q R, R = U_R S Vᴴ  ⇒  A = (Q U_R) S Vᴴ.
            QR<TM> qr = a.QR(QRMethod.Thin);
            Svd<TM> svd = qr.R.Svd(computeVectors: true);
            return (qr.Q * svd.U, svd.S, svd.VT);
        }

        // Aᴴ = Q R  ⇒  A = Rᴴ Qᴴ, Rᴴ = U S Wᴴ  ⇒  A = U S (Wᴴ Qᴴ).
        QR<TM> transposed = a.ConjugateTranspose().QR(QRMethod.Thin);
        Svd<TM> small = transposed.R.ConjugateTranspose().Svd(computeVectors: true);
        return (small.U, small.S, small.VT * transposed.Q.ConjugateTranspose());
    }

    private static (Matrix<TM> Q, Matrix<TM> R) QrCore<TM>(Matrix<TM> a)
        where TM : struct, IEquatable<TM>, IFormattable
    {
        if (a.RowCount >= a.ColumnCount)
        {
            QR<TM> qr = a.QR(QRMethod.Thin);
            return (qr.Q, qr.R);
        }

        // A wide matrix: Q is square (rows × rows) and R = Qᴴ A is rows × cols, upper trapezoidal.
        QR<TM> square = a.SubMatrix(0, a.RowCount, 0, a.RowCount).QR(QRMethod.Full);
        return (square.Q, square.Q.ConjugateTranspose() * a);
    }

    private static Matrix<double> ToRealMatrix<T>(ReadOnlySpan<T> a, int rows, int cols)
    {
        // MathNet stores column-major.
        var data = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                data[(j * rows) + i] = Elements.Real(a[(i * cols) + j]);
            }
        }

        return Matrix<double>.Build.Dense(rows, cols, data);
    }

    private static Matrix<Complex> ToComplexMatrix<T>(ReadOnlySpan<T> a, int rows, int cols)
    {
        var data = new Complex[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                data[(j * rows) + i] = Elements.ToComplex(a[(i * cols) + j]);
            }
        }

        return Matrix<Complex>.Build.Dense(rows, cols, data);
    }

    private static T[] FromMatrix<T>(Matrix<double> matrix)
        where T : INumberBase<T>
    {
        int rows = matrix.RowCount, cols = matrix.ColumnCount;
        double[] columnMajor = matrix.ToColumnMajorArray();
        var result = new T[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[(i * cols) + j] = T.CreateTruncating(columnMajor[(j * rows) + i]);
            }
        }

        return result;
    }

    private static T[] FromMatrix<T>(Matrix<Complex> matrix)
        where T : INumberBase<T>
    {
        int rows = matrix.RowCount, cols = matrix.ColumnCount;
        Complex[] columnMajor = matrix.ToColumnMajorArray();
        var result = new T[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                result[(i * cols) + j] = Elements.FromComplex<T>(columnMajor[(j * rows) + i]);
            }
        }

        return result;
    }

    private static double[] RealParts(MathVector values)
    {
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = values[i].Real;
        }

        return result;
    }
}
