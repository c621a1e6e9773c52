using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>What every fuzz judge asks of an exception.</summary>
internal static class CallRules
{
    /// <summary>
    /// An invalid call must throw <see cref="ArgumentException"/>, a valid one must not throw. Done: the verdict is in (the failure,
    /// or null for an invalid call refused as it should be); not done: a valid call returned, and its values are still to be judged.
    /// </summary>
    public static (bool Done, string? Failure) OnException(bool valid, Exception? thrown) =>
        !valid
            ? (true, thrown switch
            {
                null => "an invalid call was accepted",
                ArgumentException => null,
                _ => "threw " + thrown,
            })
            : thrown is not null ? (true, "a valid call threw " + thrown) : (false, null);
}

/// <summary>One result of a call and the reference's values for it (row-major over its logical shape), with Σ|terms| per element.</summary>
internal sealed record ExpectedResult<T>(string Name, FuzzTensor<T> Tensor, double[] Values, double[] Magnitudes)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// The judge of a call whose operands and results are guarded views (<see cref="FuzzTensor{T}"/>), for kernel families other than
/// einsum (whose judge, <see cref="KernelCall{T}"/>, also derives validity from the expression): an invalid call must throw
/// <see cref="ArgumentException"/> and change no memory at all; a valid one must not throw, must change nothing but its results'
/// elements, must overwrite every one of them (the poison is gone), and must equal the reference — non-finite exactly where the
/// reference is (NaN and ±∞ are not told apart: the kernels factor their sums differently, so ∞ − ∞ can arise in one order and
/// not the other), within rounding relative to Σ|terms| elsewhere.
/// </summary>
internal static class GuardedCall<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static string? Judge(IReadOnlyList<FuzzTensor<T>> tensors, IReadOnlyList<FuzzTensor<T>> results, bool valid, Action invoke,
        Func<IReadOnlyList<ExpectedResult<T>>> reference)
    {
        IReadOnlyList<ExpectedResult<T>>? expected = valid ? reference() : null;
        foreach (FuzzTensor<T> tensor in tensors)
        {
            tensor.Snapshot();
        }

        Exception? thrown = null;
        try
        {
            invoke();
        }
        catch (Exception e)
        {
            thrown = e;
        }

        var writable = new Dictionary<T[], HashSet<int>>(ReferenceEqualityComparer.Instance);
        if (valid)
        {
            foreach (FuzzTensor<T> result in results)
            {
                if (!writable.TryGetValue(result.Storage, out HashSet<int>? positions))
                {
                    writable[result.Storage] = positions = [];
                }

                positions.UnionWith(result.Positions());
            }
        }

        foreach (FuzzTensor<T> tensor in tensors)
        {
            List<int> changed = tensor.ChangesOutside(writable.GetValueOrDefault(tensor.Storage) ?? []);
            if (changed.Count > 0)
            {
                return $"storage changed at {string.Join(", ", changed.Take(8))} (view at offset {tensor.Offset}, storage length {tensor.Storage.Length})"
                    + (thrown is null ? string.Empty : " before " + thrown.GetType().Name);
            }
        }

        if (CallRules.OnException(valid, thrown) is (true, var verdict))
        {
            return verdict;
        }

        double tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
        foreach (ExpectedResult<T> result in expected!)
        {
            T[] values = result.Tensor.Positions().Select(p => result.Tensor.Storage[p]).ToArray();
            if (values.Length != result.Values.Length)
            {
                return $"{result.Name} has {values.Length} elements, the reference {result.Values.Length}";
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (FuzzTensor<T>.IsPoison(values[i]))
                {
                    return $"{result.Name} element {i} was never written";
                }

                double a = double.CreateChecked(values[i]), e = result.Values[i];
                bool wrong = double.IsFinite(e)
                    ? !double.IsFinite(a) || Math.Abs(a - e) > tolerance * (1 + result.Magnitudes[i])
                    : double.IsFinite(a);
                if (wrong)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"{result.Name} element {i} is {a:R}, the reference says {e:R} (Σ|terms| = {result.Magnitudes[i]:R})");
                }
            }
        }

        return null;
    }

    /// <summary>A random value in [-2, 2] on a 0.001 grid (exact in float).</summary>
    public static T Value(Random random) => T.CreateTruncating(Math.Round((random.NextDouble() * 4) - 2, 3));

    /// <summary>Puts 1 to 3 NaNs, infinities or zeros into random elements of the views; returns whether it did.</summary>
    public static bool InjectSpecials(Random random, IReadOnlyList<FuzzTensor<T>> inputs)
    {
        if (random.Next(6) != 0)
        {
            return false;
        }

        bool any = false;
        int count = 1 + random.Next(3);
        for (int n = 0; n < count; n++)
        {
            var candidates = inputs.Where(t => t.ElementCount > 0).ToList();
            if (candidates.Count > 0)
            {
                FuzzTensor<T> target = candidates[random.Next(candidates.Count)];
                int[] positions = target.Positions().ToArray();
                target.Storage[positions[random.Next(positions.Length)]] = random.Next(4) switch { 0 => T.NaN, 1 => T.PositiveInfinity, 2 => T.NegativeInfinity, _ => T.Zero };
                any = true;
            }
        }

        return any;
    }

    /// <summary>A shape near <paramref name="shape"/> but different: one length off by one or more, a dimension added or dropped.</summary>
    public static int[] Damage(Random random, int[] shape)
    {
        int axis = random.Next(Math.Max(1, shape.Length));
        int delta = shape.Length > 0 && shape[axis] > 0 && random.Next(2) == 0 ? -1 : 1 + random.Next(2);
        int[] damaged = random.Next(4) switch
        {
            0 when shape.Length > 1 => shape[..^1], // (a rank-1 shape would become a scalar, which a span holds as [1])
            1 => [.. shape, 1 + random.Next(2)],
            _ when shape.Length > 0 => shape.Select((s, d) => d == axis ? s + delta : s).ToArray(),
            _ => [1],
        };
        return damaged.SequenceEqual(shape) ? [.. shape, 2] : damaged;
    }

    public static string Describe(FuzzTensor<T> tensor) => $"[{string.Join(",", tensor.Lengths)}]/[{string.Join(",", tensor.Strides)}]";
}
