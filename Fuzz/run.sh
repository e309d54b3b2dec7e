#!/usr/bin/env bash
# Fuzz the journal parser and fold with libFuzzer and the address sanitizer.
#   Fuzz/run.sh [SECONDS] [JOBS]      default: 60 s, 1 job
# Builds SeanceModel with the fuzz entry (Fuzz/main.swift) into .build-fuzz/, seeds a work corpus
# from the demo journal, generated journals and Fuzz/corpus/ (the regression inputs, replayed by
# `swift test`), then runs. A crash is written to .build-fuzz/crashes/: copy it into Fuzz/corpus/
# once fixed, so it stays a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
out=.build-fuzz
mkdir -p "$out/work" "$out/crashes"
if [ ! -x "$out/fuzz-journal" ] || [ -n "$(find Sources/SeanceModel Fuzz/main.swift -newer "$out/fuzz-journal" -name '*.swift' | head -1)" ]; then
  echo "Construction de la cible (swiftc -sanitize=fuzzer,address)…"
  # SeanceModel imports CPangoCairo (the PDF): its module map, and pango's headers for clang.
  pango_includes=$(pkg-config --cflags-only-I pangocairo | sed 's/-I/-Xcc -I/g')
  # SeanceModel reads spreadsheets with ZIPFoundation: its module and objects come from the
  # package's own debug build (swift build), linked without the sanitizers.
  [ -d .build/debug/ZIPFoundation.build ] || swift build --product seance >/dev/null
  swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SeanceModel \
    -I Sources/CPangoCairo $pango_includes -I .build/debug/Modules -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap \
    $(find Sources/SeanceModel -name '*.swift' | sort) Fuzz/main.swift .build/debug/ZIPFoundation.build/*.o \
    $(pkg-config --libs pangocairo) -lz -o "$out/fuzz-journal" 2>&1 | grep -v "Cannot export local symbol" || true
  [ -x "$out/fuzz-journal" ] || { echo "échec de la construction" >&2; exit 1; }
fi
if [ -z "$(ls -A "$out/work")" ]; then
  # Seeds of a few kilobytes: the demo cut into slices that keep its header and first séance,
  # and small generated journals (big inputs make each run slow and teach the fuzzer little).
  demo=data/demo/saint-flour.seance
  head -60 "$demo" > "$out/work/demo-head.seance"
  for start in 60 200 400 600 800 1000; do
    { head -30 "$demo"; sed -n "${start},$((start + 25))p" "$demo"; } > "$out/work/demo-$start.seance"
  done
  cp Fuzz/corpus/* "$out/work/" 2>/dev/null || true
  if [ -x .build/debug/seance ]; then
    for n in 20 40; do .build/debug/seance generate --events $n --out "$out/work/gen-$n.seance" >/dev/null; done
  fi
fi
parallel=()
# Several jobs write their logs to fuzz-N.log in the current folder.
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
"$out/fuzz-journal" -max_total_time="$seconds" "${parallel[@]}" -max_len=8192 \
  -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$out/crashes/" -print_final_stats=1 "$out/work" Fuzz/corpus
