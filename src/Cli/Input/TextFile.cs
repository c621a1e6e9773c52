using System;
using System.IO;

namespace TensorGen.Cli.Input;

/// <summary>Reads a file named on the command line; what cannot be read is a message ("cannot read --sizes-file 'f': ..."), not an exception.</summary>
internal static class TextFile
{
    /// <param name="what">How the message names the file: the option ("--network") or nothing for an argument.</param>
    public static string? Read(string path, string what, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read {(what.Length == 0 ? string.Empty : what + " ")}'{path}': {e.Message}";
            return null;
        }
    }
}
