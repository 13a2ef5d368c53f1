#!/usr/bin/env bash
# Runs a command and prints its resident memory every 100 ms, so that a peak can be placed in
# a phase of the build (see docs/performance.md, "Fourth round"):
#
#   benches/rss_timeline.sh target/release/cardfile build --no-history -q \
#       --records target/bench-data/10000 --out /tmp/site --today 2026-11-25
#
# Each line: seconds since the start, then VmRSS in MB. The last line is the peak (VmHWM).
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
"$@" &
pid=$!
start=$(date +%s%N)
peak=0
while kill -0 "$pid" 2>/dev/null; do
    if status=$(cat "/proc/$pid/status" 2>/dev/null); then
        rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' <<<"$status")
        hwm=$(awk '/^VmHWM/ { print int($2 / 1024) }' <<<"$status")
        [ -n "$hwm" ] && peak=$hwm
        [ -n "$rss" ] && awk -v t="$(( $(date +%s%N) - start ))" -v m="$rss" 'BEGIN { printf "%5.1f s %5d MB\n", t / 1e9, m }'
    fi
    sleep 0.1
done
wait "$pid"
echo "peak (VmHWM, last sample) ${peak} MB"
