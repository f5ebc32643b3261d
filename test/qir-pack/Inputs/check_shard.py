"""Check a qir-pack shard against gemmi, reading it with h5py only.

    check_shard.py SHARD [--remove-hydrogens] FILE...

FILE... are the files the shard should hold, in order. For each one the
/toc row must name it (source_path, and the SHA-256 of its bytes), and its
atoms must be gemmi's: the toc's state_count is gemmi's number of models,
record_count is states * atoms (the union topology), and per model the
atoms present (/core/states/present, all when the shard has no such column)
are as many as gemmi's atoms of that model. With --remove-hydrogens, gemmi
removes hydrogens first (what strip<hydrogens> does). Prints one line per
structure and exits 1 on the first mismatch.
"""
import hashlib
import sys

import gemmi
import h5py


def main(argv):
    shard, files = argv[1], argv[2:]
    remove_h = False
    if files and files[0] == "--remove-hydrogens":
        remove_h, files = True, files[1:]
    with h5py.File(shard, "r") as f:
        toc = f["toc"]
        ids = [x.decode() if isinstance(x, bytes) else x for x in toc["id"][:]]
        paths = [x.decode() if isinstance(x, bytes) else x
                 for x in toc["source_path"][:]]
        shas = [x.decode() if isinstance(x, bytes) else x
                for x in toc["source_sha256"][:]]
        if len(ids) != len(files):
            sys.exit("shard holds %d structures, expected %d"
                     % (len(ids), len(files)))
        present = f["core/states/present"] if "core/states/present" in f \
            else None
        for i, path in enumerate(files):
            if paths[i] != path:
                sys.exit("row %d: source_path %s, expected %s"
                         % (i, paths[i], path))
            with open(path, "rb") as fh:
                sha = hashlib.sha256(fh.read()).hexdigest()
            if shas[i] != sha:
                sys.exit("row %d: sha256 %s, expected %s" % (i, shas[i], sha))
            st = gemmi.read_structure(path)
            if remove_h:
                st.remove_hydrogens()
            per_model = [sum(1 for ch in m for r in ch for a in r) for m in st]
            atoms = int(toc["atom_count"][i])
            states = int(toc["state_count"][i])
            records = int(toc["record_count"][i])
            rec_off = int(toc["record_offset"][i])
            if states != len(per_model):
                sys.exit("%s: %d states, gemmi has %d models"
                         % (ids[i], states, len(per_model)))
            if records != states * atoms:
                sys.exit("%s: record_count %d != states %d * atoms %d"
                         % (ids[i], records, states, atoms))
            if present is not None:
                mask = present[rec_off:rec_off + records].reshape(states,
                                                                  atoms)
                ours = [int(row.sum()) for row in mask]
            else:
                ours = [atoms] * states
            if ours != per_model:
                sys.exit("%s: atoms per model %s, gemmi %s"
                         % (ids[i], ours[:5], per_model[:5]))
            print("%s\t%s\t%d atoms\t%d models\tok"
                  % (ids[i], path.rsplit("/", 1)[-1], atoms, states))
    print("%d structures agree with gemmi" % len(files))


if __name__ == "__main__":
    main(sys.argv)
