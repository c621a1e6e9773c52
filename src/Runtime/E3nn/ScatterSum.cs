using System;
using System.Globalization;

namespace TensorGen.Runtime.E3nn;

/// <summary>
/// torch_scatter's <c>scatter_sum(values, index, dim=0, dim_size=N)</c> on rows (NequIP's and MACE's sum of messages into nodes),
/// and its backward pass, a gather. Every index is checked before anything is written; each output row is summed in row order,
/// by one thread, so the result is the same run to run. (The fused <c>[TensorProductConvolution]</c> kernels never form the
/// per-edge rows; this is for the rows a model forms itself.)
/// </summary>
public static class ScatterSum
{
    /// <summary><c>output[index[e], f] = Σ values[e, f]</c> over the rows e with that index; rows no index names are zero.</summary>
    /// <param name="values">[rows, features], row-major.</param>
    /// <param name="index">[rows]: the output row of each values row, 0 ≤ index &lt; outputRows.</param>
    /// <param name="output">[outputRows, features], row-major; overwritten.</param>
    /// <param name="features">Features per row.</param>
    /// <exception cref="ArgumentException">A length does not fit, an index is out of range, or the output overlaps the values.</exception>
    public static void Forward<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> index, Span<T> output, int features)
        where T : System.Numerics.INumberBase<T>
    {
        int rows = Check(values.Length, nameof(values), output.Length, nameof(output), index, features);
        TensorMemory.ThrowIfOverlaps(output, nameof(output), values, nameof(values));
        output.Clear();
        for (int e = 0; e < rows; e++)
        {
            ReadOnlySpan<T> source = values.Slice(e * features, features);
            Span<T> target = output.Slice(index[e] * features, features);
            for (int f = 0; f < features; f++)
            {
                target[f] += source[f];
            }
        }
    }

    /// <summary>The gradient of <see cref="Forward"/>: <c>gradValues[e, f] = gradOutput[index[e], f]</c>.</summary>
    /// <exception cref="ArgumentException">A length does not fit, an index is out of range, or the gradient overlaps gradOutput.</exception>
    public static void Backward<T>(ReadOnlySpan<T> gradOutput, ReadOnlySpan<int> index, Span<T> gradValues, int features)
        where T : System.Numerics.INumberBase<T>
    {
        int rows = Check(gradValues.Length, nameof(gradValues), gradOutput.Length, nameof(gradOutput), index, features);
        TensorMemory.ThrowIfOverlaps(gradValues, nameof(gradValues), gradOutput, nameof(gradOutput));
        for (int e = 0; e < rows; e++)
        {
            gradOutput.Slice(index[e] * features, features).CopyTo(gradValues.Slice(e * features, features));
        }
    }

    /// <summary>The rows' and the output's lengths, then every index; returns the number of rows.</summary>
    private static int Check(int rowsLength, string rowsName, int outputLength, string outputName, ReadOnlySpan<int> index, int features)
    {
        int rows = CheckRows(rowsLength, rowsName, index, features);
        CheckIndex(index, OutputRows(outputLength, outputName, features));
        return rows;
    }

    private static int CheckRows(int length, string name, ReadOnlySpan<int> index, int features)
    {
        if (features < 0 || length != (long)index.Length * features)
        {
            throw new ArgumentException(
                $"'{name}' holds {Text(length)} numbers; expected [{Text(index.Length)}, {Text(features)}] (one row per index).", name);
        }

        return index.Length;
    }

    private static int OutputRows(int length, string name, int features)
    {
        if (features == 0)
        {
            return length == 0 ? int.MaxValue : throw new ArgumentException($"'{name}' holds {Text(length)} numbers; rows of 0 features hold none.", name);
        }

        if (length % features != 0)
        {
            throw new ArgumentException($"'{name}' holds {Text(length)} numbers, not whole rows of {Text(features)} features.", name);
        }

        return length / features;
    }

    private static void CheckIndex(ReadOnlySpan<int> index, int outputRows)
    {
        for (int e = 0; e < index.Length; e++)
        {
            if ((uint)index[e] >= (uint)outputRows)
            {
                throw new ArgumentException($"index[{Text(e)}] = {Text(index[e])} is outside the {Text(outputRows)} output rows.", nameof(index));
            }
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
