# -*- Python -*-
# Configuration of the qir lit suite. Build facts (tool and source
# directories) come from lit.site.cfg.py, which CMake writes into the build
# tree and which loads this file.

import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "qir"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.qir_obj_root, "test")

llvm_config.with_system_environment(["HOME", "TMP", "TEMP", "QIR_CORPUS"])

# --- Substitutions --------------------------------------------------------
# lit applies config.substitutions in order and before its own (%s, %t,
# %p, ...), so %python is replaced before lit's %p could touch it.
config.substitutions.append(("%python", '"%s"' % config.python_executable))

# The regression corpus lives beside the source tree (../shared/corpus, see
# its README); QIR_CORPUS overrides that.
corpus_dir = os.environ.get("QIR_CORPUS") or os.path.join(
    config.qir_src_root, "..", "shared", "corpus")
corpus_dir = os.path.realpath(corpus_dir)
config.substitutions.append(("%corpus", corpus_dir))
config.substitutions.append(
    ("%inputs", os.path.join(config.qir_src_root, "test", "Inputs")))
config.substitutions.append(
    ("%oracle", os.path.join(config.qir_src_root, "utils", "oracle")))
config.substitutions.append(("%qir_obj_root", config.qir_obj_root))
config.substitutions.append(("%qir_src_root", config.qir_src_root))

# qir's own tools first, then LLVM's testing tools.
llvm_config.add_tool_substitutions(
    ["qir-dump", "qopt", "qir-pack", "qir-dssp", "FileCheck", "not",
     "split-file"],
    [config.qir_tools_dir, config.llvm_tools_dir])

# --- Features -------------------------------------------------------------
if os.path.isdir(corpus_dir):
    config.available_features.add("corpus")
else:
    lit_config.note(
        "corpus tests are skipped: no corpus at %s (clone it to "
        "../shared/corpus beside the source tree or set QIR_CORPUS)"
        % corpus_dir)


def python_has(module):
    try:
        return subprocess.run(
            [config.python_executable, "-c", "import " + module],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


if python_has("gemmi"):
    config.available_features.add("gemmi-python")
else:
    lit_config.note("oracle tests are skipped: %s cannot import gemmi"
                    % config.python_executable)

for module, feature in [("mdtraj", "mdtraj-python"),
                        ("torch", "torch-python")]:
    if python_has(module):
        config.available_features.add(feature)
    else:
        lit_config.note("tests needing the %s module are skipped" % module)

for tool in ["mkdssp", "freesasa", "gemmi"]:
    if shutil.which(tool):
        config.available_features.add(tool)

if os.path.isdir("/usr/share/doc/python-biopython-doc/Tests/PDB"):
    config.available_features.add("biopython-tests")
if os.path.isdir("/usr/share/freesasa/test-data"):
    config.available_features.add("freesasa-data")
