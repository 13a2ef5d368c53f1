#!/usr/bin/env python3
"""Times two commands in alternation (A B A B …) and prints each one's median wall time and
the median of the per-pair ratios B/A, which holds when the machine's speed drifts.

    benches/pair.py --runs 10 --prepare 'rm -rf /tmp/site' 'COMMAND A' 'COMMAND B'
"""
import argparse, shlex, statistics, subprocess, time

p = argparse.ArgumentParser()
p.add_argument("a"); p.add_argument("b")
p.add_argument("--runs", type=int, default=10); p.add_argument("--prepare", default="")
args = p.parse_args()

def once(command):
    if args.prepare:
        subprocess.run(args.prepare, shell=True, check=True)
    start = time.perf_counter()
    subprocess.run(shlex.split(command), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

once(args.a); once(args.b)  # warm-up
pairs = [(once(args.a), once(args.b)) for _ in range(args.runs)]
a = [x for x, _ in pairs]; b = [y for _, y in pairs]
print(f"A median {statistics.median(a):.3f} s (min {min(a):.3f}, max {max(a):.3f}): {args.a}")
print(f"B median {statistics.median(b):.3f} s (min {min(b):.3f}, max {max(b):.3f}): {args.b}")
print(f"B − A median {statistics.median(y - x for x, y in pairs):.3f} s; B/A median {statistics.median(y / x for x, y in pairs):.3f} over {args.runs} pairs")
