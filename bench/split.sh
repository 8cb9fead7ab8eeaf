#!/usr/bin/env bash
# Times kslim's placement of a kernel's modules by a policy in a running JVM (bench/SplitPlacement.java)
# and, when given, Fedora's filtermods.py sorting the same kernel's modules.dep by the same rule file.
# Usage: bench/split.sh PATH/TO/linux-image-*.deb POLICY.yaml [PATH/TO/filtermods.py MODULES.DEP]
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1; policy=$2
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench
javac -cp "$cp" -d target/bench bench/SplitPlacement.java
java -cp "$cp:target/bench" SplitPlacement "$deb" "$policy"
if [ $# -ge 4 ]; then
  out=$(mktemp -d)
  hyperfine -w 1 -r 5 "python3 $3 -q -l $out/log sort -d $4 -c $policy -o $out"
  rm -rf "$out"
fi
