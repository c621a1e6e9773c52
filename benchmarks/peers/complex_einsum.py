#!/usr/bin/env python3
"""numpy's side of the complex benchmark mode (`complex-quick`), complex128 on one thread.

The spectral convolution's two contractions (b=4, i=o=32, x=y=12, CP rank 8) by np.einsum as written (optimize=False,
numpy's C loop) and along opt_einsum-style paths (optimize=True, BLAS where it can), and the complex GEMM `ij,jk->ik` at
n=512 and 1024 by np.matmul (OpenBLAS zgemm) beside the real one (dgemm). Prints one line per case: name, best time in ms.
Run with `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3`
so that OpenBLAS runs its own (AVX-512) kernels.
"""
import sys
import time

import numpy as np


def best_ms(action, budget=0.5, least=5):
    action()
    times = []
    start = time.perf_counter()
    while len(times) < least or time.perf_counter() - start < budget:
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return 1e3 * min(times)


def complex_array(rng, *shape):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(np.complex128)


def main():
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    rng = np.random.default_rng(1)
    b, i, o, x, y, r = 4, 32, 32, 12, 12, 8
    spectrum = complex_array(rng, b, i, x, y)
    dense = complex_array(rng, i, o, x, y)
    factors = [complex_array(rng, r), complex_array(rng, i, r), complex_array(rng, o, r), complex_array(rng, x, r), complex_array(rng, y, r)]
    cp = "bixy,r,ir,or,xr,yr->boxy"
    for optimize in (False, True):
        label = "optimize=True" if optimize else "optimize=False"
        print(f"numpy bixy,ioxy->boxy {label}\t{best_ms(lambda: np.einsum('bixy,ioxy->boxy', spectrum, dense, optimize=optimize), budget):.4f}")
        print(f"numpy {cp} {label}\t{best_ms(lambda: np.einsum(cp, spectrum, *factors, optimize=optimize), budget):.4f}")
    for n in (512, 1024):
        a, c = complex_array(rng, n, n), complex_array(rng, n, n)
        print(f"numpy matmul complex128 n={n}\t{best_ms(lambda: a @ c, budget):.4f}")
        ar, cr = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        print(f"numpy matmul float64 n={n}\t{best_ms(lambda: ar @ cr, budget):.4f}")
    try:
        import threadpoolctl
        info = [(p.get("internal_api"), p.get("architecture"), p.get("num_threads")) for p in threadpoolctl.threadpool_info()]
        print(f"# numpy {np.__version__}; BLAS {info}")
    except ImportError:
        print(f"# numpy {np.__version__}")


if __name__ == "__main__":
    main()
