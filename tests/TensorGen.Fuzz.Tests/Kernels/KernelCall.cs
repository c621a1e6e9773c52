using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using TensorGen.Fuzz.Tests.Grammar;
using TensorGen.Tests.Reference;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>The outcome of one fuzz call: whether it was valid, and what went wrong (null when nothing did).</summary>
internal sealed record CallVerdict(string Kernel, bool Valid, bool Specials, string? Failure);

/// <summary>
/// One random call of a kernel, judged. The call's operands are random strided, broadcast, empty or scalar views with guard
/// regions around them; some calls are damaged (a shape, the result's shape, a zero result stride, a result over an
/// operand's memory, a static span's length; specials NaN and ±∞ in operands). The oracle is independent of TensorGen:
/// <see cref="ExpressionGrammar"/>, <see cref="ReferenceEinsum"/> (numpy's shape rules and values, in double) and the overlap
/// rules. An invalid call must throw <see cref="ArgumentException"/> and change no memory at all; a valid one must not
/// throw, must change nothing but the result's elements, must overwrite every element (the poison is gone) and must
/// equal the reference: same IEEE class (NaN, ±∞, finite) and, where finite, within rounding.
/// </summary>
internal static class KernelCall<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static CallVerdict Run(FuzzKernel<T> kernel, Random random)
    {
        var notes = new List<string>();
        ParsedExpression? parsed = ExpressionGrammar.TryParse(kernel.Expression);
        bool isStatic = kernel.Form == KernelForm.Static;
        int[][] shapes = parsed is null ? ShapeSampler.ForMalformed(kernel.Expression)
            : isStatic ? parsed.Inputs.Select(t => ShapeSampler.Static(t, kernel.StaticSizes!)).ToArray()
            : ShapeSampler.Valid(random, parsed, null, kernel.MaxSize);
        bool lengthDamaged = false;
        if (random.Next(5) == 0 && shapes.Length > 0)
        {
            int victim = random.Next(shapes.Length);
            lengthDamaged = isStatic;
            shapes[victim] = isStatic ? [OtherLength(random, shapes[victim].Aggregate(1, (p, s) => p * s))] : ShapeSampler.Damage(random, shapes[victim]);
            notes.Add($"operand {victim} damaged to [{string.Join(", ", shapes[victim])}]");
        }

        // Operands: values in [-2, 2] on a 0.001 grid (exact in float), sometimes with NaN, ±∞ and zeros among them.
        Func<T> value = () => T.CreateTruncating(Math.Round((random.NextDouble() * 4) - 2, 3));
        var inputs = shapes.Select(s => ViewLayouts.Create(random, s, broadcast: !isStatic, dense: isStatic, extra: 0, value)).ToArray();
        bool infinities = false;
        int specials = random.Next(6) == 0 ? 1 + random.Next(3) : 0;
        for (int n = 0; n < specials; n++)
        {
            var candidates = inputs.Where(t => t.ElementCount > 0).ToList();
            if (candidates.Count > 0)
            {
                FuzzTensor<T> target = candidates[random.Next(candidates.Count)];
                int[] positions = target.Positions().ToArray();
                T special = random.Next(4) switch { 0 => T.NaN, 1 => T.PositiveInfinity, 2 => T.NegativeInfinity, _ => T.Zero };
                infinities |= T.IsInfinity(special);
                target.Storage[positions[random.Next(positions.Length)]] = special;
            }
        }

        if (specials > 0)
        {
            notes.Add($"{specials} special value(s){(infinities ? " with ±∞" : string.Empty)}");
        }

        // The reference decides whether the operands fit the expression.
        RefArray? expected = null;
        RefArray? magnitude = null;
        if (parsed is not null && !lengthDamaged)
        {
            RefArray[] references = inputs.Select((t, i) => ForReference(parsed.Inputs[i], t)).ToArray();
            try
            {
                expected = ReferenceEinsum.Evaluate(parsed.Explicit, references);
                magnitude = ReferenceEinsum.Evaluate(parsed.Explicit, references.Select(RefArrayViews.Abs).ToArray());
            }
            catch (ArgumentException)
            {
                // Not valid numpy: the kernel must refuse it too.
            }
        }

        // The result: the reference's shape, sometimes damaged, strided with a zero stride, or laid over an operand's memory.
        FuzzTensor<T>? result = null;
        bool resultValid = true;
        if (kernel.Form != KernelForm.EvaluateNew)
        {
            int[] resultShape = expected?.Shape ?? (parsed is null ? [2] : parsed.Output.Letters.Select(_ => 2).ToArray());
            if (isStatic && parsed is not null)
            {
                resultShape = [ShapeSampler.Static(parsed.Output, kernel.StaticSizes!).Aggregate(1, (p, s) => p * s)];
            }

            if (random.Next(8) == 0)
            {
                resultShape = isStatic ? [OtherLength(random, resultShape[0])] : ShapeSampler.Damage(random, resultShape);
                notes.Add($"result damaged to [{string.Join(", ", resultShape)}]");
            }

            Func<T> initial = kernel.Accumulate ? value : () => FuzzTensor<T>.Poison;
            int overlapping = inputs.Length > 0 && random.Next(12) == 0 ? random.Next(inputs.Length) : -1;
            if (overlapping >= 0 && inputs[overlapping].ElementCount > 0)
            {
                result = OverOperand(random, ref inputs[overlapping], resultShape, isStatic);
                notes.Add($"result over operand {overlapping}'s memory");
            }
            else
            {
                result = ViewLayouts.Create(random, resultShape, broadcast: false, dense: isStatic, extra: 0, initial);
                if (!isStatic && random.Next(15) == 0 && result.Lengths.Any(l => l > 1) && result.ElementCount > 0)
                {
                    int axis = Array.FindIndex(result.Lengths, l => l > 1);
                    result = ViewLayouts.Place(result.Storage, result.Offset, result.Lengths, result.Strides.Select((s, d) => d == axis ? 0 : s).ToArray(), resultShape, null);
                    notes.Add($"result stride 0 on axis {axis}");
                    resultValid = false;
                }
            }

            resultValid &= expected is not null && (isStatic
                ? result.ElementCount == expected.Data.Length && result.Lengths.Length == 1
                : Fits(expected.Shape, result.Lengths))
                && !inputs.Any(t => Overlaps(t, result));
        }

        bool valid = expected is not null && resultValid;
        double[]? before = kernel.Accumulate && valid ? result!.Positions().Select(p => double.CreateChecked(result.Storage[p])).ToArray() : null;
        var arguments = new KernelArguments<T>(inputs, result);
        var tensors = inputs.Append(result).OfType<FuzzTensor<T>>().ToList();
        foreach (FuzzTensor<T> tensor in tensors)
        {
            tensor.Snapshot();
        }

        Exception? thrown = null;
        try
        {
            kernel.Invoke(arguments);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        string? failure = Judge(kernel, arguments, valid, thrown, expected, magnitude, before,
            exactClass: !infinities || parsed is null || IsOneStep(parsed));
        string description = $"{kernel}, {(valid ? "valid" : "invalid")} call; operands {string.Join(" ", inputs.Select(Describe))}"
            + (result is null ? string.Empty : "; result " + Describe(result)) + (notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty);
        return new CallVerdict(kernel.ToString(), valid, specials > 0, failure is null ? null : description + ":\n    " + failure);
    }

    private static string? Judge(FuzzKernel<T> kernel, KernelArguments<T> arguments, bool valid, Exception? thrown, RefArray? expected,
        RefArray? magnitude, double[]? before, bool exactClass)
    {
        FuzzTensor<T>? result = arguments.Result;
        var writable = valid && result is not null ? result.Positions().ToHashSet() : [];
        foreach (FuzzTensor<T> tensor in arguments.Inputs.Append(result).OfType<FuzzTensor<T>>())
        {
            bool isResult = ReferenceEquals(tensor, result);
            List<int> changed = tensor.ChangesOutside(isResult || (result is not null && tensor.Storage == result.Storage) ? writable : new HashSet<int>());
            if (changed.Count > 0)
            {
                return $"{(isResult ? "the result's" : "an operand's")} storage changed at {string.Join(", ", changed.Take(8))} "
                    + $"(view at offset {tensor.Offset}, storage length {tensor.Storage.Length}){(thrown is null ? string.Empty : " before " + thrown.GetType().Name)}";
            }
        }

        if (CallRules.OnException(valid, thrown) is (true, var verdict))
        {
            return verdict;
        }

        double[] actual;
        if (kernel.Form == KernelForm.EvaluateNew)
        {
            RefArray returned = arguments.Returned ?? throw new InvalidOperationException("The EvaluateNew invoker returned nothing.");
            // System.Numerics.Tensors has no rank-0 tensor: a scalar output comes back as shape [1].
            if (!returned.Shape.SequenceEqual(expected!.Shape) && !(expected.Shape.Length == 0 && returned.Shape is [1]))
            {
                return $"returned shape [{string.Join(", ", returned.Shape)}], the reference's is [{string.Join(", ", expected.Shape)}]";
            }

            actual = returned.Data;
        }
        else
        {
            T[] values = result!.Positions().Select(p => result.Storage[p]).ToArray();
            if (!kernel.Accumulate && values.Any(FuzzTensor<T>.IsPoison))
            {
                return "a result element was never written";
            }

            actual = values.Select(v => double.CreateChecked(v)).ToArray();
        }

        return Compare(expected!, magnitude!, actual, before, exactClass);
    }

    /// <summary>
    /// Whether every plan of <paramref name="expression"/> is one step, so that its NaN and ±∞ must be the reference's
    /// exactly: one operand, or two of which neither holds an index that only it has and the output lacks. Such an index may
    /// be summed out first (as opt_einsum's dp and TensorGen's Auto do), and (Σ a)·∞ is ±∞ where the reference's
    /// Σ (a·∞) meets 0·∞ = NaN.
    /// </summary>
    private static bool IsOneStep(ParsedExpression expression) =>
        expression.Inputs.Count == 1
        || (expression.Inputs.Count == 2 && !expression.Inputs.Any(term => term.Labels.Any(label =>
            !expression.Output.Labels.Contains(label) && expression.Inputs.Count(other => other.Labels.Contains(label)) == 1)));

    /// <summary>
    /// Element by element: a NaN or ±∞ in the reference must be the same in the result (exactClass) or at least not finite
    /// (a plan of several steps may turn the reference's ∞ − ∞ into (a − b)·∞ = ±∞); a finite one must be matched within
    /// rounding relative to Σ|terms| (<paramref name="magnitude"/>).
    /// </summary>
    private static string? Compare(RefArray expected, RefArray magnitude, double[] actual, double[]? before, bool exactClass)
    {
        double tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
        if (actual.Length != expected.Data.Length)
        {
            return $"{actual.Length} result elements, the reference has {expected.Data.Length}";
        }

        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected.Data[i] + (before?[i] ?? 0), a = actual[i];
            bool wrong = double.IsNaN(e) ? (exactClass ? !double.IsNaN(a) : double.IsFinite(a))
                : double.IsInfinity(e) ? (exactClass ? a != e : double.IsFinite(a))
                : !double.IsFinite(a) || Math.Abs(a - e) > tolerance * (1 + magnitude.Data[i] + Math.Abs(before?[i] ?? 0));
            if (wrong)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"element {i} is {a:R}, the reference says {e:R} (Σ|terms| = {magnitude.Data[i]:R}); expected {expected}");
            }
        }

        return null;
    }

    /// <summary>What the reference sees: the view's values in its span shape, except that a scalar term's [1] is the scalar [].</summary>
    private static RefArray ForReference(Term term, FuzzTensor<T> tensor)
    {
        RefArray values = tensor.ToReference();
        int[] shape = term.Labels.Count == 0 && tensor.Lengths is [1] ? [] : tensor.Lengths.Select(l => (int)l).ToArray();
        return values with { Shape = shape };
    }

    /// <summary>Whether a result of span lengths <paramref name="lengths"/> has the output's shape (a scalar output takes [1]).</summary>
    private static bool Fits(int[] shape, nint[] lengths) =>
        shape.Length == 0 ? lengths is [1] : lengths.Select(l => (int)l).SequenceEqual(shape);

    /// <summary>Whether two views' memory ranges intersect (TensorGen's documented, conservative overlap rule).</summary>
    public static bool Overlaps(FuzzTensor<T> a, FuzzTensor<T> b) =>
        a.Storage == b.Storage && a.ElementCount > 0 && b.ElementCount > 0
        && a.Offset < b.Offset + b.Reach && b.Offset < a.Offset + a.Reach;

    /// <summary>A dense result laid over <paramref name="operand"/>'s memory (its storage grown to make room first).</summary>
    public static FuzzTensor<T> OverOperand(Random random, ref FuzzTensor<T> operand, int[] shape, bool isStatic)
    {
        nint[] lengths = shape.Length == 0 ? [1] : shape.Select(s => (nint)s).ToArray();
        nint[] strides = ViewLayouts.RowMajor(lengths);
        if (lengths.Contains(0))
        {
            strides = new nint[lengths.Length];
        }

        for (int d = 0; d < lengths.Length; d++)
        {
            strides[d] = lengths[d] == 1 ? 0 : strides[d];
        }

        var storage = ViewLayouts.Guarded<T>(operand.Storage.Length + ViewLayouts.Reach(lengths, strides) + FuzzTensor<T>.GuardLength);
        operand.Storage.CopyTo(storage, 0);
        operand = ViewLayouts.Place(storage, operand.Offset, operand.Lengths, operand.Strides, operand.LogicalShape, null);
        int offset = operand.Offset + random.Next(Math.Max(1, operand.Reach));
        return ViewLayouts.Place(storage, offset, isStatic ? [lengths.Aggregate((nint)1, (p, l) => p * l)] : lengths, isStatic ? [1] : strides, shape, null);
    }

    /// <summary>A length other than <paramref name="length"/>, near it.</summary>
    private static int OtherLength(Random random, int length)
    {
        int delta = 1 + random.Next(3);
        return random.Next(2) == 0 && length >= delta ? length - delta : length + delta;
    }

    private static string Describe(FuzzTensor<T> tensor) =>
        $"[{string.Join(",", tensor.Lengths)}]/[{string.Join(",", tensor.Strides)}]";
}
