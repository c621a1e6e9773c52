using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;

namespace TensorGen.Decompositions.Tests.Reference;

/// <summary>
/// Dense tensors of the formats computed by the reference interpreter from the components, with expressions
/// written here from the formats' definitions (not taken from TensorGen's lowering).
/// </summary>
public static class ReferenceFormats
{
    private const string Modes = "abcdefghij";
    private const string Internal = "pqrstuvwxyz";

    /// <summary>X[a,b,…] = Σ_r λ_r A[a,r] B[b,r] ⋯.</summary>
    public static ComplexArray Cp<T>(CpTensor<T> x)
        where T : unmanaged, INumberBase<T>
    {
        string expression = "r," + string.Join(",", Enumerable.Range(0, x.Order).Select(k => Modes[k] + "r")) + "->" + Modes[..x.Order];
        return ComplexReference.Evaluate(expression, x.Factors.Prepend(x.Weights).Select(ComplexArray.Of).ToArray());
    }

    /// <summary>X[a,b,…] = Σ G[p,q,…] U[a,p] V[b,q] ⋯.</summary>
    public static ComplexArray Tucker<T>(TuckerTensor<T> x)
        where T : unmanaged, INumberBase<T>
    {
        string expression = Internal[..x.Order] + "," + string.Join(",", Enumerable.Range(0, x.Order).Select(k => $"{Modes[k]}{Internal[k]}"))
            + "->" + Modes[..x.Order];
        return ComplexReference.Evaluate(expression, x.Factors.Prepend(x.Core).Select(ComplexArray.Of).ToArray());
    }

    /// <summary>X[a,b,…] = G₁[p,a,q] G₂[q,b,r] ⋯.</summary>
    public static ComplexArray Train<T>(IReadOnlyList<Tensor<T>> cores)
        where T : unmanaged, INumberBase<T>
    {
        string expression = string.Join(",", Enumerable.Range(0, cores.Count).Select(k => $"{Internal[k]}{Modes[k]}{Internal[k + 1]}"))
            + "->" + Modes[..cores.Count];
        return ComplexReference.Evaluate(expression, cores.Select(ComplexArray.Of).ToArray());
    }

    /// <summary>A[a,b,…, A,B,…] = A₁[p,a,A,q] A₂[q,b,B,r] ⋯ (rows' modes lower case, columns' upper case).</summary>
    public static ComplexArray TrainMatrix<T>(IReadOnlyList<Tensor<T>> cores)
        where T : unmanaged, INumberBase<T>
    {
        string columns = Modes.ToUpperInvariant();
        string expression = string.Join(",", Enumerable.Range(0, cores.Count).Select(k => $"{Internal[k]}{Modes[k]}{columns[k]}{Internal[k + 1]}"))
            + "->" + Modes[..cores.Count] + columns[..cores.Count];
        return ComplexReference.Evaluate(expression, cores.Select(ComplexArray.Of).ToArray());
    }
}
