#!/usr/bin/env bash
# Plan quality of `tensorgen plan` on cotengra's benchmark networks (../shared/conformance/networks, or the directory given
# as $NETWORKS) at several time limits; prints a markdown table of the cost in cotengra's units (log10 of the sum over
# pairwise steps of the product of every index size involved — opt_einsum's FLOP count is about twice that) and the
# seconds planning took. Not a timing benchmark: the search is budgeted in work units, so the costs reproduce on any
# machine with the same core count; the seconds say how loaded this one was.
#
#   tools/plan-networks.sh                         # limits 1 2 10 60 s, every network
#   LIMITS="2 30" tools/plan-networks.sh           # other limits
#   MEMORY=1073741824 tools/plan-networks.sh       # sliced to 2^30 elements: total sliced cost, slices, overhead
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
networks="${NETWORKS:-$root/../shared/conformance/networks}"
limits="${LIMITS:-1 2 10 60}"
cli="$root/src/Cli/bin/Release/net10.0/TensorGen.Cli.dll"
[ -f "$cli" ] || dotnet build "$root/src/Cli/TensorGen.Cli.csproj" -c Release -v q >/dev/null

cost() { # network.json < plan.json -> "cost (seconds s)" in cotengra's units
  python3 -c '
import json, math, sys
net = json.load(open(sys.argv[1])); plan = json.load(sys.stdin)
sizes = net["size_dict"]; out = set(net["output"])
ops = [list(dict.fromkeys(t)) for t in net["inputs"]]
sliced = set(plan.get("sliced", []))
total = 0
for step in plan["path"]:
    if len(step) == 1:
        ops.append(ops.pop(step[0])); continue
    a, b = sorted(step); B = ops.pop(b); A = ops.pop(a)
    involved = list(dict.fromkeys(A + B)); rest = {i for o in ops for i in o} | out
    total += math.prod(sizes[i] for i in involved if i not in sliced)
    ops.append([i for i in involved if i in rest])
if sliced:
    # Within a slice the sliced indices are fixed, so no step loops over them; every slice costs the same.
    slices = math.prod(sizes[i] for i in sliced)
    overhead, seconds = plan["overhead"], plan["seconds"]
    print(f"{math.log10(total * slices):.2f} (2^{math.log2(slices):.0f} slices, {overhead:.2f}×; {seconds:.1f} s)")
else:
    seconds = plan["seconds"]
    print(f"{math.log10(total):.2f} ({seconds:.1f} s)")
' "$1"
}

printf '| network | tensors |'; for s in $limits; do printf ' %s s |' "$s"; done; printf '\n|---|---:|'; for s in $limits; do printf -- '---:|'; done; printf '\n'
for file in "$networks"/*.json; do
  name="$(basename "$file" .json)"
  tensors="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["inputs"]))' "$file")"
  printf '| %s | %s |' "$name" "$tensors"
  for s in $limits; do
    extra=()
    [ -n "${MEMORY:-}" ] && extra=(--memory-limit "$MEMORY")
    result="$(dotnet "$cli" plan --network "$file" --json --time-limit "$s" "${extra[@]}" 2>/dev/null | cost "$file")"
    printf ' %s |' "$result"
  done
  printf '\n'
done
