#!/usr/bin/env python3
"""Print mdtraj's dihedrals in the layout of print<dihedrals>.

  dihedrals_mdtraj.py FILE [--explain OUT] [--tol DEG]

Tab-separated; header
  model chain seq icode resname phi psi omega chi1 chi2 chi3 chi4 chi5
one row per amino-acid residue with a CA of each chain's polymer, the rows of
backbone_dihedrals.py (gemmi 0.5.7), models in file order; degrees with 3
decimals, '.' when undefined.

Two sources of numbers, both computed here:

  mdtraj  For PDB files: mdtraj 1.9.7's compute_phi, compute_psi,
          compute_omega and compute_chi1..compute_chi5 (load_pdb with
          standard_names=False so that names stay the file's, periodic=False
          so that no minimum-image convention moves atoms). Each returned
          quadruple is given to the residue of its offset-0 atom: phi to the
          residue of N, psi and omega (CA(i)-C(i)-N(i+1)-CA(i+1)) and chi to
          the residue of the first atom -- the residue i that qir and gemmi
          give them to. mdtraj residues are keyed with the chain id and
          insertion code that mdtraj's own PDB parser (PdbStructure) read,
          residue for residue, and frame k is the k-th model.
          mdtraj cannot read mmCIF (1.9.7); for mmCIF, and for PDB files
          mdtraj cannot load, the "mdtraj" column values are emulated on
          gemmi's atoms: backbone angles from gemmi, chi by applying
          mdtraj's name patterns (mdtraj.geometry.dihedral.CHI1_ATOMS ..
          CHI5_ATOMS) to the residue's atom names, residue-agnostic, as
          mdtraj's _atom_sequence does, each name taken as the first atom of
          that name in file order (mdtraj keeps the first altloc).
  rule    The definitions print<dihedrals> documents (docs/passes.md),
          written out here independently of qir: phi/psi/omega from gemmi
          exactly as backbone_dihedrals.py (peptide bond by C-N distance);
          chi k from mdtraj's patterns, but only for the 20 standard amino
          acids and MSE, with SE in place of SD for MSE, first atom of each
          name in file order (Residue.find_atom(name, '*')).

A cell holds mdtraj's value where the two agree (both undefined, or within
--tol degrees on the circle, default 0.01). Where they disagree the cell
holds the rule's value and the disagreement must be explained by one of the
rules below, each tested here on the structure itself; a disagreement no
rule explains keeps mdtraj's value (so that the comparison with qir fails)
and is reported as `unexplained`:

  no-peptide-bond    mdtraj defines a backbone angle across residues whose
                     C-N distance is at least 1.341 * 1.5 A (mdtraj does not
                     test it; gemmi and qir need a peptide bond).
  mdtraj-chain-split mdtraj has no neighbour where gemmi's chain continues
                     (mdtraj starts a new chain at every TER record).
  merged-residue     mdtraj merges a point mutation (two residues with one
                     number, altloc-marked) into one residue named after the
                     first; gemmi and qir keep both. Applies, where gemmi
                     has more than one residue with the row's (chain, seq,
                     icode), to rows mdtraj has no residue for and to angles
                     mdtraj computes with the other residue's atoms (or
                     twice, once per residue's atom names).
  non-standard       mdtraj's patterns match atom names in a residue that is
                     not one of the 20 amino acids and MSE; qir gives those
                     no chi.
  mse-selenium       MSE chi2 and chi3 run through SE; mdtraj's patterns
                     name SD.
  model-mismatch     mdtraj could not load the file (for instance models
                     with different atom counts): every cell is the rule's.

--explain OUT writes one line per cell that differs, tab-separated:
model chain seq icode resname column mdtraj rule reason (mdtraj lists every
value mdtraj gave, comma-separated). One line goes to stderr:
  FILE: source S; reason N, ...
with S `mdtraj` (PDB read by mdtraj), `emulated` (mmCIF) or `emulated
(mdtraj failed)`, and the count of differing cells per reason.
"""

import argparse
import math
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import backbone_dihedrals as bb  # noqa: E402

import gemmi  # noqa: E402

COLUMNS = ["phi", "psi", "omega", "chi1", "chi2", "chi3", "chi4", "chi5"]
BACKBONE = ("phi", "psi", "omega")

# The residue types print<dihedrals> gives chi angles (ChiAngles.def
# covers exactly these; docs/passes.md).
CHI_RESIDUES = {
    "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
    "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
    "MSE",
}


def mdtraj_patterns():
    """mdtraj's chi patterns: {k: [[a, b, c, d], ...]}."""
    from mdtraj.geometry import dihedral as mdd
    return {k: getattr(mdd, "CHI%d_ATOMS" % k) for k in range(1, 6)}


def rule_patterns(resname, patterns):
    """The chi patterns of the rule for one residue name."""
    if resname not in CHI_RESIDUES:
        return {}
    if resname == "MSE":
        return {k: [[("SE" if a == "SD" else a) for a in p] for p in ps]
                for k, ps in patterns.items()}
    return patterns


def dihedral_deg(p0, p1, p2, p3):
    """IUPAC dihedral in degrees, (-180, 180] (double precision)."""
    b0, b1, b2 = p1 - p0, p2 - p1, p3 - p2
    n1, n2 = np.cross(b0, b1), np.cross(b1, b2)
    y = np.linalg.norm(b1) * np.dot(b0, n2)
    x = np.dot(n1, n2)
    d = math.degrees(math.atan2(y, x))
    return d + 360.0 if d <= -180.0 else d


def chi_on_atoms(atom_pos, pats):
    """Chi k per mdtraj-style pattern matching on {name: position}: a list
    of values (one per matching pattern) for each k."""
    out = {}
    for k, ps in pats.items():
        vals = []
        for p in ps:
            if all(a in atom_pos for a in p):
                vals.append(dihedral_deg(*[atom_pos[a] for a in p]))
        out[k] = vals
    return out


def first_atoms(res):
    """{name: position} with the first atom of each name in file order."""
    pos = {}
    for a in res:
        if a.name not in pos:
            pos[a.name] = np.array([a.pos.x, a.pos.y, a.pos.z])
    return pos


def circ(a, b):
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def fmt(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "."
    if v <= -180.0:
        v += 360.0
    text = "%.3f" % v
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text


def gemmi_rows(path):
    """Rows and rule values from gemmi: (rows, merged). rows is a list of
    (key, cells, info): key = (model, chain, seq, icode, resname), cells =
    {column: rule value in degrees or None}, info = {model_index,
    emulated_chi: mdtraj's residue-agnostic patterns applied to the
    residue's atom names, {k: [values]}}. merged holds the (model, chain,
    seq, icode) that more than one residue shares (point mutations)."""
    st = gemmi.read_structure(path)
    st.remove_waters()
    st.setup_entities()
    patterns = mdtraj_patterns()
    rows = []
    merged = set()
    for mi, model in enumerate(st):
        for chain in model:
            seen = set()
            for res in chain:
                sid = (str(model.name), chain.name, str(res.seqid.num),
                       res.seqid.icode.strip() or ".")
                if sid in seen:
                    merged.add(sid)
                seen.add(sid)
            poly = chain.get_polymer()
            ptype = poly.check_polymer_type()
            peptide = ptype in (gemmi.PolymerType.PeptideL,
                                gemmi.PolymerType.PeptideD)
            for res in poly:
                if (not bb.is_amino_acid(res, peptide)
                        or bb.backbone_atom(res, "CA", bb.EL_C) is None):
                    continue
                prev = chain.previous_residue(res)
                nxt = chain.next_residue(res)
                if not bb.connected(prev, res):
                    prev = None
                if not bb.connected(res, nxt):
                    nxt = None
                phi = psi = omega = None
                if prev is not None or nxt is not None:
                    p, s = gemmi.calculate_phi_psi(
                        prev if prev is not None else res, res,
                        nxt if nxt is not None else res)
                    phi = math.degrees(p) if prev is not None else None
                    psi = math.degrees(s) if nxt is not None else None
                if nxt is not None:
                    omega = math.degrees(gemmi.calculate_omega(res, nxt))
                # gemmi gives NaN where an atom is missing: undefined.
                cells = {c: (None if v is None or math.isnan(v) else v)
                         for c, v in (("phi", phi), ("psi", psi),
                                      ("omega", omega))}
                pos = first_atoms(res)
                rule = chi_on_atoms(pos, rule_patterns(res.name, patterns))
                for k in range(1, 6):
                    vals = rule.get(k, [])
                    if len(vals) > 1:
                        sys.exit("%s: %s %s: %d rule patterns match chi%d"
                                 % (path, chain.name, res.seqid, len(vals),
                                    k))
                    cells["chi%d" % k] = vals[0] if vals else None
                emul = chi_on_atoms(pos, patterns)
                icode = res.seqid.icode.strip() or "."
                key = (str(model.name), chain.name, str(res.seqid.num),
                       icode, res.name)
                rows.append((key, cells, {"model_index": mi,
                                          "emulated_chi": emul}))
    return rows, merged


def mdtraj_values(path):
    """mdtraj's angles for a PDB file: {(model_index, chain, seq, icode,
    resname): {column: [values]}} plus, per key, the mdtraj chain index
    (for chain splits), and per angle the C-N distance of the peptide link
    it spans. None when mdtraj cannot load the file."""
    import mdtraj as md
    from mdtraj.formats.pdb.pdbstructure import PdbStructure
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            traj = md.load_pdb(path, standard_names=False)
        except Exception as e:  # noqa: BLE001 -- reported, rule values used
            print("%s: mdtraj cannot load it: %s" % (path, e),
                  file=sys.stderr)
            return None
        with open(path) as f:
            pdb = PdbStructure(f, load_all_models=True)
    top = traj.topology
    parsed = [r for ch in pdb.iter_chains() for r in ch.iter_residues()]
    chain_ids = [ch.chain_id for ch in pdb.iter_chains()
                 for _ in ch.iter_residues()]
    if len(parsed) != top.n_residues:
        print("%s: mdtraj's parser and topology disagree" % path,
              file=sys.stderr)
        return None
    reskey = []
    for r, pr, cid in zip(top.residues, parsed, chain_ids):
        icode = pr.insertion_code.strip() or "."
        reskey.append((cid, str(r.resSeq), icode, r.name))
    xyz = traj.xyz.astype(np.float64) * 10.0  # nm -> A, for distances
    computes = [("phi", md.compute_phi, 1), ("psi", md.compute_psi, 0),
                ("omega", md.compute_omega, 0)]
    computes += [("chi%d" % k, getattr(md, "compute_chi%d" % k), 0)
                 for k in range(1, 6)]
    values = {}
    spans = {}
    for col, fn, own in computes:
        idx, ang = fn(traj, periodic=False)
        for j, quad in enumerate(idx):
            rid = top.atom(int(quad[own])).residue.index
            # The peptide link a backbone angle spans: C(i-1)-N(i) for phi,
            # C(i)-N(i+1) for psi and omega.
            link = {"phi": (0, 1), "psi": (2, 3), "omega": (1, 2)}.get(col)
            for f in range(traj.n_frames):
                key = (f,) + reskey[rid]
                values.setdefault(key, {}).setdefault(col, []).append(
                    math.degrees(float(ang[f, j])))
                if link:
                    d = np.linalg.norm(xyz[f, quad[link[0]]]
                                       - xyz[f, quad[link[1]]])
                    spans[(key, col)] = d
    return values, spans, traj.n_frames


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--explain", metavar="OUT",
                        help="write the cells where mdtraj and the rule "
                             "differ, with the reason")
    parser.add_argument("--tol", type=float, default=0.01)
    args = parser.parse_args()

    rows, merged = gemmi_rows(args.file)
    is_pdb = not args.file.lower().replace(".gz", "").endswith(".cif")
    md_values = None
    if is_pdb and not args.file.endswith(".gz"):
        md_values = mdtraj_values(args.file)
    n_models = len({info["model_index"] for _, _, info in rows})
    if md_values is not None and rows and md_values[2] < n_models:
        print("%s: mdtraj read %d models, gemmi %d"
              % (args.file, md_values[2], n_models), file=sys.stderr)
        md_values = None

    out = [["model", "chain", "seq", "icode", "resname"] + COLUMNS]
    explained = []
    counts = {}
    for key, cells, info in rows:
        mkey = (info["model_index"],) + key[1:]
        if md_values is not None:
            md_row = md_values[0].get(mkey)
        else:
            # Emulation: backbone from gemmi (the rule itself), chi from
            # mdtraj's residue-agnostic patterns on gemmi's atoms.
            md_row = {c: [cells[c]] for c in BACKBONE if cells[c] is not None}
            for k, vals in info["emulated_chi"].items():
                if vals:
                    md_row["chi%d" % k] = vals
        line = list(key)
        for col in COLUMNS:
            rule = cells[col]
            mvals = md_row.get(col, []) if md_row is not None else []
            mval = mvals[0] if len(mvals) == 1 else None
            agree = (len(mvals) <= 1
                     and ((rule is None and mval is None)
                          or (rule is not None and mval is not None
                              and circ(rule, mval) <= args.tol)))
            if agree:
                line.append(fmt(mval))
                continue
            reason = None
            if md_values is None and is_pdb and not args.file.endswith(".gz"):
                reason = "model-mismatch"
            elif md_row is None:
                if key[:4] in merged:
                    reason = "merged-residue"
            elif col in BACKBONE:
                span = (md_values[1].get((mkey, col))
                        if md_values is not None else None)
                if rule is None and span is not None \
                        and span >= bb.PEPTIDE_BOND_MAX:
                    reason = "no-peptide-bond"
                elif rule is not None and not mvals:
                    reason = "mdtraj-chain-split"
            else:
                if key[4] not in CHI_RESIDUES and rule is None:
                    reason = "non-standard"
                elif key[4] == "MSE" and col in ("chi2", "chi3") \
                        and not mvals:
                    reason = "mse-selenium"
            if (reason is None and md_values is not None
                    and key[:4] in merged):
                reason = "merged-residue"
            mtext = ",".join(fmt(v) for v in mvals) or "."
            if reason is None:
                reason = "unexplained"
                line.append(mtext if len(mvals) == 1 else fmt(None))
            else:
                line.append(fmt(rule))
            counts[reason] = counts.get(reason, 0) + 1
            explained.append(list(key) + [col, mtext, fmt(rule), reason])
        out.append(line)
    sys.stdout.write("".join("\t".join(r) + "\n" for r in out))
    if args.explain:
        with open(args.explain, "w") as f:
            f.write("model\tchain\tseq\ticode\tresname\tcolumn\tmdtraj\t"
                    "rule\treason\n")
            f.writelines("\t".join(r) + "\n" for r in explained)
    if md_values is not None:
        source = "mdtraj"
    elif is_pdb and not args.file.endswith(".gz"):
        source = "emulated (mdtraj failed)"
    else:
        source = "emulated"
    print("%s: source %s; %s" % (args.file, source, ", ".join(
        "%s %d" % kv for kv in sorted(counts.items())) or "no differences"),
        file=sys.stderr)


if __name__ == "__main__":
    main()
