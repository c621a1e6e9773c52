using System.Collections.Generic;

namespace TensorGen.Planning;

/// <summary>
/// A path optimizer in opt_einsum's sense: operand index lists, output indices and sizes in, a path out.
/// Strategies are interchangeable behind this interface.
/// </summary>
internal interface IContractionPlanner
{
    ContractionPath Plan(IReadOnlyList<IReadOnlyList<string>> inputs, IReadOnlyList<string> output, IReadOnlyDictionary<string, long> sizes);
}
