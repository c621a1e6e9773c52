using System;

namespace TensorGen.Planning;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 generator: tiny, and the same numbers on every runtime (System.Random's
/// seeded sequence is an implementation detail), so that seeded plans are reproducible everywhere.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A normal deviate (Box–Muller).</summary>
    public double Gaussian(double mean, double deviation)
    {
        double u = 1.0 - NextDouble();
        double v = NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
    }
}
