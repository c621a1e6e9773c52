namespace TensorGen.Equivariance;

/// <summary>What is wrong with an equivariant declaration; the generator maps each kind to a TG diagnostic.</summary>
internal enum EquivarianceErrorKind
{
    /// <summary>Irreps text that is not e3nn's grammar (<c>"16x0e + 8x1o + 2e"</c>), or an irrep that the product cannot use.</summary>
    MalformedIrreps,

    /// <summary>Instruction text that is not <c>i1,i2,iout,mode,hasWeight[,pathWeight]</c> tuples separated by ';'.</summary>
    MalformedInstructions,

    /// <summary>An instruction index outside its irreps.</summary>
    IndexOutOfRange,

    /// <summary>An instruction whose irreps violate the triangle or the parity rule.</summary>
    SelectionRule,

    /// <summary>A connection mode whose multiplicities do not fit, or that needs weights it is not given.</summary>
    ModeMismatch,

    /// <summary>Output irreps that the chosen product kind does not produce.</summary>
    OutputMismatch,

    /// <summary>An option value that is not defined, or options that contradict each other.</summary>
    InvalidOption,

    /// <summary>A symmetric contraction's irreps do not share one multiplicity (MACE's channels).</summary>
    Multiplicity,

    /// <summary>A symmetric contraction's correlation order is out of range.</summary>
    Correlation,

    /// <summary>A symmetric contraction's number of chemical elements is out of range.</summary>
    Elements,

    /// <summary>An output irrep no product of the inputs up to the correlation order couples into.</summary>
    Unreachable,

    /// <summary>A symmetric contraction too large to write as straight-line code.</summary>
    TooLarge,
}

/// <summary>An error found in an equivariant declaration, with the span of text it concerns.</summary>
internal sealed class EquivarianceError
{
    public EquivarianceError(EquivarianceErrorKind kind, string message, EquivarianceText text = EquivarianceText.None, int position = -1, int length = 0)
    {
        Kind = kind;
        Message = message;
        Text = text;
        Position = position;
        Length = length;
    }

    public EquivarianceErrorKind Kind { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Which attribute argument the error is in.</summary>
    public EquivarianceText Text { get; }

    /// <summary>Where in that text, or −1 for the whole argument.</summary>
    public int Position { get; }

    public int Length { get; }

    public override string ToString() => Message;
}

/// <summary>The attribute arguments an error can point into.</summary>
internal enum EquivarianceText
{
    None,
    Irreps1,
    Irreps2,
    IrrepsOut,
    Instructions,
    Options,
}
