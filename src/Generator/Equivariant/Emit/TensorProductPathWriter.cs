using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes one path of a tensor product as straight-line code over its non-zero Clebsch–Gordan coefficients, for one tile
/// of batch rows held feature-major (every variable is a vector across the rows; see SoaTile in the runtime). The path's
/// terms and decisions come from its <see cref="TensorProductPathPlan"/>, the statements shared with the GPU kernel from
/// <see cref="PathStatements"/> (<see cref="PathDialect.Cpu"/>); this writer lays out the CPU's loops over all channels.
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
    private readonly TensorProductPathPlan _plan;
    private readonly PathDialect _dialect;
    private readonly PathStatements _statements;
    private readonly bool _storeOutput;

    /// <param name="writer">Where to write.</param>
    /// <param name="plan">The path.</param>
    /// <param name="elementType">float or double.</param>
    /// <param name="sharedWeights">Whether weights are one vector (broadcast) or a tile.</param>
    /// <param name="storeOutput">
    /// Whether the forward path stores its output block instead of adding to it: it is the block's only path and writes each
    /// output element once (<see cref="TensorProductPathPlan.WritesOnce"/>), so the kernel need not zero the block first.
    /// </param>
    public TensorProductPathWriter(SourceWriter writer, TensorProductPathPlan plan, string elementType, bool sharedWeights, bool storeOutput)
    {
        _writer = writer;
        _plan = plan;
        // Each weight's gradient is written once per tile by its path: stored for per-row weights (the tile holds only this
        // tile's rows), added for shared weights (the tile accumulates a worker's rows).
        _dialect = PathDialect.Cpu(elementType, sharedWeights, plan.Path.WeightOffset, sharedWeights ? "Add" : "Store");
        _statements = new PathStatements(writer, plan, _dialect);
        _storeOutput = storeOutput;
    }

    private PathSparsity Terms => _plan.Terms;

    private int U => _plan.U;

    private int V => _plan.V;

    private int W => _plan.W;

    private int D3 => _plan.D3;

    private string OutputStore => _storeOutput ? "Store" : "Add";

    /// <summary>The body of the forward path method.</summary>
    public void WriteForward() => Write(WriteForwardGemm, WriteForwardUu, WriteForwardUv);

    /// <summary>The body of the backward path method.</summary>
    public void WriteBackward() => Write(WriteBackwardGemm, WriteBackwardUu, WriteBackwardUv);

    /// <summary>The matrix-product form where the plan uses it, else the uu or the uv form.</summary>
    private void Write(System.Action gemm, System.Action uu, System.Action uv) => (_plan.UsesGemm ? gemm : _plan.IsUu ? uu : uv)();

    private void WriteForwardGemm()
    {
        Line($"// CG first: t[pair, k] for all {Int(_plan.PairCount)} multiplicity pairs, then out[o, k] = Σ_pair W[pair, o] t[pair, k]");
        Line($"global::System.Span<Lanes> t = stackalloc Lanes[{Int(_plan.PairCount * D3)}];");
        WritePairProducts();
        WriteBlocks("o", W, _plan.GemmBlock, block =>
        {
            WriteBlockedContraction(block, "pair", _plan.PairCount, k => $"Lanes t{k} = t[(pair * {Int(D3)}) + {k}];", b => $"(pair * {Int(W)}) + o + {b}", "t");
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in Terms.UsedK)
                {
                    Line($"{OutputStore}(ref output, {Int(_plan.Path.OffsetOut)} + ((o + {b}) * {Int(D3)}) + {k}, a{b}_{k});");
                }
            }
        });
    }

    private void WriteBackwardGemm()
    {
        Line($"// t[pair, k] as the forward pass; h[pair, k] = Σ_o W[pair, o] g[o, k]; dW[pair, o] += Σ_k g[o, k] t[pair, k]");
        Line($"global::System.Span<Lanes> t = stackalloc Lanes[{Int(_plan.PairCount * D3)}];");
        Line($"global::System.Span<Lanes> h = stackalloc Lanes[{Int(_plan.PairCount * D3)}];");
        WritePairProducts();

        WriteBlocks("q", (int)_plan.PairCount, _plan.GemmBlock, block =>
        {
            WriteBlockedContraction(block, "o", W, k => $"Lanes g{k} = Load(ref gradOutput, {Int(_plan.Path.OffsetOut)} + (o * {Int(D3)}) + {k});",
                b => $"((q + {b}) * {Int(W)}) + o", "g");
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in Terms.UsedK)
                {
                    Line($"h[((q + {b}) * {Int(D3)}) + {k}] = a{b}_{k};");
                }
            }
        });

        WriteBlocks("o", W, _plan.GemmBlock, block =>
        {
            foreach (int b in Enumerable.Range(0, block))
            {
                foreach (int k in Terms.UsedK)
                {
                    Line($"Lanes g{b}_{k} = Load(ref gradOutput, {Int(_plan.Path.OffsetOut)} + ((o + {b}) * {Int(D3)}) + {k});");
                }
            }

            OpenLoop("pair", _plan.PairCount);
            foreach (int k in Terms.UsedK)
            {
                Line($"Lanes t{k} = t[(pair * {Int(D3)}) + {k}];");
            }

            foreach (int b in Enumerable.Range(0, block))
            {
                Line(_dialect.WriteWeightGradient($"(pair * {Int(W)}) + o + {b}", _dialect.Sum(Terms.UsedK.Select(k => ($"g{b}_{k}", $"t{k}")))));
            }

            _writer.CloseBlock();
        });

        // dx1 and dx2 from h, as for a scalar-weighted pair.
        if (_plan.IsUu)
        {
            OpenLoop("u", U);
            _statements.LoadX1("u");
            _statements.FoldX2("u", string.Empty);
            DeclarePairAccumulators();
            WriteHGradients("u");
            WriteX2Gradient();
            _writer.CloseBlock();
        }
        else
        {
            OpenLoop("v", V);
            _statements.FoldX2("v", string.Empty);
            DeclarePairAccumulators();
            OpenLoop("u", U);
            _statements.LoadX1("u");
            WriteHGradients(_plan.PairIndex);
            _writer.CloseBlock();
            WriteX2Gradient();
            _writer.CloseBlock();
        }
    }

    /// <summary>
    /// One register block of a weight contraction: a{b}_k = Σ_loop W[weightIndex(b)] {vector}_k over the loop, for the
    /// <paramref name="block"/> accumulators b, the vector's components loaded once per step by <paramref name="load"/>.
    /// </summary>
    private void WriteBlockedContraction(int block, string loop, long count, System.Func<int, string> load, System.Func<int, string> weightIndex, string vector)
    {
        foreach (int b in Enumerable.Range(0, block))
        {
            foreach (int k in Terms.UsedK)
            {
                Line($"Lanes a{b}_{k} = Lanes.Zero;");
            }
        }

        OpenLoop(loop, count);
        foreach (int k in Terms.UsedK)
        {
            Line(load(k));
        }

        foreach (int b in Enumerable.Range(0, block))
        {
            Line($"Lanes w{b} = {_dialect.ReadWeight(weightIndex(b))};");
            foreach (int k in Terms.UsedK)
            {
                Line(_dialect.MultiplyAddInto($"a{b}_{k}", $"w{b}", $"{vector}{k}"));
            }
        }

        _writer.CloseBlock();
    }

    /// <summary>Loads h[pair, k], then dx1[u, i] += Σ_k c_ik h_k and p_ik += x1_i h_k.</summary>
    private void WriteHGradients(string pair)
    {
        Line($"int pair = {pair};");
        foreach (int k in Terms.UsedK)
        {
            Line($"Lanes h{k} = h[(pair * {Int(D3)}) + {k}];");
        }

        _statements.X1GradientFrom("h");
        AccumulatePairs("x1_", "h");
    }

    private void DeclarePairAccumulators()
    {
        foreach (FoldedPair pair in Terms.Pairs)
        {
            Line($"Lanes p{pair.I}_{pair.K} = Lanes.Zero;");
        }
    }

    /// <summary>p_ik += {x1}_i {vector}_k, for x2's gradient after the u loop.</summary>
    private void AccumulatePairs(string x1, string vector)
    {
        foreach (FoldedPair pair in Terms.Pairs)
        {
            Line(_dialect.MultiplyAddInto($"p{pair.I}_{pair.K}", $"{x1}{pair.I}", $"{vector}{pair.K}"));
        }
    }

    /// <summary>t[pair, k] = Σ_i x1[u, i] c_ik for every multiplicity pair (v outer so that the fold is shared by the u's).</summary>
    private void WritePairProducts()
    {
        if (_plan.IsUu)
        {
            OpenLoop("u", U);
            _statements.LoadX1("u");
            _statements.FoldX2("u", string.Empty);
            _statements.Products("t", string.Empty);
            Line("int pair = u;");
        }
        else
        {
            OpenLoop("v", V);
            _statements.FoldX2("v", string.Empty);
            OpenLoop("u", U);
            _statements.X1Products("u");
            Line($"int pair = {_plan.PairIndex};");
        }

        foreach (int k in Terms.UsedK)
        {
            Line($"t[(pair * {Int(D3)}) + {k}] = t{k};");
        }

        _writer.CloseBlock();
        if (!_plan.IsUu)
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
        ConnectionMode mode = _plan.Mode;
        OpenLoop("v", V);
        _statements.FoldX2("v", string.Empty);
        if (mode == ConnectionMode.Uvv)
        {
            _statements.DeclareZero("acc");
        }

        OpenLoop("u", U);
        _statements.X1Products("u");
        string pair = _plan.PairIndex;
        switch (mode)
        {
            case ConnectionMode.Uvu:
            case ConnectionMode.Uvuv:
                _statements.OutputOffset("fo", _plan.OutputChannel);
                AccumulateOutput("fo", pair);
                break;
            case ConnectionMode.Uvv:
                _statements.Accumulate(pair);
                break;
            default: // uvw: CG first, then the weights
                Line("int pair = " + pair + ";");
                ContractOutputs("(pair * " + Int(W) + ") + o");
                break;
        }

        _writer.CloseBlock();
        if (mode == ConnectionMode.Uvv)
        {
            _statements.OutputOffset("fv", "v");
            foreach (int k in Terms.UsedK)
            {
                Line($"{OutputStore}(ref output, fv + {k}, acc{k});");
            }
        }

        _writer.CloseBlock();
    }

    private void WriteForwardUu()
    {
        if (_plan.SumsOverU)
        {
            _statements.DeclareZero("acc");
        }

        OpenLoop("u", U);
        _statements.LoadX1("u");
        _statements.FoldX2("u", string.Empty);
        _statements.Products("t", string.Empty);
        if (_plan.Mode == ConnectionMode.Uuu)
        {
            _statements.OutputOffset("fo", "u");
            AccumulateOutput("fo", "u");
        }
        else if (_plan.SumsOverU)
        {
            _statements.Accumulate("u");
        }
        else
        {
            ContractOutputs("(u * " + Int(W) + ") + o");
        }

        _writer.CloseBlock();
        if (_plan.SumsOverU)
        {
            foreach (int k in Terms.UsedK)
            {
                Line($"{OutputStore}(ref output, {Int(_plan.Path.OffsetOut)} + {k}, acc{k});");
            }
        }
    }

    /// <summary>out[o, k] += W[weightIndex] t_k for every output channel o (uvw and weighted uuw outside the matrix-product form).</summary>
    private void ContractOutputs(string weightIndex)
    {
        OpenLoop("o", W);
        _statements.DeclareWeight(weightIndex);
        _statements.OutputOffset("fo", "o");
        foreach (int k in Terms.UsedK)
        {
            Line(_dialect.AddProduct("output", $"fo + {k}", _dialect.WeightName, $"t{k}"));
        }

        _writer.CloseBlock();
    }

    private void WriteBackwardUv()
    {
        ConnectionMode mode = _plan.Mode;
        OpenLoop("v", V);
        _statements.FoldX2("v", string.Empty);
        Line("// dx2[v, j] = Σ_ik C_ijk p_ik with p_ik = Σ_u x1[u, i] h[u, k], accumulated over u");
        DeclarePairAccumulators();
        if (mode == ConnectionMode.Uvv)
        {
            _statements.OutputOffset("fv", "v");
            _statements.LoadGradient("fv");
        }

        OpenLoop("u", U);
        _statements.LoadX1("u");
        string pairIndex = _plan.PairIndex;
        if (mode == ConnectionMode.Uvw)
        {
            Line("int pair = " + pairIndex + ";");
            WriteContractionGradients("(pair * " + Int(W) + ") + o");
        }
        else
        {
            WriteScalarWeightGradients(pairIndex, mode == ConnectionMode.Uvv ? null : _plan.OutputChannel);
        }

        _writer.CloseBlock();
        WriteX2Gradient();
        _writer.CloseBlock();
    }

    private void WriteBackwardUu()
    {
        if (_plan.SumsOverU)
        {
            _statements.LoadGradient(Int(_plan.Path.OffsetOut));
        }

        OpenLoop("u", U);
        _statements.LoadX1("u");
        _statements.FoldX2("u", string.Empty);
        DeclarePairAccumulators();
        if (_plan.ContractsWeights)
        {
            WriteContractionGradients("(u * " + Int(W) + ") + o");
        }
        else
        {
            WriteScalarWeightGradients("u", _plan.SumsOverU ? null : "u");
        }

        WriteX2Gradient();
        _writer.CloseBlock();
    }

    /// <summary>
    /// For uvw and weighted uuw: h_k = Σ_o W[.., o] g[o, k]; dx1 += Σ_k c_ik h_k; p_ik += x1_i h_k; then t_k and
    /// dW[.., o] += Σ_k g[o, k] t_k.
    /// </summary>
    private void WriteContractionGradients(string weightIndex)
    {
        GemmGradient(weightIndex);
        _statements.X1GradientFrom("h");
        AccumulatePairs("x1_", "h");
        _statements.Products("t", string.Empty);
        GemmWeightGradient(weightIndex);
    }

    /// <summary>
    /// The backward step of a scalar-weighted (or unweighted) pair: the output gradient of <paramref name="outputChannel"/>
    /// (null: loaded before the loop), then dx1, dW and p_ik += (w x1_i) g_k for dx2.
    /// </summary>
    private void WriteScalarWeightGradients(string weightIndex, string? outputChannel)
    {
        if (outputChannel is not null)
        {
            _statements.OutputOffset("fo", outputChannel);
            _statements.LoadGradient("fo");
        }

        AccumulatePairs(_statements.ScalarWeightGradients(weightIndex), "g");
    }

    /// <summary>dx2[v, j] += Σ_ik C_ijk p_ik after the u loop.</summary>
    private void WriteX2Gradient()
    {
        foreach (int j in Terms.UsedJ)
        {
            var terms = Terms.Pairs.SelectMany(p => p.Terms.Where(t => t.J == j).Select(t => ($"p{p.I}_{p.K}", _dialect.Literal(t.Coefficient)))).ToList();
            foreach (string line in _dialect.DeclareSum($"dx2_{j}", terms, constantB: true))
            {
                Line(line);
            }

            Line(_dialect.Add("gradX2", $"f2 + {j}", $"dx2_{j}"));
        }
    }

    /// <summary>Output accumulation for the scalar-weighted modes: out[fo + k] += weight · t_k (or t_k).</summary>
    private void AccumulateOutput(string fo, string weightIndex)
    {
        if (_plan.HasWeight)
        {
            _statements.DeclareWeight(weightIndex);
        }

        foreach (int k in Terms.UsedK)
        {
            Line((_plan.HasWeight, _storeOutput) switch
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
        _statements.DeclareZero("h");
        OpenLoop("o", W);
        _statements.DeclareWeight(weightIndex);
        _statements.OutputOffset("fo", "o");
        foreach (int k in Terms.UsedK)
        {
            Line(_dialect.MultiplyAddInto($"h{k}", _dialect.WeightName, _dialect.Load("gradOutput", $"fo + {k}")));
        }

        _writer.CloseBlock();
    }

    /// <summary>dW[.., o] += Σ_k g[o, k] t_k for uvw and weighted uuw.</summary>
    private void GemmWeightGradient(string weightIndex)
    {
        OpenLoop("o", W);
        _statements.OutputOffset("fo", "o");
        Line(_dialect.WriteWeightGradient(weightIndex, _dialect.Sum(Terms.UsedK.Select(k => (_dialect.Load("gradOutput", $"fo + {k}"), $"t{k}")))));
        _writer.CloseBlock();
    }

    private void OpenLoop(string variable, long count) => _writer.OpenBlock($"for (int {variable} = 0; {variable} < {Int(count)}; {variable}++)");

    private void Line(string line) => _writer.WriteLine(line);
}
