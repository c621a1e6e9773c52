using System.Linq;
using Xunit;

namespace TensorGen.EndToEnd.Tests;

/// <summary>Every declaration, called on views of every layout, against the double-precision reference interpreter.</summary>
public class GeneratedKernelTests
{
    [Fact]
    public void At_least_fifty_declarations_are_covered() =>
        Assert.True(Cases.Dynamic.Select(c => c.Name.Split(' ')[0]).Distinct().Count() + Cases.Static.Count >= 50);

    [Theory]
    [MemberData(nameof(Cases.DynamicNames), MemberType = typeof(Cases))]
    public void Dynamic_kernels_match_the_reference_on_dense_views(string name) =>
        Cases.Dynamic.Single(c => c.Name == name).Check(Layout.Dense, Layout.Dense, seed: 1);

    [Theory]
    [MemberData(nameof(Cases.DynamicNames), MemberType = typeof(Cases))]
    public void Dynamic_kernels_match_the_reference_on_transposed_and_padded_views(string name)
    {
        var kernel = Cases.Dynamic.Single(c => c.Name == name);
        kernel.Check(Layout.Transposed, Layout.Padded, seed: 2);
        kernel.Check(Layout.Padded, Layout.Transposed, seed: 3);
    }

    [Theory]
    [MemberData(nameof(Cases.DynamicNames), MemberType = typeof(Cases))]
    public void Dynamic_kernels_match_the_reference_on_broadcast_views(string name) =>
        Cases.Dynamic.Single(c => c.Name == name).Check(Layout.Broadcast, Layout.Dense, seed: 4);

    [Theory]
    [MemberData(nameof(Cases.StaticNames), MemberType = typeof(Cases))]
    public void Static_kernels_match_the_reference(string name) =>
        Cases.Static.Single(c => c.Name == name).Check(Layout.Dense, Layout.Dense, seed: 5);
}
