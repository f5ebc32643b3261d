#!/usr/bin/python3
"""sh-edges throughput, qir vs vectorized torch on CPU, same edges, same run.

    sh_edges_bench.py --build BUILD [--repeat N] [--threads T] [FILE...]

For each file (default: test/Inputs/1l2y.cif, all 38 models), qir-bench-sh-edges
builds the neighbour graph (cutoff 5 A), writes the directed edge vectors
(float64) and times, best of N, one thread:

  qir kernel     SphericalHarmonics (lmax 3, e3nn axes, component) +
                 RadialBasis (gaussian, 8), float32 output, per edge
  qir kernel_sh  the spherical harmonics alone
  qir analysis   ShEdgesAnalysis::run with the neighbour graph cached

Then torch, in this process, on the same vectors, with
torch.set_num_threads(T) (default 1, as qir runs on one thread): the whole
batch as tensors, float64 and float32 input, l <= 3 as the explicit
polynomials of the real table in e3nn's axis order (what e3nn 0.6
evaluates: polynomials, not trigonometry) and soft_one_hot_linspace's
gaussian basis; also the SH alone. The torch polynomials are checked first
against the oracle (utils/oracle/sh_edges_torch.real_sh) to 1e-12.

Prints a Markdown table: edges/s and the qir / torch ratio.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRC, "utils", "oracle"))
import sh_edges_torch  # noqa: E402  (the oracle's float64 definitions)

S4PI = math.sqrt(4 * math.pi)


def torch_sh3(v):
    """lmax 3, e3nn axes, component normalization: [E, 16]."""
    u = v / v.norm(dim=1, keepdim=True)
    # Table frame: (x', y', z') = (z, x, y).
    x, y, z = u[:, 2], u[:, 0], u[:, 1]
    c1 = math.sqrt(3 / (4 * math.pi)) * S4PI
    c2a = 0.5 * math.sqrt(15 / math.pi) * S4PI
    c2b = 0.25 * math.sqrt(5 / math.pi) * S4PI
    c2c = 0.25 * math.sqrt(15 / math.pi) * S4PI
    c3a = 0.25 * math.sqrt(35 / (2 * math.pi)) * S4PI
    c3b = 0.5 * math.sqrt(105 / math.pi) * S4PI
    c3c = 0.25 * math.sqrt(21 / (2 * math.pi)) * S4PI
    c3d = 0.25 * math.sqrt(7 / math.pi) * S4PI
    c3e = 0.25 * math.sqrt(105 / math.pi) * S4PI
    xx, yy, zz = x * x, y * y, z * z
    z5 = 5 * zz - 1
    return torch.stack([
        torch.ones_like(x),
        c1 * y, c1 * z, c1 * x,
        c2a * x * y, c2a * y * z, c2b * (3 * zz - 1), c2a * x * z, c2c * (xx - yy),
        c3a * y * (3 * xx - yy), c3b * x * y * z, c3c * y * z5, c3d * z * (5 * zz - 3),
        c3c * x * z5, c3e * z * (xx - yy), c3a * x * (xx - 3 * yy),
    ], dim=-1)


def torch_gaussian(v, cutoff, number):
    r = v.norm(dim=1)
    values = torch.linspace(0.0, cutoff, number + 2, dtype=v.dtype)
    step = values[1] - values[0]
    diff = (r[:, None] - values[1:-1]) / step
    return diff.pow(2).neg().exp().div(1.12)


def best(repeat, fn):
    t = 1e30
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", required=True)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or [os.path.join(SRC, "test", "Inputs", "1l2y.cif")]
    torch.set_num_threads(args.threads)
    exe = os.path.join(args.build, "bin", "qir-bench-sh-edges")

    rows = []
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            dump = os.path.join(tmp, "edges.bin")
            out = subprocess.run([exe, path, "3", "8", "5", str(args.repeat), dump],
                                 check=True, capture_output=True, text=True).stdout
            vec64 = torch.from_numpy(np.fromfile(dump, dtype="<f8").reshape(-1, 3).copy())
        qir = {}
        for line in out.splitlines():
            f = line.split()
            if len(f) == 4:
                qir[f[0]] = float(f[3])
        e = vec64.shape[0]

        # The benchmark's polynomials are the definitions (oracle) first.
        probe = vec64[: min(e, 5000)]
        want = sh_edges_torch.real_sh(3, probe, "component", "e3nn")
        dev = (torch_sh3(probe) - want).abs().max().item()
        if dev > 1e-12:
            sys.exit("torch_sh3 deviates from the oracle by %g" % dev)

        vec32 = vec64.float()
        with torch.no_grad():
            t = {}
            for name, v in (("f64", vec64), ("f32", vec32)):
                t["torch " + name] = e / best(args.repeat, lambda: (torch_sh3(v), torch_gaussian(v, 5.0, 8)))
                t["torch_sh " + name] = e / best(args.repeat, lambda: torch_sh3(v))
        rows.append((os.path.basename(path), e, qir, t))

    print("lmax 3 (16 values) + gaussian radial basis (8), per directed edge; "
          "edges/s, best of %d; torch %s, %d thread(s); qir one thread\n"
          % (args.repeat, torch.__version__, args.threads))
    print("| file | edges | qir kernel | qir analysis | torch f32 | torch f64 | kernel / torch f32 | kernel / torch f64 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, e, qir, t in rows:
        print("| %s | %d | %.3g | %.3g | %.3g | %.3g | %.1fx | %.1fx |" % (
            name, e, qir["kernel"], qir["analysis"], t["torch f32"], t["torch f64"],
            qir["kernel"] / t["torch f32"], qir["kernel"] / t["torch f64"]))
    print("\nspherical harmonics alone:\n")
    print("| file | qir kernel_sh | torch_sh f32 | torch_sh f64 | qir / torch f32 | qir / torch f64 |")
    print("|---|---|---|---|---|---|")
    for name, e, qir, t in rows:
        print("| %s | %.3g | %.3g | %.3g | %.1fx | %.1fx |" % (
            name, qir["kernel_sh"], t["torch_sh f32"], t["torch_sh f64"],
            qir["kernel_sh"] / t["torch_sh f32"], qir["kernel_sh"] / t["torch_sh f64"]))


if __name__ == "__main__":
    main()
