using System.Collections.Generic;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// Writes a contraction order, given as "contract operand a with operand b" in terms of stable ids (inputs
/// 0..N−1, then one new id per step), in opt_einsum's linear path format, where each step names positions in the
/// current operand list and appends its product at the end.
/// </summary>
internal sealed class PathBuilder
{
    private readonly List<int> _current = new();
    private readonly List<PathStep> _steps = new();
    private int _nextId;

    public PathBuilder(int operandCount)
    {
        for (int i = 0; i < operandCount; i++)
        {
            _current.Add(i);
        }

        _nextId = operandCount;
    }

    /// <summary>Contracts the operands with ids <paramref name="a"/> and <paramref name="b"/>; returns the product's id.</summary>
    public int Contract(int a, int b)
    {
        int first = _current.IndexOf(a), second = _current.IndexOf(b);
        if (first < 0 || second < 0 || first == second)
        {
            throw new System.ArgumentException($"Operands {a} and {b} are not two distinct live operands.");
        }

        _steps.Add(new PathStep(first, second));
        _current.RemoveAt(System.Math.Max(first, second));
        _current.RemoveAt(System.Math.Min(first, second));
        _current.Add(_nextId);
        return _nextId++;
    }

    public ContractionPath ToPath() => new(_steps.ToEquatableArray());
}
