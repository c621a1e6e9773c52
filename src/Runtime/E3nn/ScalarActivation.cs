using System;
using System.Globalization;

namespace TensorGen.Runtime.E3nn;

/// <summary>The scalar functions a <see cref="Gate"/> applies.</summary>
public enum ActivationFunction
{
    /// <summary>x σ(x) (torch's <c>silu</c>, NequIP's and MACE's choice for scalars).</summary>
    SiLU = 0,

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ) (the usual choice for gates).</summary>
    Sigmoid = 1,

    /// <summary>tanh x (odd: keeps an odd scalar odd).</summary>
    Tanh = 2,

    /// <summary>|x| (even: makes an odd scalar even).</summary>
    Abs = 3,
}

/// <summary>
/// A scalar activation as e3nn applies it (<c>e3nn.nn.Activation</c>): f scaled by e3nn's <c>normalize2mom</c> constant
/// c = E[f(z)²]^(−1/2), z ~ N(0, 1), so that unit-variance inputs give unit second moment — with c = 1 when |c − 1| &lt; 10⁻⁴, as
/// e3nn. e3nn estimates E[f(z)²] from 10⁶ samples of torch's generator (seed 0); <see cref="Normalized"/> integrates it
/// exactly, and <see cref="WithScale"/> takes e3nn's own constant (e.g. from a trained model) to reproduce its numbers bit for bit.
/// </summary>
public sealed record ScalarActivation(ActivationFunction Function, double Scale)
{
    private static readonly Lazy<double>[] s_exactScales =
    {
        new(() => ExactScale(ActivationFunction.SiLU)), new(() => ExactScale(ActivationFunction.Sigmoid)),
        new(() => ExactScale(ActivationFunction.Tanh)), new(() => ExactScale(ActivationFunction.Abs)),
    };

    /// <summary>f normalized as e3nn does, with the exact second moment.</summary>
    public static ScalarActivation Normalized(ActivationFunction function)
    {
        if ((int)function < 0 || (int)function >= s_exactScales.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "Not an ActivationFunction.");
        }

        return new ScalarActivation(function, s_exactScales[(int)function].Value);
    }

    /// <summary>f times <paramref name="scale"/> (e3nn's <c>normalize2mom(f).cst</c>, or 1 for the bare function).</summary>
    public static ScalarActivation WithScale(ActivationFunction function, double scale) => new(function, scale);

    /// <summary>SiLU, normalized.</summary>
    public static ScalarActivation SiLU => Normalized(ActivationFunction.SiLU);

    /// <summary>Sigmoid, normalized.</summary>
    public static ScalarActivation Sigmoid => Normalized(ActivationFunction.Sigmoid);

    /// <summary>Tanh, normalized.</summary>
    public static ScalarActivation Tanh => Normalized(ActivationFunction.Tanh);

    /// <summary>
    /// +1 for an even function, −1 for an odd one, 0 for neither (e3nn's <c>p_act</c>): an odd scalar keeps a parity only under an
    /// even or odd function.
    /// </summary>
    public int Parity => Function switch
    {
        ActivationFunction.Tanh => -1,
        ActivationFunction.Abs => 1,
        _ => 0,
    };

    /// <summary>c·f(x) and its derivative.</summary>
    public (double Value, double Derivative) Evaluate(double x)
    {
        var (f, df) = Bare(Function, x);
        return (Scale * f, Scale * df);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Function}×{Scale.ToString("R", CultureInfo.InvariantCulture)}";

    private static (double Value, double Derivative) Bare(ActivationFunction function, double x)
    {
        switch (function)
        {
            case ActivationFunction.SiLU:
                {
                    double s = 1 / (1 + Math.Exp(-x));
                    return (x * s, s * (1 + (x * (1 - s))));
                }

            case ActivationFunction.Sigmoid:
                {
                    double s = 1 / (1 + Math.Exp(-x));
                    return (s, s * (1 - s));
                }

            case ActivationFunction.Tanh:
                {
                    double t = Math.Tanh(x);
                    return (t, 1 - (t * t));
                }

            default:
                return (Math.Abs(x), Math.Sign(x));
        }
    }

    /// <summary>E[f(z)²]^(−1/2) by composite Simpson over [−14, 14] (the Gaussian tail beyond is below 10⁻⁴³); 1 within 10⁻⁴ of 1, as e3nn.</summary>
    private static double ExactScale(ActivationFunction function)
    {
        const int Intervals = 28_000;
        const double Bound = 14;
        double h = 2 * Bound / Intervals, sum = 0;
        for (int k = 0; k <= Intervals; k++)
        {
            double z = -Bound + (k * h);
            double f = Bare(function, z).Value;
            double weight = k == 0 || k == Intervals ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight * f * f * Math.Exp(-0.5 * z * z);
        }

        double moment = sum * h / 3 / Math.Sqrt(2 * Math.PI);
        double scale = 1 / Math.Sqrt(moment);
        return Math.Abs(scale - 1) < 1e-4 ? 1 : scale;
    }
}
