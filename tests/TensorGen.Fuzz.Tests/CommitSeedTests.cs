using System;
using System.Diagnostics;
using Xunit;

namespace TensorGen.Fuzz.Tests;

/// <summary>The sample's seed comes from the commit under test (<see cref="CommitSeed"/>), as .ci/run derives it.</summary>
public class CommitSeedTests
{
    /// <summary>The first 8 hex digits with the sign bit cleared — .ci/run's $(( 0x${commit:0:8} &amp; 0x7FFFFFFF )).</summary>
    [Theory]
    [InlineData("b1218e8a0c3f57d1e2a9b4c6d8e0f1a2b3c4d5e6", 0x31218E8A)]
    [InlineData("0000000f0000000000000000000000000000000f", 15)]
    [InlineData("7fffffffabcdef", int.MaxValue)]
    [InlineData("FFFFFFFF", int.MaxValue)]
    public void The_seed_is_the_commits_first_31_bits(string commit, int seed) => Assert.Equal(seed, CommitSeed.Of(commit));

    /// <summary>In a checkout the seed is HEAD's; a new commit gives a new sample.</summary>
    [Fact]
    public void In_a_checkout_the_seed_is_the_seed_of_HEAD()
    {
        string? head = Git("rev-parse HEAD");
        if (head is null)
        {
            // Outside a checkout (a copied build output) the fallback is the documented fixed seed.
            Assert.Equal((CommitSeed.Fallback, true), (CommitSeed.FromHead().Seed, CommitSeed.FromHead().Origin.StartsWith("the fixed fallback seed", StringComparison.Ordinal)));
            return;
        }

        var (seed, origin) = CommitSeed.FromHead();
        Assert.Equal(CommitSeed.Of(head), seed);
        Assert.Equal("from commit " + head[..12], origin);
    }

    private static string? Git(string arguments)
    {
        try
        {
            using Process git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
