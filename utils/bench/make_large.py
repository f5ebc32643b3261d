#!/usr/bin/python3
"""Make a structure over 50,000 atoms for read benchmarks.

    make_large.py SOURCE COPIES OUTDIR

Copies every chain of SOURCE's first model COPIES times (the copies are
translated by 100 A each and get fresh one-letter chain ids, so the result is
also valid PDB), and writes OUTDIR/large.cif and OUTDIR/large.pdb with gemmi.
The benchmark tables say which source and how many copies.
"""
import string
import sys

import gemmi


def main():
    src, copies, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    st = gemmi.read_structure(src)
    st.setup_entities()
    model = st[0]
    originals = [ch.clone() for ch in model]
    names = iter(string.ascii_uppercase + string.ascii_lowercase + string.digits)
    for ch in list(model):
        model.remove_chain(ch.name)
    for c in range(copies):
        for orig in originals:
            ch = orig.clone()
            ch.name = next(names)
            for res in ch:
                for atom in res:
                    p = atom.pos
                    atom.pos = gemmi.Position(p.x + 100.0 * c, p.y, p.z)
            model.add_chain(ch)
    while len(st) > 1:
        del st[1]
    st.setup_entities()
    st.assign_serial_numbers()
    doc = st.make_mmcif_document()
    doc.write_file(f'{outdir}/large.cif')
    st.write_pdb(f'{outdir}/large.pdb')
    print(f'{outdir}/large.cif: {st[0].count_atom_sites()} atoms '
          f'({copies} copies of {src})')


if __name__ == '__main__':
    main()
