#!/bin/sh
# Makes (once) a Python virtual environment with pabutools, for the Equal Shares benchmark and
# conformance check; prints its python. Never run by the tests.
#     Scripts/pabutools-venv.sh [DIR]      (default: $TMPDIR/seance-pabutools)
set -eu
dir="${1:-${TMPDIR:-/tmp}/seance-pabutools}"
if [ ! -x "$dir/bin/python" ] || ! "$dir/bin/python" -c "import pabutools" 2>/dev/null; then
    python3 -m venv "$dir" >&2
    "$dir/bin/pip" install --quiet pabutools >&2
fi
echo "$dir/bin/python"
