#!/usr/bin/env bash
# Installs the Debian 12 packages qir needs to build and test, skipping what
# is already there. Used by utils/check.sh and utils/demo.sh.
#
#   utils/install-deps.sh           build + test dependencies and oracles
#   QIR_DEPS=build utils/install-deps.sh   build dependencies only
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build ccache git pkg-config
  llvm-19-dev llvm-19-tools libzstd-dev zlib1g-dev
  libmlir-19-dev mlir-19-tools
  libhdf5-dev libeigen3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
# Oracles the tests and benchmarks run against, and the structure files
# Debian installs (Biopython's test folder, FreeSASA's test data).
test_pkgs=(
  python3 python3-numpy python3-gemmi gemmi python3-mdtraj
  python3-biopython python-biopython-doc python3-h5py python3-torch
  dssp freesasa time
)

pkgs=("${build_pkgs[@]}")
if [ "${QIR_DEPS:-all}" != build ]; then
  pkgs+=("${test_pkgs[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
