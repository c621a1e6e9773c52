#!/usr/bin/python3
"""e3nn (torch CPU) o3.Linear 128x0e+128x1o+128x2e -> same, 1,000 atoms, fp32: the peer side of the `equivariant-linear`
mode of benchmarks/TensorGen.Benchmarks (which runs this script in the same run; benchmarks/results/equivariant-linear.md).

Timed, best of REPEATS after a warm-up:
  forward:           out = lin(x)                       (under torch.no_grad(), as inference)
  forward+backward:  out = lin(x); out.backward(g)      (gradients to x and to the weights)
Prints one JSON line per thread count.
Usage: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHONPATH=../shared/peers/python \
       python3 benchmarks/peers/e3nn_linear.py [THREADS ...] [--atoms N] [--repeats R]
"""
import json
import sys
import time

import torch
from e3nn import o3


def best(repeats, f):
    f()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv):
    atoms, repeats, threads = 1000, 15, []
    i = 0
    while i < len(argv):
        if argv[i] == "--atoms":
            atoms = int(argv[i + 1]); i += 2
        elif argv[i] == "--repeats":
            repeats = int(argv[i + 1]); i += 2
        else:
            threads.append(int(argv[i])); i += 1
    torch.manual_seed(0)
    irreps = o3.Irreps("128x0e+128x1o+128x2e")
    lin = o3.Linear(irreps, irreps)
    x = torch.randn(atoms, irreps.dim, requires_grad=True)
    g = torch.randn(atoms, irreps.dim)

    def forward():
        with torch.no_grad():
            lin(x)

    def forward_backward():
        x.grad = None
        lin.weight.grad = None
        lin(x).backward(g)

    for t in threads or [1]:
        torch.set_num_threads(t)
        print(json.dumps({"peer": f"e3nn {__import__('e3nn').__version__} o3.Linear, torch {torch.__version__}", "threads": t, "atoms": atoms,
                          "forward_s": best(repeats, forward), "forward_backward_s": best(repeats, forward_backward)}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
