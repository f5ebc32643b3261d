#!/usr/bin/env python3
"""Print the atom-site table of a structure file as gemmi reads it.

The output has exactly the layout of `qir-dump --table=atoms FILE`, so the
two can be compared with compare_tables.py:

  model chain label_asym seq icode label_seq resname atom element altloc
  x y z occupancy b_iso charge hetero serial

tab-separated, one row per atom site, models in file order, atoms in file
order within a model, "." for a missing value, 3 decimals for x y z,
occupancy and b_iso.

Where gemmi makes a choice instead of reading a fact (see README.md), its
choice is printed as is and the tests ignore or relax that column: label_asym
for PDB input is a name gemmi invents ("Apoly", "Awat"), label_seq for PDB
input is ".", the element symbol is case-normalised ("Se" for "SE"), and a
missing formal charge reads as 0.

CCD files (a _chem_comp_atom table, no _atom_site) are not handled here; see
ccd_count.py.
"""

import argparse
import signal
import sys

import gemmi

COLUMNS = ("model chain label_asym seq icode label_seq resname atom element "
           "altloc x y z occupancy b_iso charge hetero serial").split()


def dot(value):
    """Render a possibly missing value: empty strings and None become '.'."""
    if value is None:
        return "."
    text = str(value).strip()
    return text if text else "."


def atom_rows(structure, only_model=None):
    for model in structure:
        if only_model is not None and model.name != str(only_model):
            continue
        for chain in model:
            for residue in chain:
                seqid = residue.seqid
                icode = seqid.icode if seqid.icode != " " else ""
                label_seq = residue.label_seq  # None when unknown
                hetero = 1 if residue.het_flag == "H" else 0
                for atom in residue:
                    altloc = atom.altloc if atom.altloc != "\0" else ""
                    charge = atom.charge
                    yield (
                        model.name, chain.name, dot(residue.subchain),
                        seqid.num, dot(icode), dot(label_seq), residue.name,
                        atom.name, dot(atom.element.name), dot(altloc),
                        "%.3f" % atom.pos.x, "%.3f" % atom.pos.y,
                        "%.3f" % atom.pos.z, "%.3f" % atom.occ,
                        "%.3f" % atom.b_iso, charge, hetero, atom.serial)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="PDB or mmCIF file (optionally .gz)")
    parser.add_argument("--model", type=int, metavar="N",
                        help="print only the model numbered N in the file")
    args = parser.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`

    structure = gemmi.read_structure(args.file, merge_chain_parts=False)
    out = sys.stdout
    out.write("\t".join(COLUMNS) + "\n")
    for row in atom_rows(structure, args.model):
        out.write("\t".join(str(v) for v in row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
