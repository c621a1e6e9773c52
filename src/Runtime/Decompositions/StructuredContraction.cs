using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Decompositions.Lowering;
using TensorGen.Planning;
using TensorGen.Runtime;

namespace TensorGen.Decompositions;

/// <summary>
/// Runs a lowered decomposition network at run time, exactly as generated kernels do: planned for the actual
/// sizes (the cheaper of the planner's path and the structure's sweep), bound by <see cref="EinsumProgram"/>,
/// executed step by step by <see cref="StridedKernels"/> (a 3-way MTTKRP by <see cref="FusedKernels.Mttkrp{T}(EinsumBinding, System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, System.ReadOnlySpan{T}, System.Span{T}, bool)"/>).
/// Programs are cached per expression and shapes.
/// </summary>
internal static class StructuredContraction
{
    private const int MaxCachedPrograms = 512;

    private static readonly ConcurrentDictionary<string, EinsumProgram> s_programs = new(StringComparer.Ordinal);

    /// <summary>Whether each lowered expression is a 3-way MTTKRP.</summary>
    private static readonly ConcurrentDictionary<string, bool> s_mttkrp = new(StringComparer.Ordinal);

    /// <summary>Evaluates <paramref name="lowered"/> over the components <paramref name="sources"/> supply, into a new dense tensor.</summary>
    public static Tensor<T> Evaluate<T>(LoweredContraction lowered, params ReadOnlySpan<IComponentSource<T>> sources)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T>[] operands = Gather(lowered, sources);
        EinsumBinding binding = Bind(lowered, operands);
        ReadOnlySpan<nint> shape = binding.OutputShape;
        Tensor<T> result = Tensor.CreateFromShape<T>(shape.Length == 0 ? [1] : shape);
        TensorSpan<T> view = result.AsTensorSpan();
        binding.Result(view.Lengths, view.Strides);
        Run(lowered, binding, operands, TensorMemory.Of(view));
        return result;
    }

    /// <summary>
    /// Evaluates <paramref name="lowered"/> into <paramref name="destination"/> (any strides), so a caller that
    /// reconstructs repeatedly reuses one buffer. Shape and overlap are checked before anything is written.
    /// </summary>
    /// <exception cref="ArgumentException">The destination's shape is not the result's, or it overlaps a component.</exception>
    public static void EvaluateInto<T>(LoweredContraction lowered, in TensorSpan<T> destination, string destinationName,
        params ReadOnlySpan<IComponentSource<T>> sources)
        where T : unmanaged, INumberBase<T>
    {
        Tensor<T>[] operands = Gather(lowered, sources);
        EinsumBinding binding = Bind(lowered, operands);
        ReadOnlySpan<nint> shape = binding.OutputShape;
        if (!destination.Lengths.SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"'{destinationName}' has shape {ShapeText.Format(destination.Lengths)} but the dense tensor has shape {ShapeText.Format(shape)}.",
                destinationName);
        }

        Span<T> memory = TensorMemory.Of(destination);
        for (int i = 0; i < operands.Length; i++)
        {
            TensorMemory.ThrowIfOverlaps<T>(memory, destinationName, Memory(operands[i]), binding.Program.ParameterNames[i]);
        }

        binding.Result(destination.Lengths, destination.Strides);
        Run(lowered, binding, operands, memory);
    }

    private static EinsumBinding Bind<T>(LoweredContraction lowered, Tensor<T>[] operands)
    {
        EinsumBinding binding = ProgramFor(lowered, operands).Bind();
        for (int i = 0; i < operands.Length; i++)
        {
            binding.Operand(i, operands[i].Lengths, operands[i].Strides);
        }

        return binding;
    }

    private static void Run<T>(LoweredContraction lowered, EinsumBinding binding, Tensor<T>[] operands, Span<T> result)
        where T : unmanaged, INumberBase<T>
    {
        if (IsMttkrp(lowered))
        {
            // A 3-way MTTKRP: the fused kernel generated code calls too (one GEMM per slice, no intermediate).
            FusedKernels.Mttkrp(binding, Memory(operands[0]), Memory(operands[1]), Memory(operands[2]), result, accumulate: false);
        }
        else
        {
            BoundProgramRunner.Run(binding, operands, result, accumulate: false);
        }
    }

    /// <summary>Evaluates a network whose output has no index.</summary>
    public static T Scalar<T>(LoweredContraction lowered, params ReadOnlySpan<IComponentSource<T>> sources)
        where T : unmanaged, INumberBase<T> =>
        DenseTensors.Span(Evaluate(lowered, sources))[0];

    private static bool IsMttkrp(LoweredContraction lowered) =>
        s_mttkrp.GetOrAdd(lowered.Expression, _ => MttkrpPattern.Match(lowered.Parse()) is not null);

    private static ReadOnlySpan<T> Memory<T>(Tensor<T> tensor) => TensorMemory.Of(tensor.AsReadOnlyTensorSpan());

    private static Tensor<T>[] Gather<T>(LoweredContraction lowered, ReadOnlySpan<IComponentSource<T>> sources)
        where T : unmanaged, INumberBase<T>
    {
        var operands = new Tensor<T>[lowered.Operands.Count];
        for (int i = 0; i < operands.Length; i++)
        {
            LoweredOperand operand = lowered.Operands[i];
            Tensor<T> component = sources[operand.Source].Component(operand.Part, operand.Index);
            operands[i] = operand.Conjugate && Elements.IsComplex<T>() ? DenseTensors.Conjugated(component) : component;
        }

        return operands;
    }

    private static EinsumProgram ProgramFor<T>(LoweredContraction lowered, Tensor<T>[] operands)
    {
        var shapes = operands.Select(o => (IReadOnlyList<long>)o.Lengths.ToArray().Select(l => (long)l).ToArray()).ToList();
        string key = lowered.Expression + "|" + string.Join(";", shapes.Select(s => string.Join(",", s)));
        if (s_programs.TryGetValue(key, out EinsumProgram? cached))
        {
            return cached;
        }

        ContractionPlan plan = lowered.Plan(lowered.SizesFrom(shapes), sizesKnown: true);
        int[] path = plan.Path.Steps.SelectMany(s => new[] { s.First, s.Second }).ToArray();
        string[] names = lowered.Operands
            .Select(o => $"input {o.Source.ToString(CultureInfo.InvariantCulture)} {FormatShape.ComponentName(o.Part, o.Index)}")
            .Append("result").ToArray();
        EinsumProgram program = EinsumProgram.Create(lowered.Expression, path, names);
        if (s_programs.Count < MaxCachedPrograms)
        {
            s_programs.TryAdd(key, program);
        }

        return program;
    }
}
