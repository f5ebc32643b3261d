#!/usr/bin/env python3
"""Check print<neighbors> (atom level) against `gemmi contact`.

  neighbors_gemmi.py QOPT FILE_OR_DIR... [--cutoff D] [--hydrogens]
                     [--waters] [--verbose]

For every coordinate file (a directory is searched for *.cif, *.cif.gz,
*.pdb, *.ent[.gz], skipping ccd/ folders and BinaryCIF), the edge set of
model 1 is taken three ways and must be identical:

  qir     QOPT FILE -passes='print<neighbors<cutoff=D;hydrogens=..;waters=..>>'
          (the rows of the first model; each unordered pair gives both
          directed edges)
  cli     gemmi contact -d D --nosym --ignore=0 --twice [--noh] [--nowater]
          FILE, parsed by the fixed columns of its output format
  python  gemmi.ContactSearch(D) with ignore=Nothing, twice=True on a
          NeighborSearch of model 1 (no unit cell), after remove_hydrogens /
          remove_waters as the CLI does: the code the CLI runs, returning
          atoms as objects, so no text is parsed

Option mapping: qir hydrogens=false <-> --noh, waters=false <-> --nowater.
Both sides test d < D on the same atoms and skip pairs of different
non-blank altlocs. An atom is named (chain, seq, icode, resname, atom,
altloc). The CLI text is compared only where every name fits its fixed
field (resname <= 3, chain <= 2, seq <= 4 characters); its number of
contact lines always. (gemmi 0.5.7's --count is not used: it prints half
the number of pairs with --ignore=0, e.g. 3220.5 for 1ubq.)
Distances must agree within 0.0015 A (the IR holds float32 coordinates;
the CLI prints 2 decimals, so its text is compared at 0.006 A). A pair
within 1e-4 A of the cutoff may fall either way in float32 and is listed as
`boundary`, not counted as a mismatch.

Prints one line per file (`ok FILE: N directed edges` or `FAIL FILE: ...`
with the first differences) and a total line; exits 1 on any failure.
"""

import argparse
import collections
import subprocess
import sys

import gemmi

from corpus_files import coordinate_files



def qir_edges(qopt, path, cutoff, hydrogens, waters):
    spec = "print<neighbors<cutoff=%s;hydrogens=%s;waters=%s>>" % (
        cutoff, str(hydrogens).lower(), str(waters).lower())
    proc = subprocess.run([qopt, path, "-passes=" + spec],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        raise RuntimeError("qopt exited %d: %s" % (proc.returncode,
                                                   proc.stderr.strip()))
    lines = proc.stdout.splitlines()
    head = lines[0].split("\t")
    col = {name: i for i, name in enumerate(head)}
    edges = {}
    first_model = None
    for line in lines[1:]:
        f = line.split("\t")
        if first_model is None:
            first_model = f[col["model_1"]]
        if f[col["model_1"]] != first_model:
            continue
        ends = []
        for s in ("_1", "_2"):
            ends.append(tuple(
                "" if f[col[c + s]] == "." else f[col[c + s]]
                for c in ("chain", "seq", "icode", "resname", "atom",
                          "altloc")))
        d = float(f[col["distance"]])
        for a, b in (ends, ends[::-1]):
            key = (a, b)
            if key in edges:
                raise RuntimeError("qir lists %s twice" % (key,))
            edges[key] = d
    return edges


def atom_id(cra):
    r = cra.residue
    return (cra.chain.name, str(r.seqid.num),
            "" if r.seqid.icode == " " else r.seqid.icode, r.name,
            cra.atom.name, "" if cra.atom.altloc == "\0" else cra.atom.altloc)


def python_edges(path, cutoff, hydrogens, waters):
    st = gemmi.read_structure(path)
    if not waters:
        st.remove_waters()
    st.cell = gemmi.UnitCell()
    ns = gemmi.NeighborSearch(st[0], st.cell, max(5.0, cutoff))
    ns.populate(include_h=hydrogens)
    cs = gemmi.ContactSearch(cutoff)
    cs.ignore = gemmi.ContactSearch.Ignore.Nothing
    cs.twice = True
    edges = collections.Counter()
    dist = {}
    for r in cs.find_contacts(ns):
        key = (atom_id(r.partner1), atom_id(r.partner2))
        edges[key] += 1
        dist[key] = r.dist
    dup = [k for k, n in edges.items() if n > 1]
    if dup:
        raise RuntimeError("gemmi reports %s %d times (atoms not unique by "
                           "name)" % (dup[0], edges[dup[0]]))
    fits = all(len(res.name) <= 3 and len(ch.name) <= 2 and
               -999 <= res.seqid.num <= 9999 and
               all(len(a.name) <= 4 for a in res)
               for ch in st[0] for res in ch)
    return dist, fits


# One half of a `gemmi contact` line: "%-4s%c%3s%2s%4s%c" (atom name padded
# as gemmi's padded_name, altloc, resname, chain, seq num, icode).
def parse_half(s):
    return (s[8:10].strip(), s[10:14].strip(), s[14].strip(),
            s[5:8].strip(), s[0:4].strip(), s[4].strip())


def cli_edges(path, cutoff, hydrogens, waters):
    base = ["gemmi", "contact", "-d", str(cutoff), "--nosym", "--ignore=0",
            "--twice"]
    if not hydrogens:
        base.append("--noh")
    if not waters:
        base.append("--nowater")
    text = subprocess.run(base + [path], stdout=subprocess.PIPE, check=True,
                          text=True).stdout
    edges = {}
    count = 0
    for line in text.splitlines():
        if len(line) < 60:
            continue
        count += 1
        # "%-11s %-4s%c%3s%2s%4s%c" + 15 spaces + "%-4s%c%3s%2s%4s%c  %6s
        # %6s %5.2f"
        a, b = parse_half(line[12:27]), parse_half(line[42:57])
        edges[(a, b)] = float(line.split()[-1])
    return edges, count


def compare(name_a, a, name_b, b, tol, cutoff, out):
    missing = sorted(set(a) - set(b))
    extra = sorted(set(b) - set(a))
    boundary = [k for k in missing if abs(a[k] - cutoff) < 1e-4] + \
               [k for k in extra if abs(b[k] - cutoff) < 1e-4]
    bset = set(boundary)
    bad = [k for k in missing if k not in bset]
    bad += [k for k in extra if k not in bset]
    far = [k for k in set(a) & set(b) if abs(a[k] - b[k]) > tol]
    for k in bad[:5]:
        out.append("  %s only in %s: %s" % (
            "edge", name_a if k in a else name_b, k))
    for k in far[:5]:
        out.append("  distance %s: %s %.4f, %s %.4f" % (k, name_a, a[k],
                                                          name_b, b[k]))
    return len(bad) + len(far), len(boundary)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("qopt")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--cutoff", type=float, default=5.0)
    parser.add_argument("--hydrogens", action="store_true")
    parser.add_argument("--waters", action="store_true")
    args = parser.parse_args()

    files = list(coordinate_files(args.paths))
    failed = total = cli_checked = 0
    for path in files:
        out = []
        try:
            q = qir_edges(args.qopt, path, args.cutoff, args.hydrogens,
                          args.waters)
            p, fits = python_edges(path, args.cutoff, args.hydrogens,
                                   args.waters)
            c, count = cli_edges(path, args.cutoff, args.hydrogens,
                                 args.waters)
        except (RuntimeError, subprocess.CalledProcessError) as e:
            failed += 1
            print("FAIL %s: %s" % (path, e))
            continue
        bad, boundary = compare("qir", q, "gemmi", p, 0.0015, args.cutoff,
                                out)
        if count != len(p):
            bad += 1
            out.append("  gemmi contact prints %d contacts, ContactSearch "
                       "finds %d" % (count, len(p)))
        if fits:
            cli_checked += 1
            b2, _ = compare("gemmi-cli", c, "gemmi", p, 0.006, args.cutoff,
                            out)
            bad += b2
        total += len(q)
        if bad:
            failed += 1
            print("FAIL %s: %d differences" % (path, bad))
            print("\n".join(out))
        else:
            print("ok %s: %d directed edges%s%s" % (
                path, len(q), "" if fits else " (CLI text not parsed: a "
                "name overflows its field; its line count checked)",
                ", %d boundary pairs" % boundary if boundary else ""))
    print("%d files, %d failed, %d directed edges agree, CLI text checked "
          "on %d files" % (len(files), failed, total, cli_checked))
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
