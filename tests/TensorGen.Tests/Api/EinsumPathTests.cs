using System;
using System.Globalization;
using System.Linq;
using TensorGen.Tests.Core;
using Xunit;

namespace TensorGen.Tests.Api;

public sealed class EinsumPathTests
{
    [Fact]
    public void The_table_shows_the_expression_sizes_and_planned_path()
    {
        string table = Einsum.Path("ab,bc,cd->ad", [20, 3], [3, 40], [40, 5]);

        Assert.Contains("Complete contraction:  ab,bc,cd->ad", table);
        Assert.Contains("Sizes:  a=20, b=3, c=40, d=5", table);
        Assert.Contains("Path:  [(1, 2), (0, 1)]", table);
        Assert.Contains("bc,cd->bd", table);
    }

    /// <summary>
    /// Run-time expressions are planned by Auto, not greedily: on opt_einsum's matrix chain of 6 its greedy path costs
    /// 366,944 and the optimum 68,416 (Conformance/path_cases.json); Evaluate runs the plan the table shows.
    /// </summary>
    [Fact]
    public void Run_time_plans_are_optimal_where_greedy_is_not()
    {
        PathCase chain = PathCase.Load().Single(c => c.Name == "matrix_chain_6");
        string[] terms = chain.Equation.Split("->")[0].Split(',');
        nint[][] shapes = terms.Select(t => t.Select(index => (nint)chain.Sizes[index.ToString()]).ToArray()).ToArray();

        string table = Einsum.Path(chain.Equation, shapes);

        Assert.Equal(366944m, chain.Results["greedy"].OptCost);
        Assert.Contains("Optimized FLOP count:  " + chain.Results["optimal"].OptCost.ToString(CultureInfo.InvariantCulture), table);
    }

    [Fact]
    public void Ellipsis_shows_as_one_index_sized_by_its_broadcast_dimensions()
    {
        string table = Einsum.Path("...ij,...jk", [7, 2, 3], [3, 4]);

        Assert.Contains("Complete contraction:  ...ij,...jk->...ik", table);
        Assert.Contains("...=[7]", table);
        Assert.Contains("...ij,...jk->...ik", table);
    }

    [Fact]
    public void Shapes_that_do_not_fit_name_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Einsum.Path("ij,jk", [2, 3], [4, 5]));

        Assert.Equal("shapes[1]", error.ParamName);
        Assert.Contains("needs index 'j' = 3", error.Message);
    }

    [Fact]
    public void Broadcast_dimensions_too_many_to_count_are_refused_not_wrapped()
    {
        // 2^40 · 2^40 elements wrap a 64-bit count (to 0); the table would show a wrong size and FLOP count.
        var error = Assert.Throws<ArgumentException>(() => Einsum.Path("...i->...", [(nint)1 << 40, (nint)1 << 40, 3]));

        Assert.Contains("2^63", error.Message);
    }

    [Fact]
    public void An_invalid_expression_carries_the_parsers_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Einsum.Path("ij,jk->ix", [2, 3], [3, 4]));

        Assert.Equal("expression", error.ParamName);
        Assert.Contains("Output index 'x' appears in no input", error.Message);
    }
}
