using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TensorGen.Parsing;
using TensorGen.Planning;

namespace TensorGen.Runtime;

/// <summary>
/// An einsum expression parsed and planned once, held in a static field of the generated class; each call
/// binds it to its operands' shapes with <see cref="Bind"/>. Thread-safe: bindings hold all per-call state.
/// </summary>
public sealed class EinsumProgram
{
    /// <summary>Bounds the plans kept for distinct <c>...</c> ranks; beyond it plans are lowered per call.</summary>
    private const int MaxCachedExpansions = 64;

    /// <summary>
    /// Bounds the plans kept for distinct shapes (<see cref="CachedShapeCount"/>): a new shape beyond it evicts one, so a
    /// program called with ever new shapes keeps planning each within the run-time limit and never grows without bound.
    /// </summary>
    public const int MaxCachedShapes = 64;

    private readonly ContractionPath? _path;
    private readonly ExpandedPlan? _plainPlan;
    private readonly ConcurrentDictionary<EllipsisSignature, ExpandedPlan> _expansions = new();
    /// <summary>Plans made for a call's sizes, by shape: for a program without a path, or a replanning one; else null.</summary>
    private readonly ConcurrentDictionary<ShapeSignature, ExpandedPlan>? _perShape;
    private BoundLayouts? _lastLayouts;
    private ThreadLocal<EinsumBinding>? _threadBindings;

    private EinsumProgram(EinsumExpression expression, ContractionPath? path, string[] parameterNames, bool replans = false)
    {
        Expression = expression;
        Labels = new ExpressionLabels(expression);
        ParameterNames = parameterNames;
        _path = path;
        Replans = replans;
        // An expression with one possible order runs it for every shape: planning would only find it again (and a first call
        // would JIT-compile the planner for nothing).
        bool plansPerShape = path is null || (replans && !HasOneOrder(expression));
        _perShape = plansPerShape ? new ConcurrentDictionary<ShapeSignature, ExpandedPlan>() : null;
        if (path is not null && !expression.HasEllipsis)
        {
            // Without "..." the expansion is always the same, so lower once (this also checks the path).
            _plainPlan = ExpandedPlan.Lower(expression, Labels, path, new int[expression.Inputs.Count], 0);
        }
    }

    /// <summary>
    /// The layouts of the last binding, reused by a binding with the same lengths and strides. Immutable; a race between
    /// threads only costs one of them a rebuild.
    /// </summary>
    internal BoundLayouts? LastLayouts
    {
        get => Volatile.Read(ref _lastLayouts);
        set => Volatile.Write(ref _lastLayouts, value);
    }

    /// <summary>
    /// The number of steps of the program's path: one per pairwise contraction and one per unary sum-out (a single
    /// operand without a path has one unary step). A program planned per binding, or replanning, has as many as its
    /// binding's plan (<see cref="EinsumBinding.StepCount"/>).
    /// </summary>
    public int StepCount => _path is null || _path.Steps.Count == 0 ? Math.Max(1, Expression.Inputs.Count - 1) : _path.Steps.Count;

    internal EinsumExpression Expression { get; }

    internal ExpressionLabels Labels { get; }

    /// <summary>The operands' parameter names, then the result's, for messages.</summary>
    internal string[] ParameterNames { get; }

    internal int InputCount => Expression.Inputs.Count;

    /// <summary>Parses <paramref name="expression"/> and checks <paramref name="path"/> against it.</summary>
    /// <param name="expression">The einsum expression, e.g. <c>"ab,bc,cd->ad"</c>.</param>
    /// <param name="path">opt_einsum's linear path flattened, e.g. <c>[0, 1, 0, 1]</c>: each pair names two positions in the
    /// current operand list, which are removed and their product appended. Empty for a single operand.</param>
    /// <param name="parameterNames">The operands' parameter names, then the result's; error messages name them.</param>
    /// <exception cref="ArgumentException">The expression is invalid, the path does not fit it, or the names do not match its operands.</exception>
    public static EinsumProgram Create(string expression, int[] path, string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        EinsumExpression parsed = Parse(expression);
        ThrowIfNamesMismatch(parsed, parameterNames);
        if (path.Length % 2 != 0)
        {
            throw new ArgumentException(
                $"A path is a flat list of pairs, e.g. [0, 1, 0, 1]; this one has {path.Length} entries.", nameof(path));
        }

        var steps = Enumerable.Range(0, path.Length / 2).Select(k => new PathStep(path[2 * k], path[(2 * k) + 1]));
        return Create(parsed, new ContractionPath(Model.EquatableArray.ToEquatableArray(steps)), parameterNames);
    }

    private static EinsumProgram Create(EinsumExpression parsed, ContractionPath contractionPath, string[] parameterNames)
    {
        var program = new EinsumProgram(parsed, contractionPath, parameterNames);
        if (program._plainPlan is null)
        {
            // Check the path now rather than on the first call: lower it with "..." standing for nothing.
            ExpandedPlan.Lower(parsed, program.Labels, contractionPath, new int[parsed.Inputs.Count], 0);
        }

        return program;
    }

    /// <summary>Parses <paramref name="expression"/> and checks <paramref name="path"/> against it.</summary>
    /// <param name="expression">The einsum expression, e.g. <c>"ab,bc,cd->ad"</c>.</param>
    /// <param name="path">opt_einsum's linear path, e.g. <c>[[1], [0, 1], [0, 1]]</c>: each step names positions in the current
    /// operand list — two to contract, or one whose indices that no other operand or the output holds are summed out —
    /// which are removed and the result appended. Empty for a single operand.</param>
    /// <param name="parameterNames">The operands' parameter names, then the result's; error messages name them.</param>
    /// <exception cref="ArgumentException">The expression is invalid, the path does not fit it, or the names do not match its operands.</exception>
    public static EinsumProgram FromLinearPath(string expression, int[][] path, string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        EinsumExpression parsed = Parse(expression);
        ThrowIfNamesMismatch(parsed, parameterNames);
        var steps = new PathStep[path.Length];
        for (int k = 0; k < path.Length; k++)
        {
            steps[k] = path[k] switch
            {
                [int only] => PathStep.Unary(only),
                [int first, int second] => new PathStep(first, second),
                _ => throw new ArgumentException(
                    $"Step {k + 1} of the path names {path[k]?.Length ?? 0} positions; a step names one (a unary sum-out) or two.", nameof(path)),
            };
        }

        return Create(parsed, new ContractionPath(Model.EquatableArray.ToEquatableArray(steps)), parameterNames);
    }

    /// <summary>
    /// A program planned per binding for the actual sizes (<see cref="Einsum.Evaluate{T}(string, ReadOnlySpan{System.Numerics.Tensors.Tensor{T}})"/>):
    /// by the compile-time planner (Auto) under the run-time limit <see cref="CostCheck.TimeLimit"/>, once per shape.
    /// </summary>
    internal static EinsumProgram PlannedPerBinding(EinsumExpression expression, string[] parameterNames)
    {
        ThrowIfNamesMismatch(expression, parameterNames);
        return new EinsumProgram(expression, null, parameterNames);
    }

    /// <summary>Whether bindings may run a plan made for their sizes instead of the program's path (<see cref="WithReplanning"/>).</summary>
    public bool Replans { get; }

    /// <summary>
    /// This program, planned for each call's sizes: the path is the starting guess, and a shape not seen before gets a plan
    /// from the compile-time planner (<see cref="CostCheck.Plan"/>, Auto under <see cref="CostCheck.TimeLimit"/>), which
    /// the call runs when the path costs more for these sizes. Plans are made once per shape and kept (at most
    /// <see cref="MaxCachedShapes"/> shapes). Generated dynamic kernels are created this way unless their declaration pins
    /// the compiled order. Run such a program's steps as its binding lists them (<see cref="EinsumBinding.StepCount"/>,
    /// <see cref="StepLayout.LeftOperand"/>).
    /// </summary>
    public EinsumProgram WithReplanning() => new(Expression, _path, ParameterNames, replans: true);

    /// <summary>
    /// The number of shapes whose plan is kept (at most <see cref="MaxCachedShapes"/>); 0 for a program that runs its path,
    /// including a replanning one whose expression has a single possible order (one operand, or two without an index that
    /// only one of them has: nothing to sum out first, so the one pairwise step is the only plan).
    /// </summary>
    public int CachedShapeCount => _perShape?.Count ?? 0;

    /// <summary>Starts binding this program to one call's operands.</summary>
    public EinsumBinding Bind() => new(this);

    /// <summary>
    /// The calling thread's binding of this program, the same object on every call from this thread: binding it again to
    /// the shapes and strides it already holds checks nothing twice and allocates nothing, which is what generated kernels
    /// called in a loop need. Valid until the next call of this method on the same thread; never hand it to another thread.
    /// </summary>
    public EinsumBinding ThreadBinding()
    {
        ThreadLocal<EinsumBinding>? bindings = Volatile.Read(ref _threadBindings);
        if (bindings is null)
        {
            var created = new ThreadLocal<EinsumBinding>(Bind);
            bindings = Interlocked.CompareExchange(ref _threadBindings, created, null) ?? created;
        }

        return bindings.Value!;
    }

    /// <summary>
    /// Binds dense row-major operands and a dense row-major result of the given shapes. Static-size kernels bind once,
    /// keep the binding in a static field and reuse its step layouts on every call; they check each span's length
    /// against its shape before a step reads or writes it.
    /// </summary>
    /// <param name="shapes">The operands' shapes in order, then the result's.</param>
    /// <exception cref="ArgumentException">The shapes do not fit the expression (as <see cref="EinsumBinding.Result"/> reports).</exception>
    public EinsumBinding BindDense(params nint[][] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Length != InputCount + 1)
        {
            throw new ArgumentException(
                $"Expression \"{Expression.Text}\" needs {InputCount + 1} shapes (the operands', then the result's), not {shapes.Length}.", nameof(shapes));
        }

        EinsumBinding binding = Bind();
        for (int i = 0; i < InputCount; i++)
        {
            binding.Operand(i, shapes[i], RowMajorStrides(shapes[i]));
        }

        binding.Result(shapes[^1], RowMajorStrides(shapes[^1]));
        return binding;
    }

    /// <summary>Parses with the shared parser; an invalid expression is an <see cref="ArgumentException"/> with the parser's message.</summary>
    internal static EinsumExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        EinsumParseResult result = EinsumParser.Parse(expression);
        if (result.Expression is null)
        {
            throw new ArgumentException(result.Error!.Message, nameof(expression));
        }

        return result.Expression;
    }

    /// <summary>The plan for the way the bound shapes expand <c>...</c>.</summary>
    internal ExpandedPlan PlanFor(ResolvedShapes shapes) => _perShape is null ? Compiled(_path!, shapes) : PlannedForShape(shapes);

    /// <summary>
    /// The plan for these sizes, from the cache, else made for them (<see cref="CostCheck.Plan"/>) — for a replanning program,
    /// only when its own path costs more (<see cref="CostCheck.Choose"/>). At most <see cref="MaxCachedShapes"/> shapes are kept:
    /// a new one past that evicts an arbitrary one (no use order is tracked, so a hit costs one lookup and no writes).
    /// </summary>
    private ExpandedPlan PlannedForShape(ResolvedShapes shapes)
    {
        var key = new ShapeSignature(shapes.Sizes, shapes.EllipsisDimensions);
        if (_perShape!.TryGetValue(key, out ExpandedPlan? cached))
        {
            return cached;
        }

        ExpandedPlan plan = _path is null
            ? CostCheck.Plan(Expression, Labels, shapes)
            : CostCheck.Choose(Compiled(_path, shapes), Expression, Labels, shapes);
        while (_perShape.Count >= MaxCachedShapes)
        {
            foreach (ShapeSignature evicted in _perShape.Keys)
            {
                _perShape.TryRemove(evicted, out _);
                break;
            }
        }

        _perShape.TryAdd(key, plan);
        return plan;
    }

    /// <summary>The program's own path, lowered for the way these shapes expand <c>...</c>.</summary>
    private ExpandedPlan Compiled(ContractionPath path, ResolvedShapes shapes)
    {
        if (_plainPlan is not null)
        {
            return _plainPlan;
        }

        var key = new EllipsisSignature(shapes.EllipsisDimensions);
        if (_expansions.TryGetValue(key, out ExpandedPlan? cached))
        {
            return cached;
        }

        ExpandedPlan plan = ExpandedPlan.Lower(Expression, Labels, path, shapes.EllipsisDimensions, shapes.EllipsisRank);
        if (_expansions.Count < MaxCachedExpansions)
        {
            _expansions.TryAdd(key, plan);
        }

        return plan;
    }

    /// <summary>
    /// Whether every plan of <paramref name="expression"/> is the same: one operand (one unary step), or two of which neither
    /// has an index that is in neither the other nor the output (which a plan could sum out first). "..." is left to planning.
    /// </summary>
    private static bool HasOneOrder(EinsumExpression expression)
    {
        if (expression.HasEllipsis || expression.Inputs.Count > 2)
        {
            return false;
        }

        if (expression.Inputs.Count == 1)
        {
            return true;
        }

        IReadOnlyList<string> left = expression.Inputs[0].Labels, right = expression.Inputs[1].Labels, output = expression.Output.Labels;
        return left.All(l => right.Contains(l) || output.Contains(l)) && right.All(l => left.Contains(l) || output.Contains(l));
    }

    /// <summary>Dense row-major strides; 0 for a length-1 dimension, as System.Numerics.Tensors gives it.</summary>
    internal static nint[] RowMajorStrides(nint[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var strides = new nint[shape.Length];
        nint stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = shape[d] == 1 ? 0 : stride;
            stride *= Math.Max(shape[d], 1);
        }

        return strides;
    }

    private static void ThrowIfNamesMismatch(EinsumExpression expression, string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        if (parameterNames.Length != expression.Inputs.Count + 1)
        {
            throw new ArgumentException(
                $"Expression \"{expression.Text}\" has {expression.Inputs.Count} operands, so it needs {expression.Inputs.Count + 1} "
                + $"parameter names (the operands', then the result's), not {parameterNames.Length}.",
                nameof(parameterNames));
        }
    }
}
