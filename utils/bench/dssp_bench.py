#!/usr/bin/python3
"""qir-dssp against mkdssp 4.2.2: whole-command times, same inputs, one run.

    dssp_bench.py BUILD_DIR [FILE...] [--corpus DIR] [--runs N]
                  [--threads N]

Without FILEs: the three largest protein structures at hand, the
55,720-atom file that make_dssp_large.py builds from copies of corpus 3WIP
and 1SUI chains, corpus multiconformer/3wip.cif and multiconformer/1juh.cif.gz.

For each file, medians of N runs (default 3) of the whole command, output
written to a file in a temporary folder:

  * mkdssp --output-format dssp FILE OUT.dssp      and  qir-dssp the same
  * mkdssp FILE OUT.cif (mmCIF, mkdssp's default)  and  qir-dssp the same
  * qir-dssp runs with --threads=1 (one thread, the figure compared with
    mkdssp) and, for the legacy output, with its default (one thread per
    core, --threads=N here)
  * qopt FILE -passes='print<dssp>' (the pass on a parsed file, table to
    /dev/null), and qopt STORE -passes='print<dssp>' with STORE written by
    `qopt FILE -passes=require<dssp> -o STORE.qir.h5` (dssp served from
    the store)

and whether the residue lines of the two legacy outputs are identical.
Prints a Markdown table.
"""
import argparse
import os
import subprocess
import sys
import tempfile

from bench_timing import timed

HERE = os.path.dirname(os.path.abspath(__file__))


def residue_lines(path):
    with open(path) as fh:
        text = fh.read()
    return text.split("  #  RESIDUE", 1)[1]


def atoms_and_residues(dssp_path):
    """(DSSP residues) from a legacy file's first statistics line."""
    with open(dssp_path) as fh:
        for line in fh:
            if "TOTAL NUMBER OF RESIDUES" in line:
                return int(line[:5])
    return 0


def count_atoms(qir_dump, path):
    out = subprocess.run([qir_dump, path], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    for line in out.splitlines():
        k, _, v = line.partition("\t")
        if k == "atoms":
            return int(v)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(
        HERE, "..", "..", "..", "shared", "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    bin_dir = os.path.join(a.build, "bin")
    qir_dssp = os.path.join(bin_dir, "qir-dssp")
    qopt = os.path.join(bin_dir, "qopt")
    qir_dump = os.path.join(bin_dir, "qir-dump")
    tmp = tempfile.mkdtemp(prefix="qir-dssp-bench-")
    files = a.files
    if not files:
        big = os.path.join(tmp, "dssp_large.pdb")
        subprocess.run([sys.executable, os.path.join(HERE, "make_dssp_large.py"),
                        a.corpus, big], check=True)
        files = [big, os.path.join(a.corpus, "multiconformer", "3wip.cif"),
                 os.path.join(a.corpus, "multiconformer", "1juh.cif.gz")]

    print("| file | atoms | DSSP residues | output | mkdssp (s) | qir-dssp "
          "--threads=1 (s) "
          "| speed-up | qir-dssp --threads=%d (s) | qopt print<dssp> from file "
          "(s) | served from store (s) | residue lines identical |"
          % a.threads)
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for f in files:
        stem = os.path.basename(f).split(".")[0]
        atoms = count_atoms(qir_dump, f)
        store = os.path.join(tmp, stem + ".qir.h5")
        subprocess.run([qopt, f, "-passes=require<dssp>", "-o", store],
                       check=True, stderr=subprocess.DEVNULL)
        t_pass = timed([qopt, f, "-passes=print<dssp>"], a.runs)
        t_store = timed([qopt, store, "-passes=print<dssp>"], a.runs)
        for fmt, ext in (("dssp", ".dssp"), ("mmcif", ".cif")):
            mk_out = os.path.join(tmp, stem + ".mkdssp" + ext)
            q_out = os.path.join(tmp, stem + ".qir" + ext)
            opt = ["--output-format", "dssp"] if fmt == "dssp" else []
            t_mk = timed(["mkdssp"] + opt + [f, mk_out], a.runs)
            t_q = timed([qir_dssp, "--threads=1"] + opt + [f, q_out], a.runs)
            threads = "-"
            same = "-"
            if fmt == "dssp":
                t_qt = timed([qir_dssp, "--threads=%d" % a.threads] + opt +
                             [f, q_out], a.runs)
                threads = "%.2f" % t_qt
                same = "yes" if residue_lines(mk_out) == residue_lines(q_out) \
                    else "NO"
                residues = atoms_and_residues(q_out)
            print("| %s | %d | %d | %s | %.2f | %.3f | %.1fx | %s | %s | %s | %s |"
                  % (os.path.basename(f), atoms, residues, fmt, t_mk, t_q,
                     t_mk / t_q, threads,
                     "%.3f" % t_pass if fmt == "dssp" else "-",
                     "%.3f" % t_store if fmt == "dssp" else "-", same))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
