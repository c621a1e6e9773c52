using System;

namespace TensorGen;

/// <summary>
/// Generates the body of a <c>static partial void</c> method that computes an e3nn tensor product of two irreps
/// features, <c>output = x1 ⊗ x2</c> over the coupling paths, as straight-line code over the non-zero Clebsch–Gordan
/// coefficients. The method takes <c>(ReadOnlyTensorSpan&lt;T&gt; x1, ReadOnlyTensorSpan&lt;T&gt; x2, ReadOnlyTensorSpan&lt;T&gt;
/// weights, TensorSpan&lt;T&gt; output)</c> with T float or double: x1 [Z, dim1], x2 [Z, dim2], weights [W] (shared) or
/// [Z, W], output [Z, dimOut], features in e3nn's <c>mul_ir</c> layout. The weights parameter may be left out when no path
/// is weighted.
/// </summary>
/// <example>
/// <code>
/// [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e")]   // e3nn FullyConnectedTensorProduct
/// public static partial void Tp(ReadOnlyTensorSpan&lt;double&gt; x1, ReadOnlyTensorSpan&lt;double&gt; x2,
///     ReadOnlyTensorSpan&lt;double&gt; weights, TensorSpan&lt;double&gt; output);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TensorProductAttribute : Attribute
{
    /// <summary>Declares the product of <paramref name="irreps1"/> and <paramref name="irreps2"/> into <paramref name="irrepsOut"/>.</summary>
    /// <param name="irreps1">x1's irreps in e3nn's grammar, e.g. <c>"16x0e + 8x1o + 2e"</c> (parity e, o, or y for (−1)ˡ).</param>
    /// <param name="irreps2">x2's irreps.</param>
    /// <param name="irrepsOut">
    /// The output's irreps. For <see cref="TensorProductKind.Elementwise"/>, <see cref="TensorProductKind.Full"/> and
    /// <see cref="TensorProductKind.Channelwise"/> the output is derived and this only lists the irreps to keep (empty: all).
    /// </param>
    public TensorProductAttribute(string irreps1, string irreps2, string irrepsOut)
    {
        Irreps1 = irreps1;
        Irreps2 = irreps2;
        IrrepsOut = irrepsOut;
    }

    /// <summary>x1's irreps.</summary>
    public string Irreps1 { get; }

    /// <summary>x2's irreps.</summary>
    public string Irreps2 { get; }

    /// <summary>The output's irreps (a filter for the kinds that derive the output).</summary>
    public string IrrepsOut { get; }

    /// <summary>
    /// e3nn's instructions, <c>;</c>-separated tuples <c>i1,i2,iout,mode,hasWeight[,pathWeight]</c> with mode one of uvw,
    /// uvu, uvv, uuw, uuu, uvuv, e.g. <c>"0,0,0,uvw,true; 1,0,1,uvu,false,0.5"</c>. When not given, <see cref="Kind"/> derives them.
    /// </summary>
    public string? Instructions { get; set; }

    /// <summary>How to derive the instructions when <see cref="Instructions"/> is not given (default FullyConnected).</summary>
    public TensorProductKind Kind { get; set; }

    /// <summary>e3nn's <c>irrep_normalization</c> (default Component).</summary>
    public IrrepNormalization IrrepNormalization { get; set; }

    /// <summary>e3nn's <c>path_normalization</c> (default Element).</summary>
    public PathNormalization PathNormalization { get; set; }

    /// <summary>Whether one weight vector [W] is shared by the batch (default) or each row has its own, weights [Z, W].</summary>
    public bool SharedWeights { get; set; } = true;

    /// <summary>The Wigner 3j sign convention (default e3nn ≥ 0.5; E3nnLegacy for models trained with e3nn 0.4.4, e.g. MACE).</summary>
    public Wigner3jConvention Wigner3j { get; set; }

    /// <summary>
    /// Where the product runs (default <see cref="Backend.Cpu"/>). <c>Backend.Cpu | Backend.Gpu</c> also generates ILGPU
    /// kernels and a <c>NameGpu</c> host entry point taking a <c>TensorGen.Runtime.Gpu.GpuContext</c> (docs/gpu.md).
    /// </summary>
    public Backend Backends { get; set; } = Backend.Cpu;
}
