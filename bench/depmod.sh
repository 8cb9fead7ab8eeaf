#!/usr/bin/env bash
# Whole-process timings of `kslim depmod` against kmod's `depmod` in one hyperfine run each
# (warm page cache, 2 warm-up runs, RUNS runs (default 10), median and range from the JSON export).
# bin/kslim's first depmod run writes its class-data archive (~/.cache/kslim, or KSLIM_CDS_DIR):
# the warm-up runs do, so the timed runs start as every later run of an installed kslim does.
# usage: [RUNS=5] bench/depmod.sh KERNELS_DIR WORK_DIR
#   KERNELS_DIR holds the Debian 6.1 generic image .deb (the shared kernels folder) and, fetched
#   with the shared `fetch` script, the 6.12 .ko.xz image .deb; WORK_DIR is scratch space.
set -euo pipefail
kernels=$1; work=$2; runs=${RUNS:-10}
here=$(cd "$(dirname "$0")/.." && pwd)
kslim="$here/bin/kslim"
generic=$(ls "$kernels"/linux-image-6.1.0-56-amd64-unsigned_*.deb)
xzdeb=$(ls "$kernels"/linux-image-6.12.*-amd64-unsigned_*.deb)
mkdir -p "$work"

extract() { # deb dir
  [ -d "$2/lib/modules" ] || dpkg-deb -x "$1" "$2"
}
extract "$generic" "$work/generic"
extract "$xzdeb" "$work/k612"
gv=$(ls "$work/generic/lib/modules"); xv=$(ls "$work/k612/lib/modules")

run() { # name, then hyperfine arguments
  local name=$1; shift
  hyperfine -N -w 2 -r "$runs" --export-json "$work/$name.json" "$@" >/dev/null
  python3 "$here/bench/median.py" "$work/$name.json"
}

echo "| command | median s | range s |"
echo "|---|---|---|"
run tree-6.1 \
  "$kslim depmod $work/generic --out $work/out-generic" \
  "depmod -b $work/generic $gv"
run tree-6.12-xz \
  "$kslim depmod $work/k612 --out $work/out-k612" \
  "depmod -b $work/k612 $xv"
run deb-6.1 --prepare "rm -rf $work/x" \
  "$kslim depmod $generic --out $work/out-deb" \
  "sh -c 'dpkg-deb -x $generic $work/x && depmod -b $work/x $gv'"
/usr/bin/time -f "peak RSS %M KiB: kslim depmod on the 6.1 generic .deb" "$kslim" depmod "$generic" --out "$work/out-deb" >/dev/null
