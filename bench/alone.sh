#!/usr/bin/env bash
# Files a second of the per-file compressed figures, before and after encoder reuse (bench/org/kslim/size/AloneRate.java).
# Usage: bench/alone.sh PATH/TO/linux-image-*.deb|TREE EVERY_NTH before|after|both
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench
javac -cp "$cp" -d target/bench bench/org/kslim/size/AloneRate.java
java -Xmx2g -cp "$cp:target/bench" org.kslim.size.AloneRate "$@"
