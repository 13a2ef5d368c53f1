#!/usr/bin/env python3
"""Changes one customer of a records tree (toggles a marker at the end of its name), so that
`rebuild` measures a build after a one-customer edit. Usage: touch_customer.py RECORDS"""
import pathlib
import sys

records = pathlib.Path(sys.argv[1])
path = min((records / "customers").rglob("*.toml"))
text = path.read_text(encoding="utf-8")
first, rest = text.split("\n", 1)
if first.startswith("name = "):
    first = first[:-2] + '"' if first.endswith('*"') else first[:-1] + '*"'
path.write_text(first + "\n" + rest, encoding="utf-8")
