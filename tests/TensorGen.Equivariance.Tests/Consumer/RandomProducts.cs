using System.Collections.Generic;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>A declared product with its kernels and the runtime's description of it (irreps, path weights).</summary>
/// <remarks>The normalizations are the declaration's, for the reference's own path weights (the description does not carry them).</remarks>
public sealed record DeclaredProduct(string Name, TensorProductKernels<double> Kernels, TensorProductDescription Description,
    IrrepNormalization IrrepNormalization = IrrepNormalization.Component, PathNormalization PathNormalization = PathNormalization.Element)
{
    public override string ToString() => Name;
}

/// <summary>
/// Twelve products with random irreps (l ≤ 3, multiplicities 1–3) and random instructions covering every connection mode,
/// weighted and not, user path weights, several instructions into one output block, output blocks no instruction writes,
/// shared and per-row weights, and every normalization (drawn once with a fixed seed).
/// </summary>
public static partial class RandomProducts
{
    public static IReadOnlyList<DeclaredProduct> All { get; } = new DeclaredProduct[]
    {
            new("Random00", new TensorProductKernels<double>(Random00, Random00Backward),
                TensorProductDescription.Create("2x3e+3x1e+1x2e+3x2e", "2x2o+1x1e+1x0e", "3x0e+2x4e+1x3e+2x1e+2x1o",
                    "1,1,0,uvw,true,2.0; 0,1,1,uvu,true; 3,1,2,uvv,false,1.5; 2,1,3,uvw,true,1.5; 2,0,4,uvw,true,1.5",
                    irrepNormalization: IrrepNormalization.None, pathNormalization: PathNormalization.None, sharedWeights: false), IrrepNormalization.None, PathNormalization.None),
            new("Random01", new TensorProductKernels<double>(Random01, Random01Backward),
                TensorProductDescription.Create("3x2e+1x1o+3x1e+2x2o", "1x1o+1x1e", "2x2e+3x1e+1x2e+1x1e+1x0o",
                    "1,0,1,uvw,true,0.5; 3,0,2,uvv,true; 1,0,3,uuw,false,1.5; 2,0,4,uvw,true; 1,1,4,uvuv,true",
                    irrepNormalization: IrrepNormalization.Component, pathNormalization: PathNormalization.Element, sharedWeights: true), IrrepNormalization.Component, PathNormalization.Element),
            new("Random02", new TensorProductKernels<double>(Random02, Random02Backward),
                TensorProductDescription.Create("1x3e+1x2e+1x0e", "2x1o+1x1o+2x2o", "2x1o+3x2o+1x4o+2x2o+2x4o+1x1o",
                    "1,2,0,uvv,true; 1,1,1,uuw,true; 0,1,2,uuu,true; 1,0,3,uvuv,true; 0,2,4,uvw,true,2.0; 2,1,5,uvu,true,2.0",
                    irrepNormalization: IrrepNormalization.Component, pathNormalization: PathNormalization.Path, sharedWeights: true), IrrepNormalization.Component, PathNormalization.Path),
            new("Random03", new TensorProductKernels<double>(Random03, Random03Backward),
                TensorProductDescription.Create("2x3e+3x0o+1x3e+1x2e", "1x2o+1x2e", "1x4e+3x2o+2x5e+3x0e+3x2e+1x2e",
                    "2,1,0,uuw,false,2.0; 1,1,1,uvu,false,1.5; 0,1,2,uvuv,true; 3,1,3,uvw,true; 1,0,4,uvuv,true,0.5; 1,0,5,uvv,true,0.5; 3,1,5,uuw,false,0.5",
                    irrepNormalization: IrrepNormalization.None, pathNormalization: PathNormalization.Element, sharedWeights: true), IrrepNormalization.None, PathNormalization.Element),
            new("Random04", new TensorProductKernels<double>(Random04, Random04Backward),
                TensorProductDescription.Create("2x1o+2x3e", "1x2e+1x1e+1x1e", "2x2e+2x3o+1x2o+2x3e+3x2o+2x4e",
                    "1,0,0,uvuv,true,2.0; 0,0,1,uvuv,false; 0,1,2,uvw,true,0.5; 0,1,4,uvw,true; 1,2,5,uvw,true,2.0",
                    irrepNormalization: IrrepNormalization.Component, pathNormalization: PathNormalization.Element, sharedWeights: true), IrrepNormalization.Component, PathNormalization.Element),
            new("Random05", new TensorProductKernels<double>(Random05, Random05Backward),
                TensorProductDescription.Create("1x1o+3x2o", "1x0o", "3x2e+2x1e+2x3o+1x1e+3x2e+2x1e+1x1e",
                    "1,0,0,uvuv,true; 0,0,1,uvw,true; 0,0,3,uvu,true; 1,0,4,uvuv,false; 0,0,5,uuw,true; 0,0,3,uuu,true; 0,0,6,uvuv,false",
                    irrepNormalization: IrrepNormalization.None, pathNormalization: PathNormalization.None, sharedWeights: false), IrrepNormalization.None, PathNormalization.None),
            new("Random06", new TensorProductKernels<double>(Random06, Random06Backward),
                TensorProductDescription.Create("3x2e+2x1o+1x3o", "2x0e", "3x3o+1x3o+2x1o+2x2e+2x1o",
                    "2,0,0,uvw,true,0.5; 2,0,1,uvw,true,0.5; 1,0,2,uvv,false; 0,0,3,uvv,true,1.5; 1,0,4,uuu,false,1.5",
                    irrepNormalization: IrrepNormalization.Component, pathNormalization: PathNormalization.None, sharedWeights: true), IrrepNormalization.Component, PathNormalization.None),
            new("Random07", new TensorProductKernels<double>(Random07, Random07Backward),
                TensorProductDescription.Create("2x0e+3x0e", "2x2e", "2x2e+1x2e+2x1o+2x2e+6x2e+1x2e",
                    "0,0,0,uvu,true; 1,0,0,uvv,false,1.5; 0,0,1,uuw,true; 1,0,3,uvv,false; 1,0,4,uvuv,true; 1,0,5,uvw,true",
                    irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.Path, sharedWeights: false), IrrepNormalization.Norm, PathNormalization.Path),
            new("Random08", new TensorProductKernels<double>(Random08, Random08Backward),
                TensorProductDescription.Create("2x2o+1x0o", "1x1o+1x2e", "1x4o+1x2o+2x4o+1x2o",
                    "0,1,0,uvv,true,0.5; 1,1,1,uuw,false; 0,1,2,uvu,true; 1,1,3,uvuv,false,1.5",
                    irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.None, sharedWeights: true), IrrepNormalization.Norm, PathNormalization.None),
            new("Random09", new TensorProductKernels<double>(Random09, Random09Backward),
                TensorProductDescription.Create("1x1e+3x0o+1x0e+1x2o", "2x0o+2x0e+1x2o", "1x2e+1x4e+2x0o+2x1e+1x2o",
                    "1,2,0,uvw,true,2.0; 3,2,1,uuu,true,1.5; 2,0,2,uvuv,true; 3,2,3,uvw,true,2.0; 2,2,4,uvu,false,2.0",
                    irrepNormalization: IrrepNormalization.None, pathNormalization: PathNormalization.Path, sharedWeights: true), IrrepNormalization.None, PathNormalization.Path),
            new("Random10", new TensorProductKernels<double>(Random10, Random10Backward),
                TensorProductDescription.Create("3x2e+3x3o", "1x1o+2x1e", "1x1o+3x2o+2x4o+1x2e+2x3e+1x3o",
                    "0,0,0,uvv,true; 0,0,1,uvuv,true,2.0; 1,1,2,uvw,true; 1,0,3,uvv,true; 0,1,4,uvv,false; 0,0,1,uvuv,false,2.0; 1,1,5,uvw,true,1.5",
                    irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.Path, sharedWeights: true), IrrepNormalization.Norm, PathNormalization.Path),
            new("Random11", new TensorProductKernels<double>(Random11, Random11Backward),
                TensorProductDescription.Create("1x0o+3x2o+3x3e", "1x2o", "1x2e+3x2e+1x2e",
                    "0,0,0,uvuv,false,0.5; 0,0,1,uvw,true; 0,0,0,uvu,true,1.5; 1,0,2,uvv,true; 0,0,2,uuw,true,0.5; 0,0,0,uuu,true,0.5; 0,0,0,uvuv,true",
                    irrepNormalization: IrrepNormalization.Norm, pathNormalization: PathNormalization.Element, sharedWeights: true), IrrepNormalization.Norm, PathNormalization.Element),
    };

    /// <summary>Random product 0 (modes uvu, uvv, uvw).</summary>
    [TensorProduct("2x3e+3x1e+1x2e+3x2e", "2x2o+1x1e+1x0e", "3x0e+2x4e+1x3e+2x1e+2x1o",
        Instructions = "1,1,0,uvw,true,2.0; 0,1,1,uvu,true; 3,1,2,uvv,false,1.5; 2,1,3,uvw,true,1.5; 2,0,4,uvw,true,1.5",
        IrrepNormalization = IrrepNormalization.None, PathNormalization = PathNormalization.None, SharedWeights = false)]
    public static partial void Random00(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random00))]
    public static partial void Random00Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 1 (modes uuw, uvuv, uvv, uvw).</summary>
    [TensorProduct("3x2e+1x1o+3x1e+2x2o", "1x1o+1x1e", "2x2e+3x1e+1x2e+1x1e+1x0o",
        Instructions = "1,0,1,uvw,true,0.5; 3,0,2,uvv,true; 1,0,3,uuw,false,1.5; 2,0,4,uvw,true; 1,1,4,uvuv,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void Random01(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random01))]
    public static partial void Random01Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 2 (modes uuu, uuw, uvu, uvuv, uvv, uvw).</summary>
    [TensorProduct("1x3e+1x2e+1x0e", "2x1o+1x1o+2x2o", "2x1o+3x2o+1x4o+2x2o+2x4o+1x1o",
        Instructions = "1,2,0,uvv,true; 1,1,1,uuw,true; 0,1,2,uuu,true; 1,0,3,uvuv,true; 0,2,4,uvw,true,2.0; 2,1,5,uvu,true,2.0",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Path, SharedWeights = true)]
    public static partial void Random02(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random02))]
    public static partial void Random02Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 3 (modes uuw, uvu, uvuv, uvv, uvw).</summary>
    [TensorProduct("2x3e+3x0o+1x3e+1x2e", "1x2o+1x2e", "1x4e+3x2o+2x5e+3x0e+3x2e+1x2e",
        Instructions = "2,1,0,uuw,false,2.0; 1,1,1,uvu,false,1.5; 0,1,2,uvuv,true; 3,1,3,uvw,true; 1,0,4,uvuv,true,0.5; 1,0,5,uvv,true,0.5; 3,1,5,uuw,false,0.5",
        IrrepNormalization = IrrepNormalization.None, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void Random03(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random03))]
    public static partial void Random03Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 4 (modes uvuv, uvw).</summary>
    [TensorProduct("2x1o+2x3e", "1x2e+1x1e+1x1e", "2x2e+2x3o+1x2o+2x3e+3x2o+2x4e",
        Instructions = "1,0,0,uvuv,true,2.0; 0,0,1,uvuv,false; 0,1,2,uvw,true,0.5; 0,1,4,uvw,true; 1,2,5,uvw,true,2.0",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void Random04(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random04))]
    public static partial void Random04Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 5 (modes uuu, uuw, uvu, uvuv, uvw).</summary>
    [TensorProduct("1x1o+3x2o", "1x0o", "3x2e+2x1e+2x3o+1x1e+3x2e+2x1e+1x1e",
        Instructions = "1,0,0,uvuv,true; 0,0,1,uvw,true; 0,0,3,uvu,true; 1,0,4,uvuv,false; 0,0,5,uuw,true; 0,0,3,uuu,true; 0,0,6,uvuv,false",
        IrrepNormalization = IrrepNormalization.None, PathNormalization = PathNormalization.None, SharedWeights = false)]
    public static partial void Random05(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random05))]
    public static partial void Random05Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 6 (modes uuu, uvv, uvw).</summary>
    [TensorProduct("3x2e+2x1o+1x3o", "2x0e", "3x3o+1x3o+2x1o+2x2e+2x1o",
        Instructions = "2,0,0,uvw,true,0.5; 2,0,1,uvw,true,0.5; 1,0,2,uvv,false; 0,0,3,uvv,true,1.5; 1,0,4,uuu,false,1.5",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.None, SharedWeights = true)]
    public static partial void Random06(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random06))]
    public static partial void Random06Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 7 (modes uuw, uvu, uvuv, uvv, uvw).</summary>
    [TensorProduct("2x0e+3x0e", "2x2e", "2x2e+1x2e+2x1o+2x2e+6x2e+1x2e",
        Instructions = "0,0,0,uvu,true; 1,0,0,uvv,false,1.5; 0,0,1,uuw,true; 1,0,3,uvv,false; 1,0,4,uvuv,true; 1,0,5,uvw,true",
        IrrepNormalization = IrrepNormalization.Norm, PathNormalization = PathNormalization.Path, SharedWeights = false)]
    public static partial void Random07(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random07))]
    public static partial void Random07Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 8 (modes uuw, uvu, uvuv, uvv).</summary>
    [TensorProduct("2x2o+1x0o", "1x1o+1x2e", "1x4o+1x2o+2x4o+1x2o",
        Instructions = "0,1,0,uvv,true,0.5; 1,1,1,uuw,false; 0,1,2,uvu,true; 1,1,3,uvuv,false,1.5",
        IrrepNormalization = IrrepNormalization.Norm, PathNormalization = PathNormalization.None, SharedWeights = true)]
    public static partial void Random08(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random08))]
    public static partial void Random08Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 9 (modes uuu, uvu, uvuv, uvw).</summary>
    [TensorProduct("1x1e+3x0o+1x0e+1x2o", "2x0o+2x0e+1x2o", "1x2e+1x4e+2x0o+2x1e+1x2o",
        Instructions = "1,2,0,uvw,true,2.0; 3,2,1,uuu,true,1.5; 2,0,2,uvuv,true; 3,2,3,uvw,true,2.0; 2,2,4,uvu,false,2.0",
        IrrepNormalization = IrrepNormalization.None, PathNormalization = PathNormalization.Path, SharedWeights = true)]
    public static partial void Random09(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random09))]
    public static partial void Random09Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 10 (modes uvuv, uvv, uvw).</summary>
    [TensorProduct("3x2e+3x3o", "1x1o+2x1e", "1x1o+3x2o+2x4o+1x2e+2x3e+1x3o",
        Instructions = "0,0,0,uvv,true; 0,0,1,uvuv,true,2.0; 1,1,2,uvw,true; 1,0,3,uvv,true; 0,1,4,uvv,false; 0,0,1,uvuv,false,2.0; 1,1,5,uvw,true,1.5",
        IrrepNormalization = IrrepNormalization.Norm, PathNormalization = PathNormalization.Path, SharedWeights = true)]
    public static partial void Random10(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random10))]
    public static partial void Random10Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>Random product 11 (modes uuu, uuw, uvu, uvuv, uvv, uvw).</summary>
    [TensorProduct("1x0o+3x2o+3x3e", "1x2o", "1x2e+3x2e+1x2e",
        Instructions = "0,0,0,uvuv,false,0.5; 0,0,1,uvw,true; 0,0,0,uvu,true,1.5; 1,0,2,uvv,true; 0,0,2,uuw,true,0.5; 0,0,0,uuu,true,0.5; 0,0,0,uvuv,true",
        IrrepNormalization = IrrepNormalization.Norm, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void Random11(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(Random11))]
    public static partial void Random11Backward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);
}
