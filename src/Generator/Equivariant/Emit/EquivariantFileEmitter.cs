using System;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The frame of a generated equivariant kernel file: the header, the method's implementation inside its namespace and
/// containing types, and the file-local kernel type in <c>namespace TensorGen.Generated</c> (where its using aliases
/// cannot collide with the user's).
/// </summary>
internal static class EquivariantFileEmitter
{
    public const string KernelNamespace = "TensorGen.Generated";

    /// <param name="method">The declaration.</param>
    /// <param name="header">Writes the header comment.</param>
    /// <param name="body">The implementation's one statement.</param>
    /// <param name="kernel">Writes the file-local kernel type.</param>
    /// <param name="elementType">float or double.</param>
    /// <param name="gpuMembers">Writes the GPU entry points and kernels beside the method (<c>Backend.Gpu</c>), or null.</param>
    public static string Emit(KernelMethodShape method, Action<SourceWriter> header, string body, Action<SourceWriter> kernel, string elementType,
        Action<SourceWriter>? gpuMembers) =>
        KernelFile.Write(method, header,
            writer =>
            {
                writer.OpenBlock(method.Signature);
                writer.WriteLine(body);
                writer.CloseBlock();
                gpuMembers?.Invoke(writer);
            },
            writer =>
            {
                writer.OpenBlock("namespace " + KernelNamespace);
                writer.WriteLine($"using Lanes = global::System.Numerics.Vector<{elementType}>;");
                writer.WriteLine("using static global::TensorGen.Runtime.Equivariance.SoaTile;");
                writer.WriteLine();
                kernel(writer);
                writer.CloseBlock();
            });

    /// <summary>The kernel type's name as the method refers to it.</summary>
    public static string KernelReference(KernelMethodShape method) => "global::" + KernelNamespace + "." + method.LocalTypeName;
}
