using System;
using System.Globalization;
using ILGPU;

namespace TensorGen.Runtime.Gpu;

/// <summary>The checks generated GPU entry points make before they enqueue anything (the CPU kernels' checks, for device views).</summary>
public static class GpuChecks
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="view"/> has exactly <paramref name="expectedLength"/> elements.</summary>
    public static void ThrowIfLengthMismatch<T>(ArrayView<T> view, long expectedLength, string parameterName, string expectedShape)
        where T : unmanaged
    {
        if (view.Length != expectedLength)
        {
            throw new ArgumentException(
                $"'{parameterName}' has {view.Length.ToString(CultureInfo.InvariantCulture)} elements but its declared shape {expectedShape} "
                + $"needs {expectedLength.ToString(CultureInfo.InvariantCulture)} (a dense row-major device view).",
                parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the result view shares device memory with an operand's.</summary>
    public static void ThrowIfOverlaps<T>(ArrayView<T> result, string resultName, ArrayView<T> input, string inputName)
        where T : unmanaged
    {
        // ArrayView<T> exposes its buffer and offset through IContiguousArrayView.
        IContiguousArrayView resultView = result;
        IContiguousArrayView inputView = input;
        if (result.Length == 0 || input.Length == 0 || !ReferenceEquals(resultView.Buffer, inputView.Buffer))
        {
            return;
        }

        long resultStart = resultView.IndexInBytes;
        long inputStart = inputView.IndexInBytes;
        if (resultStart < inputStart + input.LengthInBytes && inputStart < resultStart + result.LengthInBytes)
        {
            throw new ArgumentException(
                $"Result '{resultName}' shares device memory with operand '{inputName}'. The result is written while the operands are read, "
                + $"so pass a result that does not overlap '{inputName}'.",
                resultName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a step's view is shorter than its layout reaches.</summary>
    internal static void ThrowIfShort(StepLayout step, long length, nint needed, string name)
    {
        if (length < needed)
        {
            throw new ArgumentException(
                $"Step {step.Index.ToString(CultureInfo.InvariantCulture)} (\"{step.Contraction}\") reads or writes {needed.ToString(CultureInfo.InvariantCulture)} "
                + $"elements of '{name}', which has {length.ToString(CultureInfo.InvariantCulture)}.",
                name);
        }
    }
}
