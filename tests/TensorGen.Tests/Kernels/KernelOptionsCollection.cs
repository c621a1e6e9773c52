using System.Collections.Generic;
using System.Linq;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary>
/// Tests that change the process-wide <see cref="KernelOptions"/> run in this collection, one at a time and after the
/// parallel ones, so no other test sees a forced tier or thread count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelOptionsCollection
{
    public const string Name = "Kernel options";

    private static readonly KernelTier s_initialTier = KernelOptions.Tier;
    private static readonly int s_initialThreads = KernelOptions.MaxThreads;

    /// <summary>Every tier this processor supports, the scalar one included.</summary>
    public static IReadOnlyList<KernelTier> SupportedTiers { get; } =
        System.Enum.GetValues<KernelTier>().Where(t => t <= KernelOptions.BestSupportedTier).ToArray();

    /// <summary>Puts back the options the process started with.</summary>
    public static void Restore()
    {
        KernelOptions.Tier = s_initialTier;
        KernelOptions.MaxThreads = s_initialThreads;
    }
}
