using System;
using System.Collections.Generic;
using System.Linq;
using TensorGen.Model;
using TensorGen.Planning;

namespace TensorGen.Decompositions.Lowering;

/// <summary>
/// Lowers each decomposition operation to one einsum network over the components of its inputs, so that the
/// contraction planner orders it and the einsum kernels run it; the structure never has to be densified.
/// Mode indices are lettered first (a, b, c, … for order 3), then each format's ranks or bonds.
/// </summary>
/// <remarks>
/// Inputs are numbered as the operation's parameters: Reconstruct, Norm (x); Inner (x, y); ModeProduct and
/// ModeVectorProduct (x, then one dense matrix or vector per listed mode); Mttkrp (dense X, CP factors);
/// MatVec (A, dense vector); Expectation (x, A, y). Inner products conjugate their left side.
/// </remarks>
internal static class DecompositionLowering
{
    /// <exception cref="ArgumentException">The format does not have the operation, or the modes do not fit it.</exception>
    public static LoweredContraction Lower(OperationSpec spec)
    {
        DecompositionFormat format = spec.Format;
        int order = spec.Order;
        if (order < 1)
        {
            throw new ArgumentException($"A decomposed tensor has at least one mode, not {order}.", nameof(spec));
        }

        var network = new Network();
        switch (spec.Operation)
        {
            case DecompositionOperation.Reconstruct:
            {
                string[] modes = network.Letters.Take(order);
                string[]? columns = format == DecompositionFormat.TensorTrainMatrix ? network.Letters.Take(order) : null;
                FormatTerms x = network.AddFormat(format, 0, false, modes, columns);
                return network.Finish(modes.Concat(columns ?? Array.Empty<string>()), IsTrain(format) ? Chain(network.Count, x.Positions) : null);
            }

            case DecompositionOperation.ModeProduct:
            case DecompositionOperation.ModeVectorProduct:
            {
                RequireFormat(spec, DecompositionFormat.Cp, DecompositionFormat.Tucker, DecompositionFormat.TensorTrain);
                ThrowIfBadModes(spec, minimum: 1);
                bool matrices = spec.Operation == DecompositionOperation.ModeProduct;
                string[] modes = network.Letters.Take(order);
                FormatTerms x = network.AddFormat(format, 0, false, modes, null);
                var output = modes.ToList();
                var denseAt = new int[spec.Modes.Count];
                for (int i = 0; i < spec.Modes.Count; i++)
                {
                    int mode = spec.Modes[i];
                    if (matrices)
                    {
                        string image = network.Letters.Next();
                        denseAt[i] = network.AddDense(1 + i, i, image, modes[mode]);
                        output[mode] = image;
                    }
                    else
                    {
                        denseAt[i] = network.AddDense(1 + i, i, modes[mode]);
                        output.Remove(modes[mode]);
                    }
                }

                ContractionPath? sweep = null;
                if (format == DecompositionFormat.TensorTrain)
                {
                    // Apply each matrix or vector to its core first (the cheapest place), then sweep along the train.
                    var builder = new PathBuilder(network.Count);
                    int[] cores = x.Positions.ToArray();
                    for (int i = 0; i < spec.Modes.Count; i++)
                    {
                        cores[spec.Modes[i]] = builder.Contract(cores[spec.Modes[i]], denseAt[i]);
                    }

                    int product = cores[0];
                    for (int k = 1; k < cores.Length; k++)
                    {
                        product = builder.Contract(product, cores[k]);
                    }

                    sweep = builder.ToPath();
                }

                return network.Finish(output, sweep);
            }

            case DecompositionOperation.Inner:
            case DecompositionOperation.Norm:
            {
                string[] modes = network.Letters.Take(order);
                string[]? columns = format == DecompositionFormat.TensorTrainMatrix ? network.Letters.Take(order) : null;
                int ySource = spec.Operation == DecompositionOperation.Inner ? 1 : 0;
                FormatTerms x = network.AddFormat(format, 0, true, modes, columns);
                FormatTerms y = network.AddFormat(format, ySource, false, modes, columns);
                return network.Finish(Array.Empty<string>(), IsTrain(format) ? Zipper(network.Count, x.Positions, y.Positions) : null);
            }

            case DecompositionOperation.Mttkrp:
            {
                RequireFormat(spec, DecompositionFormat.Cp);
                ThrowIfBadModes(spec, minimum: 1);
                if (spec.Modes.Count != 1)
                {
                    throw new ArgumentException($"MTTKRP is taken along one mode, not {spec.Modes.Count}.", nameof(spec));
                }

                int mode = spec.Modes[0];
                string[] modes = network.Letters.Take(order);
                network.AddDense(0, 0, modes);
                FormatTerms factors = network.AddFormat(format, 1, false, modes, null, skippedFactor: mode, withWeights: false);
                return network.Finish(new[] { modes[mode], factors.RankLabel! }, null);
            }

            case DecompositionOperation.MatVec:
            {
                RequireFormat(spec, DecompositionFormat.TensorTrainMatrix);
                string[] rows = network.Letters.Take(order);
                string[] columns = network.Letters.Take(order);
                FormatTerms a = network.AddFormat(format, 0, false, rows, columns);
                int vector = network.AddDense(1, 0, columns);

                // The vector meets the first core, then each core in turn absorbs one of its modes.
                var builder = new PathBuilder(network.Count);
                int product = builder.Contract(vector, a.Positions[0]);
                for (int k = 1; k < order; k++)
                {
                    product = builder.Contract(product, a.Positions[k]);
                }

                return network.Finish(rows, builder.ToPath());
            }

            case DecompositionOperation.Expectation:
            {
                RequireFormat(spec, DecompositionFormat.TensorTrainMatrix);
                string[] rows = network.Letters.Take(order);
                string[] columns = network.Letters.Take(order);
                FormatTerms x = network.AddFormat(DecompositionFormat.TensorTrain, 0, true, rows, null);
                FormatTerms a = network.AddFormat(format, 1, false, rows, columns);
                FormatTerms y = network.AddFormat(DecompositionFormat.TensorTrain, 2, false, columns, null);

                // The three-layer zipper: the environment [x bond, A bond, y bond] absorbs x_k, A_k, y_k in turn.
                var builder = new PathBuilder(network.Count);
                int environment = -1;
                for (int k = 0; k < order; k++)
                {
                    environment = environment < 0 ? x.Positions[k] : builder.Contract(environment, x.Positions[k]);
                    environment = builder.Contract(environment, a.Positions[k]);
                    environment = builder.Contract(environment, y.Positions[k]);
                }

                return network.Finish(Array.Empty<string>(), builder.ToPath());
            }

            case DecompositionOperation.Apply:
                throw new ArgumentException("Apply runs core by core; lower one core with LowerApplyCore.", nameof(spec));

            default:
                throw new ArgumentException($"Unknown operation {spec.Operation}.", nameof(spec));
        }
    }

    /// <summary>
    /// One core of a TT-matrix times tensor-train product: A_k [a, m, n, b] and x_k [c, n, d] give the core
    /// [a, c, m, b, d], which read row-major is the product's core [(a c), m, (b d)] (Oseledets 2011 §4.3).
    /// </summary>
    public static LoweredContraction LowerApplyCore()
    {
        var network = new Network();
        string row = network.Letters.Next(), column = network.Letters.Next();
        string[] aBonds = network.Letters.Take(2), xBonds = network.Letters.Take(2);
        network.Ranks.AddRange(aBonds.Concat(xBonds));
        network.Add(new LoweredOperand(0, OperandPart.TrainCore, 0, false, new[] { aBonds[0], row, column, aBonds[1] }.ToEquatableArray()));
        network.Add(new LoweredOperand(1, OperandPart.TrainCore, 0, false, new[] { xBonds[0], column, xBonds[1] }.ToEquatableArray()));
        return network.Finish(new[] { aBonds[0], xBonds[0], row, aBonds[1], xBonds[1] }, null);
    }

    public static bool IsTrain(DecompositionFormat format) =>
        format is DecompositionFormat.TensorTrain or DecompositionFormat.TensorTrainMatrix;

    /// <summary>Left to right along a train: ((c₀ c₁) c₂) ⋯.</summary>
    private static ContractionPath Chain(int operandCount, IReadOnlyList<int> cores)
    {
        var builder = new PathBuilder(operandCount);
        int product = cores[0];
        for (int k = 1; k < cores.Count; k++)
        {
            product = builder.Contract(product, cores[k]);
        }

        return builder.ToPath();
    }

    /// <summary>The zipper for ⟨x, y⟩ of two trains: the environment [x bond, y bond] absorbs x_k then y_k, O(N n r³).</summary>
    private static ContractionPath Zipper(int operandCount, IReadOnlyList<int> x, IReadOnlyList<int> y)
    {
        var builder = new PathBuilder(operandCount);
        int environment = builder.Contract(x[0], y[0]);
        for (int k = 1; k < x.Count; k++)
        {
            environment = builder.Contract(environment, x[k]);
            environment = builder.Contract(environment, y[k]);
        }

        return builder.ToPath();
    }

    private static void RequireFormat(OperationSpec spec, params DecompositionFormat[] formats)
    {
        if (!formats.Contains(spec.Format))
        {
            throw new ArgumentException($"{spec.Format} tensors have no {spec.Operation} operation.", nameof(spec));
        }
    }

    private static void ThrowIfBadModes(OperationSpec spec, int minimum)
    {
        if (spec.Modes.Count < minimum || spec.Modes.Any(m => m < 0 || m >= spec.Order) || spec.Modes.Distinct().Count() != spec.Modes.Count)
        {
            throw new ArgumentException(
                $"{spec.Operation} needs at least {minimum} distinct modes in 0..{spec.Order - 1}; got [{string.Join(", ", spec.Modes)}].", nameof(spec));
        }
    }

    /// <summary>Where a format's operands went: their positions in the network, and CP's rank index.</summary>
    private sealed class FormatTerms
    {
        public FormatTerms(int[] positions, string? rankLabel)
        {
            Positions = positions;
            RankLabel = rankLabel;
        }

        /// <summary>Trains: core k's position. CP and Tucker: every component's position, weights or core first.</summary>
        public int[] Positions { get; }

        public string? RankLabel { get; }
    }

    /// <summary>The network under construction.</summary>
    private sealed class Network
    {
        private readonly List<LoweredOperand> _operands = new();

        public IndexAlphabet Letters { get; } = new();

        public List<string> Ranks { get; } = new();

        public int Count => _operands.Count;

        public int Add(LoweredOperand operand)
        {
            _operands.Add(operand);
            return _operands.Count - 1;
        }

        public int AddDense(int source, int index, params string[] labels) =>
            Add(new LoweredOperand(source, OperandPart.Dense, index, false, labels.ToEquatableArray()));

        /// <summary>
        /// Adds a format's components over the given mode labels, with fresh rank or bond labels; an MTTKRP leaves out
        /// its own mode's factor and CP's weights.
        /// </summary>
        public FormatTerms AddFormat(DecompositionFormat format, int source, bool conjugate, string[] modes, string[]? columns, int skippedFactor = -1,
            bool withWeights = true)
        {
            int order = modes.Length;
            var positions = new List<int>();
            switch (format)
            {
                case DecompositionFormat.Cp:
                {
                    string rank = Letters.Next();
                    Ranks.Add(rank);
                    if (withWeights)
                    {
                        positions.Add(Add(new LoweredOperand(source, OperandPart.Weights, 0, conjugate, new[] { rank }.ToEquatableArray())));
                    }

                    for (int k = 0; k < order; k++)
                    {
                        if (k != skippedFactor)
                        {
                            positions.Add(Add(new LoweredOperand(source, OperandPart.Factor, k, conjugate, new[] { modes[k], rank }.ToEquatableArray())));
                        }
                    }

                    return new FormatTerms(positions.ToArray(), rank);
                }

                case DecompositionFormat.Tucker:
                {
                    string[] ranks = Letters.Take(order);
                    Ranks.AddRange(ranks);
                    positions.Add(Add(new LoweredOperand(source, OperandPart.Core, 0, conjugate, ranks.ToEquatableArray())));
                    for (int k = 0; k < order; k++)
                    {
                        positions.Add(Add(new LoweredOperand(source, OperandPart.Factor, k, conjugate, new[] { modes[k], ranks[k] }.ToEquatableArray())));
                    }

                    return new FormatTerms(positions.ToArray(), null);
                }

                default:
                {
                    string[] bonds = Letters.Take(order + 1);
                    Ranks.AddRange(bonds);
                    for (int k = 0; k < order; k++)
                    {
                        string[] labels = columns is null
                            ? new[] { bonds[k], modes[k], bonds[k + 1] }
                            : new[] { bonds[k], modes[k], columns[k], bonds[k + 1] };
                        positions.Add(Add(new LoweredOperand(source, OperandPart.TrainCore, k, conjugate, labels.ToEquatableArray())));
                    }

                    return new FormatTerms(positions.ToArray(), null);
                }
            }
        }

        public LoweredContraction Finish(IEnumerable<string> output, ContractionPath? sweep) =>
            new(_operands.ToEquatableArray(), output.ToEquatableArray(), Ranks.ToEquatableArray(), sweep);
    }
}
