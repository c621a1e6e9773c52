using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TensorGen.Fuzz.Tests.Generator.DeclarationSource;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Declaration templates for <c>[EquivariantLinear]</c> and <c>[EquivariantLinearBackward]</c>: random layers (irreps that share
/// some, all or none of their irreps, biases on or off, the biases parameter present or not), mutated irreps, options out of range,
/// wrong parameter lists, and backward passes that name a missing or wrong forward.
/// </summary>
internal static class LinearTemplates
{
    public static IReadOnlyList<DeclarationTemplate> All { get; } =
    [
        new("[EquivariantLinear] random layer and backward", 6, RandomLayer),
        new("[EquivariantLinear] mutated irreps", 4, MutatedIrreps),
        new("[EquivariantLinear] wrong parameters, options and forwards", 3, WrongDeclarations),
    ];

    private static readonly string[] s_irreps =
    [
        "16x0e + 8x1o + 2e", "2x0e+2x1o", "1x0e+1x1o+1x2e", "0e", "1o", "3x1o", "", "0x0e", "2x2y + 1y + 0y", "4x0o + 4x1e", "1x0e + 0x1o + 2x2e",
        "128x0e+64x1o+32x2e", "20e", "3x0e+2x0e+1x0e",
    ];

    private static string Element(Random random) => random.Next(2) == 0 ? "float" : "double";

    private static string RandomIrreps(Random random) =>
        string.Join("+", Enumerable.Range(0, 1 + random.Next(4)).Select(_ =>
            random.Next(5).ToString(CultureInfo.InvariantCulture) + "x" + random.Next(3).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "e" : "o")));

    private static string ForwardParameters(string element, bool biases) =>
        $"ReadOnlyTensorSpan<{element}> input, ReadOnlyTensorSpan<{element}> weights, " + (biases ? $"ReadOnlyTensorSpan<{element}> biases, " : string.Empty)
        + $"TensorSpan<{element}> output";

    private static string BackwardParameters(string element, bool biases) =>
        $"ReadOnlyTensorSpan<{element}> input, ReadOnlyTensorSpan<{element}> weights, ReadOnlyTensorSpan<{element}> gradOutput, "
        + $"TensorSpan<{element}> gradInput, TensorSpan<{element}> gradWeights" + (biases ? $", TensorSpan<{element}> gradBiases" : string.Empty);

    /// <summary>A layer over <paramref name="irrepsIn"/> → <paramref name="irrepsOut"/> and, sometimes, its backward pass.</summary>
    private static string Declare(Random random, string irrepsIn, string irrepsOut, string options = "", string? forward = null)
    {
        bool biases = random.Next(2) == 0;
        // The biases parameter where the layer takes one (Biases and a 0e output with channels), and sometimes where it does not.
        bool biasParameter = (biases && irrepsOut.Replace(" ", string.Empty, StringComparison.Ordinal).Split('+').Any(IsScalarBlock)) ^ (random.Next(8) == 0);
        string element = Element(random);
        var members = new List<string>();
        var (inArgument, inMember) = StringLiterals.Write(random, irrepsIn, "IrrepsIn");
        var (outArgument, outMember) = StringLiterals.Write(random, irrepsOut, "IrrepsOut");
        members.AddRange(new[] { inMember, outMember }.Where(m => m.Length > 0));
        string attribute = $"[EquivariantLinear({inArgument}, {outArgument}{(biases ? ", Biases = true" : string.Empty)}{options})]";
        members.Add(Method(attribute, ForwardParameters(element, biasParameter), name: "Linear"));
        if (forward is not null || random.Next(2) == 0)
        {
            members.Add(Method($"[EquivariantLinearBackward({forward ?? "nameof(Linear)"})]", BackwardParameters(element, biasParameter), name: "LinearBackward"));
        }

        return Type(members);
    }

    private static bool IsScalarBlock(string block)
    {
        int x = block.IndexOf('x', StringComparison.Ordinal);
        string irrep = x < 0 ? block : block[(x + 1)..];
        return irrep is "0e" or "0y" && (x < 0 || block[..x] != "0");
    }

    private static string RandomLayer(Random random)
    {
        string irrepsIn = RandomIrreps(random);
        string irrepsOut = random.Next(3) == 0 ? irrepsIn : RandomIrreps(random);
        return Declare(random, irrepsIn, irrepsOut);
    }

    private static string MutatedIrreps(Random random)
    {
        string irrepsIn = FuzzText.Pick(random, s_irreps), irrepsOut = FuzzText.Pick(random, s_irreps);
        return random.Next(2) == 0
            ? Declare(random, FuzzText.Mutate(random, irrepsIn), irrepsOut)
            : Declare(random, irrepsIn, FuzzText.Mutate(random, irrepsOut));
    }

    private static string WrongDeclarations(Random random)
    {
        string irreps = FuzzText.Pick(random, s_irreps);
        switch (random.Next(4))
        {
            case 0:
                return Declare(random, irreps, irreps, options: FuzzText.Pick(random, [", PathNormalization = (PathNormalization)7",
                    ", PathNormalization = PathNormalization.Path", ", PathNormalization = PathNormalization.None", ", Biases = false"]));
            case 1:
                return Declare(random, irreps, irreps, forward: FuzzText.Pick(random, ["\"Missing\"", "\"\"", "null!", "nameof(LinearBackward)"]));
            case 2:
                {
                    // A parameter of the wrong kind, element type or modifier.
                    string parameters = ForwardParameters(Element(random), false);
                    string[] parts = parameters.Split(", ");
                    int k = random.Next(parts.Length);
                    parts[k] = FuzzText.Pick(random, ["Span<float> " + parts[k].Split(' ')[1], "ref " + parts[k], "TensorSpan<int> " + parts[k].Split(' ')[1],
                        "ReadOnlyTensorSpan<decimal> " + parts[k].Split(' ')[1]]);
                    return Type([Method($"[EquivariantLinear(\"{irreps}\", \"{irreps}\")]", string.Join(", ", parts), name: "Linear")]);
                }

            default:
                return Type([Method($"[EquivariantLinear(\"{irreps}\", \"{irreps}\")]", ForwardParameters(Element(random), false), name: "Linear",
                    modifiers: FuzzText.Pick(random, ["public partial", "public static", "internal static partial"]))]);
        }
    }
}
