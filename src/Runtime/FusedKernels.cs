using System;
using System.Numerics;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// Kernels for whole expressions whose pairwise plan loses to one fused pass, called by generated code when the
/// generator recognizes the expression's pattern (and recorded as the kernel family in the generated file's header).
/// </summary>
public static class FusedKernels
{
    /// <summary>
    /// The MTTKRP of a 3-way tensor, <c>out[f, r] (+)= Σ_{u,w} X[f, u, w] · U[u, r] · W[w, r]</c> in any mode and index
    /// order (e.g. <c>"ijk,jr,kr->ir"</c>), without forming the Khatri–Rao product: one GEMM per slice of X.
    /// </summary>
    /// <param name="binding">The call's binding of an MTTKRP expression, after <see cref="EinsumBinding.Result"/>.</param>
    /// <param name="operand0">The memory of the expression's first operand.</param>
    /// <param name="operand1">The memory of its second operand.</param>
    /// <param name="operand2">The memory of its third operand.</param>
    /// <param name="result">The result's memory.</param>
    /// <param name="accumulate">Add to the result instead of overwriting it.</param>
    /// <exception cref="ArgumentException">The expression is not an MTTKRP, or a span is shorter than its layout reaches.</exception>
    public static void Mttkrp<T>(EinsumBinding binding, ReadOnlySpan<T> operand0, ReadOnlySpan<T> operand1, ReadOnlySpan<T> operand2,
        Span<T> result, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(binding);
        EinsumProgram program = binding.Program;
        MttkrpPattern pattern = MttkrpPattern.Match(program.Expression)
            ?? throw new ArgumentException($"\"{program.Expression.Text}\" is not the MTTKRP of a 3-way tensor.", nameof(binding));
        ExpressionLabels labels = program.Labels;
        nint[] sizes = binding.Resolved.Sizes;
        int f = labels.IdOf(pattern.Free), r = labels.IdOf(pattern.Rank), u = labels.IdOf(pattern.First), w = labels.IdOf(pattern.Second);
        nint[] x = binding.LetterStrides(pattern.Tensor), uf = binding.LetterStrides(pattern.FirstFactor);
        nint[] wf = binding.LetterStrides(pattern.SecondFactor), output = binding.LetterStrides(program.InputCount);
        var roles = new MttkrpKernel.Roles(sizes[f], sizes[u], sizes[w], sizes[r], x[f], x[u], x[w], uf[u], uf[r], wf[w], wf[r], output[f], output[r]);
        Run(roles, pattern.Tensor, pattern.FirstFactor, pattern.SecondFactor, program.ParameterNames, operand0, operand1, operand2, result, accumulate);
    }

    /// <summary>
    /// The MTTKRP of <paramref name="layout"/> (a static kernel's, laid out at compile time): one GEMM per slice of X, no
    /// Khatri–Rao product. Spans are checked against the layout's reach before anything is written.
    /// </summary>
    /// <param name="layout">The operands' roles, sizes and strides.</param>
    /// <param name="operand0">The memory of the expression's first operand.</param>
    /// <param name="operand1">The memory of its second operand.</param>
    /// <param name="operand2">The memory of its third operand.</param>
    /// <param name="result">The result's memory.</param>
    /// <param name="accumulate">Add to the result instead of overwriting it.</param>
    /// <exception cref="ArgumentException">A span is shorter than the layout reaches.</exception>
    public static void Mttkrp<T>(MttkrpLayout layout, ReadOnlySpan<T> operand0, ReadOnlySpan<T> operand1, ReadOnlySpan<T> operand2,
        Span<T> result, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(layout);
        Run(layout.Roles, layout.Tensor, layout.FirstFactor, layout.SecondFactor, layout.ParameterNames, operand0, operand1, operand2, result, accumulate);
    }

    /// <summary>Both forms' MTTKRP once the roles are known: checks every span against its reach, then runs the kernel.</summary>
    private static void Run<T>(MttkrpKernel.Roles roles, int tensorAt, int firstAt, int secondAt, string[] names,
        ReadOnlySpan<T> operand0, ReadOnlySpan<T> operand1, ReadOnlySpan<T> operand2, Span<T> result, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ReadOnlySpan<T> tensor = Pick(tensorAt, operand0, operand1, operand2);
        ReadOnlySpan<T> first = Pick(firstAt, operand0, operand1, operand2);
        ReadOnlySpan<T> second = Pick(secondAt, operand0, operand1, operand2);
        if (roles.Free == 0 || roles.Rank == 0)
        {
            return; // The result has no elements.
        }

        // With u or w of size 0 every sum is empty and no operand is read.
        ThrowIfShort(result, [roles.Free, roles.Rank], [roles.OutFree, roles.OutRank], names[^1]);
        if (roles.First > 0 && roles.Second > 0)
        {
            ThrowIfShort(tensor, [roles.Free, roles.First, roles.Second], [roles.XFree, roles.XFirst, roles.XSecond], names[tensorAt]);
            ThrowIfShort(first, [roles.First, roles.Rank], [roles.UFirst, roles.URank], names[firstAt]);
            ThrowIfShort(second, [roles.Second, roles.Rank], [roles.WSecond, roles.WRank], names[secondAt]);
        }

        MttkrpKernel.Run(roles, tensor, first, second, result, accumulate);
    }

    private static ReadOnlySpan<T> Pick<T>(int position, ReadOnlySpan<T> operand0, ReadOnlySpan<T> operand1, ReadOnlySpan<T> operand2) =>
        position == 0 ? operand0 : position == 1 ? operand1 : operand2;

    /// <summary>Throws unless <paramref name="memory"/> holds every element the strides reach; every size is at least 1.</summary>
    private static void ThrowIfShort<T>(ReadOnlySpan<T> memory, ReadOnlySpan<nint> sizes, ReadOnlySpan<nint> strides, string name)
    {
        nint reach = 1;
        for (int d = 0; d < strides.Length; d++)
        {
            reach = checked(reach + ((sizes[d] - 1) * strides[d]));
        }

        if (memory.Length < reach)
        {
            throw new ArgumentException($"'{name}' reaches element {(long)reach - 1}, but its span has {memory.Length} elements.", name);
        }
    }
}
