using System.Collections.Generic;
using System.Linq;
using TensorGen.Decompositions.Lowering;
using TensorGen.Decompositions.Model;

namespace TensorGen.Decompositions.Validation;

/// <summary>
/// The one signature an operation has: its parameters' kinds in order and its return kind. Dense operands are
/// <c>ReadOnlyTensorSpan&lt;T&gt;</c> and a dense result a <c>TensorSpan&lt;T&gt;</c> in the dynamic form,
/// <c>ReadOnlySpan&lt;T&gt;</c> and <c>Span&lt;T&gt;</c> in the static form; scalar results are returned.
/// </summary>
internal sealed class OperationSignature
{
    private OperationSignature(IReadOnlyList<(DecompositionTypeKind Kind, string Name)> parameters, DecompositionTypeKind returnKind, bool returnsRealPart)
    {
        Parameters = parameters;
        ReturnKind = returnKind;
        ReturnsRealPart = returnsRealPart;
    }

    public IReadOnlyList<(DecompositionTypeKind Kind, string Name)> Parameters { get; }

    /// <summary><see cref="DecompositionTypeKind.Void"/>, <see cref="DecompositionTypeKind.Element"/> or <see cref="DecompositionTypeKind.TensorTrain"/>.</summary>
    public DecompositionTypeKind ReturnKind { get; }

    /// <summary>True for a norm, which returns a real number: float for float elements, double for double and Complex.</summary>
    public bool ReturnsRealPart { get; }

    /// <summary>Whether the last parameter is a dense result the kernel writes.</summary>
    public bool HasResultParameter => ReturnKind == DecompositionTypeKind.Void;

    public static OperationSignature For(DecompositionFormat format, DecompositionOperation operation, int modeCount, int order, bool isStatic)
    {
        DecompositionTypeKind self = FormatKind(format);
        DecompositionTypeKind input = isStatic ? DecompositionTypeKind.ReadOnlySpan : DecompositionTypeKind.ReadOnlyTensorSpan;
        DecompositionTypeKind output = isStatic ? DecompositionTypeKind.Span : DecompositionTypeKind.TensorSpan;
        var parameters = new List<(DecompositionTypeKind, string)>();
        DecompositionTypeKind returns = DecompositionTypeKind.Void;
        bool real = false;
        switch (operation)
        {
            case DecompositionOperation.Reconstruct:
                parameters.Add((self, "x"));
                parameters.Add((output, "result"));
                break;
            case DecompositionOperation.ModeProduct:
            case DecompositionOperation.ModeVectorProduct:
                parameters.Add((self, "x"));
                string name = operation == DecompositionOperation.ModeProduct ? "u" : "v";
                parameters.AddRange(Enumerable.Range(0, modeCount).Select(i => (input, name + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                if (operation == DecompositionOperation.ModeVectorProduct && modeCount == order)
                {
                    returns = DecompositionTypeKind.Element;
                }
                else
                {
                    parameters.Add((output, "result"));
                }

                break;
            case DecompositionOperation.Inner:
                parameters.Add((self, "x"));
                parameters.Add((self, "y"));
                returns = DecompositionTypeKind.Element;
                break;
            case DecompositionOperation.Norm:
                parameters.Add((self, "x"));
                returns = DecompositionTypeKind.Element;
                real = true;
                break;
            case DecompositionOperation.Mttkrp:
                parameters.Add((input, "x"));
                parameters.Add((self, "factors"));
                parameters.Add((output, "result"));
                break;
            case DecompositionOperation.MatVec:
                parameters.Add((self, "a"));
                parameters.Add((input, "x"));
                parameters.Add((output, "result"));
                break;
            case DecompositionOperation.Apply:
                parameters.Add((self, "a"));
                parameters.Add((DecompositionTypeKind.TensorTrain, "x"));
                returns = DecompositionTypeKind.TensorTrain;
                break;
            case DecompositionOperation.Expectation:
                parameters.Add((DecompositionTypeKind.TensorTrain, "x"));
                parameters.Add((self, "a"));
                parameters.Add((DecompositionTypeKind.TensorTrain, "y"));
                returns = DecompositionTypeKind.Element;
                break;
        }

        return new OperationSignature(parameters, returns, real);
    }

    public static DecompositionTypeKind FormatKind(DecompositionFormat format) => format switch
    {
        DecompositionFormat.Cp => DecompositionTypeKind.CpTensor,
        DecompositionFormat.Tucker => DecompositionTypeKind.TuckerTensor,
        DecompositionFormat.TensorTrain => DecompositionTypeKind.TensorTrain,
        _ => DecompositionTypeKind.TensorTrainMatrix,
    };

    /// <summary>The return type for element type <paramref name="element"/>, e.g. <c>double</c>, <c>TensorTrain&lt;float&gt;</c>, <c>void</c>.</summary>
    public string ReturnText(string element) => ReturnKind switch
    {
        DecompositionTypeKind.Void => "void",
        DecompositionTypeKind.TensorTrain => "TensorTrain<" + element + ">",
        _ => ReturnsRealPart && element == "Complex" ? "double" : element,
    };

    /// <summary>The whole expected declaration for element type <paramref name="element"/>, as the diagnostic shows it.</summary>
    public string Text(string methodName, string element) =>
        $"static partial {ReturnText(element)} {methodName}("
        + string.Join(", ", Parameters.Select(p => KindText(p.Kind, element) + " " + p.Name)) + ")";

    public static string KindText(DecompositionTypeKind kind, string element) => kind switch
    {
        DecompositionTypeKind.Element => element,
        DecompositionTypeKind.Void => "void",
        _ => kind + "<" + element + ">",
    };
}
