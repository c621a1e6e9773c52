using System;
using System.CommandLine;
using TensorGen.Runtime;

namespace TensorGen.Cli.Input;

/// <summary>What <c>explain</c> and <c>bench</c> measure with: <c>--type</c>, <c>--threads</c> and <c>--budget</c>.</summary>
internal sealed class MeasureOptions
{
    public Option<string> Type { get; } = CreateType();

    public Option<int> Threads { get; } = new("--threads")
    {
        HelpName = "N",
        Description = "the most threads a kernel (and numpy's OpenBLAS) may use (default: every core, or TENSORGEN_NUM_THREADS)",
        DefaultValueFactory = _ => KernelOptions.MaxThreads,
        Validators = { result => { if (result.GetValueOrDefault<int>() < 1) { result.AddError("--threads must be 1 or more."); } } },
    };

    public Option<double> Budget { get; } = new("--budget")
    {
        HelpName = "SECONDS",
        Description = "timing per measured kernel, after a warm-up call: samples until it is spent (at least 3, at most 41); default 0.3",
        DefaultValueFactory = _ => 0.3,
        Validators = { result => { double b = result.GetValueOrDefault<double>(); if (!(b > 0) || b > 600) { result.AddError("--budget must be above 0 and at most 600 seconds."); } } },
    };

    public void AddTo(Command command)
    {
        command.Add(Type);
        command.Add(Threads);
        command.Add(Budget);
    }

    public bool IsDouble(ParseResult result) => result.GetValue(Type) == "double";

    /// <summary>Sets the runtime's thread limit for this process and returns it.</summary>
    public int ApplyThreads(ParseResult result)
    {
        int threads = Math.Max(1, result.GetValue(Threads));
        KernelOptions.MaxThreads = threads;
        return threads;
    }

    private static Option<string> CreateType()
    {
        var type = new Option<string>("--type")
        {
            HelpName = "float|double",
            Description = "the element type (default float)",
            DefaultValueFactory = _ => "float",
        };
        type.AcceptOnlyFromAmong("float", "double");
        return type;
    }
}
