using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using TensorGen.Planning;

namespace TensorGen.Benchmarks;

/// <summary>
/// One planning run per family and size, timed by the wall clock, as a table: what a compile-time plan costs and how
/// much better than greedy Auto gets. <c>dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --planning-report</c>.
/// </summary>
internal static class PlanningReport
{
    public static void Write(TextWriter output)
    {
        output.WriteLine("family          tensors  greedy FLOPs    auto FLOPs      auto/greedy  auto seconds");
        foreach (NetworkFamily family in Enum.GetValues<NetworkFamily>())
        {
            foreach (int tensors in new[] { 10, 25, 50, 100, 200, 380, 400 })
            {
                ContractionNetwork network = PlanningNetworks.Create(family, tensors);
                double greedy = GreedyPlanner.Instance.Plan(network, PlanningOptions.Default).Flops;
                var clock = Stopwatch.StartNew();
                double auto = AutoPlanner.Instance.Plan(network, PlanningOptions.Default).Flops;
                double seconds = clock.Elapsed.TotalSeconds;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-15} {1,7}  {2,-14:E4}  {3,-14:E4}  {4,11:F4}  {5,12:F3}",
                    family, tensors, greedy, auto, auto / greedy, seconds));
            }
        }
    }
}
