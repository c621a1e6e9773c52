namespace TensorGen.Runtime;

/// <summary>
/// A register-blocked GEMM micro-kernel (Goto and van de Geijn 2008, ACM TOMS 34(3) 12; BLIS: Van Zee and
/// van de Geijn 2015, ACM TOMS 41(3) 14): it holds a tile of up to <see cref="MaxRows"/> × (<see cref="MaxWidth"/> ×
/// <see cref="VectorLength"/>) results in registers and adds one rank-1 update per step of the contracted depth.
/// </summary>
/// <remarks>
/// Row <c>r</c> of the left panel is read element by element (broadcast) at <c>a + r·aRowStride + p·aDepthStride</c>,
/// so a packed panel and a tensor whose rows and depth each have one stride are read alike. The right panel's depth
/// step <c>p</c> is <c>TWidth</c> contiguous vectors at <c>b + p·bDepthStride</c>; the result tile's row <c>r</c> is
/// contiguous at <c>c + r·cRowStride</c>. Edge tiles use smaller <c>TRows</c> and <c>TWidth</c>.
/// The members are instance members of an empty struct, called as <c>default(TKernel).Multiply(...)</c>: the JIT
/// specializes and devirtualizes them exactly as static abstract members, and crossgen2 can precompile their callers into
/// the ReadyToRun image (it leaves every method that calls a static virtual member through a type parameter to the JIT).
/// </remarks>
internal unsafe interface IMicroKernel<T>
    where T : unmanaged
{
    /// <summary>The most rows a tile has (MR).</summary>
    int MaxRows { get; }

    /// <summary>The most vectors across a tile's row.</summary>
    int MaxWidth { get; }

    /// <summary>Elements per vector; a full tile row (NR) is <see cref="MaxWidth"/> × this.</summary>
    int VectorLength { get; }

    /// <summary>
    /// <c>C[r, j] (+)= Σ_p A[r, p] · B[p, j]</c> for <c>r &lt; TRows</c>, <c>j &lt; TWidth·VectorLength</c>, <c>p &lt; depth</c>;
    /// with <paramref name="addToC"/> the sum is added to C, otherwise it replaces it.
    /// </summary>
    void Multiply<TRows, TWidth>(nint depth, T* a, nint aRowStride, nint aDepthStride, T* b, nint bDepthStride,
        T* c, nint cRowStride, bool addToC)
        where TRows : struct, ITileCount
        where TWidth : struct, ITileCount;
}
