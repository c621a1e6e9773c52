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

    /// <summary>(target, declares, products (left factor, right factor or null, coefficient literal)) → the statements.</summary>
    public Func<string, bool, (string Left, string? Right, string Coefficient)[], string[]> Sum { get; private init; } = null!;

    /// <summary>
    /// The CPU kernel's: <c>Lanes</c> across a tile's rows held feature-major (SoaTile), one fused multiply-add per product
    /// (A·l·r + t as l·(r·A) + t). No local besides the plan's names: the intrinsic <c>Vector.MultiplyAddEstimate</c> is called
    /// itself, not SoaTile's inlined wrapper (every inlined call gives the JIT temporaries for its arguments), and coefficients
    /// multiply as scalars rather than as <c>new Lanes(A)</c> (a constructor temporary each). Past about a thousand locals the
    /// JIT stops tracking them in registers: the l ≤ 6 double backward ran 6× slower with both.
    /// </summary>
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
                var (left, right, coefficient) = terms[n];
                string scaled = right is null ? $"{left} * {coefficient}" : $"{right} * {coefficient}";
                lines[n] = declares && n == 0
                    ? $"Lanes {target} = {(right is null ? scaled : $"{left} * ({scaled})")};"
                    : right is null ? $"{target} += {scaled};" : $"{target} = global::System.Numerics.Vector.MultiplyAddEstimate({left}, {scaled}, {target});";
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
                string sum = string.Join(" + ", Array.ConvertAll(terms, t => (t.Right is null ? t.Left : $"({t.Left} * {t.Right})") + $" * {t.Coefficient}"));
                return new[] { declares ? $"{element} {target} = {sum};" : $"{target} += {sum};" };
            },
        };
    }
}
