using System;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Runtime.Equivariance;

/// <summary>
/// What a generated equivariant linear kernel was compiled for (the plan the generator writes as constants): the feature
/// dimensions, the paths in e3nn's instruction order, the biases, and the parameter names for messages.
/// </summary>
public sealed class EquivariantLinearLayout
{
    private readonly LinearPathLayout[] _paths;
    private readonly LinearBiasLayout[] _biases;
    private readonly string[] _parameterNames;

    /// <param name="method">The method as people read it, e.g. <c>Kernels.Linear</c>.</param>
    /// <param name="dimIn">The input's features per row.</param>
    /// <param name="dimOut">The output's features per row.</param>
    /// <param name="paths">The paths, in e3nn's instruction order.</param>
    /// <param name="biases">The biased 0e output blocks, in order (empty: the layer has no biases parameter).</param>
    /// <param name="parameterNames">The method's parameter names, in order.</param>
    public EquivariantLinearLayout(string method, int dimIn, int dimOut, LinearPathLayout[] paths, LinearBiasLayout[] biases, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(parameterNames);
        Method = method;
        DimIn = dimIn;
        DimOut = dimOut;
        _paths = (LinearPathLayout[])paths.Clone();
        _biases = (LinearBiasLayout[])biases.Clone();
        _parameterNames = (string[])parameterNames.Clone();
        WeightCount = _paths.Sum(p => p.WeightCount);
        BiasCount = _biases.Sum(b => b.Mul);
        FirstIntoOutput = _paths.Select((p, k) => Array.FindIndex(_paths, q => q.OutputOffset == p.OutputOffset) == k).ToArray();
        FirstFromInput = _paths.Select((p, k) => Array.FindIndex(_paths, q => q.InputOffset == p.InputOffset) == k).ToArray();
        UnreachedOutput = Uncovered(dimOut, _paths.Select(p => (p.OutputOffset, p.MulOut * p.IrrepDim)));
        UnusedInput = Uncovered(dimIn, _paths.Select(p => (p.InputOffset, p.MulIn * p.IrrepDim)));
    }

    /// <summary>
    /// The layer e3nn's <c>o3.Linear(irrepsIn, irrepsOut, biases=biases)</c> builds (default instructions, element normalization),
    /// for run-time use (loading weights, reference checks); parameter names are those of the generated forward pass.
    /// </summary>
    /// <exception cref="ArgumentException">The irreps are not e3nn's grammar.</exception>
    public static EquivariantLinearLayout FromIrreps(string irrepsIn, string irrepsOut, bool biases = false)
    {
        LinearSpec spec = LinearSpecOf(irrepsIn, irrepsOut, biases);
        return new EquivariantLinearLayout($"Linear({irrepsIn} -> {irrepsOut})", spec.IrrepsIn.Dim, spec.IrrepsOut.Dim,
            spec.Paths.Select(p => new LinearPathLayout(p.InputOffset, p.OutputOffset, p.MulIn, p.MulOut, p.IrrepDim, p.WeightOffset, p.PathWeight)).ToArray(),
            spec.Biases.Select(b => new LinearBiasLayout(b.OutputOffset, b.Mul, b.BiasOffset)).ToArray(),
            spec.Biases.Count > 0 ? new[] { "input", "weights", "biases", "output" } : new[] { "input", "weights", "output" });
    }

    /// <summary>The method as people read it.</summary>
    public string Method { get; }

    /// <summary>The input's features per row.</summary>
    public int DimIn { get; }

    /// <summary>The output's features per row.</summary>
    public int DimOut { get; }

    /// <summary>e3nn's <c>weight_numel</c>.</summary>
    public int WeightCount { get; }

    /// <summary>e3nn's <c>bias_numel</c>.</summary>
    public int BiasCount { get; }

    /// <summary>Whether the layer takes biases (some 0e output block is biased).</summary>
    public bool HasBiases => _biases.Length > 0;

    /// <summary>The paths, in e3nn's instruction order.</summary>
    public ReadOnlySpan<LinearPathLayout> Paths => _paths;

    /// <summary>The biased output blocks.</summary>
    public ReadOnlySpan<LinearBiasLayout> Biases => _biases;

    /// <summary>Multiply-adds per batch row.</summary>
    public long MultiplyAddsPerRow => _paths.Sum(p => (long)p.WeightCount * p.IrrepDim);

    /// <summary>Whether path k is the first into its output block (it writes; later ones add).</summary>
    internal bool[] FirstIntoOutput { get; }

    /// <summary>Whether path k is the first from its input block (its input gradient writes; later ones add).</summary>
    internal bool[] FirstFromInput { get; }

    /// <summary>The output features no path writes, as (start, length) ranges: zero, or their bias.</summary>
    internal (int Start, int Length)[] UnreachedOutput { get; }

    /// <summary>The input features no path reads, as (start, length) ranges: their gradient is zero.</summary>
    internal (int Start, int Length)[] UnusedInput { get; }

    /// <summary>The paths bound as strided contractions for the last shapes seen.</summary>
    internal LinearSteps Steps { get; } = new();

    internal string Name(int index) => _parameterNames[index];

    private static (int Start, int Length)[] Uncovered(int dim, System.Collections.Generic.IEnumerable<(int Start, int Length)> blocks)
    {
        var covered = new bool[dim];
        foreach (var (start, length) in blocks)
        {
            Array.Fill(covered, true, start, length);
        }

        var ranges = new System.Collections.Generic.List<(int, int)>();
        for (int f = 0; f < dim;)
        {
            int end = f;
            while (end < dim && !covered[end])
            {
                end++;
            }

            if (end > f)
            {
                ranges.Add((f, end - f));
            }

            f = end + 1;
        }

        return ranges.ToArray();
    }

    internal static LinearSpec LinearSpecOf(string irrepsIn, string irrepsOut, bool biases)
    {
        LinearBuildResult result = LinearBuilder.Build(irrepsIn, irrepsOut, biases, PathNormalizationRule.Element);
        if (result.Spec is null)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Message)), result.Errors.Any(e => e.Text == EquivarianceText.Irreps1) ? nameof(irrepsIn) : nameof(irrepsOut));
        }

        return result.Spec;
    }
}
