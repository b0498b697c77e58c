#!/usr/bin/env bash
# Checks the HTML report (`integrationsplan report`) in a real headless browser: Debian's
# chromium renders it, nothing is loaded from outside the file, it fits a phone and prints on
# A4, and axe-core reports no serious or critical accessibility violation.
#
# Needs chromium (apt-get install chromium) and, from the npm registry, puppeteer-core and
# axe-core, which this script installs into target/report-check/ on first use; so it needs the
# network once and is not part of CI. Screenshots and PDFs land in target/report-check/out/.
#
# Usage: scripts/report-check.sh [--install]   (--install also apt-installs chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WORK="$TARGET_DIR/report-check"
OUT="$WORK/out"
mkdir -p "$OUT"

if [ "${1:-}" = "--install" ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then
  echo "error: chromium not found; run: scripts/report-check.sh --install (or apt-get install chromium)" >&2
  exit 2
fi
command -v node >/dev/null || { echo "error: node not found (apt-get install nodejs npm)" >&2; exit 2; }

# puppeteer-core 23 still runs on Debian 12's Node 18/20 and brings no browser of its own.
if [ ! -d "$WORK/node_modules/puppeteer-core" ] || [ ! -d "$WORK/node_modules/axe-core" ]; then
  npm install --prefix "$WORK" --no-audit --no-fund --silent puppeteer-core@23 axe-core@4
fi
cp scripts/report-check.mjs "$WORK/report-check.mjs"

cargo build --quiet --bin integrationsplan
BIN="$TARGET_DIR/debug/integrationsplan"
"$BIN" report sample-data/nrw-2025.json --output "$OUT/bericht-de.html"
"$BIN" report sample-data/nrw-2025.json --output "$OUT/report-en.html" --language en
# A plan whose names try to inject markup.
HOSTILE="$OUT/hostile.json"
python3 - "$HOSTILE" <<'PY'
import json, sys
plan = json.load(open("sample-data/nrw-2025.json"))
bad = '<script>alert("x")</script><img src="https://example.org/x.png">'
plan["meta"]["title"] += " " + bad
plan["domains"][0]["name"] += " " + bad
plan["scenarios"][0]["name"] += " " + bad
plan["regions"][0]["name"] += " " + bad
json.dump(plan, open(sys.argv[1], "w"))
PY
"$BIN" report "$HOSTILE" --output "$OUT/hostile.html"

node "$WORK/report-check.mjs" "$CHROMIUM" "$OUT" "$OUT/bericht-de.html" "$OUT/report-en.html" "$OUT/hostile.html"
