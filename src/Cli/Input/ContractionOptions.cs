using System.Collections.Generic;
using System.CommandLine;

namespace TensorGen.Cli.Input;

/// <summary>
/// What <c>plan</c>, <c>explain</c> and <c>bench</c> read an expression with: the expression, <c>--sizes</c>,
/// <c>--sizes-file</c> and <c>--shapes</c> (one instance per command; System.CommandLine gives each option one parent).
/// </summary>
internal sealed class ContractionOptions
{
    public Argument<string?> Expression { get; } = new("expression")
    {
        Description = "numpy.einsum subscripts, e.g. \"ij,jk->ik\" (implicit output and \"...\" too). An index is any character but ',', '-', '>', '.' and whitespace, as in opt_einsum.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<SizeTable?> Sizes { get; } = ParsedOption.Create<SizeTable?>("--sizes", "a=2,b=3,...", "every index's size", SizeTable.Parse);

    public Option<SizeTable?> SizesFile { get; } = ParsedOption.Create<SizeTable?>("--sizes-file", "FILE",
        "a JSON object from index to size, e.g. {\"a\": 2, \"é\": 3}", SizeTable.ReadFile);

    public Option<IReadOnlyList<long[]>?> Shapes { get; } = ParsedOption.Create<IReadOnlyList<long[]>?>("--shapes", "\"2,3;3,4\"",
        "each operand's shape, operands separated by ';' (instead of or with --sizes); needed for \"...\"", ShapeList.Parse);

    public void AddTo(Command command)
    {
        command.Add(Expression);
        command.Add(Sizes);
        command.Add(SizesFile);
        command.Add(Shapes);
    }

    /// <summary>The sizes of --sizes and --sizes-file together (an index given two sizes is an error).</summary>
    public SizeTable? SizesOf(ParseResult result, out string? error)
    {
        var table = new SizeTable();
        error = null;
        foreach (Option<SizeTable?> option in new[] { Sizes, SizesFile })
        {
            if (result.GetValue(option) is { } given && (error = table.Merge(given, option.Name)) is not null)
            {
                return null;
            }
        }

        return table;
    }

    /// <summary>The expression with its sizes, or the message for <see cref="ExitCodes.InvalidInput"/>.</summary>
    public ContractionInput? Resolve(ParseResult result, out string? error)
    {
        string? text = result.GetValue(Expression);
        if (text is null)
        {
            error = "no expression. Give one, e.g. \"ij,jk->ik\" --sizes i=2,j=3,k=4.";
            return null;
        }

        SizeTable? sizes = SizesOf(result, out error);
        return sizes is null ? null : ContractionInput.Resolve(text, $"\"{text}\"", sizes, result.GetValue(Shapes), out error);
    }
}
