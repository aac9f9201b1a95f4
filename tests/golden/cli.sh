#!/bin/sh
# Binary-level tests of the command line (as jq's tests/shtest): exit
# codes, one-line errors naming the file, outputs whole or not at all,
# the same bytes on every run.  Usage: cli.sh BUILD_DIR SOURCE_DIR
# What the outputs say is outputs.sh's job (tests/golden/expected).
set -u
bin="$(cd "$1" && pwd)/newsgraph"
src="$(cd "$2" && pwd)"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect CODE DESCRIPTION -- COMMAND...: run, compare the exit code.
expect() {
  want=$1 what=$2; shift 3
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, want $want"; cat "$tmp/stderr"; fi
}
has() { # has FILE PATTERN DESCRIPTION
  if grep -q -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1"; sed 's/^/  | /' "$1" | head -5; fi
}
lines() { # lines FILE N DESCRIPTION
  n=$(wc -l <"$1")
  if [ "$n" -eq "$2" ]; then ok; else bad "$3: $n lines, want $2"; fi
}

# Help, version and usage errors.
expect 0 "--help" -- "$bin" --help
has "$tmp/stdout" "Usage:" "--help prints usage"
expect 0 "--version" -- "$bin" --version
has "$tmp/stdout" "^newsgraph [0-9]" "--version"
expect 2 "unknown option" -- "$bin" --frobnicate
has "$tmp/stderr" "unknown option '--frobnicate'" "unknown option named"
expect 2 "bad --date" -- "$bin" extract --date 15/02/2021 "$src/samples"
has "$tmp/stderr" "not a date" "bad date explained"
expect 2 "extract without input" -- "$bin" extract

# Bad inputs: each named on one line, the rest still read, exit 1.
mkdir -p "$tmp/in/empty-folder"
printf 'Elon Musk spoke on Monday.\n' >"$tmp/in/good.txt"
: >"$tmp/in/empty.txt"
printf 'caf\351 latin-1\n' >"$tmp/in/latin1.txt"
printf 'x' >"$tmp/in/notes.docx"
printf '{"id": "a", "text": "Putin listened."}\nnot json\n{"id": "c"}\n' >"$tmp/in/docs.jsonl"
expect 1 "bad inputs" -- "$bin" extract "$tmp/in/good.txt" "$tmp/in/missing.txt" \
  "$tmp/in/empty.txt" "$tmp/in/latin1.txt" "$tmp/in/notes.docx" \
  "$tmp/in/empty-folder" "$tmp/in/docs.jsonl"
has "$tmp/stderr" "missing.txt': cannot read: No such file" "missing file"
has "$tmp/stderr" "empty.txt': empty file" "empty file"
has "$tmp/stderr" "latin1.txt': not UTF-8 (bad byte at offset 3): read as Windows-1252" "not UTF-8 is read as Windows-1252"
has "$tmp/stderr" "notes.docx': unknown kind of file" "unknown extension"
has "$tmp/stderr" "empty-folder': no articles in folder" "empty folder"
has "$tmp/stderr" "docs.jsonl': line 2" "bad JSON line"
has "$tmp/stderr" "docs.jsonl': line 3" "JSON line without text"
lines "$tmp/stdout" 3 "the good documents and the good JSON line still come out"
has "$tmp/stdout" '"id":"a"' "good JSON line extracted"
n=$(wc -l <"$tmp/stderr")
[ "$n" -eq 7 ] && ok || bad "one stderr line per problem: got $n"
expect 0 "a Latin-1 text is read, with a warning" -- "$bin" extract --text "$tmp/in/latin1.txt"
has "$tmp/stdout" '"text":"café latin-1' "Latin-1 text decoded"

# Standard input.
printf 'Vladimir Putin spoke.\n' | "$bin" extract - >"$tmp/stdout" 2>"$tmp/stderr"
[ $? -eq 0 ] && ok || bad "stdin extract"
has "$tmp/stdout" '"source":"-"' "stdin document"

# extract -o FILE: whole, or not at all.
expect 0 "extract -o" -- "$bin" extract -o "$tmp/x.jsonl" "$src/samples"
[ -s "$tmp/x.jsonl" ] && ok || bad "extract -o wrote nothing"
ls "$tmp" | grep -q '\.tmp' && bad "temporary file left behind" || ok
expect 3 "extract -o into a missing folder" -- "$bin" extract -o "$tmp/no/such/x.jsonl" "$src/samples"
has "$tmp/stderr" "cannot write" "unwritable output explained"

# The main job.
expect 0 "main job on samples" -- "$bin" -o "$tmp/out1" "$src/samples"
for f in graph.dot graph.svg timeline.json timeline.dot timeline.svg; do
  [ -s "$tmp/out1/$f" ] && ok || bad "main job wrote no $f"
done
# The web page's byline is carried to its document.
tr -d ' \n' <"$tmp/out1/timeline.json" | grep -q '"authors":\["NadiaOrlov"\]' &&
  ok || bad "page author not in timeline.json"
expect 0 "main job again" -- "$bin" -o "$tmp/out2" "$src/samples"
for f in graph.dot graph.svg timeline.json timeline.dot timeline.svg; do
  cmp -s "$tmp/out1/$f" "$tmp/out2/$f" && ok || bad "$f differs between runs"
done

# Drawing options: --top, --min-weight, --layout.
expect 0 "--top 5 --layout dot" -- "$bin" --top 5 --min-weight=2 --layout dot -o "$tmp/top" "$src/samples"
n=$(grep -c 'id="[a-z]*:' "$tmp/top/graph.dot")
[ "$n" -eq 5 ] && ok || bad "--top 5 drew $n entities"
has "$tmp/top/graph.dot" "layout=dot" "--layout reaches graph.dot"
has "$tmp/top/graph.svg" "most mentioned of" "graph.svg says what was left out"
expect 2 "unknown layout" -- "$bin" --layout nope "$src/samples"
has "$tmp/stderr" "unknown layout engine 'nope'" "unknown layout named"
expect 2 "bad --top" -- "$bin" --top -3 "$src/samples"
has "$tmp/stderr" "'-3' is not a count" "bad count named"
expect 2 "--min-weight without a value" -- "$bin" --min-weight
# Defaults: samples/ into out/, from the project's root.
(cd "$tmp" && mkdir -p proj && cp -r "$src/samples" proj/ && cd proj && "$bin" >/dev/null 2>&1)
[ -s "$tmp/proj/out/timeline.json" ] && ok || bad "default run wrote no out/timeline.json"

# --format picks the files; the default stays graph.dot, graph.svg,
# timeline.json.
expect 0 "--format gexf,csv" -- "$bin" -f gexf,csv -o "$tmp/fmt1" "$src/samples"
[ "$(ls "$tmp/fmt1" | tr '\n' ' ')" = "edges.csv graph.gexf nodes.csv " ] && ok ||
  bad "--format gexf,csv wrote: $(ls "$tmp/fmt1" | tr '\n' ' ')"
expect 0 "--format=all" -- "$bin" --format=all -o "$tmp/fmt2" "$src/samples"
[ "$(ls "$tmp/fmt2" | wc -l)" -eq 12 ] && ok || bad "--format=all wrote $(ls "$tmp/fmt2" | wc -l) files"
cmp -s "$tmp/fmt2/timeline.json" "$tmp/out1/timeline.json" && ok || bad "timeline.json depends on --format"
expect 2 "unknown format" -- "$bin" -f dot,pdf "$src/samples"
has "$tmp/stderr" "unknown format 'pdf'" "unknown format named"
expect 2 "--format with extract" -- "$bin" extract -f csv "$src/samples"
expect 2 "--format without a value" -- "$bin" --format

# An output folder that cannot be made: exit 3, nothing half-written.
printf 'x' >"$tmp/a-file"
expect 3 "output folder is a file" -- "$bin" -o "$tmp/a-file/out" "$src/samples"
has "$tmp/stderr" "cannot write to" "unwritable folder explained"
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$tmp/ro" && cp "$tmp/out1/graph.dot" "$tmp/ro/" && chmod a-w "$tmp/ro"
  expect 3 "read-only output folder" -- "$bin" -o "$tmp/ro" "$src/samples"
  cmp -s "$tmp/ro/graph.dot" "$tmp/out1/graph.dot" && ok || bad "old output damaged"
fi

# Some inputs skipped in the main job: exit 1, outputs still written.
expect 1 "main job with a bad input" -- "$bin" -o "$tmp/out3" "$src/samples" "$tmp/in/missing.txt"
[ -s "$tmp/out3/timeline.json" ] && ok || bad "outputs written despite a skipped input"

# -v: a line per document (source, date and where it came from, counts)
# and a timing summary; -q: silence; the last of the two wins.
expect 0 "-v" -- "$bin" -v -o "$tmp/v" "$src/samples"
n=$(grep -c 'mentions, [0-9]* timexes, [0-9]* events$' "$tmp/stderr")
[ "$n" -eq 9 ] && ok || bad "-v: $n document lines, want 9 (5 texts, a page, 3 feed items)"
has "$tmp/stderr" "005_musk_putin_page.html: published 2021-02-15 (metadata), " "-v: the date and where it came from"
has "$tmp/stderr" "no publication date, " "-v: an undated document says so"
has "$tmp/stderr" "^newsgraph: 9 documents, [0-9.]* MB in [0-9.]* s ([0-9.]* MB/s); wrote 6 files into $tmp/v\$" "-v: timing summary"
cmp -s "$tmp/v/timeline.json" "$tmp/out1/timeline.json" && ok || bad "-v changes timeline.json"
expect 0 "extract -q -v" -- "$bin" extract -q -v "$src/samples/000_8b4a63b7100adefd.txt"
has "$tmp/stderr" "000_8b4a63b7100adefd.txt: published" "extract -q -v: -v wins"
expect 0 "-q -v: -v wins" -- "$bin" -q -v -o "$tmp/v" "$src/samples"
lines "$tmp/stderr" 10 "-q -v: -v wins, 9 document lines and the summary"
expect 1 "-v -q with a bad input" -- "$bin" -v -q -o "$tmp/v" "$src/samples" "$tmp/in/missing.txt"
lines "$tmp/stderr" 0 "-v -q: -q wins, nothing on standard error"
expect 1 "extract -v with a bad input" -- "$bin" extract -v "$tmp/in/good.txt" "$tmp/in/missing.txt"
has "$tmp/stderr" "missing.txt': cannot read" "-v still names skipped inputs"
has "$tmp/stderr" "good.txt: no publication date, [0-9]* mentions" "extract -v document line"
has "$tmp/stderr" "^newsgraph: 1 documents, .*; wrote standard output\$" "extract -v summary"

# The progress line: never when standard error is not a terminal ...
expect 0 "no terminal, no progress line" -- "$bin" -o "$tmp/p" "$src/samples"
lines "$tmp/stderr" 0 "quiet standard error off a terminal"
# ... and on one, rewritten with \r and wiped at the end (script(1) gives
# a pseudo-terminal; without it this part is skipped).
if command -v script >/dev/null 2>&1; then
  script -qec "'$bin' -o '$tmp/pty' '$src/samples'" /dev/null >"$tmp/pty.out" 2>&1 </dev/null
  [ $? -eq 0 ] && ok || bad "run under a pseudo-terminal"
  has "$tmp/pty.out" "newsgraph: [0-9,]* documents, [0-9.]* MB, [0-9.]* MB/s" "progress line on a terminal"
  tr '\r' '\n' <"$tmp/pty.out" | grep -q 'newsgraph: [0-9]' && ok || bad "progress line starts after a carriage return"
  last=$(tr '\r' '\n' <"$tmp/pty.out" | tail -1 | tr -d ' \n')
  [ -z "$last" ] && ok || bad "progress line not wiped at the end: '$last'"
  script -qec "'$bin' -q -o '$tmp/pty' '$src/samples'" /dev/null >"$tmp/pty.out" 2>&1 </dev/null
  [ -s "$tmp/pty.out" ] && bad "-q still shows a progress line" || ok
else
  echo "cli: script(1) missing, progress line on a terminal not tested"
fi

# -o -: the main job's one file to standard output, the bytes -o DIR writes.
expect 0 "-o -" -- "$bin" -o - "$src/samples"
cmp -s "$tmp/stdout" "$tmp/out1/timeline.json" && ok || bad "-o - is not timeline.json"
[ -e ./- ] && bad "-o - made a folder named -" || ok
expect 0 "-o - -f dot" -- "$bin" -o - -f dot "$src/samples"
cmp -s "$tmp/stdout" "$tmp/out1/graph.dot" && ok || bad "-o - -f dot is not graph.dot"
expect 0 "-o - -f gexf" -- "$bin" -f gexf -o - "$src/samples"
cmp -s "$tmp/stdout" "$tmp/fmt1/graph.gexf" && ok || bad "-o - -f gexf is not graph.gexf"
expect 2 "-o - with two files" -- "$bin" -o - -f csv "$src/samples"
has "$tmp/stderr" "'-o -' writes one file to standard output" "-o - -f csv explained"
expect 2 "-o - with two formats" -- "$bin" -o - -f dot,json "$src/samples"
lines "$tmp/stdout" 0 "a usage error writes nothing"
expect 1 "-o - with a bad input" -- "$bin" -o - "$src/samples" "$tmp/in/missing.txt"
cmp -s "$tmp/stdout" "$tmp/out1/timeline.json" && ok || bad "-o - output despite a skipped input"
if [ -w /dev/full ]; then
  expect 3 "-o - onto a full disk" -- sh -c '"$1" -o - "$2" >/dev/full' sh "$bin" "$src/samples"
  expect 3 "extract -o - onto a full disk" -- sh -c '"$1" extract -o - "$2" >/dev/full' sh "$bin" "$src/samples"
fi
# extract -o - is standard output, as without -o.
"$bin" extract "$src/samples" >"$tmp/x1.jsonl" 2>/dev/null
expect 0 "extract -o -" -- "$bin" extract -o - "$src/samples"
cmp -s "$tmp/stdout" "$tmp/x1.jsonl" && ok || bad "extract -o - differs from extract"
cmp -s "$tmp/stdout" "$tmp/x.jsonl" && ok || bad "extract -o - differs from extract -o FILE"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
