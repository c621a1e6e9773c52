using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TensorGen.Fuzz.Tests.Generator.DeclarationSource;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>
/// Declaration templates for <c>[CpKernel]</c>, <c>[TuckerKernel]</c>, <c>[TensorTrainKernel]</c> and <c>[TensorTrainMatrixKernel]</c>: random
/// valid declarations of every operation in both forms (with the signature the operation takes), mutations of their Shape, Ranks,
/// TrainRanks and Modes strings, huge sizes and orders, operations out of range, and wrong signatures.
/// </summary>
internal static class DecompositionTemplates
{
    public static IReadOnlyList<DeclarationTemplate> All { get; } =
    [
        new("decomposition kernel, valid random", 9, Valid),
        new("decomposition kernel, mutated Shape, Ranks, TrainRanks or Modes", 8, Mutated),
        new("decomposition kernel, huge sizes and orders", 5, Huge),
        new("decomposition kernel, operation out of range", 2, OperationOutOfRange),
        new("decomposition kernel, wrong signature", 5, WrongSignature),
    ];

    /// <summary>A format: its attribute, operation enum, type name, and operations (by enum member) with their enum values.</summary>
    private sealed record Format(string Attribute, string Enum, string Type, string[] Operations);

    private static readonly Format[] s_formats =
    [
        new("CpKernel", "CpOperation", "CpTensor", ["Reconstruct", "ModeProduct", "ModeVectorProduct", "Inner", "Norm", "Mttkrp"]),
        new("TuckerKernel", "TuckerOperation", "TuckerTensor", ["Reconstruct", "ModeProduct", "ModeVectorProduct", "Inner", "Norm"]),
        new("TensorTrainKernel", "TensorTrainOperation", "TensorTrain", ["Reconstruct", "ModeProduct", "ModeVectorProduct", "Inner", "Norm"]),
        new("TensorTrainMatrixKernel", "TensorTrainMatrixOperation", "TensorTrainMatrix", ["Reconstruct", "MatVec", "Apply", "Expectation", "Inner", "Norm"]),
    ];

    private static readonly string[] s_huge =
    [
        "0", "1", "2", "-1", "-0", "65", "33", "64", "32", "46341", "65536", "2147483647", "2147483648", "4294967296", "9223372036854775807",
        "999999999999999999", "9999999999999999999", "+3", " 3 ", "3x", "٣", "３", "",
    ];

    /// <summary>What a declaration is made of, before it is written.</summary>
    private sealed record Declaration(Format Format, string Operation, int Order, string? Shape, string? Ranks, string? TrainRanks, string? Modes, string Element,
        int ModeCount, bool IsStatic)
    {
        public string OrderText { get; init; } = string.Empty;
    }

    private static Declaration RandomDeclaration(Random random, int maxOrder = 4, int maxSize = 4)
    {
        Format format = FuzzText.Pick(random, s_formats);
        string operation = FuzzText.Pick(random, format.Operations);
        int order = 1 + random.Next(maxOrder);
        bool isStatic = random.Next(2) == 0;
        string element = FuzzText.Pick(random, ["float", "double", "Complex"]);
        string Sizes(int count, Func<string> entry) => string.Join(FuzzText.Pick(random, [",", ", ", " , "]), Enumerable.Range(0, count).Select(_ => entry()));
        string Size() => (1 + random.Next(maxSize)).ToString(CultureInfo.InvariantCulture);

        int modeCount = operation switch
        {
            "ModeProduct" or "ModeVectorProduct" => 1 + random.Next(order),
            "Mttkrp" => 1,
            _ => 0,
        };
        int[] modes = Enumerable.Range(0, order).OrderBy(_ => random.Next()).Take(modeCount).ToArray();
        string? modesText = modeCount == 0 ? null : string.Join(",", modes.Select(m => m.ToString(CultureInfo.InvariantCulture)
            + (isStatic && operation == "ModeProduct" ? ":" + Size() : string.Empty)));
        if (operation == "Mttkrp" && order < 2)
        {
            order = 2 + random.Next(2);
            modesText = random.Next(order).ToString(CultureInfo.InvariantCulture);
        }

        string? shape = null, ranks = null, trainRanks = null;
        if (isStatic)
        {
            shape = format.Type == "TensorTrainMatrix" ? Sizes(order, () => Size() + "x" + Size()) : Sizes(order, Size);
            int rankCount = format.Type switch { "CpTensor" => 1, "TuckerTensor" => order, _ => order - 1 };
            ranks = Sizes(rankCount, Size);
            if (operation is "Apply" or "Expectation")
            {
                trainRanks = Sizes(order - 1, Size);
            }
        }

        return new Declaration(format, operation, order, shape, ranks, trainRanks, modesText, element, modeCount, isStatic);
    }

    private static string Write(Random random, Declaration d, string? parameters = null, string? returns = null)
    {
        var members = new List<string>();
        var arguments = new List<string> { d.OrderText.Length > 0 ? d.OrderText : d.Format.Enum + "." + d.Operation };
        if (!d.IsStatic || random.Next(4) == 0)
        {
            arguments.Add("Order = " + d.Order.ToString(CultureInfo.InvariantCulture));
        }

        void Named(string name, string? value)
        {
            if (value is not null)
            {
                var (text, member) = StringLiterals.Write(random, value, name + "Text");
                members.Add(member);
                arguments.Add(name + " = " + text);
            }
        }

        Named("Shape", d.Shape);
        Named("Ranks", d.Ranks);
        Named("TrainRanks", d.TrainRanks);
        Named("Modes", d.Modes);
        var (expectedParameters, expectedReturn) = Signature(d);
        members.Add(Method($"[{d.Format.Attribute}({string.Join(", ", arguments)})]", parameters ?? expectedParameters, returnType: returns ?? expectedReturn));
        return "using System.Numerics;\nusing TensorGen.Decompositions;\n\n" + Type(members);
    }

    /// <summary>The parameters and return type the operation takes (docs/diagnostics.md, TG0207).</summary>
    private static (string Parameters, string Return) Signature(Declaration d)
    {
        string t = d.Element;
        string self = $"{d.Format.Type}<{t}>";
        string input = d.IsStatic ? $"ReadOnlySpan<{t}>" : $"ReadOnlyTensorSpan<{t}>";
        string output = d.IsStatic ? $"Span<{t}>" : $"TensorSpan<{t}>";
        IEnumerable<string> Inputs(string name) => Enumerable.Range(0, d.ModeCount).Select(i => $"{input} {name}{i.ToString(CultureInfo.InvariantCulture)}");
        return d.Operation switch
        {
            "Reconstruct" => ($"{self} x, {output} result", "void"),
            "ModeProduct" => (string.Join(", ", Inputs("u").Prepend(self + " x").Append(output + " result")), "void"),
            "ModeVectorProduct" when d.ModeCount == d.Order => (string.Join(", ", Inputs("v").Prepend(self + " x")), t),
            "ModeVectorProduct" => (string.Join(", ", Inputs("v").Prepend(self + " x").Append(output + " result")), "void"),
            "Inner" => ($"{self} x, {self} y", t),
            "Norm" => ($"{self} x", t == "float" ? "float" : "double"),
            "Mttkrp" => ($"{input} x, {self} factors, {output} result", "void"),
            "MatVec" => ($"{self} a, {input} x, {output} result", "void"),
            "Apply" => ($"{self} a, TensorTrain<{t}> x", $"TensorTrain<{t}>"),
            _ => ($"TensorTrain<{t}> x, {self} a, TensorTrain<{t}> y", t), // Expectation
        };
    }

    private static string Valid(Random random) => Write(random, RandomDeclaration(random));

    private static string Mutated(Random random)
    {
        Declaration d = RandomDeclaration(random);
        string? Mutate(string? text) => text is null ? (random.Next(3) == 0 ? FuzzText.Mutate(random, "2,3") : null) : FuzzText.Mutate(random, text);
        d = random.Next(4) switch
        {
            0 => d with { Shape = Mutate(d.Shape) },
            1 => d with { Ranks = Mutate(d.Ranks) },
            2 => d with { TrainRanks = Mutate(d.TrainRanks) },
            _ => d with { Modes = Mutate(d.Modes) },
        };
        return Write(random, d);
    }

    private static string Huge(Random random)
    {
        Declaration d = RandomDeclaration(random);
        string HugeList(string? text) => text is null ? FuzzText.Pick(random, s_huge)
            : string.Join(",", text.Split(',').Select(e => random.Next(3) == 0 ? FuzzText.Pick(random, s_huge) : e));
        switch (random.Next(6))
        {
            case 0:
                return Write(random, d with { Shape = HugeList(d.Shape ?? "2,2,2"), IsStatic = true });
            case 1:
                return Write(random, d with { Ranks = HugeList(d.Ranks ?? "2") });
            case 2:
                // Orders around the limits (32 for CP and Tucker, 64 for trains), dynamic or with static sizes of 2.
                int order = FuzzText.Pick(random, [0, -1, 31, 32, 33, 63, 64, 65, 100, int.MaxValue, int.MinValue]);
                Declaration ordered = d with { Order = order, Shape = null, Ranks = null, TrainRanks = null, Modes = null, ModeCount = 0, IsStatic = false };
                if (random.Next(2) == 0 && order is > 0 and < 80)
                {
                    bool matrix = d.Format.Type == "TensorTrainMatrix";
                    int rankCount = d.Format.Type switch { "CpTensor" => 1, "TuckerTensor" => order, _ => order - 1 };
                    ordered = ordered with
                    {
                        Shape = string.Join(",", Enumerable.Repeat(matrix ? "2x2" : "2", order)),
                        Ranks = string.Join(",", Enumerable.Repeat("2", rankCount)),
                        TrainRanks = d.Operation is "Apply" or "Expectation" ? string.Join(",", Enumerable.Repeat("2", order - 1)) : null,
                        IsStatic = true,
                    };
                }

                return Write(random, ordered with { Operation = d.Operation is "ModeProduct" or "ModeVectorProduct" or "Mttkrp" ? "Inner" : d.Operation });
            case 3:
                // A dense result far beyond int.MaxValue elements, or ranks whose components are.
                return Write(random, d with
                {
                    Shape = d.Format.Type == "TensorTrainMatrix" ? "50000x50000,50000x50000" : FuzzText.Pick(random, ["50000,50000,50000", "2147483647,2", "1000000,1000000"]),
                    Ranks = FuzzText.Pick(random, ["2", "2,2", "2,2,2", "100000", "100000,100000", "2147483647,2147483647,2147483647"]),
                    TrainRanks = d.Operation is "Apply" or "Expectation" ? FuzzText.Pick(random, ["2", "2,2", "100000,100000"]) : null,
                    Modes = d.Modes is null ? null : (d.IsStatic ? d.Modes : d.Modes.Split(',')[0]),
                    IsStatic = true,
                });
            case 4:
                // Hundreds of entries.
                int count = 100 + random.Next(400);
                return Write(random, d with { Shape = string.Join(",", Enumerable.Repeat("2", count)), Ranks = string.Join(",", Enumerable.Repeat("1", count - 1)) });
            default:
                // Modes out of range, repeated, huge, or with huge static rows.
                return Write(random, d with { Modes = FuzzText.Pick(random, ["0,0", "-1", "99", "2147483648", "0:2147483648", "0:0", "0:-1", "1:1:1", "0,1,2,3,4,5,6,7,8", ":", "0:"]) });
        }
    }

    private static string OperationOutOfRange(Random random)
    {
        Declaration d = RandomDeclaration(random);
        return Write(random, d with { OrderText = $"({d.Format.Enum}){FuzzText.Pick(random, ["-1", "6", "7", "42", "int.MaxValue", "int.MinValue"])}" });
    }

    private static string WrongSignature(Random random)
    {
        Declaration d = RandomDeclaration(random);
        var (parameters, returns) = Signature(d);
        string[] types =
        [
            "CpTensor<double>", "TuckerTensor<float>", "TensorTrain<Complex>", "TensorTrainMatrix<double>", "TensorTrain<int>", "CpTensor<Half>",
            "ReadOnlySpan<double>", "Span<float>", "ReadOnlyTensorSpan<Complex>", "TensorSpan<double>", "double", "Complex", "float[]", "Tensor<double>", "object",
        ];
        List<string> list = parameters.Split(", ").ToList();
        switch (random.Next(7))
        {
            case 0:
                list.RemoveAt(random.Next(list.Count));
                break;
            case 1:
                list.Insert(random.Next(list.Count + 1), FuzzText.Pick(random, types) + " extra");
                break;
            case 2:
                int at = random.Next(list.Count);
                list[at] = FuzzText.Pick(random, types) + " " + list[at].Split(' ').Last();
                break;
            case 3:
                int modified = random.Next(list.Count);
                list[modified] = FuzzText.Pick(random, ["ref ", "in ", "out ", "params ", "scoped "]) + list[modified];
                break;
            case 4:
                returns = FuzzText.Pick(random, ["void", "int", "double", "float", "Complex", "TensorTrain<double>", "Task"]);
                break;
            case 5:
                list = [.. list.OrderBy(_ => random.Next())];
                break;
            default:
                // Sometimes with an attribute of another kernel kind as well (TG0022).
                Format other = FuzzText.Pick(random, s_formats);
                string second = FuzzText.Pick(random, ["", "", "", "", "", "\n[Einsum(\"i->i\")]", "\n[TensorProduct(\"0e\", \"0e\", \"0e\")]",
                    $"\n[{other.Attribute}({other.Enum}.Norm, Order = 2)]"]);
                return "using System.Numerics;\nusing TensorGen.Decompositions;\n\n" + Type([
                    Method($"[{d.Format.Attribute}({d.Format.Enum}.{d.Operation}, Order = {d.Order.ToString(CultureInfo.InvariantCulture)})]{second}", parameters,
                        FuzzText.Pick(random, ["public partial", "public static", "public static partial"]), returns, FuzzText.Pick(random, ["Kernel", "Kernel<T>"]),
                        FuzzText.Pick(random, [";", " => throw null!;", " { throw null!; }"])),
                ], FuzzText.Pick(random, ["public static partial class Kernels", "public static class Kernels", "file static partial class Kernels"]));
        }

        return Write(random, d, string.Join(", ", list), returns);
    }
}
