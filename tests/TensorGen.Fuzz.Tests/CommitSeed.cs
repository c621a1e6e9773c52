using System;
using System.Diagnostics;
using System.Globalization;

namespace TensorGen.Fuzz.Tests;

/// <summary>
/// The fuzz seed of the commit under test: its first 31 bits (the commit id is already a hash, SHA-1 or SHA-256, so its leading hex
/// digits are as good a seed as any hash of them). A new commit samples new cases; the same commit replays the same ones. Where git
/// or the repository is missing (a copied build output), the fixed seed CI used before, <see cref="Fallback"/>, keeps runs reproducible.
/// .ci/run derives the same number the same way and prints it before the build.
/// </summary>
internal static class CommitSeed
{
    public const int Fallback = 20250601;

    public static (int Seed, string Origin) FromHead()
    {
        string? commit = Head(out string? why);
        return commit is null ? (Fallback, $"the fixed fallback seed: {why}") : (Of(commit), "from commit " + commit[..12]);
    }

    /// <summary>The seed of commit id <paramref name="commit"/> (hex): its first 8 hex digits with the sign bit cleared.</summary>
    public static int Of(string commit) => (int)(uint.Parse(commit.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) & 0x7FFF_FFFF);

    /// <summary><c>git rev-parse HEAD</c> run where the test assembly is (inside the working tree), or null with the reason.</summary>
    private static string? Head(out string? why)
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            if (!git.WaitForExit(10_000) || git.ExitCode != 0 || output.Length < 8 || !IsHex(output))
            {
                why = "git rev-parse HEAD gave no commit";
                return null;
            }

            why = null;
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            why = "git is not available (" + e.Message + ")";
            return null;
        }
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
