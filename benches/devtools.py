#!/usr/bin/env python3
"""A small client of Chromium's DevTools protocol, standard library only, for the benchmarks
and screenshots that need a real phone-sized viewport (headless Chromium will not lay a
window out narrower than 500 pixels) or real time measured in the page.

    benches/devtools.py shot PAGE.html OUT.png [--width 360] [--height 800] [--full]
    benches/devtools.py search PAGE.html QUERY... [--runs 5]

`shot` writes a screenshot of PAGE at that viewport (the whole page with --full). `search`
focuses the page's search box, types each QUERY and prints, as JSON, the milliseconds from
the keystroke to the results shown, for the first query after focus and the later ones, with
the index files each query loaded (under search/). Chromium is started headless with a fresh profile and
every host name mapped to nothing, so no request leaves the machine.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request


class DevTools:
    """One WebSocket to one page target."""

    def __init__(self, url):
        host, rest = url[len("ws://"):].split("/", 1)
        hostname, port = host.split(":")
        self.sock = socket.create_connection((hostname, int(port)))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /{rest} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no WebSocket: {head!r}")
        self.next_id = 0

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            data += chunk
        return data

    def _frame(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            length = b1 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            message += self._read(length)
            if b0 & 0x80:
                return message

    def call(self, method, **params):
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        head = bytes([0x81])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)
        while True:
            reply = json.loads(self._frame())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"the page threw: {result['exceptionDetails']}")
        return result["result"].get("value")


def chromium():
    for name in [os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    sys.exit("chromium not found (set $CHROMIUM)")


def start(page, width, height):
    """Starts Chromium on `page`; returns (process, DevTools of the page, profile dir)."""
    profile = tempfile.mkdtemp(prefix="cardfile-devtools-")
    url = "file://" + os.path.abspath(page)
    proc = subprocess.Popen(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not os.path.exists(port_file) or not open(port_file).read().strip():
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            sys.exit("Chromium did not open its DevTools port")
        time.sleep(0.05)
    port = open(port_file).read().split()[0]
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    target = next(t for t in targets if t.get("type") == "page")
    tools = DevTools(target["webSocketDebuggerUrl"])
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
               mobile=width < 700)
    tools.call("Page.enable")
    tools.call("Page.navigate", url=url)
    tools.evaluate("new Promise(function (r) { if (document.readyState === 'complete') r(); "
                   "else addEventListener('load', function () { r(); }); })")
    return proc, tools, profile


def stop(proc, profile):
    proc.kill()
    proc.wait()
    shutil.rmtree(profile, ignore_errors=True)


def shot(args):
    proc, tools, profile = start(args.page, args.width, args.height)
    try:
        tools.evaluate("new Promise(function (r) { setTimeout(r, 200); })")
        params = {"format": "png"}
        if args.full:
            height = tools.evaluate("document.documentElement.scrollHeight")
            tools.call("Emulation.setDeviceMetricsOverride", width=args.width, height=min(height, 6000),
                       deviceScaleFactor=1, mobile=args.width < 700)
        if args.script:
            tools.evaluate(open(args.script).read())
        data = tools.call("Page.captureScreenshot", **params)["data"]
        with open(args.out, "wb") as f:
            f.write(base64.b64decode(data))
    finally:
        stop(proc, profile)


# Types each query into the search box and waits for its results; returns the milliseconds.
TYPE = """(async function (queries) {
  var input = document.getElementById('site-search'), box = document.querySelector('[data-search]');
  var out = [];
  function files() {
    return Array.prototype.map.call(document.querySelectorAll('script[src*="/search/"]'), function (s) { return s.src.split('/search/').pop(); });
  }
  input.focus();
  for (var q of queries) {
    var before = out.length ? files().length : 0, t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    await new Promise(function (done) {
      (function wait() {
        if (box.getAttribute('data-shown') === q && box.getAttribute('data-state') !== 'loading') done();
        else setTimeout(wait, 0);
      })();
    });
    var ms = performance.now() - t0;
    out.push({ query: q, ms: ms, hits: document.querySelectorAll('#site-search-hits li').length, loaded: files().slice(before) });
  }
  return out;
})(%s)"""


def search(args):
    runs = []
    for _ in range(args.runs):
        proc, tools, profile = start(args.page, 360, 800)
        try:
            runs.append(tools.evaluate(TYPE % json.dumps(args.queries)))
        finally:
            stop(proc, profile)
    print(json.dumps(runs))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("shot")
    s.add_argument("page")
    s.add_argument("out")
    s.add_argument("--width", type=int, default=360)
    s.add_argument("--height", type=int, default=800)
    s.add_argument("--full", action="store_true")
    s.add_argument("--script", help="a script file to run in the page before the screenshot")
    s.set_defaults(run=shot)
    q = sub.add_parser("search")
    q.add_argument("page")
    q.add_argument("queries", nargs="+")
    q.add_argument("--runs", type=int, default=5)
    q.set_defaults(run=search)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
