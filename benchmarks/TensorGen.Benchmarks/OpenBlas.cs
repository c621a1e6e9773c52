using System;
using System.Runtime.InteropServices;

namespace TensorGen.Benchmarks;

/// <summary>
/// OpenBLAS through P/Invoke, the in-process GEMM peer (Debian: <c>apt-get install libopenblas0</c>). Row-major
/// <c>cblas_sgemm</c>, and its thread count set to the benchmark's.
/// </summary>
internal static unsafe partial class OpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101;
    private const int NoTranspose = 111;

    /// <summary>True when libopenblas.so.0 loads; benchmarks of OpenBLAS throw a clear message otherwise.</summary>
    public static bool IsAvailable { get; } = NativeLibrary.TryLoad(Library, out _);

    public static void SetThreads(int threads)
    {
        if (IsAvailable)
        {
            openblas_set_num_threads(threads);
        }
    }

    /// <summary><c>C = A · B</c> for dense row-major A (m × k), B (k × n), C (m × n).</summary>
    public static void Multiply(int m, int n, int k, float* a, float* b, float* c)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException($"{Library} is not installed (Debian: apt-get install libopenblas0).");
        }

        cblas_sgemm(RowMajor, NoTranspose, NoTranspose, m, n, k, 1f, a, k, b, n, 0f, c, n);
    }

    /// <summary><c>C = A · B</c> in double for dense row-major A (m × k), B (k × n), C (m × n).</summary>
    public static void Multiply(int m, int n, int k, double* a, double* b, double* c)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException($"{Library} is not installed (Debian: apt-get install libopenblas0).");
        }

        cblas_dgemm(RowMajor, NoTranspose, NoTranspose, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
    }

    [LibraryImport(Library)]
    private static partial void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda,
        double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(Library)]
    private static partial void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha, float* a, int lda,
        float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library)]
    private static partial void openblas_set_num_threads(int threads);
}
