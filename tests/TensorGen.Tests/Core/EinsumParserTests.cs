using System.Linq;
using TensorGen.Parsing;
using Xunit;

namespace TensorGen.Tests.Core;

public class EinsumParserTests
{
    [Theory]
    [InlineData("ij,jk->ik", "ij,jk->ik")]
    [InlineData("ij,jk", "ij,jk->ik")]
    [InlineData("ba", "ba->ab")]
    [InlineData("ii", "ii->")]
    [InlineData("iij", "iij->j")]
    [InlineData("aB,Bc", "aB,Bc->ac")] // numpy orders implicit output by code point: 'B' < 'a'
    [InlineData("Ba,c", "Ba,c->Bac")]
    [InlineData("...ij,...jk", "...ij,...jk->...ik")]
    [InlineData("i...i", "i...i->...")]
    [InlineData(",i->i", ",i->i")]
    [InlineData("", "->")]
    [InlineData(" i j , j k -> i k ", "ij,jk->ik")]
    [InlineData("αβ,βγ", "αβ,βγ->αγ")]
    public void Writes_out_numpys_output(string text, string expected)
    {
        EinsumParseResult result = EinsumParser.Parse(text);
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Expression!.ExplicitText);
        Assert.Equal(!text.Contains("->"), result.Expression.IsImplicitOutput);
    }

    [Fact]
    public void Letters_outside_the_BMP_are_single_indices()
    {
        string mathBoldA = char.ConvertFromUtf32(0x1D400);
        EinsumParseResult result = EinsumParser.Parse($"{mathBoldA}i,i->{mathBoldA}");
        Assert.Null(result.Error);
        Assert.Equal(new[] { mathBoldA, "i" }, result.Expression!.Inputs[0].Labels.ToArray());
    }

    [Fact]
    public void Ellipsis_is_one_label()
    {
        var expression = EinsumParser.Parse("...ij,j...->i...").Expression!;
        Assert.Equal(new[] { "...", "i", "j" }, expression.Inputs[0].Labels.ToArray());
        Assert.Equal(new[] { "j", "..." }, expression.Inputs[1].Labels.ToArray());
        Assert.True(expression.HasEllipsis);
        Assert.Equal(2, expression.Inputs[0].LetterCount);
    }

    [Theory]
    [InlineData("ij,j1->i", "MalformedExpression", 4)]
    [InlineData("ij,jk-ik", "MalformedExpression", 5)]
    [InlineData("ij->i->j", "MalformedExpression", 5)]
    [InlineData("ij,jk->i,k", "MalformedExpression", 8)]
    [InlineData("i..j", "MalformedExpression", 1)]
    [InlineData("...i...", "MalformedExpression", 4)]
    [InlineData("ij>k", "MalformedExpression", 2)]
    [InlineData("ij,jk->iz", "OutputIndexNotInInputs", 8)]
    [InlineData("ij,jk->ii", "RepeatedOutputIndex", 8)]
    public void Reports_the_error_and_where(string text, string kind, int position)
    {
        EinsumParseResult result = EinsumParser.Parse(text);
        Assert.Null(result.Expression);
        Assert.Equal(System.Enum.Parse<EinsumErrorKind>(kind), result.Error!.Kind);
        Assert.Equal(position, result.Error.Position);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void A_bad_character_is_named_in_the_message()
    {
        var error = EinsumParser.Parse("ij,j#->i").Error!;
        Assert.Contains("'#'", error.Message);
        Assert.Contains("position 4", error.Message);
    }

    [Theory]
    [InlineData(@"ij,j\uD800->i", "U+D800")] // a lone high surrogate (the fuzzer found ConvertToUtf32 throwing on it)
    [InlineData(@"\uDFFF,i", "U+DFFF")] // a lone low surrogate
    [InlineData(@"ij,j\uD83D\uDE00->i", "U+1F600")] // a surrogate pair that is not a letter
    public void A_character_that_is_not_a_letter_is_named_by_its_code_point(string escaped, string codePoint)
    {
        var error = EinsumParser.Parse(System.Text.RegularExpressions.Regex.Unescape(escaped)).Error!;
        Assert.Equal(EinsumErrorKind.MalformedExpression, error.Kind);
        Assert.Contains(codePoint, error.Message);
    }

    [Fact]
    public void Null_is_an_error_not_an_exception() =>
        Assert.Equal(EinsumErrorKind.MalformedExpression, EinsumParser.Parse(null).Error!.Kind);

    [Fact]
    public void Parsed_expressions_compare_by_value()
    {
        Assert.Equal(EinsumParser.Parse("ij,jk").Expression, EinsumParser.Parse("ij,jk").Expression);
        Assert.NotEqual(EinsumParser.Parse("ij,jk").Expression, EinsumParser.Parse("ij,jk->ik").Expression);
    }

    [Fact]
    public void Distinct_labels_keep_first_appearance_order() =>
        Assert.Equal(new[] { "b", "i", "j", "k" }, EinsumParser.Parse("bij,bjk->bik").Expression!.DistinctLabels.ToArray());
}
