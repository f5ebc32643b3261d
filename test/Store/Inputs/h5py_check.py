"""Read a qir structure store with h5py + numpy only and compare with gemmi."""
import hashlib
import sys

import gemmi
import h5py
import numpy as np

store, source = sys.argv[1], sys.argv[2]
f = h5py.File(store, "r")
print("format", f.attrs["format_major"], f.attrs["format_minor"], f.attrs["kind"])
coords = f["core/states/coords"][:]
names = f["core/atoms/name"][:]
models = f["core/states/model_number"][:]
print("models", len(models), "atoms", coords.shape[1])

st = gemmi.read_structure(source)
ok_xyz, ok_names = True, True
for m, model in enumerate(st):
    g = np.array([a.pos.tolist() for ch in model for r in ch for a in r])
    ok_xyz &= g.shape == coords[m].shape and np.allclose(g, coords[m], atol=5e-4)
    n = [a.name.encode() for ch in model for r in ch for a in r]
    ok_names &= n == list(names)
print("coordinates equal gemmi:", bool(ok_xyz))
print("names equal gemmi:", bool(ok_names))
sha = hashlib.sha256(open(source, "rb").read()).hexdigest()
for name, group in f["overlays"].items():
    for key, ov in group.items():
        a = ov.attrs
        print("overlay", a["qir_analysis"], "created", a["qir_created"],
              "stale", int(a["qir_stale"]),
              "sha256", "ok" if a["qir_source_sha256"] == sha else "WRONG")
