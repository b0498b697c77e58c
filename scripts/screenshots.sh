#!/bin/bash
# Pictures of the real window under Xvfb, as a workshop room sees it: German and English,
# normal and presentation mode, on 1280×720 and 1024×768 projectors and a 1600×1000 desk screen.
# The plan is the sample with a fourth scenario (a copy of the first with 20 % more arrivals),
# all four compared, the P10–P90 bands on (INTEGRATIONSPLAN_BANDS=1): the busiest view a
# workshop shows.
# Usage: scripts/screenshots.sh [binary] [out-dir]   (needs xvfb, imagemagick, python3; see README)
set -euo pipefail
binary=${1:-target/debug/integrationsplan}
out=${2:-docs}
display=:94
plan_dir=$(mktemp -d)
plan=$plan_dir/nrw-2025-vier-szenarien.json
python3 - "$plan" <<'PY'
import json, sys
plan = json.load(open("sample-data/nrw-2025.json", encoding="utf-8"))
fourth = dict(plan["scenarios"][0])
fourth.update(id="basis-plus", name="Basis mit 20 % mehr Zugang", arrival_factor=1.2)
fourth.pop("color", None)
plan["scenarios"].append(fourth)
json.dump(plan, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
for size in 1280x720 1024x768 1600x1000; do
  for language in de en; do
    for mode in normal presentation; do
      Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
      xvfb=$!
      sleep 1
      # A window manager, when there is one, so that full screen and maximising work as on a desktop.
      wm=
      if command -v openbox >/dev/null; then
        DISPLAY=$display openbox >/dev/null 2>&1 &
        wm=$!
        sleep 1
      fi
      home=$(mktemp -d)
      flags=(--language "$language")
      if [ "$mode" = presentation ]; then flags+=(--presentation); fi
      DISPLAY=$display XDG_CONFIG_HOME=$home XDG_DATA_HOME=$home LIBGL_ALWAYS_SOFTWARE=1 INTEGRATIONSPLAN_BANDS=1 \
        "$binary" "${flags[@]}" "$plan" >/dev/null 2>&1 &
      app=$!
      sleep 9; DISPLAY=$display xdotool mousemove 1 "$(( ${size#*x} - 2 ))"; sleep 1
      DISPLAY=$display import -window root "$out/screenshot-$size-$language-$mode.png"
      kill "$app" $wm "$xvfb" 2>/dev/null || true
      wait "$app" $wm "$xvfb" 2>/dev/null || true
      rm -rf "$home"
    done
  done
done
rm -rf "$plan_dir"
echo "pictures in $out/screenshot-*-{de,en}-{normal,presentation}.png"
