using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Parsing;
using TensorGen.Planning;
using TensorGen.Validation;

namespace TensorGen.Emit;

/// <summary>
/// An einsum kernel ready to emit: the method to implement, its parsed expression, the plan and the form. Emit-level, not a
/// declaration: <c>[Einsum]</c> declarations make one, and so do other families for the contractions they lower to (the
/// decomposition kernels' private helpers).
/// </summary>
internal sealed class EinsumKernel
{
    private KernelChoice? _kernels;
    private Gpu.GpuKernelChoice? _gpuKernels;

    public EinsumKernel(KernelMethodShape method, string programFieldName, bool accumulate, EinsumExpression expression, ContractionPlan plan,
        IReadOnlyDictionary<string, long>? staticSizes, string elementType, PlanningRequest planning, bool emitsGpu = false)
    {
        EmitsGpu = emitsGpu;
        Method = method;
        ProgramFieldName = programFieldName;
        Accumulate = accumulate;
        Expression = expression;
        Plan = plan;
        StaticSizes = staticSizes;
        ElementType = elementType;
        Planning = planning;
    }

    /// <summary>The method the kernel implements.</summary>
    public KernelMethodShape Method { get; }

    /// <summary>The static field that holds the kernel's run-time program, unique in the containing type.</summary>
    public string ProgramFieldName { get; }

    /// <summary>Whether the result is added into (<c>Accumulate = true</c>) rather than overwritten.</summary>
    public bool Accumulate { get; }

    public EinsumExpression Expression { get; }

    public ContractionPlan Plan { get; }

    /// <summary>Every index's size in the static form; null in the dynamic form.</summary>
    public IReadOnlyDictionary<string, long>? StaticSizes { get; }

    public bool IsStatic => StaticSizes is not null;

    /// <summary>Each step's kernel family (or the fused family of the whole expression), chosen once.</summary>
    public KernelChoice Kernels => _kernels ??= KernelChoice.For(this);

    /// <summary>Whether GPU kernels and the <c>…Gpu</c> entry points are written too (<c>Backend.Gpu</c>, TensorGen.Runtime.Gpu referenced).</summary>
    public bool EmitsGpu { get; }

    /// <summary>Each step's GPU kernel family (static form), chosen once.</summary>
    public Gpu.GpuKernelChoice GpuKernels => _gpuKernels ??= Gpu.GpuKernelChoice.For(this);

    /// <summary>The same kernel with the GPU code written too.</summary>
    public EinsumKernel WithGpu() => new(Method, ProgramFieldName, Accumulate, Expression, Plan, StaticSizes, ElementType, Planning, emitsGpu: true);

    /// <summary>How the plan was made (strategy or the declaration's Path), and the dynamic form's size hints.</summary>
    public PlanningRequest Planning { get; }

    /// <summary><c>float</c> or <c>double</c>.</summary>
    public string ElementType { get; }

    public int OperandCount => Expression.Inputs.Count;

    public ParameterModel Result => Method.Parameters[Method.Parameters.Count - 1];

    /// <summary>
    /// Names a kernel's code may not use for its locals: the parameters and the containing types' type
    /// parameters (a loop variable named like either would not compile or would read wrongly).
    /// </summary>
    public IEnumerable<string> ReservedNames =>
        Method.Parameters.Select(p => p.DisplayName)
            .Concat(Method.ContainingTypes.SelectMany(t => t.TypeParameters).Select(tp => tp.Split(' ').Last().TrimStart('@')));

    /// <summary>How the plan table refers to operand <paramref name="id"/>, with the parameter's name for inputs: <c>q1</c>, <c>t2</c>.</summary>
    public string Describe(int id) =>
        id < OperandCount ? Method.Parameters[id].DisplayName : PathInfo.Operand(Plan, id);
}
