#!/usr/bin/env python3
"""Peers of the GPU check (tools/gpu-check.sh runs this on the device machine).

Times torch.einsum and torch.matmul/bmm (CUDA, fp32, TF32 off: the same arithmetic as TensorGen's fp32 kernels) on the
einsum suite's cases, e3nn's TensorProduct on the MACE configurations at batch 50,000, and e3nn's NequIP-like message
passing (gather -> TensorProduct -> index_add, 2,000 atoms x 30 neighbours; backward rows are autograd's forward +
backward, as for the products) under the fused convolution's ids, with CUDA events: warm-up,
then the median of 15 batches of calls (each batch at least ~2 ms). Then merges GpuCheck's TSV (TensorGen's rows) into
one Markdown table with the date and the device, for benchmarks/results/gpu.md.
"""
import argparse
import datetime
import statistics
import sys

import torch


def median_ms(fn):
    """Median milliseconds per call: 3+ warm-up calls, then 15 batches of calls timed with CUDA events."""
    for _ in range(3):
        fn()
    torch.cuda.synchronize()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    fn()
    end.record()
    end.synchronize()
    calls = max(1, int(2.0 / max(start.elapsed_time(end), 1e-3)) + 1)
    times = []
    for _ in range(15):
        start.record()
        for _ in range(calls):
            fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end) / calls)
    return statistics.median(times)


def randn(*shape):
    return torch.rand(*shape, device="cuda", dtype=torch.float32) * 2 - 1


def einsum_cases():
    """(id, expression, shapes, matmul-style peer or None), the suite's shapes."""
    n = 4096
    tt = ("aq,qbr,rcs,sdt,teu,ufv,vgw,whx,xiy,yjz,zkA,AlB,BmC,CnD,DoE,Ep,"
          "aF,FbG,GcH,HdI,IeJ,JfK,KgL,LhM,MiN,NjO,OkP,PlQ,QmR,RnS,SoT,Tp->")
    tt_shapes = [(2, 64)] + [(64, 2, 64)] * 14 + [(64, 2)]
    return [
        ("a", "ij,jk->ik", [(n, n), (n, n)], "torch.matmul"),
        ("b", "bij,bjk->bik", [(64, 64, 64), (64, 64, 64)], "torch.bmm"),
        ("c2", "ia,jb,kc,ld,nabcd->nijkl", [(3, 3)] * 4 + [(10000, 3, 3, 3, 3)], None),
        ("d2", tt, tt_shapes + tt_shapes, None),
        ("e", "ijk,jr,kr->ir", [(200, 200, 200), (200, 32), (200, 32)], None),
        ("f", "abc,ia,jb,kc->ijk", [(16, 16, 16), (128, 16), (128, 16), (128, 16)], None),
    ]


def mace_tensor_product(irreps1, irreps2, target):
    """MACE's channelwise (uvu) product: every allowed (i1, i2, irrep in target) its own output block, per-row weights."""
    from e3nn import o3
    irreps1, irreps2, target = o3.Irreps(irreps1), o3.Irreps(irreps2), o3.Irreps(target)
    mid, instructions = [], []
    for i, (mul, ir1) in enumerate(irreps1):
        for j, (_, ir2) in enumerate(irreps2):
            for ir in ir1 * ir2:
                if ir in target:
                    instructions.append((i, j, len(mid), "uvu", True))
                    mid.append((mul, ir))
    mid = o3.Irreps(mid)
    mid, permutation, _ = mid.sort()
    instructions = [(i1, i2, permutation[k], mode, train) for i1, i2, k, mode, train in instructions]
    tp = o3.TensorProduct(irreps1, irreps2, mid, instructions, shared_weights=False, internal_weights=False).cuda()
    return tp, irreps1.dim, irreps2.dim


def nequip_convolution(atoms=2000, degree=30):
    """e3nn_message_passing.py's layer on CUDA: gather x[src] -> uvu TensorProduct (the 15 paths into l <= 2, per-edge
    weights) with the edge harmonics -> index_add into receivers. Returns (forward, forward + backward) callables."""
    from e3nn import o3
    irreps_x, irreps_sh = o3.Irreps("32x0e+32x1o+32x2e"), o3.Irreps("0e+1o+2e")
    outs, ins = [], []
    for i, (mul, ir1) in enumerate(irreps_x):
        for j, (_, ir2) in enumerate(irreps_sh):
            for ir in ir1 * ir2:
                if ir.l <= 2:
                    ins.append((i, j, len(outs), "uvu", True))
                    outs.append((mul, ir))
    tp = o3.TensorProduct(irreps_x, irreps_sh, o3.Irreps(outs), ins, shared_weights=False, internal_weights=False).cuda()
    edges = atoms * degree
    x, sh, w = randn(atoms, irreps_x.dim), randn(edges, irreps_sh.dim), randn(edges, tp.weight_numel)
    src = torch.randint(0, atoms, (edges,), device="cuda")
    dst = torch.sort(torch.randint(0, atoms, (edges,), device="cuda")).values
    grad = randn(atoms, tp.irreps_out.dim)

    def forward():
        return torch.zeros(atoms, tp.irreps_out.dim, device="cuda").index_add_(0, dst, tp(x[src], sh, w))

    def backward():
        return torch.autograd.grad(forward(), (x, sh, w), grad)

    for tensor in (x, sh, w):
        tensor.requires_grad_(True)
    return forward, backward


def peers():
    rows = {}
    for case_id, expression, shapes, matmul in einsum_cases():
        operands = [randn(*s) for s in shapes]
        row = {"torch.einsum": median_ms(lambda: torch.einsum(expression, *operands))}
        if matmul == "torch.matmul":
            row[matmul] = median_ms(lambda: torch.matmul(operands[0], operands[1]))
        elif matmul == "torch.bmm":
            row[matmul] = median_ms(lambda: torch.bmm(operands[0], operands[1]))
        rows[case_id] = row
        del operands
        print(case_id, row, flush=True)
    try:
        batch = 50000
        for case_id, (i1, i2, out) in {
            "mace-large": ("128x0e+128x1o+128x2e", "0e+1o+2e+3o", "0e+1o+2e+3o"),
            "mace-medium": ("128x0e+128x1o", "0e+1o+2e+3o", "0e+1o+2e"),
        }.items():
            tp, dim1, dim2 = mace_tensor_product(i1, i2, out)
            x1, x2, w = randn(batch, dim1), randn(batch, dim2), randn(batch, tp.weight_numel)
            with torch.no_grad():
                rows[case_id] = {"e3nn TensorProduct": median_ms(lambda: tp(x1, x2, w))}
            print(case_id, rows[case_id], flush=True)
            # The backward pass (gradients of x1, x2 and the weights): autograd needs the forward, so e3nn's row is both.
            for tensor in (x1, x2, w):
                tensor.requires_grad_(True)
            grad = randn(batch, tp.irreps_out.dim)
            rows[case_id + "-backward"] = {
                "e3nn TensorProduct": median_ms(lambda: torch.autograd.grad(tp(x1, x2, w), (x1, x2, w), grad))}
            print(case_id + "-backward (e3nn: forward + backward)", rows[case_id + "-backward"], flush=True)
            del x1, x2, w, tp, grad
    except Exception as error:  # e3nn missing or failing: the einsum rows still count
        print("e3nn:", repr(error), file=sys.stderr, flush=True)
    try:
        # TensorGen's deterministic and atomic rows time the same layer; e3nn has one (index_add: atomic, not bit-identical).
        forward, backward = nequip_convolution()
        with torch.no_grad():
            rows["nequip-conv"] = {"e3nn TensorProduct": median_ms(forward)}
        rows["nequip-conv-backward"] = {"e3nn TensorProduct": median_ms(backward)}
        rows["nequip-conv-atomic"], rows["nequip-conv-atomic-backward"] = rows["nequip-conv"], rows["nequip-conv-backward"]
        print("nequip-conv (e3nn gather -> TensorProduct -> index_add)", rows["nequip-conv"], flush=True)
        print("nequip-conv-backward (e3nn: forward + backward)", rows["nequip-conv-backward"], flush=True)
        del forward, backward
    except Exception as error:
        print("e3nn convolution:", repr(error), file=sys.stderr, flush=True)
    return rows


def read_tensorgen(path):
    device, rows = None, {}
    try:
        with open(path, encoding="utf-8") as tsv:
            for line in tsv:
                fields = line.rstrip("\n").split("\t")
                if fields[0] == "# device":
                    device = fields[1]
                elif len(fields) >= 7:
                    rows[fields[0]] = fields
    except OSError as error:
        print("no TensorGen results:", error, file=sys.stderr)
    return device, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tensorgen", required=True, help="GpuCheck's --tsv output")
    parser.add_argument("--out", required=True, help="the Markdown table to write")
    args = parser.parse_args()

    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    peer_rows = peers()
    ilgpu_device, tensorgen = read_tensorgen(args.tensorgen)

    order = ["a", "b", "c2", "d2", "e", "f", "mace-large", "mace-medium", "mace-large-backward", "mace-medium-backward",
             "nequip-conv", "nequip-conv-atomic", "nequip-conv-backward", "nequip-conv-atomic-backward"]
    ids = order + [i for i in tensorgen if i not in order]
    lines = [
        "# GPU check",
        "",
        f"Measured {datetime.date.today().isoformat()} on {torch.cuda.get_device_name()} "
        f"(ILGPU saw: {ilgpu_device or 'no result'}), torch {torch.__version__}, fp32 (TF32 off for torch). "
        "Times are medians per call, in ms, of 15 batches of calls after warm-up, the device synchronized around each batch; "
        "TensorGen's kernels run on device-resident data through the generated `…Gpu` device entry points, and each was first "
        "checked against the CPU kernel on the same inputs (relative error ‖gpu − cpu‖₂ / ‖cpu‖₂). "
        "Produced by `tools/gpu-check.sh` (GpuCheck and tools/gpu_peers.py).",
        "",
        "| case | TensorGen (ILGPU) | GFLOP/s | rel. error vs CPU | torch.einsum | torch.matmul / bmm | e3nn |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]

    def ms(row, key):
        value = row.get(key) if row else None
        return f"{value:.4g}" if value is not None else ""

    for case_id in ids:
        fields = tensorgen.get(case_id)
        peer = peer_rows.get(case_id, {})
        description = fields[1] if fields else case_id
        if fields and fields[4].startswith("ERROR"):
            ours, rate, check = "", "", fields[4]
        elif fields:
            ours, rate, check = fields[5], fields[6], f"{fields[3]} ({fields[4]})"
        else:
            ours, rate, check = "not run", "", ""
        matmul = ms(peer, "torch.matmul") or ms(peer, "torch.bmm")
        lines.append(f"| {case_id} {description} | {ours} | {rate} | {check} | {ms(peer, 'torch.einsum')} | {matmul} | "
                     f"{ms(peer, 'e3nn TensorProduct')} |")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
