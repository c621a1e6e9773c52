using System;
using System.Linq;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary>
/// The static form's MTTKRP layout (constants the generator writes, <see cref="MttkrpLayout.Create"/>) runs the same
/// arithmetic as the dynamic form's binding, and rejects layouts that do not describe an MTTKRP.
/// </summary>
public sealed class MttkrpLayoutTests
{
    [Fact]
    public void A_layout_written_as_constants_gives_the_bindings_result()
    {
        // "kr,ijk,jr->ri", i=5, j=6, k=7, r=3, dense row-major: f = i, u = k (U = operand 0), w = j (W = operand 2).
        double[] u = Values(7 * 3, 1), x = Values(5 * 6 * 7, 2), w = Values(6 * 3, 3);
        var viaBinding = new double[3 * 5];
        var viaLayout = new double[3 * 5];
        EinsumBinding binding = EinsumProgram.Create("kr,ijk,jr->ri", [0, 1, 0, 1], ["u", "x", "w", "result"])
            .BindDense([7, 3], [5, 6, 7], [6, 3], [3, 5]);
        FusedKernels.Mttkrp<double>(binding, u, x, w, viaBinding, accumulate: false);

        MttkrpLayout layout = MttkrpLayout.Create(["u", "x", "w", "result"], tensor: 1, firstFactor: 0, secondFactor: 2,
            free: 5, first: 7, second: 6, rank: 3,
            tensorStrides: [42, 1, 7], firstFactorStrides: [3, 1], secondFactorStrides: [3, 1], resultStrides: [1, 5]);
        FusedKernels.Mttkrp<double>(layout, u, x, w, viaLayout, accumulate: false);

        Assert.Equal(viaBinding, viaLayout);
        Assert.Contains(viaLayout, v => v != 0);
    }

    [Fact]
    public void A_short_span_is_rejected_by_name_before_anything_is_written()
    {
        MttkrpLayout layout = MttkrpLayout.Create(["x", "u", "w", "result"], 0, 1, 2, free: 2, first: 3, second: 4, rank: 2,
            tensorStrides: [12, 4, 1], firstFactorStrides: [2, 1], secondFactorStrides: [2, 1], resultStrides: [2, 1]);
        var result = new double[4];
        var error = Assert.Throws<ArgumentException>(() =>
            FusedKernels.Mttkrp<double>(layout, new double[23], new double[6], new double[8], result, accumulate: false));
        Assert.Equal("x", error.ParamName);
        Assert.All(result, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Create_rejects_positions_and_strides_that_are_not_an_mttkrp()
    {
        string[] names = ["x", "u", "w", "result"];
        Assert.Throws<ArgumentException>(() => MttkrpLayout.Create(names, 0, 0, 2, 2, 3, 4, 2, [12, 4, 1], [2, 1], [2, 1], [2, 1]));
        Assert.Throws<ArgumentException>(() => MttkrpLayout.Create(names, 0, 1, 2, 2, 3, 4, 2, [12, 4], [2, 1], [2, 1], [2, 1]));
        Assert.Throws<ArgumentException>(() => MttkrpLayout.Create(names, 0, 1, 2, 2, 3, 4, 2, [12, 4, 1], [2, -1], [2, 1], [2, 1]));
        Assert.Throws<ArgumentException>(() => MttkrpLayout.Create(names[..3], 0, 1, 2, 2, 3, 4, 2, [12, 4, 1], [2, 1], [2, 1], [2, 1]));
    }

    private static double[] Values(int count, int seed) => Enumerable.Range(0, count).Select(i => (double)(((i * 7) + seed) % 11) - 5).ToArray();
}
