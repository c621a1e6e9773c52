using System;
using System.IO;

namespace TensorGen.Cli.Tests;

/// <summary>A file with the given contents and extension, deleted when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string contents, string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tensorgen-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(Path, contents);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
