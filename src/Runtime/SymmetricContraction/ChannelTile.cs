using System.Numerics;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// Moves one atom's row between e3nn's mul_ir layout (block b: channel c's component m at offset_b + c·(2l+1) + m) and the
/// kernels' channel-block-major scratch (channel block j = c / lanes, feature f = the block's first component + m: element
/// (j · features + f) · lanes + c mod lanes). The scratch's padding lanes (channels ≥ the multiplicity) are never written.
/// </summary>
internal static class ChannelTile
{
    public static void Gather<T>(in StridedRows<T> rows, int row, int[] degrees, int channels, int blocks, T[] tile)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count, features = Features(degrees);
        ref T first = ref rows.Row(row);
        nint stride = rows.ColumnStride;
        int offset = 0, feature = 0;
        foreach (int l in degrees)
        {
            int dim = (2 * l) + 1;
            for (int c = 0; c < channels; c++)
            {
                int at = ((c / lanes * features) + feature) * lanes + (c % lanes);
                for (int m = 0; m < dim; m++)
                {
                    tile[at + (m * lanes)] = System.Runtime.CompilerServices.Unsafe.Add(ref first, (offset + (c * dim) + m) * stride);
                }
            }

            offset += channels * dim;
            feature += dim;
        }
    }

    public static void Scatter<T>(T[] tile, int[] degrees, int channels, int blocks, in StridedRows<T> rows, int row)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count, features = Features(degrees);
        ref T first = ref rows.Row(row);
        nint stride = rows.ColumnStride;
        int offset = 0, feature = 0;
        foreach (int l in degrees)
        {
            int dim = (2 * l) + 1;
            for (int c = 0; c < channels; c++)
            {
                int at = ((c / lanes * features) + feature) * lanes + (c % lanes);
                for (int m = 0; m < dim; m++)
                {
                    System.Runtime.CompilerServices.Unsafe.Add(ref first, (offset + (c * dim) + m) * stride) = tile[at + (m * lanes)];
                }
            }

            offset += channels * dim;
            feature += dim;
        }
    }

    private static int Features(int[] degrees)
    {
        int features = 0;
        foreach (int l in degrees)
        {
            features += (2 * l) + 1;
        }

        return features;
    }
}
