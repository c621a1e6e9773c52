using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Potential.Geometry;
using Potential.Kernels;
using Potential.Network;
using Potential.Physics;
using Potential.Verification;

// A NequIP-style interatomic potential from TensorGen kernels and plain C#, its force checks, and NVE dynamics:
//   edge vectors → [SphericalHarmonics] (l ≤ 2) and a Bessel basis → radial MLP ([Einsum]) → per-edge weights
//   2 × ( [TensorProductConvolution] → Linear ([TensorProduct] with 1) + self-interaction → gate )
//   per-atom energy from the scalars; forces by reverse mode ([...Backward] kernels, the gate and MLP by hand), double precision.
// Usage: dotnet run -c Release --project examples/Potential [-- --steps N]

int steps = ParseSteps(args);
const int CellsPerSide = 4;           // 4 × 4 × 4 fcc cells: 256 argon atoms
const double Cutoff = 6.0;            // Å: the first two neighbour shells (18 neighbours)
const double TimeStepFs = 2.0;
const double Temperature = 40.0;      // K: solid argon
// Random weights: the radial network's scaled up so the network's forces are about half the pair term's, the energy scaled down
// so the crystal stays a solid (larger radial weights give a network whose forces melt it within a picosecond).
var settings = new ModelSettings(Cutoff, AverageNeighbors: 18, EnergyScale: 0.1, Seed: 15, RadialWeightScale: 4);

var model = NequipModel.Create(settings);
var field = new ForceField(model, LennardJones.Argon(Cutoff));
(double[] positions, PeriodicBox box) = ArgonCrystal.Create(CellsPerSide, displacement: 0.05, seed: 1);
int atoms = positions.Length / 3;
NeighborList graph = NeighborList.Build(positions, box, Cutoff);

Console.WriteLine($"System: {atoms} argon atoms, fcc a = {ArgonCrystal.LatticeConstant} Å, box {box.X:F2} Å, cutoff {Cutoff} Å, {graph.EdgeCount} edges ({(double)graph.EdgeCount / atoms:F1} per atom)");
Console.WriteLine($"Model: features {PotentialKernels.FeatureIrreps}, edges {PotentialKernels.EdgeIrreps}, 2 interaction layers, {settings.Hidden}-wide radial MLP on {Potential.Radial.RadialNetwork.BasisCount} Bessel functions (p = 6 envelope)");
foreach ((string name, var d) in new[] { ("layer 1 convolution", PotentialKernels.Message1), ("layer 2 convolution", PotentialKernels.Message2) })
{
    Console.WriteLine($"  {name}: {d.Irreps1} x {d.Irreps2} -> {d.IrrepsOut}, {d.PathCount} paths, {d.WeightCount} weights per edge, {d.ForwardFlops:N0} FLOPs per edge forward");
}

Console.WriteLine();

// The checks run on the network alone (the part TensorGen computes) and on the full potential; any failure ends the run.
var network = new ForceField(model, pair: null);
var checks = new[]
{
    ForceChecks.FiniteDifferences(network, positions, box, samples: 12, seed: 2),
    ForceChecks.FiniteDifferences(field, positions, box, samples: 6, seed: 3),
}.Concat(Pairs(ForceChecks.Rotation(network, positions, box, seed: 4)))
 .Concat(Pairs(ForceChecks.Translation(network, positions, box, seed: 5)))
 .ToArray();
Console.WriteLine("Checks (network alone, then the full potential for the second finite-difference line):");
foreach (CheckResult check in checks)
{
    Console.WriteLine("  " + check);
}

if (checks.Any(c => !c.Passed))
{
    Console.Error.WriteLine("A force check failed.");
    return 1;
}

var forces = new double[positions.Length];
double networkEnergy = network.Compute(positions, box, forces);
double networkRms = Math.Sqrt(forces.Sum(f => f * f) / forces.Length);
double totalEnergy = field.Compute(positions, box, forces);
Console.WriteLine($"Energies at start: network {networkEnergy / atoms:F5} eV/atom, total {totalEnergy / atoms:F5} eV/atom; RMS force: network {networkRms:F4} eV/Å, total {Math.Sqrt(forces.Sum(f => f * f) / forces.Length):F4} eV/Å");
Console.WriteLine();

// NVE dynamics.
double[] velocities = ArgonCrystal.Velocities(atoms, Units.ArgonMass, Temperature, seed: 6);
var md = new VelocityVerlet(field, box, Units.ArgonMass, TimeStepFs, positions, velocities);
var energies = new double[steps + 1];
energies[0] = md.TotalEnergy;
int every = Math.Max(1, steps / 20);
Console.WriteLine($"NVE, velocity Verlet, dt = {TimeStepFs} fs, {steps} steps, T0 = {Temperature} K");
Console.WriteLine("   step   time/ps   E_pot/eV     E_kin/eV     E_tot/eV       T/K");
Print(0);
long start = Stopwatch.GetTimestamp();
for (int step = 1; step <= steps; step++)
{
    md.Step();
    energies[step] = md.TotalEnergy;
    if (step % every == 0 || step == steps)
    {
        Print(step);
    }
}

double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
Console.WriteLine();
Console.WriteLine($"{seconds * 1e3 / Math.Max(steps, 1):F1} ms per step (energy, forces, neighbour list)");

// Drift: the largest excursion per atom, a least-squares slope, and the excursion in each quarter (growth would show there).
double maxDeviation = energies.Max(e => Math.Abs(e - energies[0])) / atoms;
double slope = Slope(energies) / atoms / (TimeStepFs * 1e-3);
Console.WriteLine($"Energy drift over {steps} steps ({steps * TimeStepFs * 1e-3:F1} ps): max |E(t) - E(0)| / N = {maxDeviation:E2} eV/atom, linear fit slope {slope:E2} eV/atom/ps");
if (steps >= 4)
{
    string quarters = string.Join(", ", Enumerable.Range(0, 4).Select(q =>
    {
        int from = q * steps / 4, to = (q + 1) * steps / 4;
        return (energies.Skip(from).Take(to - from + 1).Max(e => Math.Abs(e - energies[0])) / atoms).ToString("E2", CultureInfo.InvariantCulture);
    }));
    Console.WriteLine($"max |E(t) - E(0)| / N in each quarter of the run: {quarters} eV/atom");
}

if (!double.IsFinite(maxDeviation))
{
    Console.Error.WriteLine("The dynamics blew up.");
    return 1;
}

return 0;

void Print(int step) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{step,7} {step * TimeStepFs * 1e-3,9:F3} {md.PotentialEnergy,12:F6} {md.KineticEnergy,12:F6} {md.TotalEnergy,14:F8} {md.Temperature,9:F2}"));

static CheckResult[] Pairs((CheckResult A, CheckResult B) pair) => [pair.A, pair.B];

static int ParseSteps(string[] args)
{
    int steps = 1000;
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--steps" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            steps = n;
            i++;
        }
        else
        {
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: dotnet run -c Release --project examples/Potential [-- --steps N]");
            Environment.Exit(2);
        }
    }

    return steps;
}

// The least-squares slope of the energies against the step index.
static double Slope(double[] values)
{
    double n = values.Length, meanX = (n - 1) / 2, meanY = values.Average();
    double covariance = 0, variance = 0;
    for (int i = 0; i < values.Length; i++)
    {
        covariance += (i - meanX) * (values[i] - meanY);
        variance += (i - meanX) * (i - meanX);
    }

    return variance > 0 ? covariance / variance : 0;
}
