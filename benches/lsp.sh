#!/usr/bin/env bash
# Benchmarks `cardfile lsp`: the time from a keystroke (`didChange`) to the diagnostics it
# produces (`publishDiagnostics`), on the synthetic trees of benches/bench.sh (see
# docs/performance.md; targets: 150 ms at 1,000 customers, 500 ms at 10,000).
#
#   benches/lsp.sh                   1,000 and 10,000 customers, 40 edits each
#   benches/lsp.sh --sizes "1000"    just these sizes
#   benches/lsp.sh --edits 100       more edits
#   benches/lsp.sh --no-build        use the binaries already in target/release
#
# Trees are those of benches/bench.sh (target/bench-data/<N>, BENCH_DATA=DIR to move them),
# generated when missing with the same generator and seed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TODAY=2026-11-25
SEED=42
SIZES=(1000 10000)
EDITS=40
BUILD=1
DATA=${BENCH_DATA:-$ROOT/target/bench-data}

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) read -r -a SIZES <<<"$2"; shift ;;
        --edits) EDITS=$2; shift ;;
        --no-build) BUILD=0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

command -v jq >/dev/null || { echo "benches/lsp.sh needs jq (apt-get install jq)" >&2; exit 2; }

if ((BUILD)); then
    echo "building release ..." >&2
    cargo build --release --quiet --bin cardfile --example generate
fi
CARDFILE=$ROOT/target/release/cardfile
GENERATE=$ROOT/target/release/examples/generate
# shellcheck source=benches/trees.sh
source benches/trees.sh

echo "| customers | first load ms | edits | median ms | p90 ms | max ms |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    dir=$(tree_for "$n")
    python3 benches/lsp_latency.py "$CARDFILE" "$dir" --edits "$EDITS" --today "$TODAY" |
        jq -r --arg n "$n" '"| \($n) | \(.first_load_ms) | \(.edits) | \(.median_ms) | \(.p90_ms) | \(.max_ms) |"'
done
echo >&2
echo "cardfile: $(git describe --always --dirty 2>/dev/null || echo unknown)" >&2
echo "machine: $(uptime | sed 's/.*load/load/'); $(nproc) CPUs" >&2
