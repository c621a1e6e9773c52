using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace TensorGen.Tests.Planning;

/// <summary>
/// A random contraction network for property tests: 1–<c>maxOperands</c> operands of 0–4 indices over up to 9 letters
/// (repeats inside a term allowed: diagonals), sizes 1–<c>maxSize</c>, a random output; so traces, dangling indices,
/// Hadamard products, outer products and disconnected parts all occur.
/// </summary>
public sealed record RandomNetwork(string[] Terms, string Output, Dictionary<string, long> Sizes)
{
    public string Expression => string.Join(",", Terms) + "->" + Output;

    public static Gen<RandomNetwork> Generator(int maxOperands, int maxSize) =>
        from letterCount in Gen.Int[1, 9]
        from sizes in Gen.Int[1, maxSize].Array[letterCount]
        from operandCount in Gen.Int[1, maxOperands]
        from terms in Gen.Int[0, letterCount - 1].Array[0, 4].Array[operandCount]
        from keep in Gen.Bool.Array[letterCount]
        select Create(sizes, terms, keep);

    /// <summary>A fixed network from its expression and sizes, e.g. <c>("ab,bc->ac", "a=2,b=3,c=4")</c>.</summary>
    public static RandomNetwork FromText(string expression, string sizes) => new(
        expression.Split("->")[0].Split(','),
        expression.Split("->")[1],
        sizes.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));

    public override string ToString() => Expression + "  " + string.Join(",", Sizes.Select(p => p.Key + "=" + p.Value));

    private static RandomNetwork Create(int[] sizes, int[][] terms, bool[] keep)
    {
        static string Letter(int id) => ((char)('a' + id)).ToString();
        var used = terms.SelectMany(t => t).Distinct().OrderBy(id => id).ToList();
        string output = string.Concat(used.Where(id => keep[id]).Select(Letter));
        return new RandomNetwork(
            terms.Select(t => string.Concat(t.Select(Letter))).ToArray(),
            output,
            used.ToDictionary(Letter, id => (long)sizes[id]));
    }
}
