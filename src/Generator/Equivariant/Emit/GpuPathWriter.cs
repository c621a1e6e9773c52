using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes one path of a tensor product as scalar ILGPU kernel code over its non-zero Clebsch–Gordan coefficients, for one
/// batch row and the channels one GPU thread owns (<see cref="GpuTensorProductEmitter"/> lays out the threads). The path's
/// terms and decisions come from its <see cref="TensorProductPathPlan"/>, the statements shared with the CPU kernel from
/// <see cref="PathStatements"/> (<see cref="PathDialect.Gpu"/>); this writer lays out a thread's loops, its x2-gradient
/// atomics and warp shuffles.
/// <para>
/// Forward: the thread owns output channel <c>o</c> of the path's output block and adds the path's contribution into the
/// accumulators <c>acc{k}</c>: fold x2 into the coefficients, c_ik = Σ_j C_ijk x2[v, j], then t_k = Σ_i x1[u, i] c_ik and
/// the weight. o is u (uvu, uuu), v (uvv), w (uvw, uuw) or u·mul2 + v (uvuv); a uvu fold with mul2 = 1 does not depend on o
/// and is written once before the channel loop.
/// </para>
/// <para>
/// Backward: the thread owns x1 channels u = lane, lane + lanes, … of the path's x1 block, so it alone writes x1's
/// gradient for them and every weight gradient (each weight index contains u). x2's gradient of a row sums over u: the
/// thread adds its part for each x2 channel once, with a shared-memory atomic into the row's x2 gradient.
/// With g the output gradient, for a scalar weight w (or none) and s_i = Σ_k c_ik g_k: dx1[u, i] += w s_i,
/// dW[u, v] = Σ_i x1[u, i] s_i, dx2[v, j] += Σ C_ijk w x1[u, i] g_k; for uvw and uuw, h_k = Σ_o W[.., o] g[o, k],
/// dx1[u, i] += Σ_k c_ik h_k, dW[.., o] = Σ_k g[o, k] t_k and dx2[v, j] += Σ C_ijk x1[u, i] h_k.
/// </para>
/// </summary>
internal sealed class GpuPathWriter
{
    private readonly SourceWriter _writer;
    private readonly TensorProductPathPlan _plan;
    private readonly PathDialect _dialect;
    private readonly PathStatements _statements;
    private readonly string _x2GradientAdd;

    /// <param name="writer">Where to write.</param>
    /// <param name="plan">The path.</param>
    /// <param name="elementType">float or double.</param>
    /// <param name="weightRead">
    /// How a weight is read, given the index within the path: <c>{0}</c> is replaced by the index, e.g.
    /// <c>weights[wRow + 12 + {0}]</c>, <c>weights[12 + {0}]</c> or <c>staged[0 + {0}]</c>.
    /// </param>
    /// <param name="atomicX1Gradient">Whether x1's gradient is added atomically (a convolution's edges share senders).</param>
    /// <param name="x2GradientAdd">
    /// The statement adding a value into x2's gradient: <c>{0}</c> the offset within the row, <c>{1}</c> the value. By default
    /// an atomic add into the row's shared-memory slot <c>dx2</c>.
    /// </param>
    public GpuPathWriter(SourceWriter writer, TensorProductPathPlan plan, string elementType, string weightRead, bool atomicX1Gradient = false,
        string x2GradientAdd = "global::ILGPU.Atomic.Add(ref dx2[dx2Row + {0}], {1});")
    {
        _writer = writer;
        _plan = plan;
        _x2GradientAdd = x2GradientAdd;
        _dialect = PathDialect.Gpu(elementType, plan.Path.WeightOffset, weightRead, atomicX1Gradient);
        _statements = new PathStatements(writer, plan, _dialect);
    }

    private PathSparsity Terms => _plan.Terms;

    private int U => _plan.U;

    private int V => _plan.V;

    private int M => _plan.W;

    /// <summary>The output components the path writes (its non-zero k).</summary>
    public IReadOnlyList<int> UsedK => Terms.UsedK;

    /// <summary>Whether the forward fold is written once before the channel loop (<see cref="TensorProductPathPlan.HoistsFold"/>).</summary>
    public bool HoistsFold => _plan.HoistsFold;

    /// <summary>The fold hoisted before the channel loop (<see cref="HoistsFold"/>): x2's block and c_ik, named with the path's index.</summary>
    public void WriteHoistedFold()
    {
        Line($"// path {Int(_plan.Path.Index)}: x2 has one channel, so its fold is shared by every output channel");
        _statements.FoldX2("0", Suffix);
    }

    /// <summary>The path's contribution to output channel <c>o</c>, added into <c>acc{k}</c>.</summary>
    public void WriteForward()
    {
        switch (_plan.Mode)
        {
            case ConnectionMode.Uvu:
                _statements.LoadX1("o");
                if (HoistsFold)
                {
                    _statements.Products("t", Suffix);
                    _statements.Accumulate("o");
                }
                else
                {
                    OpenLoop("v", V);
                    FoldAndAccumulate("v", $"(o * {Int(V)}) + v");
                    _writer.CloseBlock();
                }

                break;
            case ConnectionMode.Uvv:
                _statements.FoldX2("o", string.Empty);
                OpenLoop("u", U);
                _statements.X1Products("u");
                _statements.Accumulate($"(u * {Int(V)}) + o");
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uvw:
                OpenLoop("v", V);
                _statements.FoldX2("v", string.Empty);
                OpenLoop("u", U);
                _statements.X1Products("u");
                _statements.Accumulate($"(((u * {Int(V)}) + v) * {Int(M)}) + o");
                _writer.CloseBlock();
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uuw:
                OpenLoop("u", U);
                _statements.LoadX1("u");
                FoldAndAccumulate("u", $"(u * {Int(M)}) + o");
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uuu:
                _statements.LoadX1("o");
                FoldAndAccumulate("o", "o");
                break;
            default: // uvuv: o = u·mul2 + v
                Line($"int u = o / {Int(V)};");
                Line($"int v = o - (u * {Int(V)});");
                _statements.LoadX1("u");
                FoldAndAccumulate("v", "o");
                break;
        }
    }

    /// <summary>With x1's block loaded: x2's block of channel <paramref name="v"/> and its fold, t_k, and acc_k += W[weightIndex] t_k.</summary>
    private void FoldAndAccumulate(string v, string weightIndex)
    {
        _statements.FoldX2(v, string.Empty);
        _statements.Products("t", string.Empty);
        _statements.Accumulate(weightIndex);
    }

    /// <summary>The path's backward step for the x1 channels this thread owns (a loop over them inside).</summary>
    /// <param name="rowMayBeWarp">
    /// Whether the kernel was written for a warp's worth of lanes per row: then, when a row is one warp at run time
    /// (<c>rowIsWarp</c>), the lanes' parts of x2's gradient are summed by shuffles and added once. Shared-memory float
    /// atomics are compare-and-swap loops on NVIDIA GPUs, and 32 lanes adding into one address serialize.
    /// </param>
    public void WriteBackward(bool rowMayBeWarp)
    {
        if (_plan.IsUu)
        {
            WriteBackwardUu();
        }
        else
        {
            WriteBackwardUv(rowMayBeWarp);
        }
    }

    private void WriteBackwardUv(bool rowMayBeWarp)
    {
        ConnectionMode mode = _plan.Mode;
        OpenLoop("v", V);
        _statements.FoldX2("v", string.Empty);
        if (mode == ConnectionMode.Uvv)
        {
            _statements.OutputOffset("fo", "v");
            _statements.LoadGradient("fo");
        }

        Line("// this thread's part of dx2[v, j], summed over its u");
        foreach (int j in Terms.UsedJ)
        {
            Line($"{_dialect.Type} d{j} = {_dialect.Zero};");
        }

        OpenChannelLoop("u", U);
        _statements.LoadX1("u");
        string pair = _plan.PairIndex;
        WriteChannelGradients(
            mode == ConnectionMode.Uvw ? $"(({pair}) * {Int(M)}) + o" : pair,
            mode == ConnectionMode.Uvv ? null : _plan.OutputChannel,
            (j, value) => Line($"d{j} = {value} + d{j};"));
        _writer.CloseBlock();
        if (rowMayBeWarp)
        {
            _writer.OpenBlock("if (rowIsWarp)");
            Line("// the row's lanes are one warp: sum their parts by shuffles, then lane 0 adds the row's total");
            _writer.OpenBlock("for (int offset = lanes >> 1; offset > 0; offset >>= 1)");
            foreach (int j in Terms.UsedJ)
            {
                Line($"d{j} = d{j} + global::ILGPU.Warp.ShuffleXor(d{j}, offset);");
            }

            _writer.CloseBlock();
            _writer.OpenBlock("if (lane == 0)");
            AddPartsToX2();
            _writer.CloseBlock();
            _writer.CloseBlock();
            _writer.OpenBlock("else");
            AddPartsToX2();
            _writer.CloseBlock();
        }
        else
        {
            AddPartsToX2();
        }

        _writer.CloseBlock();

        void AddPartsToX2()
        {
            foreach (int j in Terms.UsedJ)
            {
                Line(AddToX2Gradient($"{Int(_plan.Path.Offset2)} + (v * {Int(_plan.D2)}) + {j}", $"d{j}"));
            }
        }
    }

    private void WriteBackwardUu()
    {
        if (_plan.SumsOverU)
        {
            _statements.OutputOffset("fo", null);
            _statements.LoadGradient("fo");
        }

        OpenChannelLoop("u", U);
        _statements.LoadX1("u");
        _statements.FoldX2("u", string.Empty);
        WriteChannelGradients(
            _plan.ContractsWeights ? $"(u * {Int(M)}) + o" : "u",
            _plan.SumsOverU ? null : "u",
            (j, value) => Line(AddToX2Gradient($"{Int(_plan.Path.Offset2)} + (u * {Int(_plan.D2)}) + {Int(j)}", value)));
        _writer.CloseBlock();
    }

    /// <summary>
    /// The gradients of one owned x1 channel u: for uvw and weighted uuw through h_k = Σ_o W[.., o] g[o, k]; otherwise from
    /// the output gradient of <paramref name="outputChannel"/> (null: loaded before the loop) and the scalar weight. The
    /// channel's part of x2's gradient goes to <paramref name="addToX2"/> (j, value).
    /// </summary>
    private void WriteChannelGradients(string weightIndex, string? outputChannel, System.Action<int, string> addToX2)
    {
        if (_plan.ContractsWeights)
        {
            _statements.Products("t", string.Empty);
            WriteWeightContractionGradients(weightIndex);
            _statements.X1GradientFrom("h");
            WriteX2Contribution("x1_", "h", addToX2);
            return;
        }

        if (outputChannel is not null)
        {
            _statements.OutputOffset("fo", outputChannel);
            _statements.LoadGradient("fo");
        }

        WriteX2Contribution(_statements.ScalarWeightGradients(weightIndex), "g", addToX2);
    }

    /// <summary>For uvw and weighted uuw: h_k = Σ_o W[.., o] g[o, k] and dW[.., o] = Σ_k g[o, k] t_k, in one loop over o.</summary>
    private void WriteWeightContractionGradients(string weightIndex)
    {
        _statements.DeclareZero("h");
        OpenLoop("o", M);
        _statements.OutputOffset("fo", "o");
        _statements.LoadGradient("fo");
        _statements.DeclareWeight(weightIndex);
        foreach (int k in Terms.UsedK)
        {
            Line(_dialect.MultiplyAddInto($"h{k}", _dialect.WeightName, $"g{k}"));
        }

        Line(_dialect.WriteWeightGradient(weightIndex, _dialect.Sum(Terms.UsedK.Select(k => ($"g{k}", $"t{k}")))));
        _writer.CloseBlock();
    }

    /// <summary>Σ_ik C_ijk {x1}_i {vector}_k for each j, handed to <paramref name="add"/>.</summary>
    private void WriteX2Contribution(string x1, string vector, System.Action<int, string> add)
    {
        foreach (int j in Terms.UsedJ)
        {
            var terms = Terms.Terms.Where(t => t.J == j).ToList();
            string sum = string.Join(" + ", terms.Select(t => $"({x1}{t.I} * {vector}{t.K} * {_dialect.Literal(t.Coefficient)})"));
            add(j, sum.Length == 0 ? "0" : sum);
        }
    }

    private string AddToX2Gradient(string offset, string value) => string.Format(CultureInfo.InvariantCulture, _x2GradientAdd, offset, value);

    private string Suffix => "_p" + Int(_plan.Path.Index);

    /// <summary>A loop over all <paramref name="count"/> values (every thread runs it), or one value without a loop.</summary>
    private void OpenLoop(string variable, int count)
    {
        if (count == 1)
        {
            _writer.OpenBlock();
            Line($"const int {variable} = 0;");
        }
        else
        {
            _writer.OpenBlock($"for (int {variable} = 0; {variable} < {Int(count)}; {variable}++)");
        }
    }

    /// <summary>The loop over the channels this thread owns: lane, lane + lanes, ….</summary>
    private void OpenChannelLoop(string variable, int count) =>
        _writer.OpenBlock($"for (int {variable} = lane; {variable} < {Int(count)}; {variable} += lanes)");

    private void Line(string line) => _writer.WriteLine(line);
}
