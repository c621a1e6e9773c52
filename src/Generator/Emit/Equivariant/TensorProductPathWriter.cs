using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes one path of a tensor product as straight-line code over its non-zero Clebsch–Gordan coefficients, for one tile
/// of batch rows held feature-major (every variable is a vector across the rows; see SoaTile in the runtime).
/// <para>
/// The order of operations: for each x2 multiplicity v, fold x2 into the coefficients, c_ik = Σ_j C_ijk x2[v, j] (the
/// folded pairs (i, k) are fewer than the (i, j, k) non-zeros, and the fold is shared by every u); then for each x1
/// multiplicity u, t_k = Σ_i x1[u, i] c_ik, and the weights: a scalar per (u, v) for uvu, uvv, uvuv, uuu, or — uvw, uuw —
/// the contraction with W[u, v, w] afterwards (CG first, then the weights). The uu modes fold per u. The path weight is
/// folded into the coefficients.
/// </para>
/// <para>
/// The backward pass reuses the fold. With g the output gradient, for a scalar weight w (or none) and s_i = Σ_k c_ik g_k:
/// dx1[u, i] += w s_i and dW[u, v] += Σ_i x1[u, i] s_i; for uvw and uuw, h_k = Σ_w W[u, v, w] g[w, k] (the weights first),
/// dx1[u, i] += Σ_k c_ik h_k and dW[u, v, w] += Σ_k g[w, k] t_k. x2's gradient is accumulated as p_ik = Σ_u w x1[u, i] g_k
/// over the u loop and contracted once per v: dx2[v, j] += Σ_ik C_ijk p_ik.
/// </para>
/// </summary>
internal sealed class TensorProductPathWriter
{
    private readonly SourceWriter _writer;
    private readonly TensorProductPath _path;
    private readonly PathSparsity _sparsity;
    private readonly string _element;
    private readonly bool _sharedWeights;
    private readonly bool _storeOutput;

    /// <param name="writer">Where to write.</param>
    /// <param name="path">The path.</param>
    /// <param name="elementType">float or double.</param>
    /// <param name="sharedWeights">Whether weights are one vector (broadcast) or a tile.</param>
    /// <param name="storeOutput">
    /// Whether the forward path stores its output block instead of adding to it: it is the block's only path and writes each
    /// output element once (<see cref="WritesOnce"/>), so the kernel need not zero the block first.
    /// </param>
    public TensorProductPathWriter(SourceWriter writer, TensorProductPath path, string elementType, bool sharedWeights, bool storeOutput)
    {
        _writer = writer;
        _path = path;
        _sparsity = new PathSparsity(path);
        _element = elementType;
        _sharedWeights = sharedWeights;
        _storeOutput = storeOutput;
    }

    /// <summary>Whether the forward code of <paramref name="path"/> writes each element of its output block exactly once.</summary>
    public static bool WritesOnce(TensorProductPath path) => path.Mode switch
    {
        ConnectionMode.Uvu => path.Block2.Mul == 1,
        ConnectionMode.Uuu or ConnectionMode.Uvuv or ConnectionMode.Uvv => true,
        ConnectionMode.Uuw => !path.HasWeight,
        _ => false,
    };

    private int U => _path.Block1.Mul;

    private int V => _path.Block2.Mul;

    private int W => _path.BlockOut.Mul;

    private int D1 => _path.Block1.Irrep.Dim;

    private int D2 => _path.Block2.Irrep.Dim;

    private int D3 => _path.BlockOut.Irrep.Dim;

    private bool IsUu => _path.Mode is ConnectionMode.Uuu or ConnectionMode.Uuw;

    /// <summary>The body of the forward path method.</summary>
    public void WriteForward()
    {
        if (IsUu)
        {
            WriteForwardUu();
        }
        else
        {
            WriteForwardUv();
        }
    }

    /// <summary>The body of the backward path method.</summary>
    public void WriteBackward()
    {
        if (IsUu)
        {
            WriteBackwardUu();
        }
        else
        {
            WriteBackwardUv();
        }
    }

    private void WriteForwardUv()
    {
        ConnectionMode mode = _path.Mode;
        OpenLoop("v", V);
        LoadX2("(v * " + N(D2) + ")");
        WriteFold();
        if (mode == ConnectionMode.Uvv)
        {
            DeclareZero("acc");
        }

        OpenLoop("u", U);
        LoadX1("(u * " + N(D1) + ")");
        WriteProducts("t");
        string pair = "(u * " + N(V) + ") + v";
        switch (mode)
        {
            case ConnectionMode.Uvu:
            case ConnectionMode.Uvuv:
                string row = mode == ConnectionMode.Uvu ? "u" : "((u * " + N(V) + ") + v)";
                Line("int fo = " + N(_path.OffsetOut) + " + (" + row + " * " + N(D3) + ");");
                AccumulateOutput("fo", pair);
                break;
            case ConnectionMode.Uvv:
                if (_path.HasWeight)
                {
                    Line("Lanes weight = " + Weight(pair) + ";");
                }

                foreach (int k in _sparsity.UsedK)
                {
                    Line(_path.HasWeight ? $"acc{k} = MultiplyAdd(weight, t{k}, acc{k});" : $"acc{k} += t{k};");
                }

                break;
            default: // uvw: CG first, then the weights
                Line("int pair = " + pair + ";");
                OpenLoop("o", W);
                Line("Lanes weight = " + Weight("(pair * " + N(W) + ") + o") + ";");
                Line("int fo = " + N(_path.OffsetOut) + " + (o * " + N(D3) + ");");
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"AddProduct(ref output, fo + {k}, weight, t{k});");
                }

                _writer.CloseBlock();
                break;
        }

        _writer.CloseBlock();
        if (mode == ConnectionMode.Uvv)
        {
            Line("int fv = " + N(_path.OffsetOut) + " + (v * " + N(D3) + ");");
            foreach (int k in _sparsity.UsedK)
            {
                Line($"{(_storeOutput ? "Store" : "Add")}(ref output, fv + {k}, acc{k});");
            }
        }

        _writer.CloseBlock();
    }

    private void WriteForwardUu()
    {
        bool sumOverU = _path.Mode == ConnectionMode.Uuw && !_path.HasWeight;
        if (sumOverU)
        {
            DeclareZero("acc");
        }

        OpenLoop("u", U);
        LoadX1("(u * " + N(D1) + ")");
        LoadX2("(u * " + N(D2) + ")");
        WriteFold();
        WriteProducts("t");
        if (_path.Mode == ConnectionMode.Uuu)
        {
            Line("int fo = " + N(_path.OffsetOut) + " + (u * " + N(D3) + ");");
            AccumulateOutput("fo", "u");
        }
        else if (sumOverU)
        {
            foreach (int k in _sparsity.UsedK)
            {
                Line($"acc{k} += t{k};");
            }
        }
        else
        {
            OpenLoop("o", W);
            Line("Lanes weight = " + Weight("(u * " + N(W) + ") + o") + ";");
            Line("int fo = " + N(_path.OffsetOut) + " + (o * " + N(D3) + ");");
            foreach (int k in _sparsity.UsedK)
            {
                Line($"AddProduct(ref output, fo + {k}, weight, t{k});");
            }

            _writer.CloseBlock();
        }

        _writer.CloseBlock();
        if (sumOverU)
        {
            foreach (int k in _sparsity.UsedK)
            {
                Line($"{(_storeOutput ? "Store" : "Add")}(ref output, {N(_path.OffsetOut)} + {k}, acc{k});");
            }
        }
    }

    private void WriteBackwardUv()
    {
        ConnectionMode mode = _path.Mode;
        OpenLoop("v", V);
        LoadX2("(v * " + N(D2) + ")");
        WriteFold();
        Line("// dx2[v, j] = Σ_ik C_ijk p_ik with p_ik = Σ_u x1[u, i] h[u, k], accumulated over u");
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }

        if (mode == ConnectionMode.Uvv)
        {
            Line("int fv = " + N(_path.OffsetOut) + " + (v * " + N(D3) + ");");
            LoadGradient("fv");
        }

        OpenLoop("u", U);
        LoadX1("(u * " + N(D1) + ")");
        string pairIndex = "(u * " + N(V) + ") + v";
        if (mode == ConnectionMode.Uvw)
        {
            Line("int pair = " + pairIndex + ";");
            GemmGradient("(pair * " + N(W) + ") + o");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Add(ref gradX1, f1 + {i}, {FoldedSum(i, "h")});");
            }

            foreach (FoldedPair pair in _sparsity.Pairs)
            {
                Line($"p{pair.I}_{pair.K} = MultiplyAdd(x1_{pair.I}, h{pair.K}, p{pair.I}_{pair.K});");
            }

            WriteProducts("t");
            GemmWeightGradient("(pair * " + N(W) + ") + o");
        }
        else
        {
            if (mode != ConnectionMode.Uvv)
            {
                string row = mode == ConnectionMode.Uvu ? "u" : "((u * " + N(V) + ") + v)";
                Line("int fo = " + N(_path.OffsetOut) + " + (" + row + " * " + N(D3) + ");");
                LoadGradient("fo");
            }

            WriteScalarWeightGradients(pairIndex);
        }

        _writer.CloseBlock();
        WriteX2Gradient();
        _writer.CloseBlock();
    }

    /// <summary>
    /// The backward step of a scalar-weighted (or unweighted) pair: with s_i = Σ_k c_ik g_k, dx1[u, i] += w s_i,
    /// dW += Σ_i x1_i s_i, and p_ik += (w x1_i) g_k for dx2.
    /// </summary>
    private void WriteScalarWeightGradients(string weightIndex)
    {
        foreach (int i in _sparsity.UsedI)
        {
            Line($"Lanes s{i} = {FoldedSum(i, "g")};");
        }

        string x1Weighted = "x1_";
        if (_path.HasWeight)
        {
            Line("Lanes weight = " + Weight(weightIndex) + ";");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"AddProduct(ref gradX1, f1 + {i}, weight, s{i});");
            }

            Line($"Add(ref gradWeights, {N(_path.WeightOffset)} + {weightIndex}, {string.Join(" + ", _sparsity.UsedI.Select(i => $"(x1_{i} * s{i})"))});");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Lanes wx{i} = weight * x1_{i};");
            }

            x1Weighted = "wx";
        }
        else
        {
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Add(ref gradX1, f1 + {i}, s{i});");
            }
        }

        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"p{pair.I}_{pair.K} = MultiplyAdd({x1Weighted}{pair.I}, g{pair.K}, p{pair.I}_{pair.K});");
        }
    }

    /// <summary>dx2[v, j] += Σ_ik C_ijk p_ik after the u loop.</summary>
    private void WriteX2Gradient()
    {
        foreach (int j in _sparsity.UsedJ)
        {
            var terms = _sparsity.Pairs.SelectMany(p => p.Terms.Where(t => t.J == j).Select(t => (Pair: p, t.Coefficient))).ToList();
            Line($"Lanes dx2_{j} = p{terms[0].Pair.I}_{terms[0].Pair.K} * {Literal(terms[0].Coefficient)};");
            foreach (var (pair, coefficient) in terms.Skip(1))
            {
                Line($"dx2_{j} = MultiplyAdd(p{pair.I}_{pair.K}, new Lanes({Literal(coefficient)}), dx2_{j});");
            }

            Line($"Add(ref gradX2, f2 + {j}, dx2_{j});");
        }
    }

    /// <summary>Σ_k c_ik {vector}_k over the folded pairs of row i.</summary>
    private string FoldedSum(int i, string vector) =>
        string.Join(" + ", _sparsity.Pairs.Where(p => p.I == i).Select(p => $"({p.Name} * {vector}{p.K})"));

    private void WriteBackwardUu()
    {
        bool sumOverU = _path.Mode == ConnectionMode.Uuw && !_path.HasWeight;
        if (sumOverU)
        {
            LoadGradient(N(_path.OffsetOut));
        }

        OpenLoop("u", U);
        LoadX1("(u * " + N(D1) + ")");
        LoadX2("(u * " + N(D2) + ")");
        WriteFold();
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }

        if (_path.Mode == ConnectionMode.Uuw && _path.HasWeight)
        {
            GemmGradient("(u * " + N(W) + ") + o");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Add(ref gradX1, f1 + {i}, {FoldedSum(i, "h")});");
            }

            foreach (FoldedPair pair in _sparsity.Pairs)
            {
                Line($"p{pair.I}_{pair.K} = MultiplyAdd(x1_{pair.I}, h{pair.K}, p{pair.I}_{pair.K});");
            }

            WriteProducts("t");
            GemmWeightGradient("(u * " + N(W) + ") + o");
        }
        else
        {
            if (!sumOverU)
            {
                Line("int fo = " + N(_path.OffsetOut) + " + (u * " + N(D3) + ");");
                LoadGradient("fo");
            }

            WriteScalarWeightGradients("u");
        }

        WriteX2Gradient();
        _writer.CloseBlock();
    }

    /// <summary>Output accumulation for the scalar-weighted modes: out[fo + k] += weight · t_k (or t_k).</summary>
    private void AccumulateOutput(string fo, string weightIndex)
    {
        if (_path.HasWeight)
        {
            Line("Lanes weight = " + Weight(weightIndex) + ";");
        }

        foreach (int k in _sparsity.UsedK)
        {
            Line((_path.HasWeight, _storeOutput) switch
            {
                (true, true) => $"Store(ref output, {fo} + {k}, weight * t{k});",
                (true, false) => $"AddProduct(ref output, {fo} + {k}, weight, t{k});",
                (false, true) => $"Store(ref output, {fo} + {k}, t{k});",
                _ => $"Add(ref output, {fo} + {k}, t{k});",
            });
        }
    }

    /// <summary>h_k = Σ_o W[.., o] g[o, k] for uvw and weighted uuw.</summary>
    private void GemmGradient(string weightIndex)
    {
        DeclareZero("h");
        OpenLoop("o", W);
        Line("Lanes weight = " + Weight(weightIndex) + ";");
        Line("int fo = " + N(_path.OffsetOut) + " + (o * " + N(D3) + ");");
        foreach (int k in _sparsity.UsedK)
        {
            Line($"h{k} = MultiplyAdd(weight, Load(ref gradOutput, fo + {k}), h{k});");
        }

        _writer.CloseBlock();
    }

    /// <summary>dW[.., o] += Σ_k g[o, k] t_k for uvw and weighted uuw.</summary>
    private void GemmWeightGradient(string weightIndex)
    {
        OpenLoop("o", W);
        Line("int fo = " + N(_path.OffsetOut) + " + (o * " + N(D3) + ");");
        string sum = string.Join(" + ", _sparsity.UsedK.Select(k => $"(Load(ref gradOutput, fo + {k}) * t{k})"));
        Line($"Add(ref gradWeights, {N(_path.WeightOffset)} + {weightIndex}, {sum});");
        _writer.CloseBlock();
    }

    /// <summary>c_ik = Σ_j C_ijk x2_j for every folded pair.</summary>
    private void WriteFold()
    {
        Line($"// fold x2 into the {N(_sparsity.Terms.Count)} non-zero coefficients: {N(_sparsity.Pairs.Count)} pairs (i, k)");
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            var (j0, c0) = pair.Terms[0];
            Line($"Lanes {pair.Name} = x2_{j0} * {Literal(c0)};");
            foreach (var (j, coefficient) in pair.Terms.Skip(1))
            {
                Line($"{pair.Name} = MultiplyAdd(x2_{j}, new Lanes({Literal(coefficient)}), {pair.Name});");
            }
        }
    }

    /// <summary>{prefix}_k = Σ_i x1_i c_ik.</summary>
    private void WriteProducts(string prefix)
    {
        foreach (int k in _sparsity.UsedK)
        {
            var pairs = _sparsity.Pairs.Where(p => p.K == k).ToList();
            Line($"Lanes {prefix}{k} = x1_{pairs[0].I} * {pairs[0].Name};");
            foreach (FoldedPair pair in pairs.Skip(1))
            {
                Line($"{prefix}{k} = MultiplyAdd(x1_{pair.I}, {pair.Name}, {prefix}{k});");
            }
        }
    }

    private void LoadX1(string multiplicityOffset)
    {
        Line("int f1 = " + N(_path.Offset1) + " + " + multiplicityOffset + ";");
        foreach (int i in _sparsity.UsedI)
        {
            Line($"Lanes x1_{i} = Load(ref x1, f1 + {i});");
        }
    }

    private void LoadX2(string multiplicityOffset)
    {
        Line("int f2 = " + N(_path.Offset2) + " + " + multiplicityOffset + ";");
        foreach (int j in _sparsity.UsedJ)
        {
            Line($"Lanes x2_{j} = Load(ref x2, f2 + {j});");
        }
    }

    private void LoadGradient(string feature)
    {
        foreach (int k in _sparsity.UsedK)
        {
            Line($"Lanes g{k} = Load(ref gradOutput, {feature} + {k});");
        }
    }

    private void DeclareZero(string prefix)
    {
        foreach (int k in _sparsity.UsedK)
        {
            Line($"Lanes {prefix}{k} = Lanes.Zero;");
        }
    }

    private string Dot(string a, string b) => string.Join(" + ", _sparsity.UsedK.Select(k => $"({a}{k} * {b}{k})"));

    private string Weight(string index) =>
        (_sharedWeights ? "Broadcast(ref weights, " : "Load(ref weights, ") + N(_path.WeightOffset) + " + " + index + ")";

    private void OpenLoop(string variable, int count) => _writer.OpenBlock($"for (int {variable} = 0; {variable} < {N(count)}; {variable}++)");

    private void Line(string line) => _writer.WriteLine(line);

    private string Literal(double value) => NumericLiteral.Of(value, _element);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
