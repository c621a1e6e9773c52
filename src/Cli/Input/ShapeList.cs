using System.Collections.Generic;
using System.Globalization;

namespace TensorGen.Cli.Input;

/// <summary>Reads <c>--shapes "2,3;3,4"</c>: each operand's shape, operands separated by ';' (an empty one is a scalar).</summary>
internal static class ShapeList
{
    public static IReadOnlyList<long[]>? Parse(string text, out string? error)
    {
        var shapes = new List<long[]>();
        foreach (string operand in text.Split(';'))
        {
            var shape = new List<long>();
            foreach (string dimension in operand.Trim().Length == 0 ? [] : operand.Split(','))
            {
                if (!long.TryParse(dimension.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long size))
                {
                    error = $"--shapes \"{text}\": operand {shapes.Count + 1} has the dimension \"{dimension}\", not a whole number of 0 or more. "
                        + "Write each operand's sizes separated by ',' and operands by ';', e.g. --shapes \"2,3;3,4\".";
                    return null;
                }

                shape.Add(size);
            }

            shapes.Add(shape.ToArray());
        }

        error = null;
        return shapes;
    }
}
