#!/usr/bin/env bash
# Whole-process timings of `kslim split --format deb|rpm` (every package of the split and the meta
# package) against `dpkg-deb -b` and `rpmbuild -bb` building the same file sets with the same
# compressors: xz -6 on every core for the debs, rpm's w19.zstdio (zstd -19, one thread) for the
# rpms. The trees the two tools build from are unpacked once from kslim's own packages, outside
# the timing; kslim's size cache is warmed by the same preparing run, so each timed kslim run reads
# and analyses the input package and writes every package, as a user's second run does.
# usage: [WARMUP=N] bench/pack.sh IMAGE.deb POLICY WORK_DIR [RUNS] [deb|rpm|both]
# WARMUP (default 1): hyperfine warm-up runs; the preparing run has already read every input once.
set -euo pipefail
deb=$(realpath "$1"); policy=$(realpath "$2"); work=$3; runs=${4:-5}; which=${5:-both}
warmup=${WARMUP:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
kslim="$here/bin/kslim"
mkdir -p "$work"
work=$(realpath "$work")
export XDG_CACHE_HOME="$work/cache" SOURCE_DATE_EPOCH=1750000000

split() { # FORMAT COMPRESSOR OUT
  echo "$kslim split $deb --policy $policy --out $3 --format $1 --compressor $2 -q"
}

prepare_debs() {
  [ -f "$work/dpkg-all.sh" ] && return
  ls "$work"/kslim-deb/*.deb >/dev/null 2>&1 || $(split deb system "$work/kslim-deb") >/dev/null
  mkdir -p "$work/trees"
  for f in "$work"/kslim-deb/*.deb; do
    dpkg-deb -R "$f" "$work/trees/$(basename "$f" .deb)"
  done
  cat > "$work/dpkg-all.sh" <<EOF
set -e
mkdir -p "$work/dpkg-out"
for tree in "$work"/trees/*; do dpkg-deb -Zxz -z6 --root-owner-group -b "\$tree" "$work/dpkg-out" >/dev/null; done
EOF
}

prepare_rpms() {
  [ -f "$work/rpmbuild-all.sh" ] && return
  ls "$work"/kslim-rpm/*.rpm >/dev/null 2>&1 || $(split rpm builtin "$work/kslim-rpm") >/dev/null
  mkdir -p "$work/specs"
  for f in "$work"/kslim-rpm/*.rpm; do
    name=$(rpm -qp --qf '%{NAME}' "$f")
    root="$work/rpmtrees/$name"
    mkdir -p "$root"
    (cd "$root" && rpm2cpio "$f" | cpio -idm --quiet --no-absolute-filenames)
    {
      printf 'Name: %s\nVersion: %s\nRelease: %s\nSummary: bench\nLicense: GPL-2.0-only\nAutoReqProv: no\n' \
        "$name" "$(rpm -qp --qf '%{VERSION}' "$f")" "$(rpm -qp --qf '%{RELEASE}' "$f")"
      printf '%%define _binary_payload w19.zstdio\n%%define __os_install_post %%{nil}\n'
      printf '%%define _build_id_links none\n%%define debug_package %%{nil}\n'
      printf '%%description\nbench\n%%files\n%%defattr(-,root,root,-)\n'
      rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$f" | awk '{ print ($1 ~ /^d/ ? "%dir " : "") $2 }'
    } > "$work/specs/$name.spec"
  done
  cat > "$work/rpmbuild-all.sh" <<EOF
set -e
for spec in "$work"/specs/*.spec; do
  name=\$(basename "\$spec" .spec)
  rpmbuild -bb --quiet --noclean --buildroot "$work/rpmtrees/\$name" --define "_topdir $work/rpmbuild" "\$spec"
done
EOF
}

# one hyperfine run of a pair: NAME, what to remove before each run, the tool's command, kslim's
pair() {
  hyperfine -N -w "$warmup" -r "$runs" --export-json "$work/$1.json" --prepare "rm -rf $2" "$3" "$4" >/dev/null
  python3 "$here/bench/median.py" "$work/$1.json"
  echo "load average after the $1 pair: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$which" != rpm ]; then
  prepare_debs
  pair deb "$work/dpkg-out $work/kslim-deb-timed" "bash $work/dpkg-all.sh" "$(split deb system "$work/kslim-deb-timed")"
fi
if [ "$which" != deb ]; then
  prepare_rpms
  pair rpm "$work/rpmbuild/RPMS $work/kslim-rpm-timed" "bash $work/rpmbuild-all.sh" \
    "$(split rpm builtin "$work/kslim-rpm-timed")"
fi
