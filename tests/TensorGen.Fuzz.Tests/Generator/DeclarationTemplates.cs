using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Fuzz.Tests.Grammar;
using static TensorGen.Fuzz.Tests.Generator.DeclarationSource;

namespace TensorGen.Fuzz.Tests.Generator;

/// <summary>A way of writing random declarations: its name (in reports), how often it is drawn, and the writer.</summary>
/// <param name="Name">Shown in failure reports and the summary.</param>
/// <param name="Weight">Relative frequency among all templates.</param>
/// <param name="Write">Writes the source of one declaration: the types inside its file's namespace (and nested namespaces if wanted).</param>
internal sealed record DeclarationTemplate(string Name, int Weight, Func<Random, string> Write);

/// <summary>
/// The generator fuzzer's corpus, as a table: each template writes one kind of malformed or borderline declaration.
/// The einsum templates are here; the equivariant attributes' are in <see cref="EquivariantTemplates"/> and the decomposition
/// kernels' in <see cref="DecompositionTemplates"/>. A new attribute plugs in with templates of its own that mutate its strings
/// with <see cref="FuzzText.Mutate"/> and write them with <see cref="StringLiterals.Write"/>.
/// </summary>
internal static class DeclarationTemplates
{
    /// <summary>Valid expressions that mutations start from: every syntax feature.</summary>
    private static readonly string[] s_seeds =
    [
        "ij,jk->ik", "bij,bjk->bik", "ii->", "ii->i", "iij->ji", "ij", "ba", "ij,jk", "...ij->...ji", "i...->...", "...ij,...jk->...ik",
        "i,i->", "i,j->ij", ",i->i", "->", "", "ab,bc,cd->ad", "ia,jb,kc,ld,abcd->ijkl", "αβ,βγ->αγ", "𝐀b,b->𝐀", " ij , jk -> ik ",
    ];

    private static readonly string[] s_hugeSizes =
    [
        "0", "1", "2", "3", "46341", "65536", "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "99999999999999999999999999999", "000000000000000000003", "+3", "-0", "3 ", "\u0663",
    ];

    public static IReadOnlyList<DeclarationTemplate> All { get; } =
    [
        new("mutated expression, dynamic form", 18, MutatedDynamic),
        new("mutated expression and Sizes, static form", 18, MutatedStatic),
        new("valid random expression", 10, ValidRandom),
        new("huge and zero sizes", 10, HugeSizes),
        new("hundreds of operands", 3, ManyOperands),
        new("hundreds of indices in a term", 3, ManyIndices),
        new("empty and trivial expressions", 4, Trivial),
        new("wrong parameter lists and method shapes", 14, WrongSignature),
        new("attribute argument forms", 8, AttributeForms),
        new("awkward names", 8, AwkwardNames),
        new("containing types", 8, Containers),
        .. EquivariantTemplates.All,
        .. SymmetricContractionTemplates.All,
        .. LinearTemplates.All,
        .. DecompositionTemplates.All,
    ];

    /// <summary>Draws a template by weight.</summary>
    public static DeclarationTemplate Draw(Random random)
    {
        int ticket = random.Next(All.Sum(t => t.Weight));
        foreach (DeclarationTemplate template in All)
        {
            ticket -= template.Weight;
            if (ticket < 0)
            {
                return template;
            }
        }

        throw new InvalidOperationException("Weights changed while drawing.");
    }

    private static string Element(Random random) => random.Next(2) == 0 ? "float" : "double";

    /// <summary>A declaration of <paramref name="expression"/> with parameters to match it, in a static partial class.</summary>
    private static string Declare(Random random, string expression, string? sizes, int? operands = null)
    {
        var members = new List<string>();
        int count = operands ?? ExpressionGrammar.TryParse(expression)?.Inputs.Count ?? RoughOperandCount(expression);
        string attribute = Attribute(random, expression, sizes, accumulate: random.Next(5) == 0, members);
        members.Add(Method(attribute, Parameters(count, Element(random), isStatic: sizes is not null)));
        return Type(members);
    }

    private static string MutatedDynamic(Random random)
    {
        string expression = FuzzText.Pick(random, s_seeds);
        return Declare(random, random.Next(10) == 0 ? expression : FuzzText.Mutate(random, expression), null);
    }

    private static string MutatedStatic(Random random)
    {
        string expression = RandomExpressions.Next(random, maxOperands: 3, maxRank: 3, allowEllipsis: random.Next(8) == 0);
        string sizes = SizesFor(random, expression, () => (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture));
        return random.Next(3) switch
        {
            0 => Declare(random, FuzzText.Mutate(random, expression), sizes),
            1 => Declare(random, expression, FuzzText.Mutate(random, sizes)),
            _ => Declare(random, FuzzText.Mutate(random, expression), FuzzText.Mutate(random, sizes)),
        };
    }

    private static string ValidRandom(Random random)
    {
        bool isStatic = random.Next(2) == 0;
        string expression = RandomExpressions.Next(random, maxOperands: 5, maxRank: 4, allowEllipsis: !isStatic);
        return Declare(random, expression, isStatic ? SizesFor(random, expression, () => random.Next(5).ToString(CultureInfo.InvariantCulture)) : null);
    }

    private static string HugeSizes(Random random)
    {
        string expression = RandomExpressions.Next(random, maxOperands: 4, maxRank: 4, allowEllipsis: false);
        return Declare(random, expression, SizesFor(random, expression, () => FuzzText.Pick(random, s_hugeSizes)));
    }

    /// <summary>"i=3,j=4" for the letters of <paramref name="expression"/>, in a random order, with random spacing.</summary>
    private static string SizesFor(Random random, string expression, Func<string> size)
    {
        IReadOnlyList<string> letters = ExpressionGrammar.TryParse(expression)?.Letters ?? [];
        string separator = random.Next(4) == 0 ? " , " : ",";
        return string.Join(separator, letters.OrderBy(_ => random.Next()).Select(l => l + "=" + size()));
    }

    private static string ManyOperands(Random random)
    {
        int n = 100 + random.Next(300);
        IReadOnlyList<string> letters = FuzzText.DistinctLetters(n + 1);
        string expression = random.Next(4) switch
        {
            0 => string.Join(",", Enumerable.Range(0, n).Select(k => letters[k] + letters[k + 1])) + "->" + letters[0] + letters[n], // a chain (matrix product)
            1 => string.Join(",", Enumerable.Range(0, n).Select(_ => "i")) + "->i", // a Hadamard product of n vectors
            2 => string.Join(",", Enumerable.Range(0, n).Select(k => "z" + letters[k])), // a star: one shared index
            _ => string.Join(",", Enumerable.Range(0, n).Select(_ => letters[random.Next(30)] + letters[random.Next(30)])),
        };
        string? sizes = random.Next(2) == 0 ? null : SizesFor(random, expression, () => random.Next(4) == 0 ? "65536" : "2");
        return Declare(random, expression, sizes, operands: n + (random.Next(8) == 0 ? 1 : 0));
    }

    private static string ManyIndices(Random random)
    {
        int n = 40 + random.Next(500);
        IReadOnlyList<string> letters = FuzzText.DistinctLetters(n);
        string term = string.Concat(letters);
        string expression = random.Next(3) switch
        {
            0 => term + "->" + string.Concat(letters.Reverse()),
            1 => term + "->",
            _ => term + "," + term + "->" + letters[0],
        };
        string? sizes = random.Next(3) == 0 ? null : SizesFor(random, expression, () => FuzzText.Pick(random, ["1", "1", "1", "2", "0", "2147483647"]));
        return Declare(random, expression, sizes);
    }

    private static string Trivial(Random random)
    {
        string expression = FuzzText.Pick(random,
            ["", " ", ",", ",,", "->", "->->", "...", "...->...", "-", ">", ".", "..", "....", "......", "i->", "->i", ",->", "i,->i", "\0", "\u2028"]);
        string? sizes = random.Next(2) == 0 ? null : FuzzText.Pick(random, ["", " ", ",", "=", "i=", "=3", "i=1"]);
        return Declare(random, expression, sizes, operands: random.Next(3));
    }

    private static string WrongSignature(Random random)
    {
        bool isStatic = random.Next(2) == 0;
        string element = Element(random);
        string input = isStatic ? $"ReadOnlySpan<{element}>" : $"ReadOnlyTensorSpan<{element}>";
        string result = isStatic ? $"Span<{element}>" : $"TensorSpan<{element}>";
        var members = new List<string>();
        string attribute = Attribute(random, "ij,jk->ik", isStatic ? "i=2,j=3,k=4" : null, accumulate: false, members);
        string[] types =
        [
            "int", "long", "Half", "decimal", "bool", "object", "string", "System.Numerics.Complex", "float[]", "double[]", "Memory<float>",
            "ReadOnlyMemory<double>", "System.Collections.Generic.List<float>", "Tensor<float>", "ReadOnlySpan<int>", "Span<Half>",
            "TensorSpan<decimal>", "ReadOnlyTensorSpan<long>", "Span<float[]>", "ReadOnlySpan<ReadOnlySpan<float>>", "dynamic", "(float, float)",
            "ReadOnlySpan<float>", "Span<double>", "ReadOnlyTensorSpan<float>", "TensorSpan<double>", "global::System.Span<float>",
            "System.Numerics.Tensors.ReadOnlyTensorSpan<double>", "Undefined<float>", "float*", "delegate*<void>", "TypedReference",
        ];
        string[] parameterModifiers = ["ref ", "out ", "in ", "ref readonly ", "scoped ", "params ", "this ", "[System.Obsolete] ", "scoped ref "];
        string a = $"{input} a", b = $"{input} b", r = $"{result} r";
        (string Modifiers, string Return, string Name, string Parameters, string Body) shape = random.Next(16) switch
        {
            0 => ("public static partial", "void", "Kernel", $"{a}, {r}", ";"),
            1 => ("public static partial", "void", "Kernel", $"{a}, {b}, {b.Replace(" b", " c", StringComparison.Ordinal)}, {r}", ";"),
            2 => ("public static partial", "void", "Kernel", $"{FuzzText.Pick(random, types)} a, {b}, {r}", ";"),
            3 => ("public static partial", "void", "Kernel", $"{a}, {b}, {FuzzText.Pick(random, types)} r", ";"),
            4 => ("public static partial", "void", "Kernel", $"{FuzzText.Pick(random, parameterModifiers)}{a}, {b}, {FuzzText.Pick(random, parameterModifiers)}{r}", ";"),
            5 => ("public partial", "void", "Kernel", $"{a}, {b}, {r}", ";"),
            6 => ("public static partial", FuzzText.Pick(random, ["int", "ref int", "Span<float>", "Task", "dynamic", "void*"]), "Kernel", $"{a}, {b}, {r}", ";"),
            7 => ("public static partial", "void", "Kernel<T>", $"{a}, {b}, {r}", ";"),
            8 => ("public static partial", "void", "Kernel<T>", $"ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r", " where T : unmanaged;"),
            9 => ("public static", "void", "Kernel", $"{a}, {b}, {r}", " { }"),
            10 => ("public static partial", "void", "Kernel", $"{a}, {b}, {r}", " => throw null!;"),
            11 => (FuzzText.Pick(random, ["static extern partial", "static async partial", "static unsafe partial", "new static partial", "static virtual partial", "abstract static partial", "private static partial", "static partial", "internal static partial", "protected static partial"]),
                "void", "Kernel", $"{a}, {b}, {r}", ";"),
            12 => ("public static partial", "void", "Kernel", $"{a}, {b}, {r} = default", ";"),
            13 => ("public static partial", "void", "Kernel", string.Empty, ";"),
            14 => ("public static partial", "void", "Kernel", $"{a}, {b}, {r}, __arglist", ";"),
            _ => ("public static partial", "void", "Kernel", $"{a}, {b}, {r}", $";\npublic static partial void Kernel({a}, {b}, {r}) {{ }}"),
        };
        members.Add(Method(attribute, shape.Parameters, shape.Modifiers, shape.Return, shape.Name, shape.Body));
        return Type(members, FuzzText.Pick(random, ["public static partial class Kernels", "public partial class Kernels", "public static unsafe partial class Kernels"]));
    }

    private static string AttributeForms(Random random)
    {
        string parameters = Parameters(2, "float", isStatic: false);
        string method = $"public static partial void Kernel({parameters});";
        string[] attributes =
        [
            "[Einsum(null)]", "[Einsum(null!)]", "[Einsum(default)]", "[Einsum(default(string))]", "[Einsum((string)null)]", "[Einsum]", "[Einsum()]",
            "[Einsum(3)]", "[Einsum('i')]", "[Einsum(\"ij,jk\", \"ik\")]", "[Einsum(Sizes = \"i=2\")]", "[Einsum(\"ij,jk->ik\", Sizes = null)]",
            "[Einsum(\"ij,jk->ik\", Sizes = \"\")]", "[Einsum(\"ij,jk->ik\", Accumulate = true, Accumulate = false)]", "[Einsum(\"ij,jk->ik\", Unknown = 1)]",
            "[Einsum(nameof(Kernel))]", "[Einsum($\"ij,jk\")]", "[Einsum(\"ij,\" + \"jk->ik\")]", "[TensorGen.Einsum(\"ij,jk->ik\")]",
            "[global::TensorGen.EinsumAttribute(\"ij,jk->ik\")]", "[Einsum(\"ij,jk->ik\"), Einsum(\"ij,jk->ik\")]", "[Einsum(\"ij,jk->ik\")]\n[Einsum(\"ji,kj->ki\")]",
            "[Einsum(\"ij,jk->ik\", Accumulate = Flag)]", "[Einsum(Expression)]", "[Einsum(\"\\uD800\")]", "[Einsum(\"ij,j\\0k->ik\")]", "[Einsum(\"\"\"\n  ij,jk->ik\n  \"\"\")]",
            "[Einsum(@\"ij,\njk->ik\")]", "[Einsum(\"ij,jk->ik\", Sizes = \"i=\" + \"2,j=2,k=2\")]", "[Einsum(\"ij,jk->ik\", Accumulate = 1)]",
        ];
        string declaration = random.Next(6) switch
        {
            0 => FuzzText.Pick(random, attributes) + "\npublic partial class Target { }",
            1 => "[return: Einsum(\"ij,jk->ik\")]\n" + method,
            2 => "public static void Host() { [Einsum(\"ij,jk->ik\")] static void Local() { } Local(); }",
            3 => "[Einsum(\"ij,jk->ik\")]\npublic static int Property { get; }",
            _ => FuzzText.Pick(random, attributes) + "\n" + method,
        };
        return Type([declaration, "private const string Expression = \"ij,jk->ik\";", "private static readonly bool Flag = true;"]);
    }

    private static string AwkwardNames(Random random)
    {
        string[] names =
        [
            "@class", "@int", "@event", "var", "value", "global", "nameof", "await", "async", "dynamic", "record", "file", "scoped", "required",
            "binding", "sum", "t1", "t1Length", "x0Data", "resultData", "i", "j", "k", "s_kernelProgram", "Kernel", "Kernels", "T", "result",
            "\\u0061b", "ñandú", "日本", "ǅx", "a\u0301", "a\u200Db", "_", "__", "𝐀", new string('L', 600), "Ä", "ä",
        ];
        string Name() => FuzzText.Pick(random, names);
        bool isStatic = random.Next(2) == 0;
        string element = Element(random);
        string input = isStatic ? $"ReadOnlySpan<{element}>" : $"ReadOnlyTensorSpan<{element}>";
        string result = isStatic ? $"Span<{element}>" : $"TensorSpan<{element}>";
        var members = new List<string>();
        string expression = FuzzText.Pick(random, ["ij,jk->ik", "ab,bc,cd->ad", "ii,ij->j", "iк,кj->ij", "ij,jk", "ij,jk,kl->il"]);
        int operands = ExpressionGrammar.TryParse(expression)!.Inputs.Count;
        string? sizes = isStatic ? SizesFor(random, expression, () => (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture)) : null;
        string attribute = Attribute(random, expression, sizes, random.Next(3) == 0, members);
        string methodName = Name();
        string[] parameterNames = Enumerable.Range(0, operands + 1).Select(_ => Name()).ToArray();
        if (random.Next(4) == 0)
        {
            // The name the dynamic form's program field gets: s_ + the method's name with a lower-case first letter + Program.
            string bare = methodName.TrimStart('@');
            parameterNames[random.Next(parameterNames.Length)] = "s_" + bare[..1].ToLowerInvariant() + bare[1..] + "Program";
        }

        string parameters = string.Join(", ", parameterNames.Select((name, n) => (n < operands ? input : result) + " " + name));
        members.Add(Method(attribute, parameters, name: methodName));
        if (random.Next(3) == 0)
        {
            // A sibling with the same name in another case, or an overload.
            members.Add(Method(Attribute(random, "ij->ji", null, false, members), $"ReadOnlyTensorSpan<double> a, TensorSpan<double> b", name: Name()));
        }

        return Type(members, $"public static partial class {Name()}");
    }

    private static string Containers(Random random)
    {
        string[] kinds =
        [
            "partial class", "static partial class", "partial struct", "readonly partial struct", "ref partial struct", "partial record",
            "partial record struct", "partial interface", "abstract partial class", "sealed partial class", "unsafe partial class", "class",
            "file partial class", "struct", "readonly ref partial struct",
        ];
        string[] names = ["Outer", "Inner", "var", "System", "TensorGen", "Span", "ReadOnlySpan", "ArrayPool", "Runtime", "global", "K", "i"];
        string[] typeParameters = ["", "", "<T>", "<T, U>", "<i, sum>", "<binding>", "<in T>", "<out T>", "<T> where T : unmanaged"];
        bool isStatic = random.Next(2) == 0;
        string expression = RandomExpressions.Next(random, maxOperands: 3, maxRank: 3, allowEllipsis: !isStatic);
        var members = new List<string>();
        string? sizes = isStatic ? SizesFor(random, expression, () => (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture)) : null;
        string attribute = Attribute(random, expression, sizes, false, members);
        members.Add(Method(attribute, Parameters(ExpressionGrammar.TryParse(expression)!.Inputs.Count, Element(random), isStatic)));
        if (random.Next(4) == 0)
        {
            members.Add(FuzzText.Pick(random, ["private static readonly int s_kernelProgram = 1;", "private static int binding;", "public class var { }",
                "private class Span<T> { }", "public static void Bind() { }", "private const int t1 = 1;"]));
        }

        string body = Type(members, "public " + FuzzText.Pick(random, kinds) + " " + FuzzText.Pick(random, names) + FuzzText.Pick(random, typeParameters));
        int depth = random.Next(4);
        for (int level = 0; level < depth; level++)
        {
            body = Type([body], "public " + FuzzText.Pick(random, kinds) + " " + FuzzText.Pick(random, names) + level.ToString(CultureInfo.InvariantCulture)
                + FuzzText.Pick(random, typeParameters));
        }

        return random.Next(5) == 0 ? "namespace Inner.@class\n{\n" + body + "\n}" : body;
    }
}
