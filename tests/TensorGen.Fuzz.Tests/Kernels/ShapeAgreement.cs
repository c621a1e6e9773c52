using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Whether the views of one call agree on their sizes, judged from the shapes they have, not from whether the fuzzer damaged them.
/// Each view names its axes (one letter per axis, as in an einsum operand); a letter the kernel fixes (a tensor product's Dim1, a
/// decomposed operand's mode size) has that size, a free one (the batch, a mode product's new rows) any size all its views share.
/// One damaged view makes a call invalid, but two damaged alike can make a valid call of another size: u0 [2,2] → [3,2] and the
/// result [2,2,2] → [2,3,2] of a tensor-train mode product is the valid product with 3 rows (seed 777, case 1595), which the kernel
/// computed — a call the judge had called invalid, so it reported the computed result as a write before a refusal.
/// </summary>
internal sealed class ShapeAgreement
{
    private readonly Dictionary<char, int> _fixed = [];

    private readonly List<(string Name, string Axes, int[] Shape)> _views = [];

    /// <summary>Fixes the sizes of <paramref name="axes"/> (one letter per size).</summary>
    public void Fix(string axes, IReadOnlyList<int> sizes)
    {
        if (axes.Length != sizes.Count)
        {
            throw new ArgumentException($"{axes.Length} axes for {sizes.Count} sizes", nameof(sizes));
        }

        for (int d = 0; d < axes.Length; d++)
        {
            _fixed[axes[d]] = sizes[d];
        }
    }

    /// <summary>A view named <paramref name="name"/> with <paramref name="axes"/>, of the shape it has (damaged or not).</summary>
    public void Add(string name, string axes, int[] shape) => _views.Add((name, axes, shape));

    /// <summary>Every view has one size per axis letter, a fixed letter its fixed size, a free letter one size across all its views.</summary>
    public bool Agree => Disagreement() is null;

    /// <summary>The size the views agree on for <paramref name="axis"/> (call only when they <see cref="Agree"/>).</summary>
    public int Size(char axis)
    {
        if (_fixed.TryGetValue(axis, out int size))
        {
            return size;
        }

        foreach (var (_, axes, shape) in _views)
        {
            int d = axes.IndexOf(axis, StringComparison.Ordinal);
            if (d >= 0)
            {
                return shape[d];
            }
        }

        throw new ArgumentException($"no view has axis {axis}", nameof(axis));
    }

    /// <summary>Why the views disagree, or null when they agree.</summary>
    public string? Disagreement()
    {
        var sizes = new Dictionary<char, (int Size, string Name)>(_fixed.ToDictionary(f => f.Key, f => (f.Value, "the kernel")));
        foreach (var (name, axes, shape) in _views)
        {
            if (shape.Length != axes.Length)
            {
                return $"{name} has {shape.Length} axes, not {axes.Length}";
            }

            for (int d = 0; d < axes.Length; d++)
            {
                if (!sizes.TryGetValue(axes[d], out var known))
                {
                    sizes[axes[d]] = (shape[d], name);
                }
                else if (known.Size != shape[d])
                {
                    return $"{name} axis {d} has length {shape[d]}, {known.Name} {known.Size}";
                }
            }
        }

        return null;
    }
}
