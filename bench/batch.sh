#!/usr/bin/env bash
# Batch benchmark: generates a ticket file (100,000 tickets by default) from facts-samples/ and prints, in one
# run, tickets/s for the parse floor (read + Jackson/BundleCodec, one thread, no rules), for `batch` on one
# thread and on all cores, the ratio batch/floor, and the peak RSS. Usage: bench/batch.sh [--tickets N]
# BENCH_JAVA_OPTS=-Dtokendoctor.bench.checks=true measures the whole knowledge base (with the .check rules)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/tokendoctor.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main rules pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" mvn -q -B -DskipTests package >&2
fi
# Full JIT (no TieredStopAtLevel=1 here: a long batch run wants C2) with the launcher's flags for a large batch
# (-Xmx256m, the serial collector, a 64 MiB code cache; issue 16); the last line is the peak RSS of the whole run.
exec java -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m ${BENCH_JAVA_OPTS:-} -cp "$jar" dev.tokendoctor.batch.BatchBenchmark --samples facts-samples --rules rules \
  --work target/bench "$@"
