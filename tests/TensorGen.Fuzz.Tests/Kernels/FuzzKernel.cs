using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using TensorGen.Tests.Reference;

namespace TensorGen.Fuzz.Tests.Kernels;

/// <summary>How a kernel takes its operands and result.</summary>
internal enum KernelForm
{
    /// <summary>Generated dynamic form: any strided tensor spans.</summary>
    Dynamic,

    /// <summary>Generated static form: dense spans of the declared sizes.</summary>
    Static,

    /// <summary><c>Einsum.Evaluate</c> into a result tensor span.</summary>
    EvaluateInto,

    /// <summary><c>Einsum.Evaluate</c> returning a new tensor.</summary>
    EvaluateNew,
}

/// <summary>A kernel the fuzzer calls: what it computes, how it takes its arguments, and (per element type) how to call it.</summary>
internal abstract class FuzzKernel
{
    protected FuzzKernel(string family, string name, string expression, KernelForm form, bool accumulate, IReadOnlyDictionary<string, int>? sizes,
        int maxSize)
    {
        MaxSize = maxSize;
        Family = family;
        Name = name;
        Expression = expression;
        Form = form;
        Accumulate = accumulate;
        StaticSizes = sizes;
    }

    public string Family { get; }

    public string Name { get; }

    public string Expression { get; }

    public KernelForm Form { get; }

    public bool Accumulate { get; }

    /// <summary>The largest size a call gives an index (of a kernel without declared sizes).</summary>
    public int MaxSize { get; }

    /// <summary>The declared sizes of a static-form kernel; null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? StaticSizes { get; }

    /// <summary>Makes one random call (valid or not) and judges it; see <see cref="KernelCall{T}"/>.</summary>
    public abstract CallVerdict CallOnce(Random random);

    public override string ToString() => $"{Family}: {Name} \"{Expression}\"";
}

/// <summary>A kernel over elements of <typeparamref name="T"/>.</summary>
internal sealed class FuzzKernel<T>(string family, string name, string expression, KernelForm form, Action<KernelArguments<T>> invoke,
    bool accumulate = false, IReadOnlyDictionary<string, int>? sizes = null, int maxSize = 4)
    : FuzzKernel(family, name, expression, form, accumulate, sizes, maxSize)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public void Invoke(KernelArguments<T> arguments) => invoke(arguments);

    public override CallVerdict CallOnce(Random random) => KernelCall<T>.Run(this, random);
}

/// <summary>One call's operands and result, in the shapes each form takes.</summary>
internal sealed class KernelArguments<T>(FuzzTensor<T>[] inputs, FuzzTensor<T>? result)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public FuzzTensor<T>[] Inputs { get; } = inputs;

    public FuzzTensor<T>? Result { get; } = result;

    /// <summary>What <c>Einsum.Evaluate</c> returned, for the form that returns a new tensor.</summary>
    public RefArray? Returned { get; set; }

    public ReadOnlyTensorSpan<T> In(int operand) => Inputs[operand].ReadOnly;

    public TensorSpan<T> Out => Result!.Writable;

    public ReadOnlySpan<T> Dense(int operand) => Inputs[operand].Dense;

    public Span<T> DenseOut => Result!.Dense;

    public Tensor<T>[] Tensors => Inputs.Select(i => i.Tensor).ToArray();

    /// <summary>Keeps a returned tensor's values.</summary>
    public void Return(Tensor<T> tensor) => Returned = RefArrayViews.FromView(tensor.AsReadOnlyTensorSpan());
}
