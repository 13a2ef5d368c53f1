#!/usr/bin/env bash
# The cost of the git history (SPEC 11.1) on a fresh build (see docs/performance.md, "History").
#
#   benches/history.sh                  10,000 customers, 2,000 commits of 1–3 edited files
#   benches/history.sh --customers 1000 --commits 200 --runs 5
#   SCRATCH=/dev/shm benches/history.sh   the site written to memory: without the file system's noise
#
# Times `cardfile build` with and without `--no-history` in alternation (benches/pair.py: the
# medians and the median of the per-pair differences and ratios are what to quote), and the
# peak memory of each. The repository goes to target/bench-data/history-<N>-<COMMITS>.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CUSTOMERS=10000 COMMITS=2000 RUNS=10 SEED=42 TODAY=2026-11-25
while [[ $# -gt 0 ]]; do
    case $1 in
        --customers) CUSTOMERS=$2; shift ;;
        --commits) COMMITS=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
cargo build --release --quiet --bin cardfile --example generate
CARDFILE=$ROOT/target/release/cardfile
DATA=${BENCH_DATA:-$ROOT/target/bench-data}
REPO=$DATA/history-$CUSTOMERS-$COMMITS
if [[ ! -d $REPO/.git ]]; then
    tree=$(mktemp -d)
    "$ROOT/target/release/examples/generate" --customers "$CUSTOMERS" --out "$tree/records" --seed "$SEED" --force >&2
    python3 "$ROOT/benches/history_repo.py" "$tree/records" "$tree/repo" --commits "$COMMITS" --seed "$SEED"
    mkdir -p "$DATA"
    mv "$tree/repo" "$REPO" # only a finished repository is reused
    rm -rf "$tree"
fi
scratch=$(mktemp -d -p "${SCRATCH:-/tmp}")
trap 'rm -rf "$scratch"' EXIT
build="$CARDFILE build --records $REPO/records --out $scratch/site --today $TODAY"
"$CARDFILE" build --records "$REPO/records" --out "$scratch/site" --today "$TODAY" >&2
python3 "$ROOT/benches/pair.py" --runs "$RUNS" --prepare "rm -rf $scratch/site" "$build --no-history" "$build"
for flag in --no-history ""; do
    rm -rf "$scratch/site"
    kb=$(/usr/bin/time -v $build $flag 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')
    echo "peak RSS ${flag:-with history}: $((kb / 1024)) MB" >&2
done
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1)" >&2
