using System;

namespace Mace.Network;

/// <summary>Random weights from N(0, scale²) that the seed alone fixes on every platform.</summary>
public static class GaussianWeights
{
    /// <summary><paramref name="count"/> draws by Box–Muller from <paramref name="random"/>.</summary>
    public static double[] Draw(Random random, int count, double scale)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return values;
    }
}
