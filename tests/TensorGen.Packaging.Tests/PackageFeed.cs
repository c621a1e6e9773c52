using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace TensorGen.Packaging.Tests;

/// <summary>
/// The three packages, packed once for the whole collection into a temporary folder feed, from the outputs the test
/// project's references already built (`dotnet pack --no-build --no-restore`, in this configuration: nothing under src/ is
/// written while other test projects may be building against it).
/// Each run packs a version of its own (Directory.Build.props's version + "-packtest.&lt;time&gt;"), so a consumer never restores a
/// stale copy from the NuGet cache; the cache entries of that version are deleted again at the end.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    /// <summary>The packable projects and the package each writes.</summary>
    public static readonly (string Project, string PackageId)[] Packages =
    [
        ("src/Runtime/TensorGen.Runtime.csproj", "TensorGen"),
        ("src/Runtime/Gpu/TensorGen.Runtime.Gpu.csproj", "TensorGen.Gpu"),
        ("src/Cli/TensorGen.Cli.csproj", "TensorGen.Cli"),
    ];

    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(5);

    public PackageFeed()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("tensorgen-packaging-").FullName;
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        Version = string.Create(CultureInfo.InvariantCulture, $"{RepositoryLayout.Version}-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}");
        foreach ((string project, _) in Packages)
        {
            Commands.Result pack = Commands.DotNet(RepositoryLayout.Root, PackLimit, "pack", project, "-c", RepositoryLayout.Configuration,
                "--no-build", "--no-restore", "-o", FeedDirectory, $"-p:PackageVersion={Version}");
            Assert.True(pack.ExitCode == 0, pack.ToString());
            PackSeconds += pack.Elapsed.TotalSeconds;
        }
    }

    /// <summary>Holds the feed and the consumers' copies; deleted at the end.</summary>
    public string WorkDirectory { get; }

    /// <summary>The folder feed: TensorGen.&lt;version&gt;.nupkg, TensorGen.Gpu.&lt;version&gt;.nupkg, TensorGen.Cli.&lt;version&gt;.nupkg.</summary>
    public string FeedDirectory { get; }

    public string Version { get; }

    public double PackSeconds { get; }

    public string PackagePath(string packageId) => Path.Combine(FeedDirectory, $"{packageId}.{Version}.nupkg");

    public void Dispose()
    {
        // The consumers restored this version into the global packages folder; nothing else will ever ask for it.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in Packages.Select(p => p.PackageId.ToLowerInvariant()))
        {
            TryDelete(Path.Combine(cache, id, Version.ToLowerInvariant()));
        }

        TryDelete(WorkDirectory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packages";
}
