using System.Linq;
using TensorGen.Model;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The two public GPU members every equivariant declaration with <c>Backend.Gpu</c> gets (docs/gpu.md), for tensor products
/// and spherical harmonics alike: the device entry point <c>NameGpu(GpuContext, ArrayView&lt;T&gt; …)</c> over dense
/// row-major views, whose body launches the kernel through the runtime's driver, and the host entry point
/// <c>NameGpu(GpuContext, &lt;the declared tensor spans&gt;)</c>, whose body has the driver copy in, call the device entry
/// point and copy out.
/// </summary>
internal static class GpuEntryPoints
{
    private const string Context = "global::TensorGen.Runtime.Gpu.GpuContext";

    /// <param name="writer">Where to write.</param>
    /// <param name="method">The declaration (its modifiers, less <c>new</c>, and its parameters).</param>
    /// <param name="element">float or double.</param>
    /// <param name="deviceSummary">The device entry point's documentation (XML text).</param>
    /// <param name="hostSummary">The host entry point's documentation (XML text).</param>
    /// <param name="deviceCall">The device entry point's body.</param>
    /// <param name="hostCall">The host entry point's body.</param>
    public static void Write(SourceWriter writer, KernelMethodShape method, string element, string deviceSummary, string hostSummary, string deviceCall, string hostCall)
    {
        string view = $"global::ILGPU.ArrayView<{element}>";
        WriteWithParameters(writer, method, string.Join(", ", method.Parameters.Select(p => $"{view} {p.Name}")), deviceSummary, hostSummary, deviceCall, hostCall);
    }

    /// <summary>The same, for a declaration whose device entry point does not take one view per declared parameter (a convolution's takes a graph).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="method">The declaration.</param>
    /// <param name="deviceParameters">The device entry point's parameters after the context.</param>
    /// <param name="deviceSummary">The device entry point's documentation (XML text).</param>
    /// <param name="hostSummary">The host entry point's documentation (XML text).</param>
    /// <param name="deviceCall">The device entry point's body.</param>
    /// <param name="hostCall">The host entry point's body.</param>
    public static void WriteWithParameters(SourceWriter writer, KernelMethodShape method, string deviceParameters, string deviceSummary, string hostSummary, string deviceCall,
        string hostCall)
    {
        string modifiers = string.Join(" ", method.Modifiers.Split(' ').Where(m => m.Length > 0 && m != "new"));
        string name = method.MethodName + "Gpu";
        string hostParameters = string.Join(", ", method.Parameters.Select(p => p.Declaration));

        writer.WriteLine();
        writer.WriteLine($"/// <summary>{deviceSummary}</summary>");
        writer.OpenBlock($"{modifiers} void {name}({Context} gpu, {deviceParameters})");
        writer.WriteLine(deviceCall);
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>{hostSummary}</summary>");
        writer.OpenBlock($"{modifiers} void {name}({Context} gpu, {hostParameters})");
        writer.WriteLine(hostCall);
        writer.CloseBlock();
    }
}
