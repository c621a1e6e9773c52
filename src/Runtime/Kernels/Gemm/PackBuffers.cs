using System;
using System.Runtime.CompilerServices;

namespace TensorGen.Runtime;

/// <summary>
/// One thread's packing memory: a left panel (MR × KC), a block of right panels (KC × NC) and a result tile
/// (MR × NR), 64-byte aligned so panel rows start on cache lines. Held per thread and grown on demand; a pinned
/// array, so the garbage collector frees it with the thread.
/// </summary>
internal sealed unsafe class PackBuffers
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static PackBuffers? t_current;

    private byte[] _memory = [];

    /// <summary>This thread's buffers with room for <paramref name="bytes"/> bytes.</summary>
    public static PackBuffers ForCurrentThread(nint bytes)
    {
        PackBuffers buffers = t_current ??= new PackBuffers();
        if (buffers._memory.Length < bytes + Alignment)
        {
            buffers._memory = GC.AllocateUninitializedArray<byte>(checked((int)(bytes + Alignment)), pinned: true);
        }

        return buffers;
    }

    /// <summary>The first 64-byte-aligned address of the memory (pinned: it does not move).</summary>
    public byte* Start
    {
        get
        {
            nint address = (nint)Unsafe.AsPointer(ref _memory[0]);
            return (byte*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
        }
    }
}
