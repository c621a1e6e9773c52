namespace TensorGen;

/// <summary>The sign convention of the Wigner 3j symbols (each symbol is defined only up to its sign).</summary>
public enum Wigner3jConvention
{
    /// <summary>e3nn ≥ 0.5: SU(2) Clebsch–Gordan coefficients changed to the real basis with the (−i)ˡ phase, normalized.</summary>
    E3nn = 0,

    /// <summary>
    /// e3nn ≤ 0.4.4, which MACE pins: some symbols have the opposite sign (mace issues #555, #1249), so models trained with it
    /// need this to reproduce their outputs.
    /// </summary>
    E3nnLegacy = 1,
}
