namespace TensorGen.Emit;

/// <summary>An einsum kernel's file: the plan header, then the CPU kernel of its form and, with <c>Backend.Gpu</c>, the GPU one.</summary>
internal static class KernelFileEmitter
{
    public static string Emit(EinsumKernel kernel) =>
        KernelFile.Write(kernel.Method,
            writer => PlanHeaderWriter.Write(writer, kernel),
            writer =>
            {
                if (kernel.IsStatic)
                {
                    CpuStaticEmitter.WriteMethod(writer, kernel);
                }
                else
                {
                    CpuDynamicEmitter.WriteMembers(writer, kernel);
                }

                if (kernel.EmitsGpu && kernel.IsStatic)
                {
                    Gpu.GpuStaticEmitter.WriteMembers(writer, kernel);
                }
                else if (kernel.EmitsGpu)
                {
                    Gpu.GpuDynamicEmitter.WriteMembers(writer, kernel);
                }
            });
}
