using System;
using System.Diagnostics;
using System.Linq;
using Mace.Geometry;
using Mace.Kernels;
using Mace.Network;
using Mace.Verification;
using Potential.Geometry;
using Potential.Verification;

// A MACE-style interatomic potential (Batatia et al., NeurIPS 2022) from TensorGen kernels and plain C#, double precision:
//   per-element embedding (8x0e); edge vectors → [SphericalHarmonics] (l ≤ 2) and a Bessel basis × polynomial envelope → radial MLP
//   2 × ( [TensorProductConvolution] → [EquivariantLinear] (atomic basis A = 8x0e+8x1o+8x2e) → [SymmetricContraction] (ν = 3, per element)
//         → [EquivariantLinear] + residual on the scalars ), energy readouts from the scalars of each layer + per-element E0;
//   forces F = −∂E/∂r by reverse mode through every generated kernel's backward pass (radial MLP and readouts by hand).
// Usage: dotnet run -c Release --project examples/Mace

const double Cutoff = 5.0;           // Å: the first three shells of the simple-cubic sites (26 neighbours)
var settings = new MaceSettings(Cutoff, AverageNeighbors: 26, Seed: 7, ReferenceEnergies: [-1.25, -2.5, -3.75], EnergyScale: 1);
AtomicSystem system = AtomicSystem.Generate(sitesPerSide: 4, spacing: 2.6, elementCount: MaceKernels.Elements, displacement: 0.15, seed: 11);
var field = new MaceForceField(MaceModel.Create(settings));
NeighborList graph = NeighborList.Build(system.Positions, system.Box, Cutoff);
int atoms = system.AtomCount;

string composition = string.Join(", ", Enumerable.Range(0, MaceKernels.Elements).Select(e => $"{system.Elements.Count(x => x == e)} of element {e}"));
Console.WriteLine($"System: {atoms} atoms ({composition}) on jittered simple-cubic sites, box {system.Box.X:F2} Å, cutoff {Cutoff} Å, {graph.EdgeCount} edges ({(double)graph.EdgeCount / atoms:F1} per atom)");
Console.WriteLine($"Model: {MaceKernels.Channels} channels, edge harmonics {MaceKernels.EdgeIrreps}, 2 layers, correlation 3, {MaceKernels.Elements} elements");
foreach ((string name, LayerKernels k) in new[] { ("layer 1", LayerKernels.First), ("layer 2", LayerKernels.Second) })
{
    Console.WriteLine($"  {name}: interaction {k.Message.Irreps1} x {k.Message.Irreps2} -> {k.Message.IrrepsOut} ({k.Message.PathCount} paths, {k.Message.WeightCount} weights per edge)"
        + $" -> linear -> A {k.AtomicBasis.IrrepsOut} -> symmetric contraction ({k.ContractionWeightCount} weights) -> {k.Product.IrrepsOut} -> linear");
}

Console.WriteLine();
var forces = new double[system.Positions.Length];
long start = Stopwatch.GetTimestamp();
double energy = field.Compute(system, forces);
double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
double reference = field.Model.ReferenceEnergy(system.Elements);
Console.WriteLine($"Energy: {energy:F10} eV ({energy / atoms:F6} eV/atom; interaction E - sum E0 = {energy - reference:F10} eV, {(energy - reference) / atoms:F6} eV/atom)");
double[] net = [0, 0, 0];
for (int i = 0; i < forces.Length; i++)
{
    net[i % 3] += forces[i];
}

Console.WriteLine($"RMS force {Math.Sqrt(forces.Sum(f => f * f) / forces.Length):F6} eV/Å; |sum of forces| {Math.Sqrt(net.Sum(f => f * f)):E1} eV/Å (each edge pulls its two atoms equally)");
Console.WriteLine("Forces (eV/Å) on the first atoms:");
for (int a = 0; a < 4; a++)
{
    Console.WriteLine($"  atom {a} (element {system.Elements[a]}): {forces[3 * a],12:F8} {forces[(3 * a) + 1],12:F8} {forces[(3 * a) + 2],12:F8}");
}

start = Stopwatch.GetTimestamp();
field.Compute(system, new double[forces.Length]);
Console.WriteLine($"One energy + forces evaluation: {milliseconds:F0} ms the first time (JIT included), {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F1} ms the second");
Console.WriteLine();

CheckResult[] checks = MaceChecks.All(field, system, samples: 12, seed: 21);
Console.WriteLine("Checks:");
foreach (CheckResult check in checks)
{
    Console.WriteLine("  " + check);
}

if (checks.Any(c => !c.Passed))
{
    Console.Error.WriteLine("A check failed.");
    return 1;
}

Console.WriteLine("All checks passed.");
return 0;
