#!/usr/bin/python3
"""Check that a written mmCIF keeps every _atom_site value of the original.

    compare_atom_site.py ORIGINAL WRITTEN

Both files are read with gemmi.cif (an independent CIF parser). For every
_atom_site item of ORIGINAL, WRITTEN must have the item and, row by row, the
same value: numbers compare as numbers (1.00 == 1.0), the two CIF nulls '?'
and '.' compare equal to each other, everything else compares as text.
Exit status 1 on the first mismatches (up to 10 are printed).

--allow-filled ITEM accepts a null in ORIGINAL that WRITTEN fills in with a
value qir derived (qir derives entities a file does not define, so
label_entity_id '?' may come back as '1').
"""
import argparse
import sys

import gemmi


def table(path):
    doc = gemmi.cif.read(path)
    block = doc.sole_block() if len(doc) == 1 else doc[0]
    tags = [t for t in block.get_mmcif_category_names() if t == '_atom_site.']
    if not tags:
        sys.exit(f'{path}: no _atom_site')
    cat = block.get_mmcif_category('_atom_site.', raw=True)
    return cat


def same(a, b, filled_ok=False):
    if a == b:
        return True
    nulls = ('?', '.')
    if a in nulls and (b in nulls or filled_ok):
        return True
    unq = [gemmi.cif.as_string(x) for x in (a, b)]
    if unq[0] == unq[1]:
        return True
    try:
        fa = float(unq[0].split('(')[0])
        fb = float(unq[1].split('(')[0])
        return abs(fa - fb) <= 1e-6 * max(1.0, abs(fa))
    except ValueError:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('original')
    ap.add_argument('written')
    ap.add_argument('--allow-filled', action='append', default=[],
                    metavar='ITEM', help='item whose nulls may be filled in')
    args = ap.parse_args()
    a = table(args.original)
    b = table(args.written)
    bad = []
    for item, values in a.items():
        if item not in b:
            bad.append(f'item _atom_site.{item} is missing from the written file')
            continue
        other = b[item]
        if len(other) != len(values):
            bad.append(f'_atom_site.{item}: {len(values)} rows vs {len(other)}')
            continue
        for row, (x, y) in enumerate(zip(values, other)):
            if not same(x, y, item in args.allow_filled):
                bad.append(f'_atom_site.{item} row {row + 1}: {x!r} != {y!r}')
                break
    rows = len(next(iter(a.values()))) if a else 0
    if bad:
        for line in bad[:10]:
            print('MISMATCH', line)
        return 1
    print(f'{rows} rows x {len(a)} items identical')
    return 0


if __name__ == '__main__':
    sys.exit(main())
