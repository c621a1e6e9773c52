#!/usr/bin/env bash
# What a command-line build pays for TensorGen's generators (issue 12): a fresh csc process over the 100-declaration
# consumer (benchmarks/TensorGen.Benchmarks/Generators/GeneratorWorkload.cs) with the SDK's default analyzers and
# generators beside TensorGen's; the generator as a ReadyToRun image (what `dotnet build` uses) and as plain IL,
# alternating, RUNS times each (default 9); csc's /reportanalyzer figure for TensorGen.Generator, medians. Also counts
# the methods the runtime JIT-compiles at tier 0 in one such build with each form, and with the generated files compiled
# as plain sources and no TensorGen generator (the rest of the build's share).
#   benchmarks/cold-build.sh [RUNS]
# The machine is shared: the load average before and after is printed with the results.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
root="$(pwd)"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
echo "before: $(uptime)"

dotnet build src/Generator -c Release -v:q -nologo >/dev/null
dotnet build src/Runtime -c Release -v:q -nologo >/dev/null
generator_obj="src/Generator/obj/Release/netstandard2.0"
mkdir -p "$work/il" "$work/r2r" "$work/src" "$work/generated"
cp "$generator_obj/TensorGen.Generator.dll" "$work/il/"                 # the compiler's IL output
cp "$generator_obj/r2r/TensorGen.Generator.dll" "$work/r2r/"            # the ReadyToRun image built from it
dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- generator-source "$work/src" >/dev/null

# The consumer, built once through MSBuild to learn csc's exact command line (references, options, analyzers).
tensors_version="$(sed -n 's/.*"System.Numerics.Tensors" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)"
cat > "$work/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <UseSharedCompilation>false</UseSharedCompilation>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
    <PackageReference Include="System.Numerics.Tensors" Version="$tensors_version" />
    <Reference Include="$root/src/Dsl/bin/Release/netstandard2.0/TensorGen.Dsl.dll" />
    <Reference Include="$root/src/Runtime/bin/Release/net10.0/TensorGen.Runtime.dll" />
    <Analyzer Include="$work/il/TensorGen.Generator.dll" />
  </ItemGroup>
</Project>
PROJECT
csc_line="$(cd "$work" && dotnet build -c Release -v:n -nologo 2>&1 | grep -m1 -E 'Roslyn/bincore/csc ')"
csc="$(echo "$csc_line" | sed -E 's#^ *([^ ]*Roslyn/bincore/csc) .*#\1.dll#')"
/usr/bin/python3 - "$csc_line" "$work" <<'PY'
import shlex, sys
tokens, work = shlex.split(sys.argv[1])[1:], sys.argv[2]
def quote(t): return '"' + t + '"' if ' ' in t else t
def write(name, ours):
    kept = [t if not t.startswith('/analyzer:') or 'TensorGen.Generator' not in t else '/analyzer:' + ours
            for t in tokens if t != '/noconfig']
    open(f'{work}/{name}.rsp', 'w').write('\n'.join(quote(t) for t in kept) + '\n')
write('il', f'{work}/il/TensorGen.Generator.dll')
write('r2r', f'{work}/r2r/TensorGen.Generator.dll')
PY
cd "$work"   # csc's command line names its outputs relative to the consumer's folder
dotnet "$csc" /noconfig @"$work/il.rsp" /generatedfilesout:"$work/generated" >/dev/null || true
(grep -v 'TensorGen.Generator' "$work/il.rsp"; find "$work/generated" -name '*.cs') > "$work/plain.rsp"

echo "TensorGen.Generator in a fresh csc (/reportanalyzer, seconds), $runs runs each, alternating:"
for form in il r2r; do : > "$work/$form.times"; done
for _ in $(seq "$runs"); do
    for form in il r2r; do
        dotnet "$csc" /noconfig /reportanalyzer @"$work/$form.rsp" 2>&1 | awk '/TensorGen.Generator, Version/ { print $1 }' >> "$work/$form.times"
    done
done
for form in il r2r; do
    echo "  $form: median $(sort -n "$work/$form.times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') s  (all: $(sort -n "$work/$form.times" | tr '\n' ' '))"
done

echo "Methods JIT-compiled at tier 0 in one build (DOTNET_JitDisasmSummary):"
for form in il r2r plain; do
    DOTNET_JitStdOutFile="$work/$form.jit" DOTNET_JitDisasmSummary=1 dotnet "$csc" /noconfig @"$work/$form.rsp" >/dev/null 2>&1 || true
    echo "  $form: $(grep -vc 'Tier1' "$work/$form.jit")"
done
echo "after:  $(uptime)"
