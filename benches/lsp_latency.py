#!/usr/bin/env python3
"""Time from a `didChange` to its `publishDiagnostics` in `cardfile lsp` (docs/performance.md).

    python3 benches/lsp_latency.py CARDFILE RECORDS [--edits N] [--today YYYY-MM-DD]

Starts `CARDFILE lsp`, opens the first customer file of RECORDS, waits for the first load,
then sends N edits of that buffer, alternately adding an unknown key and removing it again,
so that every edit changes the file's diagnostics and is answered by one
`publishDiagnostics` for it. Each edit is sent only after the previous one was answered.
Prints the first load's time and the median, p90 and maximum latency of the edits, in ms,
as one JSON object.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("cardfile lsp stopped")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait_for(proc, uri):
    """Reads messages until the diagnostics of `uri` come; returns them."""
    while True:
        message = receive(proc)
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            return message["params"]["diagnostics"]


def first_customer(records):
    for top, dirs, files in sorted(os.walk(os.path.join(records, "customers"))):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".toml"):
                return os.path.join(top, name)
    sys.exit(f"no customer file under {records}/customers")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cardfile")
    parser.add_argument("records")
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--today", default="2026-11-25")
    args = parser.parse_args()

    path = os.path.abspath(first_customer(args.records))
    uri = "file://" + urllib.parse.quote(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    proc = subprocess.Popen([args.cardfile, "lsp", "--today", args.today], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}})
    while receive(proc).get("id") != 1:
        pass
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

    start = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}})
    # The typo's diagnostic makes the open answer with this file's diagnostics.
    typo = "bench_typo = 1\n" + text
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typo}]}})
    while not any(d.get("code") == "E010" for d in wait_for(proc, uri)):
        pass
    first_load = (time.perf_counter() - start) * 1000

    latencies = []
    for i in range(args.edits):
        body = text if i % 2 == 0 else typo
        begin = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": 3 + i}, "contentChanges": [{"text": body}]}})
        wait_for(proc, uri)
        latencies.append((time.perf_counter() - begin) * 1000)

    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    while receive(proc).get("id") != 2:
        pass
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)
    latencies.sort()
    print(json.dumps({
        "first_load_ms": round(first_load, 1),
        "edits": len(latencies),
        "median_ms": round(statistics.median(latencies), 1),
        "p90_ms": round(latencies[int(len(latencies) * 0.9) - 1], 1),
        "max_ms": round(latencies[-1], 1),
    }))


if __name__ == "__main__":
    main()
