#!/usr/bin/python3
"""Store figures for docs/benchmarks.md (issue 5), measured in one run.

For each input structure file:
  * store size: `qopt FILE -o X.qir.h5 -persist=none` (core + /index/spatial)
    against the file gzip-compressed (level 6, as wwPDB ships .cif.gz);
  * backbone-dihedrals served from the store vs recomputed from the file:
    whole `qopt ... -passes='print<backbone-dihedrals>'` commands, medians
    of N runs, output to /dev/null.

Usage: store_bench.py BUILD_DIR FILE... [--runs N]
"""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, runs):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    qopt = os.path.join(a.build, "bin", "qopt")
    tmp = tempfile.mkdtemp(prefix="qir-store-bench-")
    print("| file | atoms x models | .cif.gz bytes | store bytes | ratio | "
          "dihedrals from file (ms) | served from store (ms) | speed-up |")
    print("|---|---|---|---|---|---|---|---|")
    for f in a.files:
        stem = os.path.basename(f).split(".")[0]
        raw = open(f, "rb").read()
        if f.endswith(".gz"):
            gz_bytes = len(raw)
        else:
            gz_bytes = len(gzip.compress(raw, compresslevel=6))
        store = os.path.join(tmp, stem + ".qir.h5")
        subprocess.run([qopt, f, "-persist=none", "-o", store], check=True,
                       stderr=subprocess.DEVNULL)
        size = os.path.getsize(store)
        served = os.path.join(tmp, stem + ".served.qir.h5")
        subprocess.run([qopt, f, "-passes=require<backbone-dihedrals>", "-o",
                        served], check=True, stderr=subprocess.DEVNULL)
        p = "-passes=print<backbone-dihedrals>"
        t_file = timed([qopt, f, p], a.runs)
        t_store = timed([qopt, served, p], a.runs)
        import h5py
        with h5py.File(store) as h:
            shape = h["core/states/coords"].shape
        print(f"| {os.path.basename(f)} | {shape[1]} x {shape[0]} | {gz_bytes} "
              f"| {size} | {size / gz_bytes:.2f} | {t_file * 1e3:.1f} | "
              f"{t_store * 1e3:.1f} | {t_file / t_store:.1f}x |")


if __name__ == "__main__":
    sys.exit(main())
