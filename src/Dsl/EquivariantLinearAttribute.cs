using System;

namespace TensorGen;

/// <summary>
/// Generates the body of a <c>static partial void</c> method that computes e3nn's <c>o3.Linear</c>: for every pair of an input
/// block and an output block of the same irrep, a mix of the mul_in input channels into the mul_out output channels,
/// <c>output[z, w, m] += pathWeight · Σ_u weights[u, w] · input[z, u, m]</c>, plus a bias on each scalar (0e) output channel
/// when <see cref="Biases"/> is set. The method takes <c>(ReadOnlyTensorSpan&lt;T&gt; input, ReadOnlyTensorSpan&lt;T&gt; weights,
/// [ReadOnlyTensorSpan&lt;T&gt; biases,] TensorSpan&lt;T&gt; output)</c> with T float or double: input [Z, dimIn], weights [W],
/// biases [B], output [Z, dimOut], features in e3nn's <c>mul_ir</c> layout.
/// </summary>
/// <remarks>
/// The weights are e3nn's flat vector: one [mul_in, mul_out] matrix (row-major) per instruction, the instructions ordered by
/// input block, then output block (e3nn's default instructions). The path weight is 1/√(fan-in), the fan-in of an output block
/// being the number of input channels mixed into it (e3nn's <c>path_normalization="element"</c>). The biases are e3nn's flat
/// vector: the 0e output blocks' channels in order, added without a path weight. Outputs no input block reaches are zero (or
/// their bias).
/// </remarks>
/// <example>
/// <code>
/// [EquivariantLinear("128x0e+128x1o+128x2e", "128x0e+128x1o+128x2e", Biases = true)]
/// public static partial void Linear(ReadOnlyTensorSpan&lt;float&gt; input, ReadOnlyTensorSpan&lt;float&gt; weights,
///     ReadOnlyTensorSpan&lt;float&gt; biases, TensorSpan&lt;float&gt; output);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EquivariantLinearAttribute : Attribute
{
    /// <summary>Declares the linear map from <paramref name="irrepsIn"/> to <paramref name="irrepsOut"/>.</summary>
    /// <param name="irrepsIn">The input's irreps in e3nn's grammar, e.g. <c>"16x0e + 8x1o"</c>.</param>
    /// <param name="irrepsOut">The output's irreps.</param>
    public EquivariantLinearAttribute(string irrepsIn, string irrepsOut)
    {
        IrrepsIn = irrepsIn;
        IrrepsOut = irrepsOut;
    }

    /// <summary>The input's irreps.</summary>
    public string IrrepsIn { get; }

    /// <summary>The output's irreps.</summary>
    public string IrrepsOut { get; }

    /// <summary>
    /// e3nn's <c>biases=True</c>: a bias on every channel of every 0e output block, taken as a <c>biases</c> parameter [B] after the
    /// weights (default false).
    /// </summary>
    public bool Biases { get; set; }

    /// <summary>e3nn's <c>path_normalization</c>: Element (default) or Path; None leaves every path weight 1 (not an e3nn option).</summary>
    public PathNormalization PathNormalization { get; set; }
}
