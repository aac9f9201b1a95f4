#!/bin/sh
# The manual page (build/newsgraph.1, from src/cli/newsgraph.1.in): groff
# renders it without a single warning, man reads it, and it documents
# every option that --help lists.  Usage: man.sh BUILD_DIR SOURCE_DIR
set -u
build="$(cd "$1" && pwd)"
page="$build/newsgraph.1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

[ -s "$page" ] || { echo "FAIL: no $page"; exit 1; }
command -v groff >/dev/null || { echo "FAIL: groff missing (.ci/setup installs groff-base)"; exit 1; }

# -ww: every warning; -z: no output, only the diagnostics.
groff -man -Tutf8 -ww -z "$page" 2>"$tmp/warnings"
if [ -s "$tmp/warnings" ]; then
  echo "FAIL: groff warns about newsgraph.1:"; cat "$tmp/warnings"; fail=1
fi
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$page" >"$tmp/man.txt" 2>"$tmp/man.err" </dev/null
  if [ $? -ne 0 ] || [ -s "$tmp/man.err" ]; then
    echo "FAIL: man -l newsgraph.1"; cat "$tmp/man.err"; fail=1
  fi
fi
grep -q "newsgraph $("$build/newsgraph" --version | cut -d' ' -f2)" "$page" ||
  { echo "FAIL: the page does not carry the program's version"; fail=1; }

# The options --help lists (the "-x, --long" column of its Options), each
# looked for in the rendered page as a whole word.
groff -man -Tascii -P-cbou "$page" 2>/dev/null >"$tmp/page.txt"
"$build/newsgraph" --help | sed -n '/^Options:/,/^$/p' |
  grep -oE '^ +(-[A-Za-z]|--[a-z-]+)(, --[a-z-]+)?' |
  tr ',' '\n' | tr -d ' ' | grep . >"$tmp/options"
n=$(wc -l <"$tmp/options")
[ "$n" -ge 10 ] || { echo "FAIL: found only $n options in --help"; fail=1; }
while read -r opt; do
  grep -qE -- "(^|[^-a-z])$opt([^-a-z]|\$)" "$tmp/page.txt" ||
    { echo "FAIL: newsgraph.1 does not document $opt"; fail=1; }
done <"$tmp/options"

[ "$fail" -eq 0 ] && echo "man: $n options documented, no warnings"
[ "$fail" -eq 0 ]
