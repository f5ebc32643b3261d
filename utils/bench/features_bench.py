#!/usr/bin/env python3
"""Figures of the geometry and ML feature analyses (docs/benchmarks.md).

  features_bench.py BUILD FILE... [--runs N] [--served-only] [--no-served]

For each FILE, same run, medians of N runs (default 5), wall clock:

neighbors vs gemmi (cutoffs 5 and 10 A, heavy atoms, no waters):
  * whole commands writing the pair list: `qopt FILE
    -passes='print<neighbors<cutoff=D>>'` vs `gemmi contact -d D --nosym
    --ignore=0 --noh --nowater FILE` (one line per pair; qir prints one row
    per pair too), output to /dev/null;
  * whole commands without output: `qopt FILE -persist=none
    -passes='require<neighbors<cutoff=D>>'` vs `gemmi contact ... --count`;
  * the search alone: each of those minus the same program's parse-only
    run (`qopt -passes='require<counts>'`, `gemmi contact -d 0.1 --count`),
    i.e. gemmi's C++ grid search against qir's neighbors pass;
  * gemmi's NeighborSearch + ContactSearch.find_contacts from Python on a
    structure already read (in process, Python objects per contact), and
    qir's pass alone in process (qir-bench-features BM_Neighbors, CPU
    time).

served vs recomputed (--no-served skips): for each analysis, `qopt FILE
-passes='require<X>' -o STORE` once, then `qopt STORE -passes='print<X>'`
(served from the store's overlay) vs `qopt FILE -passes='print<X>'`
(parse and compute), output to /dev/null; and the same with
`-passes='require<X>' -persist=none` (no text written).

Prints markdown tables.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from bench_timing import timed

SERVED = ["neighbors", "frames", "dihedrals", "tokens", "relpos",
          "distogram", "pair-features", "sh-edges"]


def gemmi_python(path, cutoff, runs):
    code = r"""
import gemmi, statistics, sys, time
st = gemmi.read_structure(sys.argv[1])
st.remove_waters()
st.cell = gemmi.UnitCell()
d = float(sys.argv[2])
samples = []
for _ in range(int(sys.argv[3])):
    t = time.perf_counter()
    ns = gemmi.NeighborSearch(st[0], st.cell, max(5.0, d)).populate(
        include_h=False)
    cs = gemmi.ContactSearch(d)
    cs.ignore = gemmi.ContactSearch.Ignore.Nothing
    n = len(cs.find_contacts(ns))
    samples.append(time.perf_counter() - t)
print(statistics.median(samples), n)
"""
    out = subprocess.run(["/usr/bin/python3", "-c", code, path, str(cutoff),
                          str(runs)], check=True, stdout=subprocess.PIPE,
                         text=True).stdout.split()
    return float(out[0]), int(out[1])


def qir_in_process(build, path):
    bench = os.path.join(build, "bin", "qir-bench-features")
    out = subprocess.run(
        [bench, "--benchmark_filter=BM_Neighbors/", "--benchmark_format=json",
         "--benchmark_min_time=0.3"],
        env=dict(os.environ, QIR_BENCH_FILE=path), check=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    res = {}
    for b in json.loads(out)["benchmarks"]:
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
        res[int(b["name"].split("/")[1])] = (b["cpu_time"] * scale,
                                             int(b["edges"]))
    return res


def neighbors_tables(a, qopt):
    print("### neighbors vs gemmi\n")
    print("| file | atoms | cutoff | directed edges | qir print (ms) | "
          "gemmi contact (ms) | speed-up | qir no output (ms) | "
          "gemmi --count (ms) | speed-up | qir search (ms) | gemmi search "
          "(ms) | speed-up | qir pass in process, CPU (ms) | gemmi Python "
          "NeighborSearch (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for f in a.files:
        base_q = timed([qopt, f, "-persist=none", "-passes=require<counts>"],
                       a.runs)
        base_g = timed(["gemmi", "contact", "-d", "0.1", "--nosym",
                        "--ignore=0", "--noh", "--nowater", "--count", f],
                       a.runs)
        inproc = qir_in_process(a.build, f)
        atoms = subprocess.run(
            [qopt, f, "-passes=print<spatial-index>"], check=True,
            stdout=subprocess.PIPE, text=True).stdout.splitlines()[1]
        atoms = atoms.split("\t")[1]
        for d in (5, 10):
            g = ["gemmi", "contact", "-d", str(d), "--nosym", "--ignore=0",
                 "--noh", "--nowater", f]
            t_qp = timed([qopt, f, f"-passes=print<neighbors<cutoff={d}>>"],
                         a.runs)
            t_gp = timed(g, a.runs)
            t_qn = timed([qopt, f, "-persist=none",
                          f"-passes=require<neighbors<cutoff={d}>>"], a.runs)
            t_gn = timed(g + ["--count"], a.runs)
            t_py, n_py = gemmi_python(f, d, a.runs)
            cpu, edges = inproc[d]
            sq, sg = t_qn - base_q, t_gn - base_g
            print(f"| {os.path.basename(f)} | {atoms} | {d} | {edges} | "
                  f"{t_qp * 1e3:.1f} | {t_gp * 1e3:.1f} | {t_gp / t_qp:.1f}x "
                  f"| {t_qn * 1e3:.1f} | {t_gn * 1e3:.1f} | "
                  f"{t_gn / t_qn:.1f}x | {sq * 1e3:.1f} | {sg * 1e3:.1f} | "
                  f"{sg / sq:.1f}x | {cpu:.1f} | {t_py * 1e3:.1f} |")
            if n_py * 2 != edges:
                print(f"(edge counts differ: gemmi {n_py} pairs)",
                      file=sys.stderr)
    print()


def served_table(a, qopt, tmp):
    print("### served from the store vs recomputed\n")
    print("| file | analysis | recomputed: qopt FILE print (ms) | served: "
          "qopt STORE print (ms) | speed-up | recomputed, no output (ms) | "
          "served, no output (ms) | speed-up |")
    print("|---|---|---|---|---|---|---|---|")
    names = subprocess.run([qopt, "-print-passes"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout
    for f in a.files:
        stem = os.path.basename(f).split(".")[0]
        for x in SERVED:
            if "  " + x not in names:
                continue
            store = os.path.join(tmp, f"{stem}.{x}.qir.h5")
            subprocess.run([qopt, f, f"-passes=require<{x}>", "-o", store],
                           check=True, stderr=subprocess.DEVNULL)
            p = f"-passes=print<{x}>"
            t_file = timed([qopt, f, p], a.runs)
            t_store = timed([qopt, store, p], a.runs)
            r = [f"-passes=require<{x}>", "-persist=none"]
            n_file = timed([qopt, f] + r, a.runs)
            n_store = timed([qopt, store] + r, a.runs)
            print(f"| {os.path.basename(f)} | {x} | {t_file * 1e3:.1f} | "
                  f"{t_store * 1e3:.1f} | {t_file / t_store:.1f}x | "
                  f"{n_file * 1e3:.1f} | {n_store * 1e3:.1f} | "
                  f"{n_file / n_store:.1f}x |")
    print()


def main():
    ap = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--served-only", action="store_true")
    ap.add_argument("--no-served", action="store_true")
    a = ap.parse_args()
    qopt = os.path.join(a.build, "bin", "qopt")
    tmp = tempfile.mkdtemp(prefix="qir-features-bench-")
    if not a.served_only:
        neighbors_tables(a, qopt)
    if not a.no_served:
        served_table(a, qopt, tmp)


if __name__ == "__main__":
    sys.exit(main())
