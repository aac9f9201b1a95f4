#!/usr/bin/env python3
"""Check the files of one newsgraph output folder, as their readers would.

    check_outputs.py SCHEMA OUTDIR

timeline.json is validated against SCHEMA (JSON Schema draft 2020-12) by
the jsonschema package (Debian: python3-jsonschema), then for what a
schema cannot say: unique ids, every reference resolves, offsets in
order.  The export formats found beside it are parsed with the standard
library and compared with timeline.json: same entities, same edges,
every edge's ends exist, dates are real dates.  Prints one line per
problem and exits 1 if there was any.
"""
import csv
import datetime
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("check_outputs: the JSON Schema validator is missing: install "
             "the Debian package python3-jsonschema (.ci/setup does)")

problems = []



def first_day(value):
    """The first day a TimeML date value covers, as (y, m, d), or None:
    events sort by it, so 2021-W06 (from Monday 8 February) comes before
    2021-02-10."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?", value)
    if m:
        return (int(m[1]), int(m[2] or 1), int(m[3] or 1))
    m = re.fullmatch(r"(\d{4})-W(\d\d)(?:-(\d))?", value)
    if m:
        d = datetime.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3] or 1))
        return (d.year, d.month, d.day)
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|WI|SP|SU|FA)", value)
    if m:
        month = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7,
                 "WI": 1, "SP": 3, "SU": 6, "FA": 9}[m[2]]
        return (int(m[1]), month, 1)
    m = re.fullmatch(r"(\d{2,3})", value)
    if m:
        return (int(m[1]) * (10 if len(value) == 3 else 100), 1, 1)
    return None

def bad(where, msg):
    problems.append(f"{where}: {msg}")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- timeline

def check_timeline(schema, tl, where):
    Draft202012Validator.check_schema(schema)
    v = Draft202012Validator(schema)
    for e in sorted(v.iter_errors(tl), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path)
        bad(where, f"/{path}: {e.message[:300]}")
    if problems:
        return  # the checks below assume the shapes are right

    docs = [d["id"] for d in tl["documents"]]
    ents = [e["id"] for e in tl["entities"]]
    for name, ids in (("document", docs), ("entity", ents),
                      ("event", [e["id"] for e in tl["events"]]),
                      ("edge", [e["id"] for e in tl["edges"] + tl["relations"]])):
        seen = set()
        for i in ids:
            if i in seen:
                bad(where, f"{name} id '{i}' used twice")
            seen.add(i)
    docs, ents = set(docs), set(ents)

    def span_ok(s, ctx):
        if s["document"] not in docs:
            bad(where, f"{ctx}: unknown document '{s['document']}'")
        if s["start"] > s["end"]:
            bad(where, f"{ctx}: start {s['start']} after end {s['end']}")

    for d in tl["documents"]:
        if "duplicate_of" in d and d["duplicate_of"] not in docs:
            bad(where, f"document {d['id']}: duplicate of unknown document")
    for e in tl["entities"]:
        if e["name"] in e["aliases"]:
            bad(where, f"entity {e['id']}: name repeated among aliases")
        for d in e["documents"]:
            if d not in docs:
                bad(where, f"entity {e['id']}: unknown document '{d}'")
        for m in e["merged"]:
            span_ok(m, f"entity {e['id']} merge record")
        if sum(m["mentions"] for m in e["merged"]) != e["mentions"]:
            bad(where, f"entity {e['id']}: merge record does not add up "
                       "to its mentions")
        if sorted({m["document"] for m in e["merged"]}) != sorted(e["documents"]):
            bad(where, f"entity {e['id']}: merge record and documents differ")
    for kind in ("relations", "edges"):
        for r in tl[kind]:
            for end in ("source", "target"):
                if r[end] not in ents:
                    bad(where, f"{kind} {r['id']}: unknown {end} '{r[end]}'")
            for s in r["sources"]:
                span_ok(s, f"{kind} {r['id']}")
    for r in tl["edges"]:
        if r["weight"] != len(r["sources"]):
            bad(where, f"edge {r['id']}: weight {r['weight']} but "
                       f"{len(r['sources'])} sentences")
    last = (0, 0, 0)
    for ev in tl["events"]:
        for p in ev["participants"]:
            if p not in ents:
                bad(where, f"event {ev['id']}: unknown participant '{p}'")
        for s in ev["sources"]:
            span_ok(s, f"event {ev['id']}")
        first = first_day(ev["date"])
        if first is None:
            bad(where, f"event {ev['id']}: '{ev['date']}' is no calendar value")
        elif first < last:
            bad(where, f"event {ev['id']}: out of date order")
        else:
            last = first


# ---------------------------------------------------------------- exports

def real_date(y, m=1, d=1):
    try:
        datetime.date(y, m, d)
        return True
    except (ValueError, TypeError):
        return False


def check_timelinejs(tl, tj, where):
    if not isinstance(tj.get("events"), list):
        return bad(where, "no events list")
    if len(tj["events"]) > 100:
        bad(where, f"{len(tj['events'])} events, more than the 100 kept")
    if len(tj["events"]) != min(100, len(tl["events"])):
        bad(where, f"{len(tj['events'])} events for {len(tl['events'])} "
                   "in timeline.json")
    known = {e["id"].replace(":", "-") for e in tl["events"]}
    ids = set()
    for i, ev in enumerate(tj["events"]):
        for key in ("start_date", "end_date"):
            if key not in ev:
                if key == "start_date":
                    bad(where, f"event {i}: no start_date")
                continue
            dt = ev[key]
            y, m, d = dt.get("year"), dt.get("month", 1), dt.get("day", 1)
            if not all(isinstance(x, int) for x in (y, m, d)) or \
                    not real_date(y, m, d):
                bad(where, f"event {i}: {key} {dt} is not a date")
        text = ev.get("text", {})
        if not isinstance(text.get("headline"), str) or \
                not isinstance(text.get("text"), str):
            bad(where, f"event {i}: text needs headline and text")
        uid = ev.get("unique_id")
        if uid in ids:
            bad(where, f"event {i}: unique_id '{uid}' used twice")
        ids.add(uid)
        if not isinstance(uid, str) or not (
                uid in known or uid.rsplit("-", 1)[0] in known):
            bad(where, f"event {i}: '{uid}' is not an event of timeline.json")


def check_cytoscape(tl, cy, where):
    el = cy.get("elements", {})
    nodes, edges = el.get("nodes", []), el.get("edges", [])
    ids = [n["data"]["id"] for n in nodes]
    if sorted(ids) != sorted(e["id"] for e in tl["entities"]):
        bad(where, "nodes are not the entities of timeline.json")
    ids = set(ids)
    want = sorted(e["id"] for e in tl["edges"] + tl["relations"])
    if sorted(e["data"]["id"] for e in edges) != want:
        bad(where, "edges are not the edges and relations of timeline.json")
    for e in edges:
        for end in ("source", "target"):
            if e["data"].get(end) not in ids:
                bad(where, f"edge {e['data']['id']}: {end} does not exist")
        if e["data"]["id"] in ids:
            bad(where, f"edge {e['data']['id']}: id shared with a node")


def check_xml_graph(tl, path, where, kind):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return bad(where, f"not well-formed XML: {e}")
    ns = {"gexf": "{http://gexf.net/1.3}",
          "graphml": "{http://graphml.graphdrawing.org/xmlns}"}[kind]
    if root.tag != ns + kind:
        return bad(where, f"root is {root.tag}")
    nodes = root.findall(f".//{ns}node")
    edges = root.findall(f".//{ns}edge")
    if kind == "graphml":
        # Ids are NMTOKENs there: other characters are written _xHHHH_.
        for el in nodes + edges:
            for a in ("id", "source", "target"):
                v = el.get(a)
                if v is None:
                    continue
                if not re.fullmatch(r"[\w.:\-\u00b7]+", v) or "_" in \
                        re.sub(r"_x[0-9A-F]{4,6}_", "", v):
                    bad(where, f"{a} '{v}' is not an NMTOKEN")
                el.set(a, re.sub(r"_x([0-9A-F]{4,6})_",
                                 lambda m: chr(int(m.group(1), 16)), v))
    ids = {n.get("id") for n in nodes}
    labels = {n.get("id"): n.get("label") for n in nodes}
    if kind == "graphml":
        keys = {k.get("id"): k.get("attr.name")
                for k in root.findall(f"{ns}key")}
        for n in nodes:
            for d in n.findall(f"{ns}data"):
                if d.get("key") not in keys:
                    bad(where, f"node {n.get('id')}: undeclared key")
                if keys.get(d.get("key")) == "label":
                    labels[n.get("id")] = d.text
    if sorted(ids) != sorted(e["id"] for e in tl["entities"]):
        bad(where, "nodes are not the entities of timeline.json")
    for e in tl["entities"]:
        if labels.get(e["id"]) != e["name"]:
            bad(where, f"node {e['id']}: label {labels.get(e['id'])!r} "
                       f"is not {e['name']!r}")
    want = sorted(e["id"] for e in tl["edges"] + tl["relations"])
    if sorted(e.get("id") for e in edges) != want:
        bad(where, "edges are not the edges and relations of timeline.json")
    for e in edges:
        for end in ("source", "target"):
            if e.get(end) not in ids:
                bad(where, f"edge {e.get('id')}: {end} does not exist")
    if kind == "gexf":
        for el in nodes + edges:
            s, t = el.get("start"), el.get("end")
            for x in (s, t):
                if x is not None:
                    try:
                        datetime.date.fromisoformat(x)
                    except ValueError:
                        bad(where, f"{el.get('id')}: '{x}' is not a date")
            if s and t and s > t:
                bad(where, f"{el.get('id')}: starts after it ends")


def check_csv(tl, outdir, where):
    def rows(name):
        with open(os.path.join(outdir, name), encoding="utf-8",
                  newline="") as f:
            data = f.read()
        if data and not data.endswith("\r\n"):
            bad(name, "lines must end in CRLF (RFC 4180)")
        return list(csv.DictReader(io.StringIO(data, newline="")))

    nodes = rows("nodes.csv")
    names = {e["id"]: e["name"] for e in tl["entities"]}
    if [n["Id"] for n in nodes] != [e["id"] for e in tl["entities"]]:
        bad("nodes.csv", "rows are not the entities of timeline.json")
    for n in nodes:
        if names.get(n["Id"]) != n["Label"]:
            bad("nodes.csv", f"{n['Id']}: label {n['Label']!r} changed")
    edges = rows("edges.csv")
    if len(edges) != len(tl["edges"]) + len(tl["relations"]):
        bad("edges.csv", "rows are not the edges of timeline.json")
    for e in edges:
        for end in ("Source", "Target"):
            if e[end] not in names:
                bad("edges.csv", f"{end} '{e[end]}' is not a node")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_outputs.py SCHEMA OUTDIR")
    schema_path, outdir = sys.argv[1:]
    schema = load_json(schema_path)
    tl_path = os.path.join(outdir, "timeline.json")
    tl = load_json(tl_path)
    check_timeline(schema, tl, tl_path)
    if not problems:
        p = os.path.join(outdir, "timelinejs.json")
        if os.path.exists(p):
            check_timelinejs(tl, load_json(p), p)
        p = os.path.join(outdir, "cytoscape.json")
        if os.path.exists(p):
            check_cytoscape(tl, load_json(p), p)
        for name, kind in (("graph.gexf", "gexf"), ("graph.graphml", "graphml")):
            p = os.path.join(outdir, name)
            if os.path.exists(p):
                check_xml_graph(tl, p, p, kind)
        if os.path.exists(os.path.join(outdir, "nodes.csv")):
            check_csv(tl, outdir, outdir)
    for p in problems[:50]:
        print(p)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    try:
        from importlib.metadata import version
        jv = version("jsonschema")
    except Exception:
        jv = "?"
    print(f"{outdir}: {'ok' if not problems else f'{len(problems)} problems'} "
          f"(jsonschema {jv})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
