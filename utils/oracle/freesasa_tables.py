#!/usr/bin/python3
"""Derive the SASA classification tables from the installed FreeSASA.

Writes include/qir/Analysis/SasaRadii.def (to stdout) from what Debian's
freesasa 2.1.2 package installs, so that the committed table can be checked
against the tool at any time (test/Analysis/sasa-tables.test):

  * SASA_TYPE / SASA_ATOM: the `types:` and `atoms:` sections of
    /usr/share/freesasa/protor.config and naccess.config, read as FreeSASA's
    configuration parser reads them ('#' starts a comment).
  * SASA_REFERENCE: the reference areas behind relative SASA. They are not
    in the configuration files; FreeSASA compiles them in. They are measured
    here: one copy of each standard amino acid (taken from the installed
    test file 1a0q.pdb, chain L) is placed 60 A from the others, the freesasa
    CLI reports absolute and relative areas, and reference = 100 * abs / rel
    (rounded to the two decimals FreeSASA keeps).
  * SASA_ELEMENT: the radius FreeSASA guesses from the element symbol of an
    atom its classifier does not know: one atom per element of
    qir/Support/Elements.def in an unknown residue, read back from the atom
    radii the CLI reports. Symbols it cannot guess (radius 0) are left out.
  * SASA_MAIN_CHAIN: atom names FreeSASA counts as main chain: every atom
    name of the two configurations is probed and the CLI's is-main-chain flag
    kept.

Usage: freesasa_tables.py [--elements PATH/Elements.def] > SasaRadii.def
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

SHARE = "/usr/share/freesasa"
SETS = [("Protor", "protor"), ("Naccess", "naccess")]
AMINO = ["ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
         "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL"]


def parse_config(path):
    """name, {type: (radius, class)} in file order, [(residue, atom, type)]."""
    types, atoms, name, section = {}, [], None, None
    for raw in open(path):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("name:"):
            name = line.split(None, 1)[1]
        elif line in ("types:", "atoms:"):
            section = line[:-1]
        elif section == "types":
            f = line.split()
            types[f[0]] = (float(f[1]), f[2])
        elif section == "atoms":
            atoms.append(tuple(line.split()[:3]))
    return name, types, atoms


def pdb_atom(serial, name, res, chain, seq, x, y, z, element):
    # Column layout of wwPDB ATOM records; names of up to three characters
    # start in column 14.
    aname = name if len(name) == 4 else " " + name.ljust(3)
    return ("ATOM  %5d %-4s %3s %1s%4d    %8.3f%8.3f%8.3f  1.00  0.00"
            "          %2s\n" % (serial, aname, res, chain, seq, x, y, z,
                                 element.rjust(2)))


def run_freesasa(pdb_text, radii, depth, hydrogen=False):
    with tempfile.NamedTemporaryFile("w", suffix=".pdb", delete=False) as f:
        f.write(pdb_text)
        path = f.name
    try:
        cmd = ["freesasa", "--format=json", "--depth=" + depth,
               "--radii=" + radii, path]
        if hydrogen:
            cmd.append("--hydrogen")
        out = subprocess.run(cmd, check=True, capture_output=True,
                             text=True).stdout
    finally:
        os.unlink(path)
    # json-c writes non-finite numbers as bare nan/inf; they are not needed.
    out = re.sub(r":\s*-?(nan|inf)\b", ": null", out)
    return json.loads(out)


def residues_of(doc):
    for chain in doc["results"][0]["structure"][0]["chains"]:
        for res in chain["residues"]:
            yield res


def reference_areas(radii):
    """One isolated copy of each amino acid from 1a0q.pdb chain L."""
    picked = {}
    for line in open(os.path.join(SHARE, "test-data", "1a0q.pdb")):
        if not line.startswith("ATOM") or line[21] != "L":
            continue
        res, key = line[17:20], line[22:27]
        if res in AMINO and (res not in picked or picked[res][0] == key):
            picked.setdefault(res, [key, []])[1].append(line)
    text, serial = "", 1
    for k, res in enumerate(AMINO):
        lines = picked[res][1]
        xyz = [(float(l[30:38]), float(l[38:46]), float(l[46:54]))
               for l in lines]
        c = [sum(p[i] for p in xyz) / len(xyz) for i in range(3)]
        for l, p in zip(lines, xyz):
            text += pdb_atom(serial, l[12:16].strip() if l[12] == " "
                             else l[12:16], res, "A", k + 1,
                             p[0] - c[0] + 60.0 * k, p[1] - c[1],
                             p[2] - c[2], l[76:78].strip())
            serial += 1
    refs = {}
    for r in residues_of(run_freesasa(text, radii, "residue")):
        a, rel = r["area"], r.get("relative-area") or {}
        vals = []
        for comp in ("total", "main-chain", "side-chain", "polar", "apolar"):
            if a[comp] > 0 and rel.get(comp):
                vals.append(round(100.0 * a[comp] / rel[comp], 2))
            else:
                vals.append(None)
        refs[r["name"]] = vals
    for name, v in refs.items():
        # A component with no area in an isolated residue (GLY's side chain)
        # has reference 0: FreeSASA's totals are the sum of the components.
        if v[2] is None:
            v[2] = round(v[0] - v[1], 2)
        if v[3] is None:
            v[3] = round(v[0] - v[4], 2)
        if v[4] is None:
            v[4] = round(v[0] - v[3], 2)
    return refs


def element_radii(elements_def):
    symbols = []
    for line in open(elements_def):
        m = re.match(r'ELEMENT\((\d+), "(\w+)"', line)
        if m:
            symbols.append(m.group(2).upper())
    text = ""
    for k, sym in enumerate(symbols):
        text += pdb_atom(k + 1, "X1", "UNL", "A", k + 1, 30.0 * k, 0, 0, sym)
    radii = {}
    atoms = [a for r in residues_of(run_freesasa(text, "protor", "atom", True))
             for a in r["atoms"]]
    for sym, a in zip(symbols, atoms):
        if a["radius"] > 0 and sym not in radii:
            radii[sym] = a["radius"]
    return symbols, radii


def main_chain_names(atom_names):
    names = sorted(atom_names)
    text = "".join(pdb_atom(k + 1, n, "UNL", "A", k + 1, 30.0 * k, 0, 0, "C")
                   for k, n in enumerate(names))
    atoms = [a for r in residues_of(run_freesasa(text, "protor", "atom"))
             for a in r["atoms"]]
    return [a["name"] for a in atoms if a["is-main-chain"]]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--elements", default=os.path.join(
        here, "..", "..", "include", "qir", "Support", "Elements.def"))
    args = ap.parse_args()

    out = sys.stdout
    out.write("""\
//===- SasaRadii.def - FreeSASA radii, classes and references ---*- C++ -*-===//
//
// Generated by utils/oracle/freesasa_tables.py from the Debian freesasa
// 2.1.2 package (do not edit by hand; test/Analysis/sasa-tables.test
// regenerates it and compares). Rows:
//
//   SASA_TYPE(Set, Type, Radius, Class)       atom type: radius in Angstrom,
//                                             class Polar or Apolar
//   SASA_ATOM(Set, Residue, Atom, Type)       (residue, atom) -> type;
//                                             residue "ANY" matches any
//                                             residue that does not list the
//                                             atom itself
//   SASA_REFERENCE(Set, Residue, Total, MainChain, SideChain, Polar, Apolar)
//                                             reference areas (A^2) that
//                                             relative SASA divides by
//   SASA_ELEMENT(Symbol, Radius)              radius guessed from the element
//                                             of an atom no table lists
//   SASA_MAIN_CHAIN(Atom)                     atom names counted as main
//                                             chain, in any residue
//
// Sets: Protor (J. Tsai et al., J. Mol. Biol. 290:253, 1999, as FreeSASA
// types them) and Naccess (S. Hubbard and J. Thornton's NACCESS radii).
// Element radii: M. Mantina et al., J. Phys. Chem. A 113:5806, 2009, with
// FreeSASA's choices for metals.
//
// There is deliberately no include guard: the includer defines the macros.
//===----------------------------------------------------------------------===//
#ifndef SASA_TYPE
#define SASA_TYPE(SET, TYPE, RADIUS, CLASS)
#endif
#ifndef SASA_ATOM
#define SASA_ATOM(SET, RESIDUE, ATOM, TYPE)
#endif
#ifndef SASA_REFERENCE
#define SASA_REFERENCE(SET, RESIDUE, TOTAL, MAIN, SIDE, POLAR, APOLAR)
#endif
#ifndef SASA_ELEMENT
#define SASA_ELEMENT(SYMBOL, RADIUS)
#endif
#ifndef SASA_MAIN_CHAIN
#define SASA_MAIN_CHAIN(ATOM)
#endif
""")
    all_names = set()
    for set_name, file in SETS:
        name, types, atoms = parse_config(
            os.path.join(SHARE, file + ".config"))
        out.write("\n// %s (%s.config, name: %s)\n" % (set_name, file, name))
        for t, (r, cls) in types.items():
            out.write('SASA_TYPE(%s, "%s", %.2f, %s)\n'
                      % (set_name, t, r, cls.capitalize()))
        for res, atom, t in atoms:
            all_names.add(atom)
            out.write('SASA_ATOM(%s, "%s", "%s", "%s")\n'
                      % (set_name, res, atom, t))
        refs = reference_areas(file)
        for res in AMINO:
            v = refs[res]
            out.write('SASA_REFERENCE(%s, "%s", %.2f, %.2f, %.2f, %.2f, %.2f)\n'
                      % ((set_name, res) + tuple(v)))
    out.write("\n// Element radii for atoms no table lists\n")
    symbols, radii = element_radii(args.elements)
    for sym in symbols:
        if sym in radii:
            out.write('SASA_ELEMENT("%s", %.2f)\n' % (sym, radii[sym]))
    out.write("\n// Main-chain atom names\n")
    for n in main_chain_names(all_names):
        out.write('SASA_MAIN_CHAIN("%s")\n' % n)
    out.write("\n#undef SASA_TYPE\n#undef SASA_ATOM\n#undef SASA_REFERENCE\n"
              "#undef SASA_ELEMENT\n#undef SASA_MAIN_CHAIN\n")


if __name__ == "__main__":
    main()
