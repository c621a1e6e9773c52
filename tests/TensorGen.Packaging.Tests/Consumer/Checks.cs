using System;
using System.Globalization;

namespace PackageConsumer;

/// <summary>Prints one line per check ("PASS name error" / "FAIL name ...") and remembers whether any failed.</summary>
public sealed class Checks
{
    public int Failures { get; private set; }

    /// <summary>Passes when the largest error is at most <paramref name="relativeTolerance"/> × the largest expected magnitude.</summary>
    public void Close(string name, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double relativeTolerance)
    {
        (double error, double scale) = References.Compare(actual, expected);
        bool pass = error <= relativeTolerance * Math.Max(scale, 1e-300) && scale > 0;
        Report(pass, name, string.Create(CultureInfo.InvariantCulture, $"max error {error:E2} (scale {scale:G3}, {expected.Length} values)"));
    }

    public void Close(string name, ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double relativeTolerance)
    {
        double[] widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            widened[i] = actual[i];
        }

        Close(name, widened, expected, relativeTolerance);
    }

    public void Throws<TException>(string name, Action call) where TException : Exception
    {
        try
        {
            call();
            Report(false, name, $"no {typeof(TException).Name}");
        }
        catch (TException exception)
        {
            Report(true, name, exception.Message.Split('\n')[0]);
        }
    }

    private void Report(bool pass, string name, string detail)
    {
        if (!pass)
        {
            Failures++;
        }

        Console.WriteLine($"{(pass ? "PASS" : "FAIL")} {name}: {detail}");
    }
}
