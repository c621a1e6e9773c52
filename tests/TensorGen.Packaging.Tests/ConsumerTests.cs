using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using TensorGen.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Packaging.Tests;

/// <summary>
/// A user's project with only PackageReferences builds, generates and runs a kernel of every family (Consumer/Program.cs
/// checks each against plain loops or e3nn's values and exits 1 on a mismatch): under the JIT with TensorGen.Gpu, and
/// published with Native AOT, where it must also report the kernel tier the package's instruction-set choice gives.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerTests(PackageFeed feed, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);
    private const int CpuChecks = 10, GpuChecks = 2;

    [Fact]
    public void A_consumer_of_TensorGen_and_TensorGen_Gpu_builds_and_every_family_matches_its_reference()
    {
        string project = ConsumerProject.Create(feed, "jit");
        Commands.Result build = Commands.DotNet(project, BuildLimit, "build", ConsumerProject.ProjectFile, "-c", "Release", "-v:n",
            "--disable-build-servers", "-p:ConsumerGpu=true", $"-p:TensorGenVersion={feed.Version}");
        output.WriteLine($"pack {feed.PackSeconds:F0} s; consumer restore and build {build.Elapsed.TotalSeconds:F0} s");
        AssertSucceededWithoutWarnings(build);
        if (PackageHasReadyToRunGeneratorFor(RuntimeInformation.RuntimeIdentifier))
        {
            Assert.Contains("TensorGen: generator ReadyToRun image", build.Output, StringComparison.Ordinal);
        }

        string program = Path.Combine(project, "bin", "Release", "net10.0", "PackageConsumer.dll");
        Commands.Result run = Commands.DotNet(project, RunLimit, program, RepositoryLayout.Under("tests", "Conformance"));
        output.WriteLine(run.Output);
        AssertAllChecksPassed(run, CpuChecks + GpuChecks);
        Assert.Contains("runtime: JIT", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_consumer_published_with_Native_AOT_has_no_warnings_and_runs_the_SIMD_tier_the_package_chose()
    {
        string? missing = AotToolchain.EnsureInstalled();
        Skip.If(missing is not null, missing);

        string project = ConsumerProject.Create(feed, "aot");
        string publishDirectory = Path.Combine(project, "publish");
        Commands.Result publish = Commands.DotNet(project, BuildLimit, "publish", ConsumerProject.ProjectFile, "-c", "Release",
            "-v:n", "--disable-build-servers", "-o", publishDirectory, $"-p:TensorGenVersion={feed.Version}");
        output.WriteLine($"consumer restore and AOT publish {publish.Elapsed.TotalSeconds:F0} s");
        AssertSucceededWithoutWarnings(publish);

        KernelTier expected = KernelOptions.BestSupportedTier;
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            // docs/packaging.md: x86-64-v3 keeps the AVX2 kernels; AVX-512 needs a target the consumer chooses.
            Assert.Contains("TensorGen: Native AOT targets IlcInstructionSet=x86-64-v3", publish.Output, StringComparison.Ordinal);
            expected = expected > KernelTier.Avx2 ? KernelTier.Avx2 : expected;
        }

        Commands.Result run = Commands.Run(Path.Combine(publishDirectory, "PackageConsumer"), project, RunLimit,
            [RepositoryLayout.Under("tests", "Conformance")]);
        output.WriteLine(run.Output);
        AssertAllChecksPassed(run, CpuChecks);
        Assert.Contains("runtime: Native AOT", run.Output, StringComparison.Ordinal);
        Assert.Contains($"tier: {expected} ", run.Output, StringComparison.Ordinal);
    }

    private bool PackageHasReadyToRunGeneratorFor(string runtimeIdentifier)
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath("TensorGen"));
        return package.GetEntry($"tools/r2r/{runtimeIdentifier}/TensorGen.Generator.dll") is not null;
    }

    private static void AssertSucceededWithoutWarnings(Commands.Result build)
    {
        Assert.True(build.ExitCode == 0, Tail(build));
        Assert.True(build.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal) && !build.Output.Contains(": warning ", StringComparison.Ordinal),
            Tail(build));
    }

    private static void AssertAllChecksPassed(Commands.Result run, int checks)
    {
        string[] lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(checks, lines.Count(l => l.StartsWith("PASS", StringComparison.Ordinal)));
        Assert.Contains("all checks passed", lines);
    }

    /// <summary>The end of a build log: where MSBuild writes the errors and the summary (a normal-verbosity log is long).</summary>
    private static string Tail(Commands.Result build) =>
        build.Output.Length <= 6000 ? build.ToString() : $"{build.Command}: exit {build.ExitCode}\n…{build.Output[^6000..]}";
}
