using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TensorGen.Cli.Generation;

/// <summary>
/// The <c>[Einsum]</c> declaration a user would write for an expression: the static form (spans, specialised to the sizes)
/// with <c>Sizes</c>, the dynamic form (tensor spans, shapes read at run time) without; one parameter per operand, named
/// a, b, c, ..., then <c>result</c>.
/// </summary>
internal static class DeclarationSource
{
    /// <summary>The file name diagnostics of a declaration written here are reported against.</summary>
    public const string FileName = "Declaration.cs";

    public const string TypeName = "Kernels";

    public const string MethodName = "Contract";

    public static string For(string expression, string? sizes, string elementType) => For([(MethodName, expression, sizes)], elementType);

    /// <summary>One declaration per (method, expression, sizes) in one class.</summary>
    public static string For(IEnumerable<(string Method, string Expression, string? Sizes)> kernels, string elementType)
    {
        var text = new StringBuilder($"// tensorgen: the declaration the generators ran on.\npublic static partial class {TypeName}\n{{\n");
        foreach (var (method, expression, sizes) in kernels)
        {
            int operands = OperandCount(expression);
            bool isStatic = sizes is not null;
            string input = isStatic ? $"global::System.ReadOnlySpan<{elementType}>" : $"global::System.Numerics.Tensors.ReadOnlyTensorSpan<{elementType}>";
            string output = isStatic ? $"global::System.Span<{elementType}>" : $"global::System.Numerics.Tensors.TensorSpan<{elementType}>";
            string parameters = string.Join(", ", Enumerable.Range(0, operands).Select(i => $"{input} {OperandName(i)}").Append($"{output} result"));
            string arguments = Literal(expression) + (isStatic ? ", Sizes = " + Literal(sizes!) : string.Empty);
            text.Append($"    [global::TensorGen.Einsum({arguments})]\n    public static partial void {method}({parameters});\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>The operands of an expression as its declaration counts them (the terms before "->").</summary>
    public static int OperandCount(string expression) => expression.Split("->")[0].Split(',').Length;

    /// <summary>a, b, ..., z, then operand26, operand27, ...</summary>
    public static string OperandName(int index) => index < 26 ? ((char)('a' + index)).ToString() : "operand" + index;

    private static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (char c in text)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
