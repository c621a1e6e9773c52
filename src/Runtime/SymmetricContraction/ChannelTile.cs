using System.Numerics;
using System.Runtime.CompilerServices;
using TensorGen.Runtime.Equivariance;

namespace TensorGen.Runtime.SymmetricContraction;

/// <summary>
/// Moves one atom's row between e3nn's mul_ir layout (block b: channel c's component m at offset_b + c·(2l+1) + m) and the
/// kernels' channel-block-major scratch (channel block j = c / lanes, feature f = the block's first component + m: element
/// (j · features + f) · lanes + c mod lanes). The scratch's padding lanes (channels ≥ the multiplicity) are never written.
/// </summary>
internal static class ChannelTile
{
    /// <summary>Row <paramref name="row"/> of <paramref name="rows"/> into <paramref name="tile"/>.</summary>
    public static void Gather<T>(in StridedRows<T> rows, int row, int[] degrees, int channels, T[] tile)
        where T : unmanaged =>
        Move(rows, row, degrees, channels, tile, toTile: true);

    /// <summary><paramref name="tile"/> into row <paramref name="row"/> of <paramref name="rows"/>.</summary>
    public static void Scatter<T>(T[] tile, int[] degrees, int channels, in StridedRows<T> rows, int row)
        where T : unmanaged =>
        Move(rows, row, degrees, channels, tile, toTile: false);

    private static void Move<T>(in StridedRows<T> rows, int row, int[] degrees, int channels, T[] tile, bool toTile)
        where T : unmanaged
    {
        int lanes = Vector<T>.Count, features = 0;
        foreach (int l in degrees)
        {
            features += (2 * l) + 1;
        }

        ref T first = ref rows.Row(row);
        nint stride = rows.ColumnStride;
        int offset = 0, feature = 0;
        foreach (int l in degrees)
        {
            int dim = (2 * l) + 1;
            for (int c = 0; c < channels; c++)
            {
                int at = ((((c / lanes) * features) + feature) * lanes) + (c % lanes);
                for (int m = 0; m < dim; m++)
                {
                    ref T element = ref Unsafe.Add(ref first, (offset + (c * dim) + m) * stride);
                    if (toTile)
                    {
                        tile[at + (m * lanes)] = element;
                    }
                    else
                    {
                        element = tile[at + (m * lanes)];
                    }
                }
            }

            offset += channels * dim;
            feature += dim;
        }
    }
}
