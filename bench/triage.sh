#!/usr/bin/env bash
# Triage speed (issue 14: triage of one ticket as fast as diagnose): medians of RUNS whole commands through the
# launcher, the daemon warm, in one run: `diagnose` of a sample bundle (the floor) and `triage` of a sample ticket
# on the same cause; prints both and the ratio triage/diagnose. Uses a private HOME, cache and socket folder, and
# stops its daemon at the end. Usage: bench/triage.sh [RUNS] (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
tmp="$(mktemp -d)"
trap './tokendoctor daemon stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
bundle=facts-samples/clock-skew.json
ticket=tickets-samples/clock-skew-cli.txt
./tokendoctor diagnose "$bundle" --format text >/dev/null 2>&1 || true
for _ in $(seq 1 90); do
  ./tokendoctor daemon status 2>/dev/null | grep -q 'daemon running' && break
  sleep 1
done
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for _ in 1 2 3; do ms ./tokendoctor diagnose "$bundle" --format text >/dev/null; ms ./tokendoctor triage "$ticket" --format text >/dev/null; done
d=$(for _ in $(seq 1 "$runs"); do ms ./tokendoctor diagnose "$bundle" --format text; done | median)
t=$(for _ in $(seq 1 "$runs"); do ms ./tokendoctor triage "$ticket" --format text; done | median)
echo "diagnose $bundle: median $d ms"
echo "triage   $ticket: median $t ms"
awk -v t="$t" -v d="$d" 'BEGIN { printf "ratio triage/diagnose = %.2f  (target <= 1.0: as fast as diagnose)\n", t / d }'
