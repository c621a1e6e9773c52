namespace TensorGen.Equivariance;

/// <summary>
/// How an instruction couples the multiplicities of its two inputs (u of x1, v of x2) into the output's (w),
/// e3nn's <c>connection_mode</c>. With C the Wigner 3j symbol and W the path's weights:
/// <list type="bullet">
/// <item><description>uvw: out[w,k] = Σ_{u,v,i,j} W[u,v,w] C[i,j,k] x1[u,i] x2[v,j] (fully connected; always weighted)</description></item>
/// <item><description>uvu: out[u,k] = Σ_{v,i,j} W[u,v] C x1[u,i] x2[v,j] (mul_out = mul1)</description></item>
/// <item><description>uvv: out[v,k] = Σ_{u,i,j} W[u,v] C x1[u,i] x2[v,j] (mul_out = mul2)</description></item>
/// <item><description>uuw: out[w,k] = Σ_{u,i,j} W[u,w] C x1[u,i] x2[u,j] (mul1 = mul2; unweighted: mul_out = 1)</description></item>
/// <item><description>uuu: out[u,k] = Σ_{i,j} W[u] C x1[u,i] x2[u,j] (mul1 = mul2 = mul_out)</description></item>
/// <item><description>uvuv: out[u·mul2+v,k] = Σ_{i,j} W[u,v] C x1[u,i] x2[v,j] (mul_out = mul1·mul2)</description></item>
/// </list>
/// Unweighted instructions drop W.
/// </summary>
internal enum ConnectionMode
{
    Uvw,
    Uvu,
    Uvv,
    Uuw,
    Uuu,
    Uvuv,
}

internal static class ConnectionModes
{
    public static bool TryParse(string text, out ConnectionMode mode)
    {
        switch (text)
        {
            case "uvw":
                mode = ConnectionMode.Uvw;
                return true;
            case "uvu":
                mode = ConnectionMode.Uvu;
                return true;
            case "uvv":
                mode = ConnectionMode.Uvv;
                return true;
            case "uuw":
                mode = ConnectionMode.Uuw;
                return true;
            case "uuu":
                mode = ConnectionMode.Uuu;
                return true;
            case "uvuv":
                mode = ConnectionMode.Uvuv;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    public static string Name(this ConnectionMode mode) => mode switch
    {
        ConnectionMode.Uvw => "uvw",
        ConnectionMode.Uvu => "uvu",
        ConnectionMode.Uvv => "uvv",
        ConnectionMode.Uuw => "uuw",
        ConnectionMode.Uuu => "uuu",
        _ => "uvuv",
    };

    /// <summary>The shape of the path's weights (e3nn <c>path_shape</c>).</summary>
    public static int[] PathShape(this ConnectionMode mode, int mul1, int mul2, int mulOut) => mode switch
    {
        ConnectionMode.Uvw => new[] { mul1, mul2, mulOut },
        ConnectionMode.Uvu => new[] { mul1, mul2 },
        ConnectionMode.Uvv => new[] { mul1, mul2 },
        ConnectionMode.Uuw => new[] { mul1, mulOut },
        ConnectionMode.Uuu => new[] { mul1 },
        _ => new[] { mul1, mul2 },
    };

    /// <summary>How many input pairs feed one output element (e3nn's <c>num_elements</c>, used by path normalization).</summary>
    public static int NumElements(this ConnectionMode mode, int mul1, int mul2) => mode switch
    {
        ConnectionMode.Uvw => mul1 * mul2,
        ConnectionMode.Uvu => mul2,
        ConnectionMode.Uvv => mul1,
        ConnectionMode.Uuw => mul1,
        _ => 1,
    };
}
