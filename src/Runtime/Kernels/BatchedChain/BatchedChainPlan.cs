using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Runtime;

/// <summary>
/// The run-time batched chain for one bound shape: a plan whose every step keeps the output's leading index (the batch),
/// each step small per item, runs in one pass over the batch with <see cref="System.Numerics.Vector{T}"/> lanes across items
/// — as the static form's batched-chain family does — instead of one pass per step. Built from the call's sizes and strides,
/// so any layout works: batched operands are gathered into lanes through their strides (an in-register transpose when an
/// item is dense), batch-free ones broadcast across lanes once per call.
/// </summary>
/// <remarks>
/// Every lane buffer (inputs, intermediates, result) lives in one workspace of vectors, each per-item tensor dense row-major
/// over its indices other than the batch. A step is a table of workspace positions: for output element o, terms
/// <c>o·Terms … (o + 1)·Terms − 1</c> of <see cref="Step.Left"/> and <see cref="Step.Right"/>, so running it is one
/// multiply-add per term on whole vectors, with no loop-nest bookkeeping.
/// </remarks>
internal sealed class BatchedChainPlan
{
    /// <summary>The least batch: a few vectors' worth of lanes (the static form's <c>KernelChoice.MinimumBatch</c>).</summary>
    public const long MinimumBatch = 32;

    /// <summary>The most multiply-adds per item of one step (the static form's unroll limit).</summary>
    public const long StepLimit = 2048;

    /// <summary>The most output elements per item of one step.</summary>
    public const long OutputLimit = 256;

    /// <summary>The most lane vectors of all buffers together (16 K elements of 16 lanes, the static form's stack budget).</summary>
    public const long WorkspaceLimit = 1024;

    private BatchedChainPlan(int batch, Operand[] inputs, Step[] steps, Operand result, int workspaceLength)
    {
        Batch = batch;
        Inputs = inputs;
        Steps = steps;
        Result = result;
        WorkspaceLength = workspaceLength;
    }

    /// <summary>The number of items.</summary>
    public int Batch { get; }

    public Operand[] Inputs { get; }

    public Step[] Steps { get; }

    /// <summary>The result's layout; its lanes are the last step's output.</summary>
    public Operand Result { get; }

    /// <summary>The vectors of the workspace that holds every lane buffer.</summary>
    public int WorkspaceLength { get; }

    /// <summary>An input's or the result's per-item elements in memory, and where its lanes sit in the workspace.</summary>
    /// <param name="IsBatched">Whether it has the batch index (else its elements are broadcast across lanes).</param>
    /// <param name="BatchStride">Its stride along the batch index (0 when broadcast along it).</param>
    /// <param name="Offsets">Each per-item element's offset from its item's first, dense row-major order over its other indices.</param>
    /// <param name="Base">Where its lanes start in the workspace.</param>
    /// <param name="Reach">The least length of its span: its largest offset over all items, plus one.</param>
    public sealed record Operand(bool IsBatched, nint BatchStride, nint[] Offsets, int Base, nint Reach)
    {
        /// <summary>Whether items are dense and consecutive: item n is elements n·L … n·L + L − 1 (BatchLanes' layout).</summary>
        public bool IsDenseItems { get; } = IsBatched && BatchStride == Offsets.Length && Offsets.Select((o, e) => o == e).All(x => x);
    }

    /// <summary>
    /// One step: output element o of <see cref="OutputBase"/> + o sums <see cref="Terms"/> products. <see cref="SharedOperand"/>
    /// is 1 when the left operand has no batch index (its lanes are the same in every block), 2 for the right, else 0.
    /// </summary>
    public sealed record Step(int OutputBase, int Outputs, int Terms, int[] Left, int[] Right, int SharedOperand);

    /// <summary>The batched chain for this bound plan, or null when the plan is not one (see the class remarks).</summary>
    public static BatchedChainPlan? TryCreate(ExpandedPlan plan, ResolvedShapes shapes, nint[][] inputLengths, nint[][] inputStrides,
        nint[] resultLengths, nint[] resultStrides)
    {
        nint[] sizes = shapes.Sizes;
        if (plan.OutputLabels.Length == 0 || plan.Steps.Length == 0 || EmptyExtents.Any(sizes) || inputLengths.Length > OperandSpans<float>.MaxCount)
        {
            return null;
        }

        int batch = plan.OutputLabels[0];
        if (sizes[batch] < MinimumBatch || plan.Steps.Any(s => s.IsUnary || !s.ResultLabels.Contains(batch)))
        {
            return null;
        }

        // Per operand id (inputs, then each step's intermediate): its indices other than the batch, in dense order.
        int inputCount = inputLengths.Length;
        var items = new List<int[]>();
        for (int i = 0; i < inputCount; i++)
        {
            if (plan.InputLabels[i].Count(l => l == batch) > 1)
            {
                return null; // A diagonal along the batch: not one item per batch position.
            }

            items.Add(plan.InputLabels[i].Distinct().Where(l => l != batch).ToArray());
        }

        items.AddRange(plan.Steps.Select(s => s.ResultLabels.Where(l => l != batch).ToArray()));
        long Volume(IEnumerable<int> labels) => labels.Aggregate(1L, (p, l) => p * sizes[l]);
        if (items.Sum(Volume) > WorkspaceLimit)
        {
            return null;
        }

        foreach (ExpandedStep step in plan.Steps)
        {
            if (Volume(step.LoopLabels.Where(l => l != batch)) > StepLimit || Volume(step.ResultLabels.Where(l => l != batch)) > OutputLimit)
            {
                return null;
            }
        }

        var bases = new int[items.Count];
        int workspace = 0;
        for (int id = 0; id < items.Count; id++)
        {
            bases[id] = workspace;
            workspace += (int)Volume(items[id]);
        }

        var inputs = new Operand[inputCount];
        for (int i = 0; i < inputCount; i++)
        {
            inputs[i] = Layout(plan.InputLabels[i], inputLengths[i], inputStrides[i], items[i], batch, sizes, bases[i]);
        }

        var steps = new Step[plan.Steps.Length];
        for (int k = 0; k < steps.Length; k++)
        {
            ExpandedStep step = plan.Steps[k];
            int shared = step.Left < inputCount && !inputs[step.Left].IsBatched ? 1 : step.Right < inputCount && !inputs[step.Right].IsBatched ? 2 : 0;
            steps[k] = Table(step, items[step.Left], bases[step.Left], items[step.Right], bases[step.Right], items[inputCount + k],
                bases[inputCount + k], batch, sizes) with { SharedOperand = shared };
        }

        Operand result = Layout(plan.OutputLabels, resultLengths, resultStrides, items[^1], batch, sizes, bases[^1]);
        return new BatchedChainPlan((int)sizes[batch], inputs, steps, result, workspace);
    }

    /// <summary>An operand's per-item offsets from its strides (summed over a repeated index: the diagonal).</summary>
    private static Operand Layout(int[] dimensions, nint[] lengths, nint[] strides, int[] item, int batch, nint[] sizes, int workspaceBase)
    {
        var byLabel = new Dictionary<int, nint>();
        for (int d = 0; d < dimensions.Length; d++)
        {
            byLabel.TryGetValue(dimensions[d], out nint sum);
            byLabel[dimensions[d]] = lengths[d] == 1 ? sum : checked(sum + strides[d]);
        }

        bool isBatched = byLabel.ContainsKey(batch);
        nint batchStride = isBatched ? byLabel[batch] : 0;
        nint[] offsets = DenseOrder(item, sizes, (index, label) => index * byLabel[label]);
        nint reach = checked((offsets.Length == 0 ? 0 : offsets.Max()) + ((sizes[batch] - 1) * batchStride) + 1);
        return new Operand(isBatched, batchStride, offsets, workspaceBase, reach);
    }

    /// <summary>A step's table: for each output element, in the dense order of its lanes, the workspace positions of each term.</summary>
    private static Step Table(ExpandedStep step, int[] left, int leftBase, int[] right, int rightBase, int[] output, int outputBase, int batch,
        nint[] sizes)
    {
        int[] summed = step.LoopLabels.Skip(step.KeptCount).Where(l => l != batch).ToArray();
        int[] loop = output.Concat(summed).ToArray();
        nint[] leftPositions = DenseOrder(loop, sizes, (index, label) => index * DenseStride(left, label, sizes));
        nint[] rightPositions = DenseOrder(loop, sizes, (index, label) => index * DenseStride(right, label, sizes));
        int outputs = (int)output.Aggregate(1L, (p, l) => p * sizes[l]);
        int terms = leftPositions.Length / outputs;
        return new Step(outputBase, outputs, terms,
            leftPositions.Select(p => leftBase + (int)p).ToArray(), rightPositions.Select(p => rightBase + (int)p).ToArray(), SharedOperand: 0);
    }

    /// <summary>The stride of <paramref name="label"/> in a dense row-major buffer over <paramref name="labels"/> (0 when absent).</summary>
    private static nint DenseStride(int[] labels, int label, nint[] sizes)
    {
        int at = Array.IndexOf(labels, label);
        if (at < 0)
        {
            return 0;
        }

        nint stride = 1;
        for (int d = at + 1; d < labels.Length; d++)
        {
            stride *= sizes[labels[d]];
        }

        return stride;
    }

    /// <summary>Σ over the labels of <paramref name="term"/>(index, label) at every point of the labels' space, row-major.</summary>
    private static nint[] DenseOrder(int[] labels, nint[] sizes, Func<nint, int, nint> term)
    {
        long count = labels.Aggregate(1L, (p, l) => p * sizes[l]);
        var values = new nint[count];
        var index = new nint[labels.Length];
        for (long n = 0; n < count; n++)
        {
            nint value = 0;
            for (int d = 0; d < labels.Length; d++)
            {
                value += term(index[d], labels[d]);
            }

            values[n] = value;
            for (int d = labels.Length - 1; d >= 0 && ++index[d] == sizes[labels[d]]; d--)
            {
                index[d] = 0;
            }
        }

        return values;
    }
}
