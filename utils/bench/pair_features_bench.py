#!/usr/bin/python3
"""Time and peak memory of building the AF3 pair features.

Runs qir-bench-pair-features (utils/bench/PairFeaturesBench.cpp) under
/usr/bin/time -v and prints its figures plus the maximum resident set size;
then the same for reading the file alone (qopt -passes=print<counts>), so
that the pair features' own share of the memory can be read off.

Usage: pair_features_bench.py BUILD_DIR [FILE] [BLOCK_ROWS]
"""
import re
import subprocess
import sys


def run(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True,
                       text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                        p.stderr).group(1))
    return p.stdout, rss


def main():
    build = sys.argv[1]
    args = sys.argv[2:]
    out, rss = run([build + "/bin/qir-bench-pair-features"] + args)
    print(out, end="")
    print("max_rss_mib\t%.1f" % (rss / 1024))
    if args:
        _, base = run([build + "/bin/qopt", args[0], "-passes=print<counts>"])
        print("read_only_max_rss_mib\t%.1f" % (base / 1024))


if __name__ == "__main__":
    main()
