using System;

namespace Potential.Physics;

/// <summary>Metal units: energy eV, length Å, mass amu, so time is Å·√(amu/eV) ≈ 10.18 fs.</summary>
public static class Units
{
    /// <summary>k_B in eV/K (CODATA 2018).</summary>
    public const double Boltzmann = 8.617333262e-5;

    /// <summary>The time unit √(amu/eV)·Å in femtoseconds (1 amu = 1.66053906660e-27 kg, 1 eV = 1.602176634e-19 J).</summary>
    public static readonly double FemtosecondsPerTimeUnit = 1e-10 * Math.Sqrt(1.66053906660e-27 / 1.602176634e-19) * 1e15;

    /// <summary>The mass of argon in amu.</summary>
    public const double ArgonMass = 39.948;
}
