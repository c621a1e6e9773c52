using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TensorGen.Planning;

namespace TensorGen.Cli;

/// <summary>A plan as the CLI prints it: opt_einsum's PathInfo table, or one JSON object.</summary>
internal sealed class PlanReport
{
    private readonly ContractionPlan _plan;
    private readonly string _strategy;
    private readonly double _seconds;
    private readonly System.Func<string, string> _nameOf;

    /// <param name="nameOf">The name an index symbol stands for (a --network file's names longer than one character).</param>
    public PlanReport(ContractionPlan plan, string strategy, double seconds, System.Func<string, string> nameOf)
    {
        _plan = plan;
        _strategy = strategy;
        _seconds = seconds;
        _nameOf = nameOf;
    }

    /// <summary>
    /// <c>{"path": [[0, 1], [0]], "flops": 1234, "largestIntermediate": 56, "strategy": "auto", "seconds": 0.01}</c> and a newline:
    /// the path in opt_einsum's linear format (a single position is a unary sum-out), the cost an exact integer however large;
    /// when a memory limit made slicing necessary, also <c>"sliced"</c> (the indices), <c>"slices"</c> and <c>"overhead"</c>.
    /// </summary>
    public string Json()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("path");
            foreach (PathStep step in _plan.Tree.ToPath().Steps)
            {
                writer.WriteStartArray();
                foreach (int position in step.Positions)
                {
                    writer.WriteNumberValue(position);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("flops");
            writer.WriteRawValue(_plan.ExactFlops.ToString(CultureInfo.InvariantCulture));
            writer.WritePropertyName("largestIntermediate");
            writer.WriteRawValue(_plan.ExactLargestIntermediate.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("strategy", _strategy);
            writer.WriteNumber("seconds", _seconds);
            if (_plan.Slicing is { } slicing)
            {
                // Only with --memory-limit, when slicing was needed: flops above already counts every slice.
                writer.WriteStartArray("sliced");
                foreach (string label in _plan.SlicedLabels)
                {
                    writer.WriteStringValue(_nameOf(label));
                }

                writer.WriteEndArray();
                writer.WriteNumber("slices", slicing.SliceCount);
                writer.WriteNumber("overhead", slicing.Overhead);
            }
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The PathInfo table, with the strategy and the planning time.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        string sizes = string.Join(", ", _plan.Expression.DistinctLabels.Select(l => l + "=" + _plan.Tree.Network.Sizes[System.Array.IndexOf(_plan.Tree.Network.Labels, l)].ToString(CultureInfo.InvariantCulture)));
        text.Append("              Strategy:  ").Append(_strategy).Append('\n');
        text.Append("         Planning time:  ").Append(_seconds.ToString("0.000", CultureInfo.InvariantCulture)).Append(" s\n");
        foreach (string line in PathInfo.Format(_plan, sizes))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
