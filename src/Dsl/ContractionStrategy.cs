namespace TensorGen
{
    /// <summary>How <see cref="EinsumAttribute"/> chooses the order in which operands are contracted.</summary>
    public enum ContractionStrategy
    {
        /// <summary>
        /// The best order found within the planning time limit: exact for small networks, exact with a cost cap or
        /// heuristics plus subtree reconfiguration for larger ones; never worse than <see cref="Greedy"/>.
        /// </summary>
        Auto = 0,

        /// <summary>Exact dynamic programming (Pfeifer, Haegeman and Verstraete 2014); greedy's order if it cannot finish in time.</summary>
        Optimal = 1,

        /// <summary>opt_einsum's greedy: repeatedly the pair whose contraction removes the most memory.</summary>
        Greedy = 2,

        /// <summary>The best of many randomized greedy runs (Boltzmann-sampled choices, seeded: reproducible).</summary>
        RandomGreedy = 3,

        /// <summary>Random greedy, then cotengra's subtree reconfiguration of the best tree.</summary>
        Reconfigure = 4,
    }
}
