#!/usr/bin/python3
"""Check that a written PDB file keeps every ATOM/HETATM/ANISOU field.

    compare_pdb_records.py ORIGINAL WRITTEN

Reads both files' coordinate records (gzip allowed) in order and compares
them field by field (wwPDB format 3.3 columns): text fields exactly as
written (atom name with its alignment in columns 13-16, altloc, residue name,
chain, insertion code, segment id, element, charge), numbers as numbers
(serial and residue number also in hybrid-36, coordinates, occupancy, B,
ANISOU U values). Also compares the sequence of MODEL numbers. Exit status 1
on a mismatch (the first 10 are printed).
"""
import argparse
import gzip
import sys

TEXT = [('name', 12, 16), ('altloc', 16, 17), ('resname', 17, 21),
        ('chain', 21, 22), ('icode', 26, 27), ('segid', 72, 76),
        ('element', 76, 78), ('charge', 78, 80)]
INTS = [('serial', 6, 11), ('resseq', 22, 26)]
REALS = [('x', 30, 38), ('y', 38, 46), ('z', 46, 54), ('occupancy', 54, 60),
         ('b', 60, 66)]
ANISO = [('u%d' % i, 28 + 7 * i, 35 + 7 * i) for i in range(6)]


def lines(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', errors='replace') as f:
        for line in f:
            yield line.rstrip('\r\n')


def records(path):
    out, models = [], []
    for line in lines(path):
        rec = line[:6]
        if rec in ('ATOM  ', 'HETATM', 'ANISOU'):
            out.append(line.ljust(80))
        elif rec == 'MODEL ':
            models.append(line[10:14].strip())
    return out, models


def num(s, kind):
    s = s.strip()
    if not s:
        return None
    try:
        return kind(s)
    except ValueError:
        return s  # hybrid-36 or other text: compared as written


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('original')
    ap.add_argument('written')
    args = ap.parse_args()
    a, ma = records(args.original)
    b, mb = records(args.written)
    bad = []
    # One model may be written without MODEL/ENDMDL.
    if ma != mb and (len(ma) > 1 or len(mb) > 1):
        bad.append('MODEL numbers %s != %s' % (ma[:5], mb[:5]))
    if len(a) != len(b):
        bad.append('%d coordinate records vs %d' % (len(a), len(b)))
    for i, (x, y) in enumerate(zip(a, b)):
        if x[:6] != y[:6]:
            bad.append('record %d: %r != %r' % (i + 1, x[:6], y[:6]))
            continue
        fields = TEXT + [(n, s, e, int) for n, s, e in INTS]
        if x[:6] == 'ANISOU':
            fields += [(n, s, e, int) for n, s, e in ANISO]
        else:
            fields += [(n, s, e, float) for n, s, e in REALS]
        for f in fields:
            name, s, e = f[:3]
            if len(f) == 4:
                same = num(x[s:e], f[3]) == num(y[s:e], f[3])
            else:
                same = x[s:e] == y[s:e]
            if not same:
                bad.append('record %d field %s: %r != %r' %
                           (i + 1, name, x[s:e], y[s:e]))
        if len(bad) >= 10:
            break
    if bad:
        for line in bad[:10]:
            print('MISMATCH', line)
        return 1
    print('%d coordinate records identical field by field' % len(a))
    return 0


if __name__ == '__main__':
    sys.exit(main())
