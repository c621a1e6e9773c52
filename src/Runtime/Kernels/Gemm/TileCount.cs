namespace TensorGen.Runtime;

/// <summary>
/// A compile-time count for the micro-kernels' tile shapes: a kernel generic over <c>TRows</c> and
/// <c>TWidth</c> is compiled by the JIT once per value type, with <see cref="Value"/> folded to a constant, so
/// one source gives every edge-tile shape with its accumulators in registers and no branches in the loop.
/// </summary>
internal interface ITileCount
{
    static abstract int Value { get; }
}

internal readonly struct One : ITileCount
{
    public static int Value => 1;
}

internal readonly struct Two : ITileCount
{
    public static int Value => 2;
}

internal readonly struct Three : ITileCount
{
    public static int Value => 3;
}

internal readonly struct Four : ITileCount
{
    public static int Value => 4;
}

internal readonly struct Five : ITileCount
{
    public static int Value => 5;
}

internal readonly struct Six : ITileCount
{
    public static int Value => 6;
}
