using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TensorGen.Fuzz.Tests.Generator.DeclarationSource;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Declaration templates for <c>[SymmetricContraction]</c> and <c>[SymmetricContractionBackward]</c>: random valid contractions
/// (small channels, l ≤ 2, correlation 1–3) with their backward passes, mutated irreps, correlation, elements and Wigner3j out of
/// range, wrong parameter lists, and backward passes that name a missing or broken forward.
/// </summary>
internal static class SymmetricContractionTemplates
{
    public static IReadOnlyList<DeclarationTemplate> All { get; } =
    [
        new("[SymmetricContraction] valid random contraction and backward", 4, Valid),
        new("[SymmetricContraction] mutated irreps", 3, MutatedIrreps),
        new("[SymmetricContraction] options out of range", 2, Options),
        new("[SymmetricContraction] wrong parameters and forwards", 2, WrongParameters),
    ];

    private static readonly string[] s_inputs = ["2x0e+2x1o", "3x0e+3x1o+3x2e", "1x0e+1x1o+1x2e", "4x0e + 4x1o", "2x1o", "2x0e+2x2e", "1x0e+1x1e+1x1o"];

    private static readonly string[] s_outputs = ["2x0e", "3x0e+3x1o", "1x0e+1x1o+1x2e", "4x0e", "2x1o", "2x2e", "1x1e", "2x0o", ""];

    private static string Forward(string element, string name = "Product") =>
        $"public static partial void {name}(ReadOnlyTensorSpan<{element}> a, ReadOnlyTensorSpan<{element}> weights, ReadOnlySpan<int> elements, TensorSpan<{element}> output);";

    private static string BackwardMethod(string element, string forward) =>
        $"[SymmetricContractionBackward({forward})]\npublic static partial void ProductBackward(ReadOnlyTensorSpan<{element}> a, ReadOnlyTensorSpan<{element}> weights, "
        + $"ReadOnlySpan<int> elements, ReadOnlyTensorSpan<{element}> gradOutput, TensorSpan<{element}> gradA, TensorSpan<{element}> gradWeights);";

    private static string Attribute(string irrepsIn, string irrepsOut, string options) =>
        $"[SymmetricContraction({Literal(irrepsIn)}, {Literal(irrepsOut)}{options})]";

    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Element(Random random) => random.Next(2) == 0 ? "float" : "double";

    private static string Valid(Random random)
    {
        int channels = 1 + random.Next(4);
        var blocks = new List<string> { "0e" };
        if (random.Next(4) > 0)
        {
            blocks.Add("1o");
        }

        if (random.Next(2) == 0)
        {
            blocks.Add("2e");
        }

        string irrepsIn = string.Join("+", blocks.Select(b => channels.ToString(CultureInfo.InvariantCulture) + "x" + b));
        string irrepsOut = string.Join("+", blocks.Take(1 + random.Next(blocks.Count)).Select(b => channels.ToString(CultureInfo.InvariantCulture) + "x" + b));
        string element = Element(random);
        string options = $", Correlation = {1 + random.Next(3)}, Elements = {1 + random.Next(4)}"
            + (random.Next(3) == 0 ? ", Wigner3j = Wigner3jConvention.E3nnLegacy" : string.Empty);
        var members = new List<string> { Attribute(irrepsIn, irrepsOut, options) + "\n" + Forward(element) };
        if (random.Next(2) == 0)
        {
            members.Add(BackwardMethod(element, "nameof(Product)"));
        }

        return Type(members);
    }

    private static string MutatedIrreps(Random random)
    {
        string irrepsIn = FuzzText.Pick(random, s_inputs), irrepsOut = FuzzText.Pick(random, s_outputs);
        if (random.Next(2) == 0)
        {
            irrepsIn = random.Next(2) == 0 ? FuzzText.Mutate(random, irrepsIn) : FuzzText.MutateBytes(random, irrepsIn);
        }
        else
        {
            irrepsOut = random.Next(2) == 0 ? FuzzText.Mutate(random, irrepsOut) : FuzzText.MutateBytes(random, irrepsOut);
        }

        return Type([Attribute(irrepsIn, irrepsOut, $", Correlation = {1 + random.Next(3)}") + "\n" + Forward(Element(random))]);
    }

    private static string Options(Random random)
    {
        string option = random.Next(3) switch
        {
            0 => ", Correlation = " + FuzzText.Pick(random, ["0", "-1", "5", "4", "int.MaxValue", "int.MinValue"]),
            1 => ", Elements = " + FuzzText.Pick(random, ["0", "-3", "1025", "1024", "int.MaxValue"]),
            _ => ", Wigner3j = (Wigner3jConvention)" + FuzzText.Pick(random, ["2", "-1", "7"]),
        };
        string irrepsIn = FuzzText.Pick(random, s_inputs.Take(3).ToArray());
        return Type([Attribute(irrepsIn, irrepsIn[..irrepsIn.IndexOf('+', StringComparison.Ordinal)], option) + "\n" + Forward(Element(random))]);
    }

    private static string WrongParameters(Random random)
    {
        string element = Element(random);
        string attribute = Attribute("2x0e+2x1o", "2x0e", ", Correlation = 2");
        return random.Next(4) switch
        {
            0 => Type([attribute + $"\npublic static partial void Product(ReadOnlyTensorSpan<{element}> a, ReadOnlySpan<int> elements, TensorSpan<{element}> output);"]),
            1 => Type([attribute + $"\npublic static partial void Product(ReadOnlyTensorSpan<{element}> a, ReadOnlyTensorSpan<{element}> weights, "
                + $"{FuzzText.Pick(random, ["ReadOnlySpan<long>", "Span<int>", "int[]", $"ReadOnlyTensorSpan<{element}>"])} elements, TensorSpan<{element}> output);"]),
            2 => Type([attribute + "\n" + Forward(element), BackwardMethod(element, FuzzText.Pick(random, ["\"Missing\"", "nameof(ProductBackward)", "\"\"", "null"]))]),
            _ => Type([Attribute("2x0e+2x1q", "2x0e", "") + "\n" + Forward(element), BackwardMethod(element, "nameof(Product)")]),
        };
    }
}
