#!/usr/bin/env python3
"""Check print<backbone-dihedrals> against gemmi on every corpus file.

  backbone_dihedrals_corpus.py QOPT CORPUS_DIR [--tol DEG] [--keep DIR]

For each coordinate file under CORPUS_DIR (*.cif, *.cif.gz, *.pdb, *.ent,
*.ent.gz; not ccd/ folders, which hold chemical components, nor BinaryCIF,
which gemmi 0.5.7 cannot read), runs
  QOPT FILE -passes='print<backbone-dihedrals>'
and backbone_dihedrals.py FILE, then compare_dihedrals.py on the two tables.
Prints one line per file (`ok FILE: <summary>` or `FAIL FILE`, then the
mismatches) and a total; exits 1 if any file fails.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

from corpus_files import coordinate_files

HERE = os.path.dirname(os.path.abspath(__file__))


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
    tmp = args.keep or tempfile.mkdtemp(prefix="backbone-dihedrals-")
    os.makedirs(tmp, exist_ok=True)
    failed = rows = 0
    for path in files:
        rel = os.path.relpath(path, args.corpus)
        stem = os.path.join(tmp, rel.replace(os.sep, "_"))
        rc, err = run([args.qopt, path, "-passes=print<backbone-dihedrals>"],
                      stem + ".qir")
        if rc != 0:
            failed += 1
            print("FAIL %s: qopt exited %d\n%s" % (rel, rc, err.strip()))
            continue
        rc, err = run([sys.executable,
                       os.path.join(HERE, "backbone_dihedrals.py"), path],
                      stem + ".gemmi")
        if rc != 0:
            failed += 1
            print("FAIL %s: the gemmi oracle exited %d\n%s"
                  % (rel, rc, err.strip()))
            continue
        proc = subprocess.run(
            [sys.executable, os.path.join(HERE, "compare_dihedrals.py"),
             stem + ".qir", stem + ".gemmi", "--tol", args.tol],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = proc.stdout.strip().splitlines()
        summary = lines[-1] if lines else "(no output)"
        if proc.returncode != 0:
            failed += 1
            print("FAIL %s" % rel)
            print("\n".join("  " + line for line in lines))
        else:
            print("ok %s: %s" % (rel, summary))
            m = re.match(r"(\d+) rows", summary)
            rows += int(m.group(1)) if m else 0
    print("%d files, %d failed, %d rows agree" % (len(files), failed, rows))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
