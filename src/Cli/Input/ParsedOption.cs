using System;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace TensorGen.Cli.Input;

/// <summary>
/// Options whose value is read by one of tensorgen's readers: a value that cannot be read becomes a parse error (exit code
/// <see cref="ExitCodes.UsageError"/>) with the reader's message, before any command runs.
/// </summary>
internal static class ParsedOption
{
    /// <summary>The reader of an option's text: the value, or null and the message saying what is wrong.</summary>
    public delegate T? Reader<T>(string text, out string? error);

    public static Option<T> Create<T>(string name, string helpName, string description, Reader<T> read) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result => Read(result, read),
    };

    private static T? Read<T>(ArgumentResult result, Reader<T> read)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        T? value = read(text, out string? error);
        if (error is not null)
        {
            result.AddError(error);
        }

        return value;
    }
}
