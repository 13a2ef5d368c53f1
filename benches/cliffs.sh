#!/usr/bin/env bash
# Pathological inputs (see docs/performance.md, "Pathological inputs"): the time `check` takes
# on files built to hit a cliff, and how much it prints.
#
#   benches/cliffs.sh                       time target/release/cardfile (built first)
#   benches/cliffs.sh --bin PATH            time another binary (e.g. an older build)
#
#   long-line   one customer file of 10 MB on one line, with an unterminated string
#   many-keys   one customer file of 50,000 unknown keys (about 0.9 MB)
#
# Each is checked in the human and the JSON format; the table gives the wall time (best of
# RUNS) and the bytes printed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=""
RUNS=3
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) BIN=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -z "$BIN" ]; then
    cargo build --release --locked --quiet
    BIN=$ROOT/target/release/cardfile
fi
DATA=${BENCH_DATA:-$ROOT/target/bench-data/cliffs}

tree() {
    local dir=$DATA/$1
    mkdir -p "$dir/customers"
    printf '[[member]]\nid = "alex"\nname = "Alex"\n' > "$dir/team.toml"
    echo "$dir"
}

long=$(tree long-line)
python3 - "$long/customers/acme.toml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('name = "Acme' + "x" * 10_000_000)   # no closing quote, no line break
PY

many=$(tree many-keys)
python3 - "$many/customers/acme.toml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('name = "Acme"\nowner = "alex"\nphone = "1"\n')
    for i in range(50_000):
        f.write(f"unknown_{i} = 1\n")
PY

best() {  # best wall time in seconds of RUNS runs of "$@", output to a file
    local best=""
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        "$@" > "$DATA/out.txt" 2>&1 || true
        end=$(date +%s.%N)
        best=$(python3 -c "a='$best'; t=$end-$start; print(f'{t:.2f}' if not a or t < float(a) else a)")
    done
    echo "$best"
}

echo "| Input | Format | Time (s) | Printed (bytes) |"
echo "|---|---|---|---|"
for name in long-line many-keys; do
    for format in human json; do
        t=$(best "$BIN" check --records "$DATA/$name" --today 2026-11-25 --format "$format")
        echo "| $name | $format | $t | $(wc -c < "$DATA/out.txt") |"
    done
done
