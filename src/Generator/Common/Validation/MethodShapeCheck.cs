using System;
using System.Collections.Generic;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// How one kernel family words the method-shape rules: its diagnostic id (users suppress and search for it: TG0006, TG0108,
/// TG0209) and, after "[Attribute] method 'Name' is not static. ", what to do. Each text is the fix that follows the
/// finding; <c>ReturnsValue</c> is null for a family whose kernels may return a value, and <c>FileLocalType</c> follows
/// "Type 'T' contains [Attribute] method 'Name' but is file-local".
/// </summary>
internal sealed record MethodShapeRules(
    string Id,
    string NotStatic,
    string? ReturnsValue,
    string Generic,
    Func<KernelMethodShape, string> NotPartial,
    Func<KernelMethodShape, string> HasBody,
    string FileLocalType);

/// <summary>
/// The one method-shape check of every kernel family: static, partial (void where the family says so), not generic, no body
/// of its own, in partial and not file-local types. Each finding is a diagnostic in the family's words.
/// </summary>
internal static class MethodShapeCheck
{
    /// <param name="method">The declaration's shape.</param>
    /// <param name="attribute">The attribute as messages write it, e.g. <c>[Einsum]</c>.</param>
    /// <param name="rules">The family's id and wording.</param>
    /// <param name="diagnostics">Receives the findings, in the order the rules are listed.</param>
    public static void Check(KernelMethodShape method, string attribute, MethodShapeRules rules, List<DiagnosticInfo> diagnostics)
    {
        string name = method.DisplayName;
        void Report(string message, LocationInfo? location) => diagnostics.Add(new DiagnosticInfo(rules.Id, message, location ?? method.Location));

        if (!method.IsStatic)
        {
            Report($"{attribute} method '{name}' is not static. {rules.NotStatic}", null);
        }

        if (!method.ReturnsVoid && rules.ReturnsValue is { } returnsValue)
        {
            Report($"{attribute} method '{name}' returns '{method.ReturnType.Replace("global::", string.Empty)}'. {returnsValue}", null);
        }

        if (method.IsGeneric)
        {
            Report($"{attribute} method '{name}' is generic. {rules.Generic}", null);
        }

        if (!method.IsPartial)
        {
            Report($"{attribute} method '{name}' is not partial. {rules.NotPartial(method)}", null);
        }
        else if (method.HasBody)
        {
            Report($"{attribute} method '{name}' already has a body. {rules.HasBody(method)}", null);
        }

        foreach (ContainingTypeModel type in method.ContainingTypes)
        {
            if (!type.IsPartial)
            {
                Report($"Type '{type.Name}' contains {attribute} method '{name}' but is not partial. Declare it 'partial' so that TensorGen can add the implementation.",
                    type.Location);
            }
            else if (type.IsFileLocal)
            {
                Report($"Type '{type.Name}' contains {attribute} method '{name}' but is file-local{rules.FileLocalType}", type.Location);
            }
        }
    }
}
