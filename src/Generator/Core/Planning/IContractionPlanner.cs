namespace TensorGen.Planning;

/// <summary>
/// A path optimizer in opt_einsum's sense (its <c>PathOptimizer</c>): a network in, a contraction tree out.
/// Strategies are interchangeable behind this interface; none throws on a valid network, and each returns
/// within the options' time limit (give or take one unit of its work).
/// </summary>
internal interface IContractionPlanner
{
    ContractionTree Plan(ContractionNetwork network, PlanningOptions options);
}
