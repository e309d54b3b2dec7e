#!/bin/sh
# Times Equal Shares with add1 on Wieliczka 2023 against pabutools, in one run of seance-bench.
#     Scripts/bench-equal-shares.sh PABUTOOLS_GIT_DIR
# PABUTOOLS_GIT_DIR: a git copy of COMSOC-Community/pabutools (bare or not); the election is
# read from it with `git show`, nothing is copied into the project. The virtual environment
# with pabutools is made by Scripts/pabutools-venv.sh. SEANCE_BENCH may name a built
# seance-bench (release); otherwise `swift run -c release seance-bench` builds it.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
git_dir="${1:?usage: bench-equal-shares.sh PABUTOOLS_GIT_DIR}"
if [ -d "$git_dir/.git" ]; then git_dir="$git_dir/.git"; fi
PABUTOOLS_GIT="$git_dir" PABUTOOLS_PYTHON="$("$here/pabutools-venv.sh")"
export PABUTOOLS_GIT PABUTOOLS_PYTHON
if [ -n "${SEANCE_BENCH:-}" ]; then
    exec "$SEANCE_BENCH" --only parts-egales
fi
cd "$here/.." && exec swift run -c release seance-bench --only parts-egales
