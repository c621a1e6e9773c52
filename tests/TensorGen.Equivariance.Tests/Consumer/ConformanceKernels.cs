using System.Collections.Generic;
using System.Numerics.Tensors;

namespace TensorGen.Equivariance.Tests.Consumer;

/// <summary>
/// Every tensor product of Conformance/e3nn_tp_cases.json declared as a user would, through the real generator, in double
/// and float, with its backward pass. <see cref="Cases"/> maps the case name to the kernels.
/// </summary>
public static partial class ConformanceKernels
{
    public static IReadOnlyDictionary<string, (TensorProductKernels<double> Double, TensorProductKernels<float> Single)> Cases { get; } =
        new Dictionary<string, (TensorProductKernels<double>, TensorProductKernels<float>)>
        {
            ["fctp_small_component_element"] = (new(FctpSmallComponentElementDouble, FctpSmallComponentElementDoubleBackward), new(FctpSmallComponentElementSingle, FctpSmallComponentElementSingleBackward)),
            ["fctp_small_component_path"] = (new(FctpSmallComponentPathDouble, FctpSmallComponentPathDoubleBackward), new(FctpSmallComponentPathSingle, FctpSmallComponentPathSingleBackward)),
            ["fctp_large_component_element"] = (new(FctpLargeComponentElementDouble, FctpLargeComponentElementDoubleBackward), new(FctpLargeComponentElementSingle, FctpLargeComponentElementSingleBackward)),
            ["uvu_conv_all_paths_component_element"] = (new(UvuConvAllPathsComponentElementDouble, UvuConvAllPathsComponentElementDoubleBackward), new(UvuConvAllPathsComponentElementSingle, UvuConvAllPathsComponentElementSingleBackward)),
            ["uvu_merged_component_path"] = (new(UvuMergedComponentPathDouble, UvuMergedComponentPathDoubleBackward), new(UvuMergedComponentPathSingle, UvuMergedComponentPathSingleBackward)),
            ["elementwise_component"] = (new(ElementwiseComponentDouble, ElementwiseComponentDoubleBackward), new(ElementwiseComponentSingle, ElementwiseComponentSingleBackward)),
            ["full_tensor_product_component"] = (new(FullTensorProductComponentDouble, FullTensorProductComponentDoubleBackward), new(FullTensorProductComponentSingle, FullTensorProductComponentSingleBackward)),
            ["mixed_modes_component_element"] = (new(MixedModesComponentElementDouble, MixedModesComponentElementDoubleBackward), new(MixedModesComponentElementSingle, MixedModesComponentElementSingleBackward)),
        };

    /// <summary>e3nn case fctp_small_component_element (FullyConnectedTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FctpSmallComponentElementDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(FctpSmallComponentElementDouble))]
    public static partial void FctpSmallComponentElementDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case fctp_small_component_element (FullyConnectedTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FctpSmallComponentElementSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FctpSmallComponentElementSingle))]
    public static partial void FctpSmallComponentElementSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case fctp_small_component_path (FullyConnectedTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Path, SharedWeights = true)]
    public static partial void FctpSmallComponentPathDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(FctpSmallComponentPathDouble))]
    public static partial void FctpSmallComponentPathDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case fctp_small_component_path (FullyConnectedTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Path, SharedWeights = true)]
    public static partial void FctpSmallComponentPathSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FctpSmallComponentPathSingle))]
    public static partial void FctpSmallComponentPathSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case fctp_large_component_element (FullyConnectedTensorProduct).</summary>
    [TensorProduct("8x0e+8x1o+4x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x2e+4x3o",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FctpLargeComponentElementDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(FctpLargeComponentElementDouble))]
    public static partial void FctpLargeComponentElementDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case fctp_large_component_element (FullyConnectedTensorProduct).</summary>
    [TensorProduct("8x0e+8x1o+4x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x2e+4x3o",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FctpLargeComponentElementSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FctpLargeComponentElementSingle))]
    public static partial void FctpLargeComponentElementSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case uvu_conv_all_paths_component_element (TensorProduct(uvu, per-sample weights)).</summary>
    [TensorProduct("8x0e+8x1o+8x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x2e+8x3o+8x1o+8x0e+8x1e+8x2e+8x1o+8x2o+8x3o+8x2e+8x3e+8x4e+8x2e+8x1o+8x2o+8x3o+8x0e+8x1e+8x2e+8x3e+8x4e+8x1o+8x2o+8x3o+8x4o+8x5o",
        Instructions = "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,2,uvu,true; 0,3,3,uvu,true; 1,0,4,uvu,true; 1,1,5,uvu,true; 1,1,6,uvu,true; 1,1,7,uvu,true; 1,2,8,uvu,true; 1,2,9,uvu,true; 1,2,10,uvu,true; 1,3,11,uvu,true; 1,3,12,uvu,true; 1,3,13,uvu,true; 2,0,14,uvu,true; 2,1,15,uvu,true; 2,1,16,uvu,true; 2,1,17,uvu,true; 2,2,18,uvu,true; 2,2,19,uvu,true; 2,2,20,uvu,true; 2,2,21,uvu,true; 2,2,22,uvu,true; 2,3,23,uvu,true; 2,3,24,uvu,true; 2,3,25,uvu,true; 2,3,26,uvu,true; 2,3,27,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = false)]
    public static partial void UvuConvAllPathsComponentElementDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(UvuConvAllPathsComponentElementDouble))]
    public static partial void UvuConvAllPathsComponentElementDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case uvu_conv_all_paths_component_element (TensorProduct(uvu, per-sample weights)).</summary>
    [TensorProduct("8x0e+8x1o+8x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x2e+8x3o+8x1o+8x0e+8x1e+8x2e+8x1o+8x2o+8x3o+8x2e+8x3e+8x4e+8x2e+8x1o+8x2o+8x3o+8x0e+8x1e+8x2e+8x3e+8x4e+8x1o+8x2o+8x3o+8x4o+8x5o",
        Instructions = "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,2,uvu,true; 0,3,3,uvu,true; 1,0,4,uvu,true; 1,1,5,uvu,true; 1,1,6,uvu,true; 1,1,7,uvu,true; 1,2,8,uvu,true; 1,2,9,uvu,true; 1,2,10,uvu,true; 1,3,11,uvu,true; 1,3,12,uvu,true; 1,3,13,uvu,true; 2,0,14,uvu,true; 2,1,15,uvu,true; 2,1,16,uvu,true; 2,1,17,uvu,true; 2,2,18,uvu,true; 2,2,19,uvu,true; 2,2,20,uvu,true; 2,2,21,uvu,true; 2,2,22,uvu,true; 2,3,23,uvu,true; 2,3,24,uvu,true; 2,3,25,uvu,true; 2,3,26,uvu,true; 2,3,27,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = false)]
    public static partial void UvuConvAllPathsComponentElementSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(UvuConvAllPathsComponentElementSingle))]
    public static partial void UvuConvAllPathsComponentElementSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case uvu_merged_component_path (TensorProduct(uvu, per-sample weights)).</summary>
    [TensorProduct("8x0e+8x1o+8x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x1e+8x2e+8x3o",
        Instructions = "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,3,uvu,true; 0,3,4,uvu,true; 1,0,1,uvu,true; 1,1,0,uvu,true; 1,1,2,uvu,true; 1,1,3,uvu,true; 1,2,1,uvu,true; 1,2,4,uvu,true; 1,3,3,uvu,true; 2,0,3,uvu,true; 2,1,1,uvu,true; 2,1,4,uvu,true; 2,2,0,uvu,true; 2,2,2,uvu,true; 2,2,3,uvu,true; 2,3,1,uvu,true; 2,3,4,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Path, SharedWeights = false)]
    public static partial void UvuMergedComponentPathDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(UvuMergedComponentPathDouble))]
    public static partial void UvuMergedComponentPathDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case uvu_merged_component_path (TensorProduct(uvu, per-sample weights)).</summary>
    [TensorProduct("8x0e+8x1o+8x2e", "1x0e+1x1o+1x2e+1x3o", "8x0e+8x1o+8x1e+8x2e+8x3o",
        Instructions = "0,0,0,uvu,true; 0,1,1,uvu,true; 0,2,3,uvu,true; 0,3,4,uvu,true; 1,0,1,uvu,true; 1,1,0,uvu,true; 1,1,2,uvu,true; 1,1,3,uvu,true; 1,2,1,uvu,true; 1,2,4,uvu,true; 1,3,3,uvu,true; 2,0,3,uvu,true; 2,1,1,uvu,true; 2,1,4,uvu,true; 2,2,0,uvu,true; 2,2,2,uvu,true; 2,2,3,uvu,true; 2,3,1,uvu,true; 2,3,4,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Path, SharedWeights = false)]
    public static partial void UvuMergedComponentPathSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(UvuMergedComponentPathSingle))]
    public static partial void UvuMergedComponentPathSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case elementwise_component (ElementwiseTensorProduct).</summary>
    [TensorProduct("4x0e+2x1o+2x1o+2x2e", "4x0e+2x1e+2x1o+2x2o", "", Kind = TensorProductKind.Elementwise,
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void ElementwiseComponentDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(ElementwiseComponentDouble))]
    public static partial void ElementwiseComponentDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case elementwise_component (ElementwiseTensorProduct).</summary>
    [TensorProduct("4x0e+2x1o+2x1o+2x2e", "4x0e+2x1e+2x1o+2x2o", "", Kind = TensorProductKind.Elementwise,
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void ElementwiseComponentSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(ElementwiseComponentSingle))]
    public static partial void ElementwiseComponentSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case full_tensor_product_component (FullTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x1o+1x2e", "", Kind = TensorProductKind.Full,
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FullTensorProductComponentDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(FullTensorProductComponentDouble))]
    public static partial void FullTensorProductComponentDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case full_tensor_product_component (FullTensorProduct).</summary>
    [TensorProduct("2x0e+2x1o", "1x1o+1x2e", "", Kind = TensorProductKind.Full,
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void FullTensorProductComponentSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(FullTensorProductComponentSingle))]
    public static partial void FullTensorProductComponentSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);

    /// <summary>e3nn case mixed_modes_component_element (TensorProduct(mixed modes, shared explicit weights)).</summary>
    [TensorProduct("2x0e+2x1o+3x2e", "2x0e+2x1o+1x1e", "2x0e+2x1e+3x2o+2x1o+1x2e+4x1e+2x3e+1x1o+3x2e",
        Instructions = "0,0,0,uvw,true; 1,1,0,uvw,true,0.5; 1,1,1,uuu,false; 1,1,1,uuu,true,2.0; 2,1,2,uvu,true; 2,1,2,uvu,false; 1,0,3,uvv,true; 0,1,3,uuw,true; 1,0,3,uvv,false,3.0; 1,1,4,uuw,false; 1,1,5,uvuv,true; 2,2,6,uvw,true; 2,1,7,uvw,true; 2,0,8,uvu,true; 2,2,8,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void MixedModesComponentElementDouble(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, TensorSpan<double> output);

    [TensorProductBackward(nameof(MixedModesComponentElementDouble))]
    public static partial void MixedModesComponentElementDoubleBackward(ReadOnlyTensorSpan<double> x1, ReadOnlyTensorSpan<double> x2, ReadOnlyTensorSpan<double> weights, ReadOnlyTensorSpan<double> gradOutput,
        TensorSpan<double> gradX1, TensorSpan<double> gradX2, TensorSpan<double> gradWeights);

    /// <summary>e3nn case mixed_modes_component_element (TensorProduct(mixed modes, shared explicit weights)).</summary>
    [TensorProduct("2x0e+2x1o+3x2e", "2x0e+2x1o+1x1e", "2x0e+2x1e+3x2o+2x1o+1x2e+4x1e+2x3e+1x1o+3x2e",
        Instructions = "0,0,0,uvw,true; 1,1,0,uvw,true,0.5; 1,1,1,uuu,false; 1,1,1,uuu,true,2.0; 2,1,2,uvu,true; 2,1,2,uvu,false; 1,0,3,uvv,true; 0,1,3,uuw,true; 1,0,3,uvv,false,3.0; 1,1,4,uuw,false; 1,1,5,uvuv,true; 2,2,6,uvw,true; 2,1,7,uvw,true; 2,0,8,uvu,true; 2,2,8,uvu,true",
        IrrepNormalization = IrrepNormalization.Component, PathNormalization = PathNormalization.Element, SharedWeights = true)]
    public static partial void MixedModesComponentElementSingle(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, TensorSpan<float> output);

    [TensorProductBackward(nameof(MixedModesComponentElementSingle))]
    public static partial void MixedModesComponentElementSingleBackward(ReadOnlyTensorSpan<float> x1, ReadOnlyTensorSpan<float> x2, ReadOnlyTensorSpan<float> weights, ReadOnlyTensorSpan<float> gradOutput,
        TensorSpan<float> gradX1, TensorSpan<float> gradX2, TensorSpan<float> gradWeights);
}
