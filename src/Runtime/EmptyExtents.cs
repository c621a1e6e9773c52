using System;

namespace TensorGen.Runtime;

/// <summary>Whether a loop, sum or output is empty, asked on every call's path (layouts, loop nests, batched chains).</summary>
internal static class EmptyExtents
{
    /// <summary>
    /// Whether any extent is 0 (the loop, sum or output it spans is empty). A plain loop over a handful of values:
    /// <c>Array.IndexOf</c> / <c>Contains</c> over nint run the BCL's vectorized span helpers, whose precompiled code the
    /// runtime rejects on AVX-512 machines, so each was JIT-compiled on a kernel's first call.
    /// </summary>
    public static bool Any(ReadOnlySpan<nint> extents)
    {
        foreach (nint extent in extents)
        {
            if (extent == 0)
            {
                return true;
            }
        }

        return false;
    }
}
