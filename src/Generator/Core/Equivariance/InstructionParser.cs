using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Equivariance;

/// <summary>The parsed instructions (with where each starts in the text), or the first error.</summary>
internal sealed class InstructionParseResult
{
    public InstructionParseResult(IReadOnlyList<TensorProductInstruction>? instructions, IReadOnlyList<(int Start, int Length)> spans, EquivarianceError? error)
    {
        Instructions = instructions;
        Spans = spans;
        Error = error;
    }

    public IReadOnlyList<TensorProductInstruction>? Instructions { get; }

    /// <summary>Where instruction n is written in the text (for errors about it).</summary>
    public IReadOnlyList<(int Start, int Length)> Spans { get; }

    public EquivarianceError? Error { get; }
}

/// <summary>
/// Parses <c>Instructions</c>: e3nn instruction tuples <c>i1,i2,iout,mode,hasWeight[,pathWeight]</c> separated by
/// <c>;</c>, e.g. <c>"0,0,0,uvw,true; 1,0,1,uvu,false,0.5"</c>. A tuple may be wrapped in parentheses and the mode
/// quoted, so Python's <c>(0, 0, 0, 'uvw', True)</c> can be pasted; <c>hasWeight</c> is true/false in any case.
/// </summary>
internal static class InstructionParser
{
    public static InstructionParseResult Parse(string text)
    {
        var instructions = new List<TensorProductInstruction>();
        var spans = new List<(int, int)>();
        int start = 0;
        while (start < text.Length)
        {
            int semicolon = text.IndexOf(';', start);
            int end = semicolon < 0 ? text.Length : semicolon;
            (int first, int last) = Trim(text, start, end);
            if (first < last)
            {
                EquivarianceError? error = ParseTuple(text, first, last, out TensorProductInstruction? instruction);
                if (error is not null)
                {
                    return new InstructionParseResult(null, spans, error);
                }

                instructions.Add(instruction!);
                spans.Add((first, last - first));
            }
            else if (semicolon >= 0 && text.Substring(semicolon + 1).Trim().Length > 0)
            {
                return new InstructionParseResult(null, spans, Error(
                    $"Empty instruction at position {Number(start)}. Separate instructions \"i1,i2,iout,mode,hasWeight[,pathWeight]\" by ';'.",
                    start, end - start));
            }

            if (semicolon < 0)
            {
                break;
            }

            start = semicolon + 1;
        }

        return new InstructionParseResult(instructions, spans, null);
    }

    private static EquivarianceError? ParseTuple(string text, int first, int last, out TensorProductInstruction? instruction)
    {
        instruction = null;
        if (text[first] == '(' && text[last - 1] == ')')
        {
            (first, last) = Trim(text, first + 1, last - 1);
        }

        var fields = new List<(int Start, int End)>();
        int fieldStart = first;
        for (int i = first; i <= last; i++)
        {
            if (i == last || text[i] == ',')
            {
                fields.Add(Trim(text, fieldStart, i));
                fieldStart = i + 1;
            }
        }

        string tuple = text.Substring(first, last - first);
        if (fields.Count != 5 && fields.Count != 6)
        {
            return Error($"Instruction \"{tuple}\" has {Number(fields.Count)} fields; write i1,i2,iout,mode,hasWeight or i1,i2,iout,mode,hasWeight,pathWeight, e.g. \"0,1,1,uvu,true\".",
                first, last - first);
        }

        var indices = new int[3];
        string[] names = { "i1", "i2", "iout" };
        for (int f = 0; f < 3; f++)
        {
            string field = Field(text, fields[f]);
            if (field.Length == 0 || !int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out indices[f]))
            {
                return Error($"Field {names[f]} of instruction \"{tuple}\" is \"{field}\", not a block index (a whole number ≥ 0).",
                    fields[f].Start, fields[f].End - fields[f].Start);
            }
        }

        string modeText = Field(text, fields[3]);
        if (modeText.Length >= 2 && (modeText[0] == '\'' || modeText[0] == '"') && modeText[modeText.Length - 1] == modeText[0])
        {
            modeText = modeText.Substring(1, modeText.Length - 2);
        }

        if (!ConnectionModes.TryParse(modeText, out ConnectionMode mode))
        {
            return Error($"Connection mode \"{modeText}\" of instruction \"{tuple}\" is not one of uvw, uvu, uvv, uuw, uuu, uvuv.",
                fields[3].Start, fields[3].End - fields[3].Start);
        }

        string weightText = Field(text, fields[4]).ToLowerInvariant();
        if (weightText != "true" && weightText != "false")
        {
            return Error($"Field hasWeight of instruction \"{tuple}\" is \"{Field(text, fields[4])}\"; write true or false.",
                fields[4].Start, fields[4].End - fields[4].Start);
        }

        double pathWeight = 1.0;
        if (fields.Count == 6)
        {
            string weight = Field(text, fields[5]);
            if (!double.TryParse(weight, NumberStyles.Float, CultureInfo.InvariantCulture, out pathWeight)
                || double.IsNaN(pathWeight) || double.IsInfinity(pathWeight) || pathWeight < 0)
            {
                return Error($"Path weight \"{weight}\" of instruction \"{tuple}\" is not a finite number ≥ 0 (e3nn takes its square root).",
                    fields[5].Start, fields[5].End - fields[5].Start);
            }
        }

        instruction = new TensorProductInstruction(indices[0], indices[1], indices[2], mode, weightText == "true", pathWeight);
        return null;
    }

    private static (int First, int Last) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static string Field(string text, (int Start, int End) field) => text.Substring(field.Start, field.End - field.Start);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static EquivarianceError Error(string message, int position, int length) =>
        new(EquivarianceErrorKind.MalformedInstructions, message, EquivarianceText.Instructions, position, length);
}
