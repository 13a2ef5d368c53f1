#!/usr/bin/env python3
"""Writes a Hugo project with the same content as a cardfile records tree: one page per
customer (profile, contacts, interactions and orders) and a table of all customers.
Used by benches/bench.sh to time Hugo as the peer. Usage: hugo_peer.py RECORDS OUT"""
import pathlib
import sys
import tomllib


def esc(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main():
    records, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    content = out / "content" / "customers"
    content.mkdir(parents=True, exist_ok=True)
    (out / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (out / "hugo.toml").write_text('baseURL = "/"\ntitle = "peer"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (out / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
        "<p>{{ .Params.owner }} · {{ .Params.region }}</p>{{ .Content }}</body></html>\n"
    )
    (out / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><table>"
        "{{ range .Pages }}<tr><td><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></td><td>{{ .Params.owner }}</td>"
        "<td>{{ .Params.region }}</td><td>{{ .Params.orders }}</td></tr>{{ end }}</table></body></html>\n"
    )
    (out / "layouts" / "index.html").write_text("<!doctype html><html><body><a href=\"customers/\">customers</a></body></html>\n")
    for path in sorted((records / "customers").rglob("*.toml")):
        c = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        lines = [
            "+++",
            f"title = {repr_toml(c.get('name', path.stem))}",
            f"owner = {repr_toml(c.get('owner', ''))}",
            f"region = {repr_toml(c.get('region', ''))}",
            f"orders = {len(c.get('order', []))}",
            "+++",
            "",
            "## Contacts",
            "",
            "| name | title | role | stance | phone |",
            "|---|---|---|---|---|",
        ]
        for p in c.get("contact", []):
            lines.append(f"| {esc(p.get('name', ''))} | {esc(p.get('title', ''))} | {p.get('role', '')} | {p.get('stance', '')} | {esc(p.get('phone', ''))} |")
        lines += ["", "## Interactions", ""]
        for i in c.get("interaction", []):
            lines += [f"### {i['date']} {i['kind']}", "", i.get("summary", ""), ""]
        lines += ["## Orders", "", "| date | ref | amount | due | paid |", "|---|---|---:|---|---|"]
        for o in c.get("order", []):
            lines.append(f"| {o['date']} | {esc(o.get('ref', ''))} | {o['amount']} | {o.get('due', '')} | {o.get('paid', '')} |")
        if "notes" in c:
            lines += ["", "## Notes", "", c["notes"]]
        (content / f"{path.stem}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def repr_toml(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
