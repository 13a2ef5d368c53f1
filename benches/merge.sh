#!/usr/bin/env bash
# Times `cardfile merge` on a ~100 KB customer file (see docs/performance.md, "Merging a
# customer file"). The target is 50 ms or less.
#
#   benches/merge.sh               generate the files, build --release, time 30 runs
#   benches/merge.sh --kb 200      a larger file
#   benches/merge.sh --no-build    time target/release/cardfile as it is
#
# hyperfine is used when installed (its median and JSON go to target/bench-results/); else a
# loop of runs timed with the shell clock (`date +%s%N`), median printed. With `perf`, the
# CPU time per run (task-clock) is printed too.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
KB=100
RUNS=30
BUILD=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --kb) KB=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

BIN=${CARDFILE_BIN:-$ROOT/target/release/cardfile}
if [[ $BUILD == 1 ]]; then
    cargo build --release --locked --bin cardfile >&2
fi
DIR=$ROOT/target/bench-data/merge-$KB
RESULTS=${BENCH_RESULTS:-$ROOT/target/bench-results}
mkdir -p "$DIR" "$RESULTS"
python3 benches/merge_files.py "$DIR" "$KB"
echo "files: $(wc -c < "$DIR/base.toml") bytes (base), $(wc -c < "$DIR/ours.toml") (ours), $(wc -c < "$DIR/theirs.toml") (theirs)" >&2

# The driver overwrites OURS: every run starts from a fresh copy.
cp "$DIR/ours.toml" "$DIR/merged.toml"
"$BIN" merge "$DIR/base.toml" "$DIR/merged.toml" "$DIR/theirs.toml" records/customers/acme.toml >&2
RUN="$BIN merge $DIR/base.toml $DIR/merged.toml $DIR/theirs.toml records/customers/acme.toml"
PREPARE="cp $DIR/ours.toml $DIR/merged.toml"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 3 --runs "$RUNS" --prepare "$PREPARE" --export-json "$RESULTS/merge.json" "$RUN"
    if command -v jq >/dev/null 2>&1; then
        echo "median: $(jq '.results[0].median * 1000 | floor' "$RESULTS/merge.json") ms"
    fi
else
    times=()
    for ((i = 0; i < RUNS + 3; i++)); do
        $PREPARE
        start=$(date +%s%N)
        $RUN 2>/dev/null
        end=$(date +%s%N)
        ((i >= 3)) && times+=($(((end - start) / 1000)))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    echo "median of $RUNS runs: $((median / 1000)).$(printf '%03d' $((median % 1000))) ms (hyperfine not installed)"
fi
# CPU time, which a busy machine does not inflate as it does the wall clock.
if command -v perf >/dev/null 2>&1; then
    perf stat -r "$RUNS" --pre "$PREPARE" -e task-clock $RUN 2>&1 >/dev/null | grep -E 'task-clock|elapsed' || true
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
