using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TensorGen.Runtime;
using Xunit;

namespace TensorGen.EndToEnd.Tests;

/// <summary>
/// The step layouts that the generator wrote as constants into the static kernels (the <c>StepLayout[]</c> fields of
/// <see cref="StaticKernels"/>) equal what <see cref="EinsumProgram.BindDense"/> computes at run time for the same
/// expression, path and shapes: the rendering, not only the computation, is checked.
/// </summary>
public class CompileTimeLayoutTests
{
    private static readonly FieldInfo[] LayoutFields = typeof(StaticKernels)
        .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(StepLayout[]))
        .ToArray();

    public static IEnumerable<object[]> FieldNames() => LayoutFields.Select(f => new object[] { f.Name });

    [Fact]
    public void The_static_kernels_with_engine_steps_carry_constant_layouts() =>
        Assert.Contains(LayoutFields, f => f.Name == "s_matMulEngineProgram");

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Constant_layouts_equal_the_runtimes_binding(string fieldName)
    {
        FieldInfo field = LayoutFields.Single(f => f.Name == fieldName);
        var generated = (StepLayout[])field.GetValue(null)!;
        MethodInfo method = typeof(StaticKernels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => "s_" + char.ToLowerInvariant(m.Name[0]) + m.Name[1..] + "Program" == fieldName);
        EinsumAttribute einsum = method.GetCustomAttribute<EinsumAttribute>()!;
        Dictionary<string, nint> sizes = einsum.Sizes!.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => (nint)long.Parse(p[1]));
        string[] terms = einsum.Expression.Replace("->", ",").Split(',');
        nint[][] shapes = terms.Select(t => t.Select(c => sizes[c.ToString()]).ToArray()).ToArray();
        string[] names = method.GetParameters().Select(p => p.Name!).ToArray();

        EinsumBinding bound = EinsumProgram.FromLinearPath(einsum.Expression, LinearPath(generated, terms.Length - 1), names).BindDense(shapes);

        Assert.Equal(bound.StepCount, generated.Length);
        for (int k = 0; k < generated.Length; k++)
        {
            StepLayout expected = bound.Step(k), actual = generated[k];
            Assert.Equal(expected.ToString(), actual.ToString()); // contraction, extents and every operand's strides
            Assert.Equal(expected.Uses.ToArray(), actual.Uses.ToArray());
            Assert.Equal((expected.LeftOperand, expected.RightOperand, expected.KeptCount), (actual.LeftOperand, actual.RightOperand, actual.KeptCount));
            Assert.Equal((expected.LeftLength, expected.RightLength, expected.OutputLength), (actual.LeftLength, actual.RightLength, actual.OutputLength));
        }
    }

    /// <summary>opt_einsum's linear path of the steps' operand ids (inputs 0..N−1, the intermediate of step k is N+k).</summary>
    private static int[][] LinearPath(StepLayout[] steps, int inputCount)
    {
        var live = Enumerable.Range(0, inputCount).ToList();
        var path = new List<int[]>();
        for (int k = 0; k < steps.Length; k++)
        {
            int[] positions = steps[k].IsUnary
                ? [live.IndexOf(steps[k].LeftOperand)]
                : new[] { live.IndexOf(steps[k].LeftOperand), live.IndexOf(steps[k].RightOperand) }.Order().ToArray();
            foreach (int position in positions.OrderDescending())
            {
                live.RemoveAt(position);
            }

            live.Add(inputCount + k);
            path.Add(positions);
        }

        return path.ToArray();
    }
}
