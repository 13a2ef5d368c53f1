#!/usr/bin/env python3
"""Makes a git repository for the history benchmark (docs/performance.md, "History").

    benches/history_repo.py RECORDS OUT [--commits 2000] [--seed 42]

RECORDS is a records tree from `examples/generate.rs`; OUT becomes a git repository whose
first commit adds it as `records/` and whose next COMMITS commits each edit 1 to 3 customer
files the way a team does: a visit or a call appended, a new order, a changed phone number,
a handover to another owner (with its [[handover]] entry). Authors and dates are fixed by the seed, so the repository is the
same every time. The commits are streamed to `git fast-import`, which is fast at this size,
then repacked as git packs a team's repository.
"""
import argparse, datetime, pathlib, random, re, subprocess, sys

p = argparse.ArgumentParser()
p.add_argument("records"); p.add_argument("out")
p.add_argument("--commits", type=int, default=2000); p.add_argument("--seed", type=int, default=42)
a = p.parse_args()

records = pathlib.Path(a.records)
files = {str(f.relative_to(records)): f.read_text(encoding="utf-8") for f in sorted(records.rglob("*.toml"))}
customers = sorted(k for k in files if k.startswith("customers/"))
team = re.findall(r'id = "([a-z0-9-]+)"', files.get("team.toml", ""))
authors = ["张伟", "李娜", "王芳", "陈杰", "John Smith", "Maria Garcia"]
rng = random.Random(a.seed)
out = pathlib.Path(a.out)
out.mkdir(parents=True, exist_ok=True)
subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)

def blob(text):
    data = text.encode("utf-8")
    return b"data %d\n" % len(data) + data + b"\n"

def commit(stream, n, who, when, message, changes):
    stamp = int(when.timestamp())
    stream.write(b"commit refs/heads/main\n")
    stream.write(f"committer {who} <{n % 7}@example.com> {stamp} +0800\n".encode())
    stream.write(blob(message))
    for path, text in changes:
        stream.write(f"M 100644 inline records/{path}\n".encode())
        stream.write(blob(text))
    stream.write(b"\n")

def edit(text, day):
    r = rng.random()
    if r < 0.55:
        kind = rng.choice(["visit", "call", "message", "meeting"])
        return text + f'\n[[interaction]]\ndate = {day}\nkind = "{kind}"\nsummary = "Followed up on the quote ({rng.randrange(10**6)})"\n'
    if r < 0.75:
        return text + f"\n[[order]]\ndate = {day}\namount = {rng.randrange(1, 500) * 100}\n"
    if r < 0.9 and re.search(r'^phone = ".*"$', text, re.M):
        return re.sub(r'^phone = ".*"$', f'phone = "0512-{rng.randrange(10**7, 10**8)}"', text, count=1, flags=re.M)
    owner = re.search(r'^owner = "(.*)"$', text, re.M)
    if owner is None or "[[handover]]" in text:
        return text + f"\n[[interaction]]\ndate = {day}\nkind = \"call\"\nsummary = \"Checked the delivery\"\n"
    new = rng.choice([m for m in team if m != owner.group(1)] or team)
    text = text[: owner.start()] + f'owner = "{new}"' + text[owner.end():]
    return text + f'\n[[handover]]\ndate = {day}\nfrom = "{owner.group(1)}"\nto = "{new}"\n'


fi = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=out, stdin=subprocess.PIPE)
start = datetime.datetime(2024, 11, 26, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
commit(fi.stdin, 0, "Seed", start, "Import the customers", sorted(files.items()))
step = (datetime.datetime(2026, 11, 25, 18, 0, tzinfo=start.tzinfo) - start) / max(a.commits, 1)
for n in range(1, a.commits + 1):
    when = start + step * n
    changed = []
    for path in rng.sample(customers, rng.choice([1, 1, 2, 3])):
        files[path] = edit(files[path], when.date().isoformat())
        changed.append((path, files[path]))
    commit(fi.stdin, n, rng.choice(authors), when, f"Edit {len(changed)} customer(s)", changed)
fi.stdin.close()
if fi.wait() != 0:
    sys.exit("git fast-import failed")
# fast-import deltifies each version against the one before; a team's repository, packed by
# git itself when it is pushed, cloned or collected, keeps recent versions whole. Repack so.
subprocess.run(["git", "-C", str(out), "repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50"], check=True)
subprocess.run(["git", "-C", str(out), "checkout", "-q", "-f", "main"], check=True)
print(f"{out}: {len(customers)} customers, {a.commits + 1} commits", file=sys.stderr)
