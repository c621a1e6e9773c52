#!/usr/bin/python3
"""Regenerates tests/Conformance/mace_symmetric_contraction.json: MACE's own SymmetricContraction (ACEsuit/mace, MIT, in
../shared/peers/python with e3nn 0.5.6) on random inputs, in float64, for TensorGen's [SymmetricContraction] conformance tests.

Usage (from the repository root):
  PYTHONPATH=/work/shared/peers/python env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tools/mace_symmetric_contraction_data.py

Each case holds A in e3nn's mul_ir layout [N, dimIn] (MACE's block reads it through reshape_irreps as [N, channels, Σ(2l+1)]),
the element index of each atom (MACE's one-hot node attributes), the weights flattened in parameters() order, the output
[N, dimOut], a random output gradient and the gradients of Σ output · gradOutput with respect to A (mul_ir) and the flat weights."""
import json, os, sys
import torch
from e3nn import o3
from mace.modules.symmetric_contraction import SymmetricContraction

torch.set_default_dtype(torch.float64)
CONFIGS = [("3x0e+3x1o+3x2e", "3x0e+3x1o"), ("5x0e+5x1o+5x2e+5x3o", "5x0e+5x1o+5x2e")]
ATOMS, ELEMENTS = 7, 3


def to_mace(x, irreps):
    """e3nn mul_ir [N, dim] -> MACE's [N, channels, Σ(2l+1)] (mace.modules.irreps_tools.reshape_irreps)."""
    fields, ix = [], 0
    for mul, ir in irreps:
        d = ir.dim
        fields.append(x[:, ix:ix + mul * d].reshape(x.shape[0], mul, d))
        ix += mul * d
    return torch.cat(fields, dim=-1)


def flat(tensor):
    return [float(v) for v in tensor.detach().reshape(-1).tolist()]


cases = []
torch.manual_seed(20261207)
for irreps_in, irreps_out in CONFIGS:
    for correlation in (1, 2, 3):
        irin, irout = o3.Irreps(irreps_in), o3.Irreps(irreps_out)
        sc = SymmetricContraction(irin, irout, correlation=correlation, num_elements=ELEMENTS)
        params = list(sc.parameters())
        with torch.no_grad():
            for p in params:
                if p.requires_grad:  # EmptyParam (no coupling path) stays zero, as MACE keeps it
                    p.copy_(torch.randn_like(p))
        names = [n for n, _ in sc.named_parameters()]
        a = torch.randn(ATOMS, irin.dim, requires_grad=True)
        elements = torch.randint(0, ELEMENTS, (ATOMS,))
        y = torch.nn.functional.one_hot(elements, ELEMENTS).to(torch.float64)
        out = sc(to_mace(a, irin), y)
        grad_out = torch.randn_like(out)
        grads = torch.autograd.grad((out * grad_out).sum(), [a] + [p for p in params if p.requires_grad])
        grad_a, grad_params = grads[0], iter(grads[1:])
        grad_weights = torch.cat([next(grad_params).reshape(-1) if p.requires_grad else torch.zeros(p.numel()) for p in params])
        cases.append({
            "irrepsIn": irreps_in, "irrepsOut": irreps_out, "correlation": correlation, "elements": ELEMENTS, "atoms": ATOMS,
            "parameters": [[n, list(p.shape)] for n, p in zip(names, params)],
            "a": flat(a), "elementIndices": [int(e) for e in elements], "weights": flat(torch.cat([p.reshape(-1) for p in params])),
            "output": flat(out), "gradOutput": flat(grad_out), "gradA": flat(grad_a), "gradWeights": flat(grad_weights),
        })

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Conformance", "mace_symmetric_contraction.json")
with open(path, "w") as f:
    json.dump({"source": "mace.modules.symmetric_contraction.SymmetricContraction (ACEsuit/mace, MIT) with e3nn 0.5.6, float64; "
               "regenerate with tools/mace_symmetric_contraction_data.py", "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases to {os.path.normpath(path)}", file=sys.stderr)
