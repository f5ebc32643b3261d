#!/usr/bin/env python3
"""Print `atoms<TAB>N`: the number of rows of a CIF loop, counted by gemmi.cif.

For a Chemical Component Dictionary entry (no _atom_site) the default loop,
_chem_comp_atom, holds one row per atom of the component; qir reads such an
entry as one residue, so `qir-dump FILE` must report the same `atoms` line.
--category _atom_site counts atom sites instead, for mmCIF files whose
atom_site loop gemmi.read_structure cannot interpret (e.g. PyMOL output
without auth_* columns).
"""

import argparse
import sys

import gemmi


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", help="CIF file (optionally .gz)")
    parser.add_argument("--category", default="_chem_comp_atom",
                        help="CIF category to count (default _chem_comp_atom)")
    args = parser.parse_args()

    total = 0
    for block in gemmi.cif.read(args.file):
        table = block.find_mmcif_category(args.category.rstrip(".") + ".")
        total += len(table)
    print("atoms\t%d" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
