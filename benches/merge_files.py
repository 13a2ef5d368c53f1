#!/usr/bin/env python3
"""Writes a ~100 KB customer file and two edited versions of it, for benches/merge.sh.

    benches/merge_files.py DIR [KB]

DIR/base.toml is the common ancestor; DIR/ours.toml logs visits, pays orders and changes the
phone; DIR/theirs.toml adds orders, resolves complaints, removes a visit and changes the
credit limit. Merging them is clean. Deterministic: the same KB gives the same files.
"""
import random
import sys


def entries(kb):
    rng = random.Random(42)
    out = ['# A large customer: years of visits and orders\nname = "Acme Industrial Ltd."\n'
           'owner = "zhang"\nphone = "021-6666 8888" # switchboard\ncredit_limit = 50000\n']
    size, i = len(out[0]), 0
    while size < kb * 1024:
        day = f"20{20 + i // 365 % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        kind = i % 10
        if kind < 6:
            text = (f'\n[[interaction]]\ndate = {day}\nkind = "{rng.choice(["visit", "call", "email"])}"\n'
                    f'summary = "Talked about order {i}: {rng.choice(["prices", "delivery", "samples"])}"\n')
        elif kind < 9:
            text = (f'\n[[order]]\nref = "SO-{i}"\ndate = {day}\namount = {rng.randint(100, 90000)}\n'
                    f'cost = {rng.randint(50, 800)}00.0\ndue = {day}\n')
        else:
            text = f'\n[[complaint]]\nopened = {day}\nsummary = "Complaint {i}"\nseverity = "low"\n'
        out.append(text)
        size += len(text)
        i += 1
    return out


def main():
    target = sys.argv[1]
    kb = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    base = entries(kb)
    ours, theirs = list(base), list(base)
    ours[0] = ours[0].replace("021-6666 8888", "021-6666 9999")
    theirs[0] = theirs[0].replace("credit_limit = 50000", "credit_limit = 80000")
    orders = [n for n, e in enumerate(base) if "[[order]]" in e]
    complaints = [n for n, e in enumerate(base) if "[[complaint]]" in e]
    visits = [n for n, e in enumerate(base) if "[[interaction]]" in e]
    for n in orders[-5:]:
        ours[n] = ours[n] + "paid = 2026-11-20\n"
    for n in complaints[-2:]:
        theirs[n] = theirs[n] + "resolved = 2026-11-21\n"
    theirs[visits[3]] = ""
    ours += [f'\n[[interaction]]\ndate = 2026-11-2{k}\nkind = "visit"\nsummary = "New visit {k}"\n' for k in range(3)]
    theirs += [f'\n[[order]]\nref = "NEW-{k}"\ndate = 2026-11-22\namount = 1200.5\n' for k in range(2)]
    for name, parts in (("base", base), ("ours", ours), ("theirs", theirs)):
        with open(f"{target}/{name}.toml", "w", encoding="utf-8") as f:
            f.write("".join(parts))


if __name__ == "__main__":
    main()
