using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Parsing;

namespace TensorGen.Runtime;

/// <summary>
/// The index letters of an expression numbered 0..L−1 in order of first appearance, and every term as a
/// <see cref="TermPattern"/>, so that binding shapes works on small integers rather than strings.
/// </summary>
internal sealed class ExpressionLabels
{
    private readonly Dictionary<string, int> _ids;

    public ExpressionLabels(EinsumExpression expression)
    {
        Letters = expression.DistinctLabels.Where(l => l != EinsumExpression.Ellipsis).ToArray();
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Letters.Count; i++)
        {
            _ids.Add(Letters[i], i);
        }

        Inputs = expression.Inputs.Select(Pattern).ToArray();
        Output = Pattern(expression.Output);
    }

    public IReadOnlyList<string> Letters { get; }

    public int LetterCount => Letters.Count;

    public IReadOnlyList<TermPattern> Inputs { get; }

    public TermPattern Output { get; }

    public int IdOf(string letter) => _ids[letter];

    /// <summary>
    /// The label a concrete (ellipsis-expanded) plan uses for label id <paramref name="id"/>: the letter itself,
    /// or <c>"...k"</c> for broadcast dimension k of <c>...</c>, which no letter can be mistaken for.
    /// </summary>
    public string NameOf(int id) =>
        id < LetterCount ? Letters[id] : EinsumExpression.Ellipsis + (id - LetterCount).ToString(CultureInfo.InvariantCulture);

    private TermPattern Pattern(EinsumTerm term)
    {
        int at = term.Labels.ToList().IndexOf(EinsumExpression.Ellipsis);
        int[] ids = term.Labels.Where(l => l != EinsumExpression.Ellipsis).Select(IdOf).ToArray();
        return at < 0
            ? new TermPattern(ids, hasEllipsis: false, Array.Empty<int>(), term.ToString())
            : new TermPattern(ids.Take(at).ToArray(), hasEllipsis: true, ids.Skip(at).ToArray(), term.ToString());
    }
}
