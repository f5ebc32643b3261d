#!/usr/bin/python3
"""Per model: atoms, centroid and unweighted radius of gyration, from gemmi.

    gyration.py FILE

The independent check of the example plugin's `gyration` analysis
(examples/plugin). Prints the same columns as print<gyration>, less
`chains`: model atoms x y z rg, 3 decimals. Every atom site counts
(alternate locations included), as in qir's topology.
"""
import math
import sys

import gemmi


def main():
    st = gemmi.read_structure(sys.argv[1])
    print("model\tatoms\tx\ty\tz\trg")
    for model in st:
        pos = [a.pos for ch in model for r in ch for a in r]
        n = len(pos)
        cx = sum(p.x for p in pos) / n
        cy = sum(p.y for p in pos) / n
        cz = sum(p.z for p in pos) / n
        s = sum((p.x - cx) ** 2 + (p.y - cy) ** 2 + (p.z - cz) ** 2
                for p in pos)
        print("%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f"
              % (model.name, n, cx, cy, cz, math.sqrt(s / n)))


if __name__ == "__main__":
    main()
