using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Api;

public sealed class LayoutReuseTests
{
    [Fact]
    public void A_binding_with_the_same_lengths_and_strides_reuses_the_step_layouts()
    {
        EinsumProgram program = EinsumProgram.Create("ij,jk->ik", [0, 1], ["a", "b", "r"]);

        StepLayout first = Bind(program, [4, 1]).Step(0);
        StepLayout same = Bind(program, [4, 1]).Step(0);
        StepLayout transposed = Bind(program, [1, 3]).Step(0);

        Assert.Same(first, same);
        Assert.NotSame(first, transposed);
        Assert.Equal([4, 0, 1], first.LeftStrides.ToArray()); // loop indices i, k, j
        Assert.Equal([1, 0, 3], transposed.LeftStrides.ToArray());
    }

    private static EinsumBinding Bind(EinsumProgram program, nint[] leftStrides)
    {
        EinsumBinding binding = program.Bind();
        binding.Operand(0, [3, 4], leftStrides);
        binding.Operand(1, [4, 5], [5, 1]);
        binding.Result([3, 5], [5, 1]);
        return binding;
    }
}
