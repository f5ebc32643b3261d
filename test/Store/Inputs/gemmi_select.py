#!/usr/bin/python3
"""Compare qir-dump's partial-read atom table with gemmi's reading.

Usage: gemmi_select.py DUMP_TSV FROM TO NAMES MODEL ENTRY=FILE [ENTRY=FILE...]

DUMP_TSV is `qir-dump STORE --select='resid FROM to TO and name NAMES'
[--model=MODEL] --table=atoms` (MODEL '-' for all models) of a store or
shard written from the FILEs. gemmi reads each FILE and picks the same atoms
(auth residue numbers FROM..TO, atom names in the comma-separated NAMES);
the script prints how many rows each side has per entry and whether the
(model, chain, seq, atom, x, y, z) rows are identical.
"""
import sys

import gemmi

dump, lo, hi, names, model = sys.argv[1:6]
lo, hi, names = int(lo), int(hi), set(names.split(","))
files = dict(a.split("=", 1) for a in sys.argv[6:])

rows = [l.rstrip("\n").split("\t") for l in open(dump)]
head, body = rows[0], rows[1:]
col = {c: i for i, c in enumerate(head)}
qir = {}
for r in body:
    entry = r[col["entry"]] if "entry" in col else next(iter(files))
    qir.setdefault(entry, []).append(
        (int(r[col["model"]]), r[col["chain"]], int(r[col["seq"]]),
         r[col["atom"]], r[col["x"]], r[col["y"]], r[col["z"]]))

for entry, path in files.items():
    st = gemmi.read_structure(path)
    want = []
    for m in st:
        num = int(m.name) if m.name else 1
        if model != "-" and num != int(model):
            continue
        for ch in m:
            for res in ch:
                n = res.seqid.num
                if n < lo or n > hi or (n == hi and res.seqid.icode != " "):
                    continue
                for a in res:
                    if a.name in names:
                        p = a.pos
                        want.append((num, ch.name, n, a.name, "%.3f" % p.x,
                                     "%.3f" % p.y, "%.3f" % p.z))
    got = qir.get(entry, [])
    print("%s: qir %d gemmi %d identical: %s"
          % (entry, len(got), len(want), sorted(got) == sorted(want)))
