#!/usr/bin/env python3
"""Compare print<hbonds> / print<dssp> of qopt with mkdssp's legacy output.

  dssp_mkdssp.py QOPT PATH... [--table hbonds|dssp] [--keep DIR]
                 [--max-report N] [--reference FILE.dssp] [--model N]
                 [--pp-stretch N] [--exact]

Every PATH is a structure file or a folder (searched recursively for *.cif,
*.cif.gz, *.pdb, *.ent, *.ent.gz; ccd/ folders skipped). For each file:

  1. mkdssp --output-format dssp FILE OUT.dssp (mkdssp 4.2.2). A PDB file
     that mkdssp refuses is retried as a copy with a HEADER line added
     (mkdssp takes a file without one for mmCIF), and if it still fails,
     as a copy without REMARK records as well (some REMARK blocks make
     mkdssp's PDB reader throw). Coordinates are never changed. Files that
     mkdssp still refuses, or for which it writes no residue, are listed
     as `skip` and not compared.
  2. qopt FILE -passes='print<hbonds>' (or print<dssp;...>).
  3. Residues are matched in order: the same number of rows, and per row
     the same chain, author number, insertion code and DSSP number.
     hbonds: the four partner offsets equal and each energy, printed as
     mkdssp prints it (%.1f), equal. dssp: additionally the structure
     code, the helix and PPII flags, bend, chirality, bridge partners
     and labels, sheet, and the numbers (accessibility when computed, TCO, kappa,
     alpha, phi, psi) equal at mkdssp's printed precision, each allowed
     one unit of its last digit (with --exact: the same printed value,
     unless qir's 3 decimals lie halfway between two of mkdssp's).

With --model N, qopt computes model N of FILE (print<X<model=N>>) and
mkdssp, which reads model 1 only, gets model N alone, written by
`qopt FILE -passes=select-model<N> -o COPY.pdb`.

With --reference (one PATH), FILE.dssp (say, the reference output shipped
with DSSP) stands in for mkdssp's output.

Prints `ok FILE: N residues`, `skip FILE: why` or `FAIL FILE` with the first
mismatches, then a total `F files compared, S skipped, R residues, M
mismatched residues`; exits 1 when any residue mismatches.
"""

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dssp_legacy  # noqa: E402

from corpus_files import coordinate_files

# Numbers may differ by this many units of mkdssp's last printed digit
# (--exact: none).
TOLERANCE = 1.0001
HEADER = ("HEADER    UNKNOWN FUNCTION                        "
          "01-JAN-00   XXXX\n")


def is_pdb(path):
    return re.search(r"\.(pdb|ent)(\.gz)?$", path) is not None


def read_text(path):
    if path.endswith(".gz"):
        import gzip
        with gzip.open(path, "rt") as fh:
            return fh.read()
    with open(path) as fh:
        return fh.read()


MKDSSP_OPTIONS = []


def run_mkdssp(path, tmp, stem):
    """Returns (rows, note) or (None, reason)."""
    out = os.path.join(tmp, stem + ".dssp")
    attempts = [(path, "")]
    if is_pdb(path):
        text = read_text(path)
        with_header = os.path.join(tmp, stem + ".header.pdb")
        with open(with_header, "w") as fh:
            fh.write(HEADER + text)
        attempts.append((with_header, " (HEADER added)"))
        no_remark = os.path.join(tmp, stem + ".noremark.pdb")
        with open(no_remark, "w") as fh:
            fh.write(HEADER + "".join(
                l for l in text.splitlines(True) if not l.startswith("REMARK")))
        attempts.append((no_remark, " (HEADER added, REMARK dropped)"))
    last = ""
    for src, note in attempts:
        if os.path.exists(out):
            os.remove(out)
        proc = subprocess.run(["mkdssp", "--output-format", "dssp"] +
                              MKDSSP_OPTIONS + [src, out],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        if proc.returncode == 0 and os.path.exists(out):
            rows = dssp_legacy.parse(out)
            if not rows:
                return None, "mkdssp wrote no residue"
            return rows, note
        last = (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]
    return None, "mkdssp refuses it: " + last


def run_qopt(qopt, path, pipeline):
    proc = subprocess.run([qopt, path, "-passes=" + pipeline],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        raise RuntimeError("qopt failed on %s: %s" % (path, proc.stderr))
    lines = proc.stdout.splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def partner_text(offset, energy):
    """A qir partner as mkdssp prints it: 'offset,energy' or '0, 0.0'."""
    if offset == ".":
        return "0,0.0"
    return "%d,%.1f" % (int(offset), float(energy))


def mk_partner(row, name):
    off, e = row[name + "_offset"], row[name + "_energy"]
    return "%d,%s" % (off, e)


def num_equal(mine, theirs, decimals, missing):
    """mine: qir text ('.' = undefined); theirs: mkdssp's text. Equal at
    mkdssp's printed precision within TOLERANCE units of the last digit.
    With --exact (TOLERANCE 0) the printed values must be equal, except
    where qir's 3-decimal text lies halfway between two of mkdssp's
    values (then rounding it again may go either way)."""
    mine_v = missing if mine == "." else float(mine)
    printed = float("%.*f" % (decimals, mine_v))
    unit = 10 ** -decimals
    if TOLERANCE == 0 and mine != "." and "." in mine:
        tail = mine.split(".")[1][decimals:]
        if tail and tail[0] == "5" and set(tail[1:]) <= {"0"}:
            return abs(printed - float(theirs)) <= unit * 1.0001
    return abs(printed - float(theirs)) <= unit * TOLERANCE + 1e-9


def compare_rows(table, q, m):
    """Returns a list of mismatch descriptions for one residue."""
    bad = []
    key_q = (q["chain"][:1], int(q["seq"]), "" if q["icode"] == "." else q["icode"],
             int(q["nr"]))
    key_m = (m["chain"], m["seq"], m["icode"], m["nr"])
    if key_q != key_m:
        return ["residue %r vs mkdssp %r" % (key_q, key_m)]
    for name in ("nho1", "onh1", "nho2", "onh2"):
        mine = partner_text(q[name], q[name + "_energy"])
        theirs = mk_partner(m, name)
        if mine != theirs:
            bad.append("%s %s vs %s" % (name, mine, theirs))
    if table == "dssp":
        def ch(v):
            return " " if v == "." else v
        ss = " " if q["ss"] == "-" else q["ss"]
        for name, mine, theirs in (
                ("ss", ss, m["ss"]),
                ("helix_3", ch(q["helix_3"]), m["h3"]),
                ("helix_4", ch(q["helix_4"]), m["h4"]),
                ("helix_5", ch(q["helix_5"]), m["h5"]),
                ("ppii", ch(q["ppii"]), m["pp"]),
                ("bend", ch(q["bend"]), m["bend"]),
                ("chirality", ch(q["chirality"]), m["chirality"]),
                ("label1", ch(q["label1"]), m["label1"]),
                ("label2", ch(q["label2"]), m["label2"]),
                ("sheet", " " if q["sheet"] == "." else
                 chr(ord("A") + (int(q["sheet"]) - 1) % 26), m["sheet"]),
                ("bp1", 0 if q["bp1"] == "." else int(q["bp1"]) % 10000, m["bp1"]),
                ("bp2", 0 if q["bp2"] == "." else int(q["bp2"]) % 10000, m["bp2"])):
            if mine != theirs:
                bad.append("%s %r vs %r" % (name, mine, theirs))
        for name, dec, missing in (("tco", 3, 0.0), ("kappa", 1, 360.0),
                                   ("alpha", 1, 360.0), ("phi", 1, 360.0),
                                   ("psi", 1, 360.0)):
            if not num_equal(q[name], m[name], dec, missing):
                bad.append("%s %s vs %s" % (name, q[name], m[name]))
        if q["acc"] != ".":
            # mkdssp prints floor(acc + 0.5).
            mine = math.floor(float(q["acc"]) + 0.5)
            halfway = q["acc"].endswith(".500")
            slack = 1 if TOLERANCE > 0 or halfway else 0
            if abs(mine - m["acc"]) > slack:
                bad.append("acc %s vs %d" % (q["acc"], m["acc"]))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qopt")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--table", choices=["hbonds", "dssp"], default="dssp")
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--max-report", type=int, default=10)
    ap.add_argument("--pp-stretch", type=int, default=0,
                    help="mkdssp --min-pp-stretch N, dssp<pp-stretch=N>")
    ap.add_argument("--exact", action="store_true",
                    help="numbers must print exactly as mkdssp's")
    ap.add_argument("--model", type=int, default=0,
                    help="compare model N (extracted for mkdssp)")
    ap.add_argument("--reference", metavar="FILE.dssp",
                    help="compare with this legacy DSSP file instead of "
                         "running mkdssp (one PATH only)")
    args = ap.parse_args()

    if args.exact:
        global TOLERANCE
        TOLERANCE = 0
    tmp = args.keep or tempfile.mkdtemp(prefix="dssp-mkdssp-")
    os.makedirs(tmp, exist_ok=True)
    opts = []
    if args.model:
        opts.append("model=%d" % args.model)
    if args.pp_stretch:
        opts.append("pp-stretch=%d" % args.pp_stretch)
        MKDSSP_OPTIONS.extend(["--min-pp-stretch", str(args.pp_stretch)])
    pipeline = "print<%s<%s>>" % (args.table, ";".join(opts)) if opts \
        else "print<%s>" % args.table
    files = compared = skipped = residues = mismatched = 0
    counts = {}
    for path in coordinate_files(args.paths):
        files += 1
        stem = "%03d_%s" % (files, os.path.basename(path))
        if args.reference:
            rows, note = dssp_legacy.parse(args.reference), " (reference %s)" \
                % os.path.basename(args.reference)
        elif args.model:
            copy = os.path.join(tmp, stem + ".model%d.pdb" % args.model)
            subprocess.run([args.qopt, path, "-passes=select-model<%d>"
                            % args.model, "-o", copy], check=True)
            rows, note = run_mkdssp(copy, tmp, stem)
            note += " (model %d)" % args.model
        else:
            rows, note = run_mkdssp(path, tmp, stem)
        if rows is None:
            skipped += 1
            print("skip %s: %s" % (path, note))
            continue
        q = run_qopt(args.qopt, path, pipeline)
        compared += 1
        problems = []
        if len(q) != len(rows):
            problems.append("qir has %d rows, mkdssp %d" % (len(q), len(rows)))
        bad_rows = 0
        for qr, mr in zip(q, rows):
            bad = compare_rows(args.table, qr, mr)
            if bad:
                bad_rows += 1
                for b in bad:
                    counts[b.split()[0]] = counts.get(b.split()[0], 0) + 1
                if len(problems) < args.max_report:
                    problems.append("%s %s%s nr %s: %s" % (
                        mr["chain"], mr["seq"], mr["icode"], mr["nr"],
                        "; ".join(bad)))
        if len(q) != len(rows):
            bad_rows += abs(len(q) - len(rows))
        residues += len(rows)
        mismatched += bad_rows
        if problems:
            print("FAIL %s%s: %d of %d residues differ" % (path, note, bad_rows,
                                                          len(rows)))
            for p in problems:
                print("  " + p)
        else:
            print("ok %s%s: %d residues" % (path, note, len(rows)))
    print("%d files compared, %d skipped, %d residues, %d mismatched residues"
          % (compared, skipped, residues, mismatched))
    if counts:
        print("mismatched fields: " + ", ".join(
            "%s %d" % kv for kv in sorted(counts.items())))
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
