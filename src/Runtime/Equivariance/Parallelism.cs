using System;
using System.Globalization;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// How many threads a kernel call uses: enough that each has real work (about 2·10⁵ floating-point operations), at most
/// the processor count, and at most <c>TENSORGEN_NUM_THREADS</c> when that environment variable is set (read once).
/// </summary>
public static class Parallelism
{
    private const long MinimumWorkPerThread = 200_000;

    private static readonly int s_cap = ReadCap();

    /// <summary>The thread cap: <c>TENSORGEN_NUM_THREADS</c> when set to a positive integer, else the processor count.</summary>
    public static int MaxThreads => Math.Min(s_cap, Environment.ProcessorCount);

    /// <summary>The number of workers for <paramref name="tiles"/> tiles of <paramref name="flopsPerTile"/> operations each.</summary>
    public static int Workers(int tiles, long flopsPerTile)
    {
        long byWork = Math.Max(1, tiles * Math.Max(1, flopsPerTile) / MinimumWorkPerThread);
        return (int)Math.Max(1, Math.Min(Math.Min(MaxThreads, tiles), byWork));
    }

    /// <summary>
    /// Runs <paramref name="range"/> over <paramref name="tiles"/> tiles: on this thread when one worker is enough, else cut
    /// into <see cref="Workers"/> contiguous ranges [first, end), one per worker.
    /// </summary>
    public static void ForTiles(int tiles, long flopsPerTile, Action<int, int> range)
    {
        int workers = Workers(tiles, flopsPerTile);
        if (workers == 1)
        {
            range(0, tiles);
            return;
        }

        System.Threading.Tasks.Parallel.For(0, workers, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            range((int)((long)tiles * w / workers), (int)((long)tiles * (w + 1) / workers)));
    }

    private static int ReadCap()
    {
        string? text = Environment.GetEnvironmentVariable("TENSORGEN_NUM_THREADS");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int cap) && cap > 0 ? cap : int.MaxValue;
    }
}
