namespace TensorGen;

/// <summary>e3nn's <c>path_normalization</c>: how the normalization of one output block is shared among the paths into it.</summary>
public enum PathNormalization
{
    /// <summary>By the number of input elements summed into each output element, over all paths into the block (e3nn's default).</summary>
    Element = 0,

    /// <summary>Each path by its own element count, then by the number of paths into the block.</summary>
    Path = 1,

    /// <summary>No path normalization.</summary>
    None = 2,
}
