namespace TensorGen.Cli;

/// <summary>The help text.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: tensorgen plan "<expression>" --sizes a=2,b=3,... [options]
               tensorgen plan --network file.json [options]

        Plans the contraction order of an einsum expression (numpy's notation, e.g. "ij,jk,kl->il") and
        prints the plan: cost in opt_einsum's units (a pairwise step costs the product of its index sizes,
        twice that when it sums an index), largest intermediate, one line per step. An index is any character
        but ',', '-', '>', '.' and whitespace, as in opt_einsum.

        Options:
          --sizes a=2,b=3,...     every index's size
          --sizes-file FILE       a JSON object from index to size, e.g. {"a": 2, "é": 3, "×": 4}
          --network FILE          a network in cotengra's form instead of an expression and sizes:
                                  {"inputs": [["a", "b"], ...], "output": [...], "size_dict": {"a": 2, ...}}
                                  (index names of any length)
          --strategy S            auto (default), optimal, greedy, random-greedy, reconfigure, hyper
          --minimize M            flops (default), size (largest intermediate), combo (flops + 64 x writes)
          --memory-limit N        the most elements an intermediate may have; slices indices if it must
          --time-limit SECONDS    how long planning may take (default 1); large networks search until it is used
                                  up, on every core, with progress on stderr past 3 s
          --seed N                seeds the search (default 0): the same seed and core count give the same plan
          --json                  print one JSON object: {"path", "flops", "largestIntermediate", "strategy", "seconds"}
          -h, --help              this text

        """;
}
