using System;
using TensorGen.Runtime.Gpu;
using Xunit;

namespace TensorGen.Gpu.Tests;

/// <summary>
/// One ILGPU CPU accelerator for every test (kernels are compiled once per context): these tests run in CI, where there
/// is no GPU. The accelerator emulates every GPU thread, so sizes stay small.
/// </summary>
public sealed class GpuFixture : IDisposable
{
    public GpuContext Gpu { get; } = GpuContext.Create(GpuDevice.Cpu);

    public void Dispose() => Gpu.Dispose();
}

[CollectionDefinition(Name)]
public sealed class GpuCollection : ICollectionFixture<GpuFixture>
{
    public const string Name = "GPU (ILGPU CPU accelerator)";
}
