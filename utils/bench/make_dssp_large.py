#!/usr/bin/python3
"""Make a protein over 50,000 atoms that mkdssp 4.2.2 can still write.

    make_dssp_large.py CORPUS OUT.pdb

mkdssp's legacy output holds one-character chain ids (label_asym_id, which
libcifpp assigns A, B, ... per chain of a PDB file), so the copies of
make_large.py (40+ chains) cannot be compared there. This joins chains
instead: the ten chains of corpus 3WIP in pairs (the second of a pair
renumbered from 1001, a chain break between them), three copies, then
1SUI's four chains once; each copy moved 150 A along x; waters, ligands,
hydrogens and alternate conformations removed. 19 chains, 55,720 atoms,
6,977 DSSP residues. A HEADER line is added (mkdssp needs one).
"""
import sys

import gemmi

C = sys.argv[1].rstrip('/') + '/'
OUT = sys.argv[2]
out = gemmi.Structure()
out.cell = gemmi.UnitCell(1000, 1000, 1000, 90, 90, 90)
out.spacegroup_hm = 'P 1'
model = gemmi.Model('1')
names = iter('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
shift = 0.0

def load(path):
    st = gemmi.read_structure(C + path)
    st.remove_ligands_and_waters()
    st.remove_alternative_conformations()
    st.remove_hydrogens()
    return st

def moved(res, dx, dnum):
    r = res.clone()
    r.seqid = gemmi.SeqId(r.seqid.num + dnum, r.seqid.icode)
    for at in r:
        at.pos = gemmi.Position(at.pos.x + dx, at.pos.y, at.pos.z)
    return r

w = load('multiconformer/3wip.cif')
chains = list(w[0])
for copy in range(3):
    for a, b in zip(chains[0::2], chains[1::2]):
        c = gemmi.Chain(next(names))
        for r in a:
            c.add_residue(moved(r, shift, 0))
        for r in b:
            c.add_residue(moved(r, shift, 1000))
        model.add_chain(c)
    shift += 150.0
s = load('freesasa/1sui.cif')
for ch in s[0]:
    c = gemmi.Chain(next(names))
    for r in ch:
        c.add_residue(moved(r, shift, 0))
    model.add_chain(c)
out.add_model(model)
out.setup_entities()
n = sum(1 for ch in out[0] for r in ch for a in r)
with open(OUT, 'w') as fh:
    fh.write("HEADER    COPIES OF 3WIP AND 1SUI                 01-JAN-00   XBIG\n")
    fh.write(out.make_minimal_pdb())
print(n, 'atoms', len(out[0]), 'chains')
