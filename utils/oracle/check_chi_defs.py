#!/usr/bin/env python3
"""Check include/qir/Analysis/ChiAngles.def residue by residue.

  check_chi_defs.py [--src DIR]

For each residue type of ChiAngles.def (the 20 standard amino acids and
MSE), takes the residue's heavy-atom names from the residue templates
(include/qir/IR/ResidueTemplates.def, TATOM lines) and applies mdtraj's
chi name patterns to them (mdtraj.geometry.dihedral.CHI1_ATOMS ..
CHI5_ATOMS, residue-agnostic: a pattern applies when the residue has all
four names, as mdtraj's _atom_sequence). The quadruples must equal
ChiAngles.def's, except for the intended differences listed in INTENDED
below, each of which must occur exactly as listed. Also checks that every
ChiAngles.def atom is a template atom of its residue (qir takes the expected
element from there) and compares with the templates' own chi table (TCHI),
again with the listed differences.

Prints one line per residue type (`ok RES chi1..chiN`, or the differences)
and a total; exits 1 on any unlisted difference.
"""

import argparse
import os
import re
import sys

from mdtraj.geometry import dihedral as mdd

HERE = os.path.dirname(os.path.abspath(__file__))

STANDARD = ["ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS",
            "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP",
            "TYR", "VAL", "MSE"]

# (residue, k): (ChiAngles.def's quadruple, mdtraj's, why). None: no chi.
INTENDED = {
    ("MSE", 2): (("CA", "CB", "CG", "SE"), None,
                 "mdtraj's chi2 patterns name SD; MSE has SE in its place"),
    ("MSE", 3): (("CB", "CG", "SE", "CE"), None,
                 "mdtraj's chi3 patterns name SD; MSE has SE in its place"),
}
# Differences from the templates' TCHI table (residue, k): (.def, TCHI).
INTENDED_TCHI = {
    ("ARG", 5): (("CD", "NE", "CZ", "NH1"), None,
                 "the templates stop at ARG chi4; print<dihedrals> has chi5"),
}

STR = r'"([^"]*)"'
RE_CHI = re.compile(r"^QIR_CHI\(\s*(\w+)\s*,\s*(\d+)\s*,\s*" +
                    r"\s*,\s*".join([STR] * 4) + r"\s*\)")
RE_BEGIN = re.compile(r"RESIDUE_BEGIN\(\s*\w+\s*,\s*" + STR)
RE_ATOM = re.compile(r"TATOM\(\s*" + STR)
RE_TCHI = re.compile(r"TCHI\(\s*(\d+)\s*,\s*" +
                     r"\s*,\s*".join([STR] * 4) + r"\s*\)")


def read_def(path):
    chis = {}
    for line in open(path):
        m = RE_CHI.match(line.strip())
        if m:
            key = (m.group(1), int(m.group(2)))
            if key in chis:
                sys.exit("%s: %s chi%d twice" % (path, key[0], key[1]))
            chis[key] = tuple(m.group(i) for i in range(3, 7))
        elif line.startswith("QIR_CHI("):
            sys.exit("%s: cannot parse: %s" % (path, line.strip()))
    return chis


def read_templates(path):
    atoms, tchi, cur = {}, {}, None
    for line in open(path):
        m = RE_BEGIN.search(line)
        if m:
            cur = m.group(1)
            atoms[cur] = []
        if cur is None:
            continue
        atoms[cur] += RE_ATOM.findall(line)
        for m in RE_TCHI.finditer(line):
            tchi[(cur, int(m.group(1)))] = tuple(m.group(i)
                                                 for i in range(2, 6))
        if "RESIDUE_END" in line:
            cur = None
    return atoms, tchi


def mdtraj_chis(names):
    out = {}
    for k in range(1, 6):
        hits = [tuple(p) for p in getattr(mdd, "CHI%d_ATOMS" % k)
                if all(a in names for a in p)]
        if len(hits) > 1:
            sys.exit("mdtraj patterns match chi%d twice: %s" % (k, hits))
        if hits:
            out[k] = hits[0]
    return out


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", default=os.path.join(HERE, "..", ".."),
                        help="qir source tree (default: this script's)")
    args = parser.parse_args()
    chis = read_def(os.path.join(args.src, "include", "qir", "Analysis",
                                 "ChiAngles.def"))
    atoms, tchi = read_templates(os.path.join(args.src, "include", "qir",
                                              "IR", "ResidueTemplates.def"))
    errors = []
    seen_intended = set()
    seen_tchi = set()
    residues = sorted({r for r, _ in chis})
    if residues != sorted(set(STANDARD) - {"ALA", "GLY"}):
        errors.append("ChiAngles.def covers %s" % " ".join(residues))
    compared = 0
    for res in STANDARD:
        if res not in atoms:
            errors.append("%s: no residue template" % res)
            continue
        names = set(atoms[res])
        md = mdtraj_chis(names)
        mine = {k: q for (r, k), q in chis.items() if r == res}
        notes = []
        for k in range(1, 6):
            q, m = mine.get(k), md.get(k)
            for a in q or ():
                if a not in names:
                    errors.append("%s chi%d: atom %s is not in the template"
                                  % (res, k, a))
            compared += 1
            if (res, k) in INTENDED:
                want_q, want_m, why = INTENDED[(res, k)]
                seen_intended.add((res, k))
                if q != want_q or m != want_m:
                    errors.append("%s chi%d: listed as %s vs mdtraj %s, found "
                                  "%s vs %s" % (res, k, want_q, want_m, q, m))
                else:
                    notes.append("chi%d differs as listed (%s)" % (k, why))
            elif q != m:
                errors.append("%s chi%d: ChiAngles.def %s, mdtraj %s"
                              % (res, k, q, m))
            t = tchi.get((res, k))
            if (res, k) in INTENDED_TCHI:
                want_q, want_t, why = INTENDED_TCHI[(res, k)]
                seen_tchi.add((res, k))
                if q != want_q or t != want_t:
                    errors.append("%s chi%d: listed as %s vs TCHI %s, found "
                                  "%s vs %s" % (res, k, want_q, want_t, q, t))
                else:
                    notes.append("chi%d not in TCHI as listed (%s)"
                                 % (k, why))
            elif q != t:
                errors.append("%s chi%d: ChiAngles.def %s, TCHI %s"
                              % (res, k, q, t))
        print("ok %s %s%s" % (res, " ".join(
            "chi%d=%s" % (k, "-".join(mine[k])) for k in sorted(mine))
            or "no chi", "".join("; " + n for n in notes)))
    for key in set(INTENDED) - seen_intended:
        errors.append("listed difference %s chi%d not checked" % key)
    for key in set(INTENDED_TCHI) - seen_tchi:
        errors.append("listed TCHI difference %s chi%d not checked" % key)
    for e in errors:
        print("mismatch: " + e)
    print("%d residue types, %d chi slots compared, %d intended differences, "
          "%d mismatches" % (len(STANDARD), compared,
                             len(INTENDED) + len(INTENDED_TCHI), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
