#!/usr/bin/env bash
# Installs what is missing, builds qir, runs every unit test (GoogleTest) and
# every lit test, and ends with one line "N passed, N failed". Exits non-zero
# on any failure.
#
#   utils/check.sh                 build in ./build
#   QIR_BUILD_DIR=/tmp/b utils/check.sh
#   QIR_JOBS=2 utils/check.sh      parallel jobs (default: nproc)
set -uo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${QIR_BUILD_DIR:-$src/build}
jobs=${QIR_JOBS:-$(nproc)}
start=$(date +%s)

step() { printf '\n== %s (%ds)\n' "$1" "$(( $(date +%s) - start ))"; }

step "dependencies"
"$src/utils/install-deps.sh" || { echo "dependency installation failed"; echo "0 passed, 1 failed"; exit 1; }

step "configure ($build)"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
fi
if ! cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
     "${launcher[@]}" >"$build.configure.log" 2>&1; then
  cat "$build.configure.log"; echo "configure failed"; echo "0 passed, 1 failed"; exit 1
fi
tail -n 3 "$build.configure.log"

step "build (-j$jobs)"
if ! ninja -C "$build" -j "$jobs"; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

passed=0
failed=0

step "unit tests"
for t in "$build"/unittests/*Tests; do
  [ -x "$t" ] || continue
  out=$("$t" --gtest_brief=1 2>&1); rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # crashed
  printf '%s: %s passed, %s failed\n' "$(basename "$t")" "$p" "$f"
  [ "$f" -ne 0 ] && printf '%s\n' "$out" | grep -E '^\[  FAILED  \]|Failure|error' | head -40
  passed=$((passed + p)); failed=$((failed + f))
done

step "lit tests"
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
out=$(/usr/bin/python3 "$lit" -sv -j "$jobs" "$build/test" 2>&1); rc=$?
printf '%s\n' "$out" | grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):|^\*\*\*\*|note:|warning:' | head -60
printf '%s\n' "$out" | grep -E '^(Total Discovered|  (Passed|Failed|Unsupported|Skipped|Expectedly Failed|Unresolved|Timed Out))' 
lp=$(printf '%s\n' "$out" | sed -n 's/^ *Passed *: *\([0-9]*\).*/\1/p' | tail -1)
lf=$(printf '%s\n' "$out" | sed -n 's/^ *Failed *: *\([0-9]*\).*/\1/p' | tail -1)
lu=$(printf '%s\n' "$out" | sed -n 's/^ *Unresolved *: *\([0-9]*\).*/\1/p' | tail -1)
lx=$(printf '%s\n' "$out" | sed -n 's/^ *Unexpectedly Passed *: *\([0-9]*\).*/\1/p' | tail -1)
ls_=$(printf '%s\n' "$out" | sed -n 's/^ *Unsupported *: *\([0-9]*\).*/\1/p' | tail -1)
lp=${lp:-0}; lf=$(( ${lf:-0} + ${lu:-0} + ${lx:-0} ))
if [ "$rc" -ne 0 ] && [ "$lf" -eq 0 ]; then printf '%s\n' "$out" | tail -20; lf=1; fi
passed=$((passed + lp)); failed=$((failed + lf))

step "done"
echo "unsupported lit tests (features absent, e.g. no corpus): ${ls_:-0}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
