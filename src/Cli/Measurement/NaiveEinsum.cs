using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Cli.Measurement;

/// <summary>
/// The independent reference and the baseline "naive loop": one loop over every combination of the expression's index
/// values (numpy.einsum's optimize=False), multiplying the operands' elements and adding into the result, in double
/// precision. Knows nothing of plans or kernels: dense row-major operands, a repeated index reads a diagonal.
/// </summary>
internal sealed class NaiveEinsum
{
    private readonly long[] _sizes;
    private readonly long[][] _operandStrides;
    private readonly long[] _resultStrides;
    private readonly long _resultLength;

    public NaiveEinsum(EinsumExpression expression, IReadOnlyDictionary<string, long> sizes)
    {
        var labels = expression.DistinctLabels.ToList();
        _sizes = labels.Select(l => sizes[l]).ToArray();
        _operandStrides = expression.Inputs.Select(t => StridesOf(t, labels, sizes)).ToArray();
        _resultStrides = StridesOf(expression.Output, labels, sizes);
        _resultLength = expression.Output.Labels.Aggregate(1L, (p, l) => p * sizes[l]);
        Points = _sizes.Aggregate(1.0, (p, s) => p * s);
    }

    /// <summary>How many index combinations the loop visits.</summary>
    public double Points { get; }

    /// <summary>The result, in double precision.</summary>
    public double[] Run(IReadOnlyList<double[]> operands)
    {
        var result = new double[_resultLength];
        if (Points == 0)
        {
            return result;
        }

        int rank = _sizes.Length;
        int count = operands.Count;
        var index = new long[rank];
        var offsets = new long[count];
        long resultOffset = 0;
        while (true)
        {
            double product = 1;
            for (int k = 0; k < count; k++)
            {
                product *= operands[k][offsets[k]];
            }

            result[resultOffset] += product;

            // The odometer: the last index runs fastest; every offset moves by its stride.
            int d = rank - 1;
            for (; d >= 0; d--)
            {
                index[d]++;
                for (int k = 0; k < count; k++)
                {
                    offsets[k] += _operandStrides[k][d];
                }

                resultOffset += _resultStrides[d];
                if (index[d] < _sizes[d])
                {
                    break;
                }

                for (int k = 0; k < count; k++)
                {
                    offsets[k] -= _operandStrides[k][d] * _sizes[d];
                }

                resultOffset -= _resultStrides[d] * _sizes[d];
                index[d] = 0;
            }

            if (d < 0)
            {
                return result;
            }
        }
    }

    /// <summary>Per loop index, how far a term's dense row-major offset moves (summed over repeats: a diagonal).</summary>
    private static long[] StridesOf(EinsumTerm term, List<string> labels, IReadOnlyDictionary<string, long> sizes)
    {
        var strides = new long[labels.Count];
        long stride = 1;
        for (int position = term.Labels.Count - 1; position >= 0; position--)
        {
            strides[labels.IndexOf(term.Labels[position])] += stride;
            stride *= sizes[term.Labels[position]];
        }

        return strides;
    }
}
