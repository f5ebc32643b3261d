#!/usr/bin/env python3
"""Print gemmi's backbone dihedrals in the layout of print<backbone-dihedrals>.

  backbone_dihedrals.py FILE [--rules OUT]   (mmCIF, PDB, optionally .gz)

Tab-separated; header `model chain seq icode resname phi psi omega`; one row
per amino-acid residue with a CA atom of each chain's polymer (gemmi's
Chain.get_polymer() after remove_waters() and setup_entities()), models in
file order, residues in chain order; degrees with 3 decimals, '.' when
undefined.

Everything comes from gemmi 0.5.7:
  - rows: residues of get_polymer() that gemmi's residue table calls amino
    acids (ResidueInfo.is_amino_acid(): not caps such as ACE or NH2), plus
    residues it does not know when the polymer is a peptide, that hold a CA
    (element C) in the model;
  - neighbours: Chain.previous_residue() / next_residue() (which step over
    microheterogeneity) -- in gemmi 0.5.7 these do not check bonding, so the
    script applies gemmi's C++ are_connected() rule for polypeptides
    (polyheur.hpp: C(i-1)-N(i) distance below 1.341 * 1.5 A) itself;
  - atoms: Residue.find_atom(name, '*', element), the first atom of that name
    in file order whatever its altloc (what gemmi's get_ca/get_c/get_n do);
  - angles: gemmi.calculate_phi_psi() and gemmi.calculate_omega().

Chain names: an empty (blank) chain id is printed `.`, as qir prints it (and
as both print an empty insertion code).

With --rules OUT, rows where qir's documented PDB polymer rule (docs/io.md,
"Entities and label ids for PDB input": a chain's polymer holds its residues
up to its last ATOM record or standard polymer residue; no SEQRES) and
gemmi's (SEQRES, TER) differ by design are written to OUT as
`rule side model chain seq icode resname`, for backbone_dihedrals_corpus.py
to take out of the comparison, counted by rule:
  pdb-hetatm-only-polymer  (side gemmi; the row is not printed) a PDB chain
      whose polymer, per gemmi, holds only HETATM records of non-standard
      residues (1nlu chains B, C: IVA PHI TYB, a polymer by SEQRES only);
      qir files such a chain as ligands;
  pdb-standard-hetatm      (side qir) a HETATM standard amino acid that
      gemmi files outside the polymer (after TER: 3ems's free ARG A 130-133)
      and qir, a standard polymer residue, inside it.
"""

import math
import re
import sys

import gemmi

PEPTIDE_BOND_MAX = 1.341 * 1.5
EL_C = gemmi.Element("C")
EL_N = gemmi.Element("N")


def backbone_atom(res, name, el):
    return res.find_atom(name, "*", el)


def connected(res1, res2):
    """gemmi::are_connected for polypeptides (in_peptide_bond_distance)."""
    if res1 is None or res2 is None:
        return False
    c = backbone_atom(res1, "C", EL_C)
    n = backbone_atom(res2, "N", EL_N)
    return (c is not None and n is not None
            and c.pos.dist(n.pos) ** 2 < PEPTIDE_BOND_MAX ** 2)


def is_amino_acid(res, peptide):
    info = gemmi.find_tabulated_residue(res.name)
    if info.is_amino_acid():
        return True
    return info.kind == gemmi.ResidueInfoKind.UNKNOWN and peptide


def fmt(radians):
    if radians is None or math.isnan(radians):
        return "."
    deg = math.degrees(radians)
    if deg <= -180.0:
        deg += 360.0
    text = "%.3f" % deg
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text


def chain_name(name):
    return name or "."


def main():
    args = sys.argv[1:]
    rules_path = None
    if len(args) == 3 and args[1] == "--rules":
        rules_path = args[2]
        args = args[:1]
    if len(args) != 1:
        sys.exit("usage: backbone_dihedrals.py FILE [--rules OUT]")
    path = args[0]
    pdb = re.search(r"\.(pdb|ent)(\.gz)?$", path, re.I) is not None
    rules = []
    st = gemmi.read_structure(path)
    # Waters never have rows nor peptide bonds. Without them,
    # setup_entities() also finds the polymer of a PDB chain that has no TER
    # and more waters than residues (gemmi 0.5.7's check_polymer_type counts
    # them: qFit's 1g8a model, 227 amino acids among 634 residues).
    st.remove_waters()
    st.setup_entities()
    out = [["model", "chain", "seq", "icode", "resname", "phi", "psi",
            "omega"]]
    for model in st:
        for chain in model:
            poly = chain.get_polymer()
            ptype = poly.check_polymer_type()
            peptide = ptype in (gemmi.PolymerType.PeptideL,
                                gemmi.PolymerType.PeptideD)
            het_only = pdb and len(poly) > 0 and all(
                r.het_flag == "H"
                and not gemmi.find_tabulated_residue(r.name).is_standard()
                for r in poly)
            if pdb:
                for res in chain:
                    if (res.entity_type != gemmi.EntityType.Polymer
                            and res.het_flag == "H"
                            and gemmi.find_tabulated_residue(
                                res.name).is_standard()
                            and gemmi.find_tabulated_residue(
                                res.name).is_amino_acid()
                            and backbone_atom(res, "CA", EL_C) is not None):
                        rules.append(["pdb-standard-hetatm", "qir"]
                                     + key(model, chain, res))
            for res in poly:
                if (not is_amino_acid(res, peptide)
                        or backbone_atom(res, "CA", EL_C) is None):
                    continue
                if het_only:
                    rules.append(["pdb-hetatm-only-polymer", "gemmi"]
                                 + key(model, chain, res))
                    continue
                prev = chain.previous_residue(res)
                nxt = chain.next_residue(res)
                if not connected(prev, res):
                    prev = None
                if not connected(res, nxt):
                    nxt = None
                phi = psi = omega = float("nan")
                if prev is not None or nxt is not None:
                    # calculate_phi_psi wants three residues; the missing
                    # side's angle is discarded.
                    phi, psi = gemmi.calculate_phi_psi(
                        prev if prev is not None else res, res,
                        nxt if nxt is not None else res)
                    if prev is None:
                        phi = float("nan")
                    if nxt is None:
                        psi = float("nan")
                if nxt is not None:
                    omega = gemmi.calculate_omega(res, nxt)
                out.append(key(model, chain, res)
                           + [fmt(phi), fmt(psi), fmt(omega)])
    sys.stdout.write("".join("\t".join(row) + "\n" for row in out))
    if rules_path:
        with open(rules_path, "w") as f:
            f.write("".join("\t".join(row) + "\n" for row in rules))


def key(model, chain, res):
    return [str(model.name), chain_name(chain.name), str(res.seqid.num),
            res.seqid.icode.strip() or ".", res.name]


if __name__ == "__main__":
    main()
