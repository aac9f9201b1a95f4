#!/bin/sh
# Every output format, checked as its readers would read it: the main job
# runs on the samples, an empty corpus and one full of hostile text, and
# check_outputs.py validates timeline.json against the committed JSON
# Schema (draft 2020-12, with Debian's python3-jsonschema) and compares
# each export with it.  Then broken files must be caught, so the checker
# is known to bite.  Usage: run.sh BUILD_DIR SOURCE_DIR
set -u
bin="$(cd "$1" && pwd)/newsgraph"
src="$(cd "$2" && pwd)"
schema="$src/src/write/timeline.schema.json"
check="$src/tests/formats/check_outputs.py"
tmp=$(mktemp -d)
trap '[ -n "${NG_KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Debian's python3 first: that is where python3-jsonschema installs.
py=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import jsonschema; jsonschema.Draft202012Validator' 2>/dev/null; then
    py=$p
    break
  fi
done
if [ -z "$py" ]; then
  echo "FAIL: no JSON Schema validator: install the Debian package" \
    "python3-jsonschema (.ci/setup does), then run the tests again"
  exit 1
fi

formats="all"

# run NAME EXPECTED_EXIT INPUT...: the main job into $tmp/NAME, checked.
run() {
  name=$1 want=$2
  shift 2
  "$bin" -q --format "$formats" -o "$tmp/$name" "$@" >"$tmp/$name.out" 2>&1
  got=$?
  if [ "$got" != "$want" ]; then
    bad "$name: exit $got, want $want"
    cat "$tmp/$name.out"
    return
  fi
  if "$py" "$check" "$schema" "$tmp/$name" >"$tmp/$name.check" 2>&1; then
    ok
  else
    bad "$name: outputs do not check"
    sed 's/^/  | /' "$tmp/$name.check"
  fi
}

# The samples.
run samples 0 "$src/samples"

# An empty corpus: no documents, every file still valid (exit 1: the
# folder held no article).
mkdir -p "$tmp/in-empty"
run empty 1 "$tmp/in-empty"

# Hostile text: quotes, backslashes, markup, ampersands, commas, line
# breaks, non-ASCII names, spreadsheet formulas, a repeated id.
mkdir -p "$tmp/in-hostile"
cat >"$tmp/in-hostile/a.jsonl" <<'EOF'
{"id":"a\"b<c>&d,e\nf\\g","title":"Kremlin \"says\" <b>no</b> & more, really\\","url":"https://example.org/?a=1&b=<2>","published":"2021-02-15","text":"José Müller, the chief of Zürich Bank, met Łukasz Żółć in Kraków on Monday. Müller said AT&T and Procter & Gamble would \"join\" talks.\nŻółć agreed on Tuesday, February 16, 2021."}
{"id":"a\"b<c>&d,e\nf\\g","text":"José Müller met Łukasz Żółć again in Kraków on February 20, 2021. Müller, 54, praised Żółć ]]> --> </x>."}
{"id":"=cmd|' /C calc'!A0","title":"=HYPERLINK(\"x\")","text":"Elon Musk invited Vladimir Putin to Clubhouse on February 13, 2021. Musk wrote \"C:\\Users\\Nina\" on Twitter.\u0001\u001f"}
EOF
printf 'Sir Tim O%sBrien-Smith of Acme, Inc. met Angela Merkel in S\303\243o Paulo on 3 March 2020.\r\nO%sBrien-Smith and Merkel talked <script>alert(1)</script> \\N \\G "quoted, too".\n' "'" "'" >"$tmp/in-hostile/b.txt"
cat >"$tmp/in-hostile/c.html" <<'EOF'
<html><head><title>Merkel &amp; "Musk" &lt;meet&gt;, again</title>
<meta property="article:published_time" content="2021-03-01"></head>
<body><p>Angela Merkel met Elon Musk in Berlin on 1 March 2021, said Olaf Scholz &amp; co.</p></body></html>
EOF
run hostile 0 "$tmp/in-hostile"
for f in timeline.json; do
  grep -q 'Łukasz Żółć' "$tmp/hostile/$f" && ok || bad "hostile: $f lost the non-ASCII name"
done

# The same input gives the same bytes.
"$bin" -q --format "$formats" -o "$tmp/hostile2" "$tmp/in-hostile" >/dev/null 2>&1
for f in $(cd "$tmp/hostile" && ls); do
  cmp -s "$tmp/hostile/$f" "$tmp/hostile2/$f" && ok || bad "$f differs between runs"
done

# The checker must catch broken files, each for the right reason.  A
# case copies the samples' outputs, runs CODE on the text t of FILE and
# expects a problem line holding EXPECT.
n=0
while IFS='|' read -r what file code expect; do
  n=$((n + 1))
  rm -rf "$tmp/broken/$n" && mkdir -p "$tmp/broken" && cp -r "$tmp/samples" "$tmp/broken/$n"
  "$py" - "$tmp/broken/$n/$file" "$code" <<'EOF'
import json, sys
path, code = sys.argv[1], sys.argv[2]
t = open(path, encoding="utf-8", newline="").read()
exec(code)
open(path, "w", encoding="utf-8", newline="").write(t)
EOF
  if "$py" "$check" "$schema" "$tmp/broken/$n" >"$tmp/broken/$n.out" 2>&1; then
    bad "checker missed: $what"
  elif ! grep -q -- "$expect" "$tmp/broken/$n.out"; then
    bad "checker caught '$what' for another reason:"
    sed 's/^/  | /' "$tmp/broken/$n.out"
  else
    ok
  fi
done <<'EOF'
numeric entity id|timeline.json|j = json.loads(t); j["entities"][0]["id"] = 7; t = json.dumps(j)|is not of type 'string'
unknown precision|timeline.json|j = json.loads(t); j["events"][0]["precision"] = "fortnight"; t = json.dumps(j)|'fortnight' is not one of
day precision, month date|timeline.json|j = json.loads(t); e = [e for e in j["events"] if e["precision"] == "day"][0]; e["date"] = e["date"][:7]; t = json.dumps(j)|does not match
unknown published_from|timeline.json|j = json.loads(t); [d for d in j["documents"] if d["published"]][0]["published_from"] = "guess"; t = json.dumps(j)|'guess' is not one of
published_from without a date|timeline.json|j = json.loads(t); [d for d in j["documents"] if d["published"]][0]["published"] = None; t = json.dumps(j)|should not be valid
entity without merge record|timeline.json|j = json.loads(t); del j["entities"][0]["merged"]; t = json.dumps(j)|'merged' is a required property
entity type outside the enum|timeline.json|j = json.loads(t); j["entities"][0]["type"] = "PERSON"; t = json.dumps(j)|'PERSON' is not one of
edge to a missing entity|timeline.json|j = json.loads(t); j["edges"][0]["target"] = "person:nobody-at-all"; t = json.dumps(j)|unknown target
event with an unknown participant|timeline.json|j = json.loads(t); j["events"][0]["participants"].append("place:atlantis"); t = json.dumps(j)|unknown participant
two events with one id|timeline.json|j = json.loads(t); j["events"][1]["id"] = j["events"][0]["id"]; t = json.dumps(j)|used twice
relation without sources|timeline.json|j = json.loads(t); j["relations"][0]["sources"] = []; t = json.dumps(j)|is too short
source without offsets|timeline.json|j = json.loads(t); del j["events"][0]["sources"][0]["start"]; t = json.dumps(j)|'start' is a required property
offsets backwards|timeline.json|j = json.loads(t); s = j["events"][0]["sources"][0]; s["start"], s["end"] = s["end"], s["start"]; t = json.dumps(j)|after end
missing section|timeline.json|j = json.loads(t); del j["edges"]; t = json.dumps(j)|'edges' is a required property
co-mention weight without its sentences|timeline.json|j = json.loads(t); j["edges"][0]["weight"] += 1; t = json.dumps(j)|sentences
cytoscape edge to a missing node|cytoscape.json|j = json.loads(t); j["elements"]["edges"][0]["data"]["target"] = "person:nobody"; t = json.dumps(j)|target does not exist
cytoscape node missing|cytoscape.json|j = json.loads(t); j["elements"]["nodes"].pop(); t = json.dumps(j)|nodes are not the entities
TimelineJS month 13|timelinejs.json|j = json.loads(t); j["events"][0]["start_date"]["month"] = 13; t = json.dumps(j)|is not a date
TimelineJS event without a date|timelinejs.json|j = json.loads(t); del j["events"][0]["start_date"]; t = json.dumps(j)|no start_date
GEXF cut short|graph.gexf|t = t[: len(t) // 2]|not well-formed
GEXF edge to a missing node|graph.gexf|t = t.replace('target="organization:kremlin"', 'target="organization:kreml"', 1)|target does not exist
GEXF end before start|graph.gexf|t = t.replace('end="2021-02-15"', 'end="2020-01-01"', 1)|starts after it ends
GraphML id that is no NMTOKEN|graph.graphml|t = t.replace('<node id="person:elon-musk"', '<node id="person:elon musk"', 1)|is not an NMTOKEN
GraphML label changed|graph.graphml|t = t.replace('>Elon Musk<', '>Elon  Musk<', 1)|label
CSV with bare line feeds|nodes.csv|t = t.replace("\r\n", "\n")|CRLF
CSV label broken by a comma|nodes.csv|t = t.replace(",Elon Musk,", ",Elon, Musk,", 1)|label
EOF

echo "formats: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
