#!/usr/bin/env python3
"""Compare two tables of angles joined on residue keys, on the circle.

  compare_dihedrals.py A B [--tol DEG] [--keys COLS] [--max-errors N]
                           [--explained FILE]

Both files are tab-separated with a header line (print<X> layout). Rows are
joined on the key columns (default `model,chain,seq,icode,resname`); every
other column common to both is an angle in degrees or '.' (missing). The
tables agree when
  - both have the same columns,
  - the keys are unique in each file and the two key sets are equal,
  - each angle is defined in both or missing in both, and
  - defined angles differ by at most --tol (default 0.01) degrees measured
    on the circle: min(|a-b|, 360-|a-b|).

The tables may have any number of angle columns (print<backbone-dihedrals>
has phi psi omega, print<dihedrals> adds chi1..chi5).

--explained FILE names the cells where B's oracle replaced its reference
program's value by the documented rule's, with the reason (the --explain
output of dihedrals_mdtraj.py: key columns, column, reference value, rule
value, reason). Those cells are compared like every other (B holds the rule's
value); the option adds the line
  explained by rule: REASON N, ...
before the summary, and a line whose reason is `unexplained` is a mismatch.

Prints up to --max-errors mismatches, then a summary
  N rows, M angles compared (D defined), max deviation X deg
and exits 1 on any mismatch (0 when the tables agree, 2 on bad input).
"""

import argparse
import sys


def read_table(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    if not lines:
        print("%s: empty file, expected a header line" % path)
        sys.exit(2)
    header = lines[0].split("\t")
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        row = line.split("\t")
        if len(row) != len(header):
            print("%s:%d: %d cells, header has %d"
                  % (path, i, len(row), len(header)))
            sys.exit(2)
        rows.append((i, row))
    return header, rows


def keyed(path, header, rows, keys, errors):
    missing = [k for k in keys if k not in header]
    if missing:
        print("%s: no key column(s) %s" % (path, ",".join(missing)))
        sys.exit(2)
    idx = [header.index(k) for k in keys]
    table = {}
    for line, row in rows:
        key = tuple(row[i] for i in idx)
        if key in table:
            errors.append("%s:%d: duplicate key %s (first on line %d)"
                          % (path, line, " ".join(key), table[key][0]))
            continue
        table[key] = (line, row)
    return table


def circular_diff(a, b):
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", help="first table (e.g. qir's)")
    parser.add_argument("b", help="second table (e.g. the oracle's)")
    parser.add_argument("--tol", type=float, default=0.01,
                        help="tolerance in degrees (default 0.01)")
    parser.add_argument("--keys", default="model,chain,seq,icode,resname",
                        help="join columns (default %(default)s)")
    parser.add_argument("--max-errors", type=int, default=20, metavar="N",
                        help="mismatches to print (default 20)")
    parser.add_argument("--explained", metavar="FILE",
                        help="cells where B holds a rule value instead of "
                             "its reference program's, with the reason")
    args = parser.parse_args()
    keys = [k for k in args.keys.split(",") if k]

    head_a, rows_a = read_table(args.a)
    head_b, rows_b = read_table(args.b)
    errors = []
    if sorted(head_a) != sorted(head_b):
        errors.append("columns differ: %s has %s, %s has %s"
                      % (args.a, " ".join(head_a), args.b, " ".join(head_b)))
    angles = [c for c in head_a if c in head_b and c not in keys]
    table_a = keyed(args.a, head_a, rows_a, keys, errors)
    table_b = keyed(args.b, head_b, rows_b, keys, errors)

    for key in table_a.keys() - table_b.keys():
        errors.append("row only in %s (line %d): %s"
                      % (args.a, table_a[key][0], " ".join(key)))
    for key in table_b.keys() - table_a.keys():
        errors.append("row only in %s (line %d): %s"
                      % (args.b, table_b[key][0], " ".join(key)))

    compared = defined = 0
    max_dev = 0.0
    ia = {c: i for i, c in enumerate(head_a)}
    ib = {c: i for i, c in enumerate(head_b)}
    common = sorted(table_a.keys() & table_b.keys(),
                    key=lambda k: table_a[k][0])
    for key in common:
        line_a, row_a = table_a[key]
        line_b, row_b = table_b[key]
        for col in angles:
            va, vb = row_a[ia[col]], row_b[ib[col]]
            compared += 1
            where = "%s %s (lines %d, %d)" % (" ".join(key), col, line_a,
                                              line_b)
            if va == "." or vb == ".":
                if va != vb:
                    errors.append("%s: %s != %s" % (where, va, vb))
                continue
            try:
                fa, fb = float(va), float(vb)
            except ValueError:
                errors.append("%s: not a number: %r, %r" % (where, va, vb))
                continue
            defined += 1
            dev = circular_diff(fa, fb)
            max_dev = max(max_dev, dev)
            if dev > args.tol + 1e-9:
                errors.append("%s: %s != %s (off by %.3f deg)"
                              % (where, va, vb, dev))

    reasons = {}
    if args.explained:
        head_e, rows_e = read_table(args.explained)
        for need in keys + ["column", "reason"]:
            if need not in head_e:
                print("%s: no column %s" % (args.explained, need))
                return 2
        ir = head_e.index("reason")
        ic = head_e.index("column")
        ik = [head_e.index(k) for k in keys]
        for line, row in rows_e:
            reasons[row[ir]] = reasons.get(row[ir], 0) + 1
            if row[ir] == "unexplained":
                errors.append("%s:%d: %s %s: the oracle found no rule for "
                              "this difference from its reference program"
                              % (args.explained, line,
                                 " ".join(row[i] for i in ik), row[ic]))

    for line in errors[:args.max_errors]:
        print("mismatch: " + line)
    if len(errors) > args.max_errors:
        print("... %d more mismatches" % (len(errors) - args.max_errors))
    if args.explained:
        print("explained by rule: %s" % (", ".join(
            "%s %d" % kv for kv in sorted(reasons.items())) or "none"))
    print("%d rows, %d angles compared (%d defined), max deviation %.4f deg"
          % (len(common), compared, defined, max_dev))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
