using System;
using System.Collections.Generic;
using System.Linq;

namespace TensorGen.Planning;

/// <summary>
/// Chooses each greedy trial's parameters — cotengra's <c>costmod</c> in [0.1, 4] and <c>temperature</c> log-uniform in
/// [10⁻³, 1] — from the results of the trials before it, as cotengra's hyper-optimizer does (there with optuna or CMA-ES):
/// the first trials sample uniformly; later ones mostly perturb one of the best parameter pairs found so far (a
/// cross-entropy-style search), a quarter still explore uniformly. Abandoned trials count as the worst.
/// </summary>
internal sealed class HyperParameterSampler
{
    private const int Explore = 16;
    private const int Elite = 8;
    private readonly List<(double CostModifier, double LogTemperature, double Score)> _history = new();
    private readonly SplitMix64 _random;

    public HyperParameterSampler(SplitMix64 random) => _random = random;

    /// <summary>The next trial's cost modifier and temperature.</summary>
    public (double CostModifier, double Temperature) Next()
    {
        if (_history.Count < Explore || _random.NextDouble() < 0.25)
        {
            return (_random.Uniform(0.1, 4.0), Math.Pow(10, _random.Uniform(-3, 0)));
        }

        var elite = _history.OrderBy(h => h.Score).Take(Elite).ToList();
        var (costModifier, logTemperature, _) = elite[(int)(_random.NextUInt64() % (ulong)elite.Count)];
        double costMod = Clamp(costModifier + _random.Gaussian(0, 0.3), 0.1, 4.0);
        double logT = Clamp(logTemperature + _random.Gaussian(0, 0.3), -3, 0);
        return (costMod, Math.Pow(10, logT));
    }

    /// <summary>Records a trial's score (+∞ when abandoned).</summary>
    public void Report(double costModifier, double temperature, double score) =>
        _history.Add((costModifier, Math.Log10(temperature), double.IsInfinity(score) ? double.MaxValue : score));

    private static double Clamp(double value, double low, double high) => Math.Max(low, Math.Min(high, value));
}
