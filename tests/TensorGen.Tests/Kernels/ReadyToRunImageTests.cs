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
/// TensorGen.Runtime can be built as a ReadyToRun image (src/Runtime/Build/ReadyToRun.targets, opt-in), and the GEMM engine stays
/// in the shape crossgen2 can precompile (benchmarks/results/dynamic-forms.md: with the image the first call of the static 64 × 64³
/// product JIT-compiled about 12 methods instead of 87).
/// </summary>
public sealed class ReadyToRunImageTests
{
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
    public void The_AVX512_GEMM_path_is_marked_AggressiveOptimization_exactly_when_the_runtime_is_IL()
    {
        // The IL build marks the first call's hot code so its loops do not wait for tiering; crossgen2 never precompiles
        // AggressiveOptimization methods, so the image (-p:TensorGenRuntimeReadyToRun=true) marks none of them. (The
        // micro-kernel itself keeps the flag in both: precompiled, its loop went through TieredPGO's slow instrumented tier.)
        using var stream = File.OpenRead(typeof(Einsum).Assembly.Location);
        using var reader = new PEReader(stream);
        CorHeader? header = reader.PEHeaders.CorHeader;
        Assert.NotNull(header);
        bool image = header!.ManagedNativeHeaderDirectory.Size > 0; // crossgen2's ReadyToRun header; empty in an IL assembly

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
        string[] wrong = methods
            .Where(method => ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0) == image)
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToArray();
        Assert.True(wrong.Length == 0, $"{(image ? "image" : "IL")} build, flag {(image ? "set" : "missing")} on: {string.Join(", ", wrong)}");
    }
}
