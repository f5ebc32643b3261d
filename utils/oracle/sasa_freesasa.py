#!/usr/bin/env python3
"""Compare print<sasa> of qopt with FreeSASA 2.1.2 on the same files.

  sasa_freesasa.py QOPT PATH... [--algorithm lr|sr] [--resolution N]
                   [--probe P] [--radii protor|naccess] [--hetatm]
                   [--hydrogens] [--threads N] [--freesasa-threads N]
                   [--summary] [--max-report N] [--keep DIR]

Every PATH is a structure file or a folder (searched recursively for *.cif,
*.cif.gz, *.pdb, *.pdb.gz, *.ent, *.ent.gz; ccd/ folders skipped, BinaryCIF
not read since freesasa cannot). For each file:

  1. freesasa --format=json --depth=atom (--lee-richards | --shrake-rupley)
     --resolution=N --probe-radius=P --radii=R [--hetatm] [--hydrogen]
     --n-threads=T [--cif] FILE. A .gz file is unpacked to a temporary copy
     first (freesasa reads plain text only). `--resolution` is the slice
     count for LR and the point count for SR (freesasa's -n is the
     resolution, not the thread count: threads are -t / --n-threads).
  2. qopt FILE -threads=N -passes='print<sasa<OPTS>;depth=atom>,
     print<sasa<OPTS>;depth=residue>,print<sasa<OPTS>;depth=chain>,
     print<sasa<OPTS>;depth=structure>' with OPTS the same parameters
     (algorithm, probe, slices or points, radii, hetatm, hydrogens). The
     four tables are told apart by their header lines.

freesasa reads the first model only (PDB: up to the first ENDMDL; mmCIF:
the lowest model number); qir's default (model=0) is the first model in
the file. freesasa labels a chain with the first character of its author
chain id, so chains "AA" and "AB" merge in its tree: residues are therefore
matched in order (freesasa's chains, then residues, flattened), never by
name, and each pair must agree on residue name and number (author number
plus insertion code, "52A"). One named rule, counted and printed
(`explained by rule: freesasa-dot-icode N residues`): freesasa 2.1.2's mmCIF
reader blanks a `?` pdbx_PDB_ins_code but keeps a `.` as the insertion code
(multiconformer-train/4cxl.cif.gz writes `.`: freesasa numbers GLY 1 "1."),
so a residue without insertion code in qir matches freesasa's number plus
".".

The checks (issue 8's accuracy bar):

  * same atom count, same residue count, the same residue sequence (name
    and number) and per residue the same atoms (names, in order) and atom
    count;
  * per atom: radius identical (|qir - freesasa| < 5e-4, qir prints 3
    decimals), polar flag (qir class polar <=> freesasa is-polar) and
    main-chain flag equal;
  * structure total (and polar, apolar, main-chain, side-chain) within
    0.1 % of freesasa's (relative);
  * per residue total, polar, apolar, main-chain, side-chain within 1 % of
    freesasa's value or 0.5 A^2, whichever is larger;
  * relative areas: where freesasa gives relative-area.X (it omits the
    whole object for residue types without reference values and a
    component whose reference is 0), qir's rel_X is a number within the
    same tolerance carried over to percent (1 % of the value, or 0.5 A^2
    as a percentage of the reference area, plus half a unit of qir's
    second decimal); where freesasa gives none, qir prints '.';
  * per chain: freesasa's chain node is a block of consecutive residues
    (from the first atom of a chain label not seen before to the next
    such atom, so a water of chain A written after chain H counts in H's
    block); where a block is exactly one qir chain, qir's chain total is
    compared, otherwise the sum of qir's residue totals over the block;
    within 0.1 % or 0.5 A^2. qir's chain rows (one per chain of its chain
    table, so a water chain of author id A is a row of its own) summed per
    author id must also be the sums of its residue totals.

The reported relative residue deviation is the largest among residues of
at least 50 A^2 (freesasa), where the 1 % bound is the one that applies.
Per-atom areas are reported (largest absolute deviation) but are not a
pass criterion beyond the residue rule: with few slices or points an
atom's area depends on the order of floating-point sums.

A file that freesasa cannot read (non-zero exit, no atoms) or for which it
prints NaN (coincident atoms) is listed as `skip FILE: reason`, with the
reason; it is never dropped silently. qopt failing on a file is a failure.

Output: per file `ok FILE: ...` (unless --summary) with atoms, residues,
qir and freesasa totals, the largest residue deviation (A^2 and %) and the
largest atom deviation; `FAIL FILE: ...` with the first --max-report
mismatches; then `F files compared, S skipped, R residues, A atoms, X
failed` and a line of the largest deviations. Exit status 1 on any
failure.
"""

import argparse
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

from corpus_files import coordinate_files

TOTAL_REL = 0.001        # structure total: 0.1 %
RESIDUE_REL = 0.01       # residue: 1 % ...
RESIDUE_ABS = 0.5        # ... or 0.5 A^2, whichever is larger
RADIUS_ABS = 5e-4        # qir prints radii with 3 decimals
REL_PRINT = 0.005 + 1e-9  # half a unit of rel_*'s second decimal
COMPONENTS = [("total", "total"), ("polar", "polar"), ("apolar", "apolar"),
              ("main_chain", "main-chain"), ("side_chain", "side-chain")]


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", errors="replace") as fh:
        return fh.read()


def is_cif(path):
    return re.search(r"\.cif(\.gz)?$", path) is not None


class Skip(Exception):
    pass


# json-c writes NaN and infinities as bare words; make them Python's.
NAN_WORDS = re.compile(r"(?<=[:\[,])\s*-?(nan|NaN|inf|Infinity)\b")


def run_freesasa(path, args, tmp):
    """Returns freesasa's structure object (results[0].structure[0])."""
    src = path
    if path.endswith(".gz"):
        src = os.path.join(tmp, os.path.basename(path)[:-3])
        with gzip.open(path, "rb") as fi, open(src, "wb") as fo:
            shutil.copyfileobj(fi, fo)
    cmd = ["freesasa", "--format=json", "--depth=atom",
           "--lee-richards" if args.algorithm == "lr" else "--shrake-rupley",
           "--resolution=%d" % resolution(args),
           "--probe-radius=%s" % args.probe, "--radii=%s" % args.radii,
           "--n-threads=%d" % args.freesasa_threads]
    if args.hetatm:
        cmd.append("--hetatm")
    if args.hydrogens:
        cmd.append("--hydrogen")
    if is_cif(path):
        cmd.append("--cif")
    cmd.append(src)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or
                ["exit %d" % proc.returncode])
        last = [l for l in last if l.strip()]
        # The reason, not one of the warnings before it.
        errors = [l for l in last if "warning" not in l]
        last = errors[-1:] or last[-1:]
        why = ""
        if is_cif(path) and "_atom_site.auth_atom_id" not in read_text(path):
            # freesasa 2.1.2's mmCIF reader takes names from the auth_*
            # columns; without them it finds no atom and aborts.
            why = " (no _atom_site.auth_atom_id column: freesasa reads no atom)"
        raise Skip("freesasa fails (exit %d): %s%s" %
                   (proc.returncode, last[0] if last else "", why))
    text = NAN_WORDS.sub(lambda m: " NaN", proc.stdout)
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise Skip("freesasa output is not JSON: %s" % e)
    if args.keep:
        with open(os.path.join(args.keep, os.path.basename(path) +
                               ".freesasa.json"), "w") as fh:
            fh.write(proc.stdout)
    structure = doc["results"][0]["structure"][0]
    nan = [a for c in structure["chains"] for r in c["residues"]
           for a in r["atoms"] if not math.isfinite(a["area"])]
    if nan:
        raise Skip("freesasa gives NaN for %d atom(s) (coincident atoms?)"
                   % len(nan))
    if "total" not in structure["area"]:
        raise Skip("freesasa gives no finite total")
    return structure


def resolution(args):
    if args.resolution is not None:
        return args.resolution
    return 20 if args.algorithm == "lr" else 100


def sasa_options(args):
    opts = ["algorithm=%s" % args.algorithm, "probe=%s" % args.probe,
            ("slices=%d" if args.algorithm == "lr" else "points=%d")
            % resolution(args), "radii=%s" % args.radii]
    if args.hetatm:
        opts.append("hetatm")
    if args.hydrogens:
        opts.append("hydrogens")
    return ";".join(opts)


def run_qopt(qopt, path, args):
    """Returns {depth: [row dict, ...]} for atom, residue, chain, structure."""
    opts = sasa_options(args)
    pipeline = ",".join("print<sasa<%s>;depth=%s>" % (opts, d)
                        for d in ("atom", "residue", "chain", "structure"))
    proc = subprocess.run([qopt, path, "-threads=%d" % args.threads,
                           "-passes=" + pipeline],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        raise RuntimeError("qopt fails: %s" % proc.stderr.strip())
    if args.keep:
        with open(os.path.join(args.keep, os.path.basename(path) +
                               ".qir.tsv"), "w") as fh:
            fh.write(proc.stdout)
    tables = {}
    head = None
    for line in proc.stdout.splitlines():
        if line.startswith("#"):
            continue  # qopt's '#print<...>' line before each table
        cells = line.split("\t")
        if cells[0] == "model":
            head = cells
            if "atom" in head:
                depth = "atom"
            elif "resname" in head:
                depth = "residue"
            elif "chain" in head:
                depth = "chain"
            else:
                depth = "structure"
            tables[depth] = []
            continue
        if head is None:
            raise RuntimeError("qopt output has no header line")
        tables[depth].append(dict(zip(head, cells)))
    for d in ("atom", "residue", "chain", "structure"):
        if d not in tables:
            raise RuntimeError("qopt printed no depth=%s table" % d)
    return tables


def num(text):
    """A number qir printed; NaN for '.' or anything else unreadable, so
    that dev() fails it."""
    try:
        return float(text)
    except ValueError:
        return float("nan")


def dev(mine, theirs):
    """|mine - theirs|, infinite when qir printed no finite number (so a
    NaN never passes a comparison)."""
    d = abs(mine - theirs)
    return d if math.isfinite(d) else float("inf")


def residue_tol(ref):
    return max(RESIDUE_REL * abs(ref), RESIDUE_ABS)


RULES = {"freesasa-dot-icode": 0}


def number(q):
    """qir's residue number as freesasa prints it: seq plus icode."""
    return q["seq"] + ("" if q["icode"] == "." else q["icode"])


def same_number(q, theirs):
    if number(q) == theirs:
        return True
    if q["icode"] == "." and theirs == q["seq"] + ".":
        RULES["freesasa-dot-icode"] += 1
        return True
    return False


class Stats:
    def __init__(self):
        self.res_abs = 0.0     # largest |qir - freesasa| residue total, A^2
        self.res_rel = 0.0     # largest relative deviation of a residue total
        #                        among residues of 50 A^2 or more (where
        #                        the 1 % bound is the larger one)
        self.atom_abs = 0.0    # largest |qir - freesasa| atom area, A^2
        self.total_rel = 0.0   # |qir - freesasa| / freesasa, structure total

    def merge(self, o):
        self.res_abs = max(self.res_abs, o.res_abs)
        self.res_rel = max(self.res_rel, o.res_rel)
        self.atom_abs = max(self.atom_abs, o.atom_abs)
        self.total_rel = max(self.total_rel, o.total_rel)


def compare(fs, q):
    """Returns (mismatch list, Stats, atoms, residues, (qir, freesasa total))."""
    bad = []
    st = Stats()
    f_res = [r for c in fs["chains"] for r in c["residues"]]
    q_res = q["residue"]
    q_atoms = q["atom"]
    f_atoms = [(r, a) for r in f_res for a in r["atoms"]]
    if len(q_atoms) != len(f_atoms):
        bad.append("atoms: qir %d, freesasa %d" % (len(q_atoms), len(f_atoms)))
    if len(q_res) != len(f_res):
        bad.append("residues: qir %d, freesasa %d" % (len(q_res), len(f_res)))

    # Residues in order.
    for qr, fr in zip(q_res, f_res):
        where = "residue %s %s%s %s" % (qr["chain"], qr["seq"],
                                         "" if qr["icode"] == "." else
                                         qr["icode"], qr["resname"])
        # freesasa keeps a PDB residue name's blanks (" NA").
        if (qr["resname"] != fr["name"].strip()
                or not same_number(qr, fr["number"])):
            bad.append("%s vs freesasa %s %s" % (where, fr["name"],
                                                   fr["number"]))
            break
        if int(qr["atoms"]) != fr["n-atoms"]:
            bad.append("%s: %s atoms vs freesasa %d" % (where, qr["atoms"],
                                                       fr["n-atoms"]))
        for qc, fc in COMPONENTS:
            if fc not in fr["area"]:
                continue
            mine, theirs = num(qr[qc]), fr["area"][fc]
            d = dev(mine, theirs)
            if qc == "total":
                st.res_abs = max(st.res_abs, d)
                if theirs >= RESIDUE_ABS / RESIDUE_REL:
                    st.res_rel = max(st.res_rel, d / theirs)
            if d > residue_tol(theirs) + 1e-9:
                bad.append("%s %s: %.3f vs freesasa %.3f" % (where, qc, mine,
                                                           theirs))
        rel = fr.get("relative-area", {})
        for qc, fc in COMPONENTS:
            col = "rel_" + qc
            if col not in qr:
                continue
            if fc not in rel:
                if qr[col] != ".":
                    bad.append("%s %s: %s, freesasa gives none"
                               % (where, col, qr[col]))
                continue
            if qr[col] == ".":
                bad.append("%s %s: '.', freesasa %.2f" % (where, col, rel[fc]))
                continue
            mine, theirs = num(qr[col]), rel[fc]
            tol = RESIDUE_REL * abs(theirs)
            # The reference area, from freesasa's or qir's pair.
            ref = None
            if theirs != 0 and fc in fr["area"]:
                ref = 100.0 * fr["area"][fc] / theirs
            elif mine != 0:
                ref = 100.0 * num(qr[qc]) / mine
            if ref:
                tol = max(tol, 100.0 * RESIDUE_ABS / abs(ref))
            if dev(mine, theirs) > tol + REL_PRINT:
                bad.append("%s %s: %.2f vs freesasa %.2f" % (where, col, mine,
                                                           theirs))

    # Atoms in order: qir prints the atoms of its residues in the same order
    # as the residues, so residue i owns the next `atoms` atom rows.
    at = 0
    for qr, fr in zip(q_res, f_res):
        n = int(qr["atoms"])
        qas = q_atoms[at:at + n]
        at += n
        fas = fr["atoms"]
        where = "%s %s%s %s" % (qr["chain"], qr["seq"],
                                "" if qr["icode"] == "." else qr["icode"],
                                qr["resname"])
        if any((a["chain"], a["seq"], a["icode"], a["resname"]) !=
               (qr["chain"], qr["seq"], qr["icode"], qr["resname"])
               for a in qas):
            bad.append("atom rows of %s are not that residue's" % where)
            break
        if [a["atom"] for a in qas] != [a["name"] for a in fas]:
            bad.append("atoms of %s: qir %s, freesasa %s" % (
                where, " ".join(a["atom"] for a in qas),
                " ".join(a["name"] for a in fas)))
            continue
        for qa, fa in zip(qas, fas):
            aw = "%s %s" % (where, qa["atom"])
            if dev(num(qa["radius"]), fa["radius"]) >= RADIUS_ABS:
                bad.append("%s radius %s vs freesasa %.4f" % (aw, qa["radius"],
                                                             fa["radius"]))
            if (qa["class"] == "polar") != fa["is-polar"]:
                bad.append("%s class %s vs freesasa is-polar %s"
                           % (aw, qa["class"], fa["is-polar"]))
            if (qa["main_chain"] == "1") != fa["is-main-chain"]:
                bad.append("%s main_chain %s vs freesasa %s"
                           % (aw, qa["main_chain"], fa["is-main-chain"]))
            st.atom_abs = max(st.atom_abs, dev(num(qa["area"]), fa["area"]))

    # Chains. A freesasa chain node is a block of consecutive residues: from
    # the first atom of a chain label not seen before up to the next such
    # atom (so a ligand or water of chain A written after chain H is in H's
    # block). Where a block is exactly one qir chain (all its residues and
    # no other), qir's chain row is compared; otherwise qir's residue
    # totals summed over the block are.
    # qir prints a row per chain of its chain table (a ligand or water
    # chain of the same author id is a row of its own): sum them per id.
    q_chain_rows = {}
    for c in q["chain"]:
        q_chain_rows[c["chain"]] = q_chain_rows.get(c["chain"], 0.0) + \
            num(c["total"])
    q_chain_size = {}
    for qr in q_res:
        q_chain_size[qr["chain"]] = q_chain_size.get(qr["chain"], 0) + 1
    first = 0
    for fc in fs["chains"]:
        n = len(fc["residues"])
        block = q_res[first:first + n]
        first += n
        if "total" not in fc["area"] or len(block) != n:
            continue
        chains = set(r["chain"] for r in block)
        theirs = fc["area"]["total"]
        if len(chains) == 1 and q_chain_size[block[0]["chain"]] == n and \
                block[0]["chain"] in q_chain_rows:
            what = "chain %s total" % block[0]["chain"]
            mine = q_chain_rows[block[0]["chain"]]
        else:
            what = "freesasa chain block %s (qir chains %s), sum of residues" \
                % (fc["label"], " ".join(sorted(chains)))
            mine = sum(num(r["total"]) for r in block)
        if dev(mine, theirs) > max(TOTAL_REL * theirs, RESIDUE_ABS) + 1e-9:
            bad.append("%s: %.3f vs freesasa %.3f" % (what, mine, theirs))
    # qir's own sums: a chain row is the sum of its residues.
    q_chain_sum = {}
    for qr in q_res:
        q_chain_sum[qr["chain"]] = q_chain_sum.get(qr["chain"], 0.0) + \
            num(qr["total"])
    for c, total in q_chain_rows.items():
        rows = q_chain_size.get(c, 0)
        if dev(total, q_chain_sum.get(c, 0.0)) > 5e-4 * (rows + 1):
            bad.append("qir chain %s total %.3f is not the sum of its %d "
                       "residues (%.3f)" % (c, total, rows,
                                             q_chain_sum.get(c, 0.0)))

    # Structure.
    qs = q["structure"]
    if len(qs) != 1:
        bad.append("structure table: %d rows" % len(qs))
        return bad, st, len(q_atoms), len(q_res), (float("nan"),
                                                    fs["area"]["total"])
    qs = qs[0]
    if int(qs["atoms"]) != len(q_atoms):
        bad.append("structure atoms %s vs %d atom rows" % (qs["atoms"],
                                                          len(q_atoms)))
    for qc, fc in COMPONENTS:
        if fc not in fs["area"]:
            continue
        mine, theirs = num(qs[qc]), fs["area"][fc]
        d = dev(mine, theirs)
        if qc == "total" and theirs > 0:
            st.total_rel = d / theirs
        if d > TOTAL_REL * abs(theirs) + 5e-4:
            bad.append("structure %s: %.3f vs freesasa %.3f (%.4f %%)"
                       % (qc, mine, theirs,
                          100.0 * d / theirs if theirs else float("inf")))
    return bad, st, len(q_atoms), len(q_res), (num(qs["total"]),
                                                fs["area"]["total"])


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qopt")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--algorithm", choices=["lr", "sr"], default="lr")
    ap.add_argument("--resolution", type=int,
                    help="LR slices (default 20) or SR points (default 100)")
    ap.add_argument("--probe", default="1.4")
    ap.add_argument("--radii", choices=["protor", "naccess"], default="protor")
    ap.add_argument("--hetatm", action="store_true")
    ap.add_argument("--hydrogens", action="store_true")
    ap.add_argument("--threads", type=int, default=2, help="qopt -threads")
    ap.add_argument("--freesasa-threads", type=int, default=2)
    ap.add_argument("--summary", action="store_true",
                    help="no line per passing file")
    ap.add_argument("--max-report", type=int, default=8)
    ap.add_argument("--keep", help="write both outputs into this folder")
    args = ap.parse_args()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)

    files = list(coordinate_files(args.paths))
    if not files:
        print("no coordinate file in %s" % " ".join(args.paths))
        return 1
    total = Stats()
    compared = skipped = failed = residues = atoms = 0
    tmp = tempfile.mkdtemp(prefix="sasa-freesasa-")
    try:
        for path in files:
            try:
                fs = run_freesasa(path, args, tmp)
            except Skip as e:
                skipped += 1
                print("skip %s: %s" % (path, e))
                continue
            try:
                q = run_qopt(args.qopt, path, args)
            except RuntimeError as e:
                failed += 1
                compared += 1
                print("FAIL %s: %s" % (path, e))
                continue
            bad, st, n_atoms, n_res, (qt, ft) = compare(fs, q)
            compared += 1
            residues += n_res
            atoms += n_atoms
            total.merge(st)
            figures = ("%d atoms, %d residues, total %.3f / freesasa %.3f "
                       "(%.5f %%), max residue dev %.3f A^2 / %.3f %%, "
                       "max atom dev %.3f A^2"
                       % (n_atoms, n_res, qt, ft, 100.0 * st.total_rel,
                          st.res_abs, 100.0 * st.res_rel, st.atom_abs))
            if bad:
                failed += 1
                print("FAIL %s: %s" % (path, figures))
                for b in bad[:args.max_report]:
                    print("  " + b)
                if len(bad) > args.max_report:
                    print("  ... %d more" % (len(bad) - args.max_report))
            elif not args.summary:
                print("ok %s: %s" % (path, figures))
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d files compared, %d skipped, %d residues, %d atoms, %d failed"
          % (compared, skipped, residues, atoms, failed))
    print("max deviations: total %.5f %%, residue %.3f A^2 / %.3f %%, "
          "atom %.3f A^2" % (100.0 * total.total_rel, total.res_abs,
                             100.0 * total.res_rel, total.atom_abs))
    print("explained by rule: " + ", ".join(
        "%s %d residues" % kv for kv in sorted(RULES.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
