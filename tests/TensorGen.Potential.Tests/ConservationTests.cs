using System;
using System.Linq;
using Potential.Geometry;
using Xunit;
using Xunit.Abstractions;

namespace TensorGen.Potential.Tests;

/// <summary>
/// The forces are a gradient: their work around a closed loop of configurations vanishes, and their Jacobian (the Hessian)
/// is symmetric. Both fail for a force with a non-conservative part, however small its error in any one configuration.
/// </summary>
public sealed class ConservationTests(ITestOutputHelper output)
{
    /// <summary>Quadrature points on the loop: the trapezoidal rule, exponentially accurate for a smooth periodic integrand.</summary>
    private const int Points = 96;

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void The_work_around_a_closed_loop_vanishes(int seed)
    {
        Loop loop = Loop.Random(seed);
        (double work, double absoluteWork) = loop.Work(Points, extraForce: null);
        (double coarse, _) = loop.Work(Points / 2, extraForce: null);
        output.WriteLine($"work {work:E3} eV, ∫|F·dr| {absoluteWork:E3} eV, ratio {Math.Abs(work) / absoluteWork:E3}, with {Points / 2} points {coarse:E3} eV");
        Assert.True(Math.Abs(work) <= 1e-8 * absoluteWork, $"∮F·dr = {work:E3} eV against ∫|F·dr| = {absoluteWork:E3} eV");

        // The same quadrature sees a non-conservative force 10⁵ times smaller than the forces: (−y, x, 0) per atom has
        // the curl the loop's signed area picks up.
        double size = 1e-5 * loop.TypicalForce;
        (double curlWork, double curlAbsolute) = loop.Work(Points, (r, f) =>
        {
            for (int i = 0; i < r.Length; i += 3)
            {
                f[i] += -size * (r[i + 1] - loop.Start[i + 1]);
                f[i + 1] += size * (r[i] - loop.Start[i]);
            }
        });
        output.WriteLine($"with a curl of 1e-5 of the forces: ratio {Math.Abs(curlWork) / curlAbsolute:E3}");
        Assert.True(Math.Abs(curlWork) > 1e-8 * curlAbsolute, $"a curl of 1e-5 of the forces went unseen: {curlWork:E3} eV");
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public void The_hessian_from_differences_of_the_forces_is_symmetric(int seed)
    {
        (double[] positions, PeriodicBox box) = TestSystems.Crystal(2, seed, displacement: 0.1);
        NeighborList graph = NeighborList.Build(positions, box, TestSystems.Cutoff);

        // Atom 0, a neighbour of it and a neighbour of that one: every coordinate pair among them has a non-zero mixed derivative.
        int first = 0;
        int second = graph.Senders[Array.IndexOf(graph.Receivers, first)];
        int third = Enumerable.Range(0, graph.EdgeCount).Where(e => graph.Receivers[e] == second && graph.Senders[e] != first).Select(e => graph.Senders[e]).First();
        int[] coordinates = new[] { first, second, third }.SelectMany(a => new[] { 3 * a, (3 * a) + 1, (3 * a) + 2 }).ToArray();

        // H[b, a] = ∂²E/∂r_b∂r_a = −∂F_b/∂r_a, one central difference of all forces per coordinate a.
        const double h = 1e-4;
        int n = coordinates.Length;
        var hessian = new double[n, n];
        var plus = new double[positions.Length];
        var minus = new double[positions.Length];
        for (int a = 0; a < n; a++)
        {
            double[] displaced = (double[])positions.Clone();
            displaced[coordinates[a]] += h;
            TestSystems.Network.Compute(displaced, box, plus);
            displaced[coordinates[a]] -= 2 * h;
            TestSystems.Network.Compute(displaced, box, minus);
            for (int b = 0; b < n; b++)
            {
                hessian[b, a] = -(plus[coordinates[b]] - minus[coordinates[b]]) / (2 * h);
            }
        }

        double largest = 0, asymmetry = 0, smallestOffDiagonal = double.MaxValue;
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                largest = Math.Max(largest, Math.Abs(hessian[a, b]));
                asymmetry = Math.Max(asymmetry, Math.Abs(hessian[a, b] - hessian[b, a]));
                if (a / 3 != b / 3)
                {
                    smallestOffDiagonal = Math.Min(smallestOffDiagonal, Math.Abs(hessian[a, b]));
                }
            }
        }

        output.WriteLine($"atoms {first}, {second}, {third}: max |H| {largest:E3} eV/Å², max |H - Hᵀ| {asymmetry:E3}, smallest coupling between atoms {smallestOffDiagonal:E3}");
        // The difference's truncation error is O(h²) ~ 1e-8 relative; a non-conservative force would show at its own size.
        Assert.True(asymmetry <= 1e-7 * largest, $"max |H - Hᵀ| = {asymmetry:E3} against max |H| = {largest:E3}");
    }

    /// <summary>
    /// A smooth closed path r(t) = r₀ + a sin 2πt + b (1 − cos 2πt) + c sin 4πt, t ∈ [0, 1), through configurations of the 32-atom
    /// crystal. Its amplitudes keep every pair at least 0.1 Å from the cutoff, where the envelope is only twice differentiable
    /// (so the integrand stays analytic and the quadrature converges exponentially).
    /// </summary>
    private sealed class Loop
    {
        private readonly PeriodicBox _box;
        private readonly double[] _a, _b, _c;

        private Loop(double[] start, PeriodicBox box, double[] a, double[] b, double[] c)
        {
            Start = start;
            _box = box;
            (_a, _b, _c) = (a, b, c);
            var forces = new double[start.Length];
            TestSystems.Network.Compute(start, box, forces);
            TypicalForce = Vectors.Norm(forces) / Math.Sqrt(forces.Length);
        }

        public double[] Start { get; }

        /// <summary>The RMS force component at the start, eV/Å.</summary>
        public double TypicalForce { get; }

        public static Loop Random(int seed)
        {
            (double[] start, PeriodicBox box) = TestSystems.Crystal(2, seed, displacement: 0.05);
            var random = new Random(seed);
            double[] Amplitudes() => start.Select(_ => 0.04 * ((2 * random.NextDouble()) - 1)).ToArray();
            return new Loop(start, box, Amplitudes(), Amplitudes(), Amplitudes());
        }

        /// <summary>∮ F·dr and ∮ |F·dr| by the trapezoidal rule on <paramref name="points"/> points, with an optional extra force added.</summary>
        public (double Work, double AbsoluteWork) Work(int points, Action<double[], double[]>? extraForce)
        {
            double work = 0, absolute = 0;
            var forces = new double[Start.Length];
            for (int k = 0; k < points; k++)
            {
                double t = (double)k / points, w = 2 * Math.PI * t;
                double[] r = Start.Select((x, i) => x + (_a[i] * Math.Sin(w)) + (_b[i] * (1 - Math.Cos(w))) + (_c[i] * Math.Sin(2 * w))).ToArray();
                double[] velocity = Start.Select((_, i) => 2 * Math.PI * ((_a[i] * Math.Cos(w)) + (_b[i] * Math.Sin(w)) + (2 * _c[i] * Math.Cos(2 * w)))).ToArray();
                AssertClearOfCutoff(r);
                TestSystems.Network.Compute(r, _box, forces);
                extraForce?.Invoke(r, forces);
                double power = Vectors.Dot(forces, velocity);
                work += power / points;
                absolute += Math.Abs(power) / points;
            }

            return (work, absolute);
        }

        private void AssertClearOfCutoff(double[] r)
        {
            int atoms = r.Length / 3;
            for (int i = 0; i < atoms; i++)
            {
                for (int j = i + 1; j < atoms; j++)
                {
                    double squared = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        double d = r[(3 * j) + k] - r[(3 * i) + k];
                        d -= _box.Length(k) * Math.Round(d / _box.Length(k));
                        squared += d * d;
                    }

                    Assert.True(Math.Abs(Math.Sqrt(squared) - TestSystems.Cutoff) > 0.1, $"atoms {i} and {j} come within 0.1 Å of the cutoff on the loop");
                }
            }
        }
    }
}
