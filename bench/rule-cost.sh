#!/usr/bin/env bash
# Per-rule cost report (issue 16): each rule file compiled alone against a trivial base (the tables, the templates,
# the vocabulary rules), the tickets of bench/batch.sh diagnosed on one thread, and the file's cost per ticket
# (time and bytes allocated, minus the base's), costliest first; the whole knowledge base, and without its .check
# rules (what batch runs), for scale. Files whose rules fire on the tables alone are marked.
# Usage: bench/rule-cost.sh [--tickets N] [--rounds R] [--only TEXT]   (N=1000, R=5; --only: files whose path has TEXT)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/tokendoctor.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}" mvn -q -B -DskipTests package >&2
fi
exec java ${BENCH_JAVA_OPTS:-} -Xms512m -Xmx512m -cp "$jar" dev.tokendoctor.batch.RuleCostReport --samples facts-samples \
  --rules rules --work target/bench-rule-cost "$@"
