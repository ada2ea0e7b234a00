#!/usr/bin/env bash
# For offices whose Windows PCs already have Python: collect every wheel Tianbao needs for Windows x64 and
# CPython 3.10-3.13, plus Tianbao's own wheel and install.bat, into build/wheelhouse/ (copy that folder to
# the office PC and double-click install.bat there; nothing is downloaded on the office PC).
# Usage (on any networked machine with Python 3 and pip): bash packaging/build-wheelhouse.sh [PLATFORM ...]
#   PLATFORM defaults to win_amd64; the tests also build one for manylinux to resolve it offline here.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
OUT=${WHEELHOUSE:-build/wheelhouse}
PLATFORMS=("$@")
[ ${#PLATFORMS[@]} -gt 0 ] || PLATFORMS=(win_amd64)
mkdir -p "$OUT"
"$PY" -m pip wheel -q --no-deps -w "$OUT" . 2>&1 | grep -v '^WARNING: Location' || true
for plat in "${PLATFORMS[@]}"; do
  pargs=(--platform "$plat")
  if [[ $plat == manylinux* ]]; then
    # A manylinux wheel is tagged with the oldest glibc it needs: accept every tag up to this one.
    pargs=(--platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64
           --platform manylinux_2_34_x86_64 --platform manylinux_2_35_x86_64 --platform manylinux_2_39_x86_64)
  fi
  for pyver in ${PYVERSIONS:-3.10 3.11 3.12 3.13}; do
    "$PY" -m pip download -q --only-binary=:all: "${pargs[@]}" --python-version "$pyver" \
      --implementation cp -d "$OUT" "$OUT"/tianbao-*.whl 2>&1 | grep -v '^WARNING: Location' || true
    # pip download must succeed for every version: check again without filtering its error.
    "$PY" -m pip download -q --only-binary=:all: "${pargs[@]}" --python-version "$pyver" \
      --implementation cp -d "$OUT" "$OUT"/tianbao-*.whl >/dev/null 2>&1 \
      || { echo "缺少 $plat / Python $pyver 的安装包" >&2; exit 1; }
  done
done
cp packaging/windows/install.bat "$OUT/install.bat"
echo "离线安装文件夹: $OUT ($(ls "$OUT"/*.whl | wc -l) 个安装包, $(du -sh "$OUT" | cut -f1))"
