using System;

namespace TensorGen;

/// <summary>
/// Generates the body of a <c>static partial void</c> method computing e3nn's real spherical harmonics of vectors:
/// <c>(ReadOnlyTensorSpan&lt;T&gt; vectors, TensorSpan&lt;T&gt; output)</c> with vectors [Z, 3] as (x, y, z) and output
/// [Z, dim], T float or double. y is the polar axis; the irreps say which degrees, in order, e.g. <c>"1x0e+1x1o+1x2e"</c>
/// (parity (−1)ˡ for vectors, or even throughout for pseudovectors).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SphericalHarmonicsAttribute : Attribute
{
    /// <summary>Declares spherical harmonics of the degrees in <paramref name="irreps"/>.</summary>
    /// <param name="irreps">The output irreps, e.g. <c>"0e + 1o + 2e + 3o"</c>.</param>
    public SphericalHarmonicsAttribute(string irreps) => Irreps = irreps;

    /// <summary>The output irreps.</summary>
    public string Irreps { get; }

    /// <summary>Whether the vectors are divided by their length first (e3nn's <c>normalize</c>; zero vectors stay zero).</summary>
    public bool Normalize { get; set; }

    /// <summary>The output normalization (default Integral, as e3nn's).</summary>
    public ShNormalization Normalization { get; set; } = ShNormalization.Integral;

    /// <summary>
    /// Where the harmonics are computed (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates an
    /// ILGPU kernel and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c> (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;
}
