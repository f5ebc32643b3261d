"""The coordinate files the corpus oracles walk (shared by the *_corpus.py,
dssp_mkdssp.py, neighbors_gemmi.py and sasa_freesasa.py scripts)."""
import os
import re

# PDB and mmCIF files, plain or gzip-compressed.
COORDINATES = re.compile(r"\.(cif|pdb|ent)(\.gz)?$")


def coordinate_files(paths):
    """Each path that is a file, and the coordinate files under each
    directory (sorted, chemical-component folders `ccd` left out). A single
    path may be given as a string."""
    if isinstance(paths, str):
        paths = [paths]
    for p in paths:
        if not os.path.isdir(p):
            yield p
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if d != "ccd")
            for name in sorted(filenames):
                if COORDINATES.search(name):
                    yield os.path.join(dirpath, name)
