#!/usr/bin/env bash
# The site's search at scale (docs/performance.md, "Search across every record"):
#
#   benches/search.sh                   10,000 generated customers, 5 runs
#   benches/search.sh --customers 1000 --runs 3
#   benches/search.sh --no-build        use the binaries already in target/release
#
# Builds the site of N generated customers (the tree of benches/bench.sh, reused), then
# reports: the build's median wall time; the index's size (total, files, largest file, share of
# the site's bytes); and, in headless Chromium at 360 px from file://, the milliseconds from a
# keystroke to the results shown, for the first query after focus (which loads the manifest,
# buckets and chunks) and the later ones, with the most bytes any one query loaded.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TODAY=2026-11-25
SEED=42
N=10000
RUNS=5
BUILD=1
DATA=${BENCH_DATA:-$ROOT/target/bench-data}
RESULTS=${BENCH_RESULTS:-$ROOT/target/bench-results}

while [[ $# -gt 0 ]]; do
    case $1 in
        --customers) N=$2; shift ;;
        --runs) RUNS=$2; shift ;;
        --no-build) BUILD=0 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

if ((BUILD)); then
    echo "building release ..." >&2
    cargo build --release --quiet --bin cardfile --example generate
fi
CARDFILE=$ROOT/target/release/cardfile
GENERATE=$ROOT/target/release/examples/generate
# shellcheck source=benches/trees.sh
source benches/trees.sh
dir=$(tree_for "$N")
out=$RESULTS/search-$N
mkdir -p "$out"

times=()
for _ in $(seq "$RUNS"); do
    rm -rf "$out/site"
    start=$(date +%s%N)
    "$CARDFILE" build --records "$dir" --out "$out/site" --today "$TODAY" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
done

# Queries taken from the records: part of a Chinese name, a phone typed without spaces, a pair
# of characters of a visit summary, a two-letter prefix that many terms share, a pinyin word;
# then one word typed a key at a time (its later keystrokes reuse the files already loaded).
mapfile -t queries < <(python3 - "$dir" <<'PY'
import pathlib, re, sys
files = sorted(pathlib.Path(sys.argv[1], "customers").rglob("*.toml"))
name = phone = summary = None
for f in files:
    text = f.read_text(encoding="utf-8")
    n = re.search(r'^name = "([\u4e00-\u9fff]{4,})', text, re.M)
    p = re.search(r'^phone = "([0-9 +-]{8,})"', text, re.M)
    s = re.search(r'summary = "[^"]*?([\u4e00-\u9fff]{2})[^"]*"', text)
    name = name or (n and n.group(1)[1:3])
    phone = phone or (p and re.sub(r"[^0-9]", "", p.group(1)))
    summary = summary or (s and s.group(1))
    if name and phone and summary:
        break
for q in [name, phone, summary, "sh", "zhang", "w", "wa", "wan", "wang"]:
    if q:
        print(q)
PY
)
python3 benches/devtools.py search "$out/site/index.html" "${queries[@]}" --runs "$RUNS" >"$out/search.json"

python3 - "$out" "${times[*]}" <<'PY'
import json, os, statistics, sys
out, times = sys.argv[1], [int(t) for t in sys.argv[2].split()]
site = os.path.join(out, "site")
sizes = {}
for d, _, names in os.walk(site):
    for n in names:
        p = os.path.join(d, n)
        sizes[os.path.relpath(p, site)] = os.path.getsize(p)
total = sum(sizes.values())
index = {p: b for p, b in sizes.items() if p.startswith("search/")}
largest = max(index.items(), key=lambda kv: kv[1])
runs = json.load(open(os.path.join(out, "search.json")))
MB = 1024 * 1024
print(f"build: median {statistics.median(times)} ms of {len(times)} runs ({', '.join(map(str, times))})")
print(f"site: {total / MB:.1f} MB in {len(sizes)} files")
print(f"index: {sum(index.values()) / MB:.2f} MB in {len(index)} files, "
      f"{100 * sum(index.values()) / total:.1f} % of the site; largest {largest[0]} {largest[1] / 1024:.0f} KB")
queries = [r["query"] for r in runs[0]]
for i, q in enumerate(queries):
    ms = [run[i]["ms"] for run in runs]
    loaded = max(sum(sizes.get("search/" + f, 0) for f in run[i]["loaded"]) for run in runs)
    which = "first after focus" if i == 0 else "later"
    print(f"query {q!r} ({which}): median {statistics.median(ms):.1f} ms, max {max(ms):.1f} ms; "
          f"{runs[0][i]['hits']} results; loaded {loaded / 1024:.0f} KB")
PY
