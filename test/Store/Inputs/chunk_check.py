#!/usr/bin/python3
"""Check that a qir partial read touched only the chunks holding its atoms.

Usage: chunk_check.py STORE READ_LOG DUMP_TSV CHAIN FROM TO NAME [MODEL]

STORE was read by `qir-dump STORE --select='chain CHAIN and resid FROM to TO
and name NAME' [--model=MODEL] --table=atoms` with QIR_STORE_READ_LOG=READ_LOG
(HDF5's log driver: one line per read, "START-END (SIZE bytes) (TYPE) Read").
DUMP_TSV is that command's output.

Independently of qir, with h5py and numpy only, this script
  - evaluates the selection on the store's columns (atoms -> residues ->
    chains), giving the expected atom rows and states;
  - maps every raw-data read of the log to the chunk of a dataset at that
    file address (h5py's get_chunk_info);
  - prints, per dataset, the chunks read against the chunks holding the
    selection, and whether the coordinates printed equal the stored ones.
"""
import re
import sys

import h5py
import numpy as np

store, log, dump, chain, lo, hi, name = sys.argv[1:8]
model = int(sys.argv[8]) if len(sys.argv) > 8 else None
lo, hi = int(lo), int(hi)

f = h5py.File(store, "r")
core = f["core"]
res_of_atom = core["atoms/residue"][:]
chain_of_res = core["residues/chain"][:]
seq = core["residues/auth_seq"][:]
icode = core["residues/icode"][:]
auth = core["chains/auth_id"][:]
names = core["atoms/name"][:]
models = core["states/model_number"][:]

want_chain = auth[chain_of_res[res_of_atom]] == chain.encode()
want_seq = (seq[res_of_atom] >= lo) & (seq[res_of_atom] <= hi)
# 'resid FROM to TO' covers insertion codes after TO's number only up to
# TO itself (blank code): drop TO's inserted residues.
want_seq &= ~((seq[res_of_atom] == hi) & (icode[res_of_atom] != b""))
want_name = names == name.encode()
atoms = np.nonzero(want_chain & want_seq & want_name)[0]
states = [i for i, m in enumerate(models) if model is None or m == model]
print("selected atoms", len(atoms), "states", len(states))

# Raw-data reads of the log, as (start, size).
reads = []
for line in open(log):
    m = re.match(r"\s*(\d+)-\s*(\d+) \(\s*(\d+) bytes\) \((\w+)\) Read", line)
    if m and m.group(4) == "H5FD_MEM_DRAW":
        reads.append((int(m.group(1)), int(m.group(3))))


def chunks_read(ds):
    """Chunk offsets (tuples) of ds whose bytes a logged read covered."""
    space = ds.id.get_space()
    out = set()
    by_addr = {}
    for i in range(ds.id.get_num_chunks(space)):
        info = ds.id.get_chunk_info(i, space)
        by_addr[info.byte_offset] = (info.chunk_offset, info.size)
    for start, size in reads:
        for addr, (off, csize) in by_addr.items():
            if start < addr + csize and addr < start + size:
                out.add(off)
    return out, len(by_addr)


def report(path, expected):
    ds = f[path]
    got, total = chunks_read(ds)
    print(
        "%s: %d of %d chunks read; exactly the selection's: %s"
        % (path, len(got), total, got == expected)
    )
    if got != expected:
        print("  read", sorted(got))
        print("  want", sorted(expected))


coords = core["states/coords"]
catoms = coords.chunks[1]
report(
    "core/states/coords",
    {(s, (a // catoms) * catoms, 0) for s in states for a in atoms},
)
for col in ("b_iso", "occupancy", "serial", "charge", "atomic_number"):
    rows = core["atoms/" + col].chunks[0]
    report("core/atoms/" + col, {((a // rows) * rows,) for a in atoms})

# The printed coordinates are the stored ones.
rows = [l.rstrip("\n").split("\t") for l in open(dump)]
head, body = rows[0], rows[1:]
xyz = np.array([[float(r[head.index(c)]) for c in "xyz"] for r in body])
stored = np.concatenate([coords[s, atoms, :] for s in states])
print(
    "printed rows", len(body), "coordinates equal stored:",
    xyz.shape == stored.shape and bool(np.all(np.abs(xyz - stored) < 6e-4)),
)
