using System;
using Mace.Kernels;

namespace Mace.Network;

/// <summary>
/// MACE's per-layer energy readouts on the scalar channels (the leading <see cref="MaceKernels.Channels"/> entries of each row):
/// a linear one (LinearReadoutBlock) and, for the last layer, a one-hidden-layer SiLU network (NonLinearReadoutBlock), both with
/// e3nn's 1/√fan-in. Each writes ∂E/∂features next to the energy; the maps are small enough to write by hand.
/// </summary>
public static class Readouts
{
    /// <summary>Σ_atoms w · s / √C, adding its gradient into <paramref name="gradFeatures"/>.</summary>
    public static double Linear(double[] weights, double[] features, int dim, int atoms, double scale, double[] gradFeatures)
    {
        int channels = weights.Length;
        double norm = scale / Math.Sqrt(channels), energy = 0;
        for (int a = 0; a < atoms; a++)
        {
            for (int c = 0; c < channels; c++)
            {
                energy += norm * weights[c] * features[(a * dim) + c];
                gradFeatures[(a * dim) + c] += norm * weights[c];
            }
        }

        return energy;
    }

    /// <summary>
    /// Σ_atoms v · SiLU(W s / √C) / √H with W [H, C] row-major, adding its gradient into <paramref name="gradFeatures"/>.
    /// </summary>
    public static double NonLinear(double[] first, double[] second, double[] features, int dim, int atoms, double scale, double[] gradFeatures)
    {
        int hidden = second.Length, channels = first.Length / hidden;
        double inNorm = 1 / Math.Sqrt(channels), outNorm = scale / Math.Sqrt(hidden), energy = 0;
        var gradPre = new double[hidden];
        for (int a = 0; a < atoms; a++)
        {
            for (int h = 0; h < hidden; h++)
            {
                double pre = 0;
                for (int c = 0; c < channels; c++)
                {
                    pre += first[(h * channels) + c] * features[(a * dim) + c];
                }

                pre *= inNorm;
                double sigmoid = 1 / (1 + Math.Exp(-pre));
                energy += outNorm * second[h] * pre * sigmoid;
                // SiLU'(x) = σ(x) (1 + x (1 − σ(x))).
                gradPre[h] = outNorm * second[h] * sigmoid * (1 + (pre * (1 - sigmoid))) * inNorm;
            }

            for (int c = 0; c < channels; c++)
            {
                double sum = 0;
                for (int h = 0; h < hidden; h++)
                {
                    sum += gradPre[h] * first[(h * channels) + c];
                }

                gradFeatures[(a * dim) + c] += sum;
            }
        }

        return energy;
    }
}
