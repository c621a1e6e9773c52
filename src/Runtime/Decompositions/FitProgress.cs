namespace TensorGen.Decompositions;

/// <summary>One iteration of an iterative fit, as reported through <see cref="System.IProgress{T}"/>.</summary>
/// <param name="Iteration">The iteration just finished, from 1.</param>
/// <param name="RelativeError">‖X − X̂‖ / ‖X‖ after it.</param>
public readonly record struct FitProgress(int Iteration, double RelativeError);
