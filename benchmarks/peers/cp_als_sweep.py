#!/usr/bin/env python3
"""numpy's side of DecompositionCpAlsBenchmarks: one CP-ALS sweep on a 200^3 tensor, rank 32, fp32.

Each mode as tensorly's parafac does it: the Hadamard product of the other factors' Gram matrices, the MTTKRP by
np.einsum along its precomputed optimal path, a solve of the R x R normal equations, then column normalization.
Prints the median time per sweep over --repeat sweeps, on --threads BLAS threads.
"""
import argparse
import time

import numpy as np

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # Debian's python3-threadpoolctl is optional; fall back to the environment's setting
    threadpool_limits = None

MTTKRP = {0: "ijk,jr,kr->ir", 1: "ijk,ir,kr->jr", 2: "ijk,ir,jr->kr"}


def sweep(x, factors, paths):
    rank = factors[0].shape[1]
    for n in range(3):
        v = np.ones((rank, rank), dtype=x.dtype)
        for k in range(3):
            if k != n:
                v *= factors[k].T @ factors[k]
        others = [factors[k] for k in range(3) if k != n]
        m = np.einsum(MTTKRP[n], x, *others, optimize=paths[n])
        factor = np.linalg.solve(v.T, m.T).T
        norms = np.linalg.norm(factor, axis=0)
        factors[n] = factor / np.where(norms == 0, 1, norms)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()

    rng = np.random.default_rng(1)
    n, r = args.n, args.rank
    x = rng.standard_normal((n, n, n)).astype(np.float32)
    factors = [rng.random((n, r)).astype(np.float32) for _ in range(3)]
    paths = {k: np.einsum_path(MTTKRP[k], x, factors[0], factors[1], optimize="optimal")[0] for k in range(3)}

    def run():
        times = []
        sweep(x, factors, paths)  # warm-up
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            sweep(x, factors, paths)
            times.append(time.perf_counter() - t0)
        mttkrp = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            np.einsum(MTTKRP[0], x, factors[1], factors[2], optimize=paths[0])
            mttkrp.append(time.perf_counter() - t0)
        return float(np.median(times)), float(np.median(mttkrp))

    if threadpool_limits is not None:
        with threadpool_limits(limits=args.threads):
            sweep_time, mttkrp_time = run()
    else:
        sweep_time, mttkrp_time = run()

    print(f"numpy {np.__version__}, {args.threads} thread(s), fp32, n={n}, r={r}")
    print(f"CP-ALS sweep (3 MTTKRPs + Grams + solves): {sweep_time * 1e3:.1f} ms (median of {args.repeat})")
    print(f"MTTKRP mode 0 alone (precomputed path):    {mttkrp_time * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
