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
        KernelFileEmitter.Write(method.Namespace, method.ContainingTypes, header,
            writer =>
            {
                writer.OpenBlock(Signature(method));
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

    /// <summary>The body of a declaration with errors: it throws with the first error (the TG error already fails the build).</summary>
    public static string EmitFailure(KernelMethodShape method, string attribute, string? id, string message) =>
        KernelFileEmitter.Write(method.Namespace, method.ContainingTypes,
            writer =>
            {
                writer.WriteComment($"TensorGen could not generate {method.DisplayName}: "
                    + (id is null ? $"its [{attribute}] attribute does not compile" : "error " + id) + " (see the build output).");
                writer.WriteComment("This body only keeps the compiler from also reporting that the partial method has no implementation.");
            },
            writer =>
            {
                writer.OpenBlock(Signature(method));
                writer.WriteLine($"throw new global::System.NotSupportedException({CSharpLiteral.String(id is null ? message : id + ": " + message)});");
                writer.CloseBlock();
            },
            trailer: null);

    /// <summary>The implementing declaration's first line.</summary>
    public static string Signature(KernelMethodShape method) =>
        (method.Modifiers.Length == 0 ? string.Empty : method.Modifiers + " ") + "partial " + method.ReturnType + " " + method.Name
        + "(" + string.Join(", ", method.Parameters.Select(p => p.Declaration)) + ")";

    /// <summary>The kernel type's name as the method refers to it.</summary>
    public static string KernelReference(KernelMethodShape method) => "global::" + KernelNamespace + "." + method.LocalTypeName;
}
