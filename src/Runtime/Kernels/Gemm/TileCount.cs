namespace TensorGen.Runtime;

/// <summary>
/// A compile-time count for the micro-kernels' tile shapes: a kernel generic over <c>TRows</c> and
/// <c>TWidth</c> is compiled by the JIT once per value type, with <see cref="Value"/> folded to a constant, so
/// one source gives every edge-tile shape with its accumulators in registers and no branches in the loop. An instance member
/// read as <c>default(TRows).Value</c> (not a static abstract one) so that crossgen2 precompiles the kernels (see
/// <see cref="IMicroKernel{T}"/>).
/// </summary>
internal interface ITileCount
{
    int Value { get; }
}

internal readonly struct One : ITileCount
{
    public int Value => 1;
}

internal readonly struct Two : ITileCount
{
    public int Value => 2;
}

internal readonly struct Three : ITileCount
{
    public int Value => 3;
}

internal readonly struct Four : ITileCount
{
    public int Value => 4;
}

internal readonly struct Five : ITileCount
{
    public int Value => 5;
}

internal readonly struct Six : ITileCount
{
    public int Value => 6;
}
