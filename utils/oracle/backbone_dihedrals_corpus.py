#!/usr/bin/env python3
"""Check print<backbone-dihedrals> against gemmi on every corpus file.

  backbone_dihedrals_corpus.py QOPT CORPUS_DIR [--tol DEG] [--keep DIR]

For each coordinate file under CORPUS_DIR (*.cif, *.cif.gz, *.pdb, *.ent,
*.ent.gz; not ccd/ folders, which hold chemical components, nor BinaryCIF,
which gemmi 0.5.7 cannot read), runs
  QOPT FILE -passes='print<backbone-dihedrals>'
and backbone_dihedrals.py FILE --rules, then compare_dihedrals.py on the two
tables. The rows backbone_dihedrals.py lists under a named rule (qir's PDB
polymer rule against gemmi's SEQRES/TER polymer; see its docstring) are taken
out first -- qir-side rows from qir's table, gemmi-side rows are not printed
-- and counted per file and in the total (`explained by rule: NAME N, ...`).
Prints one line per file (`ok FILE: <summary>` or `FAIL FILE`, then the
mismatches) and a total; exits 1 if any file fails.
"""

import argparse
import collections
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


def apply_rules(stem):
    """Take the qir-side rule rows out of STEM.qir; count both sides."""
    counts = collections.Counter()
    qir_keys = {}
    with open(stem + ".rules") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells[1] == "gemmi":
                counts[cells[0]] += 1
            else:
                qir_keys[tuple(cells[2:7])] = cells[0]
    if qir_keys:
        with open(stem + ".qir") as f:
            lines = f.readlines()
        kept = lines[:1]
        for line in lines[1:]:
            rule = qir_keys.get(tuple(line.rstrip("\n").split("\t")[:5]))
            if rule:
                counts[rule] += 1
            else:
                kept.append(line)
        with open(stem + ".qir", "w") as f:
            f.writelines(kept)
    return counts


def rule_text(counts, sep):
    if not counts:
        return ""
    return sep + "explained by rule: " + ", ".join(
        "%s %d" % kv for kv in sorted(counts.items()))


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
    explained = collections.Counter()
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
                       os.path.join(HERE, "backbone_dihedrals.py"), path,
                       "--rules", stem + ".rules"],
                      stem + ".gemmi")
        if rc != 0:
            failed += 1
            print("FAIL %s: the gemmi oracle exited %d\n%s"
                  % (rel, rc, err.strip()))
            continue
        here = apply_rules(stem)
        explained.update(here)
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
            if here:
                print("  " + rule_text(here, ""))
        else:
            print("ok %s: %s%s" % (rel, summary, rule_text(here, "; ")))
            m = re.match(r"(\d+) rows", summary)
            rows += int(m.group(1)) if m else 0
    print("%d files, %d failed, %d rows agree" % (len(files), failed, rows))
    print(rule_text(explained, "") or "explained by rule: none")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
