using System.Globalization;

namespace TensorGen.Cli.Measurement;

/// <summary>Times as explain and bench print them.</summary>
internal static class TimeText
{
    /// <summary>A time with its unit (ns, µs, ms, s), or "-" when there is none.</summary>
    public static string Of(double? seconds) => seconds switch
    {
        null => "-",
        < 1e-6 => (seconds.Value * 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e-3 => (seconds.Value * 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " us",
        < 1 => (seconds.Value * 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => seconds.Value.ToString("0.000", CultureInfo.InvariantCulture) + " s",
    };
}
