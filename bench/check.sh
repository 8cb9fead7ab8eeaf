#!/usr/bin/env bash
# Whole-process timings of `kslim check` with exact compressed sizes against `dpkg-deb -b`
# building the same files with the same compressor (xz -6, every core), in one hyperfine run;
# then a re-check after a policy edit that changes no package's file set (cache warm).
# usage: bench/check.sh IMAGE.deb WORK_DIR [RUNS]
set -euo pipefail
deb=$1; work=$2; runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
kslim="$here/bin/kslim"
mkdir -p "$work"
tree="$work/tree"
if [ ! -d "$tree/DEBIAN" ]; then
  dpkg-deb -x "$deb" "$tree"
  mkdir -p "$tree/DEBIAN"
  printf 'Package: bench\nVersion: 1\nArchitecture: amd64\nMaintainer: bench <bench@example.org>\nDescription: bench\n' \
    > "$tree/DEBIAN/control"
fi
cache="$work/cache"
edited="$work/cloud-edited.yaml"
cp "$here/policies/cloud.yaml" "$work/cloud.yaml"
# the edit: a new reason on the default rule; no package's file set changes
sed 's/reason: what no rule claims/reason: (edited) what no rule claims/' "$work/cloud.yaml" > "$edited"

summary() {
  python3 "$here/bench/median.py" "$1"
}

echo "| command | median s | range s |"
echo "|---|---|---|"
hyperfine -N -i -w 0 -r "$runs" --export-json "$work/check.json" \
  --prepare "rm -rf $work/out.deb" \
  "dpkg-deb -Zxz -z6 -b $tree $work/out.deb" \
  "$kslim check $deb --policy $work/cloud.yaml --compressor system --no-cache" \
  "$kslim check $deb --policy $work/cloud.yaml --compressor builtin --no-cache" >/dev/null
summary "$work/check.json"
# warm the cache with the original policy, then time re-checks with the edited one
XDG_CACHE_HOME="$cache" "$kslim" check "$deb" --policy "$work/cloud.yaml" --compressor system >/dev/null
XDG_CACHE_HOME="$cache" hyperfine -N -i -w 1 -r "$runs" --export-json "$work/recheck.json" \
  "$kslim check $deb --policy $edited --compressor system" >/dev/null
summary "$work/recheck.json"
