using System.Linq;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// The statements a tensor-product path's CPU and GPU code have in common, written once from its plan: the loads of x1's
/// and x2's blocks and of the output gradient, the fold c_ik = Σ_j C_ijk x2_j, the products t_k = Σ_i x1_i c_ik, the
/// weighted accumulation, and the backward step of a scalar-weighted pair. The backends differ only in the
/// <see cref="PathDialect"/>; the loops around these statements are theirs (a tile's channels on the CPU, a thread's on the GPU).
/// </summary>
internal sealed class PathStatements
{
    private readonly SourceWriter _writer;
    private readonly TensorProductPathPlan _plan;
    private readonly PathDialect _dialect;

    public PathStatements(SourceWriter writer, TensorProductPathPlan plan, PathDialect dialect)
    {
        _writer = writer;
        _plan = plan;
        _dialect = dialect;
    }

    private PathSparsity Terms => _plan.Terms;

    /// <summary>c_ik = Σ_j C_ijk x2_j for every folded pair (names and x2's values carry <paramref name="suffix"/>).</summary>
    public void Fold(string suffix)
    {
        Line($"// fold x2 into the {Int(Terms.Terms.Count)} non-zero coefficients: {Int(Terms.Pairs.Count)} pairs (i, k)");
        foreach (FoldedPair pair in Terms.Pairs)
        {
            Lines(_dialect.DeclareSum(pair.Name + suffix, pair.Terms.Select(t => ($"x2_{t.J}{suffix}", _dialect.Literal(t.Coefficient))).ToList(), constantB: true));
        }
    }

    /// <summary>x2's block of <paramref name="channel"/> and its fold (names with <paramref name="suffix"/>).</summary>
    public void FoldX2(string channel, string suffix)
    {
        LoadX2(channel, suffix);
        Fold(suffix);
    }

    /// <summary>x1's block of <paramref name="channel"/> and t_k = Σ_i x1_i c_ik.</summary>
    public void X1Products(string channel)
    {
        LoadX1(channel);
        Products("t", string.Empty);
    }

    /// <summary>{prefix}_k = Σ_i x1_i c_ik (the folded pairs named with <paramref name="suffix"/>).</summary>
    public void Products(string prefix, string suffix)
    {
        foreach (int k in Terms.UsedK)
        {
            Lines(_dialect.DeclareSum(prefix + Int(k), Terms.Pairs.Where(p => p.K == k).Select(p => ($"x1_{p.I}", p.Name + suffix)).ToList(), constantB: false));
        }
    }

    /// <summary>Σ_k c_ik {vector}_k over the folded pairs of row i.</summary>
    public string FoldedSum(int i, string vector) =>
        _dialect.Sum(Terms.Pairs.Where(p => p.I == i).Select(p => (p.Name, vector + Int(p.K))));

    /// <summary>x1's block of <paramref name="channel"/>: its feature offset <c>f1</c> and the used components x1_i.</summary>
    public void LoadX1(string channel)
    {
        Line($"{_dialect.IndexType} f1 = {_dialect.RowBase("x1")}{Int(_plan.Path.Offset1)} + ({channel} * {Int(_plan.D1)});");
        foreach (int i in Terms.UsedI)
        {
            Line($"{_dialect.Type} x1_{i} = {_dialect.Load("x1", $"f1 + {i}")};");
        }
    }

    /// <summary>x2's block of <paramref name="channel"/> ("0": the block's start): its offset <c>f2</c> and the used components x2_j, named with <paramref name="suffix"/>.</summary>
    public void LoadX2(string channel, string suffix)
    {
        string offset = channel == "0" ? string.Empty : $" + ({channel} * {Int(_plan.D2)})";
        Line($"{_dialect.IndexType} f2{suffix} = {_dialect.RowBase("x2")}{Int(_plan.Path.Offset2)}{offset};");
        foreach (int j in Terms.UsedJ)
        {
            Line($"{_dialect.Type} x2_{j}{suffix} = {_dialect.Load("x2", $"f2{suffix} + {j}")};");
        }
    }

    /// <summary>
    /// The feature offset <paramref name="name"/> of output channel <paramref name="channel"/> of the path's output block
    /// (null: the block's start).
    /// </summary>
    public void OutputOffset(string name, string? channel)
    {
        string offset = channel is null ? string.Empty : $" + ({channel} * {Int(_plan.D3)})";
        Line($"{_dialect.IndexType} {name} = {_dialect.RowBase("out")}{Int(_plan.Path.OffsetOut)}{offset};");
    }

    /// <summary>g_k = the output gradient at <paramref name="feature"/> + k.</summary>
    public void LoadGradient(string feature)
    {
        foreach (int k in Terms.UsedK)
        {
            Line($"{_dialect.Type} g{k} = {_dialect.Load("gradOutput", $"{feature} + {k}")};");
        }
    }

    /// <summary>{prefix}_k = 0 for every used output component.</summary>
    public void DeclareZero(string prefix)
    {
        foreach (int k in Terms.UsedK)
        {
            Line($"{_dialect.Type} {prefix}{k} = {_dialect.Zero};");
        }
    }

    /// <summary>The path's scalar weight at <paramref name="index"/> (within the path).</summary>
    public void DeclareWeight(string index) => Line($"{_dialect.Type} {_dialect.WeightName} = {_dialect.ReadWeight(index)};");

    /// <summary>acc_k += w t_k (or t_k unweighted), the weight at <paramref name="weightIndex"/>.</summary>
    public void Accumulate(string weightIndex)
    {
        if (_plan.HasWeight)
        {
            DeclareWeight(weightIndex);
        }

        foreach (int k in Terms.UsedK)
        {
            Line(_plan.HasWeight ? _dialect.MultiplyAddInto($"acc{k}", _dialect.WeightName, $"t{k}") : $"acc{k} += t{k};");
        }
    }

    /// <summary>
    /// The backward step of a scalar-weighted (or unweighted) pair: s_i = Σ_k c_ik g_k, then dx1[u, i] += w s_i and
    /// dW = Σ_i x1_i s_i (or dx1 += s unweighted). Returns the prefix of the x1 values that x2's gradient multiplies
    /// (w·x1, declared here, or x1).
    /// </summary>
    public string ScalarWeightGradients(string weightIndex)
    {
        foreach (int i in Terms.UsedI)
        {
            Line($"{_dialect.Type} s{i} = {FoldedSum(i, "g")};");
        }

        if (!_plan.HasWeight)
        {
            foreach (int i in Terms.UsedI)
            {
                Line(_dialect.Add("gradX1", $"f1 + {i}", $"s{i}"));
            }

            return "x1_";
        }

        string weight = _dialect.WeightName;
        DeclareWeight(weightIndex);
        foreach (int i in Terms.UsedI)
        {
            Line(_dialect.AddProduct("gradX1", $"f1 + {i}", weight, $"s{i}"));
        }

        Line(_dialect.WriteWeightGradient(weightIndex, _dialect.Sum(Terms.UsedI.Select(i => ($"x1_{i}", $"s{i}")))));
        foreach (int i in Terms.UsedI)
        {
            Line($"{_dialect.Type} wx{i} = {weight} * x1_{i};");
        }

        return "wx";
    }

    /// <summary>dx1[u, i] += Σ_k c_ik {vector}_k.</summary>
    public void X1GradientFrom(string vector)
    {
        foreach (int i in Terms.UsedI)
        {
            Line(_dialect.Add("gradX1", $"f1 + {i}", FoldedSum(i, vector)));
        }
    }

    private void Line(string line) => _writer.WriteLine(line);

    private void Lines(System.Collections.Generic.IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            _writer.WriteLine(line);
        }
    }
}
