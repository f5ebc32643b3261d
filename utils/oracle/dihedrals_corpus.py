#!/usr/bin/env python3
"""Check print<dihedrals> against mdtraj (and gemmi) on every corpus file.

  dihedrals_corpus.py QOPT CORPUS_DIR [--tol DEG] [--keep DIR]

For each coordinate file under CORPUS_DIR (*.cif, *.cif.gz, *.pdb, *.ent,
*.ent.gz; not ccd/ folders, which hold chemical components, nor BinaryCIF,
which gemmi 0.5.7 cannot read), runs
  QOPT FILE -passes='print<dihedrals>'
and dihedrals_mdtraj.py FILE --explain, then compare_dihedrals.py
--explained on the two tables: every angle of every row is compared;
where the oracle holds its rule's value instead of mdtraj's, the reason is
counted. Prints one line per file (`ok FILE: <source>; <summary>; <reasons>`
or `FAIL FILE`, then the mismatches) and the totals:
  N files (M read by mdtraj), F failed, R rows, A angles compared
  (D defined), max deviation X deg
  explained by rule: REASON N, ...
Exits 1 if any file fails.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

from corpus_files import coordinate_files

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = re.compile(r"(\d+) rows, (\d+) angles compared \((\d+) defined\), "
                     r"max deviation ([0-9.]+) deg")


def run(cmd, out_path):
    with open(out_path, "w") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE,
                              text=True)
    return proc.returncode, proc.stderr


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("qopt", help="the qopt executable")
    parser.add_argument("corpus", help="corpus directory")
    parser.add_argument("--tol", default="0.01",
                        help="tolerance in degrees (default 0.01)")
    parser.add_argument("--keep", metavar="DIR",
                        help="write the tables here instead of a temporary "
                             "directory")
    args = parser.parse_args()

    files = list(coordinate_files(args.corpus))
    if not files:
        print("no coordinate files under %s" % args.corpus)
        return 1
    tmp = args.keep or tempfile.mkdtemp(prefix="dihedrals-")
    os.makedirs(tmp, exist_ok=True)
    failed = by_mdtraj = 0
    totals = [0, 0, 0]
    max_dev = 0.0
    reasons = {}
    for path in files:
        rel = os.path.relpath(path, args.corpus)
        stem = os.path.join(tmp, rel.replace(os.sep, "_"))
        rc, err = run([args.qopt, path, "-passes=print<dihedrals>"],
                      stem + ".qir")
        if rc != 0:
            failed += 1
            print("FAIL %s: qopt exited %d\n%s" % (rel, rc, err.strip()))
            continue
        rc, err = run([sys.executable, os.path.join(HERE,
                                                    "dihedrals_mdtraj.py"),
                       path, "--tol", args.tol, "--explain", stem + ".why"],
                      stem + ".oracle")
        if rc != 0:
            failed += 1
            print("FAIL %s: the oracle exited %d\n%s"
                  % (rel, rc, err.strip()))
            continue
        m = re.search(r"source ([^;]+);", err)
        source = m.group(1) if m else "?"
        by_mdtraj += source == "mdtraj"
        proc = subprocess.run(
            [sys.executable, os.path.join(HERE, "compare_dihedrals.py"),
             stem + ".qir", stem + ".oracle", "--tol", args.tol,
             "--explained", stem + ".why"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = proc.stdout.strip().splitlines()
        summary = lines[-1] if lines else "(no output)"
        why = [l for l in lines if l.startswith("explained by rule: ")]
        why = why[-1][len("explained by rule: "):] if why else "?"
        if proc.returncode != 0:
            failed += 1
            print("FAIL %s" % rel)
            print("\n".join("  " + line for line in lines))
            continue
        print("ok %s: %s; %s; rule: %s" % (rel, source, summary, why))
        m = SUMMARY.match(summary)
        if m:
            for i in range(3):
                totals[i] += int(m.group(i + 1))
            max_dev = max(max_dev, float(m.group(4)))
        for part in why.split(", "):
            name, _, n = part.rpartition(" ")
            if name:
                reasons[name] = reasons.get(name, 0) + int(n)
    print("%d files (%d read by mdtraj), %d failed, %d rows, %d angles "
          "compared (%d defined), max deviation %.4f deg"
          % (len(files), by_mdtraj, failed, totals[0], totals[1], totals[2],
             max_dev))
    print("explained by rule: %s" % (", ".join(
        "%s %d" % kv for kv in sorted(reasons.items())) or "none"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
