#!/usr/bin/python3
"""Store figures for docs/benchmarks.md (issue 5), measured in one run.

For each input structure file:
  * store size: `qopt FILE -o X.qir.h5 -persist=none` (core + /index/spatial)
    against the file gzip-compressed (level 6, as wwPDB ships .cif.gz);
  * backbone-dihedrals served from the store vs recomputed from the file:
    whole `qopt ... -passes='print<backbone-dihedrals>'` commands, medians
    of N runs, output to /dev/null.

and, with --partial / --shard (all in the same run):
  * partial reads: for each --partial FILE:MODEL:CHAIN:FROM:TO ("CA of chain
    CHAIN, residues FROM-TO, model MODEL"), in-process (qir-bench-store:
    store opened per request, store already open, qir parsing the mmCIF)
    against gemmi in-process (read_structure + Selection, Python, medians),
    and whole process: `qir-dump STORE --select=... --model=M --table=atoms`
    against `gemmi convert --select=/M/C/FROM-TO/CA FILE out.pdb`;
  * backbone-dihedrals served vs recomputed in-process (qir-bench-store);
  * --shard: qir-pack every file given into one shard; its size against the
    files' .cif.gz total; all CA coordinates read from the shard against
    parsing every file (qir and gemmi, in-process).

Usage: store_bench.py BUILD_DIR FILE... [--runs N]
           [--partial FILE:MODEL:CHAIN:FROM:TO ...] [--shard | --shard-only]
"""
import json
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench_timing import timed as _timed


def timed(cmd, runs):
    return _timed(cmd, runs, stderr=None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--partial", action="append", default=[])
    ap.add_argument("--shard", action="store_true")
    ap.add_argument("--shard-only", action="store_true",
                    help="only the shard figures")
    a = ap.parse_args()
    qopt = os.path.join(a.build, "bin", "qopt")
    tmp = tempfile.mkdtemp(prefix="qir-store-bench-")
    bench = os.path.join(a.build, "bin", "qir-bench-store")
    if a.shard_only:
        shard_table(a, bench, tmp)
        return
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
    if a.partial:
        partial_table(a, qopt, bench, tmp)
    served_table(a, qopt, bench, tmp)
    if a.shard:
        shard_table(a, bench, tmp)


def gz_size(f):
    raw = open(f, "rb").read()
    return len(raw) if f.endswith(".gz") else len(
        gzip.compress(raw, compresslevel=6))


def run_bench(bench, specs):
    """qir-bench-store SPECS: {benchmark name: real time in ms}."""
    out = subprocess.run(
        [bench, "--benchmark_format=json", "--benchmark_min_time=0.5"] + specs,
        check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
    res = {}
    for b in json.loads(out)["benchmarks"]:
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0}[b["time_unit"]]
        res[b["name"]] = b["real_time"] * scale
    return res


def gemmi_in_process(files, sel, runs):
    """Median ms of gemmi parsing every file and collecting sel's positions."""
    import gemmi
    samples = []
    n = 0
    for _ in range(runs):
        t = time.perf_counter()
        n = 0
        for f in files:
            st = gemmi.read_structure(f)
            S = gemmi.Selection(sel)
            n += len([at.pos for m in S.models(st) for c in S.chains(m)
                      for r in S.residues(c) for at in S.atoms(r)])
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1e3, n


def partial_table(a, qopt, bench, tmp):
    qdump = os.path.join(a.build, "bin", "qir-dump")
    print()
    print("| file | selection | atoms | qir, store opened per request (ms) "
          "| qir, store open (ms) | qir parse + select (ms) | gemmi "
          "in-process (ms) | speed-up (opened per request / open) | "
          "qir-dump (ms) | gemmi convert (ms) | speed-up |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for spec in a.partial:
        f, model, chain, lo, hi = spec.split(":")
        stem = os.path.basename(f).split(".")[0]
        store = os.path.join(tmp, stem + ".partial.qir.h5")
        subprocess.run([qopt, f, "-persist=none", "-o", store], check=True,
                       stderr=subprocess.DEVNULL)
        sel = f"chain {chain} and resid {lo} to {hi} and name CA"
        r = run_bench(bench, [f"partial|{store}|{model}|{sel}|{f}"])
        cold = r[f"BM_Partial/{store}"]
        warm = r[f"BM_PartialOpen/{store}"]
        parse = r[f"BM_ParseSelect/{f}"]
        gsel = f"/{model}/{chain}/{lo}-{hi}/CA"
        g, n = gemmi_in_process([f], gsel, a.runs * 3)
        t_q = timed([qdump, store, "--select=" + sel, "--model=" + model,
                     "--table=atoms"], a.runs)
        t_g = timed(["gemmi", "convert", "--select=" + gsel, f,
                     os.path.join(tmp, "sel.pdb")], a.runs)
        print(f"| {os.path.basename(f)} | {sel}, model {model} | {n} | "
              f"{cold:.3f} | {warm:.3f} | {parse:.2f} | {g:.2f} | "
              f"{g / cold:.0f}x / {g / warm:.0f}x | {t_q * 1e3:.1f} | "
              f"{t_g * 1e3:.1f} | {t_g / t_q:.1f}x |")


def served_table(a, qopt, bench, tmp):
    print()
    print("| file | recomputed: parse mmCIF + backbone-dihedrals (ms) | "
          "served: open store + read core + overlay (ms) | speed-up |")
    print("|---|---|---|---|")
    for f in a.files:
        stem = os.path.basename(f).split(".")[0]
        served = os.path.join(tmp, stem + ".served.qir.h5")
        r = run_bench(bench, [f"served|{served}|{f}"])
        rec, srv = r[f"BM_Recompute/{f}"], r[f"BM_Served/{served}"]
        print(f"| {os.path.basename(f)} | {rec:.2f} | {srv:.2f} | "
              f"{rec / srv:.1f}x |")


def shard_table(a, bench, tmp):
    pack = os.path.join(a.build, "bin", "qir-pack")
    shard = os.path.join(tmp, "all.qir.h5")
    subprocess.run([pack, "-o", shard] + a.files, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    size = os.path.getsize(shard)
    gz = sum(gz_size(f) for f in a.files)
    r = run_bench(bench, [f"shard|{shard}|name CA",
                          "parseall|name CA|" + ",".join(a.files)])
    sh, qp = r[f"BM_ShardSelect/{shard}"], r["BM_ParseAll"]
    g, n = gemmi_in_process(a.files, "/*/*/*/CA", max(3, a.runs))
    print()
    print(f"Shard of {len(a.files)} files: {size} bytes against {gz} bytes "
          f"of .cif.gz ({size / gz:.2f}x).")
    print()
    print("| all CA coordinates of every structure | ms |")
    print("|---|---|")
    print(f"| qir, from the shard (open + partial read per entry) | {sh:.1f} |")
    print(f"| qir, parsing every file + selecting | {qp:.1f} |")
    print(f"| gemmi, parsing every file + selecting ({n} CA sites) | {g:.1f} |")
    print(f"| speed-up of the shard over gemmi / over qir parsing | "
          f"{g / sh:.1f}x / {qp / sh:.1f}x |")


if __name__ == "__main__":
    sys.exit(main())
