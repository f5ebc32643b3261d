#!/usr/bin/python3
"""relpos or distogram of an mmCIF file from gemmi, in the layout of
print<relpos> / print<distogram>, on the tokens of af3_tokens.py.

relpos (AF3 supplement Algorithm 3; Boltz's RelativePositionEncoder), i - j:
  d_residue   same chain ? clip(res_i - res_j + r, 0, 2r) : 2r + 1
  d_token     same chain and residue ? clip(i - j + r, 0, 2r) : 2r + 1
  same_entity entity_i == entity_j
  d_chain     same chain ? 2s + 1 : clip(sym_i - sym_j + s, 0, 2s)
  af2: d_residue = clip(res_i - res_j + r, 0, 2r) only.
distogram: per model, pairs i < j, the number of edges strictly below the
distance of the distogram atoms (af3: 2 + 20k/62; af2: 2.3125 + 0.3125k,
k = 0..62); '.' when either atom is missing. Coordinates are rounded to
float32 as qir stores them; distances in double.

Usage: af3_pairs.py FILE relpos|distogram [af3|af2]
"""
import math
import os
import struct
import sys

import gemmi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import af3_tokens  # noqa: E402


def f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def clip(v, lo, hi):
    return max(lo, min(hi, v))


def relpos(rows, preset, r=32, s=2):
    print("token_1\ttoken_2\td_residue\td_token\tsame_entity\td_chain")
    f = [(int(x[10]), int(x[11]), int(x[12]), int(x[13])) for x in rows]
    for i, (ai, ei, si, ri) in enumerate(f):
        for j, (aj, ej, sj, rj) in enumerate(f):
            if preset == "af2":
                print("%d\t%d\t%d\t.\t.\t." % (i, j, clip(ri - rj + r, 0, 2 * r)))
                continue
            same_chain = ai == aj
            d_res = clip(ri - rj + r, 0, 2 * r) if same_chain else 2 * r + 1
            d_tok = (clip(i - j + r, 0, 2 * r) if same_chain and ri == rj
                     else 2 * r + 1)
            d_chain = 2 * s + 1 if same_chain else clip(si - sj + s, 0, 2 * s)
            print("%d\t%d\t%d\t%d\t%d\t%d" % (i, j, d_res, d_tok,
                                              int(ei == ej), d_chain))


def distogram(models, preset):
    if preset == "af3":
        edges = [2.0 + 20.0 * k / 62.0 for k in range(63)]
    else:
        edges = [2.3125 + 0.3125 * k for k in range(63)]
    print("model\ttoken_1\ttoken_2\tdistance\tbin")
    for num, rows in models:
        pos = [None if r[-1] is None else (f32(r[-1].x), f32(r[-1].y),
                                            f32(r[-1].z)) for r in rows]
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                if pos[i] is None or pos[j] is None:
                    print("%s\t%d\t%d\t.\t." % (num, i, j))
                    continue
                d = math.sqrt(sum((pos[i][k] - pos[j][k]) ** 2
                                  for k in range(3)))
                b = sum(1 for e in edges if d > e)
                print("%s\t%d\t%d\t%.3f\t%d" % (num, i, j, d, b))


def main():
    path, what = sys.argv[1], sys.argv[2]
    preset = sys.argv[3] if len(sys.argv) > 3 else "af3"
    models = af3_tokens.tokens(gemmi.read_structure(path))
    if what == "relpos":
        relpos(models[0][1], preset)
    else:
        distogram(models, preset)


if __name__ == "__main__":
    main()
