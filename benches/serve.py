#!/usr/bin/env python3
"""Latency of `cardfile serve`: from saving a record to the served page showing the change.

    benches/serve.py                       1,000 and 10,000 customers, 10 edits each
    benches/serve.py --sizes 10000 --edits 20
    benches/serve.py --binary /tmp/cardfile-old   time another build of cardfile

For each size it copies the generated tree (benches/trees.sh's, target/bench-data/<N>, as
benches/bench.sh makes it) to a scratch directory, starts `cardfile serve --port 0` on it,
waits for the first build, then edits one customer's name EDITS times, a second apart. Each
edit rewrites the file in place (as an editor saves) and times, from just before the write:

* page: until GET /customers/<id>.html holds the new name (polled every 2 ms);
* reload: until the live-reload endpoint, asked before the write with the version then
  served (as an open page asks), answers with a new version (the page's cue to reload).

Prints the median, minimum and maximum of each, in milliseconds, as a Markdown table.
"""
import argparse
import http.client
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"


def tree(n):
    """The generated tree of n customers: benches/trees.sh's, shared with the other scripts
    (generated, with the release generator, when missing or made by another generator)."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "generate"], cwd=ROOT, check=True)
    env = dict(os.environ)
    env["DATA"] = os.environ.get("BENCH_DATA", str(ROOT / "target" / "bench-data"))
    env["SEED"] = "42"
    env["GENERATE"] = str(ROOT / "target" / "release" / "examples" / "generate")
    found = subprocess.run(
        ["bash", "-c", 'source benches/trees.sh && tree_for "$1"', "tree", str(n)],
        cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True,
    )
    return pathlib.Path(found.stdout.strip())


def get(port, path):
    """GET path: (status, body as text)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def version(port):
    return int(get(port, "/__cardfile/version")[1])


def wait_reload(port, seen, result):
    """Asks the live-reload endpoint as an open page of version `seen` does; notes when a
    newer version comes."""
    while True:
        status, body = get(port, f"/__cardfile/version?js&v={seen}")
        found = re.search(r"__cardfileVersion\((\d+)\)", body)
        if status == 200 and found and int(found.group(1)) != seen:
            result.append(time.perf_counter())
            return
        time.sleep(0.01)  # a server that answers at once (no long poll) is asked again


def run(binary, n, edits):
    source = tree(n)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix=f"serve-bench-{n}-"))
    records = scratch / "records"
    shutil.copytree(source, records)
    path = min((records / "customers").rglob("*.toml"))
    cid = path.stem
    server = subprocess.Popen(
        [str(binary), "serve", "--records", str(records), "--port", "0", "--today", TODAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = server.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        page_ms, reload_ms = [], []
        for i in range(edits):
            time.sleep(1.0)
            name = f"Bench Edit {i} {time.time_ns()}"
            text = path.read_text(encoding="utf-8")
            text = re.sub(r'^name = ".*"$', f'name = "{name}"', text, count=1, flags=re.M)
            seen = version(port)
            reloaded = []
            waiter = threading.Thread(target=wait_reload, args=(port, seen, reloaded), daemon=True)
            waiter.start()
            time.sleep(0.05)  # the long poll is under way before the write
            start = time.perf_counter()
            path.write_text(text, encoding="utf-8")
            while True:
                status, body = get(port, f"/customers/{cid}.html")
                if status == 200 and name in body:
                    page_ms.append((time.perf_counter() - start) * 1000)
                    break
                if time.perf_counter() - start > 60:
                    sys.exit(f"{n}: the page did not show the edit within 60 s")
                time.sleep(0.002)
            waiter.join(timeout=60)
            if reloaded:
                reload_ms.append((reloaded[0] - start) * 1000)
        return page_ms, reload_ms
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


def summary(values):
    if not values:
        return "— | — | —"
    return f"{statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000 10000")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--binary", type=pathlib.Path, default=None)
    args = parser.parse_args()
    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "cardfile"], cwd=ROOT, check=True)
        binary = ROOT / "target" / "release" / "cardfile"
    print("| customers | edits | page ms: median | min | max | reload ms: median | min | max |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split()]:
        page_ms, reload_ms = run(binary.resolve(), n, args.edits)
        print(f"| {n} | {len(page_ms)} | {summary(page_ms)} | {summary(reload_ms)} |", flush=True)


if __name__ == "__main__":
    main()
