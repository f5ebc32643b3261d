#!/usr/bin/env python3
"""Compare two tab-separated tables column by column, row by row.

Both files start with a header line naming the columns; columns are matched
by name (their order may differ), rows by position. A cell pair matches when
the two strings are equal, or when both are numbers within --tol of each
other. Columns present in only one file are an error unless ignored.

Prints up to --max-errors mismatches as
  row R (line L), column C: A-value != B-value
then a one-line summary `N rows, M columns compared`, and exits 1 on any
mismatch (0 when the tables agree, 2 on bad input).

Example, gemmi as oracle for qir:
  compare_tables.py gemmi.tsv qir.tsv --case-insensitive element \\
      --null-equal charge=0 --ignore label_asym,label_seq
"""

import argparse
import re
import sys

NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def read_table(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    if not lines:
        sys.exit("%s: empty file, expected a header line" % path)
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:]]
    for i, row in enumerate(rows):
        if len(row) != len(header):
            sys.exit("%s:%d: %d cells, header has %d"
                     % (path, i + 2, len(row), len(header)))
    return header, rows


def name_list(text):
    return [c for c in (text or "").split(",") if c]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", help="first table (e.g. the oracle's)")
    parser.add_argument("b", help="second table (e.g. qir's)")
    parser.add_argument("--tol", type=float, default=1e-3,
                        help="absolute tolerance for numbers (default 1e-3)")
    parser.add_argument("--ignore", action="append", metavar="COL,COL",
                        help="columns not compared")
    parser.add_argument("--case-insensitive", action="append",
                        metavar="COL,COL",
                        help="columns compared ignoring letter case")
    parser.add_argument("--null-equal", action="append", default=[],
                        metavar="COL=VAL",
                        help="in COL, VAL and '.' (missing) count as equal "
                             "(e.g. charge=0)")
    parser.add_argument("--max-errors", type=int, default=10, metavar="N",
                        help="mismatches to print (default 10)")
    args = parser.parse_args()

    ignore = {c for t in args.ignore or [] for c in name_list(t)}
    nocase = {c for t in args.case_insensitive or [] for c in name_list(t)}
    null_equal = {}
    for spec in args.null_equal:
        col, sep, val = spec.partition("=")
        if not sep:
            parser.error("--null-equal wants COL=VAL, got %r" % spec)
        null_equal.setdefault(col, set()).add(val)

    head_a, rows_a = read_table(args.a)
    head_b, rows_b = read_table(args.b)
    index_a = {c: i for i, c in enumerate(head_a)}
    index_b = {c: i for i, c in enumerate(head_b)}

    errors = []
    for col in head_a:
        if col not in index_b and col not in ignore:
            errors.append("column %s: only in %s" % (col, args.a))
    for col in head_b:
        if col not in index_a and col not in ignore:
            errors.append("column %s: only in %s" % (col, args.b))
    columns = [c for c in head_a if c in index_b and c not in ignore]
    if len(rows_a) != len(rows_b):
        errors.append("row count: %d in %s, %d in %s"
                      % (len(rows_a), args.a, len(rows_b), args.b))

    mismatches = len(errors)
    for r, (row_a, row_b) in enumerate(zip(rows_a, rows_b), start=1):
        for col in columns:
            va, vb = row_a[index_a[col]], row_b[index_b[col]]
            if va == vb:
                continue
            if col in nocase and va.lower() == vb.lower():
                continue
            if {va, vb} <= null_equal.get(col, set()) | {"."}:
                continue
            if (NUMBER.match(va) and NUMBER.match(vb)
                    and abs(float(va) - float(vb)) <= args.tol + 1e-9):
                continue
            mismatches += 1
            if len(errors) < args.max_errors:
                key = " ".join(row_a[index_a[c]] for c in
                               ("model", "chain", "seq", "resname", "atom")
                               if c in index_a)
                errors.append("row %d (line %d), column %s: %r != %r   [%s]"
                              % (r, r + 1, col, va, vb, key))

    for line in errors[:args.max_errors]:
        print("mismatch: " + line)
    if mismatches > args.max_errors:
        print("... %d more mismatches" % (mismatches - args.max_errors))
    print("%d rows, %d columns compared" % (min(len(rows_a), len(rows_b)),
                                            len(columns)))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
