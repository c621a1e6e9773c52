using System;
using System.Linq;
using Xunit;

namespace TensorGen.Equivariance.Tests.Core;

/// <summary>
/// e3nn 0.4.4's Wigner 3j rules, checked for any implementation of them: a sorted triple's symbol has a positive central entry
/// (else a positive first non-zero), and swapping the first two degrees transposes it with the sign (−1)^(l₁+l₂+l₃).
/// </summary>
internal static class LegacyRules
{
    public static void AssertFollowed(Func<int, int, int, double[,,]> threeJ, int lmax)
    {
        for (int l1 = 0; l1 <= lmax; l1++)
        {
            for (int l2 = l1; l2 <= lmax; l2++)
            {
                for (int l3 = l2; l3 <= Math.Min(lmax, l1 + l2); l3++)
                {
                    double[,,] sorted = threeJ(l1, l2, l3), swapped = threeJ(l2, l1, l3);
                    double central = sorted[l1, l2, l3];
                    Assert.True(central != 0 ? central > 0 : sorted.Cast<double>().First(v => v != 0) > 0, $"sign of legacy C({l1},{l2},{l3})");
                    int sign = (l1 + l2 + l3) % 2 == 0 ? 1 : -1;
                    for (int i = 0; i <= 2 * l1; i++)
                    {
                        for (int j = 0; j <= 2 * l2; j++)
                        {
                            for (int k = 0; k <= 2 * l3; k++)
                            {
                                Assert.Equal(sign * sorted[i, j, k], swapped[j, i, k], 15);
                            }
                        }
                    }
                }
            }
        }
    }
}
