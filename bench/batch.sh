#!/usr/bin/env bash
# Batch benchmark: generates a ticket file (100,000 tickets by default) from facts-samples/ and prints, in one
# run, tickets/s for the parse floor (read + Jackson/BundleCodec, one thread, no rules), for `batch` on one
# thread and on all cores, and the ratio batch/floor. Usage: bench/batch.sh [--tickets N]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/tokendoctor.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main rules pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" mvn -q -B -DskipTests package >&2
fi
# Full JIT (no TieredStopAtLevel=1 here: a long batch run wants C2) and a fixed heap.
exec java ${BENCH_JAVA_OPTS:-} -Xms1g -Xmx1g -cp "$jar" dev.tokendoctor.batch.BatchBenchmark --samples facts-samples --rules rules \
  --work target/bench "$@"
