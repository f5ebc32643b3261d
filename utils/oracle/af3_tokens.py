#!/usr/bin/python3
"""AF3/Boltz tokens of an mmCIF file, from gemmi, in the layout of
print<tokens>.

An independent implementation of the rules of docs/passes.md (tokens): the
vocabulary is written out here from Boltz's published order, chains,
entities, label_seq_id and atoms come from gemmi's reading of the file.

  standard residue  name in the vocabulary and its entity a polymer: one
                    token, every atom of the residue
  other residue     one token per distinct heavy-atom name (not H/D),
                    conformers of one name together
  water             no token (entity type water, or gemmi's is_water())

Usage: af3_tokens.py FILE
"""
import sys

import gemmi

VOCAB = ["<pad>", "-",
         "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
         "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
         "UNK", "A", "G", "C", "U", "N", "DA", "DG", "DC", "DT", "DN"]
PROTEIN, DNA, RNA = VOCAB[2:23], VOCAB[28:33], VOCAB[23:28]
PURINES = {"A", "G", "DA", "DG"}
PYRIMIDINES = {"C", "U", "DC", "DT"}


def mol_type_of_standard(name):
    if name in PROTEIN:
        return "protein"
    return "dna" if name in DNA else "rna"


def centre_distogram(name):
    if name in PROTEIN:
        return "CA", ("CA" if name == "GLY" else "CB")
    if name in PURINES:
        return "C1'", "C4"
    if name in PYRIMIDINES:
        return "C1'", "C2"
    return "C1'", "C1'"  # N, DN


def poly_mol_type(ptype, resname):
    """Molecule type of an atom token inside a polymer chain."""
    info = gemmi.find_tabulated_residue(resname)
    if info is not None:
        if info.is_amino_acid():
            return "protein"
        if info.is_nucleic_acid():
            return ("dna" if info.kind == gemmi.ResidueInfoKind.DNA
                    else "rna")
    if ptype == gemmi.PolymerType.Dna:
        return "dna"
    if ptype in (gemmi.PolymerType.Rna, gemmi.PolymerType.DnaRnaHybrid):
        return "rna"
    return "protein"


def unknown_of(mol):
    return {"dna": "DN", "rna": "N"}.get(mol, "UNK")


def fmt_name(a):
    return a.name if a is not None else "."


HEADER = ["model", "chain", "seq", "icode", "resname", "token", "kind",
          "atom", "res_type", "mol_type", "asym", "entity", "sym",
          "residue_index", "atoms", "centre_atom", "distogram_atom",
          "resolved", "distogram_resolved"]


def tokens(st):
    """Per model: (model number, rows), a row being the print<tokens>
    fields (strings) plus the distogram atom's position (or None)."""
    sub_entity = {}
    for ent in st.entities:
        for sub in ent.subchains:
            sub_entity[sub] = ent
    out = []
    # qir's topology is the union of the models' atoms: a residue token
    # lists every atom site (name, altloc) any model has.
    union = {}
    for model in st:
        for chain in model:
            for res in chain:
                key = (chain.name, res.subchain, str(res.seqid), res.name)
                union.setdefault(key, set()).update(
                    (a.name, a.altloc) for a in res)
    for model in st:
        rows = []
        asym_of, entity_of, copies, sym_of = {}, {}, {}, {}
        # Chain rows: runs of one (auth chain, label_asym), put back in file
        # order (gemmi groups the residues of an auth chain together; qir's
        # chain rows follow the atom_site order): by first atom serial.
        blocks = []
        for chain in model:
            for res in chain:
                key = (chain.name, res.subchain)
                if not blocks or blocks[-1][0] != key:
                    blocks.append((key, chain, []))
                blocks[-1][2].append(res)
        blocks.sort(key=lambda b: min(a.serial for r in b[2] for a in r))
        for row_number, (key, chain, residues) in enumerate(blocks):
            for pos, res in enumerate(residues, 1):
                ent = sub_entity.get(res.subchain)
                if res.is_water() or (
                        ent is not None
                        and ent.entity_type == gemmi.EntityType.Water):
                    continue
                polymer = (ent is not None
                           and ent.entity_type == gemmi.EntityType.Polymer)
                label_seq = res.label_seq
                res_index = label_seq if label_seq is not None else pos
                if polymer and res.name in VOCAB[2:]:
                    centre, disto = centre_distogram(res.name)
                    ca = next((a for a in res if a.name == centre), None)
                    da = next((a for a in res if a.name == disto), None)
                    tokens = [("residue", ".", res.name,
                               mol_type_of_standard(res.name),
                               len(union[(chain.name, res.subchain,
                                          str(res.seqid), res.name)]), ca,
                               da)]
                else:
                    if not polymer:
                        mol = "ligand"
                    else:
                        mol = poly_mol_type(ent.polymer_type, res.name)
                    groups = {}
                    for a in res:
                        if a.element.atomic_number == 1:
                            continue
                        groups.setdefault(a.name, []).append(a)
                    tokens = [("atom", n, unknown_of(mol), mol, len(g),
                               g[0], g[0]) for n, g in groups.items()]
                if not tokens:
                    continue
                ekey = ent.name if ent is not None else ("chain", row_number)
                if row_number not in asym_of:
                    asym_of[row_number] = len(asym_of)
                    entity_of.setdefault(ekey, len(entity_of))
                    sym_of[row_number] = copies.get(ekey, 0)
                    copies[ekey] = sym_of[row_number] + 1
                for kind, atom, rtype, mol, natoms, ca, da in tokens:
                    rows.append([
                        str(model.name), chain.name, str(res.seqid.num),
                        res.seqid.icode.strip() or ".", res.name,
                        None, kind, atom, rtype, mol,
                        str(asym_of[row_number]), str(entity_of[ekey]),
                        str(sym_of[row_number]), str(res_index), str(natoms),
                        fmt_name(ca), fmt_name(da),
                        "1" if ca is not None else "0",
                        "1" if da is not None else "0",
                        da.pos if da is not None else None])
        for i, r in enumerate(rows):
            r[5] = str(i)
        out.append((model.name, rows))
    return out


def main():
    st = gemmi.read_structure(sys.argv[1])
    print("\t".join(HEADER))
    for _, rows in tokens(st):
        for r in rows:
            print("\t".join(r[:-1]))


if __name__ == "__main__":
    main()
