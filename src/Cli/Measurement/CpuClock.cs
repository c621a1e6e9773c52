using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TensorGen.Cli.Measurement;

/// <summary>
/// The clock that turns the cost model's cycles into seconds: the first "cpu MHz" of /proc/cpuinfo (Linux), else 3 GHz
/// (<see cref="Source"/> says which).
/// </summary>
internal static class CpuClock
{
    private static readonly Lazy<(double Ghz, string Source)> s_clock = new(Read);

    public static double Ghz => s_clock.Value.Ghz;

    public static string Source => s_clock.Value.Source;

    private static (double, string) Read()
    {
        try
        {
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal)) : null;
            if (line is not null && double.TryParse(line[(line.IndexOf(':') + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double mhz) && mhz > 0)
            {
                return (mhz / 1000, "/proc/cpuinfo");
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return (3.0, "assumed");
    }
}
