using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using TensorGen.Fuzz.Tests.Grammar;
using TensorGen.Generator.Tests;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>
/// Random valid declarations of both forms (random expressions, random sizes including 0 and 1), generated and compiled
/// while the tests run (CSharpGeneratorDriver, as the generator tests do) and loaded, so the emitters are fuzzed on far more
/// expressions than any project declares. Each kernel gets a wrapper that builds its spans from arrays.
/// </summary>
internal static class CompiledKernels
{
    public const string DynamicFamily = "generated dynamic form (random declarations compiled by the test)";

    public const string StaticFamily = "generated static form (random declarations compiled by the test)";

    private const int PerForm = 40;

    private static readonly Lazy<(FuzzKernel[] Dynamic, FuzzKernel[] Static)> s_kernels = new(Compile);

    public static IReadOnlyList<FuzzKernel> Dynamic => s_kernels.Value.Dynamic;

    public static IReadOnlyList<FuzzKernel> Static => s_kernels.Value.Static;

    private static (FuzzKernel[] Dynamic, FuzzKernel[] Static) Compile()
    {
        var random = new Random(FuzzSettings.Seed);
        var declarations = new List<(string Expression, string? Sizes, bool IsDouble, bool Accumulate)>();
        for (int k = 0; k < 2 * PerForm; k++)
        {
            bool isStatic = k >= PerForm;
            string expression = RandomExpressions.Next(random, maxOperands: 4, maxRank: 4, allowEllipsis: !isStatic);
            string? sizes = null;
            if (isStatic)
            {
                sizes = string.Join(",", ExpressionGrammar.TryParse(expression)!.Letters.Select(l => l + "=" + (random.Next(10) switch
                {
                    0 => 0,
                    < 3 => 1,
                    _ => 2 + random.Next(3),
                }).ToString(CultureInfo.InvariantCulture)));
            }

            declarations.Add((expression, sizes, random.Next(2) == 0, random.Next(5) == 0));
        }

        var source = new StringBuilder("using System;\nusing System.Numerics.Tensors;\nusing TensorGen;\n\npublic static partial class Compiled\n{\n");
        for (int k = 0; k < declarations.Count; k++)
        {
            var (expression, sizes, isDouble, accumulate) = declarations[k];
            string t = isDouble ? "double" : "float";
            int n = ExpressionGrammar.TryParse(expression)!.Inputs.Count;
            string attribute = $"[Einsum({Generator.StringLiterals.Escaped(expression)}" + (sizes is null ? string.Empty : $", Sizes = \"{sizes}\"")
                + (accumulate ? ", Accumulate = true" : string.Empty) + ")]";
            if (sizes is null)
            {
                source.Append(attribute).Append($"\nprivate static partial void K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"ReadOnlyTensorSpan<{t}> x{i}").Append($"TensorSpan<{t}> result"))).Append(");\n");
                source.Append($"public static void Call{k}({t}[][] s, int[] o, nint[][] l, nint[][] d) => K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"new ReadOnlyTensorSpan<{t}>(s[{i}].AsSpan(o[{i}]), l[{i}], d[{i}])")
                        .Append($"new TensorSpan<{t}>(s[{n}].AsSpan(o[{n}]), l[{n}], d[{n}])"))).Append(");\n\n");
            }
            else
            {
                source.Append(attribute).Append($"\nprivate static partial void K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"ReadOnlySpan<{t}> x{i}").Append($"Span<{t}> result"))).Append(");\n");
                source.Append($"public static void Call{k}({t}[][] s, int[] o, int[] l) => K{k}(")
                    .Append(string.Join(", ", Enumerable.Range(0, n).Select(i => $"new ReadOnlySpan<{t}>(s[{i}], o[{i}], l[{i}])")
                        .Append($"new Span<{t}>(s[{n}], o[{n}], l[{n}])"))).Append(");\n\n");
            }
        }

        GeneratorOutcome outcome = GeneratorHarness.Run(source.Append("}\n").ToString());
        if (outcome.CompilationProblems.Count > 0)
        {
            throw new InvalidOperationException("Random valid declarations did not compile:\n" + string.Join("\n", outcome.CompilationProblems.Take(10)));
        }

        Type compiled = outcome.Load().GetType("Compiled")!;
        var kernels = declarations.Select((d, k) => d.IsDouble
            ? Kernel<double>(compiled.GetMethod("Call" + k.ToString(CultureInfo.InvariantCulture))!, k, d.Expression, d.Sizes, d.Accumulate)
            : Kernel<float>(compiled.GetMethod("Call" + k.ToString(CultureInfo.InvariantCulture))!, k, d.Expression, d.Sizes, d.Accumulate)).ToArray();
        return (kernels[..PerForm], kernels[PerForm..]);
    }

    private static FuzzKernel Kernel<T>(MethodInfo call, int k, string expression, string? sizes, bool accumulate)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        string name = "K" + k.ToString(CultureInfo.InvariantCulture);
        if (sizes is null)
        {
            var run = call.CreateDelegate<Action<T[][], int[], nint[][], nint[][]>>();
            return new FuzzKernel<T>(DynamicFamily, name, expression, KernelForm.Dynamic, a =>
            {
                var all = a.Inputs.Append(a.Result!).ToArray();
                run(all.Select(t => t.Storage).ToArray(), all.Select(t => t.Offset).ToArray(), all.Select(t => t.Lengths).ToArray(), all.Select(t => t.Strides).ToArray());
            }, accumulate);
        }

        var runStatic = call.CreateDelegate<Action<T[][], int[], int[]>>();
        return new FuzzKernel<T>(StaticFamily, name, expression, KernelForm.Static, a =>
        {
            var all = a.Inputs.Append(a.Result!).ToArray();
            runStatic(all.Select(t => t.Storage).ToArray(), all.Select(t => t.Offset).ToArray(), all.Select(t => t.Reach).ToArray());
        }, accumulate, KernelFamilies.ParseSizes(sizes));
    }
}
