#!/usr/bin/env bash
# Starts the real binary under Xvfb on the sample plan, takes a screenshot, checks that it is
# not blank, and closes the window.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=target/debug/integrationsplan
[ -x "$binary" ] || cargo build
out=${1:-target/gui-smoke.png}
display=:97
Xvfb "$display" -screen 0 1600x950x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$app_pid" 2>/dev/null || true; kill "$xvfb_pid" 2>/dev/null || true' EXIT
sleep 2
state=$(mktemp -d)
DISPLAY=$display XDG_CONFIG_HOME=$state XDG_DATA_HOME=$state LIBGL_ALWAYS_SOFTWARE=1 "$binary" >"$state/app.log" 2>&1 &
app_pid=$!
sleep 8
if ! kill -0 "$app_pid" 2>/dev/null; then
  echo "the app exited early:"; cat "$state/app.log"; exit 1
fi
DISPLAY=$display import -window root "$out"
colors=$(convert "$out" -format '%k' info:)
echo "screenshot $out has $colors colours"
if [ "$colors" -lt 50 ]; then
  echo "the window looks blank"; exit 1
fi
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
echo "gui smoke test passed"
