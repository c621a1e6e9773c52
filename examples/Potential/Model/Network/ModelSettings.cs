namespace Potential.Network;

/// <summary>
/// The hyperparameters of the potential and the seed of its random weights.
/// </summary>
/// <param name="Cutoff">The interaction cutoff r_c in Å (radial basis and envelope).</param>
/// <param name="AverageNeighbors">The constant the sum over neighbours is normalized by (1/√n, as NequIP's avg_num_neighbors).</param>
/// <param name="EnergyScale">The per-atom energy's scale in eV (the random readout's output is multiplied by it).</param>
/// <param name="Seed">The seed of the random weights.</param>
/// <param name="Hidden">The radial network's hidden width.</param>
public sealed record ModelSettings(double Cutoff, double AverageNeighbors, double EnergyScale, int Seed, int Hidden = 16);
