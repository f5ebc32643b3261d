#!/usr/bin/python3
"""qir's sasa analysis against the freesasa 2.1.2 CLI: times and the
error-vs-time curve.

    sasa_bench.py BUILD [FILE...] [--corpus DIR] [--runs N] [--threads N]
                  [--curve-file FILE] [--curve-runs N] [--svg OUT.svg]
                  [--no-speed] [--no-curve]

Same machine, same run, same input file for both programs (a .gz file is
unpacked to a temporary copy first, since freesasa reads plain text only;
both programs then read that copy). Wall clock of the whole command,
median of N runs (default 5), output to /dev/null.

Speed (without FILEs: the three corpus structures with the most atoms in
the calculation, i.e. atoms freesasa computes with its defaults), for LR
20 slices and SR 100 points, both with --threads (default 2) threads:

  * freesasa -t T --format=json --depth=structure FILE vs
    qopt FILE -threads=T -passes='require<sasa<...>>' (nothing printed);
  * freesasa -t T --format=json --depth=atom FILE vs
    qopt FILE -threads=T -passes='print<sasa<...>;depth=atom>' (a row per
    atom from both);
  * the pass alone: `analysis sasa<...>` wall time of qopt -time-passes
    (median; includes the spatial index it asks for, whose own time is
    also given), i.e. the computation on the parsed IR;
  * the pass alone from qir-bench-sasa (Google Benchmark, in process, the
    spatial index already cached; real time) when the build has it;
  * served: qopt STORE -passes='print<sasa<...>;depth=residue>' with STORE
    written once by `qopt FILE -passes=require<sasa<...>> -o STORE.qir.h5`,
    against qopt FILE with the same pipeline (parse and compute).

Error vs time (--curve-file, default corpus multiconformer/4e3y.pdb, a
3,684-atom crystal structure): LR with slices 5..160 and SR with points
20..2000, qir and freesasa, the relative error of the total area against
freesasa's LR with 2000 slices, and the median whole-command time
(--curve-runs, default 3). Writes the log-log plot as a hand-written SVG
(--svg, default docs/sasa-error-time.svg) and prints the table.

Prints Markdown tables.
"""

import argparse
import gzip
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

from bench_timing import timed

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
COORDINATES = re.compile(r"\.(cif|pdb|ent)(\.gz)?$")
LR_SLICES = [5, 10, 20, 40, 80, 160]
SR_POINTS = [20, 50, 100, 200, 500, 1000, 2000]
REFERENCE_SLICES = 2000


def is_cif(path):
    return re.search(r"\.cif(\.gz)?$", path) is not None


def plain_copy(path, tmp):
    """A path freesasa can read: .gz files unpacked into tmp."""
    if not path.endswith(".gz"):
        return path
    out = os.path.join(tmp, os.path.basename(path)[:-3])
    if not os.path.exists(out):
        with gzip.open(path, "rb") as fi, open(out, "wb") as fo:
            shutil.copyfileobj(fi, fo)
    return out


def freesasa_cmd(path, alg, res, threads, fmt="json", depth="structure"):
    cmd = ["freesasa", "--format=%s" % fmt, "--depth=%s" % depth,
           "--lee-richards" if alg == "lr" else "--shrake-rupley",
           "--resolution=%d" % res, "--n-threads=%d" % threads]
    if is_cif(path):
        cmd.append("--cif")
    return cmd + [path]


def sasa_opts(alg, res):
    return "sasa<algorithm=%s;%s=%d>" % (alg, "slices" if alg == "lr"
                                          else "points", res)


def freesasa_result(path, alg, res, threads):
    """(total area, atoms in the calculation) from freesasa's JSON."""
    out = subprocess.run(freesasa_cmd(path, alg, res, threads, depth="atom"),
                         check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout
    s = json.loads(out)["results"][0]["structure"][0]
    atoms = sum(len(r["atoms"]) for c in s["chains"] for r in c["residues"])
    return s["area"]["total"], atoms


def qir_total(qopt, path, alg, res, threads):
    out = subprocess.run([qopt, path, "-threads=%d" % threads,
                          "-passes=print<%s;depth=structure>"
                          % sasa_opts(alg, res)],
                         check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout
    head, row = out.splitlines()[:2]
    return float(dict(zip(head.split("\t"), row.split("\t")))["total"])


def pass_time(qopt, path, alg, res, threads, runs):
    """Median wall time (s) of the sasa analysis and of the spatial index
    it asks for, from qopt -time-passes."""
    sasa, index = [], []
    for _ in range(runs):
        err = subprocess.run([qopt, path, "-threads=%d" % threads,
                              "-time-passes", "-passes=require<%s>"
                              % sasa_opts(alg, res)],
                             check=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True).stderr
        s = i = 0.0
        for line in err.splitlines():
            cells = line.split()
            if len(cells) >= 5 and cells[3] == "analysis":
                if cells[4].startswith("sasa"):
                    s = float(cells[0]) / 1e3
                elif cells[4].startswith("spatial-index"):
                    i = float(cells[0]) / 1e3
        sasa.append(s)
        index.append(i)
    return statistics.median(sasa), statistics.median(index)


def gbench_times(build, path, threads):
    """{(alg, res): ms} from qir-bench-sasa (Google Benchmark, the pass
    alone on a parsed IR with the spatial index cached, real time), or {}
    when the build has no qir-bench-sasa."""
    exe = os.path.join(build, "bin", "qir-bench-sasa")
    if not os.path.exists(exe):
        return {}
    env = dict(os.environ, QIR_BENCH_FILE=path)
    out = subprocess.run([exe, "--benchmark_format=json",
                          "--benchmark_filter=BM_Sasa(LR/20|SR/100)/%d$"
                          % threads],
                         check=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, env=env).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        name, res, _ = b["name"].split("/")
        alg = "lr" if name == "BM_SasaLR" else "sr"
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
        times[(alg, int(res))] = b["real_time"] * scale
    return times


def corpus_files(corpus):
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if d != "ccd")
        for name in sorted(filenames):
            if COORDINATES.search(name):
                yield os.path.join(dirpath, name)


def largest(corpus, tmp, n=3):
    sized = []
    for f in corpus_files(corpus):
        try:
            _, atoms = freesasa_result(plain_copy(f, tmp), "lr", 20, 2)
        except (subprocess.CalledProcessError, ValueError, KeyError):
            continue  # freesasa cannot read it (listed by sasa_freesasa.py)
        sized.append((atoms, f))
    sized.sort(reverse=True)
    return [f for _, f in sized[:n]]


def speed_tables(a, qopt, files, tmp):
    t = a.threads
    print("### qir sasa vs freesasa 2.1.2 (whole commands, %d threads, "
          "median of %d)\n" % (t, a.runs))
    print("| file | atoms | algorithm | freesasa totals (s) | qopt "
          "require<sasa> (s) | speed-up | freesasa atom JSON (s) | qopt "
          "print depth=atom (s) | speed-up | pass alone, -time-passes (ms) | "
          "of which spatial index (ms) | pass alone, qir-bench-sasa (ms) | "
          "total qir / freesasa (A^2) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    served = []
    for f in files:
        src = plain_copy(f, tmp)
        gb = gbench_times(a.build, src, t)
        for alg, res in (("lr", 20), ("sr", 100)):
            ft, atoms = freesasa_result(src, alg, res, t)
            qt = qir_total(qopt, src, alg, res, t)
            opts = sasa_opts(alg, res)
            t_fs = timed(freesasa_cmd(src, alg, res, t), a.runs)
            t_q = timed([qopt, src, "-threads=%d" % t,
                         "-passes=require<%s>" % opts], a.runs)
            t_fa = timed(freesasa_cmd(src, alg, res, t, depth="atom"), a.runs)
            t_qa = timed([qopt, src, "-threads=%d" % t,
                          "-passes=print<%s;depth=atom>" % opts], a.runs)
            p_s, p_i = pass_time(qopt, src, alg, res, t, a.runs)
            print("| %s | %d | %s %d | %.3f | %.3f | %.1fx | %.3f | %.3f | "
                  "%.1fx | %.1f | %.1f | %s | %.1f / %.1f |"
                  % (os.path.basename(f), atoms,
                     "LR" if alg == "lr" else "SR", res, t_fs, t_q,
                     t_fs / t_q, t_fa, t_qa, t_fa / t_qa, p_s * 1e3,
                     p_i * 1e3, "%.1f" % gb[(alg, res)] if (alg, res) in gb
                     else "-", qt, ft))
            sys.stdout.flush()
            store = os.path.join(tmp, "%s.%s.qir.h5"
                                 % (os.path.basename(f).split(".")[0], alg))
            subprocess.run([qopt, src, "-threads=%d" % t,
                            "-passes=require<%s>" % opts, "-o", store],
                           check=True, stderr=subprocess.DEVNULL)
            pipeline = "-passes=print<%s;depth=residue>" % opts
            t_file = timed([qopt, src, "-threads=%d" % t, pipeline], a.runs)
            t_store = timed([qopt, store, pipeline], a.runs)
            same = subprocess.run([qopt, src, pipeline], check=True,
                                  stdout=subprocess.PIPE).stdout == \
                subprocess.run([qopt, store, pipeline], check=True,
                               stdout=subprocess.PIPE).stdout
            served.append((os.path.basename(f), alg, res, t_file, t_store,
                           same))
    print()
    print("### served from the store (print<sasa;depth=residue>, median of "
          "%d)\n" % a.runs)
    print("| file | algorithm | qopt FILE, parse and compute (s) | qopt "
          "STORE, served (s) | speed-up | same table |")
    print("|---|---|---|---|---|---|")
    for name, alg, res, t_file, t_store, same in served:
        print("| %s | %s %d | %.3f | %.3f | %.1fx | %s |"
              % (name, "LR" if alg == "lr" else "SR", res, t_file, t_store,
                 t_file / t_store, "yes" if same else "NO"))
    print()


def curve(a, qopt, tmp):
    src = plain_copy(a.curve_file, tmp)
    t = a.threads
    ref, atoms = freesasa_result(src, "lr", REFERENCE_SLICES, t)
    q_ref = qir_total(qopt, src, "lr", REFERENCE_SLICES, t)
    print("### error vs time: %s (%d atoms), %d threads, median of %d\n"
          % (os.path.basename(a.curve_file), atoms, t, a.curve_runs))
    print("Reference: freesasa LR %d slices, total %.3f A^2 (qir LR %d: "
          "%.3f A^2, relative difference %.2e).\n"
          % (REFERENCE_SLICES, ref, REFERENCE_SLICES, q_ref,
             abs(q_ref - ref) / ref))
    print("| algorithm | resolution | freesasa total (A^2) | freesasa rel. "
          "error | freesasa (s) | qir total (A^2) | qir rel. error | qopt "
          "(s) | qir pass alone (ms) |")
    print("|---|---|---|---|---|---|---|---|---|")
    series = {("qir", "lr"): [], ("qir", "sr"): [], ("freesasa", "lr"): [],
              ("freesasa", "sr"): []}
    for alg, values in (("lr", LR_SLICES), ("sr", SR_POINTS)):
        for res in values:
            ft, _ = freesasa_result(src, alg, res, t)
            qt = qir_total(qopt, src, alg, res, t)
            t_fs = timed(freesasa_cmd(src, alg, res, t), a.curve_runs)
            t_q = timed([qopt, src, "-threads=%d" % t,
                         "-passes=print<%s;depth=structure>"
                         % sasa_opts(alg, res)], a.curve_runs)
            p_s, _ = pass_time(qopt, src, alg, res, t, a.curve_runs)
            fe, qe = abs(ft - ref) / ref, abs(qt - ref) / ref
            series[("freesasa", alg)].append((t_fs, fe, res))
            series[("qir", alg)].append((t_q, qe, res))
            print("| %s | %d | %.3f | %.2e | %.3f | %.3f | %.2e | %.3f | "
                  "%.1f |" % ("LR slices" if alg == "lr" else "SR points",
                              res, ft, fe, t_fs, qt, qe, t_q, p_s * 1e3))
            sys.stdout.flush()
    print()
    write_svg(a.svg, series, "%s, %d atoms, %d threads; error of the total "
              "area vs freesasa LR %d slices"
              % (os.path.basename(a.curve_file), atoms, t, REFERENCE_SLICES))
    print("Plot written to %s\n" % os.path.relpath(a.svg, ROOT))


# --- SVG ------------------------------------------------------------------

def nice_decades(lo, hi):
    return list(range(int(math.floor(math.log10(lo))),
                      int(math.ceil(math.log10(hi))) + 1))


def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def write_svg(path, series, subtitle):
    """Log-log plot of relative error (y) against time (x), one polyline
    with markers per (program, algorithm), the resolution written at each
    point, a legend and axis labels. Hand-written SVG 1.1."""
    W, H = 760, 520
    left, right, top, bottom = 90, 200, 60, 70
    pw, ph = W - left - right, H - top - bottom
    floor = 1e-7  # an error of 0 is drawn at this value
    pts = [(t, max(e, floor)) for s in series.values() for t, e, _ in s]
    xd = nice_decades(min(p[0] for p in pts), max(p[0] for p in pts))
    yd = nice_decades(min(p[1] for p in pts), max(p[1] for p in pts))
    # Time spans less than a decade on a fast machine: use sub-decade
    # ticks 1, 2, 5 and clip the axis to the data rounded out to them.
    x0 = math.log10(min(p[0] for p in pts)) - 0.05
    x1 = math.log10(max(p[0] for p in pts)) + 0.05
    y0, y1 = yd[0], yd[-1]
    if y1 == y0:
        y1 = y0 + 1

    def X(v):
        return left + (math.log10(v) - x0) / (x1 - x0) * pw

    def Y(v):
        return top + ph - (math.log10(max(v, floor)) - y0) / (y1 - y0) * ph

    out = []
    o = out.append
    o('<?xml version="1.0" encoding="UTF-8"?>')
    o('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" '
      'height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, '
      'sans-serif" font-size="12">' % (W, H, W, H))
    o('<rect x="0" y="0" width="%d" height="%d" fill="white"/>' % (W, H))
    o('<text x="%d" y="24" font-size="15" font-weight="bold">SASA: '
      'relative error of the total area vs time (log-log)</text>' % left)
    o('<text x="%d" y="42" font-size="11" fill="#444">%s</text>'
      % (left, esc(subtitle)))
    # Grid and ticks: x at 1, 2, 5 x 10^k inside the range.
    for k in range(xd[0] - 1, xd[-1] + 1):
        for m in (1, 2, 5):
            v = m * 10.0 ** k
            if not x0 <= math.log10(v) <= x1:
                continue
            x = X(v)
            o('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>'
              % (x, top, x, top + ph, "#ccc" if m == 1 else "#eee"))
            o('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
              % (x, top + ph + 18, "%g" % v))
    for k in range(y0, y1 + 1):
        y = Y(10.0 ** k)
        o('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ccc"/>'
          % (left, y, left + pw, y))
        o('<text x="%d" y="%.1f" text-anchor="end">1e%d</text>'
          % (left - 6, y + 4, k))
    o('<rect x="%d" y="%d" width="%d" height="%d" fill="none" '
      'stroke="black"/>' % (left, top, pw, ph))
    o('<text x="%d" y="%d" text-anchor="middle">wall time of the whole '
      'command (s)</text>' % (left + pw // 2, H - 22))
    o('<text x="22" y="%d" text-anchor="middle" transform="rotate(-90 22 '
      '%d)">relative error of the total area</text>'
      % (top + ph // 2, top + ph // 2))
    style = {("qir", "lr"): ("#1f77b4", "none", "circle"),
             ("qir", "sr"): ("#1f77b4", "6,4", "square"),
             ("freesasa", "lr"): ("#d62728", "none", "circle"),
             ("freesasa", "sr"): ("#d62728", "6,4", "square")}
    names = {("qir", "lr"): "qir LR (slices)",
             ("qir", "sr"): "qir SR (points)",
             ("freesasa", "lr"): "freesasa LR (slices)",
             ("freesasa", "sr"): "freesasa SR (points)"}
    for key, data in series.items():
        color, dash, marker = style[key]
        if not data:
            continue
        coords = " ".join("%.1f,%.1f" % (X(t), Y(e)) for t, e, _ in data)
        o('<polyline points="%s" fill="none" stroke="%s" stroke-width="1.6"'
          '%s/>' % (coords, color, "" if dash == "none" else
                    ' stroke-dasharray="%s"' % dash))
        for t, e, res in data:
            x, y = X(t), Y(e)
            if marker == "circle":
                o('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"/>'
                  % (x, y, color))
            else:
                o('<rect x="%.1f" y="%.1f" width="7" height="7" fill="%s"/>'
                  % (x - 3.5, y - 3.5, color))
            # qir's labels above left, freesasa's below right: the two
            # programs' points often coincide in error.
            if key[0] == "qir":
                o('<text x="%.1f" y="%.1f" font-size="9" fill="%s" '
                  'text-anchor="end">%d</text>' % (x - 5, y - 5, color, res))
            else:
                o('<text x="%.1f" y="%.1f" font-size="9" fill="%s">%d</text>'
                  % (x + 5, y + 13, color, res))
    lx, ly = left + pw + 16, top + 10
    for i, key in enumerate(series):
        color, dash, marker = style[key]
        y = ly + i * 22
        o('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" '
          'stroke-width="1.6"%s/>' % (lx, y, lx + 28, y, color,
                                      "" if dash == "none" else
                                      ' stroke-dasharray="%s"' % dash))
        if marker == "circle":
            o('<circle cx="%d" cy="%d" r="3.5" fill="%s"/>'
              % (lx + 14, y, color))
        else:
            o('<rect x="%.1f" y="%.1f" width="7" height="7" fill="%s"/>'
              % (lx + 10.5, y - 3.5, color))
        o('<text x="%d" y="%d">%s</text>' % (lx + 36, y + 4,
                                             esc(names[key])))
    o('<text x="%d" y="%d" font-size="10" fill="#444">numbers: slices / '
      'points</text>' % (lx, ly + 4 * 22 + 6))
    o('</svg>')
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared",
                                                     "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--curve-file")
    ap.add_argument("--curve-runs", type=int, default=3)
    ap.add_argument("--svg", default=os.path.join(ROOT, "docs",
                                                  "sasa-error-time.svg"))
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-curve", action="store_true")
    a = ap.parse_args()
    if a.curve_file is None:
        a.curve_file = os.path.join(a.corpus, "multiconformer", "4e3y.pdb")
    qopt = os.path.join(a.build, "bin", "qopt")
    tmp = tempfile.mkdtemp(prefix="qir-sasa-bench-")
    try:
        if not a.no_speed:
            files = a.files or largest(a.corpus, tmp)
            speed_tables(a, qopt, files, tmp)
        if not a.no_curve:
            curve(a, qopt, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
