namespace TensorGen
{
    /// <summary>What the contraction order of an <see cref="EinsumAttribute"/> minimizes.</summary>
    public enum ContractionObjective
    {
        /// <summary>Floating-point operations (opt_einsum's cost units).</summary>
        Flops = 0,

        /// <summary>The largest intermediate tensor (elements); FLOPs break ties.</summary>
        Size = 1,

        /// <summary>FLOPs plus 64 × the elements every step writes (cotengra's "combo": memory traffic matters too).</summary>
        Combo = 2,
    }
}
