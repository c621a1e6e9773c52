using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.SymmetricContraction;

/// <summary>
/// MACE's own SymmetricContraction (tools/mace_symmetric_contraction_data.py on the peer sources, float64) against the generated
/// kernels on its inputs, weights loaded straight from MACE's flat parameter order: outputs and gradients to 1e-10.
/// </summary>
public sealed class MaceConformanceTests
{
    public static IEnumerable<object[]> Cases => Enumerable.Range(0, SymmetricContractionCases.Mace.Count).Select(i => new object[] { i });

    [Fact]
    public void The_data_holds_both_configurations_at_correlations_1_2_and_3() =>
        Assert.Equal(6, SymmetricContractionCases.Mace.Select(c => (c.IrrepsIn, c.Correlation)).Distinct().Count());

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_output_is_MACEs(int index)
    {
        MaceCase c = SymmetricContractionCases.Mace[index];
        double[] output = SymmetricContractionCases.RunForward(SymmetricContractionCases.Forward(c.IrrepsIn, c.Correlation), c.A, c.Weights, c.ElementIndices,
            c.Output.Length / c.Atoms);
        Assert.True(SymmetricContractionCases.Error(output, c.Output) <= 1e-10, $"{c}: error {SymmetricContractionCases.Error(output, c.Output)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_gradients_are_MACEs(int index)
    {
        MaceCase c = SymmetricContractionCases.Mace[index];
        if (SymmetricContractionCases.Backward(c.IrrepsIn, c.Correlation) is not { } backward)
        {
            return; // no backward pass declared for this configuration
        }

        var (gradA, gradWeights) = SymmetricContractionCases.RunBackward(backward, c.A, c.Weights, c.ElementIndices, c.GradOutput);
        Assert.True(SymmetricContractionCases.Error(gradA, c.GradA) <= 1e-10, $"{c}: gradA error {SymmetricContractionCases.Error(gradA, c.GradA)}");
        Assert.True(SymmetricContractionCases.Error(gradWeights, c.GradWeights) <= 1e-10,
            $"{c}: gradWeights error {SymmetricContractionCases.Error(gradWeights, c.GradWeights)}");
    }
}
