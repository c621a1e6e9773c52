using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// What the CPU and GPU statements of a tensor-product path differ in (<see cref="PathStatements"/> writes the rest): the
/// value type (a vector of lanes across a tile's rows, or the element of one thread), how sums of products are written (a
/// chain of fused multiply-adds, or one sum the ILGPU compiler contracts), and how an operand is read and a result
/// written (the runtime's SIMD helpers, or array views at a row's offset).
/// </summary>
internal sealed class PathDialect
{
    /// <summary>
    /// The CPU kernel's: every value is <c>Lanes</c>, a vector across the tile's rows held feature-major (SoaTile), read and
    /// written through the kernel's Load/Add/AddProduct helpers at feature offsets.
    /// </summary>
    /// <param name="element">float or double.</param>
    /// <param name="sharedWeights">Whether the weights are one vector (broadcast to the lanes) or a tile.</param>
    /// <param name="weightOffset">Where the path's weights start.</param>
    /// <param name="weightGradientWrite">
    /// Store for per-row weights (the tile holds only this tile's rows), Add for shared weights (the tile accumulates a
    /// worker's rows): each weight's gradient is written once per tile by its path.
    /// </param>
    public static PathDialect Cpu(string element, bool sharedWeights, int weightOffset, string weightGradientWrite) => new()
    {
        Vector = true,
        Type = "Lanes",
        Zero = "Lanes.Zero",
        WeightName = "weight",
        IndexType = "int",
        Element = element,
        RowBase = _ => string.Empty,
        Load = (array, index) => $"Load(ref {array}, {index})",
        Add = (array, index, value) => $"Add(ref {array}, {index}, {value});",
        AddProduct = (array, index, a, b) => $"AddProduct(ref {array}, {index}, {a}, {b});",
        ReadWeight = index => (sharedWeights ? "Broadcast(ref weights, " : "Load(ref weights, ") + CSharpLiteral.Int(weightOffset) + " + " + index + ")",
        WriteWeightGradient = (index, value) => $"{weightGradientWrite}(ref gradWeights, {CSharpLiteral.Int(weightOffset)} + {index}, {value});",
    };

    /// <summary>
    /// The GPU kernel's: every value is one element of one batch row, read from and written to the dense row-major views at
    /// the row's offset (<c>x1Row</c>, …); the weights as <paramref name="weightRead"/> says.
    /// </summary>
    /// <param name="element">float or double.</param>
    /// <param name="weightOffset">Where the path's weights start.</param>
    /// <param name="weightRead">How a weight is read, <c>{0}</c> standing for the index within the path.</param>
    /// <param name="atomicAdds">Whether additions into x1's gradient are atomic (a convolution's edges share senders).</param>
    public static PathDialect Gpu(string element, int weightOffset, string weightRead, bool atomicAdds = false) => new()
    {
        Vector = false,
        Type = element,
        Zero = NumericLiteral.Of(0, element),
        WeightName = "w",
        IndexType = "long",
        Element = element,
        RowBase = operand => operand + "Row + ",
        Load = (array, index) => $"{array}[{index}]",
        Add = atomicAdds ? (array, index, value) => $"global::ILGPU.Atomic.Add(ref {array}[{index}], {value});" : (array, index, value) => $"{array}[{index}] += {value};",
        AddProduct = atomicAdds ? (array, index, a, b) => $"global::ILGPU.Atomic.Add(ref {array}[{index}], {a} * {b});" : (array, index, a, b) => $"{array}[{index}] += {a} * {b};",
        ReadWeight = index => string.Format(System.Globalization.CultureInfo.InvariantCulture, weightRead, index),
        WriteWeightGradient = (index, value) => $"gradWeights[wRow + {CSharpLiteral.Int(weightOffset)} + {index}] = {value};",
    };

    /// <summary>Whether values are SIMD vectors (sums as fused multiply-add chains) or scalars (sums as one expression).</summary>
    public required bool Vector { get; init; }

    /// <summary>The type of a value: <c>Lanes</c> or the element type.</summary>
    public required string Type { get; init; }

    /// <summary>A zero value.</summary>
    public required string Zero { get; init; }

    /// <summary>The name of a path's scalar weight.</summary>
    public required string WeightName { get; init; }

    /// <summary>The type of a feature offset: int within a CPU tile, long within a GPU view.</summary>
    public required string IndexType { get; init; }

    /// <summary>float or double.</summary>
    public required string Element { get; init; }

    /// <summary>Where an operand's row starts (prefix of a feature offset): nothing on the CPU, <c>x1Row + </c> on the GPU.</summary>
    public required System.Func<string, string> RowBase { get; init; }

    /// <summary>(array, index) → the value read.</summary>
    public required System.Func<string, string, string> Load { get; init; }

    /// <summary>(array, index, value) → the statement adding value into the element.</summary>
    public required System.Func<string, string, string, string> Add { get; init; }

    /// <summary>(array, index, a, b) → the statement adding a · b into the element.</summary>
    public required System.Func<string, string, string, string, string> AddProduct { get; init; }

    /// <summary>The weight at an index within the path.</summary>
    public required System.Func<string, string> ReadWeight { get; init; }

    /// <summary>(index within the path, value) → the statement writing the weight's gradient.</summary>
    public required System.Func<string, string, string> WriteWeightGradient { get; init; }

    /// <summary>A constant of the element type.</summary>
    public string Literal(double value) => NumericLiteral.Of(value, Element);

    /// <summary>
    /// Σ aₙ bₙ as an expression: on the CPU a chain of fused multiply-adds, MultiplyAdd(a₂, b₂, MultiplyAdd(a₁, b₁, a₀ * b₀));
    /// on the GPU (a₀ * b₀) + (a₁ * b₁) + ….
    /// </summary>
    public string Sum(IEnumerable<(string A, string B)> terms)
    {
        if (!Vector)
        {
            string result = string.Join(" + ", terms.Select(t => $"({t.A} * {t.B})"));
            return result.Length == 0 ? "0" : result;
        }

        string? sum = null;
        foreach (var (a, b) in terms)
        {
            sum = sum is null ? $"({a} * {b})" : $"MultiplyAdd({a}, {b}, {sum})";
        }

        return sum ?? "Lanes.Zero";
    }

    /// <summary>
    /// The statements declaring <paramref name="name"/> = Σ aₙ bₙ (at least one term): on the CPU the first product, then one
    /// fused multiply-add a statement (a constant bₙ made a vector); on the GPU one sum.
    /// </summary>
    public IEnumerable<string> DeclareSum(string name, IReadOnlyList<(string A, string B)> terms, bool constantB)
    {
        if (!Vector)
        {
            yield return $"{Type} {name} = {Sum(terms)};";
            yield break;
        }

        yield return $"Lanes {name} = {terms[0].A} * {terms[0].B};";
        foreach (var (a, b) in terms.Skip(1))
        {
            yield return $"{name} = MultiplyAdd({a}, {(constantB ? $"new Lanes({b})" : b)}, {name});";
        }
    }

    /// <summary>The statement accumulator += a · b.</summary>
    public string MultiplyAddInto(string accumulator, string a, string b) =>
        Vector ? $"{accumulator} = MultiplyAdd({a}, {b}, {accumulator});" : $"{accumulator} = ({a} * {b}) + {accumulator};";
}
