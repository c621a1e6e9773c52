using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using CsCheck;

namespace TensorGen.Tests.Properties;

/// <summary>One operand as generated: its letters (indices into the alphabet), where its "..." goes, and how it is laid out.</summary>
public sealed record OperandSpec(int[] Letters, int EllipsisAt, int EllipsisCovered, bool[] LetterIsOne, bool[] EllipsisIsOne, ViewLayout Layout);

/// <summary>
/// A random valid einsum call: 1–5 operands of up to four indices over five letters (ASCII, upper case, Latin-1 and one outside
/// the BMP), repeated indices, implicit or explicit output, "..." covering 0–2 broadcast dimensions, sizes 0–4 with
/// size-1 broadcasting, and every operand and the result a strided view into a larger buffer.
/// </summary>
public sealed record EinsumProblem(string Expression, int[][] Shapes, OperandSpec[] Operands, ViewLayout ResultLayout, bool Accumulate)
{
    /// <summary>Labels chosen so that code-point order (implicit output) differs from alphabet order.</summary>
    private static readonly string[] Alphabet = ["i", "j", "K", "é", "\U0001D736"];

    private static readonly Gen<int> Size = Gen.Frequency((1, (IGen<int>)Gen.Const(0)), (3, Gen.Const(1)), (8, Gen.Int[2, 4]));

    private static readonly Gen<bool> Rarely = Gen.Frequency((1, (IGen<bool>)Gen.Const(true)), (4, Gen.Const(false)));

    public static Gen<EinsumProblem> Generator { get; } =
        from letterCount in Gen.Int[1, Alphabet.Length]
        from sizes in Size.Array[letterCount]
        from ellipsisRank in Gen.Int[0, 2]
        from ellipsisSizes in Size.Array[ellipsisRank]
        from operandCount in Gen.Int[1, 5]
        from operands in Operand(letterCount, ellipsisRank).Array[operandCount]
        from isImplicit in Gen.Bool
        from outputKeys in Gen.Int[-1, 9].Array[letterCount + 1]
        from resultLayout in Layout(letterCount + ellipsisRank)
        from accumulate in Gen.Bool
        select Create(sizes, ellipsisSizes, operands, isImplicit, outputKeys, resultLayout, accumulate);

    /// <summary>The operand views over their buffers, filled with small dyadic values so every sum is exact in double.</summary>
    public Tensor<double>[] CreateOperands()
    {
        var tensors = new Tensor<double>[Shapes.Length];
        for (int n = 0; n < Shapes.Length; n++)
        {
            ViewLayout layout = Operands[n].Layout;
            int[] shape = TensorShape(Shapes[n]);
            nint[] strides = layout.Strides(shape, allowBroadcast: true);
            double[] buffer = new double[layout.BufferLength(shape, strides)];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = Value(n, i);
            }

            tensors[n] = Tensor.Create(buffer, layout.Offset, shape.Select(l => (nint)l).ToArray(), strides);
        }

        return tensors;
    }

    /// <summary>
    /// The same operand views over complex buffers: real parts as <see cref="CreateOperands"/> fills them, imaginary parts
    /// another operand's values, so every product and sum stays exact.
    /// </summary>
    public Tensor<System.Numerics.Complex>[] CreateComplexOperands()
    {
        var tensors = new Tensor<System.Numerics.Complex>[Shapes.Length];
        for (int n = 0; n < Shapes.Length; n++)
        {
            ViewLayout layout = Operands[n].Layout;
            int[] shape = TensorShape(Shapes[n]);
            nint[] strides = layout.Strides(shape, allowBroadcast: true);
            var buffer = new System.Numerics.Complex[layout.BufferLength(shape, strides)];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = new System.Numerics.Complex(Value(n, i), Value(n + 11, i));
            }

            tensors[n] = Tensor.Create(buffer, layout.Offset, shape.Select(l => (nint)l).ToArray(), strides);
        }

        return tensors;
    }

    /// <summary>The shape a tensor view takes for an operand or result of shape <paramref name="shape"/>: a scalar is [1].</summary>
    public static int[] TensorShape(int[] shape) => shape.Length == 0 ? [1] : shape;

    public override string ToString() =>
        $"\"{Expression}\" accumulate={Accumulate}; operands: "
        + string.Join("; ", Operands.Select((o, n) => o.Layout.Describe(TensorShape(Shapes[n]), o.Layout.Strides(TensorShape(Shapes[n]), allowBroadcast: true))))
        + $"; result layout {ResultLayout}";

    /// <summary>A pseudo-random multiple of 1/8 in [−2, 2): products of five and sums of thousands stay exact.</summary>
    private static double Value(int operand, int index) =>
        ((int)(((uint)((index * 2654435761u) + ((uint)operand * 40503u))) >> 27) - 16) / 8.0;

    private static Gen<ViewLayout> Layout(int maxRank) =>
        from keys in Gen.Int[0, 9].Array[maxRank]
        from padding in Gen.Frequency((3, (IGen<int>)Gen.Const(0)), (1, Gen.Int[1, 2])).Array[maxRank]
        from offset in Gen.Int[0, 3]
        from broadcast in Rarely.Array[maxRank]
        select new ViewLayout(keys, padding, offset, broadcast);

    private static Gen<OperandSpec> Operand(int letterCount, int ellipsisRank) =>
        from letters in Gen.Int[0, letterCount - 1].Array[0, 4]
        from ellipsisAt in Gen.Frequency((2, (IGen<int>)Gen.Const(-1)), (1, Gen.Int[0, 4]))
        from covered in Gen.Int[0, ellipsisRank]
        from letterIsOne in Rarely.Array[letterCount]
        from ellipsisIsOne in Rarely.Array[ellipsisRank]
        from layout in Layout(4 + ellipsisRank)
        select Spec(letters, ellipsisAt, covered, ellipsisRank, letterIsOne, ellipsisIsOne, layout);

    /// <summary>
    /// A term that is only "..." covers at least one dimension: a rank-0 operand is passed as shape [1]
    /// (System.Numerics.Tensors has no rank-0 tensor), which "..." would read as one broadcast dimension.
    /// </summary>
    private static OperandSpec Spec(int[] letters, int ellipsisAt, int covered, int ellipsisRank, bool[] letterIsOne, bool[] ellipsisIsOne,
        ViewLayout layout)
    {
        if (ellipsisAt < 0 || (letters.Length == 0 && ellipsisRank == 0))
        {
            return new OperandSpec(letters, -1, 0, letterIsOne, ellipsisIsOne, layout);
        }

        return new OperandSpec(letters, Math.Min(ellipsisAt, letters.Length), letters.Length == 0 ? Math.Max(covered, 1) : covered,
            letterIsOne, ellipsisIsOne, layout);
    }

    private static EinsumProblem Create(int[] sizes, int[] ellipsisSizes, OperandSpec[] operands, bool isImplicit, int[] outputKeys,
        ViewLayout resultLayout, bool accumulate)
    {
        int ellipsisRank = ellipsisSizes.Length;
        var terms = new List<string>();
        var shapes = new List<int[]>();
        foreach (OperandSpec operand in operands)
        {
            var term = new List<string>();
            var shape = new List<int>();
            for (int position = 0; position <= operand.Letters.Length; position++)
            {
                if (position == operand.EllipsisAt)
                {
                    term.Add("...");
                    for (int e = 0; e < operand.EllipsisCovered; e++)
                    {
                        // "..." dimensions are right-aligned across operands, so this one is broadcast dimension j of K.
                        int j = ellipsisRank - operand.EllipsisCovered + e;
                        shape.Add(operand.EllipsisIsOne[j] ? 1 : ellipsisSizes[j]);
                    }
                }

                if (position < operand.Letters.Length)
                {
                    int letter = operand.Letters[position];
                    term.Add(Alphabet[letter]);
                    shape.Add(operand.LetterIsOne[letter] ? 1 : sizes[letter]);
                }
            }

            terms.Add(string.Concat(term));
            shapes.Add(shape.ToArray());
        }

        string expression = string.Join(",", terms);
        if (!isImplicit)
        {
            expression += "->" + ExplicitOutput(operands, outputKeys);
        }

        return new EinsumProblem(expression, shapes.ToArray(), operands, resultLayout, accumulate);
    }

    /// <summary>
    /// Input letters whose key is not −1, ordered by key; "..." where its key puts it whenever an operand's
    /// "..." covers a dimension (numpy requires it then), and optionally when every "..." is empty.
    /// </summary>
    private static string ExplicitOutput(OperandSpec[] operands, int[] keys)
    {
        var used = operands.SelectMany(o => o.Letters).Distinct().Where(l => keys[l] >= 0).OrderBy(l => keys[l]).ThenBy(l => l)
            .Select(l => Alphabet[l]).ToList();
        int ellipsisKey = keys[^1];
        bool anyEllipsis = operands.Any(o => o.EllipsisAt >= 0);
        bool needsEllipsis = operands.Any(o => o.EllipsisCovered > 0);
        if (needsEllipsis || (anyEllipsis && ellipsisKey >= 0))
        {
            used.Insert(Math.Clamp(ellipsisKey, 0, used.Count), "...");
        }

        return string.Concat(used);
    }
}
