using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TensorGen.Packaging.Tests;

/// <summary>Where the clone under test is, the configuration these tests were built in, and the version it packs.</summary>
internal static partial class RepositoryLayout
{
    /// <summary>The folder holding TensorGen.sln, found upward from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the src projects were built in it (ProjectReference) and are packed from it.</summary>
    public static string Configuration { get; } = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    /// <summary>&lt;Version&gt; of Directory.Build.props: the one place the packages' version is written.</summary>
    public static string Version { get; } = VersionElement().Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props"))) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidDataException("Directory.Build.props has no <Version>.");

    public static string Under(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "TensorGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No TensorGen.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"<Version>\s*([^<\s]+)\s*</Version>")]
    private static partial Regex VersionElement();
}
