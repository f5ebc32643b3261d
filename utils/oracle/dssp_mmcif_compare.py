#!/usr/bin/env python3
"""Compare the mmCIF outputs of qir-dssp and mkdssp 4.2.2, category by category.

  dssp_mmcif_compare.py QIR_DSSP PATH... [--option OPT]... [--keep DIR]
                        [--max-report N]

Every PATH is a structure file or a folder (searched as dssp_mkdssp.py
does). For each file, mkdssp [OPT...] FILE OUT.cif and qir-dssp [OPT...]
FILE OUT.cif write annotated mmCIF (a PDB file mkdssp refuses is retried
with a HEADER line added, then also without REMARK records, as
dssp_mkdssp.py does). Both outputs are read
with gemmi and compared as tables, not as text (mkdssp reorders the
categories and aligns columns differently):

  - the DSSP categories (struct_conf, struct_conf_type; with
    --write-experimental also struct_sheet, struct_sheet_order,
    struct_sheet_range, struct_sheet_hbond, pdbx_struct_sheet_hbond and
    every dssp_* category): present in both or in neither, the same
    columns, the same rows in the same order, every value equal (quotes
    removed; '?' and '.' kept apart);
  - software: the input's rows equal (mmCIF input), and qir-dssp's last
    row's classification is 'model annotation';
  - every other category (mmCIF input only; audit_conform, which libcifpp
    adds, excepted; for PDB input mkdssp writes its
    own conversion and qir-dssp qir's, so only the DSSP categories are
    compared): the same columns and values in both, i.e. both copied the
    input. Where mkdssp read a copy with a HEADER line added, entry_id
    columns are not compared. For PDB input label_seq_id columns are not compared (mkdssp's
    PDB conversion numbers them by the SEQRES alignment, qir by the residues
    present; each output agrees with its own atom_site).

A file is skipped when mkdssp fails, or writes no DSSP category although
qir-dssp does while mkdssp's legacy output of it has no residue (mkdssp
reads no residue of it: then it only adds its software row).

Prints `ok FILE: ...`, `skip FILE: why` or `FAIL FILE` with the first
differences, then `F files compared, S skipped, C DSSP categories
(R rows) equal, D differences`; exits 1 on any difference.
"""

import argparse
import os
import subprocess
import sys
import tempfile

import gemmi

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dssp_mkdssp  # noqa: E402

DSSP_BASE = ["_struct_conf.", "_struct_conf_type."]
DSSP_EXPERIMENTAL = ["_struct_sheet.", "_struct_sheet_order.",
                     "_struct_sheet_range.", "_struct_sheet_hbond.",
                     "_pdbx_struct_sheet_hbond."]


# Categories libcifpp adds to every block it writes.
LIBCIFPP_ADDS = {"_audit_conform."}


def value(v):
    return v if v in ("?", ".") else gemmi.cif.as_string(v)


def tables(block):
    """{category prefix: (columns, rows)} with columns lower-cased."""
    out = {}
    for prefix in block.get_mmcif_category_names():
        t = block.find_mmcif_category(prefix)
        cols = [c.split(".", 1)[1].lower() for c in t.tags]
        rows = [[value(row[i]) for i in range(len(cols))] for row in t]
        out[prefix.lower()] = (cols, rows)
    return out


def compare_table(name, mine, theirs, problems, limit, ignore=()):
    """Rows equal in order on the columns both have; a column only one side
    has must hold nulls only there (libcifpp adds empty columns to some
    categories it copies, and mkdssp's PDB conversion writes struct_conf
    columns of its own)."""
    (mc, mr), (tc, tr) = mine, theirs
    for cols, rws, who in ((mc, mr, "qir-dssp"), (tc, tr, "mkdssp")):
        other = tc if cols is mc else mc
        for i, c in enumerate(cols):
            if c not in other and any(r[i] not in ("?", ".") for r in rws):
                problems.append("%s: column %s only in %s, with values"
                                % (name, c, who))
                return 1
    if len(mr) != len(tr):
        problems.append("%s: qir-dssp %d rows, mkdssp %d"
                        % (name, len(mr), len(tr)))
        return 1
    shared = [c for c in tc if c in mc and not c.endswith(ignore)]
    bad = 0
    for i, (a, b) in enumerate(zip(mr, tr)):
        da = dict(zip(mc, a))
        db = dict(zip(tc, b))
        diff = [c for c in shared if da[c] != db[c]]
        if diff:
            bad += 1
            if len(problems) < limit:
                problems.append("%s row %d: %s" % (name, i + 1, "; ".join(
                    "%s %r vs %r" % (c, da[c], db[c]) for c in diff[:4])))
    return bad


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qir_dssp")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--option", action="append", default=[])
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--max-report", type=int, default=6)
    args = ap.parse_args()
    experimental = "--write-experimental" in args.option
    tmp = args.keep or tempfile.mkdtemp(prefix="dssp-mmcif-")
    os.makedirs(tmp, exist_ok=True)

    files = compared = skipped = cats = rows = differences = 0
    for path in dssp_mkdssp.coordinate_files(args.paths):
        files += 1
        stem = "%03d_%s" % (files, os.path.basename(path))
        theirs_out = os.path.join(tmp, stem + ".mkdssp.cif")
        legacy_out = os.path.join(tmp, stem + ".mkdssp.dssp")
        srcs = [path]
        if dssp_mkdssp.is_pdb(path):
            hdr = os.path.join(tmp, stem + ".header.pdb")
            with open(hdr, "w") as fh:
                fh.write(dssp_mkdssp.HEADER + dssp_mkdssp.read_text(path))
            srcs.append(hdr)
            nore = os.path.join(tmp, stem + ".noremark.pdb")
            with open(nore, "w") as fh:
                fh.write(dssp_mkdssp.HEADER + "".join(
                    l for l in dssp_mkdssp.read_text(path).splitlines(True)
                    if not l.startswith("REMARK")))
            srcs.append(nore)
        ok = False
        for src in srcs:
            p = run(["mkdssp"] + args.option + [src, theirs_out])
            if p.returncode == 0 and os.path.exists(theirs_out):
                ok = True
                break
        if not ok:
            skipped += 1
            print("skip %s: mkdssp refuses it" % path)
            continue
        mine_out = os.path.join(tmp, stem + ".qir.cif")
        p = run([args.qir_dssp] + args.option + [path, mine_out])
        compared += 1
        if p.returncode != 0:
            print("FAIL %s: qir-dssp exit %d: %s" % (path, p.returncode,
                                                     p.stderr.strip()))
            differences += 1
            continue
        theirs = tables(gemmi.cif.read(theirs_out).sole_block())
        mine = tables(gemmi.cif.read(mine_out).sole_block())
        # PDB input: mkdssp numbers label_seq_id by the SEQRES alignment of
        # its PDB conversion, qir from the residues present; both outputs
        # are consistent with their own atom_site, so those columns are not
        # compared.
        ignore = ("label_seq_id",) if dssp_mkdssp.is_pdb(path) else ()
        # A HEADER line added for mkdssp names the entry XXXX.
        if src != path:
            ignore += ("entry_id",)
        dssp_cats = DSSP_BASE + (DSSP_EXPERIMENTAL if experimental else [])
        dssp_cats += [c for c in set(theirs) | set(mine)
                      if c.startswith("_dssp_")]
        if not any(c in theirs for c in dssp_cats if c != "_struct_conf_type.") \
                and any(c in mine for c in dssp_cats):
            run(["mkdssp", "--output-format", "dssp"] + args.option +
                [src, legacy_out])
            with open(legacy_out) as fh:
                text = fh.read()
            if text.rstrip().endswith("Z-CA"):
                compared -= 1
                skipped += 1
                print("skip %s: mkdssp reads no residue of it" % path)
                continue
        problems = []
        bad = 0
        ncats = nrows = 0
        for c in sorted(set(dssp_cats)):
            if c not in theirs and c not in mine:
                continue
            if (c in theirs) != (c in mine):
                problems.append("%s: only in %s" % (
                    c, "mkdssp" if c in theirs else "qir-dssp"))
                bad += 1
                continue
            b = compare_table(c, mine[c], theirs[c], problems, args.max_report,
                              ignore)
            bad += b
            ncats += 1
            nrows += len(theirs[c][1])
        # software: the input rows, plus one.
        if "_software." in theirs and "_software." in mine:
            (mc, mr), (tc, tr) = mine["_software."], theirs["_software."]
            if len(mr) != len(tr) and not dssp_mkdssp.is_pdb(path):
                problems.append("_software.: %d rows vs %d" % (len(mr), len(tr)))
                bad += 1
            elif not dssp_mkdssp.is_pdb(path):
                base = ["name", "classification", "version", "pdbx_ordinal"]
                for a, b in zip(mr[:-1], tr[:-1]):
                    da, db = dict(zip(mc, a)), dict(zip(tc, b))
                    if any(da.get(k) != db.get(k) for k in base):
                        problems.append("_software.: %r vs %r" % (a, b))
                        bad += 1
            if mr:
                last = dict(zip(mc, mr[-1]))
                if last.get("classification") != "model annotation":
                    problems.append("_software.: last row %r" % mr[-1])
                    bad += 1
        else:
            problems.append("_software. missing")
            bad += 1
        # The copied categories (mmCIF input).
        copied = 0
        if not dssp_mkdssp.is_pdb(path):
            skip = set(dssp_cats) | {"_software."}
            if not experimental:
                skip |= set(DSSP_EXPERIMENTAL)
            for c in sorted(set(theirs) | set(mine)):
                if c in skip or (c in LIBCIFPP_ADDS and c not in mine):
                    continue
                if (c in theirs) != (c in mine):
                    problems.append("%s: only in %s" % (
                        c, "mkdssp" if c in theirs else "qir-dssp"))
                    bad += 1
                    continue
                bad += compare_table(c, mine[c], theirs[c], problems,
                                     args.max_report)
                copied += 1
        cats += ncats
        rows += nrows
        differences += bad
        if bad:
            print("FAIL %s: %d differences" % (path, bad))
            for p in problems[:args.max_report]:
                print("  " + p)
        else:
            print("ok %s: %d DSSP categories (%d rows), %d copied categories "
                  "equal" % (path, ncats, nrows, copied))
    print("%d files compared, %d skipped, %d DSSP categories (%d rows) "
          "compared, %d differences" % (compared, skipped, cats, rows,
                                        differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
