namespace TensorGen;

/// <summary>e3nn's spherical-harmonics <c>normalization</c> (of the output; independent of normalizing the input vectors).</summary>
public enum ShNormalization
{
    /// <summary>‖Yˡ(x)‖² = 2l + 1 for unit x.</summary>
    Component = 0,

    /// <summary>‖Yˡ(x)‖ = 1 for unit x (component / √(2l + 1)).</summary>
    Norm = 1,

    /// <summary>∫ over the unit sphere of Yˡₘ(x)² = 1 (component / √(4π); e3nn's default).</summary>
    Integral = 2,
}
