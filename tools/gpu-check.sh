#!/usr/bin/env bash
# The GPU check (issue 7): every GPU kernel against its CPU kernel on the same inputs, then timed beside torch and e3nn,
# written to benchmarks/results/gpu.md. The device machine has no .NET SDK and no network, so it runs in three steps:
#
#   1. here (the .NET SDK):  bash tools/gpu-check.sh build
#        publishes tools/GpuCheck self-contained for linux-x64 into .gpu-check/gpucheck.tar.gz (git-ignored, ~35 MB)
#   2. on the device, with the device tool's run:
#        command:   bash tools/gpu-check.sh device
#        carry:     [".gpu-check"]
#        timeout_s: 540      (GpuCheck is given 300 s, the peers 200 s; both end well inside it)
#      it unpacks GpuCheck, runs it on CUDA (writes $OUT/tensorgen.tsv, $OUT/tensorgen.log), runs tools/gpu_peers.py
#      (torch.einsum / torch.matmul and e3nn on CUDA; writes $OUT/gpu.md, $OUT/peers.log) and prints the table last.
#   3. here:                 bash tools/gpu-check.sh collect <the run's files_at folder>
#        copies gpu.md to benchmarks/results/gpu.md (and the TSV beside it)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    rm -rf .gpu-check
    mkdir -p .gpu-check
    dotnet publish tools/GpuCheck/GpuCheck.csproj -c Release -r linux-x64 --self-contained true -o .gpu-check/publish \
      -p:DebugType=none -p:GenerateDocumentationFile=false
    tar -C .gpu-check/publish -czf .gpu-check/gpucheck.tar.gz .
    rm -rf .gpu-check/publish
    ls -l .gpu-check/gpucheck.tar.gz
    ;;
  device)
    out="${OUT:-/tmp/gpu-check-out}"
    mkdir -p "$out"
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | tee "$out/device.txt" || true
    dir=/tmp/gpucheck
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -C "$dir" -xzf .gpu-check/gpucheck.tar.gz
    status=0
    TENSORGEN_GPU=cuda timeout 300 "$dir/GpuCheck" --tsv "$out/tensorgen.tsv" 2>&1 | tee "$out/tensorgen.log" || status=$?
    PYTHONUNBUFFERED=1 timeout 200 python3 tools/gpu_peers.py --tensorgen "$out/tensorgen.tsv" --out "$out/gpu.md" 2>&1 \
      | tee "$out/peers.log" || status=$?
    exit "$status"
    ;;
  collect)
    from="${2:?usage: tools/gpu-check.sh collect FOLDER (files_at of the device run)}"
    mkdir -p benchmarks/results
    cp "$from/gpu.md" benchmarks/results/gpu.md
    [ -f "$from/tensorgen.tsv" ] && cp "$from/tensorgen.tsv" benchmarks/results/gpu-tensorgen.tsv
    echo "benchmarks/results/gpu.md updated (git add -f: benchmarks/results/ is ignored)"
    ;;
  *)
    echo "usage: tools/gpu-check.sh build | device | collect FOLDER" >&2
    exit 2
    ;;
esac
