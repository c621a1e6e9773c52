using System;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// Moves an irreps block of rows, [Z, mul, 2l+1] at any strides, to and from dense component-major scratch [2l+1][Z][mul], so that
/// each component's channel mix is a GEMM on unit-stride operands (the GEMM engine ran 2–5× slower on the blocks read in place
/// with stride 2l + 1 along the channels: benchmarks/results/equivariant-linear.md).
/// </summary>
internal static class ComponentMajor
{
    /// <summary>scratch[m][z][u] = rows[z, offset + u·dim + m].</summary>
    public static void Gather<T>(ReadOnlySpan<T> rows, nint rowStride, nint featureStride, int offset, int batch, int mul, int dim, Span<T> scratch)
    {
        for (int z = 0; z < batch; z++)
        {
            for (int u = 0; u < mul; u++)
            {
                nint source = (z * rowStride) + ((offset + (u * dim)) * featureStride);
                for (int m = 0; m < dim; m++)
                {
                    scratch[(((m * batch) + z) * mul) + u] = rows[(int)(source + (m * featureStride))];
                }
            }
        }
    }

    /// <summary>rows[z, offset + w·dim + m] = scratch[m][z][w].</summary>
    public static void Scatter<T>(ReadOnlySpan<T> scratch, int batch, int mul, int dim, Span<T> rows, nint rowStride, nint featureStride, int offset)
    {
        for (int z = 0; z < batch; z++)
        {
            for (int w = 0; w < mul; w++)
            {
                nint target = (z * rowStride) + ((offset + (w * dim)) * featureStride);
                for (int m = 0; m < dim; m++)
                {
                    rows[(int)(target + (m * featureStride))] = scratch[(((m * batch) + z) * mul) + w];
                }
            }
        }
    }
}
