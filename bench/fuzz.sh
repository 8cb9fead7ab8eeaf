#!/usr/bin/env bash
# Fuzzes one target for a set time with Jazzer (JAZZER_FUZZ=1), in a test JVM of 512 MiB heap so an
# allocation the limits do not guard fails, each input bounded to FuzzContract.SECONDS_PER_INPUT.
# New interesting inputs go to .cifuzz-corpus/; findings to the target's folder under
# src/test/resources, which every `mvn verify` then replays. Prints libFuzzer's closing count.
# usage: bench/fuzz.sh elf|compressed|deb|rpm|policy [DURATION (default 10m)]
set -euo pipefail
cd "$(dirname "$0")/.."
case ${1:?target} in
  elf) test='org.kslim.kmod.ModuleFuzzTest#elf' ;;
  compressed) test='org.kslim.kmod.ModuleFuzzTest#compressed' ;;
  deb) test='org.kslim.source.PackageFuzzTest#deb' ;;
  rpm) test='org.kslim.source.PackageFuzzTest#rpm' ;;
  policy) test='org.kslim.policy.PolicyFuzzTest#parse' ;;
  *) echo "unknown target: $1 (elf, compressed, deb, rpm, policy)" >&2; exit 2 ;;
esac
duration=${2:-10m}
mkdir -p target/fuzz
log=target/fuzz/$1.log
status=0
JAZZER_FUZZ=1 mvn -B test -Dtest="$test" -Djazzer.max_duration="$duration" -Djazzer.keep_going=50 \
  -Djunit.jupiter.execution.timeout.mode=disabled -Dkslim.testHeap=512m -Dkslim.fuzzOutputToFile=false >"$log" 2>&1 || status=$?
grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' "$log" || true
grep -E 'FuzzTestFinding|== Java Exception' "$log" | sort | uniq -c || true
exit $status
