#!/usr/bin/env bash
# The decomposition benchmarks beside numpy, one command:   benchmarks/run-decompositions.sh
#   numpy:     the peer kit's cases d2 (TT inner product), e (MTTKRP) and f (Tucker reconstruction) on one thread,
#              from a writable copy of ../shared/peers (PEERS=... to point elsewhere), and a CP-ALS sweep
#              (benchmarks/peers/cp_als_sweep.py), all with Debian's /usr/bin/python3 and numpy;
#   TensorGen: BenchmarkDotNet's '*Decomposition*' classes (generated kernels in both forms, the run-time formats,
#              one CP-ALS sweep).
# The machine is shared: the load average before and after is recorded next to the results.
set -euo pipefail
cd "$(dirname "$0")/.."
out="benchmarks/results/decompositions"
mkdir -p "$out"
echo "before: $(uptime)" | tee "$out/load.txt"

peers="${PEERS:-../shared/peers}"
if [ -f "$peers/einsum_bench.py" ]; then
    copy="$(mktemp -d)"
    cp -r "$peers"/. "$copy"/
    (cd "$copy" && OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 einsum_bench.py --threads 1 --only d2,e,f) | tee "$out/numpy.txt"
    rm -rf "$copy"
else
    echo "No peer kit at $peers (set PEERS); skipping numpy's d2, e, f." | tee "$out/numpy.txt"
fi
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/peers/cp_als_sweep.py --threads 1 | tee -a "$out/numpy.txt"

# BenchmarkDotNet rebuilds the project (with every generated kernel) for its own process; on a loaded machine that can
# outlast its default 2-minute build timeout.
dotnet run -c Release --project benchmarks/TensorGen.Benchmarks -- --filter '*Decomposition*' --buildTimeout 900 --artifacts "$out/bdn" "$@"
echo "after:  $(uptime)" | tee -a "$out/load.txt"
