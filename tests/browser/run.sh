#!/bin/sh
# One browser test: the samples run through newsgraph -f all, then
# NAME.js opens the result in Debian's headless chromium (see harness.js).
# Screenshots are kept in BUILD_DIR/tests/screenshots/NAME.png.  A missing
# chromium, Node or npm package fails the test: it never passes unrun.
# Usage: run.sh NAME BUILD_DIR SOURCE_DIR
set -u
name=$1
build="$(cd "$2" && pwd)"
src="$(cd "$3" && pwd)"
here="$src/tests/browser"
chromium=${NG_CHROMIUM:-/usr/bin/chromium}

if ! command -v node >/dev/null 2>&1; then
  echo "FAIL: Node.js is missing: install the Debian package nodejs (.ci/setup does)"
  exit 1
fi
if [ ! -x "$chromium" ]; then
  echo "FAIL: $chromium is missing: install the Debian package chromium (.ci/setup does)"
  exit 1
fi
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  echo "FAIL: the npm packages of tests/browser are missing: run .ci/setup" \
    "(it runs npm ci --prefix tests/browser)"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$build/newsgraph" -q -f all -o "$tmp/out" "$src/samples"; then
  echo "FAIL: newsgraph -f all on samples/ failed"
  exit 1
fi
# Chromium keeps its crash reports and caches under HOME: keep them here.
HOME="$tmp" NG_BIN="$build/newsgraph" node "$here/$name.js" "$tmp/out" "$build/tests/screenshots"
