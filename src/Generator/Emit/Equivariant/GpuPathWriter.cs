using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Equivariance;
using static TensorGen.Emit.CSharpLiteral;

namespace TensorGen.Emit.Equivariant;

/// <summary>
/// Writes one path of a tensor product as scalar ILGPU kernel code over its non-zero Clebsch–Gordan coefficients, for one
/// batch row and the channels one GPU thread owns (<see cref="GpuTensorProductEmitter"/> lays out the threads).
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
    private readonly TensorProductPath _path;
    private readonly PathSparsity _sparsity;
    private readonly string _element;
    private readonly string _weightRead;

    /// <param name="writer">Where to write.</param>
    /// <param name="path">The path.</param>
    /// <param name="elementType">float or double.</param>
    /// <param name="weightRead">
    /// How a weight is read, given the index within the path: <c>{0}</c> is replaced by the index, e.g.
    /// <c>weights[wRow + 12 + {0}]</c>, <c>weights[12 + {0}]</c> or <c>staged[0 + {0}]</c>.
    /// </param>
    public GpuPathWriter(SourceWriter writer, TensorProductPath path, string elementType, string weightRead)
    {
        _writer = writer;
        _path = path;
        _sparsity = new PathSparsity(path);
        _element = elementType;
        _weightRead = weightRead;
    }

    private int U => _path.Block1.Mul;

    private int V => _path.Block2.Mul;

    private int M => _path.BlockOut.Mul;

    private int D1 => _path.Block1.Irrep.Dim;

    private int D2 => _path.Block2.Irrep.Dim;

    private int D3 => _path.BlockOut.Irrep.Dim;

    /// <summary>The output components the path writes (its non-zero k).</summary>
    public IReadOnlyList<int> UsedK => _sparsity.UsedK;

    /// <summary>Whether the forward fold does not depend on the output channel, so it is written once before the channel loop.</summary>
    public bool HoistsFold => _path.Mode == ConnectionMode.Uvu && V == 1;

    /// <summary>The fold hoisted before the channel loop (<see cref="HoistsFold"/>): x2's block and c_ik, named with the path's index.</summary>
    public void WriteHoistedFold()
    {
        Line($"// path {Int(_path.Index)}: x2 has one channel, so its fold is shared by every output channel");
        LoadX2("0", Suffix);
        WriteFold(Suffix);
    }

    /// <summary>The path's contribution to output channel <c>o</c>, added into <c>acc{k}</c>.</summary>
    public void WriteForward()
    {
        switch (_path.Mode)
        {
            case ConnectionMode.Uvu:
                LoadX1("o");
                if (HoistsFold)
                {
                    WriteProducts("t", Suffix);
                    Accumulate("o");
                }
                else
                {
                    OpenLoop("v", V);
                    LoadX2("v", string.Empty);
                    WriteFold(string.Empty);
                    WriteProducts("t", string.Empty);
                    Accumulate($"(o * {Int(V)}) + v");
                    _writer.CloseBlock();
                }

                break;
            case ConnectionMode.Uvv:
                LoadX2("o", string.Empty);
                WriteFold(string.Empty);
                OpenLoop("u", U);
                LoadX1("u");
                WriteProducts("t", string.Empty);
                Accumulate($"(u * {Int(V)}) + o");
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uvw:
                OpenLoop("v", V);
                LoadX2("v", string.Empty);
                WriteFold(string.Empty);
                OpenLoop("u", U);
                LoadX1("u");
                WriteProducts("t", string.Empty);
                Accumulate($"(((u * {Int(V)}) + v) * {Int(M)}) + o");
                _writer.CloseBlock();
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uuw:
                OpenLoop("u", U);
                LoadX1("u");
                LoadX2("u", string.Empty);
                WriteFold(string.Empty);
                WriteProducts("t", string.Empty);
                Accumulate($"(u * {Int(M)}) + o");
                _writer.CloseBlock();
                break;
            case ConnectionMode.Uuu:
                LoadX1("o");
                LoadX2("o", string.Empty);
                WriteFold(string.Empty);
                WriteProducts("t", string.Empty);
                Accumulate("o");
                break;
            default: // uvuv: o = u·mul2 + v
                Line($"int u = o / {Int(V)};");
                Line($"int v = o - (u * {Int(V)});");
                LoadX1("u");
                LoadX2("v", string.Empty);
                WriteFold(string.Empty);
                WriteProducts("t", string.Empty);
                Accumulate("o");
                break;
        }
    }

    /// <summary>The path's backward step for the x1 channels this thread owns (a loop over them inside).</summary>
    /// <param name="rowMayBeWarp">
    /// Whether the kernel was written for a warp's worth of lanes per row: then, when a row is one warp at run time
    /// (<c>rowIsWarp</c>), the lanes' parts of x2's gradient are summed by shuffles and added once. Shared-memory float
    /// atomics are compare-and-swap loops on NVIDIA GPUs, and 32 lanes adding into one address serialize.
    /// </param>
    public void WriteBackward(bool rowMayBeWarp)
    {
        switch (_path.Mode)
        {
            case ConnectionMode.Uuw or ConnectionMode.Uuu:
                WriteBackwardUu();
                break;
            default:
                WriteBackwardUv(rowMayBeWarp);
                break;
        }
    }

    private void WriteBackwardUv(bool rowMayBeWarp)
    {
        ConnectionMode mode = _path.Mode;
        OpenLoop("v", V);
        LoadX2("v", string.Empty);
        WriteFold(string.Empty);
        if (mode == ConnectionMode.Uvv)
        {
            Line($"long fo = outRow + {Int(_path.OffsetOut)} + (v * {Int(D3)});");
            LoadGradient("fo");
        }

        Line("// this thread's part of dx2[v, j], summed over its u");
        foreach (int j in _sparsity.UsedJ)
        {
            Line($"{_element} d{j} = {Zero};");
        }

        OpenChannelLoop("u", U);
        LoadX1("u");
        string pair = $"(u * {Int(V)}) + v";
        if (mode == ConnectionMode.Uvw)
        {
            WriteProducts("t", string.Empty);
            WriteWeightContractionGradients($"(({pair}) * {Int(M)}) + o");
            WriteX1GradientFrom("h");
            WriteX2Contribution("x1_", "h", (j, value) => Line($"d{j} = {value} + d{j};"));
        }
        else
        {
            if (mode != ConnectionMode.Uvv)
            {
                string channel = mode == ConnectionMode.Uvu ? "u" : $"({pair})";
                Line($"long fo = outRow + {Int(_path.OffsetOut)} + ({channel} * {Int(D3)});");
                LoadGradient("fo");
            }

            string x1Weighted = WriteScalarWeightGradients(pair);
            WriteX2Contribution(x1Weighted, "g", (j, value) => Line($"d{j} = {value} + d{j};"));
        }

        _writer.CloseBlock();
        if (rowMayBeWarp)
        {
            _writer.OpenBlock("if (rowIsWarp)");
            Line("// the row's lanes are one warp: sum their parts by shuffles, then lane 0 adds the row's total");
            _writer.OpenBlock("for (int offset = lanes >> 1; offset > 0; offset >>= 1)");
            foreach (int j in _sparsity.UsedJ)
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
            foreach (int j in _sparsity.UsedJ)
            {
                Line($"global::ILGPU.Atomic.Add(ref dx2[dx2Row + {Int(_path.Offset2)} + (v * {Int(D2)}) + {j}], d{j});");
            }
        }
    }

    private void WriteBackwardUu()
    {
        bool sumOverU = _path.Mode == ConnectionMode.Uuw && !_path.HasWeight;
        if (sumOverU)
        {
            Line($"long fo = outRow + {Int(_path.OffsetOut)};");
            LoadGradient("fo");
        }

        OpenChannelLoop("u", U);
        LoadX1("u");
        LoadX2("u", string.Empty);
        WriteFold(string.Empty);
        string x2Gradient = $"dx2[dx2Row + {Int(_path.Offset2)} + (u * {Int(D2)}) + {{0}}]";
        void AddToX2(int j, string value) => Line($"global::ILGPU.Atomic.Add(ref {string.Format(CultureInfo.InvariantCulture, x2Gradient, j)}, {value});");
        if (_path.Mode == ConnectionMode.Uuw && _path.HasWeight)
        {
            WriteProducts("t", string.Empty);
            WriteWeightContractionGradients($"(u * {Int(M)}) + o");
            WriteX1GradientFrom("h");
            WriteX2Contribution("x1_", "h", AddToX2);
        }
        else
        {
            if (!sumOverU)
            {
                Line($"long fo = outRow + {Int(_path.OffsetOut)} + (u * {Int(D3)});");
                LoadGradient("fo");
            }

            string x1Weighted = WriteScalarWeightGradients("u");
            WriteX2Contribution(x1Weighted, "g", AddToX2);
        }

        _writer.CloseBlock();
    }

    /// <summary>
    /// s_i = Σ_k c_ik g_k, then dx1 += w s and dW = Σ_i x1_i s_i (or dx1 += s unweighted); returns the prefix of the
    /// x1 values that x2's gradient multiplies (w·x1 or x1).
    /// </summary>
    private string WriteScalarWeightGradients(string weightIndex)
    {
        foreach (int i in _sparsity.UsedI)
        {
            Line($"{_element} s{i} = {FoldedSum(i, "g")};");
        }

        if (!_path.HasWeight)
        {
            foreach (int i in _sparsity.UsedI)
            {
                Line($"gradX1[f1 + {i}] += s{i};");
            }

            return "x1_";
        }

        Line($"{_element} w = {Weight(weightIndex)};");
        foreach (int i in _sparsity.UsedI)
        {
            Line($"gradX1[f1 + {i}] += w * s{i};");
        }

        Line($"gradWeights[wRow + {Int(_path.WeightOffset)} + {weightIndex}] = {Sum(_sparsity.UsedI.Select(i => $"(x1_{i} * s{i})"))};");
        foreach (int i in _sparsity.UsedI)
        {
            Line($"{_element} wx{i} = w * x1_{i};");
        }

        return "wx";
    }

    /// <summary>For uvw and weighted uuw: h_k = Σ_o W[.., o] g[o, k] and dW[.., o] = Σ_k g[o, k] t_k, in one loop over o.</summary>
    private void WriteWeightContractionGradients(string weightIndex)
    {
        foreach (int k in _sparsity.UsedK)
        {
            Line($"{_element} h{k} = {Zero};");
        }

        OpenLoop("o", M);
        Line($"long fo = outRow + {Int(_path.OffsetOut)} + (o * {Int(D3)});");
        LoadGradient("fo");
        Line($"{_element} w = {Weight(weightIndex)};");
        foreach (int k in _sparsity.UsedK)
        {
            Line($"h{k} = (w * g{k}) + h{k};");
        }

        Line($"gradWeights[wRow + {Int(_path.WeightOffset)} + {weightIndex}] = {Sum(_sparsity.UsedK.Select(k => $"(g{k} * t{k})"))};");
        _writer.CloseBlock();
    }

    /// <summary>dx1[u, i] += Σ_k c_ik {vector}_k.</summary>
    private void WriteX1GradientFrom(string vector)
    {
        foreach (int i in _sparsity.UsedI)
        {
            Line($"gradX1[f1 + {i}] += {FoldedSum(i, vector)};");
        }
    }

    /// <summary>Σ_ik C_ijk {x1}_i {vector}_k for each j, handed to <paramref name="add"/>.</summary>
    private void WriteX2Contribution(string x1, string vector, System.Action<int, string> add)
    {
        foreach (int j in _sparsity.UsedJ)
        {
            var terms = _sparsity.Terms.Where(t => t.J == j).ToList();
            add(j, Sum(terms.Select(t => $"({x1}{t.I} * {vector}{t.K} * {Literal(t.Coefficient)})")));
        }
    }

    /// <summary>acc_k += w t_k (or t_k unweighted).</summary>
    private void Accumulate(string weightIndex)
    {
        if (_path.HasWeight)
        {
            Line($"{_element} w = {Weight(weightIndex)};");
        }

        foreach (int k in _sparsity.UsedK)
        {
            Line(_path.HasWeight ? $"acc{k} = (w * t{k}) + acc{k};" : $"acc{k} += t{k};");
        }
    }

    /// <summary>c_ik = Σ_j C_ijk x2_j for every folded pair.</summary>
    private void WriteFold(string suffix)
    {
        Line($"// fold x2 into the {Int(_sparsity.Terms.Count)} non-zero coefficients: {Int(_sparsity.Pairs.Count)} pairs (i, k)");
        foreach (FoldedPair pair in _sparsity.Pairs)
        {
            Line($"{_element} {pair.Name}{suffix} = {Sum(pair.Terms.Select(t => $"(x2_{t.J}{suffix} * {Literal(t.Coefficient)})"))};");
        }
    }

    /// <summary>{prefix}_k = Σ_i x1_i c_ik.</summary>
    private void WriteProducts(string prefix, string suffix)
    {
        foreach (int k in _sparsity.UsedK)
        {
            Line($"{_element} {prefix}{k} = {Sum(_sparsity.Pairs.Where(p => p.K == k).Select(p => $"(x1_{p.I} * {p.Name}{suffix})"))};");
        }
    }

    /// <summary>Σ_k c_ik {vector}_k over the folded pairs of row i.</summary>
    private string FoldedSum(int i, string vector) =>
        Sum(_sparsity.Pairs.Where(p => p.I == i).Select(p => $"({p.Name} * {vector}{Int(p.K)})"));

    private void LoadX1(string channel)
    {
        Line($"long f1 = x1Row + {Int(_path.Offset1)} + ({channel} * {Int(D1)});");
        foreach (int i in _sparsity.UsedI)
        {
            Line($"{_element} x1_{i} = x1[f1 + {i}];");
        }
    }

    private void LoadX2(string channel, string suffix)
    {
        string offset = channel == "0" ? string.Empty : $" + ({channel} * {Int(D2)})";
        Line($"long f2{suffix} = x2Row + {Int(_path.Offset2)}{offset};");
        foreach (int j in _sparsity.UsedJ)
        {
            Line($"{_element} x2_{j}{suffix} = x2[f2{suffix} + {j}];");
        }
    }

    private void LoadGradient(string feature)
    {
        foreach (int k in _sparsity.UsedK)
        {
            Line($"{_element} g{k} = gradOutput[{feature} + {k}];");
        }
    }

    private string Suffix => "_p" + Int(_path.Index);

    private string Weight(string index) => string.Format(CultureInfo.InvariantCulture, _weightRead, index);

    private string Zero => NumericLiteral.Of(0, _element);

    private static string Sum(IEnumerable<string> terms)
    {
        string result = string.Join(" + ", terms);
        return result.Length == 0 ? "0" : result;
    }

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

    private string Literal(double value) => NumericLiteral.Of(value, _element);
}
