using System;
using System.Globalization;
using System.Text;

namespace TensorGen.Runtime;

/// <summary>Shapes and strides as messages show them, numpy style: <c>[2, 3]</c>.</summary>
internal static class ShapeText
{
    public static string Format(ReadOnlySpan<nint> values)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(((long)values[i]).ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    /// <summary>"1 dimension", "2 dimensions".</summary>
    public static string Dimensions(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " dimension" : " dimensions");
}
