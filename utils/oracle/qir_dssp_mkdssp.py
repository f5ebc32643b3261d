#!/usr/bin/env python3
"""Compare the legacy .dssp files of qir-dssp and mkdssp 4.2.2, line by line.

  qir_dssp_mkdssp.py QIR_DSSP PATH... [--keep DIR] [--max-report N]
                     [--option OPT]... [--strict-header]
                     [--mkdssp-input FILE | --reference FILE.dssp]

Every PATH is a structure file or a folder (searched recursively as
dssp_mkdssp.py does). For each file:

  1. mkdssp --output-format dssp [OPT...] FILE OUT.dssp, retried as
     dssp_mkdssp.py does (a PDB file it refuses gets a copy with a HEADER
     line added, then also without REMARK records). Files it still refuses,
     or for which it writes no residue line, are listed as `skip`.
  2. qir-dssp --output-format dssp [OPT...] FILE OUT.dssp, always on the
     original file.
  3. The two files are compared:
     - residue lines (every line after the "  #  RESIDUE" header line,
       break lines included): equal as text, one for one;
     - statistics (the lines between the AUTHOR line and the histogram
       header, and the four histogram lines): equal as text;
     - the HEADER, COMPND, SOURCE and AUTHOR lines: compared only when
       mkdssp read the file unchanged (an added HEADER line changes them);
       a difference is reported as `header` and fails only with
       --strict-header;
     - the first line (program name and date) is not compared.

With --mkdssp-input (one PATH), mkdssp reads FILE instead of PATH (say,
the PDB file an mmCIF PATH was converted from, when mkdssp reads no residue
of PATH itself); the header lines are then not compared. With --reference
(one PATH), FILE.dssp (the reference output shipped with DSSP) stands in for
mkdssp's output, header lines included.

Prints `ok FILE: N residue lines`, `skip FILE: why` or `FAIL FILE` with the
first differing lines, then a total `F files compared, S skipped, R residue
lines, M mismatched residue lines, T mismatched statistics lines, H header
lines differ (of C compared)`; exits 1 when a residue or statistics line
differs (or, with --strict-header, a header line).
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dssp_mkdssp  # noqa: E402


def mkdssp_legacy(path, tmp, stem, options):
    """Returns (lines, note, unchanged) or (None, reason, False)."""
    out = os.path.join(tmp, stem + ".mkdssp.dssp")
    attempts = [(path, "", True)]
    if dssp_mkdssp.is_pdb(path):
        text = dssp_mkdssp.read_text(path)
        with_header = os.path.join(tmp, stem + ".header.pdb")
        with open(with_header, "w") as fh:
            fh.write(dssp_mkdssp.HEADER + text)
        attempts.append((with_header, " (HEADER added for mkdssp)", False))
        no_remark = os.path.join(tmp, stem + ".noremark.pdb")
        with open(no_remark, "w") as fh:
            fh.write(dssp_mkdssp.HEADER + "".join(
                l for l in text.splitlines(True) if not l.startswith("REMARK")))
        attempts.append((no_remark, " (HEADER added, REMARK dropped for "
                                    "mkdssp)", False))
    last = ""
    for src, note, unchanged in attempts:
        if os.path.exists(out):
            os.remove(out)
        proc = subprocess.run(["mkdssp", "--output-format", "dssp"] + options +
                              [src, out], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        if proc.returncode == 0 and os.path.exists(out):
            with open(out) as fh:
                lines = fh.read().splitlines()
            if residue_start(lines) is None or \
                    residue_start(lines) >= len(lines):
                return None, "mkdssp wrote no residue", False
            return lines, note, unchanged
        last = (proc.stderr.strip().splitlines() or
                ["exit %d" % proc.returncode])[-1]
    return None, "mkdssp refuses it: " + last, False


def residue_start(lines):
    for i, l in enumerate(lines):
        if l.startswith("  #  RESIDUE"):
            return i + 1
    return None


def sections(lines):
    """(header lines 3-6, statistics lines, residue lines)."""
    start = residue_start(lines)
    return lines[2:6], lines[6:start], lines[start:]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qir_dssp")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("--max-report", type=int, default=6)
    ap.add_argument("--option", action="append", default=[],
                    help="an option for both programs (repeatable), e.g. "
                         "--option=--min-pp-stretch=2")
    ap.add_argument("--strict-header", action="store_true")
    ap.add_argument("--mkdssp-input", metavar="FILE")
    ap.add_argument("--reference", metavar="FILE.dssp")
    args = ap.parse_args()
    if (args.mkdssp_input or args.reference) and len(args.paths) != 1:
        ap.error("--mkdssp-input and --reference take one PATH")

    tmp = args.keep or tempfile.mkdtemp(prefix="qir-dssp-mkdssp-")
    os.makedirs(tmp, exist_ok=True)
    files = compared = skipped = residues = bad_res = bad_stats = 0
    header_compared = header_bad = 0
    for path in dssp_mkdssp.coordinate_files(args.paths):
        files += 1
        stem = "%03d_%s" % (files, os.path.basename(path))
        if args.reference:
            with open(args.reference) as fh:
                theirs = fh.read().splitlines()
            note, unchanged = " (reference %s)" % os.path.basename(
                args.reference), True
        elif args.mkdssp_input:
            theirs, note, _ = mkdssp_legacy(args.mkdssp_input, tmp, stem,
                                            args.option)
            note += " (mkdssp read %s)" % os.path.basename(args.mkdssp_input)
            unchanged = False
        else:
            theirs, note, unchanged = mkdssp_legacy(path, tmp, stem,
                                                    args.option)
        if theirs is None:
            skipped += 1
            print("skip %s: %s" % (path, note))
            continue
        out = os.path.join(tmp, stem + ".qir.dssp")
        proc = subprocess.run([args.qir_dssp, "--output-format", "dssp"] +
                              args.option + [path, out],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        compared += 1
        if proc.returncode != 0:
            print("FAIL %s: qir-dssp exit %d: %s" % (path, proc.returncode,
                                                     proc.stderr.strip()))
            bad_res += 1
            continue
        with open(out) as fh:
            mine = fh.read().splitlines()
        if residue_start(mine) is None:
            print("FAIL %s: qir-dssp wrote no residue header line" % path)
            bad_res += 1
            continue
        mh, ms, mr = sections(mine)
        th, ts, tr = sections(theirs)
        problems = []
        nres = sum(1 for a, b in zip(mr, tr) if a != b) + abs(len(mr) - len(tr))
        if len(mr) != len(tr):
            problems.append("qir-dssp has %d residue lines, mkdssp %d"
                            % (len(mr), len(tr)))
        for a, b in zip(mr, tr):
            if a != b and len(problems) < args.max_report:
                problems.append("residue line differs:\n    qir:    %r\n"
                                "    mkdssp: %r" % (a, b))
        nstat = sum(1 for a, b in zip(ms, ts) if a != b) + abs(len(ms) - len(ts))
        for a, b in zip(ms, ts):
            if a != b and len(problems) < args.max_report:
                problems.append("statistics line differs:\n    qir:    %r\n"
                                "    mkdssp: %r" % (a, b))
        hdiff = []
        if unchanged:
            header_compared += 4
            for a, b in zip(mh, th):
                if a != b:
                    header_bad += 1
                    hdiff.append("header line differs:\n    qir:    %r\n"
                                 "    mkdssp: %r" % (a, b))
        residues += len(tr)
        bad_res += nres
        bad_stats += nstat
        fail = nres or nstat or (args.strict_header and hdiff)
        if fail:
            print("FAIL %s%s: %d of %d residue lines, %d of %d statistics "
                  "lines differ" % (path, note, nres, len(tr), nstat, len(ts)))
            for p in problems + hdiff[:2]:
                print("  " + p)
        else:
            print("ok %s%s: %d residue lines, %d statistics lines%s"
                  % (path, note, len(tr), len(ts),
                     "" if not unchanged else
                     ", header equal" if not hdiff else
                     ", %d header lines differ" % len(hdiff)))
            for p in hdiff[:2]:
                print("  " + p)
    print("%d files compared, %d skipped, %d residue lines, %d mismatched "
          "residue lines, %d mismatched statistics lines, %d header lines "
          "differ (of %d compared)" % (compared, skipped, residues, bad_res,
                                       bad_stats, header_bad, header_compared))
    return 1 if bad_res or bad_stats or (args.strict_header and header_bad) \
        else 0


if __name__ == "__main__":
    sys.exit(main())
