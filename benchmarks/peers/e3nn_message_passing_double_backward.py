#!/usr/bin/python3
"""e3nn (torch CPU) double backward of the NequIP-like interaction of ../shared/peers/e3nn_message_passing.py — the
side of MessagePassingBenchmarks.FusedDoubleBackward (benchmarks/results/message-passing.md).

Same layer: gather x[src] -> uvu TensorProduct with the edge harmonics and per-edge weights -> index_add into receivers,
2,000 atoms x 30 neighbours, fp32, one thread. The harmonics are computed from the edge vectors and then taken as a leaf
(TensorGen has no double backward of the harmonics yet, so both sides stop there). Timed:
  forward+backward:        out = conv(x, sh, w); (gx, gsh, gw) = grad(out, [x, sh, w], g, create_graph=True)
  + double backward:       L2 = <ax, gx> + <ash, gsh> + <aw, gw>; grad(L2, [x, sh, w, g])
Usage: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHONPATH=../shared/peers/python OMP_NUM_THREADS=1 \
       python3 benchmarks/peers/e3nn_message_passing_double_backward.py [THREADS] [REPEATS]
"""
import sys
import time

import torch
from e3nn import o3

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
torch.manual_seed(0)
N, deg = 2000, 30
E = N * deg
irreps_x = o3.Irreps("32x0e+32x1o+32x2e")
irreps_sh = o3.Irreps("0e+1o+2e")
outs, ins = [], []
for i, (mul, ir1) in enumerate(irreps_x):
    for j, (_, ir2) in enumerate(irreps_sh):
        for ir in ir1 * ir2:
            if ir.l <= 2:
                ins.append((i, j, len(outs), "uvu", True))
                outs.append((mul, ir))
tp = o3.TensorProduct(irreps_x, irreps_sh, o3.Irreps(outs), ins, shared_weights=False, internal_weights=False)
x = torch.randn(N, irreps_x.dim, requires_grad=True)
vec = torch.randn(E, 3)
w = torch.randn(E, tp.weight_numel, requires_grad=True)
src = torch.randint(0, N, (E,))
dst = torch.sort(torch.randint(0, N, (E,))).values
g = torch.ones(N, tp.irreps_out.dim, requires_grad=True)
ax, ash, aw = torch.randn(N, irreps_x.dim), torch.randn(E, irreps_sh.dim), torch.randn(E, tp.weight_numel)


def first():
    sh = o3.spherical_harmonics(irreps_sh, vec, normalize=True, normalization="component").requires_grad_()
    m = tp(x[src], sh, w)
    out = torch.zeros(N, m.shape[1]).index_add_(0, dst, m)
    return sh, out, torch.autograd.grad(out, [x, sh, w], g, create_graph=True)


def second():
    sh, _, (gx, gsh, gw) = first()
    l2 = (ax * gx).sum() + (ash * gsh).sum() + (aw * gw).sum()
    return torch.autograd.grad(l2, [x, sh, w, g])


REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def timeit(f, n=REPEATS):
    f()
    t0 = time.perf_counter()
    for _ in range(n):
        f()
    return (time.perf_counter() - t0) / n


tb = timeit(first)
td = timeit(second)
print(f"e3nn NequIP-like layer double backward: N={N} E={E} paths={len(ins)} weights/edge={tp.weight_numel} "
      f"fwd+bwd(create_graph) {tb*1e3:.1f} ms ({E/tb:,.0f} edges/s)  fwd+bwd+double bwd {td*1e3:.1f} ms ({E/td:,.0f} edges/s)  "
      f"double bwd alone {1e3*(td-tb):.1f} ms")
