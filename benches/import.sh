#!/usr/bin/env bash
# Times `cardfile import` on generated CSV files (see docs/performance.md, "Import").
#
#   benches/import.sh                      100,000 new customers (dry run and --write), and
#                                          3,000 / 30,000 orders for one customer, then as
#                                          many payments of those orders
#   benches/import.sh --bin PATH           time this binary instead of target/release/cardfile
#   benches/import.sh --sizes "1000 10000" other sizes for the customers import
#
# Every run starts from a fresh copy of a small records tree (member `alex`, customer `acme`)
# under target/bench-import/. Prints one line per run: what, rows, seconds (wall clock).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/target/release/cardfile
SIZES=(100000)
ORDERS=(3000 30000)
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) BIN=$2; shift 2 ;;
        --sizes) read -r -a SIZES <<<"$2"; shift 2 ;;
        --orders) read -r -a ORDERS <<<"$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
if [ "$BIN" = "$ROOT/target/release/cardfile" ]; then
    cargo build --release --locked --quiet
fi
WORK=${BENCH_IMPORT:-$ROOT/target/bench-import}
mkdir -p "$WORK"

fresh() {
    rm -rf "$WORK/records"
    mkdir -p "$WORK/records/customers"
    printf '[[member]]\nid = "alex"\nname = "Alex"\n' >"$WORK/records/team.toml"
    printf 'name = "Acme"\nowner = "alex"\nphone = "1"\n' >"$WORK/records/customers/acme.toml"
}

customers_csv() { # N → a customers CSV of N new customers in four regions
    awk -v n="$1" 'BEGIN {
        print "id,name,owner,region,phone"
        split("east west north south", r, " ")
        for (i = 0; i < n; i++) printf "c%06d,Customer %d,alex,%s,%d\n", i, i, r[i % 4 + 1], i
    }'
}

orders_csv() { # N → N orders of acme, each with its own ref
    awk -v n="$1" 'BEGIN {
        print "customer,date,amount,ref,product"
        for (i = 0; i < n; i++) printf "acme,2026-%02d-%02d,%d.50,SO-%d,part %d\n", i % 12 + 1, i % 28 + 1, i % 5000 + 1, i, i % 7
    }'
}

time_it() { # LABEL ROWS ARGS… → one line: label, rows, seconds
    local label=$1 rows=$2 start end
    shift 2
    start=$(date +%s.%N)
    (cd "$WORK" && "$BIN" "$@" >/dev/null 2>"$WORK/stderr") || { echo "$label failed:" >&2; tail -3 "$WORK/stderr" >&2; }
    end=$(date +%s.%N)
    printf '%-28s %8d rows %8.2f s\n' "$label" "$rows" "$(echo "$end - $start" | bc)"
}

for n in "${SIZES[@]}"; do
    customers_csv "$n" >"$WORK/customers-$n.csv"
    fresh
    time_it "customers, dry run" "$n" import "customers-$n.csv" --as customers --today 2026-11-25
    time_it "customers, --write" "$n" import "customers-$n.csv" --as customers --write --today 2026-11-25
    time_it "customers, again (no-op)" "$n" import "customers-$n.csv" --as customers --write --today 2026-11-25
done
for n in "${ORDERS[@]}"; do
    orders_csv "$n" >"$WORK/orders-$n.csv"
    fresh
    time_it "orders of one customer, dry" "$n" import "orders-$n.csv" --as orders --today 2026-11-25
    time_it "orders of one customer" "$n" import "orders-$n.csv" --as orders --write --today 2026-11-25
    awk -v n="$n" 'BEGIN { print "ref,paid"; for (i = 0; i < n; i++) printf "SO-%d,2026-12-31\n", i }' >"$WORK/payments-$n.csv"
    time_it "payments of one customer" "$n" import "payments-$n.csv" --as payments --write --today 2026-11-25
done
