using System;
using Potential.Geometry;

namespace Potential.Physics;

/// <summary>
/// NVE molecular dynamics by velocity Verlet (symplectic and time-reversible: with conservative forces the total energy
/// fluctuates by O(Δt²) and does not drift). The neighbour list is rebuilt every step, so the energy is one function of the positions.
/// </summary>
public sealed class VelocityVerlet
{
    private readonly ForceField _field;
    private readonly PeriodicBox _box;
    private readonly double _mass;
    private readonly double _dt;
    private readonly double[] _forces;

    /// <param name="field">The forces.</param>
    /// <param name="box">The periodic box.</param>
    /// <param name="mass">Every atom's mass in amu.</param>
    /// <param name="timeStepFs">Δt in fs.</param>
    /// <param name="positions">The positions [N, 3] in Å, advanced in place.</param>
    /// <param name="velocities">The velocities [N, 3] in Å per time unit, advanced in place.</param>
    public VelocityVerlet(ForceField field, PeriodicBox box, double mass, double timeStepFs, double[] positions, double[] velocities)
    {
        _field = field;
        _box = box;
        _mass = mass;
        _dt = timeStepFs / Units.FemtosecondsPerTimeUnit;
        Positions = positions;
        Velocities = velocities;
        _forces = new double[positions.Length];
        PotentialEnergy = _field.Compute(Positions, _box, _forces);
    }

    /// <summary>The positions [N, 3] in Å.</summary>
    public double[] Positions { get; }

    /// <summary>The velocities [N, 3].</summary>
    public double[] Velocities { get; }

    /// <summary>The potential energy at the current positions, eV.</summary>
    public double PotentialEnergy { get; private set; }

    /// <summary>The kinetic energy, eV.</summary>
    public double KineticEnergy
    {
        get
        {
            double sum = 0;
            foreach (double v in Velocities)
            {
                sum += v * v;
            }

            return 0.5 * _mass * sum;
        }
    }

    /// <summary>The total energy, eV.</summary>
    public double TotalEnergy => PotentialEnergy + KineticEnergy;

    /// <summary>The instantaneous temperature in K (3N − 3 degrees of freedom).</summary>
    public double Temperature => 2 * KineticEnergy / (3 * ((Positions.Length / 3) - 1) * Units.Boltzmann);

    /// <summary>One step: half kick, drift, new forces, half kick.</summary>
    public void Step()
    {
        double halfKick = 0.5 * _dt / _mass;
        for (int i = 0; i < Positions.Length; i++)
        {
            Velocities[i] += halfKick * _forces[i];
            Positions[i] += _dt * Velocities[i];
        }

        PotentialEnergy = _field.Compute(Positions, _box, _forces);
        for (int i = 0; i < Positions.Length; i++)
        {
            Velocities[i] += halfKick * _forces[i];
        }
    }
}
