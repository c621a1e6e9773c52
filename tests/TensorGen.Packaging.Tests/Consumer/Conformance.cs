using System;
using System.IO;
using System.Text.Json;

namespace PackageConsumer;

/// <summary>
/// Reference values computed by e3nn 0.5.6 (tests/Conformance, read with JsonDocument: no reflection, so it works under
/// Native AOT). Every array is {"shape": [...], "data": [...]}, row-major.
/// </summary>
public sealed class Conformance : IDisposable
{
    private readonly JsonDocument _products;
    private readonly JsonDocument _conventions;

    public Conformance(string directory)
    {
        _products = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "e3nn_tp_cases.json")));
        _conventions = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "e3nn_conventions.json")));
    }

    /// <summary>The named array of the tensor-product case <paramref name="caseName"/>.</summary>
    public double[] ProductArray(string caseName, string array)
    {
        foreach (JsonElement item in _products.RootElement.GetProperty("cases").EnumerateArray())
        {
            if (item.GetProperty("name").GetString() == caseName)
            {
                return Data(item.GetProperty(array));
            }
        }

        throw new InvalidDataException($"e3nn_tp_cases.json has no case {caseName}.");
    }

    /// <summary>Unit vectors [n, 3] and their harmonics l = 0..3 concatenated [n, 16] ('component' normalization).</summary>
    public (double[] Vectors, double[] Harmonics) SphericalHarmonics()
    {
        JsonElement harmonics = _conventions.RootElement.GetProperty("spherical_harmonics");
        JsonElement concatenated = harmonics.GetProperty("results_concatenated");
        if (concatenated.GetProperty("irreps").GetString() != "1x0e+1x1o+1x2e+1x3o" || concatenated.GetProperty("normalization").GetString() != "component")
        {
            throw new InvalidDataException("e3nn_conventions.json: results_concatenated is not l = 0..3 with 'component' normalization.");
        }

        return (Data(harmonics.GetProperty("vectors")), Data(concatenated.GetProperty("output")));
    }

    private static double[] Data(JsonElement array)
    {
        JsonElement data = array.GetProperty("data");
        double[] values = new double[data.GetArrayLength()];
        int i = 0;
        foreach (JsonElement value in data.EnumerateArray())
        {
            values[i++] = value.GetDouble();
        }

        return values;
    }

    public void Dispose()
    {
        _products.Dispose();
        _conventions.Dispose();
    }
}
