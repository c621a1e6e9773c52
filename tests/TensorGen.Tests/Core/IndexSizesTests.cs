using TensorGen.Parsing;
using Xunit;

namespace TensorGen.Tests.Core;

public class IndexSizesTests
{
    private static EinsumExpression Expr(string text) => EinsumParser.Parse(text).Expression!;

    [Fact]
    public void Reads_every_size()
    {
        var result = IndexSizes.Parse(" i=3, j = 4,k=0 ", Expr("ij,jk->ik"));
        Assert.Null(result.Error);
        Assert.Equal(3, result.Sizes!["i"]);
        Assert.Equal(4, result.Sizes["j"]);
        Assert.Equal(0, result.Sizes["k"]);
    }

    [Theory]
    [InlineData("i=3,j=4", "MissingSize")]
    [InlineData("i=3,j=4,k=5,z=2", "UnknownSizeIndex")]
    [InlineData("i=3,j=4,k=5,i=4", "ConflictingSize")]
    [InlineData("i=3,j=4,k=5,i=3", "ConflictingSize")]
    [InlineData("i=-3,j=4,k=5", "NegativeSize")]
    [InlineData("i=3;j=4,k=5", "MalformedSizes")]
    [InlineData("i=3,,j=4,k=5", "MalformedSizes")]
    [InlineData("i=x,j=4,k=5", "MalformedSizes")]
    [InlineData("ij=3,k=5", "MalformedSizes")]
    [InlineData("i=3.5,j=4,k=5", "MalformedSizes")]
    [InlineData("i=99999999999999999999,j=4,k=5", "SizeOverflow")]
    [InlineData("i=100000,j=100000,k=1", "SizeOverflow")]
    public void Reports_the_first_problem(string sizes, string kind)
    {
        var result = IndexSizes.Parse(sizes, Expr("ij,jk->ik"));
        Assert.Null(result.Sizes);
        Assert.Equal(System.Enum.Parse<EinsumErrorKind>(kind), result.Error!.Kind);
    }

    [Fact]
    public void Points_at_the_faulty_entry()
    {
        var error = IndexSizes.Parse("i=3,j=-4,k=5", Expr("ij,jk->ik")).Error!;
        Assert.Equal(4, error.Position);
        Assert.Equal(4, error.Length);
        Assert.Contains("'j'", error.Message);
    }

    [Fact]
    public void Repeated_indices_count_in_element_counts()
    {
        // "ii" with i = 50000 has 2.5e9 elements: more than a span holds.
        Assert.Equal(EinsumErrorKind.SizeOverflow, IndexSizes.Parse("i=50000", Expr("ii->i")).Error!.Kind);
        Assert.Null(IndexSizes.Parse("i=40000", Expr("ii->i")).Error);
    }

    [Fact]
    public void Ellipsis_has_no_static_form() =>
        Assert.Equal(EinsumErrorKind.EllipsisInStaticForm, IndexSizes.Parse("i=3", Expr("...i->i")).Error!.Kind);
}
