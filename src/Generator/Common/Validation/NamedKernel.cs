using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TensorGen.Model;

namespace TensorGen.Validation;

/// <summary>
/// A declaration that names another kernel of its type with <c>nameof</c> — a backward pass its forward, a convolution its
/// product — finds it here, or gets the family's "unknown kernel" diagnostic (TG0110, TG0113) saying what the name missed.
/// </summary>
internal static class NamedKernel
{
    /// <param name="kernels">The named kind's declarations in the compilation.</param>
    /// <param name="methodOf">The method of one of them.</param>
    /// <param name="referrer">The declaring method.</param>
    /// <param name="reference">The attribute's argument that names the kernel.</param>
    /// <param name="id">The diagnostic to report when the name does not find exactly one.</param>
    /// <param name="attribute">The referring attribute, e.g. <c>TensorProductBackward</c>.</param>
    /// <param name="namedAttribute">The named kernel's attribute, e.g. <c>TensorProduct</c>.</param>
    /// <param name="fix">How to name it, e.g. <c>Name the forward method with nameof, e.g. [TensorProductBackward(nameof(Tp))].</c></param>
    /// <param name="diagnostics">Receives the diagnostic.</param>
    public static TModel? Find<TModel>(IReadOnlyList<TModel> kernels, Func<TModel, KernelMethodShape> methodOf, KernelMethodShape referrer,
        AttributeArgumentModel reference, string id, string attribute, string namedAttribute, string fix, List<DiagnosticInfo> diagnostics)
        where TModel : class
    {
        string? name = reference.Value;
        var candidates = kernels.Where(k => methodOf(k).ContainingTypeKey == referrer.ContainingTypeKey && methodOf(k).MethodName == name).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        string problem = string.IsNullOrEmpty(name)
            ? "names no method"
            : candidates.Count == 0
                ? $"names '{name}', but the type has no [{namedAttribute}] method of that name"
                : $"names '{name}', which is {candidates.Count.ToString(CultureInfo.InvariantCulture)} overloaded [{namedAttribute}] methods";
        diagnostics.Add(new DiagnosticInfo(id, $"[{attribute}] on '{referrer.DisplayName}' {problem}. {fix}", reference.Location ?? referrer.Location));
        return null;
    }
}
