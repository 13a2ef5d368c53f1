#!/usr/bin/env bash
# Benchmarks cardfile on synthetic records trees (see docs/performance.md).
#
#   benches/bench.sh                  1,000 and 10,000 customers, every command in COMMANDS
#   benches/bench.sh --large          also 100,000 customers (generating it takes a while)
#   benches/bench.sh --sizes "1000"   just these sizes
#   benches/bench.sh --commands check --runs 20
#   benches/bench.sh --regen          regenerate the trees even if they exist
#   benches/bench.sh --no-build       time the binaries already in target/release
#
# Trees go to target/bench-data/<N> (override with BENCH_DATA=DIR) and are reused when they
# were generated with the same count and seed. Results: a Markdown table on stdout and in
# target/bench-results/results.md, with hyperfine's JSON next to it.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

TODAY=2026-11-25
SEED=42
SIZES=(1000 10000)
RUNS=10
WARMUP=2
REGEN=0
BUILD=1
DATA=${BENCH_DATA:-$ROOT/target/bench-data}
RESULTS=${BENCH_RESULTS:-$ROOT/target/bench-results}

# The commands to time, by name. `{records}` and `{scratch}` are replaced per tree.
# To add one, add a line here and its name to COMMANDS.
declare -A COMMAND_LINE=(
    [check]="check --records {records} --today $TODAY"
    [export]="export --records {records} --today $TODAY --format json"
    [build]="build --records {records} --out {scratch}/site --today $TODAY"
    [rebuild]="build --records {records} --out {scratch}/site --today $TODAY"
)
# `build` writes a fresh site each run (the output is removed before each run); `rebuild`
# changes one customer before each run and rebuilds over the previous site (incremental);
# `hugo` builds the same content with Hugo, the peer; `paired` times, in one hyperfine run,
# a fresh `build`, the copy floor (`cp -r` of that build's own output into a fresh directory),
# Hugo and `check`, and prints the ratios (the targets are ratios: quote them from one run).
COMMANDS=(check export build rebuild hugo paired)

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --large) SIZES+=(100000) ;;
        --sizes) read -r -a SIZES <<<"$2"; shift ;;
        --commands) read -r -a COMMANDS <<<"$2"; shift ;;
        --runs) RUNS=$2; shift ;;
        --seed) SEED=$2; shift ;;
        --regen) REGEN=1 ;;
        --no-build) BUILD=0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

need() { # need COMMAND PACKAGE: installs PACKAGE with apt-get when COMMAND is missing
    if ! command -v "$1" >/dev/null 2>&1 && [[ ! -x $1 ]]; then
        echo "installing $2 ..." >&2
        apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
    fi
}
need hyperfine hyperfine
need /usr/bin/time time
need jq jq
need hugo hugo

if ((BUILD)); then
    echo "building release ..." >&2
    cargo build --release --quiet --bin cardfile --example generate
fi
CARDFILE=$ROOT/target/release/cardfile
GENERATE=$ROOT/target/release/examples/generate

mkdir -p "$DATA" "$RESULTS"

# shellcheck source=benches/trees.sh
source benches/trees.sh

expand() { # expand NAME DIR SCRATCH: the argument list of a command for a tree
    local line=${COMMAND_LINE[$1]:?unknown command $1}
    line=${line//\{records\}/$2}
    echo "${line//\{scratch\}/$3}"
}

peak_rss_mb() { # peak_rss_mb ARGS...: median of 3 runs' maximum resident set size, in MB
    local kb=()
    for _ in 1 2 3; do
        kb+=("$(/usr/bin/time -v "$CARDFILE" "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}')")
    done
    printf '%s\n' "${kb[@]}" | sort -n | sed -n 2p | awk '{printf "%.1f", $1 / 1024}'
}

TABLE=$RESULTS/results.md
rm -f "$RESULTS/paired.md"
{
    echo "| command | customers | files | tree MB | mean s | median s | σ s | user+sys s | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$TABLE"

for n in "${SIZES[@]}"; do
    dir=$(tree_for "$n")
    files=$(find "$dir" -name '*.toml' | wc -l)
    mb=$(du -s --apparent-size --block-size=1 "$dir" | awk '{printf "%.1f", $1 / 1e6}')
    for name in "${COMMANDS[@]}"; do
        if [[ ($name == hugo || $name == paired) && $n -ge 100000 ]]; then
            # Hugo took 2.5 GB at 10,000 customers and grows with them: more than this machine has.
            echo "== $name, $n customers: skipped (Hugo would need about 25 GB here)" >&2
            continue
        fi
        scratch=$(mktemp -d)
        if [[ $name == hugo ]]; then
            python3 "$ROOT/benches/hugo_peer.py" "$dir" "$scratch/hugo"
            hyperfine --warmup 1 --runs "$((n >= 100000 ? 1 : 3))" --style basic --export-json "$RESULTS/hyperfine-hugo-$n.json" \
                --prepare "rm -rf $scratch/public" --command-name "hugo $n" "hugo --quiet -s $scratch/hugo -d $scratch/public" >&2
            rss=$(/usr/bin/time -v hugo --quiet -s "$scratch/hugo" -d "$scratch/public2" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f", $2 / 1024}')
            jq -r --arg n "$n" --arg files "$files" --arg mb "$mb" --arg rss "$rss" '.results[0] |
                "| hugo (peer) | \($n) | \($files) | \($mb) | \(.mean * 1000 | round / 1000) | \(.median * 1000 | round / 1000) | \(.stddev * 1000 | round / 1000) | \((.user + .system) * 1000 | round / 1000) | \($rss) |"' \
                "$RESULTS/hyperfine-hugo-$n.json" >>"$TABLE"
            rm -rf "$scratch"
            continue
        fi
        if [[ $name == paired ]]; then
            python3 "$ROOT/benches/hugo_peer.py" "$dir" "$scratch/hugo"
            build_line="$CARDFILE $(expand build "$dir" "$scratch")"
            $build_line 2>/dev/null # the site the floor copies
            mv "$scratch/site" "$scratch/built"
            json=$RESULTS/hyperfine-paired-$n.json
            runs=$((n >= 100000 ? 1 : RUNS < 5 ? RUNS : 5))
            hyperfine --warmup 1 --runs "$runs" --style basic --export-json "$json" \
                --prepare "rm -rf $scratch/site $scratch/copy $scratch/public" \
                --command-name "build $n" "$build_line" \
                --command-name "copy floor $n" "cp -r $scratch/built $scratch/copy" \
                --command-name "hugo $n" "hugo --quiet -s $scratch/hugo -d $scratch/public" \
                --command-name "check $n" "$CARDFILE $(expand check "$dir" "$scratch")" >&2
            jq -r --arg n "$n" '.results | (.[0].median) as $b | (.[1].median) as $c | (.[2].median) as $h | (.[3].median) as $k |
                "paired, \($n) customers (medians of one run): build \($b * 1000 | round / 1000) s, copy floor \($c * 1000 | round / 1000) s, hugo \($h * 1000 | round / 1000) s, check \($k * 1000 | round / 1000) s: build = \($b / $h * 100 | round / 100) × hugo = \($b / $c * 10 | round / 10) × the floor; check = \($k / $h * 1000 | round / 1000) × hugo"' \
                "$json" | tee -a "$RESULTS/paired.md" >&2
            rm -rf "$scratch"
            continue
        fi
        read -r -a args <<<"$(expand "$name" "$dir" "$scratch")"
        echo "== $name, $n customers ($files files, $mb MB)" >&2
        # One plain run first: show the summary line, and stop on a crash.
        "$CARDFILE" "${args[@]}" >/dev/null 2>"$scratch/stderr" || {
            code=$?
            if [[ $code -ne 1 ]]; then cat "$scratch/stderr" >&2; exit "$code"; fi
        }
        tail -n 1 "$scratch/stderr" >&2
        json=$RESULTS/hyperfine-$name-$n.json
        runs=$RUNS warmup=$WARMUP
        if ((n >= 100000)); then runs=$((RUNS < 3 ? RUNS : 3)) warmup=1; fi # seconds per run
        prepare=true
        case $name in
            build) prepare="rm -rf $scratch/site" ;;
            rebuild) prepare="python3 $ROOT/benches/touch_customer.py $dir" ;;
        esac
        hyperfine --warmup "$warmup" --runs "$runs" --ignore-failure --style basic --prepare "$prepare" \
            --export-json "$json" --command-name "$name $n" "$CARDFILE ${args[*]}" >&2
        rss=$(peak_rss_mb "${args[@]}")
        jq -r --arg n "$n" --arg files "$files" --arg mb "$mb" --arg rss "$rss" '.results[0] |
            "| \(.command | split(" ")[0]) | \($n) | \($files) | \($mb) | \(.mean * 1000 | round / 1000) | \(.median * 1000 | round / 1000) | \(.stddev * 1000 | round / 1000) | \((.user + .system) * 1000 | round / 1000) | \($rss) |"' \
            "$json" >>"$TABLE"
        rm -rf "$scratch"
    done
done

echo >&2
[[ -f $RESULTS/paired.md ]] && cat "$RESULTS/paired.md" >&2
echo "cardfile: $(git describe --always --dirty 2>/dev/null || echo unknown)" >&2
echo "machine: $(uptime | sed 's/.*load/load/'); $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM" >&2
cat "$TABLE"
