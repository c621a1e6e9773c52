using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using TensorGen.Cli.Generation;
using TensorGen.Cli.Input;

namespace TensorGen.Cli;

/// <summary>
/// <c>tensorgen emit</c>: prints the C# the generators write for an expression (static form with <c>--sizes</c>, dynamic
/// without) or for every TensorGen declaration in a .cs file, with their diagnostics — by running the generators themselves.
/// </summary>
internal static class EmitCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("expression-or-file")
        {
            Description = "an einsum expression (\"ij,jk->ik\"), or a .cs file whose [Einsum], [TensorProduct], [SphericalHarmonics], "
                + "[TensorProductConvolution], [CpKernel], ... declarations are generated",
        };
        var sizes = new Option<string?>("--sizes")
        {
            HelpName = "i=64,j=64,...",
            Description = "every index's size: the static form (ReadOnlySpan<T> operands, code specialised to the sizes); without it the dynamic form",
        };
        var type = new Option<string>("--type")
        {
            HelpName = "float|double",
            Description = "the element type of an expression's declaration (default float)",
            DefaultValueFactory = _ => "float",
        };
        type.AcceptOnlyFromAmong("float", "double");

        var command = new Command("emit", "Prints the C# that TensorGen's source generators write (the same generators a build runs), "
            + "diagnostics included as file(line,col): error TGxxxx: message on stderr; exits 1 when there is an error.")
        {
            input,
            sizes,
            type,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(input) is { } text && IsFile(text) && result.GetResult(sizes) is not null)
            {
                result.AddError("--sizes goes with an expression; a .cs file's declarations carry their own Sizes.");
            }
        });
        command.SetAction(result =>
        {
            string text = result.GetValue(input)!;
            string source;
            string path;
            if (IsFile(text))
            {
                if (TextFile.Read(text, string.Empty, out string? error) is not { } read)
                {
                    return Messages.Fail(result, ExitCodes.UsageError, error!);
                }

                source = read;
                path = text;
            }
            else
            {
                source = DeclarationSource.For(text, result.GetValue(sizes), result.GetValue(type)!);
                path = DeclarationSource.FileName;
            }

            return Print(result, GeneratorRun.Of(source, path), IsFile(text) ? null : source);
        });
        return command;
    }

    /// <summary>A .cs file name: what <c>emit</c> reads declarations from (an einsum expression never ends so).</summary>
    private static bool IsFile(string text) => text.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    private static int Print(ParseResult result, GeneratorRun run, string? declaration)
    {
        TextWriter output = Messages.Output(result);
        if (declaration is not null)
        {
            output.WriteLine($"// ==== {DeclarationSource.FileName} ====");
            output.Write(declaration);
        }

        foreach (GeneratedFile file in run.Files)
        {
            output.WriteLine($"// ==== {file.Generator}/{file.HintName} ====");
            output.Write(file.Text);
            if (!file.Text.EndsWith('\n'))
            {
                output.WriteLine();
            }
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            Messages.Error(result).WriteLine(DiagnosticText.Format(diagnostic));
        }

        if (run.Files.Count == 0 && run.Diagnostics.Count == 0)
        {
            Messages.Note(result, "no TensorGen declaration found ([Einsum], [TensorProduct], [CpKernel], ... on a static partial method).");
        }

        return run.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
