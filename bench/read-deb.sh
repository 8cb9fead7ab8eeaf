#!/usr/bin/env bash
# Compares streaming every entry of a .deb with kslim's reader against dpkg-deb's own decoding.
# Usage: bench/read-deb.sh PATH/TO/linux-image-*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench
javac -cp "$cp" -d target/bench bench/ReadPackage.java
hyperfine -w 1 -r 5 \
  "java -cp $cp:target/bench ReadPackage $deb" \
  "dpkg-deb --fsys-tarfile $deb > /dev/null"
