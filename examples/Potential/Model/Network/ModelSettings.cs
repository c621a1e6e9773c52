namespace Potential.Network;

/// <summary>
/// The hyperparameters of the potential and the seed of its random weights.
/// </summary>
/// <param name="Cutoff">The interaction cutoff r_c in Å (radial basis and envelope).</param>
/// <param name="AverageNeighbors">The constant the sum over neighbours is normalized by (1/√n, as NequIP's avg_num_neighbors).</param>
/// <param name="EnergyScale">The per-atom energy's scale in eV (the random readout's output is multiplied by it).</param>
/// <param name="Seed">The seed of the random weights.</param>
/// <param name="RadialWeightScale">
/// The standard deviation of the radial network's random weights. NequIP's Bessel basis is small (about 2/r_c · 1/r), so with
/// unit weights the messages, and with them the forces, would hardly depend on the geometry; trained weights are larger.
/// </param>
/// <param name="Hidden">The radial network's hidden width.</param>
public sealed record ModelSettings(double Cutoff, double AverageNeighbors, double EnergyScale, int Seed, double RadialWeightScale = 1, int Hidden = 16);
