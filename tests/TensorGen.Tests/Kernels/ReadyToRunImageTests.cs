using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.Tests.Kernels;

/// <summary>
/// TensorGen.Runtime arrives precompiled (src/Runtime/Build/ReadyToRun.targets), and the GEMM engine stays in the shape
/// crossgen2 can precompile (benchmarks/results/dynamic-forms.md: the first call of the static 64 × 64³ product
/// JIT-compiled 87 methods before, about 12 now).
/// </summary>
public sealed class ReadyToRunImageTests
{
    [Fact]
    public void The_runtime_assembly_the_tests_load_is_a_ReadyToRun_image()
    {
        using var stream = File.OpenRead(typeof(Einsum).Assembly.Location);
        using var reader = new PEReader(stream);
        CorHeader? header = reader.PEHeaders.CorHeader;
        Assert.NotNull(header);

        // crossgen2 writes the ReadyToRun header through the CLI header's managed-native-header directory; an IL-only
        // assembly leaves it empty.
        Assert.True(header!.ManagedNativeHeaderDirectory.Size > 0,
            "TensorGen.Runtime.dll has no ReadyToRun header: Build/ReadyToRun.targets did not run (TensorGenRuntimeReadyToRun=false?)");
    }

    [Fact]
    public void Micro_kernel_and_tile_count_interfaces_have_no_static_virtual_members()
    {
        // crossgen2 leaves every method that calls a static virtual member through a type parameter to the JIT
        // ("CanInline currently doesn't support propagation of constrained type"): the GEMM driver and tiles would be
        // JIT-compiled on every application's first call again.
        foreach (Type contract in new[] { typeof(IMicroKernel<>), typeof(ITileCount) })
        {
            MethodInfo[] staticMembers = contract.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            Assert.True(staticMembers.Length == 0, $"{contract.Name} declares static members: {string.Join(", ", staticMembers.Select(m => m.Name))}");
        }
    }

    [Fact]
    public void The_AVX512_GEMM_path_is_not_marked_AggressiveOptimization()
    {
        // crossgen2 never precompiles AggressiveOptimization methods, and these are the first call's hot code. (The
        // micro-kernel itself keeps the flag: precompiled, its loop went through TieredPGO's slow instrumented tier.)
        (Type Type, string Method)[] path =
        [
            (typeof(GemmDriver<float, Avx512MicroKernel<float>>), nameof(GemmDriver<float, Avx512MicroKernel<float>>.Run)),
            (typeof(MicroTile<float, Avx512MicroKernel<float>>), nameof(MicroTile<float, Avx512MicroKernel<float>>.Multiply)),
            (typeof(PanelPacking), nameof(PanelPacking.PackRows)),
            (typeof(PanelPacking), nameof(PanelPacking.PackColumns)),
        ];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        MethodInfo[] methods = path.SelectMany(p => p.Type.GetMethods(all).Where(m => m.Name == p.Method)).ToArray();
        Assert.True(methods.Length >= path.Length);
        string[] marked = methods
            .Where(method => (method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0)
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToArray();
        Assert.True(marked.Length == 0, $"marked AggressiveOptimization: {string.Join(", ", marked)}");
    }
}
