#!/usr/bin/env bash
# Whole-process timings of `kslim check` with exact compressed sizes against `dpkg-deb -b`
# building the same files with the same compressor (xz -6, every core), in one hyperfine run:
# dpkg-deb once per package of the split (each package's file set unpacked as its own tree, built
# one after another), kslim with the host's xz, unless WHOLE=0 dpkg-deb once on the whole
# unpacked package, unless BUILTIN=0 kslim with its built-in compressor. Before them, with the
# cache warmed by one run, re-checks after a policy edit that changes no package's file set (a
# new reason).
# usage: [WHOLE=0] [BUILTIN=0] [WARMUP=N] bench/check.sh IMAGE.deb WORK_DIR [RUNS]
set -euo pipefail
deb=$1; work=$2; runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
kslim="$here/bin/kslim"
mkdir -p "$work"
control() {
  mkdir -p "$1/DEBIAN"
  printf 'Package: bench-%s\nVersion: 1\nArchitecture: amd64\nMaintainer: bench <bench@example.org>\nDescription: bench\n' \
    "$2" > "$1/DEBIAN/control"
}
tree="$work/tree"
if [ ! -d "$tree/DEBIAN" ]; then
  dpkg-deb -x "$deb" "$tree"
  control "$tree" whole
fi
cache="$work/cache"
edited="$work/cloud-edited.yaml"
cp "$here/policies/cloud.yaml" "$work/cloud.yaml"
# the edit: a new reason on the default rule; no package's file set changes
sed 's/reason: what no rule claims/reason: (edited) what no rule claims/' "$work/cloud.yaml" > "$edited"

# each package of the split as its own tree: the image package holds every entry but the
# modules the other packages list (as kslim places them), hard links into the unpacked tree
image=$(sed -n 's/^image: *//p' "$work/cloud.yaml")
lists="$work/lists"
sets="$work/sets"
if [ ! -d "$lists" ]; then
  XDG_CACHE_HOME="$work/split-cache" "$kslim" split "$deb" --policy "$work/cloud.yaml" --compressor system --out "$lists" -q >/dev/null
fi
if [ ! -d "$sets" ]; then
  mkdir -p "$sets"
  cp -al "$tree" "$sets/$image"
  rm -r "$sets/$image/DEBIAN"
  control "$sets/$image" "$image"
  for list in "$lists"/*.list; do
    name=$(basename "$list" .list)
    [ "$name" = "$image" ] && continue
    while read -r path; do
      mkdir -p "$sets/$name$(dirname "$path")"
      ln "$tree$path" "$sets/$name$path"
      rm "$sets/$image$path"
    done < "$list"
    control "$sets/$name" "$name"
  done
fi
builder="$work/build-sets.sh"
cat > "$builder" <<SCRIPT
#!/bin/sh
set -e
rm -rf "$work/out"; mkdir -p "$work/out"
for set in "$sets"/*; do dpkg-deb -Zxz -z6 -b "\$set" "$work/out/\$(basename "\$set").deb" >/dev/null; done
SCRIPT
chmod +x "$builder"

summary() {
  python3 "$here/bench/median.py" "$1"
}

echo "| command | median s | range s |"
echo "|---|---|---|"
# re-checks first: warm the cache with the original policy, then time re-checks with the edited one
rm -rf "$cache"
XDG_CACHE_HOME="$cache" "$kslim" check "$deb" --policy "$work/cloud.yaml" --compressor system -q >/dev/null || true
XDG_CACHE_HOME="$cache" hyperfine -N -i -w 1 -r "$runs" --export-json "$work/recheck.json" \
  "$kslim check $deb --policy $edited --compressor system -q" >"$work/hyperfine.log"
summary "$work/recheck.json"
commands=("$builder" "$kslim check $deb --policy $work/cloud.yaml --compressor system --no-cache -q")
[ "${WHOLE:-1}" = 1 ] && commands+=("dpkg-deb -Zxz -z6 -b $tree $work/whole.deb")
[ "${BUILTIN:-1}" = 1 ] && commands+=("$kslim check $deb --policy $work/cloud.yaml --compressor builtin --no-cache -q")
hyperfine -N -i -w "${WARMUP:-0}" -r "$runs" --export-json "$work/check.json" "${commands[@]}" >>"$work/hyperfine.log"
summary "$work/check.json"
