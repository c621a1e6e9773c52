using System.Collections.Generic;
using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

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
    public static bool WritesOnce(TensorProductPath path) => UsesGemm(path) || path.Mode switch
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

    /// <summary>
    /// Each weight's gradient is written once per tile by its path: stored for per-row weights (the tile holds only this
    /// tile's rows), added for shared weights (the tile accumulates a worker's rows).
    /// </summary>
    private string WeightGradientWrite => _sharedWeights ? "Add" : "Store";

    /// <summary>The body of the forward path method.</summary>
    public void WriteForward()
    {
        if (UsesGemm(_path))
        {
            WriteForwardGemm();
        }
        else if (IsUu)
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
        if (UsesGemm(_path))
        {
            WriteBackwardGemm();
        }
        else if (IsUu)
        {
            WriteBackwardUu();
        }
        else
        {
            WriteBackwardUv();
        }
    }

    /// <summary>The most multiplicity pairs × components whose CG sums a path keeps on the stack for the weight contraction (128 KiB of doubles).</summary>
    private const int MaxStackedProducts = 4096;

    /// <summary>
    /// Whether the path contracts its weights as a matrix product after the CG sums: uvw and weighted uuw, where each output
    /// multiplicity mixes every pair (t[pair, k] on the stack, then out[o, k] = Σ_pair W[pair, o] t[pair, k] in register blocks).
    /// </summary>
    public static bool UsesGemm(TensorProductPath path) =>
        (path.Mode == ConnectionMode.Uvw || (path.Mode == ConnectionMode.Uuw && path.HasWeight))
        && TensorProductCost.Pairs(path) * path.BlockOut.Irrep.Dim <= MaxStackedProducts;

    private long PairCount => TensorProductCost.Pairs(_path);

    /// <summary>Register-block width of the weight contraction: enough accumulators to hide the FMA latency, few enough to stay in registers.</summary>
    private int Block => System.Math.Max(1, System.Math.Min(8, 24 / _sparsity.UsedK.Count));

    private void WriteForwardGemm()
    {
        Line($"// CG first: t[pair, k] for all {Int(PairCount)} multiplicity pairs, then out[o, k] = Σ_pair W[pair, o] t[pair, k]");
        Line($"global::System.Span<Lanes> t = stackalloc Lanes[{Int(PairCount * D3)}];");
        WritePairProducts();
        WriteBlocks("o", W, Block, block =>
        {
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"Lanes a{b}_{k} = Lanes.Zero;");
                }
            }

            OpenLoop("pair", PairCount);
            foreach (int k in _sparsity.UsedK)
            {
                Line($"Lanes t{k} = t[(pair * {Int(D3)}) + {k}];");
            }

            foreach (int b in Enumerable.Range(0, block))
            {
                Line($"Lanes w{b} = {Weight($"(pair * {Int(W)}) + o + {b}")};");
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"a{b}_{k} = MultiplyAdd(w{b}, t{k}, a{b}_{k});");
                }
            }

            _writer.CloseBlock();
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"{(_storeOutput ? "Store" : "Add")}(ref output, {Int(_path.OffsetOut)} + ((o + {b}) * {Int(D3)}) + {k}, a{b}_{k});");
                }
            }
        });
    }

    private void WriteBackwardGemm()
    {
        Line($"// t[pair, k] as the forward pass; h[pair, k] = Σ_o W[pair, o] g[o, k]; dW[pair, o] += Σ_k g[o, k] t[pair, k]");
        Line($"global::System.Span<Lanes> t = stackalloc Lanes[{Int(PairCount * D3)}];");
        Line($"global::System.Span<Lanes> h = stackalloc Lanes[{Int(PairCount * D3)}];");
        WritePairProducts();

        WriteBlocks("q", (int)PairCount, Block, block =>
        {
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"Lanes a{b}_{k} = Lanes.Zero;");
                }
            }

            OpenLoop("o", W);
            foreach (int k in _sparsity.UsedK)
            {
                Line($"Lanes g{k} = Load(ref gradOutput, {Int(_path.OffsetOut)} + (o * {Int(D3)}) + {k});");
            }

            foreach (int b in Enumerable.Range(0, block))
            {
                Line($"Lanes w{b} = {Weight($"((q + {b}) * {Int(W)}) + o")};");
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"a{b}_{k} = MultiplyAdd(w{b}, g{k}, a{b}_{k});");
                }
            }

            _writer.CloseBlock();
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"h[((q + {b}) * {Int(D3)}) + {k}] = a{b}_{k};");
                }
            }
        });

        WriteBlocks("o", W, Block, block =>
        {
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in _sparsity.UsedK)
                {
                    Line($"Lanes g{b}_{k} = Load(ref gradOutput, {Int(_path.OffsetOut)} + ((o + {b}) * {Int(D3)}) + {k});");
                }
            }

            OpenLoop("pair", PairCount);
            foreach (int k in _sparsity.UsedK)
            {
                Line($"Lanes t{k} = t[(pair * {Int(D3)}) + {k}];");
            }

            foreach (int b in Enumerable.Range(0, block))
            {
                string sum = FusedSum(_sparsity.UsedK.Select(k => ($"g{b}_{k}", $"t{k}")));
                Line($"{WeightGradientWrite}(ref gradWeights, {Int(_path.WeightOffset)} + (pair * {Int(W)}) + o + {b}, {sum});");
            }

            _writer.CloseBlock();
        });

        // dx1 and dx2 from h, as for a scalar-weighted pair.
        if (IsUu)
        {
            OpenLoop("u", U);
            LoadX1("(u * " + Int(D1) + ")");
            LoadX2("(u * " + Int(D2) + ")");
            WriteFold();
            DeclarePairAccumulators();
            WriteHGradients("u");
            WriteX2Gradient();
            _writer.CloseBlock();
        }
        else
        {
            OpenLoop("v", V);
            LoadX2("(v * " + Int(D2) + ")");
            WriteFold();
            DeclarePairAccumulators();
            OpenLoop("u", U);
            LoadX1("(u * " + Int(D1) + ")");
            WriteHGradients("(u * " + Int(V) + ") + v");
            _writer.CloseBlock();
            WriteX2Gradient();
            _writer.CloseBlock();
        }
    }

    /// <summary>Loads h[pair, k], then dx1[u, i] += Σ_k c_ik h_k and p_ik += x1_i h_k.</summary>
    private void WriteHGradients(string pair)
    {
        Line($"int pair = {pair};");
        foreach (int k in _sparsity.UsedK)
        {
            Line($"Lanes h{k} = h[(pair * {Int(D3)}) + {k}];");
        }

        foreach (int i in _sparsity.UsedI)
        {
            Line($"Add(ref gradX1, f1 + {i}, {FoldedSum(i, "h")});");
        }

        foreach (FoldedPair pairIk in _sparsity.Pairs)
        {
            Line($"p{pairIk.I}_{pairIk.K} = MultiplyAdd(x1_{pairIk.I}, h{pairIk.K}, p{pairIk.I}_{pairIk.K});");
        }
    }

    private void DeclarePairAccumulators()
    {
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }
    }

    /// <summary>t[pair, k] = Σ_i x1[u, i] c_ik for every multiplicity pair (v outer so that the fold is shared by the u's).</summary>
    private void WritePairProducts()
    {
        if (IsUu)
        {
            OpenLoop("u", U);
            LoadX1("(u * " + Int(D1) + ")");
            LoadX2("(u * " + Int(D2) + ")");
            WriteFold();
            WriteProducts("t");
            Line("int pair = u;");
        }
        else
        {
            OpenLoop("v", V);
            LoadX2("(v * " + Int(D2) + ")");
            WriteFold();
            OpenLoop("u", U);
            LoadX1("(u * " + Int(D1) + ")");
            WriteProducts("t");
            Line($"int pair = (u * {Int(V)}) + v;");
        }

        foreach (int k in _sparsity.UsedK)
        {
            Line($"t[(pair * {Int(D3)}) + {k}] = t{k};");
        }

        _writer.CloseBlock();
        if (!IsUu)
        {
            _writer.CloseBlock();
        }
    }

    /// <summary>A loop over <paramref name="variable"/> in steps of <paramref name="block"/>, then the remainder one at a time.</summary>
    private void WriteBlocks(string variable, int count, int block, System.Action<int> body)
    {
        int full = count / block * block;
        _writer.OpenBlock();
        Line($"int {variable} = 0;");
        if (full > 0)
        {
            _writer.OpenBlock($"for (; {variable} < {Int(full)}; {variable} += {Int(block)})");
            body(block);
            _writer.CloseBlock();
        }

        if (full < count)
        {
            _writer.OpenBlock($"for (; {variable} < {Int(count)}; {variable}++)");
            body(1);
            _writer.CloseBlock();
        }

        _writer.CloseBlock();
    }

    private void WriteForwardUv()
    {
        ConnectionMode mode = _path.Mode;
        OpenLoop("v", V);
        LoadX2("(v * " + Int(D2) + ")");
        WriteFold();
        if (mode == ConnectionMode.Uvv)
        {
            DeclareZero("acc");
        }

        OpenLoop("u", U);
        LoadX1("(u * " + Int(D1) + ")");
        WriteProducts("t");
        string pair = "(u * " + Int(V) + ") + v";
        switch (mode)
        {
            case ConnectionMode.Uvu:
            case ConnectionMode.Uvuv:
                string row = mode == ConnectionMode.Uvu ? "u" : "((u * " + Int(V) + ") + v)";
                Line("int fo = " + Int(_path.OffsetOut) + " + (" + row + " * " + Int(D3) + ");");
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
                Line("Lanes weight = " + Weight("(pair * " + Int(W) + ") + o") + ";");
                Line("int fo = " + Int(_path.OffsetOut) + " + (o * " + Int(D3) + ");");
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
            Line("int fv = " + Int(_path.OffsetOut) + " + (v * " + Int(D3) + ");");
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
        LoadX1("(u * " + Int(D1) + ")");
        LoadX2("(u * " + Int(D2) + ")");
        WriteFold();
        WriteProducts("t");
        if (_path.Mode == ConnectionMode.Uuu)
        {
            Line("int fo = " + Int(_path.OffsetOut) + " + (u * " + Int(D3) + ");");
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
            Line("Lanes weight = " + Weight("(u * " + Int(W) + ") + o") + ";");
            Line("int fo = " + Int(_path.OffsetOut) + " + (o * " + Int(D3) + ");");
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
                Line($"{(_storeOutput ? "Store" : "Add")}(ref output, {Int(_path.OffsetOut)} + {k}, acc{k});");
            }
        }
    }

    private void WriteBackwardUv()
    {
        ConnectionMode mode = _path.Mode;
        OpenLoop("v", V);
        LoadX2("(v * " + Int(D2) + ")");
        WriteFold();
        Line("// dx2[v, j] = Σ_ik C_ijk p_ik with p_ik = Σ_u x1[u, i] h[u, k], accumulated over u");
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }

        if (mode == ConnectionMode.Uvv)
        {
            Line("int fv = " + Int(_path.OffsetOut) + " + (v * " + Int(D3) + ");");
            LoadGradient("fv");
        }

        OpenLoop("u", U);
        LoadX1("(u * " + Int(D1) + ")");
        string pairIndex = "(u * " + Int(V) + ") + v";
        if (mode == ConnectionMode.Uvw)
        {
            Line("int pair = " + pairIndex + ";");
            GemmGradient("(pair * " + Int(W) + ") + o");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Add(ref gradX1, f1 + {i}, {FoldedSum(i, "h")});");
            }

            foreach (FoldedPair pair in _sparsity.Pairs)
            {
                Line($"p{pair.I}_{pair.K} = MultiplyAdd(x1_{pair.I}, h{pair.K}, p{pair.I}_{pair.K});");
            }

            WriteProducts("t");
            GemmWeightGradient("(pair * " + Int(W) + ") + o");
        }
        else
        {
            if (mode != ConnectionMode.Uvv)
            {
                string row = mode == ConnectionMode.Uvu ? "u" : "((u * " + Int(V) + ") + v)";
                Line("int fo = " + Int(_path.OffsetOut) + " + (" + row + " * " + Int(D3) + ");");
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

            Line($"{WeightGradientWrite}(ref gradWeights, {Int(_path.WeightOffset)} + {weightIndex}, {FusedSum(_sparsity.UsedI.Select(i => ($"x1_{i}", $"s{i}")))});");
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
        FusedSum(_sparsity.Pairs.Where(p => p.I == i).Select(p => (p.Name, vector + Int(p.K))));

    private void WriteBackwardUu()
    {
        bool sumOverU = _path.Mode == ConnectionMode.Uuw && !_path.HasWeight;
        if (sumOverU)
        {
            LoadGradient(Int(_path.OffsetOut));
        }

        OpenLoop("u", U);
        LoadX1("(u * " + Int(D1) + ")");
        LoadX2("(u * " + Int(D2) + ")");
        WriteFold();
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }

        if (_path.Mode == ConnectionMode.Uuw && _path.HasWeight)
        {
            GemmGradient("(u * " + Int(W) + ") + o");
            foreach (int i in _sparsity.UsedI)
            {
                Line($"Add(ref gradX1, f1 + {i}, {FoldedSum(i, "h")});");
            }

            foreach (FoldedPair pair in _sparsity.Pairs)
            {
                Line($"p{pair.I}_{pair.K} = MultiplyAdd(x1_{pair.I}, h{pair.K}, p{pair.I}_{pair.K});");
            }

            WriteProducts("t");
            GemmWeightGradient("(u * " + Int(W) + ") + o");
        }
        else
        {
            if (!sumOverU)
            {
                Line("int fo = " + Int(_path.OffsetOut) + " + (u * " + Int(D3) + ");");
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
        Line("int fo = " + Int(_path.OffsetOut) + " + (o * " + Int(D3) + ");");
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
        Line("int fo = " + Int(_path.OffsetOut) + " + (o * " + Int(D3) + ");");
        string sum = FusedSum(_sparsity.UsedK.Select(k => ($"Load(ref gradOutput, fo + {k})", $"t{k}")));
        Line($"{WeightGradientWrite}(ref gradWeights, {Int(_path.WeightOffset)} + {weightIndex}, {sum});");
        _writer.CloseBlock();
    }

    /// <summary>c_ik = Σ_j C_ijk x2_j for every folded pair.</summary>
    private void WriteFold()
    {
        Line($"// fold x2 into the {Int(_sparsity.Terms.Count)} non-zero coefficients: {Int(_sparsity.Pairs.Count)} pairs (i, k)");
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
        Line("int f1 = " + Int(_path.Offset1) + " + " + multiplicityOffset + ";");
        foreach (int i in _sparsity.UsedI)
        {
            Line($"Lanes x1_{i} = Load(ref x1, f1 + {i});");
        }
    }

    private void LoadX2(string multiplicityOffset)
    {
        Line("int f2 = " + Int(_path.Offset2) + " + " + multiplicityOffset + ";");
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

    private string Dot(string a, string b) => FusedSum(_sparsity.UsedK.Select(k => (a + Int(k), b + Int(k))));

    /// <summary>Σ aₙ bₙ as a chain of fused multiply-adds: MultiplyAdd(a₂, b₂, MultiplyAdd(a₁, b₁, a₀ * b₀)).</summary>
    private static string FusedSum(IEnumerable<(string A, string B)> terms)
    {
        string? sum = null;
        foreach (var (a, b) in terms)
        {
            sum = sum is null ? $"({a} * {b})" : $"MultiplyAdd({a}, {b}, {sum})";
        }

        return sum ?? "Lanes.Zero";
    }

    private string Weight(string index) =>
        (_sharedWeights ? "Broadcast(ref weights, " : "Load(ref weights, ") + Int(_path.WeightOffset) + " + " + index + ")";

    private void OpenLoop(string variable, long count) => _writer.OpenBlock($"for (int {variable} = 0; {variable} < {Int(count)}; {variable}++)");

    private void Line(string line) => _writer.WriteLine(line);

    private string Literal(double value) => NumericLiteral.Of(value, _element);
}
