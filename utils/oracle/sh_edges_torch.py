#!/usr/bin/env python3
"""Check print<sh-edges> against an independent float64 torch implementation.

  sh_edges_torch.py QOPT FILE [--lmax L] [--normalization N] [--axes A]
                    [--radial R] [--n-radial K] [--cutoff D] [--model M]
                    [--grid] [--tol T]

One setting (the options, as sh-edges takes them), or with --grid a sweep:
lmax 0..6 x normalization {component, norm, integral} x axes {e3nn,
standard}, the radial basis cycling through gaussian, bessel and cosine and
n_radial through 8, 5, 12 (so every basis meets every normalization). All
settings go into one qopt run, one print<sh-edges<...>;model=M> each.

Edges. gemmi reads FILE; per model (--model M: only model number M, else
every model), the nodes are the atoms that are not hydrogen or deuterium
(Atom.is_hydrogen) and not in a water residue (Residue.is_water), and i -> j
is an edge when |r_j - r_i| < D (the neighbors analysis' test) and the two
atoms do not carry different non-blank altloc ids: all pairs, brute force,
in torch. Coordinates are
rounded to float32 first, as the IR stores them, and the edge vectors and
lengths are then formed in float64, as qir does, so both sides see the same
input. The directed edge sets must be equal, except for pairs within 1e-4 A
of D, which float rounding may put on either side (listed as boundary).

Functions, written from the definitions, not from qir's recurrences:
  real Y_l^m, z polar (Wikipedia, "Table of spherical harmonics", real):
    theta = acos(z), phi = atan2(y, x), t = cos theta,
    P_l(t) = 2^-l sum_k (-1)^k C(l,k) C(2l-2k,l) t^(l-2k) (explicit sum),
    P_l^m(t) = sin^m(theta) d^m/dt^m P_l(t) (no Condon-Shortley phase),
    N_lm = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!),
    Y_l^0 = N_l0 P_l, Y_l^m = sqrt2 N_lm P_l^m cos(m phi),
    Y_l^-m = sqrt2 N_lm P_l^m sin(m phi), at index l^2 + l + m;
  axes=e3nn evaluates the same at (x', y', z') = (z, x, y) (e3nn 0.6's y
  polar axis; its docstring: the table "called with the argument in the
  order y,z,x");
  normalization: integral as above, component = sqrt(4 pi) integral,
  norm = component / sqrt(2l+1);
  radial (e3nn soft_one_hot_linspace, start 0, end D, cutoff=True): centres
  linspace(0, D, K+2)[1:-1], step D/(K+1), d = (r - c)/step;
  gaussian exp(-d^2)/1.12, cosine cos(pi/2 d) where -1 < d < 1,
  bessel sqrt(2/D) sin(k pi r/D)/r where 0 < r/D < 1, k = 1..K.

Every value must agree within --tol (default 1e-6; qir prints 7 decimals
of float32 values). Prints one line per setting (`ok ...` or `FAIL ...`
with the largest deviations) and a total; exits 1 on any failure.
"""

import argparse
import itertools
import math
import subprocess
import sys

import gemmi
import numpy as np
import torch

NORMS = ("component", "norm", "integral")
AXES = ("e3nn", "standard")
RADIALS = ("gaussian", "bessel", "cosine")
BOUNDARY = 1e-4


def atom_key(ch, res, at):
    return (ch.name, str(res.seqid.num),
            "" if res.seqid.icode == " " else res.seqid.icode, res.name,
            at.name, "" if at.altloc == "\0" else at.altloc)


def model_edges(model, cutoff):
    """Directed edges of one gemmi model: {(key_i, key_j): (dx, dy, dz)} and
    the boundary pairs."""
    keys, xyz, alt = [], [], []
    for ch in model:
        for res in ch:
            if res.is_water():
                continue
            for at in res:
                if at.is_hydrogen():
                    continue
                keys.append(atom_key(ch, res, at))
                xyz.append((at.pos.x, at.pos.y, at.pos.z))
                alt.append(0 if at.altloc == "\0" else ord(at.altloc))
    if not keys:
        return {}, set()
    # float32 as the IR stores them, then float64 arithmetic.
    p = torch.tensor(np.asarray(xyz, dtype=np.float32), dtype=torch.float64)
    a = torch.tensor(alt)
    d = p[None, :, :] - p[:, None, :]          # d[i, j] = r_j - r_i
    r = d.norm(dim=-1)
    ok_alt = ~((a[:, None] != 0) & (a[None, :] != 0) & (a[:, None] != a[None, :]))
    off_diag = ~torch.eye(len(keys), dtype=torch.bool)
    sel = (r < cutoff) & ok_alt & off_diag
    edges = {}
    for i, j in sel.nonzero().tolist():
        edges[(keys[i], keys[j])] = d[i, j]
    near = (r - cutoff).abs() < BOUNDARY
    boundary = {(keys[i], keys[j]) for i, j in (near & ok_alt & off_diag).nonzero().tolist()}
    return edges, boundary


def legendre_coefficients(l):
    """Coefficients c[k] of t^k in P_l(t), explicit sum."""
    c = [0.0] * (l + 1)
    for k in range(l // 2 + 1):
        c[l - 2 * k] += (-1) ** k * math.comb(l, k) * math.comb(2 * l - 2 * k, l) / 2 ** l
    return c


def real_sh(lmax, vec, normalization, axes):
    """[E, (lmax+1)^2] real spherical harmonics of the rows of vec."""
    u = vec / vec.norm(dim=-1, keepdim=True)
    x, y, z = u[:, 0], u[:, 1], u[:, 2]
    if axes == "e3nn":
        x, y, z = z, x, y
    theta = torch.acos(z.clamp(-1.0, 1.0))
    phi = torch.atan2(y, x)
    t, s = torch.cos(theta), torch.sin(theta)
    out = []
    for l in range(lmax + 1):
        scale = 1.0
        if normalization == "component":
            scale = math.sqrt(4 * math.pi)
        elif normalization == "norm":
            scale = math.sqrt(4 * math.pi / (2 * l + 1))
        coef = legendre_coefficients(l)
        for m in range(-l, l + 1):
            am = abs(m)
            c = coef
            for _ in range(am):
                c = [k * c[k] for k in range(1, len(c))]
            poly = sum(ck * t ** k for k, ck in enumerate(c))
            p = s ** am * poly
            n = math.sqrt((2 * l + 1) / (4 * math.pi)
                          * math.factorial(l - am) / math.factorial(l + am))
            if m == 0:
                y_lm = n * p
            elif m > 0:
                y_lm = math.sqrt(2) * n * p * torch.cos(am * phi)
            else:
                y_lm = math.sqrt(2) * n * p * torch.sin(am * phi)
            out.append(scale * y_lm)
    return torch.stack(out, dim=-1)


def radial_basis(r, cutoff, number, basis):
    """[E, number] e3nn soft_one_hot_linspace(r, 0, cutoff, number, basis,
    cutoff=True)."""
    values = torch.linspace(0.0, cutoff, number + 2, dtype=torch.float64)
    step = values[1] - values[0]
    values = values[1:-1]
    diff = (r[:, None] - values) / step
    if basis == "gaussian":
        return torch.exp(-diff ** 2) / 1.12
    if basis == "cosine":
        return torch.cos(math.pi / 2 * diff) * ((diff < 1) & (-1 < diff))
    if basis == "bessel":
        k = torch.arange(1, number + 1, dtype=torch.float64)
        x = r[:, None]
        out = math.sqrt(2 / cutoff) * torch.sin(k * math.pi * x / cutoff) / x
        return out * ((x / cutoff < 1) & (0 < x))
    raise ValueError(basis)


def spec(s, model):
    return "print<sh-edges<lmax=%d;normalization=%s;axes=%s;radial=%s;n_radial=%d;cutoff=%s>;model=%d>" % (
        s["lmax"], s["normalization"], s["axes"], s["radial"], s["n_radial"],
        repr(s["cutoff"]), model)


def run_qopt(qopt, path, settings, model):
    passes = ",".join(spec(s, model) for s in settings)
    proc = subprocess.run([qopt, path, "-passes=" + passes],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError("qopt exited %d: %s" % (proc.returncode, proc.stderr.strip()))
    tables, cur = [], None
    for line in proc.stdout.splitlines():
        if line.startswith("#print<"):
            cur = []
            tables.append(cur)
            continue
        if cur is None:  # a single print has no "#print" line
            cur = []
            tables.append(cur)
        cur.append(line)
    if len(tables) != len(settings):
        raise RuntimeError("expected %d tables, got %d" % (len(settings), len(tables)))
    return tables


def parse_table(lines):
    head = lines[0].split("\t")
    col = {n: i for i, n in enumerate(head)}
    sh_cols = [i for i, n in enumerate(head) if n.startswith("Y")]
    rbf_cols = [i for i, n in enumerate(head) if n.startswith("rbf")]
    rows = {}
    for line in lines[1:]:
        f = line.split("\t")
        ends = tuple(tuple("" if f[col[c + s]] == "." else f[col[c + s]]
                           for c in ("chain", "seq", "icode", "resname", "atom", "altloc"))
                     for s in ("_1", "_2"))
        key = (int(f[col["model_1"]]),) + ends
        if key in rows:
            raise RuntimeError("qir lists edge %s twice" % (key,))
        rows[key] = (float(f[col["distance"]]),
                     [float(f[i]) for i in sh_cols], [float(f[i]) for i in rbf_cols])
    return head, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("qopt")
    ap.add_argument("file")
    ap.add_argument("--lmax", type=int, default=3)
    ap.add_argument("--normalization", choices=NORMS, default="component")
    ap.add_argument("--axes", choices=AXES, default="e3nn")
    ap.add_argument("--radial", choices=RADIALS, default="gaussian")
    ap.add_argument("--n-radial", type=int, default=8)
    ap.add_argument("--cutoff", type=float, default=5.0)
    ap.add_argument("--model", type=int, default=0, help="model number, 0: all")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--tol", type=float, default=1e-6)
    args = ap.parse_args()

    if args.grid:
        settings = []
        for i, (lmax, norm, axes) in enumerate(itertools.product(range(7), NORMS, AXES)):
            settings.append(dict(lmax=lmax, normalization=norm, axes=axes,
                                 radial=RADIALS[i % 3], n_radial=(8, 5, 12)[(i // 3) % 3],
                                 cutoff=args.cutoff))
    else:
        settings = [dict(lmax=args.lmax, normalization=args.normalization, axes=args.axes,
                         radial=args.radial, n_radial=args.n_radial, cutoff=args.cutoff)]

    st = gemmi.read_structure(args.file)
    edges, boundary = {}, set()
    for model in st:
        num = int(model.name)
        if args.model and num != args.model:
            continue
        e, b = model_edges(model, args.cutoff)
        for k, v in e.items():
            edges[(num,) + k] = v
        boundary |= {(num,) + k for k in b}
    keys = sorted(edges)
    vec = torch.stack([edges[k] for k in keys]) if keys else torch.zeros(0, 3, dtype=torch.float64)
    length = vec.norm(dim=-1)

    tables = run_qopt(args.qopt, args.file, settings, args.model)
    failures = 0
    for s, lines in zip(settings, tables):
        head, rows = parse_table(lines)
        name = " ".join("%s=%s" % kv for kv in s.items())
        problems = []
        missing = [k for k in keys if k not in rows and k not in boundary]
        extra = [k for k in rows if k not in edges and k not in boundary]
        if missing:
            problems.append("%d edges missing in qir, e.g. %s" % (len(missing), missing[0]))
        if extra:
            problems.append("%d edges only in qir, e.g. %s" % (len(extra), extra[0]))
        nsh = (s["lmax"] + 1) ** 2
        if sum(1 for h in head if h.startswith("Y")) != nsh:
            problems.append("header has not %d Y columns" % nsh)
        common = [i for i, k in enumerate(keys) if k in rows]
        dy = dr = dd = 0.0
        if common:
            idx = torch.tensor(common)
            want_y = real_sh(s["lmax"], vec[idx], s["normalization"], s["axes"])
            want_r = radial_basis(length[idx], s["cutoff"], s["n_radial"], s["radial"])
            got_y = torch.tensor([rows[keys[i]][1] for i in common], dtype=torch.float64)
            got_r = torch.tensor([rows[keys[i]][2] for i in common], dtype=torch.float64)
            got_d = torch.tensor([rows[keys[i]][0] for i in common], dtype=torch.float64)
            if got_y.shape != want_y.shape or got_r.shape != want_r.shape:
                problems.append("shapes differ: %s %s vs %s %s" % (
                    tuple(got_y.shape), tuple(got_r.shape), tuple(want_y.shape), tuple(want_r.shape)))
            else:
                dy = (got_y - want_y).abs().max().item()
                dr = (got_r - want_r).abs().max().item()
                dd = (got_d - length[idx]).abs().max().item()
                if dy > args.tol:
                    problems.append("max |dY| %.3g" % dy)
                if dr > args.tol:
                    problems.append("max |drbf| %.3g" % dr)
                if dd > 0.0005 + 1e-6:  # 3 decimals of a float32 length
                    problems.append("max |ddistance| %.3g" % dd)
        status = "FAIL" if problems else "ok"
        failures += bool(problems)
        print("%s %s: %d edges (%d boundary), max |dY| %.2e, max |drbf| %.2e%s" % (
            status, name, len(common), len(boundary), dy, dr,
            "" if not problems else "; " + "; ".join(problems)))
    print("%s: %d of %d settings agree" % ("FAIL" if failures else "ok",
                                          len(settings) - failures, len(settings)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
