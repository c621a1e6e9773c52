using System.Collections.Generic;

namespace TensorGen.Emit;

/// <summary>
/// Writes a kernel's run-time program (or binding) as the one field of a nested static class named for it, e.g.
/// <c>private static class s_chainProgram { internal static readonly EinsumProgram Program = ...; }</c>. A static field of
/// the containing class would be made when any member of that class is first used: a class with many kernels would parse and
/// lower every dynamic kernel's expression on the first call of any of them (a static kernel's first call JIT-compiled the
/// parser and lowering for its dynamic siblings: about 330 of its 409 methods). In a class of its own, the runtime makes it
/// on the kernel's first call, and afterwards reading it is a plain static load.
/// </summary>
internal static class ProgramHolder
{
    private const string Member = "Program";

    /// <summary>The expression that reads the kernel's program, e.g. <c>s_chainProgram.Program</c>.</summary>
    public static string Access(EinsumKernel kernel) => kernel.ProgramFieldName + "." + Member;

    /// <summary>The holder class; <paramref name="initializer"/> is the field's initializer, its last line without the <c>;</c>.</summary>
    public static void Write(SourceWriter writer, EinsumKernel kernel, string type, IReadOnlyList<string> initializer)
    {
        writer.WriteComment("The kernel's program, made on the kernel's first call (not when the containing class is first used).");
        writer.OpenBlock($"private static class {kernel.ProgramFieldName}");
        for (int i = 0; i < initializer.Count; i++)
        {
            string line = i == 0 ? $"internal static readonly {type} {Member} = {initializer[i]}" : "    " + initializer[i];
            writer.WriteLine(i == initializer.Count - 1 ? line + ";" : line);
        }

        writer.CloseBlock();
        writer.WriteLine();
    }
}
