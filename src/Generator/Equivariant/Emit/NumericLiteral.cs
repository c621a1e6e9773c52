using System.Globalization;

namespace TensorGen.Emit.Equivariant;

/// <summary>Constants as C# literals of the kernel's element type: the shortest text that round-trips, invariant culture.</summary>
internal static class NumericLiteral
{
    public static string Of(double value, string elementType)
    {
        if (elementType == "float")
        {
            string text = ((float)value).ToString("R", CultureInfo.InvariantCulture);
            return text + "f";
        }

        string d = value.ToString("R", CultureInfo.InvariantCulture);
        return d.IndexOf('.') >= 0 || d.IndexOf('E') >= 0 ? d : d + ".0";
    }

    /// <summary>A double for comments (round-trip text).</summary>
    public static string Comment(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
