using System;
using System.IO;
using Xunit;

namespace TensorGen.Packaging.Tests;

/// <summary>`dotnet tool install TensorGen.Cli` from the feed gives a working `tensorgen` command.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ToolPackageTests(PackageFeed feed)
{
    [Fact]
    public void The_tool_installs_from_the_feed_and_plans_an_expression()
    {
        string toolPath = Path.Combine(feed.WorkDirectory, "tool");
        Commands.Result install = Commands.DotNet(feed.WorkDirectory, TimeSpan.FromMinutes(3), "tool", "install", "TensorGen.Cli",
            "--tool-path", toolPath, "--add-source", feed.FeedDirectory, "--version", feed.Version);
        Assert.True(install.ExitCode == 0, install.ToString());

        Commands.Result plan = Commands.Run(Path.Combine(toolPath, "tensorgen"), feed.WorkDirectory, TimeSpan.FromMinutes(1),
            ["plan", "ij,jk,kl->il", "--sizes", "i=2,j=3,k=4,l=5"]);
        Assert.True(plan.ExitCode == 0 && plan.Output.Contains("ij,jk,kl->il", StringComparison.Ordinal), plan.ToString());
    }
}
