#!/bin/sh
# cytoscape.json loaded into the real Cytoscape.js (npm package, run
# headless in Node, offline: .ci/setup installed it with npm ci from
# tests/formats/package-lock.json).  The samples, an empty corpus and
# hostile labels must load with the counts timeline.json promises; a
# file with an edge to a missing node must be refused.
# Usage: cytoscape.sh BUILD_DIR SOURCE_DIR
set -u
bin="$(cd "$1" && pwd)/newsgraph"
src="$(cd "$2" && pwd)"
here="$src/tests/formats"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if ! command -v node >/dev/null 2>&1; then
  echo "FAIL: Node.js is missing: install the Debian package nodejs (.ci/setup does)"
  exit 1
fi
if [ ! -f "$here/node_modules/cytoscape/package.json" ]; then
  echo "FAIL: the npm package cytoscape is missing: run .ci/setup" \
    "(it runs npm ci --prefix tests/formats)"
  exit 1
fi

mkdir -p "$tmp/in-empty" "$tmp/in-hostile"
cat >"$tmp/in-hostile/a.jsonl" <<'JSONL'
{"id":"q\"<&>","published":"2021-02-15","text":"José Müller of Zürich Bank met Łukasz Żółć in Kraków on Monday. Müller said AT&T and Procter & Gamble would \"join\" talks with \\\"C:\\Users\\\" on Tuesday, February 16, 2021."}
JSONL
for corpus in "$src/samples" "$tmp/in-empty" "$tmp/in-hostile"; do
  name=$(basename "$corpus")
  "$bin" -q -f json,cytoscape -o "$tmp/out-$name" "$corpus" >/dev/null 2>&1
  if node "$here/cytoscape_load.js" "$tmp/out-$name/cytoscape.json" \
    "$tmp/out-$name/timeline.json" >"$tmp/$name.log" 2>&1; then
    ok
  else
    bad "$name: cytoscape.json does not load as it should"
  fi
  sed 's/^/  | /' "$tmp/$name.log"
done

# The check must bite: an edge to a node that is not there.
sed 's/"target":"organization:kremlin"/"target":"organization:nowhere"/' \
  "$tmp/out-samples/cytoscape.json" >"$tmp/broken.json"
if cmp -s "$tmp/broken.json" "$tmp/out-samples/cytoscape.json"; then
  bad "could not break the samples' cytoscape.json"
elif node "$here/cytoscape_load.js" "$tmp/broken.json" \
  "$tmp/out-samples/timeline.json" >"$tmp/broken.log" 2>&1; then
  bad "an edge to a missing node was accepted"
else
  grep -q "nonexistent target" "$tmp/broken.log" && ok ||
    bad "refused for another reason: $(cat "$tmp/broken.log")"
fi

echo "cytoscape: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
