using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using System.Text.Json;
using TensorGen.Equivariance.Tests.Consumer;

namespace TensorGen.Equivariance.Tests.SymmetricContraction;

public delegate void ForwardKernel(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements, TensorSpan<double> output);

public delegate void BackwardKernel(ReadOnlyTensorSpan<double> a, ReadOnlyTensorSpan<double> weights, ReadOnlySpan<int> elements,
    ReadOnlyTensorSpan<double> gradOutput, TensorSpan<double> gradA, TensorSpan<double> gradWeights);

/// <summary>One MACE case of tests/Conformance/mace_symmetric_contraction.json (written by tools/mace_symmetric_contraction_data.py).</summary>
public sealed record MaceCase(string IrrepsIn, string IrrepsOut, int Correlation, int Elements, int Atoms, double[] A, int[] ElementIndices,
    double[] Weights, double[] Output, double[] GradOutput, double[] GradA, double[] GradWeights)
{
    public override string ToString() => $"{IrrepsIn} -> {IrrepsOut}, correlation {Correlation}";
}

/// <summary>The generated kernels by configuration, and MACE's cases.</summary>
public static class SymmetricContractionCases
{
    private static readonly Lazy<List<MaceCase>> s_mace = new(() =>
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "mace_symmetric_contraction.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new MaceCase(
            c.GetProperty("irrepsIn").GetString()!, c.GetProperty("irrepsOut").GetString()!, c.GetProperty("correlation").GetInt32(),
            c.GetProperty("elements").GetInt32(), c.GetProperty("atoms").GetInt32(), Doubles(c, "a"),
            c.GetProperty("elementIndices").EnumerateArray().Select(e => e.GetInt32()).ToArray(), Doubles(c, "weights"), Doubles(c, "output"),
            Doubles(c, "gradOutput"), Doubles(c, "gradA"), Doubles(c, "gradWeights"))).ToList();
    });

    public static IReadOnlyList<MaceCase> Mace => s_mace.Value;

    /// <summary>The forward kernel declared for (irreps in, correlation), three elements.</summary>
    public static ForwardKernel Forward(string irrepsIn, int correlation) => (irrepsIn, correlation) switch
    {
        (SymmetricContractionKernels.MediumIn, 1) => SymmetricContractionKernels.Medium1,
        (SymmetricContractionKernels.MediumIn, 2) => SymmetricContractionKernels.Medium2,
        (SymmetricContractionKernels.MediumIn, 3) => SymmetricContractionKernels.Medium3,
        (SymmetricContractionKernels.LargeIn, 1) => SymmetricContractionKernels.Large1,
        (SymmetricContractionKernels.LargeIn, 2) => SymmetricContractionKernels.Large2,
        (SymmetricContractionKernels.LargeIn, 3) => SymmetricContractionKernels.Large3,
        _ => throw new ArgumentException($"No kernel declared for {irrepsIn} at correlation {correlation}."),
    };

    /// <summary>The backward kernel declared for (irreps in, correlation), or null.</summary>
    public static BackwardKernel? Backward(string irrepsIn, int correlation) => (irrepsIn, correlation) switch
    {
        (SymmetricContractionKernels.MediumIn, 1) => SymmetricContractionKernels.Medium1Backward,
        (SymmetricContractionKernels.MediumIn, 2) => SymmetricContractionKernels.Medium2Backward,
        (SymmetricContractionKernels.MediumIn, 3) => SymmetricContractionKernels.Medium3Backward,
        (SymmetricContractionKernels.LargeIn, 3) => SymmetricContractionKernels.Large3Backward,
        _ => null,
    };

    public static string OutputOf(string irrepsIn) =>
        irrepsIn == SymmetricContractionKernels.MediumIn ? SymmetricContractionKernels.MediumOut : SymmetricContractionKernels.LargeOut;

    public static double[] RunForward(ForwardKernel kernel, double[] a, double[] weights, int[] elements, int dimOut)
    {
        var output = new double[elements.Length * dimOut];
        kernel(new ReadOnlyTensorSpan<double>(a, [elements.Length, a.Length / Math.Max(1, elements.Length)]), new ReadOnlyTensorSpan<double>(weights),
            elements, new TensorSpan<double>(output, [elements.Length, dimOut]));
        return output;
    }

    public static (double[] GradA, double[] GradWeights) RunBackward(BackwardKernel kernel, double[] a, double[] weights, int[] elements, double[] gradOutput)
    {
        var gradA = new double[a.Length];
        var gradWeights = new double[weights.Length];
        int atoms = elements.Length;
        kernel(new ReadOnlyTensorSpan<double>(a, [atoms, a.Length / atoms]), new ReadOnlyTensorSpan<double>(weights), elements,
            new ReadOnlyTensorSpan<double>(gradOutput, [atoms, gradOutput.Length / atoms]), new TensorSpan<double>(gradA, [atoms, a.Length / atoms]),
            new TensorSpan<double>(gradWeights));
        return (gradA, gradWeights);
    }

    public static double[] Random(Random random, int length) => Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    /// <summary>max |x − y| / max(1, max |y|): agreement on the scale of the values.</summary>
    public static double Error(double[] actual, double[] expected)
    {
        if (actual.Length != expected.Length)
        {
            throw new ArgumentException($"{actual.Length} values against {expected.Length}.");
        }

        double scale = Math.Max(1, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        return actual.Zip(expected, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max() / scale;
    }

    private static double[] Doubles(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
