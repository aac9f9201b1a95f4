#!/bin/sh
# Regenerate tests/golden/expected from the current build, for when an
# output changes on purpose.  Builds first, refuses to record a run that
# crashed or is not repeatable, then leaves the change for you to read:
#   tests/golden/update.sh [BUILD_DIR]       (default: build)
#   git diff tests/golden/expected
# Commit the expected files together with the change that explains them.
set -eu
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$src/build}"
cmake --build "$build" -j2 >/dev/null
sh "$src/tests/golden/outputs.sh" "$build" "$src" --update
cd "$src" && git status --short -- tests/golden/expected
