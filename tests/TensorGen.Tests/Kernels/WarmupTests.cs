using System.Linq;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary><see cref="Warmup.Prepare"/> runs every kernel family at every tier this processor has, and leaves the kernels working.</summary>
[Collection(KernelOptionsCollection.Name)]
public sealed class WarmupTests
{
    [Fact]
    public void Prepare_runs_at_every_tier_and_kernels_still_compute_the_reference()
    {
        try
        {
            foreach (KernelTier tier in KernelOptionsCollection.SupportedTiers)
            {
                KernelOptions.Tier = tier;
                KernelOptions.MaxThreads = 2;
                Warmup.Prepare();
            }
        }
        finally
        {
            KernelOptionsCollection.Restore();
        }

        // A GEMM-sized product after warming up: the numbers of a plain triple loop.
        const int n = 48;
        float[] a = Enumerable.Range(0, n * n).Select(i => (float)((i * 7 % 13) - 6)).ToArray();
        float[] b = Enumerable.Range(0, n * n).Select(i => (float)((i * 5 % 11) - 5)).ToArray();
        var result = System.Numerics.Tensors.Tensor.Create(new float[n * n], [n, n]);
        Einsum.Evaluate<float>("ij,jk->ik", [System.Numerics.Tensors.Tensor.Create(a, [n, n]), System.Numerics.Tensors.Tensor.Create(b, [n, n])],
            result.AsTensorSpan());
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double expected = Enumerable.Range(0, n).Sum(j => (double)a[(i * n) + j] * b[(j * n) + k]);
                Assert.Equal(expected, result[i, k]);
            }
        }
    }
}
