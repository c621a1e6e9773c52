using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Fuzz.Tests.Generator;
using TensorGen.Fuzz.Tests.Grammar;
using TensorGen.Runtime;
using TensorGen.Tests.Reference;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// The runtime's public binding API called directly, as generated code calls it but with raw values no tensor span can
/// have: negative and absurd lengths and strides, counts that disagree, overlapping operand strides, wrong paths and names,
/// calls out of order. Every refusal must be an <see cref="ArgumentException"/> (or, for calls out of order, the documented
/// <see cref="InvalidOperationException"/>); an accepted binding must run through <see cref="StridedKernels"/> to the
/// reference's values without touching memory outside the result's elements, and a span shorter than a step needs must be
/// refused before anything is written.
/// </summary>
internal static class RawBindingCall
{
    /// <summary>Views whose memory reaches further than this are bound but not run.</summary>
    private const long RunnableReach = 1 << 16;

    public static CallVerdict Run(Random random)
    {
        string expression = RandomExpressions.Next(random, maxOperands: 4, maxRank: 3, allowEllipsis: true);
        if (random.Next(8) == 0)
        {
            expression = FuzzText.Mutate(random, expression);
        }

        ParsedExpression? parsed = ExpressionGrammar.TryParse(expression);
        if (random.Next(8) == 0)
        {
            return PathTable(random, expression, parsed);
        }

        int operands = parsed?.Inputs.Count ?? ShapeSampler.ForMalformed(expression).Length;
        var (path, pathValid) = Path(random, operands);
        string[] names = Enumerable.Range(0, operands + (random.Next(20) == 0 ? 1 : 0) + 1).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        bool createValid = parsed is not null && pathValid && names.Length == operands + 1;
        string what = $"\"{expression}\" path [{string.Join(",", path)}]";

        EinsumProgram program;
        try
        {
            program = EinsumProgram.Create(expression, path, names);
        }
        catch (ArgumentException) when (!createValid)
        {
            return new CallVerdict("EinsumProgram.Create", false, false, null);
        }
        catch (Exception e)
        {
            return new CallVerdict("EinsumProgram.Create", createValid, false, $"Create({what}) threw {e}");
        }

        if (!createValid)
        {
            return new CallVerdict("EinsumProgram.Create", false, false, $"Create({what}) accepted an invalid program");
        }

        EinsumBinding binding = program.Bind();
        if (random.Next(30) == 0)
        {
            return Expect<InvalidOperationException>(() => binding.Result([1], [1]), "Result before the operands", what);
        }

        if (random.Next(30) == 0)
        {
            return Expect<ArgumentOutOfRangeException>(() => binding.Operand(random.Next(2) == 0 ? -1 : operands, [1], [1]), "an operand index out of range", what);
        }

        // Operands: valid shapes, raw strides (overlapping ones included); sometimes broken.
        int[][] shapes = ShapeSampler.Valid(random, parsed!, null, maxSize: 4);
        var layouts = new (nint[] Lengths, nint[] Strides)[operands];
        bool absurd = false;
        for (int i = 0; i < operands; i++)
        {
            layouts[i] = Raw(random, shapes[i], ref absurd, out bool broken);
            try
            {
                binding.Operand(i, layouts[i].Lengths, layouts[i].Strides);
            }
            catch (ArgumentException) when (broken)
            {
                return new CallVerdict("EinsumBinding.Operand", false, false, null);
            }
            catch (Exception e)
            {
                return new CallVerdict("EinsumBinding.Operand", !broken, false, $"{what}: Operand({i}, {Show(layouts[i])}) threw {e}");
            }

            if (broken)
            {
                return new CallVerdict("EinsumBinding.Operand", false, false, $"{what}: Operand({i}, {Show(layouts[i])}) accepted negative values or mismatched counts");
            }
        }

        // The reference decides whether the shapes fit; the result gets that shape, sometimes broken or self-overlapping.
        RefArray[] values = new RefArray[operands];
        var memories = new FuzzTensor<double>[operands];
        bool runnable = !absurd && layouts.All(l => ViewLayouts.Reach(l.Lengths, l.Strides) <= RunnableReach);
        RefArray? expected = null;
        if (runnable)
        {
            for (int i = 0; i < operands; i++)
            {
                int reach = ViewLayouts.Reach(layouts[i].Lengths, layouts[i].Strides);
                int[] shape = parsed!.Inputs[i].Labels.Count == 0 && layouts[i].Lengths is [] or [1] ? [] : layouts[i].Lengths.Select(l => (int)l).ToArray();
                memories[i] = ViewLayouts.Place(ViewLayouts.Guarded<double>(reach + (2 * FuzzTensor<double>.GuardLength)), FuzzTensor<double>.GuardLength,
                    layouts[i].Lengths, layouts[i].Strides, shape, () => Math.Round((random.NextDouble() * 4) - 2, 3));
                values[i] = memories[i].ToReference();
            }

            try
            {
                expected = ReferenceEinsum.Evaluate(parsed!.Explicit, values);
            }
            catch (ArgumentException)
            {
                // Not valid numpy: Result must refuse it.
            }
        }

        int[] resultShape = expected?.Shape ?? parsed!.Output.Letters.Select(_ => 2).ToArray();
        if (random.Next(8) == 0)
        {
            resultShape = ShapeSampler.Damage(random, resultShape);
        }

        var result = Raw(random, resultShape, ref absurd, out bool resultBroken, isResult: true);
        runnable &= !absurd && !resultBroken && ViewLayouts.Reach(result.Lengths, result.Strides) <= RunnableReach;
        bool selfOverlap = runnable && SharesMemory(result.Lengths, result.Strides);
        bool resultFits = expected is not null && (expected.Shape.Length == 0 ? result.Lengths is [] or [1] : result.Lengths.Select(l => (long)l).SequenceEqual(expected.Shape.Select(s => (long)s)));
        bool valid = runnable && resultFits && !selfOverlap;
        try
        {
            binding.Result(result.Lengths, result.Strides);
        }
        catch (ArgumentException) when (!valid)
        {
            return new CallVerdict("EinsumBinding.Result", false, false, null);
        }
        catch (Exception e)
        {
            return new CallVerdict("EinsumBinding.Result", valid, false, $"{what}: Result({Show(result)}) after {string.Join(" ", layouts.Select(Show))} threw {e}");
        }

        if (resultBroken)
        {
            return new CallVerdict("EinsumBinding.Result", false, false, $"{what}: Result({Show(result)}) accepted negative values or mismatched counts");
        }

        if (!runnable)
        {
            // Absurd but consistent values may be accepted; they are not run (memory that large does not exist).
            return new CallVerdict("EinsumBinding.Result", true, false, null);
        }

        if (!valid)
        {
            return new CallVerdict("EinsumBinding.Result", false, false,
                $"{what}: Result({Show(result)}) after {string.Join(" ", layouts.Select(Show))} accepted an invalid call"
                + (selfOverlap ? " (the result's elements share memory)" : resultBroken ? " (broken result values)" : " (shapes do not fit)"));
        }

        return RunSteps(random, program, binding, memories, result, expected!, parsed!.Explicit, what);
    }

    /// <summary>
    /// <c>Einsum.Path</c> on raw shapes (negative, absurd, too many or too few): an <see cref="ArgumentException"/>, or a table
    /// whose numbers are neither negative nor NaN (a size or count that wrapped around 64 bits shows as one or the other).
    /// </summary>
    private static CallVerdict PathTable(Random random, string expression, ParsedExpression? parsed)
    {
        nint[][] shapes = (parsed is null ? ShapeSampler.ForMalformed(expression) : ShapeSampler.Valid(random, parsed, null, maxSize: 4))
            .Select(s => s.Select(d => (nint)d).ToArray()).ToArray();
        foreach (nint[] shape in shapes.Where(s => s.Length > 0 && random.Next(3) == 0))
        {
            shape[random.Next(shape.Length)] = FuzzText.Pick(random, [(nint)(-1), (nint)1 << 31, (nint)1 << 40, nint.MaxValue / 3, nint.MaxValue]);
        }

        string call = $"Einsum.Path(\"{expression}\", {string.Join(" ", shapes.Select(s => "[" + string.Join(",", s) + "]"))})";
        try
        {
            string table = Einsum.Path(expression, shapes);
            bool wrapped = System.Text.RegularExpressions.Regex.IsMatch(table, @"(?<![A-Za-z])-\d|NaN");
            return new CallVerdict("Einsum.Path", true, false, wrapped ? $"{call} shows a wrapped number:\n{table}" : null);
        }
        catch (ArgumentException)
        {
            return new CallVerdict("Einsum.Path", false, false, null);
        }
        catch (Exception e)
        {
            return new CallVerdict("Einsum.Path", false, false, $"{call} threw {e}");
        }
    }

    /// <summary>Runs every step as generated code does, sometimes with one span a little short; then checks values and guards.</summary>
    private static CallVerdict RunSteps(Random random, EinsumProgram program, EinsumBinding binding, FuzzTensor<double>[] operands,
        (nint[] Lengths, nint[] Strides) layout, RefArray expected, string expression, string what)
    {
        int reach = ViewLayouts.Reach(layout.Lengths, layout.Strides);
        var result = ViewLayouts.Place(ViewLayouts.Guarded<double>(reach + (2 * FuzzTensor<double>.GuardLength)), FuzzTensor<double>.GuardLength,
            layout.Lengths, layout.Strides, expected.Shape, () => FuzzTensor<double>.Poison);
        foreach (FuzzTensor<double> tensor in operands.Append(result))
        {
            tensor.Snapshot();
        }

        int shortStep = random.Next(6) == 0 ? random.Next(program.StepCount) : -1;
        var intermediates = new double[program.StepCount][];
        Exception? thrown = null;
        try
        {
            for (int k = 0; k < program.StepCount; k++)
            {
                StepLayout step = binding.Step(k);
                bool isFinal = k == program.StepCount - 1;
                Span<double> output = isFinal ? result.Dense : (intermediates[k] = new double[binding.IntermediateLength(k)]);
                ReadOnlySpan<double> left = Memory(step.LeftOperand);
                ReadOnlySpan<double> right = step.IsUnary ? default : Memory(step.RightOperand);
                if (k == shortStep)
                {
                    // One span one element short of what the step reaches (when it reaches anything): refused before any write.
                    if (step.OutputLength > 0 && isFinal)
                    {
                        output = output[..^1];
                    }
                    else if (step.LeftLength > 0)
                    {
                        left = left[..(int)(step.LeftLength - 1)];
                    }
                    else
                    {
                        shortStep = -1;
                    }
                }

                if (step.IsUnary)
                {
                    StridedKernels.Contract(step, left, output, accumulate: false);
                }
                else
                {
                    StridedKernels.Contract(step, left, right, output, accumulate: false);
                }
            }
        }
        catch (Exception e)
        {
            thrown = e;
        }

        ReadOnlySpan<double> Memory(int operand) => operand < operands.Length ? operands[operand].Dense : intermediates[operand - operands.Length];

        string call = $"{what}: {string.Join(" ", operands.Select(o => Show((o.Lengths, o.Strides))))} -> {Show(layout)}";
        foreach (FuzzTensor<double> tensor in operands.Append(result))
        {
            // A step refused for a short span stops the call: the result is written only by the last step.
            var writable = ReferenceEquals(tensor, result) && shortStep < 0 ? result.Positions().ToHashSet() : [];
            if (tensor.ChangesOutside(writable) is { Count: > 0 } changed)
            {
                return new CallVerdict("StridedKernels.Contract", true, false, $"{call}: memory changed at {string.Join(", ", changed.Take(8))}");
            }
        }

        if (shortStep >= 0)
        {
            return thrown is ArgumentException ? new CallVerdict("StridedKernels.Contract", false, false, null)
                : new CallVerdict("StridedKernels.Contract", false, false, $"{call}: a span short for step {shortStep} gave {thrown?.ToString() ?? "no exception"}");
        }

        if (thrown is not null)
        {
            return new CallVerdict("StridedKernels.Contract", true, false, $"{call}: threw {thrown}");
        }

        double[] actual = result.Positions().Select(p => result.Storage[p]).ToArray();
        RefArray magnitude = ReferenceEinsum.Evaluate(expression, operands.Select(o => RefArrayViews.Abs(o.ToReference())).ToArray());
        string? difference = RefArrayComparison.FirstDifference(expected, new RefArray(actual, expected.Shape), 1e-12, magnitude);
        return new CallVerdict("StridedKernels.Contract", true, false, difference is null ? null : $"{call}: {difference}");
    }

    /// <summary>Lengths and strides for <paramref name="shape"/>: mostly sane, sometimes broken (negative, counts that disagree) or absurd.</summary>
    private static (nint[] Lengths, nint[] Strides) Raw(Random random, int[] shape, ref bool absurd, out bool broken, bool isResult = false)
    {
        nint[] lengths = shape.Select(s => (nint)s).ToArray();
        nint[] strides = random.Next(3) switch
        {
            0 => ViewLayouts.RowMajor(lengths),
            1 => lengths.Select(_ => (nint)random.Next(isResult ? 1 : 0, 7)).ToArray(), // any order, overlapping, broadcast
            _ => ViewLayouts.RowMajor(lengths).Select(s => s * (1 + random.Next(2))).Reverse().ToArray(),
        };
        if (strides.Length != lengths.Length)
        {
            strides = ViewLayouts.RowMajor(lengths);
        }

        broken = false;
        switch (random.Next(24))
        {
            case 0:
                strides = strides.Append(1).ToArray();
                broken = true;
                break;
            case 1 when lengths.Length > 0:
                lengths[random.Next(lengths.Length)] = -1 - random.Next(3);
                broken = true;
                break;
            case 2 when strides.Length > 0:
                strides[random.Next(strides.Length)] = -1 - random.Next(3);
                broken = true;
                break;
            case 3 when strides.Length > 0:
                strides[random.Next(strides.Length)] = FuzzText.Pick(random, [(nint)int.MaxValue, (nint)1 << 40, nint.MaxValue / 2, nint.MaxValue]);
                absurd = true;
                break;
            case 4 when lengths.Length > 0:
                lengths[random.Next(lengths.Length)] = FuzzText.Pick(random, [(nint)int.MaxValue, (nint)1 << 40, nint.MaxValue]);
                absurd = true;
                break;
            case 5 when isResult && lengths.Length > 0:
                strides[random.Next(strides.Length)] = 0; // elements sharing memory unless that length is 0 or 1
                break;
        }

        return (lengths, strides);
    }

    /// <summary>A linear path for <paramref name="operands"/> operands, sometimes broken; and whether it is valid.</summary>
    private static (int[] Path, bool Valid) Path(Random random, int operands)
    {
        var path = new List<int>();
        for (int remaining = operands; remaining > 1; remaining--)
        {
            int a = random.Next(remaining), b = random.Next(remaining - 1);
            path.Add(a);
            path.Add(b >= a ? b + 1 : b);
        }

        switch (random.Next(24))
        {
            case 0:
                path.Add(0);
                return (path.ToArray(), false);
            case 1:
                path.AddRange([0, 1]);
                return (path.ToArray(), false);
            case 2 when path.Count > 0:
                path[random.Next(path.Count)] = FuzzText.Pick(random, [-1, operands, int.MaxValue, int.MinValue]);
                return (path.ToArray(), false);
            case 3 when path.Count > 0:
                path[1] = path[0];
                return (path.ToArray(), false);
            default:
                return (path.ToArray(), true);
        }
    }

    /// <summary>Whether two index tuples of the view land on one offset (checked element by element: views here are small).</summary>
    private static bool SharesMemory(nint[] lengths, nint[] strides)
    {
        if (lengths.Contains(0))
        {
            return false;
        }

        var seen = new HashSet<long>();
        var tensor = new FuzzTensor<double>([], 0, lengths, strides, []);
        return tensor.Positions().Any(p => !seen.Add(p));
    }

    private static CallVerdict Expect<TException>(Action call, string misuse, string what)
        where TException : Exception
    {
        try
        {
            call();
            return new CallVerdict("EinsumBinding", false, false, $"{what}: {misuse} was accepted");
        }
        catch (TException)
        {
            return new CallVerdict("EinsumBinding", false, false, null);
        }
        catch (Exception e)
        {
            return new CallVerdict("EinsumBinding", false, false, $"{what}: {misuse} threw {e} rather than {typeof(TException).Name}");
        }
    }

    private static string Show((nint[] Lengths, nint[] Strides) layout) =>
        $"[{string.Join(",", layout.Lengths)}]/[{string.Join(",", layout.Strides)}]";
}
