using System;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// What the CPU and GPU bodies of a spherical-harmonics pass differ in (<see cref="SphericalHarmonicsDoubleBackwardWriter"/>
/// writes the rest): the value type (a vector across a tile's rows, or one thread's element), how a sum of products is
/// written (a chain of fused multiply-adds, or one sum the ILGPU compiler contracts), how operands are read and results
/// written, and the few functions the normalization needs.
/// </summary>
internal sealed class ShDialect
{
    private ShDialect()
    {
    }

    /// <summary><c>Lanes</c> or the element type.</summary>
    public string Type { get; private init; } = string.Empty;

    public string Element { get; private init; } = string.Empty;

    public string Zero { get; private init; } = string.Empty;

    /// <summary>(operand, row width, feature) → the value read.</summary>
    public Func<string, int, int, string> Load { get; private init; } = null!;

    /// <summary>(operand, row width, feature, value) → the statement writing it.</summary>
    public Func<string, int, int, string, string> Store { get; private init; } = null!;

    /// <summary>The square root of a value.</summary>
    public Func<string, string> Sqrt { get; private init; } = null!;

    /// <summary>max(value, constant).</summary>
    public Func<string, string, string> Max { get; private init; } = null!;

    /// <summary>(radius, value) → value where radius &gt; 1e-12, else zero.</summary>
    public Func<string, string, string> AboveEpsilon { get; private init; } = null!;

    /// <summary>(target, declares, products (text, coefficient)) → the statements.</summary>
    public Func<string, bool, (string Product, string Coefficient)[], string[]> Sum { get; private init; } = null!;

    /// <summary>The CPU kernel's: <c>Lanes</c> across a tile's rows held feature-major (SoaTile), fused multiply-adds.</summary>
    public static ShDialect Cpu(string element) => new()
    {
        Type = "Lanes",
        Element = element,
        Zero = "Lanes.Zero",
        Load = (operand, _, feature) => $"Load(ref {operand}, {CSharpLiteral.Int(feature)})",
        Store = (operand, _, feature, value) => $"Store(ref {operand}, {CSharpLiteral.Int(feature)}, {value});",
        Sqrt = value => $"global::System.Numerics.Vector.SquareRoot({value})",
        Max = (value, constant) => $"global::System.Numerics.Vector.Max({value}, new Lanes({constant}))",
        AboveEpsilon = (radius, value) =>
            $"global::System.Numerics.Vector.ConditionalSelect(global::System.Numerics.Vector.GreaterThan({radius}, new Lanes({NumericLiteral.Of(1e-12, element)})), {value}, Lanes.Zero)",
        Sum = (target, declares, terms) =>
        {
            var lines = new string[terms.Length];
            for (int n = 0; n < terms.Length; n++)
            {
                lines[n] = declares && n == 0
                    ? $"Lanes {target} = {terms[n].Product} * {terms[n].Coefficient};"
                    : $"{target} = MultiplyAdd({terms[n].Product}, new Lanes({terms[n].Coefficient}), {target});";
            }

            return lines;
        },
    };

    /// <summary>
    /// The GPU kernel's: one element per thread, dense row-major views read at the row's offset (<c>v</c> for [Z, 3] operands,
    /// <c>o</c> for [Z, dim] ones, which the writer declares).
    /// </summary>
    public static ShDialect Gpu(string element)
    {
        string math = element == "float" ? "global::System.MathF" : "global::System.Math";
        string At(int width, int feature) => (width == 3 ? "v" : "o") + (feature == 0 ? string.Empty : " + " + CSharpLiteral.Int(feature));
        return new ShDialect
        {
            Type = element,
            Element = element,
            Zero = NumericLiteral.Of(0, element),
            Load = (operand, width, feature) => $"{operand}[{At(width, feature)}]",
            Store = (operand, width, feature, value) => $"{operand}[{At(width, feature)}] = {value};",
            Sqrt = value => $"{math}.Sqrt({value})",
            Max = (value, constant) => $"{math}.Max({value}, {constant})",
            AboveEpsilon = (radius, value) => $"{radius} > {NumericLiteral.Of(1e-12, element)} ? {value} : {NumericLiteral.Of(0, element)}",
            Sum = (target, declares, terms) =>
            {
                string sum = string.Join(" + ", Array.ConvertAll(terms, t => $"{t.Product} * {t.Coefficient}"));
                return new[] { declares ? $"{element} {target} = {sum};" : $"{target} += {sum};" };
            },
        };
    }
}
