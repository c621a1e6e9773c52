using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TensorGen.Packaging.Tests;

/// <summary>What each package holds and says about itself (docs/packaging.md, "Layout").</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageLayoutTests(PackageFeed feed)
{
    [Fact]
    public void The_feed_holds_exactly_the_three_packages_named_by_id_and_version()
    {
        string[] written = Directory.GetFiles(feed.FeedDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        string[] expected = PackageFeed.Packages.Select(p => $"{p.PackageId}.{feed.Version}.nupkg").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, written);
    }

    [Fact]
    public void TensorGen_has_the_runtime_and_attributes_in_lib_and_the_generator_only_under_analyzers()
    {
        string[] files = Entries("TensorGen");
        Assert.Contains("lib/net10.0/TensorGen.Runtime.dll", files);
        Assert.Contains("lib/net10.0/TensorGen.Runtime.xml", files);
        Assert.Contains("lib/net10.0/TensorGen.Dsl.dll", files);
        Assert.Contains("lib/net10.0/TensorGen.Dsl.xml", files);
        Assert.Contains("analyzers/dotnet/cs/TensorGen.Generator.dll", files);
        Assert.Contains("build/TensorGen.targets", files);
        Assert.Contains("buildTransitive/TensorGen.targets", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && f.Contains("Generator", StringComparison.Ordinal));
        // Everything under analyzers/ is loaded by the compiler: one generator, no second copy (the ReadyToRun image lives in tools/).
        Assert.Equal(["analyzers/dotnet/cs/TensorGen.Generator.dll"], files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal)));
    }

    /// <summary>
    /// crossgen2 writes the target OS into the machine field of a ReadyToRun image (e.g. 0xFD1D for Linux x64), which a .NET Framework
    /// compiler (Visual Studio's) refuses as an analyzer, and which a runtime or a compiler on another OS or architecture refuses as a
    /// reference (CS8012); an IL assembly is marked I386 (AnyCPU). The generator and the runtime are both built as images here.
    /// </summary>
    [Theory]
    [InlineData("analyzers/dotnet/cs/TensorGen.Generator.dll")]
    [InlineData("lib/net10.0/TensorGen.Runtime.dll")]
    public void The_packaged_assemblies_are_IL_that_every_host_loads(string path)
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath("TensorGen"));
        using var assembly = new MemoryStream();
        using (Stream entry = package.GetEntry(path)!.Open())
        {
            entry.CopyTo(assembly);
        }

        byte[] image = assembly.ToArray();
        int peHeader = BitConverter.ToInt32(image, 0x3C);
        Assert.Equal(0x014C, BitConverter.ToUInt16(image, peHeader + 4));
    }

    [Fact]
    public void TensorGen_depends_only_on_public_packages_and_carries_its_metadata()
    {
        XElement metadata = Metadata("TensorGen");
        string[] dependencies = Dependencies(metadata).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["MathNet.Numerics", "System.Numerics.Tensors"], dependencies);
        AssertDescribed(metadata, "TensorGen");
    }

    [Fact]
    public void TensorGen_Gpu_depends_on_TensorGen_with_its_generator_and_build_files()
    {
        XElement metadata = Metadata("TensorGen.Gpu");
        Assert.Contains(Entries("TensorGen.Gpu"), f => f == "lib/net10.0/TensorGen.Runtime.Gpu.dll");
        var tensorGen = Dependencies(metadata).Single(d => d.Id == "TensorGen");
        Assert.Equal(feed.Version, tensorGen.Version);
        Assert.True(string.IsNullOrEmpty(tensorGen.Exclude), $"TensorGen.Gpu's dependency on TensorGen excludes '{tensorGen.Exclude}'.");
        Assert.Contains(Dependencies(metadata), d => d.Id == "ILGPU");
        AssertDescribed(metadata, "TensorGen.Gpu");
    }

    [Fact]
    public void TensorGen_Cli_is_a_dotnet_tool_with_the_command_tensorgen()
    {
        XElement metadata = Metadata("TensorGen.Cli");
        Assert.Contains(metadata.Element(metadata.Name.Namespace + "packageTypes")!.Elements(), e => (string?)e.Attribute("name") == "DotnetTool");
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath("TensorGen.Cli"));
        ZipArchiveEntry settings = package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        using Stream stream = settings.Open();
        Assert.Equal("tensorgen", (string?)XDocument.Load(stream).Descendants("Command").Single().Attribute("Name"));
        AssertDescribed(metadata, "TensorGen.Cli");
    }

    private void AssertDescribed(XElement metadata, string packageId)
    {
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal(packageId, (string?)metadata.Element(ns + "id"));
        Assert.Equal(feed.Version, (string?)metadata.Element(ns + "version"));
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")));
        Assert.DoesNotContain("Package Description", (string?)metadata.Element(ns + "description"), StringComparison.Ordinal);
        Assert.Contains("einsum", ((string?)metadata.Element(ns + "tags"))!.Split(' '));
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        Assert.Contains("README.md", Entries(packageId));
    }

    private string[] Entries(string packageId)
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath(packageId));
        return package.Entries.Select(e => e.FullName).ToArray();
    }

    private XElement Metadata(string packageId)
    {
        using ZipArchive package = ZipFile.OpenRead(feed.PackagePath(packageId));
        using Stream nuspec = package.GetEntry($"{packageId}.nuspec")!.Open();
        XElement root = XDocument.Load(nuspec).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static (string Id, string Version, string? Exclude)[] Dependencies(XElement metadata) =>
        metadata.Descendants(metadata.Name.Namespace + "dependency")
            .Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!, (string?)d.Attribute("exclude")))
            .ToArray();
}
