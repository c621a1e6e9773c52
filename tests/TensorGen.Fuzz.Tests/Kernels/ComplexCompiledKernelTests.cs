using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using TensorGen.Fuzz.Tests.Grammar;
using TensorGen.Generator.Tests;
using TensorGen.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Random valid [Einsum] declarations over System.Numerics.Complex, both forms (random expressions with diagonals, sums,
/// outer products and implicit output; random sizes including 0 and 1), generated and compiled while the test runs, called on
/// random complex operands and compared with the plain-loop complex reference: within 1e-12 of the einsum of the moduli.
/// </summary>
public class ComplexCompiledKernelTests(ITestOutputHelper output)
{
    private const int PerForm = 30;

    [Fact]
    public void Random_complex_declarations_of_both_forms_compute_the_reference()
    {
        output.WriteLine(FuzzSettings.SeedLine);
        var random = new Random(FuzzSettings.Seed ^ 0x5eed);
        var declarations = new List<(string Expression, Dictionary<string, int> Sizes, bool IsStatic, bool Accumulate)>();
        for (int k = 0; k < 2 * PerForm; k++)
        {
            string expression = RandomExpressions.Next(random, maxOperands: 4, maxRank: 4, allowEllipsis: false);
            var sizes = ExpressionGrammar.TryParse(expression)!.Letters.ToDictionary(l => l, _ => random.Next(10) switch
            {
                0 => 0,
                < 3 => 1,
                _ => 2 + random.Next(4),
            });
            declarations.Add((expression, sizes, k >= PerForm, random.Next(4) == 0));
        }

        Type compiled = Compile(declarations);
        var failures = new List<string>();
        for (int k = 0; k < declarations.Count; k++)
        {
            var (expression, sizes, isStatic, accumulate) = declarations[k];
            ParsedExpression parsed = ExpressionGrammar.TryParse(expression)!;
            ComplexRefArray[] inputs = parsed.Inputs.Select(t => RandomArray(t, sizes, random)).ToArray();
            ComplexRefArray expected = ReferenceEinsum.Evaluate(parsed.Explicit, inputs);
            RefArray magnitude = ReferenceEinsum.Evaluate(parsed.Explicit, inputs.Select(i => i.Moduli()).ToArray());
            ComplexRefArray before = RandomArray(parsed.Output, sizes, random);
            Complex[] result = (Complex[])before.Data.Clone(); // a scalar is one element, as the spans take it

            object[] arguments = isStatic
                ? [inputs.Select(i => i.Data).Append(result).ToArray()]
                : [inputs.Select(i => i.Data).Append(result).ToArray(), inputs.Select(i => Lengths(i.Shape)).Append(Lengths(expected.Shape)).ToArray()];
            compiled.GetMethod("Call" + k.ToString(CultureInfo.InvariantCulture))!.Invoke(null, arguments);

            Complex[] wanted = accumulate ? expected.Data.Zip(before.Data, (e, b) => e + b).ToArray() : expected.Data;
            RefArray scale = accumulate ? magnitude with { Data = magnitude.Data.Zip(before.Data, (m, b) => m + Complex.Abs(b)).ToArray() } : magnitude;
            string? difference = new ComplexRefArray(wanted, expected.Shape).FirstDifference(new ComplexRefArray(result, expected.Shape), 1e-12, scale);
            if (difference is not null)
            {
                failures.Add($"K{k} \"{expression}\" ({(isStatic ? "static" : "dynamic")}, sizes {string.Join(",", sizes.Select(s => s.Key + "=" + s.Value))}, accumulate {accumulate}): {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {declarations.Count} ({FuzzSettings.SeedLine}):\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>One source with every declaration and a wrapper per kernel that builds its spans (dense, row-major) from arrays.</summary>
    private static Type Compile(List<(string Expression, Dictionary<string, int> Sizes, bool IsStatic, bool Accumulate)> declarations)
    {
        const string t = "System.Numerics.Complex";
        var source = new StringBuilder("using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic static partial class CompiledComplex\n{\n");
        for (int k = 0; k < declarations.Count; k++)
        {
            var (expression, sizes, isStatic, accumulate) = declarations[k];
            int n = ExpressionGrammar.TryParse(expression)!.Inputs.Count;
            string sizesText = string.Join(",", sizes.Select(s => s.Key + "=" + s.Value.ToString(CultureInfo.InvariantCulture)));
            source.Append($"[Einsum({Generator.StringLiterals.Escaped(expression)}")
                .Append(isStatic ? $", Sizes = \"{sizesText}\"" : string.Empty).Append(accumulate ? ", Accumulate = true" : string.Empty).Append(")]\n");
            if (isStatic)
            {
                source.Append($"private static partial void K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"ReadOnlySpan<{t}> x{i}").Append($"Span<{t}> result"))).Append(");\n")
                    .Append($"public static void Call{k}({t}[][] s) => K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n + 1).Select(i => $"s[{i}]"))).Append(");\n\n");
            }
            else
            {
                source.Append($"private static partial void K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"ReadOnlyTensorSpan<{t}> x{i}").Append($"TensorSpan<{t}> result"))).Append(");\n")
                    .Append($"public static void Call{k}({t}[][] s, nint[][] l) => K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"new ReadOnlyTensorSpan<{t}>(s[{i}], l[{i}])")
                        .Append($"new TensorSpan<{t}>(s[{n}], l[{n}])"))).Append(");\n\n");
            }
        }

        GeneratorOutcome outcome = GeneratorHarness.Run(source.Append("}\n").ToString());
        Assert.True(outcome.GeneratorDiagnostics.Count == 0 && outcome.CompilationProblems.Count == 0,
            "Random complex declarations did not compile:\n" + string.Join("\n", outcome.GeneratorDiagnostics.Concat(outcome.CompilationProblems).Take(10)));
        return outcome.Load().GetType("CompiledComplex")!;
    }

    /// <summary>A dense row-major operand of the term's shape (a scalar is one element); parts are multiples of 1/1000 in [−2, 2).</summary>
    private static ComplexRefArray RandomArray(Term term, Dictionary<string, int> sizes, Random random)
    {
        int[] shape = term.Labels.Select(l => sizes[l]).ToArray();
        int count = shape.Aggregate(1, (p, s) => p * s);
        return new ComplexRefArray(Enumerable.Range(0, count)
            .Select(_ => new Complex(Math.Round((random.NextDouble() * 4) - 2, 3), Math.Round((random.NextDouble() * 4) - 2, 3))).ToArray(), shape);
    }

    /// <summary>A tensor span's lengths: a scalar is [1] (System.Numerics.Tensors has no rank-0 span).</summary>
    private static nint[] Lengths(int[] shape) => shape.Length == 0 ? [1] : shape.Select(s => (nint)s).ToArray();
}
