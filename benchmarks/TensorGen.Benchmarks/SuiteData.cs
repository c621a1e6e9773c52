using System;

namespace TensorGen.Benchmarks;

/// <summary>Deterministic operands for the suite.</summary>
internal static class SuiteData
{
    /// <summary><paramref name="length"/> values uniform in [−0.5, 0.5), seeded by the length and <paramref name="seed"/>.</summary>
    public static float[] Random(int length, int seed = 0)
    {
        var random = new Random(length * 31 + seed);
        var data = new float[length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble() - 0.5f;
        }

        return data;
    }
}
