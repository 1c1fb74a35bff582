#!/usr/bin/env bash
# Batch end to end, as people run it: the launcher on N tickets generated from facts-samples/ (5,000, 20,000 and
# 100,000 by default), once with C1 alone and once with the full JIT (TOKENDOCTOR_BATCH_JIT), JVM start, knowledge
# base and warm-up included. Prints seconds, tickets/s and peak RSS (MiB) of each, the ratio C1/full, and what the launcher's size
# rule picks for that input. Usage: bench/batch-sizes.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
./tokendoctor --version >/dev/null # builds the jar when needed
work=target/bench/sizes
mkdir -p "$work"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000 100000)
rss="$work/rss"
seconds() { # runs the launcher's batch with TOKENDOCTOR_BATCH_JIT=$1 on $2; prints the wall time in seconds
  rm -rf "$work/out" "$rss"
  local start end
  start=$(date +%s%N)
  # GNU time, when there is one, records the peak RSS (the launcher execs java, so it is the JVM's).
  if [ -x /usr/bin/time ]; then
    TOKENDOCTOR_BATCH_JIT="$1" /usr/bin/time -f %M -o "$rss" ./tokendoctor batch "$2" --out "$work/out" >/dev/null 2>&1 || [ $? -eq 1 ]
  else
    TOKENDOCTOR_BATCH_JIT="$1" ./tokendoctor batch "$2" --out "$work/out" >/dev/null 2>&1 || [ $? -eq 1 ]
  fi
  end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000000" | bc
}
peak() { # the peak RSS of the last run in MiB, or ? without GNU time
  if [ -s "$rss" ]; then echo $(( $(tail -1 "$rss" | tr -dc 0-9) / 1024 )); else echo "?"; fi
}
printf '%-9s %10s %9s %7s %10s %9s %7s %9s  %s\n' tickets "C1 s" "C1 t/s" "C1 MiB" "full s" "full t/s" "full MiB" "C1/full" "launcher picks"
for n in "${sizes[@]}"; do
  file="$work/tickets-$n.jsonl"
  [ -f "$file" ] || java -cp target/tokendoctor.jar dev.tokendoctor.batch.BatchBenchmark --samples facts-samples \
    --tickets "$n" --generate-only "$file"
  c1=$(seconds c1 "$file")
  c1rss=$(peak)
  full=$(seconds full "$file")
  fullrss=$(peak)
  # --threads 0 is refused at once: the trace shows the java command without running a batch.
  trace=$(bash -x ./tokendoctor batch "$file" --out "$work/pick" --threads 0 2>&1 </dev/null || true)
  picks=full
  if grep -q 'TieredStopAtLevel=1 -jar' <<<"$trace"; then picks=C1; fi
  printf '%-9s %10s %9.0f %7s %10s %9.0f %7s %9.2f  %s\n' "$n" "$c1" "$(echo "$n / $c1" | bc -l)" "$c1rss" "$full" \
    "$(echo "$n / $full" | bc -l)" "$fullrss" "$(echo "$c1 / $full" | bc -l)" "$picks"
done
rm -rf "$work/out" "$work/pick" "$rss"
