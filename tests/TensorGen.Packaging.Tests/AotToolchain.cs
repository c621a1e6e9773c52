using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TensorGen.Packaging.Tests;

/// <summary>
/// The native toolchain Native AOT links with on Linux (clang, lld, zlib's development files). The test installs it itself
/// where it can (root and apt-get: CI machines and developer containers), so CI needs no set-up step outside the clone.
/// </summary>
internal static class AotToolchain
{
    private static readonly string[] Packages = ["clang", "lld", "zlib1g-dev"];
    private static readonly object Gate = new();
    private static string? s_missing;
    private static bool s_checked;

    /// <summary>Null when the toolchain is there (installing it if needed); otherwise why the AOT part cannot run here.</summary>
    public static string? EnsureInstalled()
    {
        lock (Gate)
        {
            if (!s_checked)
            {
                s_missing = Install();
                s_checked = true;
            }

            return s_missing;
        }
    }

    private static string? Install()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the AOT part runs on Linux only (the toolchain check and set-up are Debian's)";
        }

        if (Missing().Count == 0)
        {
            return null;
        }

        string? aptGet = OnPath("apt-get");
        if (aptGet is null || Environment.UserName != "root")
        {
            return $"Native AOT needs {string.Join(", ", Missing())}; install them (apt-get install -y {string.Join(' ', Packages)}) — this test installs them itself only as root with apt-get";
        }

        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        TimeSpan limit = TimeSpan.FromMinutes(8);
        Commands.Result update = Commands.Run(aptGet, "/", limit, ["update", "-qq"], environment);
        Commands.Result install = Commands.Run(aptGet, "/", limit, ["install", "-y", "-qq", .. Packages], environment);
        List<string> stillMissing = Missing();
        return stillMissing.Count == 0
            ? null
            : $"apt-get could not install {string.Join(", ", stillMissing)}:\n{update}\n{install}";
    }

    /// <summary>What is not there yet: the compiler driver, the linker, and libz for `-lz`.</summary>
    private static List<string> Missing()
    {
        var missing = new List<string>();
        if (OnPath("clang") is null)
        {
            missing.Add("clang");
        }

        if (OnPath("ld.lld") is null)
        {
            missing.Add("lld");
        }

        if (!File.Exists("/usr/include/zlib.h"))
        {
            missing.Add("zlib1g-dev");
        }

        return missing;
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
