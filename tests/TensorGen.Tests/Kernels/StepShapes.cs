using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using TensorGen.Runtime;

namespace TensorGen.Tests.Kernels;

/// <summary>
/// A binary einsum step of the GEMM engine tests: its expression, operand and result shapes from an index-size list, and the
/// layouts of the two operands and the result; binds the step over given views and makes result views (real or complex).
/// </summary>
internal sealed class StepShapes
{
    public StepShapes(string expression, string sizes, ViewKind left, ViewKind right, ViewKind result)
    {
        Expression = expression;
        Dictionary<char, int> size = sizes.Split(',').ToDictionary(s => s[0], s => int.Parse(s[2..], System.Globalization.CultureInfo.InvariantCulture));
        string[] terms = expression.Replace("->", ",", StringComparison.Ordinal).Split(',');
        Shapes = terms.Select(t => t.Select(c => size[c]).ToArray()).ToArray();
        Kinds = [left, right, result];
    }

    public string Expression { get; }

    /// <summary>The left operand's, the right operand's and the result's shapes.</summary>
    public int[][] Shapes { get; }

    /// <summary>The left operand's, the right operand's and the result's layouts.</summary>
    public ViewKind[] Kinds { get; }

    /// <summary>The result's tensor shape: a scalar is [1].</summary>
    public int[] ResultShape => Shapes[2].Length == 0 ? [1] : Shapes[2];

    /// <summary>The result's layout; never broadcast, since a result's elements must be distinct.</summary>
    public ViewKind ResultKind => Kinds[2] == ViewKind.Broadcast ? ViewKind.Dense : Kinds[2];

    /// <summary>The step over these operands and result, planned as written (one step).</summary>
    public EinsumBinding Bind<T>(Tensor<T>[] operands, TensorSpan<T> result)
    {
        EinsumBinding binding = EinsumProgram.Create(Expression, [0, 1], ["left", "right", "result"]).Bind();
        for (int i = 0; i < 2; i++)
        {
            binding.Operand(i, operands[i].Lengths, operands[i].Strides);
        }

        binding.Result(result.Lengths, result.Strides);
        return binding;
    }

    /// <summary>Runs the step of <paramref name="binding"/> at <paramref name="tier"/> on up to <paramref name="threads"/> threads, then puts the options back.</summary>
    public static void Contract<T>(EinsumBinding binding, Tensor<T>[] operands, TensorSpan<T> result, KernelTier tier, int threads, bool accumulate)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        KernelOptions.Tier = tier;
        KernelOptions.MaxThreads = threads;
        try
        {
            StridedKernels.Contract(binding.Step(0), TensorMemory.Of(operands[0].AsReadOnlyTensorSpan()),
                TensorMemory.Of(operands[1].AsReadOnlyTensorSpan()), TensorMemory.Of(result), accumulate);
        }
        finally
        {
            KernelOptionsCollection.Restore();
        }
    }

    /// <summary>A buffer for the result view, filled with <paramref name="initial"/>(position): values to accumulate onto and to see stray writes in.</summary>
    public T[] ResultBuffer<T>(Func<int, T> initial)
    {
        nint[] strides = OperandViews.Strides(ResultShape, ResultKind);
        int reach = ResultShape.Contains(0) ? 0 : ResultShape.Select((l, d) => (l - 1) * (int)strides[d]).Sum() + 1;
        return Enumerable.Range(0, OperandViews.Offset(ResultKind) + reach + 1).Select(initial).ToArray();
    }

    public TensorSpan<T> ResultView<T>(T[] buffer) =>
        new(buffer, OperandViews.Offset(ResultKind), ResultShape.Select(l => (nint)l).ToArray(), OperandViews.Strides(ResultShape, ResultKind));
}
