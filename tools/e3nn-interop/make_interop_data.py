"""Writes tests/Conformance/e3nn_interop.json: e3nn 0.5.6's own numbers for TensorGen's interop tests.

Run from the repository root (torch on CPU, the e3nn sources in ../shared/peers/python):

    PYTHONPATH=/work/shared/peers/python env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 \
        tools/e3nn-interop/make_interop_data.py tests/Conformance/e3nn_interop.json

It records, with fixed seeds:
  irreps    o3.Irreps behaviours: str, dim, num_irreps, len, lmax, ls, slices(), simplify(), sort() (irreps, p, inv), regroup();
  linear    o3.Linear with and without biases on two irreps configurations: the flat `weight` and `bias` (e3nn's order),
            input, output, and the gradients of sum(output * r) w.r.t. input, weight and bias — in float64, and the
            float32 output of the same module on the same numbers rounded to float32;
  tp        o3.FullyConnectedTensorProduct and an o3.TensorProduct with uvu instructions: x1, x2, flat weights, output
            (float64 and float32);
  gate      nn.Gate with SiLU scalars and sigmoid gates (and one with 0o gates through tanh, which e3nn sorts before the
            scalars): input, output, the gradient of sum(output * r), and e3nn's normalize2mom constants.
"""
import json
import sys

import torch
from e3nn import o3, nn
from e3nn.math import normalize2mom
import e3nn

torch.set_default_dtype(torch.float64)


def array(t):
    t = t.detach().to(torch.float64).contiguous()
    return {"shape": list(t.shape), "data": t.reshape(-1).tolist()}


def irreps_case(text):
    irreps = o3.Irreps(text)
    sorted_ = irreps.sort()
    return {
        "text": text,
        "str": str(irreps),
        "dim": irreps.dim,
        "num_irreps": irreps.num_irreps,
        "len": len(irreps),
        "lmax": irreps.lmax if irreps.num_irreps > 0 else None,  # e3nn: max(ls) raises for no irrep copies
        "ls": list(irreps.ls),
        "slices": [[s.start, s.stop] for s in irreps.slices()],
        "simplify": str(irreps.simplify()),
        "sort": {"irreps": str(sorted_.irreps), "p": list(sorted_.p), "inv": list(sorted_.inv)},
        "regroup": str(irreps.regroup()),
    }


def linear_case(name, irreps_in, irreps_out, biases, batch, seed):
    torch.manual_seed(seed)
    lin = o3.Linear(irreps_in, irreps_out, biases=biases)
    with torch.no_grad():
        if lin.bias.numel() > 0:
            lin.bias.normal_()  # e3nn starts biases at zero; random ones test their order
    x = torch.randn(batch, lin.irreps_in.dim, requires_grad=True)
    out = lin(x)
    r = torch.randn_like(out)
    (out * r).sum().backward()
    lin32 = o3.Linear(irreps_in, irreps_out, biases=biases).to(torch.float32)
    with torch.no_grad():
        lin32.weight.copy_(lin.weight.to(torch.float32))
        if lin.bias.numel() > 0:
            lin32.bias.copy_(lin.bias.to(torch.float32))
    out32 = lin32(x.detach().to(torch.float32))
    return {
        "name": name,
        "irreps_in": str(lin.irreps_in),
        "irreps_out": str(lin.irreps_out),
        "biases": biases,
        "weight_numel": lin.weight_numel,
        "bias_numel": lin.bias_numel,
        "instructions": [{"i_in": i.i_in, "i_out": i.i_out, "path_shape": list(i.path_shape), "path_weight": i.path_weight} for i in lin.instructions],
        "input": array(x),
        "weight": array(lin.weight),
        "bias": array(lin.bias),
        "output": array(out),
        "r": array(r),
        "grad_input": array(x.grad),
        "grad_weight": array(lin.weight.grad),
        "grad_bias": array(lin.bias.grad) if lin.bias.numel() > 0 else {"shape": [0], "data": []},
        "output_float32": array(out32),
    }


def tp_case(name, make, batch, seed):
    torch.manual_seed(seed)
    tp = make(torch.float64)
    x1 = torch.randn(batch, tp.irreps_in1.dim)
    x2 = torch.randn(batch, tp.irreps_in2.dim)
    out = tp(x1, x2)
    tp32 = make(torch.float32)
    with torch.no_grad():
        tp32.weight.copy_(tp.weight.to(torch.float32))
    out32 = tp32(x1.to(torch.float32), x2.to(torch.float32))
    return {
        "name": name,
        "irreps_in1": str(tp.irreps_in1),
        "irreps_in2": str(tp.irreps_in2),
        "irreps_out": str(tp.irreps_out),
        "instructions": [[i.i_in1, i.i_in2, i.i_out, i.connection_mode, i.has_weight, i.path_weight] for i in tp.instructions],
        "weight_numel": tp.weight_numel,
        "x1": array(x1),
        "x2": array(x2),
        "weight": array(tp.weight),
        "output": array(out),
        "output_float32": array(out32),
    }


def gate_case(name, scalars, act_scalars, gates, act_gates, gated, batch, seed):
    torch.manual_seed(seed)
    acts = {"silu": torch.nn.functional.silu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}
    gate = nn.Gate(scalars, [acts[a] for a in act_scalars], gates, [acts[a] for a in act_gates], gated)
    x = torch.randn(batch, gate.irreps_in.dim, requires_grad=True)
    out = gate(x)
    r = torch.randn_like(out)
    (out * r).sum().backward()
    constants = {a: normalize2mom(acts[a]).cst for a in sorted(set(act_scalars) | set(act_gates))}
    return {
        "name": name,
        "irreps_scalars": scalars, "act_scalars": act_scalars,
        "irreps_gates": gates, "act_gates": act_gates,
        "irreps_gated": gated,
        "irreps_in": str(gate.irreps_in),
        "irreps_out": str(gate.irreps_out),
        "normalize2mom": constants,
        "input": array(x),
        "output": array(out),
        "r": array(r),
        "grad_input": array(x.grad),
    }


def main(path):
    data = {
        "description": "e3nn building blocks (Irreps, o3.Linear, tensor products, nn.Gate) for TensorGen's interop tests, float64 unless named float32",
        "generator": "tools/e3nn-interop/make_interop_data.py",
        "versions": {"e3nn": e3nn.__version__, "torch": torch.__version__},
        "array_encoding": "every array is {'shape': [...], 'data': [...]} with data flattened in row-major (C) order",
        "conventions": {
            "feature_layout": "e3nn mul_ir: blocks in the order written, each [mul][2l+1], component fastest",
            "linear_weight": "o3.Linear.weight: per instruction (i_in outer, i_out inner, same irrep) a [mul_in, mul_out] row-major matrix, concatenated",
            "linear_bias": "o3.Linear.bias: the channels of each 0e output block in order (e3nn initializes them to 0; here random)",
            "gradients": "of sum(output * r) by torch autograd",
        },
        "irreps": [irreps_case(t) for t in [
            "16x0e+8x1o", "2x1o+3x0e+1x1o+0x2e+4x0e", "1x0e+1x0e+2x1e+0x1e+3x1e", "0e + 1o + 2e", "3x2e+1x0o+2x1o+5x0e+1x0o",
            "4x1y+2x2y+1x0y", "", "0x0e"]],
        "linear": [
            linear_case("mixed", "2x0e+3x1o+1x2e+2x0e", "3x0e+2x1o+1x1e+2x2e", False, 5, 1),
            linear_case("mixed_biases", "2x0e+3x1o+1x2e+2x0e", "3x0e+2x1o+1x1e+2x2e+1x0e", True, 5, 2),
            linear_case("mace_like", "8x0e+4x1o+2x2e", "6x0e+3x1o+2x2e", False, 7, 3),
            linear_case("mace_like_biases", "8x0e+4x1o+2x2e", "6x0e+3x1o+2x2e", True, 7, 4),
        ],
        "tp": [
            tp_case("fully_connected", lambda dtype: o3.FullyConnectedTensorProduct("2x0e+2x1o", "1x0e+1x1o", "2x0e+2x1o+1x2e").to(dtype), 6, 5),
            tp_case("uvu", lambda dtype: o3.TensorProduct(
                "3x0e+2x1o", "1x0e+1x1o", "3x0e+2x1o+3x1o+2x0e",
                [(0, 0, 0, "uvu", True), (0, 1, 2, "uvu", True), (1, 0, 1, "uvu", True), (1, 1, 3, "uvu", True)]).to(dtype), 6, 6),
        ],
        "gate": [
            gate_case("nequip", "8x0e", ["silu"], "16x0e", ["sigmoid"], "8x1o+8x2e", 5, 7),
            gate_case("odd_gates", "4x0e+2x0o", ["silu", "tanh"], "3x0o", ["tanh"], "2x1o+1x2e", 5, 8),
        ],
    }
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
