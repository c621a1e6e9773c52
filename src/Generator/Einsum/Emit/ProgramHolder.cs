using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Emit;

/// <summary>
/// Writes a kernel's run-time program (or binding) as the one field of a nested static class named for it, e.g.
/// <c>private static class s_chainProgram { internal static readonly EinsumProgram Program = ...; }</c>. A static field of
/// the containing class would be made when any member of that class is first used: a class with many kernels would parse and
/// lower every dynamic kernel's expression on the first call of any of them (a static kernel's first call JIT-compiled the
/// parser and lowering for its dynamic siblings: about 330 of its 409 methods). In a class of its own, the runtime makes it
/// on the kernel's first call, and afterwards reading it is a plain static load. A generic interface with an <c>in</c> or
/// <c>out</c> type parameter cannot hold a nested class (CS8427): there the program stays a static field of the interface.
/// </summary>
internal static class ProgramHolder
{
    private const string Member = "Program";

    /// <summary>The expression that reads the kernel's program, e.g. <c>s_chainProgram.Program</c>.</summary>
    public static string Access(EinsumKernel kernel) => CanNest(kernel) ? kernel.ProgramFieldName + "." + Member : kernel.ProgramFieldName;

    /// <summary>The holder class; <paramref name="initializer"/> is the field's initializer, its last line without the <c>;</c>.</summary>
    public static void Write(SourceWriter writer, EinsumKernel kernel, string type, IReadOnlyList<string> initializer)
    {
        if (!CanNest(kernel))
        {
            writer.WriteComment("The kernel's program (a variant interface cannot hold a class of its own: made when the interface is first used).");
            WriteField(writer, $"private static readonly {type} {kernel.ProgramFieldName}", initializer);
            writer.WriteLine();
            return;
        }

        writer.WriteComment("The kernel's program, made on the kernel's first call (not when the containing class is first used).");
        writer.OpenBlock($"private static class {kernel.ProgramFieldName}");
        WriteField(writer, $"internal static readonly {type} {Member}", initializer);
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteField(SourceWriter writer, string declaration, IReadOnlyList<string> initializer)
    {
        for (int i = 0; i < initializer.Count; i++)
        {
            string line = i == 0 ? $"{declaration} = {initializer[i]}" : "    " + initializer[i];
            writer.WriteLine(i == initializer.Count - 1 ? line + ";" : line);
        }
    }

    private static bool CanNest(EinsumKernel kernel) =>
        !kernel.Method.ContainingTypes.Any(t => t.Keyword == "interface" && t.TypeParameters.Any(p => p.StartsWith("in ") || p.StartsWith("out ")));
}
