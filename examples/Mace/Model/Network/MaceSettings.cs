namespace Mace.Network;

/// <summary>The hyperparameters of the MACE-style model and the seed of its random weights.</summary>
/// <param name="Cutoff">r_c in Å (radial basis and envelope; MACE's r_max).</param>
/// <param name="AverageNeighbors">The constant the sum over neighbours is normalized by (MACE's avg_num_neighbors).</param>
/// <param name="Seed">The seed of the random weights.</param>
/// <param name="ReferenceEnergies">E0 per element in eV (MACE's atomic_energies), added to every atom's energy.</param>
/// <param name="EnergyScale">The per-atom interaction energy's scale in eV (MACE's ScaleShift scale).</param>
/// <param name="RadialWeightScale">
/// The standard deviation of the radial network's random weights: the Bessel basis is small, so with unit weights the messages would
/// hardly depend on the geometry (trained weights are larger). 2 gives the example's system an interaction energy of about 1 eV per
/// atom and forces of about 1 eV/Å; 4 gives forces ten times larger and a symmetric contraction that amplifies them.
/// </param>
/// <param name="Hidden">The radial network's hidden width.</param>
/// <param name="ReadoutHidden">The last layer's non-linear readout width (MACE's MLP_irreps "16x0e").</param>
public sealed record MaceSettings(double Cutoff, double AverageNeighbors, int Seed, double[] ReferenceEnergies, double EnergyScale = 1,
    double RadialWeightScale = 2, int Hidden = 16, int ReadoutHidden = 16);
