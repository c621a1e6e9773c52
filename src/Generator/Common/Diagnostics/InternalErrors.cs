using System;
using TensorGen.Model;

namespace TensorGen.Diagnostics;

/// <summary>
/// Turns an unexpected exception into TG9999, so that the generator never throws (a throwing generator is
/// reported by the compiler as the opaque warning CS8785 and contributes nothing).
/// </summary>
internal static class InternalErrors
{
    public static DiagnosticInfo Create(string method, Exception exception, LocationInfo? location) =>
        new(DiagnosticIds.InternalError,
            $"TensorGen failed on '{method}': {exception.GetType().Name}: {exception.Message} "
            + "The method gets no generated implementation; please report this with the declaration.",
            location);
}
