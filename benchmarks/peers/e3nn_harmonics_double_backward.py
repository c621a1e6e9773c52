#!/usr/bin/python3
"""e3nn (torch CPU) spherical harmonics: forward, backward (gradient of <gradOutput, Y> w.r.t. the vectors) and double
backward (torch autograd with create_graph=True: the gradient of <gradGradVectors, gradVectors> w.r.t. the vectors and
gradOutput), the passes [SphericalHarmonics], [SphericalHarmonicsBackward] and [SphericalHarmonicsDoubleBackward] compute.
normalize=True, normalization='component', float32, one thread by default; best of RUNS, time per vector.

Usage: PYTHONPATH=../../../shared/peers/python env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
           /usr/bin/python3 e3nn_harmonics_double_backward.py [THREADS] [BATCH] [RUNS]
       ... e3nn_harmonics_double_backward.py --reference   (double-precision values for a few vectors, as JSON)"""
import json, sys, time, torch
from e3nn import o3

def passes(irreps, vectors, grad_output, grad_grad_vectors):
    """Y, gradVectors, and the double backward's (gradVectors, gradGradOutput), all by autograd."""
    vectors = vectors.clone().requires_grad_(True)
    grad_output = grad_output.clone().requires_grad_(True)
    y = o3.spherical_harmonics(irreps, vectors, normalize=True, normalization="component")
    (grad_vectors,) = torch.autograd.grad(y, vectors, grad_output, create_graph=True)
    hv, jv = torch.autograd.grad(grad_vectors, (vectors, grad_output), grad_grad_vectors)
    return y, grad_vectors, hv, jv

def reference():
    torch.manual_seed(3)
    vectors = torch.randn(4, 3, dtype=torch.float64)
    irreps = o3.Irreps("0e+1o+2e+3o+4e+5o+6e")
    grad_output = torch.randn(4, irreps.dim, dtype=torch.float64)
    v = torch.randn(4, 3, dtype=torch.float64)
    _, _, hv, jv = passes(irreps, vectors, grad_output, v)
    print(json.dumps({"irreps": str(irreps), "normalize": True, "normalization": "component",
                      "vectors": vectors.flatten().tolist(), "gradOutput": grad_output.flatten().tolist(),
                      "gradGradVectors": v.flatten().tolist(), "gradVectors": hv.flatten().tolist(),
                      "gradGradOutput": jv.flatten().tolist()}))

def best(f, runs):
    f()
    t = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter(); f(); t = min(t, time.perf_counter() - t0)
    return t

def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    print(f"e3nn spherical harmonics (torch {torch.__version__}, {threads} thread(s), float32, batch {batch}, best of {runs}; "
          f"load {open('/proc/loadavg').read().split()[0]})")
    for lmax in (2, 6):
        irreps = o3.Irreps("+".join(f"{l}{'e' if l % 2 == 0 else 'o'}" for l in range(lmax + 1)))
        vectors = torch.randn(batch, 3)
        grad_output = torch.randn(batch, irreps.dim)
        v = torch.randn(batch, 3)
        def forward():
            with torch.no_grad():
                o3.spherical_harmonics(irreps, vectors, normalize=True, normalization="component")
        def backward():
            x = vectors.clone().requires_grad_(True)
            y = o3.spherical_harmonics(irreps, x, normalize=True, normalization="component")
            torch.autograd.grad(y, x, grad_output)
        def double_backward():
            passes(irreps, vectors, grad_output, v)
        tf, tb, td = best(forward, runs), best(backward, runs), best(double_backward, runs)
        print(f"l <= {lmax} (dim {irreps.dim}): forward {tf / batch * 1e9:8.1f} ns/vector   forward+backward {tb / batch * 1e9:8.1f} ns/vector   "
              f"forward+backward+double backward {td / batch * 1e9:8.1f} ns/vector")

if __name__ == "__main__":
    reference() if "--reference" in sys.argv else main()
