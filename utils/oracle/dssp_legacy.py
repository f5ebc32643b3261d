#!/usr/bin/env python3
"""Parse classic (legacy) DSSP output, as written by mkdssp 4.x.

  dssp_legacy.py FILE.dssp [--table hbonds|dssp]

The residue section starts after the line beginning with '  #  RESIDUE'.
Every line below it is either a residue or a break line ('!' in column 14,
1-based; '!*' when the break starts a new chain). Residue lines have fixed
columns (1-based, inclusive), as the DSSP documentation describes them:

   1-5   DSSP sequential number (jumps by one extra at every break)
   6-10  author residue number         11  insertion code
  12     chain (author, one character)  14  one-letter amino acid
  17     secondary structure (H B E G I P T S or blank)
  18     PPII flag ('>' '<' 'X' 'P' or blank)
  19-21  3-, 4-, 5-turn flags ('>' '<' 'X' '3'/'4'/'5' or blank)
  22     bend ('S')                     23  chirality ('+' '-' or blank)
  24-25  bridge labels 1 and 2 (lower case: parallel)
  26-29  bridge partner 1 (DSSP number, 0 = none)
  30-33  bridge partner 2              34  sheet label
  35-38  accessibility (A^2, rounded)
  40-50  N-H-->O 1  (offset,energy)    51-61  O-->H-N 1
  62-72  N-H-->O 2                     73-83  O-->H-N 2
  86-91  TCO   92-97 KAPPA   98-103 ALPHA   104-109 PHI   110-115 PSI
  117-122 X-CA  124-129 Y-CA  130-135 Z-CA

parse() returns one dict per residue line (break lines are dropped, their
existence is visible as a jump in 'nr'). As a script it prints a
tab-separated table: with --table hbonds the H-bond columns, with --table
dssp (default) every field; '.' for blank one-character fields.
"""

import argparse
import sys


def _pair(text):
    offset, energy = text.split(",")
    return int(offset), energy.strip()


def parse_line(line):
    """One residue line -> dict; None for a break line."""
    line = line.rstrip("\n")
    if len(line) > 13 and line[13] == "!":
        return None
    line = line.ljust(136)
    f = {
        "nr": int(line[0:5]),
        "seq": int(line[5:10]),
        "icode": line[10].strip(),
        "chain": line[11].strip(),
        "aa": line[13],
        "ss": line[16],
        "pp": line[17],
        "h3": line[18],
        "h4": line[19],
        "h5": line[20],
        "bend": line[21],
        "chirality": line[22],
        "label1": line[23],
        "label2": line[24],
        "bp1": int(line[25:29]),
        "bp2": int(line[29:33]),
        "sheet": line[33],
        "acc": int(line[34:38]),
        "tco": line[85:91].strip(),
        "kappa": line[91:97].strip(),
        "alpha": line[97:103].strip(),
        "phi": line[103:109].strip(),
        "psi": line[109:115].strip(),
        "x": line[116:122].strip(),
        "y": line[123:129].strip(),
        "z": line[129:135].strip(),
    }
    for name, (a, b) in (("nho1", (39, 50)), ("onh1", (50, 61)),
                         ("nho2", (61, 72)), ("onh2", (72, 83))):
        off, e = _pair(line[a:b])
        f[name + "_offset"] = off
        f[name + "_energy"] = e
    return f


def parse(path):
    rows = []
    started = False
    with open(path) as fh:
        for line in fh:
            if not started:
                started = line.startswith("  #  RESIDUE")
                continue
            if not line.strip():
                continue
            r = parse_line(line)
            if r is not None:
                rows.append(r)
    if not started:
        raise ValueError("%s: no '  #  RESIDUE' line" % path)
    return rows


HBOND_COLUMNS = ["nr", "chain", "seq", "icode", "aa"] + [
    "%s%d_%s" % (d, k, w) for k in (1, 2) for d in ("nho", "onh")
    for w in ("offset", "energy")]
DSSP_COLUMNS = ["nr", "chain", "seq", "icode", "aa", "ss", "pp", "h3", "h4",
                "h5", "bend", "chirality", "label1", "label2", "bp1", "bp2",
                "sheet", "acc", "tco", "kappa", "alpha", "phi", "psi"]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--table", choices=["hbonds", "dssp"], default="dssp")
    args = ap.parse_args()
    cols = HBOND_COLUMNS if args.table == "hbonds" else DSSP_COLUMNS
    out = sys.stdout
    out.write("\t".join(cols) + "\n")
    for r in parse(args.file):
        vals = []
        for c in cols:
            v = r[c]
            if isinstance(v, str) and v.strip() == "":
                v = "."
            vals.append(str(v))
        out.write("\t".join(vals) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
