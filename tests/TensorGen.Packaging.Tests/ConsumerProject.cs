using System.IO;

namespace TensorGen.Packaging.Tests;

/// <summary>
/// A copy of Consumer/ (a user's project referencing only the packages) outside the repository — so neither
/// Directory.Build.props nor central package management applies — with a NuGet.config that adds the test's folder feed.
/// Every other package restores from the sources the machine's own NuGet configuration names (as for the repository's
/// projects); the feed's version exists nowhere else, so TensorGen can only come from the feed.
/// </summary>
internal static class ConsumerProject
{
    public const string ProjectFile = "PackageConsumer.csproj";

    public static string Create(PackageFeed feed, string name)
    {
        string directory = Path.Combine(feed.WorkDirectory, name);
        Directory.CreateDirectory(directory);
        foreach (string file in Directory.GetFiles(RepositoryLayout.Under("tests", "TensorGen.Packaging.Tests", "Consumer")))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tensorgen-under-test" value="{feed.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }
}
