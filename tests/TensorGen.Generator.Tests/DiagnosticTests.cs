using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// One test per TG diagnostic: the id, where it points (the offending character of the expression, the Sizes
/// entry, the parameter or the method), that the generator did not throw (no CS8785), and that a declaration
/// that can still be implemented gets a throwing body instead of a CS8795 cascade.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Numerics.Tensors;
        using TensorGen;

        """;

    private static string InType(string members) => Usings + "public partial class Kernels\n{\n" + members + "\n}\n";

    [Theory]
    [InlineData("""[Einsum("ij,j[|#|]->i")]""")]
    [InlineData("""[Einsum(@"ij,j[|#|]->i")]""")]
    [InlineData(""""[Einsum("""ij,j[|#|]->i""")]"""")]
    [InlineData("""[Einsum(expression: "ij,j[|#|]->i")]""")]
    [InlineData("""[Einsum("ij,j[|-|]i")]""")]
    [InlineData("""[Einsum([|"ij,j\u0023->i"|])]""")] // an escape: the literal's characters no longer map, so the whole literal
    [InlineData("""[Einsum([|Expression|])]""")] // a constant: the whole argument
    [InlineData("""[Einsum([|"ij,j\uD800->i"|])]""")] // a lone surrogate (found by the fuzzer: it was TG9999)
    public void TG0001_malformed_expression_points_at_the_character(string attribute)
    {
        string members = "private const string Expression = \"ij,j#->i\";\n" + attribute
            + "\npublic static partial void F(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);";
        Diagnostic diagnostic = AssertSingle(InType(members), "TG0001");
        Assert.Contains("position 4", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0002_operand_count_points_at_the_method()
    {
        Diagnostic diagnostic = AssertSingle(InType("""
            [Einsum("ij,jk->ik")]
            public static partial void [|MatMul|](ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            """), "TG0002");
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("2 operands", message, StringComparison.Ordinal);
        Assert.Contains("2 parameters", message, StringComparison.Ordinal);
        Assert.Contains("3 expected", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TG0003_unsupported_element_type_points_at_the_parameter_type() =>
        AssertSingle(InType("""
            [Einsum("ij,jk->ik")]
            public static partial void MatMul(ReadOnlyTensorSpan<float> a, [|ReadOnlyTensorSpan<int>|] b, TensorSpan<float> result);
            """), "TG0003");

    [Fact]
    public void TG0004_mixed_element_types_points_at_the_first_parameter_that_differs() =>
        AssertSingle(InType("""
            [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
            public static partial void MatMul(ReadOnlySpan<float> a, [|ReadOnlySpan<double>|] b, Span<float> result);
            """), "TG0004");

    [Theory]
    [InlineData("[Einsum(\"ij,jk->ik\")]", "[|ReadOnlySpan<float>|] a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result", "dynamic form")]
    [InlineData("[Einsum(\"ij,jk->ik\", Sizes = \"i=2,j=2,k=2\")]", "ReadOnlySpan<float> a, ReadOnlySpan<float> b, [|TensorSpan<float>|] result", "static form")]
    [InlineData("[Einsum(\"ij,jk->ik\")]", "ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, [|ReadOnlyTensorSpan<float>|] result", "read-only")]
    [InlineData("[Einsum(\"ij,jk->ik\")]", "ReadOnlyTensorSpan<float> a, [|float[]|] b, TensorSpan<float> result", "dynamic form")]
    [InlineData("[Einsum(\"ij,jk->ik\", Sizes = \"i=2,j=2,k=2\")]", "[|Span<float>|] a, ReadOnlySpan<float> b, Span<float> result", "only read")]
    [InlineData("[Einsum(\"ij,jk->ik\")]", "[|ref ReadOnlyTensorSpan<float> a|], ReadOnlyTensorSpan<float> b, TensorSpan<float> result", "'ref'")]
    [InlineData("[Einsum(\"ij,jk->ik\")]", "ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, [|out TensorSpan<float> result|]", "'out'")]
    public void TG0005_wrong_parameter_kind_points_at_the_parameter(string attribute, string parameters, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType($"{attribute}\npublic static partial void MatMul({parameters});"), "TG0005");
        Assert.Contains(explanation, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public partial void [|F|](ReadOnlyTensorSpan<float> a, TensorSpan<float> result);", true)]
    [InlineData("public static partial int [|F|](ReadOnlyTensorSpan<float> a, TensorSpan<float> result);", true)]
    [InlineData("public static partial void [|F|]<T>(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);", false)]
    [InlineData("public static void [|F|](ReadOnlyTensorSpan<float> a, TensorSpan<float> result) { }", false)]
    [InlineData("public static partial void [|F|](ReadOnlyTensorSpan<float> a, TensorSpan<float> result);\npublic static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result) { }", false)]
    public void TG0006_not_static_partial_void_points_at_the_method(string declaration, bool implemented)
    {
        string source = InType("[Einsum(\"ij->ji\")]\n" + declaration);
        AssertSingle(source, "TG0006", expectImplementation: implemented);
    }

    /// <summary>
    /// Generator fuzz regression (seed 20250601: D636, D4137, D5073, D8237, D9152): an extern partial method is itself the implementing
    /// declaration (C# 9), and the throwing body written for it was a second one (CS0757). It counts as implemented, for every kind.
    /// </summary>
    [Theory]
    [InlineData("[Einsum(\"ij->ji\")]", "void", "ReadOnlyTensorSpan<float> a, TensorSpan<float> result", "TG0006")]
    [InlineData("[SphericalHarmonics(\"0e+1o\")]", "void", "ReadOnlyTensorSpan<double> vectors, TensorSpan<double> output", "TG0108")]
    [InlineData("[TensorTrainKernel(TensorTrainOperation.Norm, Order = 2)]", "double", "TensorGen.Decompositions.TensorTrain<double> x", "TG0209")]
    public void An_extern_partial_method_is_already_implemented(string attribute, string returns, string parameters, string id)
    {
        var (source, span) = Markup.Parse(InType($"{attribute}\npublic static extern partial {returns} [|F|]({parameters});"));
        GeneratorOutcome outcome = GeneratorHarness.RunAll(source);

        Assert.All(outcome.Result.Results, r => Assert.Null(r.Exception));
        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Contains("already has a body", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(outcome.Sources);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS0757");
    }

    [Fact]
    public void TG0005_arglist_points_at_the_method_and_the_throwing_body_keeps_it() =>
        AssertSingle(InType("""
            [Einsum("ij,jk->ik")]
            public static partial void [|MatMul|](ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result, __arglist);
            """), "TG0005");

    [Fact]
    public void A_pointer_parameter_in_an_unsafe_type_gets_TG0005_and_a_throwing_body_that_compiles()
    {
        // Found by the fuzzer: the generated part of the type lacked 'unsafe', so the repeated signature did not compile (CS0214).
        var (source, span) = Markup.Parse(Usings + """
            public static unsafe partial class Kernels
            {
                [Einsum("ij->ji")]
                public static partial void F([|float*|] a, TensorSpan<float> result);
            }
            """);
        var compilation = GeneratorHarness.CreateCompilation(source);

        GeneratorOutcome outcome = GeneratorHarness.Run(compilation.WithOptions(compilation.Options.WithAllowUnsafe(true)));

        AssertLocatedAt(outcome, source, span, "TG0005");
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("TG", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_wrong_parameter_type_nested_in_types_that_shadow_type_parameters_gets_no_body_that_cannot_compile()
    {
        // Found by the fuzzer: 'Span<float>' below is Outer<T>.Inner<T>.Span<float>, which generated code cannot name (the outer
        // T is hidden), so the throwing body did not match the declaration (CS0759). Without a body the compiler adds CS8795.
        string source = Usings + """
            public partial class Outer<T>
            {
            #pragma warning disable CS0693
                public partial class Inner<T>
            #pragma warning restore CS0693
                {
                    public class Span<U> { }

                    [Einsum("i->i")]
                    public static partial void F(ReadOnlyTensorSpan<float> a, Span<float> result);
                }
            }
            """;

        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Contains(outcome.GeneratorDiagnostics, d => d.Id == "TG0005");
        Assert.Empty(outcome.Sources);
        Assert.Equal(["CS8795"], outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("TG", StringComparison.Ordinal)).Select(d => d.Id));
    }

    [Fact]
    public void A_method_outside_any_type_is_left_to_the_compiler()
    {
        // Found by the fuzzer: the method's synthesized container named the generated file "<invalid-global-code>", which
        // Roslyn refused as a hint name (TG9999).
        GeneratorOutcome outcome = GeneratorHarness.Run(Usings + """
            namespace N;

            [Einsum("ij->ji")]
            public static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            """);

        Assert.Null(outcome.Result.Results.Single().Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.Sources);
        Assert.Contains(outcome.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TG0006_containing_type_not_partial_points_at_the_type() =>
        AssertSingle(Usings + """
            public partial class Outer
            {
                public class [|Plain|]
                {
                    [Einsum("ij->ji")]
                    public static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
                }
            }
            """, "TG0006", expectImplementation: false);

    [Fact]
    public void TG0007_output_index_absent_from_the_inputs_points_at_it() =>
        AssertSingle(InType("""
            [Einsum("ij->i[|k|]")]
            public static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            """), "TG0007");

    [Fact]
    public void TG0008_repeated_output_index_points_at_the_repeat() =>
        AssertSingle(InType("""
            [Einsum("ij->i[|i|]")]
            public static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            """), "TG0008");

    [Theory]
    [InlineData("TG0009", "\"i=3,[|j|]\"")]
    [InlineData("TG0009", "\"i=3,[|j=x|]\"")]
    [InlineData("TG0010", "[|\"i=3\"|]")]
    [InlineData("TG0011", "\"i=3,[|i=4|],j=2\"")]
    [InlineData("TG0012", "\"i=3,j=3,[|k=3|]\"")]
    [InlineData("TG0013", "\"[|i=-3|],j=3\"")]
    [InlineData("TG0014", "\"i=3,[|j=3000000000|]\"")]
    [InlineData("TG0014", "[|\"i=50000,j=50000\"|]")]
    public void Sizes_problems_point_at_the_entry_or_the_Sizes_argument(string id, string sizes) =>
        AssertSingle(InType($"[Einsum(\"ij->ij\", Sizes = {sizes})]\npublic static partial void F(ReadOnlySpan<double> a, Span<double> result);"), id);

    [Fact]
    public void TG0014_a_planned_FLOP_count_beyond_2_to_the_63_points_at_the_Sizes_argument()
    {
        // Every operand, the intermediate and the result hold fewer than 2^31 elements, but each of the path's two steps
        // (ab,cd->ac then ac,ef->ac) costs about 2·2^62 ≈ 9.2·10^18 FLOPs: 1.8·10^19 in all. (The planner would sum b, d
        // and f out of their operands first, for a few 10^9 FLOPs; the explicit path keeps the outer products.)
        Diagnostic diagnostic = AssertSingle(InType("""
            [Einsum("ab,cd,ef->ac", Path = "[(0, 1), (0, 1)]", Sizes = [|"a=46340,b=46340,c=46340,d=46340,e=7,f=306783378"|])]
            public static partial void F(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> result);
            """), "TG0014");
        Assert.Contains("e+19 FLOPs, more than 2^63", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0015_ellipsis_in_the_static_form_points_at_the_ellipsis() =>
        AssertSingle(InType("""
            [Einsum("[|...|]ij->...i", Sizes = "i=2,j=2")]
            public static partial void F(ReadOnlySpan<double> a, Span<double> result);
            """), "TG0015");

    [Theory]
    [InlineData("Path = \"[(0, 1), ([|x|], 1)]\"", "position 10")]
    [InlineData("Path = \"[(0, 1), [|(0, 1, 2)|]]\"", "names 3 positions")]
    [InlineData("Path = [|\"[(0, 5), (0, 1)]\"|]", "outside the 3 operands left")]
    [InlineData("Path = [|\"[(0, 1)]\"|]", "leaves 2 operands")]
    [InlineData("Path = [|\"[(0, 1), (1,), (0, 1)]\"|]", "unary step on an intermediate")]
    public void TG0016_invalid_path_points_at_the_path(string option, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType($"[Einsum(\"ij,jk,kl->il\", {option})]\n"
            + "public static partial void F(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, ReadOnlyTensorSpan<float> c, TensorSpan<float> result);"),
            "TG0016");
        Assert.Contains(explanation, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Einsum(\"ij,jk->ik\", SizeHints = \"i=chi,[|q=4|]\")]", "does not use")]
    [InlineData("[Einsum(\"ij,jk->ik\", SizeHints = \"i=chi,[|j=chi^x|]\")]", "power")]
    [InlineData("[Einsum(\"ij,jk->ik\", SizeHints = \"i=2,[|i=3|]\")]", "twice")]
    public void TG0017_malformed_size_hints_points_at_the_entry(string attribute, string explanation)
    {
        Diagnostic diagnostic = AssertSingle(InType(attribute
            + "\npublic static partial void F(ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);"), "TG0017");
        Assert.Contains(explanation, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG0017_size_hints_in_the_static_form_points_at_the_hints() =>
        AssertSingle(InType("""
            [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2", SizeHints = [|"i=chi"|])]
            public static partial void F(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result);
            """), "TG0017");

    [Theory]
    [InlineData("[|Strategy = (ContractionStrategy)42|]", false, "not a ContractionStrategy")]
    [InlineData("[|Minimize = (ContractionObjective)7|]", false, "not a ContractionObjective")]
    [InlineData("[|MemoryLimit = -1|]", true, "above 0")]
    [InlineData("[|MemoryLimit = 100|]", false, "static form")]
    [InlineData("[|PlanningTimeLimit = 0.0|]", false, "above 0")]
    [InlineData("[|PlanningTimeLimit = 3600.0|]", false, "at most 60")]
    [InlineData("[|Replan = true|]", true, "dynamic form")]
    [InlineData("[|PinOrder = true|]", true, "dynamic form")]
    [InlineData("Replan = true, [|PinOrder = true|]", false, "contradict")]
    [InlineData("Path = \"[(0, 1)]\", [|PinOrder = true|]", false, "no effect with Path")]
    [InlineData("Path = \"[(0, 1)]\", [|Strategy = ContractionStrategy.Greedy|]", false, "no effect with Path")]
    [InlineData("Path = \"[(0, 1)]\", [|Minimize = ContractionObjective.Size|]", true, "no effect with Path")]
    public void TG0018_invalid_planning_option_points_at_the_option(string option, bool isStatic, string explanation)
    {
        string attribute = isStatic ? $"[Einsum(\"ij,jk->ik\", Sizes = \"i=2,j=2,k=2\", {option})]" : $"[Einsum(\"ij,jk->ik\", {option})]";
        string parameters = isStatic
            ? "ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result"
            : "ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result";
        Diagnostic diagnostic = AssertSingle(InType($"{attribute}\npublic static partial void F({parameters});"), "TG0018");
        Assert.Contains(explanation, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TG9999_an_exception_while_emitting_becomes_a_diagnostic_not_CS8785()
    {
        var (source, span) = Markup.Parse(InType("""
            [Einsum("ij,jk->ik")]
            public static partial void [|MatMul|](ReadOnlyTensorSpan<float> a, ReadOnlyTensorSpan<float> b, TensorSpan<float> result);
            """));
        var generator = new EinsumGenerator(_ => throw new InvalidOperationException("injected failure"));

        GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source), generator);

        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, "TG9999");
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Kernels.MatMul", message, StringComparison.Ordinal);
        Assert.Contains("injected failure", message, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8795");
    }

    [Fact]
    public void An_attribute_that_does_not_compile_is_left_to_the_compiler_without_a_CS8795_cascade()
    {
        string source = InType("""
            [Einsum(42)]
            public static partial void F(ReadOnlyTensorSpan<float> a, TensorSpan<float> result);
            """);

        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Result.Results.Single().Exception);
        Assert.Empty(outcome.GeneratorDiagnostics);
        var errors = outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains("CS1503", errors);
        Assert.DoesNotContain("CS8795", errors);
    }

    [Fact]
    public void Every_problem_of_a_declaration_is_reported_at_once()
    {
        string source = InType("""
            [Einsum("ij,jk->ik", Sizes = "i=2,j=2,k=2")]
            public partial void F(ReadOnlyTensorSpan<float> a, ReadOnlySpan<int> b, Span<float> result);
            """);

        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Assert.Equal(new[] { "TG0003", "TG0005", "TG0006" }, outcome.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public void Descriptors_are_errors_in_category_TensorGen_with_help_text()
    {
        foreach (DiagnosticDescriptor descriptor in TensorGen.Diagnostics.DiagnosticDescriptors.ById.Values)
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.Equal("TensorGen", descriptor.Category);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Every descriptor is documented in docs/diagnostics.md, and every documented id exists.
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        var documented = System.Text.RegularExpressions.Regex.Matches(docs, @"^\| (TG\d{4}) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        var declared = TensorGen.Diagnostics.DiagnosticDescriptors.ById.Keys.ToHashSet();
        Assert.Equal(documented.OrderBy(id => id), declared.OrderBy(id => id));
    }

    [Fact]
    public void Every_descriptor_links_to_its_row_in_the_diagnostics_reference()
    {
        // The IDE's link on a TG id opens its row of docs/diagnostics.md: the anchor must be there, one per id.
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        Assert.StartsWith("https://", TensorGen.Diagnostics.DescriptorFactory.DocumentationUri, StringComparison.Ordinal);
        Assert.EndsWith("/docs/diagnostics.md", TensorGen.Diagnostics.DescriptorFactory.DocumentationUri, StringComparison.Ordinal);
        foreach (var (id, descriptor) in TensorGen.Diagnostics.DiagnosticDescriptors.ById)
        {
            string anchor = id.ToLowerInvariant();
            Assert.Equal(TensorGen.Diagnostics.DescriptorFactory.DocumentationUri + "#" + anchor, descriptor.HelpLinkUri);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(docs, $@"^\| {id} \| <a id=""{anchor}""></a>", System.Text.RegularExpressions.RegexOptions.Multiline));
        }
    }

    [Fact]
    public void Every_diagnostic_id_of_every_family_is_in_the_one_table()
    {
        // An id missing from DiagnosticDescriptors.ById would reach users as TG9999 ("internal error") instead of itself.
        var ids = typeof(EinsumGenerator).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("DiagnosticIds", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Field: f.DeclaringType!.Name + "." + f.Name, Id: (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.True(ids.Count >= 40, $"found only {ids.Count} ids");
        Assert.All(ids, id => Assert.True(TensorGen.Diagnostics.DiagnosticDescriptors.ById.ContainsKey(id.Id), $"{id.Field} ({id.Id}) has no descriptor"));
        Assert.Equal(ids.Count, ids.Select(id => id.Id).Distinct().Count());
    }

    private static string RepositoryRoot()
    {
        var directory = new System.IO.DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "TensorGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TensorGen.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs the generator on marked-up source and checks the one diagnostic it reports.</summary>
    private static Diagnostic AssertSingle(string markup, string id, bool expectImplementation = true)
    {
        var (source, span) = Markup.Parse(markup);
        GeneratorOutcome outcome = GeneratorHarness.Run(source);

        Diagnostic diagnostic = AssertLocatedAt(outcome, source, span, id);
        Assert.Single(outcome.GeneratorDiagnostics);
        if (expectImplementation)
        {
            // The declaration got a body that throws, so the compiler adds no "no implementation" error.
            Assert.Single(outcome.Sources);
            Assert.DoesNotContain(outcome.Output.GetDiagnostics(), d => d.Id == "CS8795");
            Assert.Contains("global::System.NotSupportedException(\"" + id, outcome.Sources[0].SourceText.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(outcome.Sources);
        }

        return diagnostic;
    }

    private static Diagnostic AssertLocatedAt(GeneratorOutcome outcome, string source, TextSpan span, string id)
    {
        Assert.Null(outcome.Result.Results.Single().Exception);
        Assert.DoesNotContain(outcome.DriverDiagnostics, d => d.Id == "CS8785");

        Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);

        FileLinePositionSpan lines = diagnostic.Location.GetLineSpan();
        SourceText text = SourceText.From(source);
        Assert.Equal("/src/File0.cs", lines.Path);
        Assert.Equal(text.Lines.GetLinePositionSpan(span), lines.Span);
        return diagnostic;
    }
}
