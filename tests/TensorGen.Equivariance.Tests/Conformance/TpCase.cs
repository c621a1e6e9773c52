using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using TensorGen.Tests.Reference;

namespace TensorGen.Equivariance.Tests.Conformance;

/// <summary>
/// One e3nn 0.5.6 tensor product from Conformance/e3nn_tp_cases.json: the irreps, options and instructions e3nn built
/// (normalized path weights), inputs, output and the gradients of Σ output·r.
/// </summary>
public sealed record TpCase(
    string Name,
    string Kind,
    string Irreps1,
    string Irreps2,
    string IrrepsOut,
    string IrrepNormalization,
    string PathNormalization,
    bool SharedWeights,
    IReadOnlyList<ReferenceInstruction> Instructions,
    string? UserInstructions,
    int Batch,
    ConformanceArray X1,
    ConformanceArray X2,
    ConformanceArray Weights,
    ConformanceArray Out,
    ConformanceArray R,
    ConformanceArray GradX1,
    ConformanceArray GradX2,
    ConformanceArray GradWeights)
{
    private static readonly Lazy<IReadOnlyDictionary<string, TpCase>> s_all = new(Load);

    public static IEnumerable<object[]> Names => s_all.Value.Keys.Select(n => new object[] { n });

    public static TpCase Named(string name) => s_all.Value[name];

    /// <summary>The template e3nn's class corresponds to, or null for an explicit TensorProduct.</summary>
    internal ProductTemplate? Template => Kind switch
    {
        "FullyConnectedTensorProduct" => ProductTemplate.FullyConnected,
        "ElementwiseTensorProduct" => ProductTemplate.Elementwise,
        "FullTensorProduct" => ProductTemplate.Full,
        _ => null,
    };

    /// <summary>
    /// The instructions to declare: the user's tuples when e3nn was given any, else e3nn's built ones without their
    /// (default, 1.0) user path weight; null for the derived kinds.
    /// </summary>
    public string? InstructionsText => Template is not null
        ? null
        : UserInstructions ?? string.Join("; ", Instructions.Select(i => $"{i.In1},{i.In2},{i.Out},{i.Mode},{(i.HasWeight ? "true" : "false")}"));

    /// <summary>The output irreps to declare: the derived kinds take a filter, and this keeps everything.</summary>
    public string DeclaredIrrepsOut => Template is ProductTemplate.Elementwise or ProductTemplate.Full ? string.Empty : IrrepsOut;

    internal TensorProductOptions Options => new(Irreps1, Irreps2, DeclaredIrrepsOut, InstructionsText, Template ?? ProductTemplate.FullyConnected,
        IrrepNormalization switch { "component" => IrrepNormalizationRule.Component, "norm" => IrrepNormalizationRule.Norm, _ => IrrepNormalizationRule.None },
        PathNormalization switch { "element" => PathNormalizationRule.Element, "path" => PathNormalizationRule.Path, _ => PathNormalizationRule.None },
        SharedWeights, Wigner3jPhase.E3nn);

    /// <summary>The oracle for this case, built from e3nn's own instructions and path weights.</summary>
    public ReferenceTensorProduct Reference() => new(Blocks(Irreps1), Blocks(Irreps2), Blocks(IrrepsOut), Instructions, SharedWeights,
        (a, b, c) => Wigner.ThreeJ(a, b, c));

    public override string ToString() => Name;

    /// <summary>(mul, l) of each block of e3nn irreps text such as <c>2x0e+2x1o</c>.</summary>
    public static List<(int Mul, int L)> Blocks(string irreps) => ReferenceTensorProduct.Blocks(irreps);

    private static IReadOnlyDictionary<string, TpCase> Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", "e3nn_tp_cases.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new TpCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("kind").GetString()!,
                c.GetProperty("irreps_in1").GetString()!,
                c.GetProperty("irreps_in2").GetString()!,
                c.GetProperty("irreps_out").GetString()!,
                c.GetProperty("irrep_normalization").GetString()!,
                c.GetProperty("path_normalization").GetString()!,
                c.GetProperty("shared_weights").GetBoolean(),
                c.GetProperty("instructions").EnumerateArray().Select(i => new ReferenceInstruction(
                    i.GetProperty("i_in1").GetInt32(), i.GetProperty("i_in2").GetInt32(), i.GetProperty("i_out").GetInt32(),
                    i.GetProperty("connection_mode").GetString()!, i.GetProperty("has_weight").GetBoolean(), i.GetProperty("path_weight").GetDouble())).ToList(),
                c.TryGetProperty("user_instructions", out JsonElement user) ? UserInstructionsText(user) : null,
                c.GetProperty("batch").GetInt32(),
                ConformanceArray.Read(c.GetProperty("x1")),
                ConformanceArray.Read(c.GetProperty("x2")),
                ConformanceArray.Read(c.GetProperty("weights")),
                ConformanceArray.Read(c.GetProperty("out")),
                ConformanceArray.Read(c.GetProperty("r")),
                ConformanceArray.Read(c.GetProperty("grad_x1")),
                ConformanceArray.Read(c.GetProperty("grad_x2")),
                ConformanceArray.Read(c.GetProperty("grad_weights"))))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>e3nn's user instruction lists as Instructions text: <c>[[0, 0, 0, "uvw", true, 0.5], ...]</c> → <c>0,0,0,uvw,true,0.5; ...</c>.</summary>
    private static string? UserInstructionsText(JsonElement element) =>
        element.ValueKind != JsonValueKind.Array
            ? null
            : string.Join("; ", element.EnumerateArray().Select(tuple => string.Join(",", tuple.EnumerateArray().Select(field => field.ValueKind switch
            {
                JsonValueKind.String => field.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => field.GetRawText(),
            }))));
}
