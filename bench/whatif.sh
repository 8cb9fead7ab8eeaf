#!/usr/bin/env bash
# Times whatif for every folder holding modules after one analysis (bench/WhatIfAll.java).
# Usage: bench/whatif.sh PATH/TO/linux-image-*.deb POLICY.yaml CACHE_DIR
# (a size cache that already holds the packages' payloads makes the untimed analysis quick)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench
javac -cp "$cp" -d target/bench bench/WhatIfAll.java
java -cp "$cp:target/bench" WhatIfAll "$@"
