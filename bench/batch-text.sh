#!/usr/bin/env bash
# Text-ticket benchmark (issue 14: batch of text tickets within 2x of batch of bundles). In one run: `batch` on all
# cores over N tickets as bundles (the floor), as JSON lines with the ticket's text, and as a help-desk CSV export,
# each after a warm-up pass; prints tickets/s and the ratios text/bundles. Usage: bench/batch-text.sh [--tickets N]
# (default 5,000: about a minute on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/tokendoctor.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main rules pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" mvn -q -B -DskipTests package >&2
fi
exec java ${BENCH_JAVA_OPTS:-} -Xms1g -Xmx1g -cp "$jar" dev.tokendoctor.batch.BatchBenchmark --text --samples facts-samples \
  --rules rules --work target/bench-text "$@"
