using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TensorGen.Fuzz.Tests.Generator.DeclarationSource;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Declaration templates for <c>[TensorProduct]</c>, <c>[TensorProductBackward]</c>, <c>[SphericalHarmonics]</c>, <c>[SphericalHarmonicsBackward]</c>, <c>[SphericalHarmonicsDoubleBackward]</c>,
/// <c>[TensorProductConvolution]</c>, <c>[TensorProductConvolutionBackward]</c>, <c>[TensorProductDoubleBackward]</c> and <c>[TensorProductConvolutionDoubleBackward]</c>: random valid
/// products (explicit instructions or a Kind, with their backward passes and convolutions), byte-level and token mutations of irreps and instruction
/// lists, huge multiplicities and degrees, hundreds of blocks and instructions, enum values out of range, wrong parameter lists, and
/// backward passes that name a missing, overloaded or broken forward.
/// </summary>
internal static class EquivariantTemplates
{
    public static IReadOnlyList<DeclarationTemplate> All { get; } =
    [
        new("[TensorProduct] valid random product and backward", 9, ValidProduct),
        new("[TensorProduct] mutated irreps", 6, MutatedIrreps),
        new("[TensorProduct] mutated instructions", 6, MutatedInstructions),
        new("[TensorProduct] huge sizes, many blocks and instructions", 5, HugeProduct),
        new("[TensorProduct] options out of range", 3, Options),
        new("equivariant wrong parameter lists", 5, WrongParameters),
        new("[TensorProductBackward] missing, overloaded or broken forward", 4, BackwardForward),
        new("[SphericalHarmonics] valid and mutated", 6, Harmonics),
        new("equivariant attribute forms", 3, AttributeForms),
    ];

    /// <summary>Valid irreps texts that mutations start from (every syntax feature: multiplicities, 'y', spaces, empty, zero multiplicity).</summary>
    private static readonly string[] s_irreps =
    [
        "16x0e + 8x1o + 2e", "2x0e+2x1o", "1x0e+1x1o+1x2e", "0e", "1o", "3x1o", "", " ", "0x0e", "2x2y + 1y + 6y + 0y", "0e+1o+2e+3o", "4x0o + 4x1e",
        "1x0e + 0x1o + 2x2e", "32x0e", "128x0e+64x1o+32x2e", "20e", "1x20y",
    ];

    /// <summary>Instruction lists that mutations start from (for irreps "2x0e+2x1o" ⊗ "1x0e+1x1o" → "2x0e+2x1o+1x1e").</summary>
    private static readonly string[] s_instructions =
    [
        "0,0,0,uvw,true", "0,0,0,uvu,true; 1,1,0,uvu,false,0.5", "(0, 0, 0, 'uvw', True); (1, 0, 1, \"uvw\", True)", "0,1,1,uvw,true;1,1,2,uvw,true,2.0",
        "1,0,1,uvu,true;0,1,1,uvw,true;", "", " ; ", "0,0,0,uuw,true", "0,0,0,uvuv,false",
    ];

    private static readonly string[] s_huge =
    [
        "0", "1", "20", "21", "99", "2147483647", "2147483648", "4294967296", "9223372036854775808", "16777216", "16777217", "409600", "65536",
        "000000000000000000007", "-1", "+1", "１", "٣",
    ];

    private static readonly string[] s_kinds = ["FullyConnected", "Elementwise", "Full", "Channelwise"];

    private static readonly string[] s_irrepNormalizations = ["Component", "Norm", "None"];

    private static readonly string[] s_pathNormalizations = ["Element", "Path", "None"];

    private static readonly string[] s_modes = ["uvw", "uvu", "uvv", "uuw", "uuu", "uvuv"];

    /// <summary>A tensor product's arguments; <see cref="Weighted"/> says whether its signature needs weights.</summary>
    private sealed record Product(string Irreps1, string Irreps2, string IrrepsOut, string? Instructions, string? Kind, bool Weighted)
    {
        public string Options { get; init; } = string.Empty;
    }

    private static string Element(Random random) => random.Next(2) == 0 ? "float" : "double";

    // ----- random valid products -----

    private readonly record struct Block(int Mul, int L, int Parity);

    private static string Text(Random random, IEnumerable<Block> blocks) =>
        string.Join(FuzzText.Pick(random, ["+", " + ", "+ "]), blocks.Select(b =>
            (b.Mul == 1 && random.Next(3) == 0 ? string.Empty : b.Mul.ToString(CultureInfo.InvariantCulture) + FuzzText.Pick(random, ["x", "x", " x "]))
            + b.L.ToString(CultureInfo.InvariantCulture) + (b.Parity == ((b.L % 2 == 0) ? 1 : -1) && random.Next(4) == 0 ? "y" : b.Parity > 0 ? "e" : "o")));

    private static List<Block> RandomBlocks(Random random, int maxBlocks, int maxL, int maxMul) =>
        Enumerable.Range(0, 1 + random.Next(maxBlocks)).Select(_ => new Block(random.Next(maxMul + 1), random.Next(maxL + 1), random.Next(2) == 0 ? 1 : -1)).ToList();

    /// <summary>A valid product with explicit instructions: each instruction picks two input blocks and adds an output block that fits its mode.</summary>
    private static Product RandomInstructions(Random random, int maxBlocks = 3, int maxL = 3, int maxMul = 3, int maxInstructions = 5)
    {
        List<Block> x1 = RandomBlocks(random, maxBlocks, maxL, maxMul), x2 = RandomBlocks(random, maxBlocks, maxL, maxMul);
        var output = new List<Block>();
        var instructions = new List<string>();
        bool weighted = false;
        int count = random.Next(maxInstructions + 1);
        for (int n = 0; n < count; n++)
        {
            int i1 = random.Next(x1.Count), i2 = random.Next(x2.Count);
            Block a = x1[i1], b = x2[i2];
            int l = Math.Abs(a.L - b.L) + random.Next(Math.Min(a.L + b.L, maxL + 2) - Math.Abs(a.L - b.L) + 1);
            string mode = FuzzText.Pick(random, s_modes);
            if (mode is "uuw" or "uuu" && a.Mul != b.Mul)
            {
                mode = "uvw";
            }

            bool hasWeight = mode == "uvw" || random.Next(2) == 0;
            int mulOut = mode switch
            {
                "uvu" => a.Mul,
                "uvv" => b.Mul,
                "uuu" => a.Mul,
                "uvuv" => a.Mul * b.Mul,
                "uuw" when !hasWeight => 1,
                _ => 1 + random.Next(3),
            };

            var block = new Block(mulOut, l, a.Parity * b.Parity);
            int existing = output.IndexOf(block);
            int iout = existing >= 0 && random.Next(2) == 0 ? existing : output.Count;
            if (iout == output.Count)
            {
                output.Add(block);
            }

            weighted |= hasWeight && a.Mul * b.Mul * mulOut > 0;
            string weight = random.Next(4) == 0 ? "," + FuzzText.Pick(random, ["0.5", "2.0", "1", "0", "1e-3", "3.25"]) : string.Empty;
            instructions.Add($"{i1},{i2},{iout},{mode},{(hasWeight ? FuzzText.Pick(random, ["true", "True", "TRUE"]) : "false")}{weight}");
        }

        // Output blocks no instruction writes, at the end (they stay zero).
        if (random.Next(4) == 0)
        {
            output.Add(new Block(1 + random.Next(2), random.Next(3), 1));
        }

        return new Product(Text(random, x1), Text(random, x2), Text(random, output), string.Join(FuzzText.Pick(random, [";", "; ", " ;\n"]), instructions), null, weighted);
    }

    /// <summary>A product derived from a Kind (the output irreps filter it, or are empty).</summary>
    private static Product RandomKind(Random random)
    {
        string kind = FuzzText.Pick(random, s_kinds);
        List<Block> x1 = RandomBlocks(random, 3, 2, 3);
        List<Block> x2 = kind == "Elementwise" && random.Next(3) > 0
            ? x1.Select(b => b with { L = random.Next(3) }).ToList() // the same total multiplicity
            : RandomBlocks(random, 3, 2, 3);
        string output = random.Next(3) == 0 ? string.Empty : Text(random, RandomBlocks(random, 4, 3, 3));
        return new Product(Text(random, x1), Text(random, x2), output, null, kind, kind is "FullyConnected" or "Channelwise");
    }

    private static Product RandomProduct(Random random) => random.Next(3) == 0 ? RandomKind(random) : RandomInstructions(random);

    private static string RandomOptions(Random random)
    {
        var options = new List<string>();
        if (random.Next(3) == 0)
        {
            options.Add("IrrepNormalization = IrrepNormalization." + FuzzText.Pick(random, s_irrepNormalizations));
        }

        if (random.Next(3) == 0)
        {
            options.Add("PathNormalization = PathNormalization." + FuzzText.Pick(random, s_pathNormalizations));
        }

        if (random.Next(3) == 0)
        {
            options.Add("SharedWeights = " + (random.Next(2) == 0 ? "false" : "true"));
        }

        if (random.Next(4) == 0)
        {
            options.Add("Wigner3j = Wigner3jConvention." + FuzzText.Pick(random, ["E3nn", "E3nnLegacy"]));
        }

        return string.Join(", ", options);
    }

    /// <summary>The <c>[TensorProduct(...)]</c> attribute, its strings in random literal forms (constants they need go to <paramref name="members"/>).</summary>
    private static string Attribute(Random random, Product product, List<string> members)
    {
        string Literal(string value, string constant)
        {
            var (text, member) = StringLiterals.Write(random, value, constant);
            members.Add(member);
            return text;
        }

        var arguments = new List<string>
        {
            Literal(product.Irreps1, "Irreps1"), Literal(product.Irreps2, "Irreps2"), Literal(product.IrrepsOut, "IrrepsOut"),
        };
        if (product.Instructions is not null)
        {
            arguments.Add("Instructions = " + Literal(product.Instructions, "InstructionList"));
        }

        if (product.Kind is not null)
        {
            arguments.Add("Kind = " + (product.Kind.StartsWith('(') ? product.Kind : "TensorProductKind." + product.Kind));
        }

        if (product.Options.Length > 0)
        {
            arguments.Add(product.Options);
        }

        return "[TensorProduct(" + string.Join(", ", arguments) + ")]";
    }

    private static string ForwardParameters(string element, bool weighted) =>
        $"ReadOnlyTensorSpan<{element}> x1, ReadOnlyTensorSpan<{element}> x2, " + (weighted ? $"ReadOnlyTensorSpan<{element}> weights, " : string.Empty)
        + $"TensorSpan<{element}> output";

    private static string BackwardParameters(string element, bool weighted) =>
        $"ReadOnlyTensorSpan<{element}> x1, ReadOnlyTensorSpan<{element}> x2, " + (weighted ? $"ReadOnlyTensorSpan<{element}> weights, " : string.Empty)
        + $"ReadOnlyTensorSpan<{element}> gradOutput, TensorSpan<{element}> gradX1, TensorSpan<{element}> gradX2"
        + (weighted ? $", TensorSpan<{element}> gradWeights" : string.Empty);

    /// <summary>A forward declaration of <paramref name="product"/> and, sometimes, its backward pass.</summary>
    private static string Declare(Random random, Product product, bool? withBackward = null)
    {
        var members = new List<string>();
        string element = Element(random);
        members.Add(Method(Attribute(random, product, members), ForwardParameters(element, product.Weighted), name: "Tp"));
        if (withBackward ?? random.Next(2) == 0)
        {
            members.Add(Method("[TensorProductBackward(nameof(Tp))]", BackwardParameters(element, product.Weighted), name: "TpBackward"));
        }

        if (random.Next(4) == 0)
        {
            // Its double backward pass (sometimes naming something else, or without the weights).
            string forward = random.Next(5) == 0 ? FuzzText.Pick(random, ["\"Missing\"", "nameof(TpDoubleBackward)", "\"\""]) : "nameof(Tp)";
            bool weighted = random.Next(8) == 0 ? !product.Weighted : product.Weighted;
            members.Add(Method($"[TensorProductDoubleBackward({forward})]", DoubleBackwardParameters(element, weighted), name: "TpDoubleBackward"));
        }

        if (random.Next(3) == 0)
        {
            // A fused convolution of the product (sometimes naming something else, or without its weights), and its backward pass.
            string name = random.Next(5) == 0 ? FuzzText.Pick(random, ["\"Missing\"", "nameof(Conv)", "\"\"", "null!"]) : "nameof(Tp)";
            bool weighted = random.Next(8) == 0 ? !product.Weighted : product.Weighted;
            members.Add(Method($"[TensorProductConvolution({name})]", ConvolutionParameters(element, weighted, backward: false), name: "Conv"));
            if (random.Next(2) == 0)
            {
                string forward = random.Next(5) == 0 ? FuzzText.Pick(random, ["nameof(Tp)", "\"Missing\"", "nameof(ConvBackward)"]) : "nameof(Conv)";
                members.Add(Method($"[TensorProductConvolutionBackward({forward})]", ConvolutionParameters(element, weighted, backward: true), name: "ConvBackward"));
            }

            if (random.Next(3) == 0)
            {
                string forward = random.Next(5) == 0 ? FuzzText.Pick(random, ["nameof(Tp)", "\"Missing\""]) : "nameof(Conv)";
                members.Add(Method($"[TensorProductConvolutionDoubleBackward({forward})]", ConvolutionDoubleBackwardParameters(element, weighted), name: "ConvDoubleBackward"));
            }
        }

        return Type(members);
    }

    private static string ConvolutionParameters(string element, bool weighted, bool backward) =>
        $"ReadOnlyTensorSpan<{element}> nodeFeatures, ReadOnlyTensorSpan<{element}> edgeFeatures, " + (weighted ? $"ReadOnlyTensorSpan<{element}> weights, " : string.Empty)
        + "ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, "
        + (backward
            ? $"ReadOnlyTensorSpan<{element}> gradOutput, TensorSpan<{element}> gradNodeFeatures, TensorSpan<{element}> gradEdgeFeatures"
                + (weighted ? $", TensorSpan<{element}> gradWeights" : string.Empty)
            : $"TensorSpan<{element}> output");

    private static string DoubleBackwardParameters(string element, bool weighted) =>
        $"ReadOnlyTensorSpan<{element}> x1, ReadOnlyTensorSpan<{element}> x2, " + (weighted ? $"ReadOnlyTensorSpan<{element}> weights, " : string.Empty)
        + $"ReadOnlyTensorSpan<{element}> gradOutput, ReadOnlyTensorSpan<{element}> gradGradX1, ReadOnlyTensorSpan<{element}> gradGradX2, "
        + (weighted ? $"ReadOnlyTensorSpan<{element}> gradGradWeights, " : string.Empty)
        + $"TensorSpan<{element}> gradX1, TensorSpan<{element}> gradX2, " + (weighted ? $"TensorSpan<{element}> gradWeights, " : string.Empty)
        + $"TensorSpan<{element}> gradGradOutput";

    private static string ConvolutionDoubleBackwardParameters(string element, bool weighted) =>
        $"ReadOnlyTensorSpan<{element}> nodeFeatures, ReadOnlyTensorSpan<{element}> edgeFeatures, " + (weighted ? $"ReadOnlyTensorSpan<{element}> weights, " : string.Empty)
        + $"ReadOnlySpan<int> senders, ReadOnlySpan<int> receivers, ReadOnlyTensorSpan<{element}> gradOutput, "
        + $"ReadOnlyTensorSpan<{element}> gradGradNodeFeatures, ReadOnlyTensorSpan<{element}> gradGradEdgeFeatures, "
        + (weighted ? $"ReadOnlyTensorSpan<{element}> gradGradWeights, " : string.Empty)
        + $"TensorSpan<{element}> gradNodeFeatures, TensorSpan<{element}> gradEdgeFeatures, " + (weighted ? $"TensorSpan<{element}> gradWeights, " : string.Empty)
        + $"TensorSpan<{element}> gradGradOutput";

    private static string ValidProduct(Random random) => Declare(random, RandomProduct(random) with { Options = RandomOptions(random) });

    private static string MutatedIrreps(Random random)
    {
        Product product = random.Next(2) == 0 ? RandomProduct(random) : new Product(FuzzText.Pick(random, s_irreps), FuzzText.Pick(random, s_irreps),
            FuzzText.Pick(random, s_irreps), null, FuzzText.Pick(random, s_kinds), true);
        product = random.Next(3) switch
        {
            0 => product with { Irreps1 = FuzzText.Mutate(random, product.Irreps1) },
            1 => product with { Irreps2 = FuzzText.Mutate(random, product.Irreps2) },
            _ => product with { IrrepsOut = FuzzText.Mutate(random, product.IrrepsOut) },
        };
        return Declare(random, product);
    }

    private static string MutatedInstructions(Random random)
    {
        Product product = random.Next(2) == 0
            ? RandomInstructions(random)
            : new Product("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x1e", FuzzText.Pick(random, s_instructions), null, true);
        string mutated = FuzzText.Mutate(random, product.Instructions!);
        if (random.Next(3) == 0)
        {
            // Structure-aware: a field replaced by a huge number, an odd mode or weight.
            string[] fields = mutated.Split(',');
            fields[random.Next(fields.Length)] = FuzzText.Pick(random, [.. s_huge, "uvx", "UVW", "'uvw", "NaN", "-1", "Infinity", "1e400", "1e-400", "0x10", ""]);
            mutated = string.Join(",", fields);
        }

        return Declare(random, product with { Instructions = mutated, Weighted = random.Next(4) > 0 });
    }

    /// <summary>Huge multiplicities and degrees, hundreds of blocks and instructions, weights beyond any span.</summary>
    private static string HugeProduct(Random random)
    {
        string Huge() => FuzzText.Pick(random, s_huge);
        string Repeat(string piece, int count, string separator) => string.Join(separator, Enumerable.Repeat(piece, count));
        Product product = random.Next(9) switch
        {
            // 500x7e ⊗ 500x7e, fully connected: 125,000,000 weights.
            0 => new Product("500x7e", "500x7e", FuzzText.Pick(random, ["500x7e", "1x7e", "500x0e+500x14e"]), null, "FullyConnected", true),
            // A multiplicity or degree from the huge list in a random block.
            1 => new Product($"{Huge()}x{random.Next(4)}e", $"{random.Next(4)}x{Huge()}o", $"{Huge()}x{Huge()}e", null, FuzzText.Pick(random, s_kinds), true),
            // Hundreds of blocks.
            2 => new Product(Repeat("1x0e", 100 + random.Next(400), "+"), Repeat("1x0e", 1 + random.Next(300), "+"), Repeat("1x0e", 1 + random.Next(300), "+"), null,
                FuzzText.Pick(random, s_kinds), true),
            // Hundreds (or thousands) of instructions on one path.
            3 => new Product("2x1o", "2x1o", "2x0e+2x1e+2x2e", Repeat(FuzzText.Pick(random, ["0,0,0,uvw,true", "0,0,1,uvu,false", "0,0,2,uuu,true"]), 100 + random.Next(3000), ";"),
                null, true),
            // Many weighted paths of ~10^8 weights each (the weight count overflows 32 bits), or one whose count overflows 64 bits.
            4 => random.Next(3) == 0
                ? new Product("16777216x0e", "16777216x0e", "16777216x0e", null, FuzzText.Pick(random, s_kinds), true)
                : new Product("1000x0e", "1000x0e", "134x0e", Repeat("0,0,0,uvw,true", 2 + random.Next(30), "; "), null, true),
            // The largest degrees, explicit and derived.
            5 => new Product(FuzzText.Pick(random, ["20e", "1x20e+1x19o", "3x20y"]), FuzzText.Pick(random, ["20e", "20o", "1x1o"]), FuzzText.Pick(random, ["20e", "", "1x0e+1x20e"]), null,
                FuzzText.Pick(random, s_kinds), true),
            // Full and channelwise products of large inputs: the derived output exceeds the feature limit.
            6 => new Product($"{FuzzText.Pick(random, ["4096", "100000", "400000"])}x{random.Next(21)}e", $"{FuzzText.Pick(random, ["1", "4096", "100000"])}x{random.Next(21)}o", string.Empty,
                null, FuzzText.Pick(random, s_kinds), true),
            // Many blocks of high degree, fully connected: paths and Clebsch–Gordan code grow fast.
            7 => new Product(Repeat(FuzzText.Pick(random, ["1x10e", "1x15o", "2x20e"]), 2 + random.Next(40), "+"), Repeat(FuzzText.Pick(random, ["1x10e", "1x5o"]), 2 + random.Next(40), "+"),
                Repeat(FuzzText.Pick(random, ["1x10e", "1x20e", "1x0e"]), 2 + random.Next(40), "+"), null, "FullyConnected", true),
            // Zero multiplicities everywhere.
            _ => new Product(Repeat("0x0e", 1 + random.Next(300), "+"), "0x1o", Repeat("0x1o", 1 + random.Next(300), "+"), null, FuzzText.Pick(random, s_kinds), true),
        };
        return Declare(random, product with { Options = random.Next(3) == 0 ? "SharedWeights = false" : string.Empty });
    }

    private static string Options(Random random)
    {
        string Cast(string enumName) => $"({enumName}){FuzzText.Pick(random, ["-1", "3", "4", "7", "42", "int.MaxValue", "int.MinValue", "255"])}";
        Product product = RandomProduct(random);
        string option = random.Next(6) switch
        {
            0 => "IrrepNormalization = " + Cast("IrrepNormalization"),
            1 => "PathNormalization = " + Cast("PathNormalization"),
            2 => "Wigner3j = " + Cast("Wigner3jConvention"),
            3 => "SharedWeights = false, IrrepNormalization = (IrrepNormalization)2, PathNormalization = (PathNormalization)2",
            4 => string.Empty,
            _ => "Kind = TensorProductKind.Full",
        };
        if (random.Next(5) == 0)
        {
            product = product with { Kind = Cast("TensorProductKind"), Instructions = null };
        }

        return Declare(random, product with { Options = option });
    }

    private static string WrongParameters(Random random)
    {
        string element = Element(random);
        var members = new List<string>();
        Product product = RandomProduct(random);
        string attribute = random.Next(3) switch
        {
            0 => Attribute(random, product, members),
            1 => "[TensorProductBackward(nameof(Tp))]",
            _ => "[SphericalHarmonics(\"0e+1o\")]",
        };
        if (attribute.StartsWith("[TensorProductBackward", StringComparison.Ordinal))
        {
            members.Add(Method(Attribute(random, product, members), ForwardParameters(element, product.Weighted), name: "Tp"));
        }

        string[] types =
        [
            "ReadOnlyTensorSpan<float>", "ReadOnlyTensorSpan<double>", "TensorSpan<float>", "TensorSpan<double>", "ReadOnlySpan<float>", "Span<double>",
            "ReadOnlyTensorSpan<int>", "TensorSpan<Half>", "Tensor<float>", "float[]", "double", "System.Numerics.Complex", "ReadOnlyTensorSpan<System.Numerics.Complex>",
            "Undefined<float>", "dynamic", "object", "TensorSpan<decimal>",
        ];
        int count = random.Next(9);
        string parameters = string.Join(", ", Enumerable.Range(0, count).Select(n =>
            FuzzText.Pick(random, ["", "", "", "", "ref ", "in ", "out ", "scoped ", "params "]) + FuzzText.Pick(random, types) + " p" + n.ToString(CultureInfo.InvariantCulture)));
        (string modifiers, string returns, string body) = random.Next(8) switch
        {
            0 => ("public partial", "void", ";"),
            1 => ("public static partial", "int", ";"),
            2 => ("public static", "void", " { }"),
            3 => ("public static partial", "void", $";\npublic static partial void Kernel({parameters}) {{ }}"),
            _ => ("public static partial", "void", ";"),
        };
        members.Add(Method(attribute, parameters, modifiers, returns, random.Next(5) == 0 ? "Kernel<T>" : "Kernel", body));
        return Type(members, FuzzText.Pick(random, ["public static partial class Kernels", "public partial struct Kernels", "public static class Kernels", "file static partial class Kernels"]));
    }

    private static string BackwardForward(Random random)
    {
        string element = Element(random);
        Product product = RandomProduct(random);
        var members = new List<string>();
        string forwardAttribute = Attribute(random, random.Next(4) == 0 ? product with { Irreps1 = FuzzText.Mutate(random, product.Irreps1) } : product, members);
        string forward = Method(forwardAttribute, ForwardParameters(element, product.Weighted), name: "Tp");
        string backwardParameters = BackwardParameters(element, product.Weighted);
        string name = FuzzText.Pick(random, ["nameof(Tp)", "\"Tp\"", "\"tp\"", "\"Missing\"", "\"\"", "null", "null!", "\"Tp \"", "\"Kernels.Tp\"", "nameof(TpBackward)", "\"T\\u0070\""]);
        switch (random.Next(6))
        {
            case 0: // the forward is missing
                break;
            case 1: // the forward is overloaded
                members.Add(forward);
                members.Add(Method(forwardAttribute, ForwardParameters(element == "float" ? "double" : "float", product.Weighted), name: "Tp"));
                break;
            case 2: // the forward is in another type
                members.Add("public static partial class Other\n{\n" + forward + "\n}");
                break;
            case 3: // the name is a method without [TensorProduct]
                members.Add("public static void Tp() { }");
                break;
            default:
                members.Add(forward);
                break;
        }

        members.Add(Method($"[TensorProductBackward({name})]", backwardParameters, name: "TpBackward"));
        if (random.Next(4) == 0)
        {
            members.Add(Method("[TensorProductBackward(nameof(TpBackward))]", backwardParameters, name: "TpBackwardBackward"));
        }

        return Type(members);
    }

    private static string Harmonics(Random random)
    {
        string irreps = random.Next(3) switch
        {
            0 => Text(random, Enumerable.Range(0, 1 + random.Next(5)).Select(_ => random.Next(7)).Select(l => new Block(random.Next(3), l, l % 2 == 0 ? 1 : -1))),
            1 => FuzzText.Mutate(random, FuzzText.Pick(random, s_irreps)),
            _ => FuzzText.Pick(random, [.. s_irreps, "0e+1e+2e", "0e+1o+2o", "1e", "20y", "3x20y + 5x19y", "0e + 1o + 2e + 3o + 4e + 5o + 6e + 7o + 8e", "400x20y"]),
        };
        string element = Element(random);
        var members = new List<string>();
        var (text, member) = StringLiterals.Write(random, irreps, "HarmonicsIrreps");
        members.Add(member);
        var options = new List<string> { text };
        if (random.Next(2) == 0)
        {
            options.Add("Normalize = " + (random.Next(2) == 0 ? "true" : "false"));
        }

        if (random.Next(2) == 0)
        {
            options.Add("Normalization = " + (random.Next(4) == 0
                ? "(ShNormalization)" + FuzzText.Pick(random, ["-1", "3", "99", "int.MinValue"])
                : "ShNormalization." + FuzzText.Pick(random, ["Component", "Norm", "Integral"])));
        }

        string parameters = random.Next(8) == 0
            ? FuzzText.Pick(random, [$"ReadOnlyTensorSpan<{element}> vectors", $"TensorSpan<{element}> vectors, TensorSpan<{element}> output", $"ReadOnlyTensorSpan<float> vectors, TensorSpan<double> output", ""])
            : $"ReadOnlyTensorSpan<{element}> vectors, TensorSpan<{element}> output";
        members.Add(Method("[SphericalHarmonics(" + string.Join(", ", options) + ")]", parameters, name: "Sh"));
        if (random.Next(2) == 0)
        {
            // Its backward pass: usually sound, sometimes naming nothing, another method or itself, or with a wrong signature.
            string forward = random.Next(4) == 0 ? FuzzText.Pick(random, ["\"Missing\"", "nameof(ShBackward)", "\"\"", "null!"]) : "nameof(Sh)";
            string backwardParameters = random.Next(6) == 0
                ? FuzzText.Pick(random, [$"ReadOnlyTensorSpan<{element}> vectors, TensorSpan<{element}> gradVectors", $"ReadOnlyTensorSpan<{element}> vectors, ReadOnlyTensorSpan<{element}> gradOutput, ReadOnlyTensorSpan<{element}> gradVectors"])
                : $"ReadOnlyTensorSpan<{element}> vectors, ReadOnlyTensorSpan<{element}> gradOutput, TensorSpan<{element}> gradVectors";
            members.Add(Method("[SphericalHarmonicsBackward(" + forward + ")]", backwardParameters, name: "ShBackward"));
        }

        if (random.Next(2) == 0)
        {
            // Its double backward pass: usually sound, sometimes naming nothing, the backward or itself, or with a wrong signature.
            string forward = random.Next(4) == 0 ? FuzzText.Pick(random, ["\"Missing\"", "\"ShBackward\"", "nameof(ShDoubleBackward)", "\"\"", "null!"]) : "nameof(Sh)";
            string inputs = $"ReadOnlyTensorSpan<{element}> vectors, ReadOnlyTensorSpan<{element}> gradOutput, ReadOnlyTensorSpan<{element}> gradGradVectors";
            string doubleBackwardParameters = random.Next(6) == 0
                ? FuzzText.Pick(random, [$"{inputs}, TensorSpan<{element}> gradVectors", $"{inputs}, TensorSpan<{element}> gradVectors, ReadOnlyTensorSpan<{element}> gradGradOutput",
                    $"{inputs}, TensorSpan<float> gradVectors, TensorSpan<double> gradGradOutput"])
                : $"{inputs}, TensorSpan<{element}> gradVectors, TensorSpan<{element}> gradGradOutput";
            members.Add(Method("[SphericalHarmonicsDoubleBackward(" + forward + ")]", doubleBackwardParameters, name: "ShDoubleBackward"));
        }

        return Type(members);
    }

    private static string AttributeForms(Random random)
    {
        string parameters = ForwardParameters("float", weighted: true);
        string[] attributes =
        [
            "[TensorProduct]", "[TensorProduct()]", "[TensorProduct(null, null, null)]", "[TensorProduct(null!, \"0e\", \"0e\")]", "[TensorProduct(\"0e\", \"0e\")]",
            "[TensorProduct(\"0e\", \"0e\", \"0e\", \"0e\")]", "[TensorProduct(1, 2, 3)]", "[TensorProduct(\"0e\", \"0e\", \"0e\", Instructions = null)]",
            "[TensorProduct(\"0e\", \"0e\", \"0e\", Kind = 2)]", "[TensorProduct(\"0e\", \"0e\", \"0e\", SharedWeights = 1)]", "[TensorProduct(irrepsOut: \"0e\", irreps2: \"0e\", irreps1: \"1o\")]",
            "[TensorProduct(\"0e\", \"0e\", \"0e\", Unknown = 1)]", "[TensorProduct(\"0e\", \"0e\", \"0e\"), TensorProduct(\"0e\", \"0e\", \"0e\")]",
            "[TensorProduct(\"0e\", \"0e\", \"0e\")]\n[SphericalHarmonics(\"0e\")]", "[TensorProduct(\"0e\", \"0e\", \"0e\")]\n[Einsum(\"ij,jk->ik\")]",
            "[TensorProduct(\"0e\", \"0e\", \"0e\")]\n[TensorProductBackward(\"Kernel\")]", "[global::TensorGen.TensorProductAttribute(\"1x0e\", \"1x0e\", \"1x0e\")]",
            "[TensorProduct(\"0e\" + \"+1o\", $\"0e\", \"0e\")]", "[TensorProductBackward]", "[TensorProductBackward(null)]", "[TensorProductBackward(3)]",
            "[SphericalHarmonics]", "[SphericalHarmonics(null)]", "[SphericalHarmonics(\"0e\", Normalize = 1)]", "[SphericalHarmonics(\"\\uD800\")]",
            "[TensorProduct(\"\"\"\n  1x0e\n  \"\"\", \"0e\", @\"0e\n+ 1o\")]",
            // Attributes of two or three kernel kinds on one method (TG0022), across the generators and within one.
            "[Einsum(\"ij,jk->ik\")]\n[TensorProduct(\"0e\", \"0e\", \"0e\")]", "[CpKernel(CpOperation.Norm, Order = 2)]\n[Einsum(\"ij->ji\")]",
            "[TuckerKernel(TuckerOperation.Norm, Order = 2), TensorProduct(\"0e\", \"0e\", \"0e\")]", "[CpKernel(CpOperation.Inner, Order = 3)]\n[TuckerKernel(TuckerOperation.Inner, Order = 3)]",
            "[SphericalHarmonics(\"0e\")]\n[TensorTrainMatrixKernel(TensorTrainMatrixOperation.Norm, Order = 1)]\n[Einsum(\"i->i\")]",
            "[TensorProductBackward(\"Kernel\")]\n[SphericalHarmonics(\"0e+1o\")]", "[SphericalHarmonicsDoubleBackward]", "[SphericalHarmonicsDoubleBackward(3)]",
            "[SphericalHarmonicsDoubleBackward(\"Kernel\")]\n[SphericalHarmonicsBackward(\"Kernel\")]", "[TensorTrainKernel]\n[TensorProduct]",
        ];
        string declaration = random.Next(6) switch
        {
            0 => FuzzText.Pick(random, attributes) + "\npublic partial class Target { }",
            1 => "[return: TensorProduct(\"0e\", \"0e\", \"0e\")]\npublic static partial void Kernel(" + parameters + ");",
            2 => "public static void Host() { [SphericalHarmonics(\"0e\")] static void Local(ReadOnlyTensorSpan<float> v, TensorSpan<float> o) { } }",
            _ => FuzzText.Pick(random, attributes) + "\npublic static partial void Kernel(" + parameters + ");",
        };
        return Type([declaration]);
    }
}
