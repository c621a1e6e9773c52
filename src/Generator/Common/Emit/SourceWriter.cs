using System;
using System.Text;

namespace TensorGen.Emit;

/// <summary>
/// Writes C# text line by line with four-space indentation and '\n' line endings on every machine (after
/// System.Text.Json's SourceWriter). No culture enters here: callers format numbers with
/// <see cref="CSharpLiteral"/>.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indentation;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _text.Append(' ', 4 * _indentation);
            _text.Append(line);
        }

        _text.Append('\n');
    }

    public void WriteLine() => _text.Append('\n');

    /// <summary>Writes <paramref name="header"/> then <c>{</c>, and indents until <see cref="CloseBlock"/>.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        OpenBlock();
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock() => CloseBlock(string.Empty);

    /// <summary>Closes a block with <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c> after an array initializer).</summary>
    public void CloseBlock(string suffix)
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("CloseBlock without a matching OpenBlock.");
        }

        _indentation--;
        WriteLine("}" + suffix);
    }

    /// <summary>Writes each line of <paramref name="text"/> as a <c>//</c> comment, made safe with <see cref="CSharpLiteral.CommentText"/>.</summary>
    public void WriteComment(string text) => WriteLine(text.Length == 0 ? "//" : "// " + CSharpLiteral.CommentText(text));

    public override string ToString()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException("The generated text has an unclosed block.");
        }

        return _text.ToString();
    }
}
