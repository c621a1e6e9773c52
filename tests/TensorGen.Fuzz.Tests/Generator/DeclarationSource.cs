using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>Pieces of declaration source that templates combine: attributes, parameter lists, methods and containing types.</summary>
internal static class DeclarationSource
{
    /// <summary>
    /// <c>[Einsum(...)]</c> with <paramref name="expression"/> and (when given) <paramref name="sizes"/> written in random literal
    /// forms; constants the forms need are added to <paramref name="members"/>.
    /// </summary>
    public static string Attribute(Random random, string expression, string? sizes, bool accumulate, List<string> members)
    {
        var (expressionText, expressionMember) = StringLiterals.Write(random, expression, "Expression");
        members.Add(expressionMember);
        string arguments = random.Next(10) == 0 ? "expression: " + expressionText : expressionText;
        if (sizes is not null)
        {
            var (sizesText, sizesMember) = StringLiterals.Write(random, sizes, "SizeList");
            members.Add(sizesMember);
            arguments += ", Sizes = " + sizesText;
        }

        if (accumulate)
        {
            arguments += ", Accumulate = true";
        }

        return "[Einsum(" + arguments + ")]";
    }

    /// <summary>The parameters a declaration of <paramref name="operands"/> operands needs in the given form.</summary>
    public static string Parameters(int operands, string element, bool isStatic)
    {
        string input = isStatic ? "ReadOnlySpan" : "ReadOnlyTensorSpan";
        string result = isStatic ? "Span" : "TensorSpan";
        return string.Join(", ", Enumerable.Range(0, operands).Select(n => $"{input}<{element}> x{n}").Append($"{result}<{element}> result"));
    }

    /// <summary>A method declaration; the usual one is <c>public static partial void Kernel(...);</c>.</summary>
    public static string Method(string attribute, string parameters, string modifiers = "public static partial", string returnType = "void",
        string name = "Kernel", string body = ";") =>
        $"{attribute}\n{modifiers} {returnType} {name}({parameters}){body}";

    /// <summary>A type holding <paramref name="members"/> (empty entries skipped).</summary>
    public static string Type(IEnumerable<string> members, string declaration = "public static partial class Kernels") =>
        declaration + "\n{\n" + string.Join("\n", members.Where(m => m.Length > 0)) + "\n}";

    /// <summary>The number of input terms a (possibly malformed) expression seems to have: its commas before "->", plus one.</summary>
    public static int RoughOperandCount(string expression)
    {
        int arrow = expression.IndexOf("->", StringComparison.Ordinal);
        string inputs = arrow < 0 ? expression : expression[..arrow];
        return inputs.Count(c => c == ',') + 1;
    }
}
