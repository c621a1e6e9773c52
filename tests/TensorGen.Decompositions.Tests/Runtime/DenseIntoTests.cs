using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace TensorGen.Decompositions.Tests.Runtime;

/// <summary><c>ToDense(destination)</c>: the same numbers as <c>ToDense()</c> into any view of the right shape; bad destinations refused before a write.</summary>
public class DenseIntoTests
{
    [Fact]
    public void Every_format_writes_its_dense_tensor_into_a_strided_view()
    {
        var random = new Random(11);
        Check(CpTensor.Random<double>([4, 3, 5], 2, random));
        Check(TuckerTensor.Random<double>([4, 3, 5], [2, 3, 2], random));
        Check(TensorTrain.Random<double>([4, 3, 5], [2, 3], random));
    }

    [Fact]
    public void A_destination_of_the_wrong_shape_is_refused_naming_both_shapes_before_any_write()
    {
        TuckerTensor<double> x = TuckerTensor.Random<double>([4, 3, 5], [2, 2, 2], new Random(12));
        double[] buffer = Enumerable.Repeat(double.NaN, 60).ToArray();

        var error = Assert.Throws<ArgumentException>(() => x.ToDense(new TensorSpan<double>(buffer, [4, 5, 3], [])));

        Assert.Equal("destination", error.ParamName);
        Assert.Contains("[4, 5, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 3, 5]", error.Message, StringComparison.Ordinal);
        Assert.All(buffer, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void A_destination_overlapping_a_component_is_refused()
    {
        double[] core = new double[8];
        Tensor<double> coreTensor = Tensor.Create(core, [2, 2, 2]);
        Tensor<double>[] factors = [Tensor.Create(new double[4], [2, 2]), Tensor.Create(new double[4], [2, 2]), Tensor.Create(new double[4], [2, 2])];
        var x = new TuckerTensor<double>(coreTensor, factors);

        var error = Assert.Throws<ArgumentException>(() => x.ToDense(new TensorSpan<double>(core, [2, 2, 2], [])));
        Assert.Equal("destination", error.ParamName);
    }

    private static void Check<TFormat>(TFormat format)
        where TFormat : class
    {
        Func<Tensor<double>> allocate = format switch
        {
            CpTensor<double> cp => cp.ToDense,
            TuckerTensor<double> tucker => tucker.ToDense,
            TensorTrain<double> train => train.ToDense,
            _ => throw new ArgumentException("Unknown format.", nameof(format)),
        };
        Tensor<double> expected = allocate();
        nint[] shape = expected.Lengths.ToArray();

        // A view with padding after every row: strides of a [n0, n1, n2 + 2] buffer.
        double[] buffer = Enumerable.Repeat(double.NaN, (int)(shape[0] * shape[1] * (shape[2] + 2))).ToArray();
        var view = new TensorSpan<double>(buffer, shape, [shape[1] * (shape[2] + 2), shape[2] + 2, 1]);
        switch (format)
        {
            case CpTensor<double> cp: cp.ToDense(view); break;
            case TuckerTensor<double> tucker: tucker.ToDense(view); break;
            case TensorTrain<double> train: train.ToDense(view); break;
        }

        for (int i = 0; i < shape[0]; i++)
        {
            for (int j = 0; j < shape[1]; j++)
            {
                for (int k = 0; k < shape[2]; k++)
                {
                    Assert.Equal(expected[i, j, k], view[i, j, k]);
                }

                // The padding is not written.
                Assert.True(double.IsNaN(buffer[(i * shape[1] * (shape[2] + 2)) + (j * (shape[2] + 2)) + shape[2]]));
            }
        }
    }
}
