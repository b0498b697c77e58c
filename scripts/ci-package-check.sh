#!/usr/bin/env bash
# Installs the .deb that scripts/package.sh built (target/package/) on this machine with apt-get,
# as a planner's computer would, then runs the installed program: `--version` must print the
# version of Cargo.toml, `validate` must accept the installed example and the repository's sample
# plan and reject a broken plan, and the desktop entry, icons and MIME type must be in place.
# Removes the package again at the end unless `--keep`. Needs root or sudo.
#
# Usage: scripts/ci-package-check.sh [--keep] [DEB]
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
deb=""
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
    *) deb="$arg" ;;
  esac
done

fail() { echo "ci-package-check: FAILED: $*" >&2; exit 1; }

name="integrationsplan"
version=$(awk -F'"' '/^version = "/ { print $2; exit }' Cargo.toml)
if [ -z "$deb" ]; then
  shopt -s nullglob
  debs=(target/package/"${name}_${version}"_*.deb)
  shopt -u nullglob
  [ "${#debs[@]}" -eq 1 ] || fail "expected one target/package/${name}_${version}_*.deb, found ${#debs[@]}: run scripts/package.sh first"
  deb="${debs[0]}"
fi
[ -f "$deb" ] || fail "no package at $deb"
case "$deb" in /*) ;; *) deb="./$deb" ;; esac # apt-get takes a file only as a path

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

echo "== apt-get install $deb"
$SUDO apt-get install -y -q --no-install-recommends --reinstall "$deb" || fail "apt-get could not install $deb"
if [ -z "$keep" ]; then
  trap '$SUDO apt-get remove -y -q "$name" >/dev/null 2>&1 || echo "ci-package-check: could not remove $name" >&2' EXIT
fi
hash -r

installed=$(command -v "$name" || true)
[ "$installed" = "/usr/bin/$name" ] || fail "the package did not install /usr/bin/$name (found '${installed:-nothing}')"

echo "== $name --version"
reported=$("$installed" --version) || fail "$name --version exited with $?"
echo "$reported"
[ "$reported" = "$name $version" ] || fail "--version printed '$reported', expected '$name $version'"

# validate exits 0 for a valid plan and 2 for an invalid one (README, "Command line").
expect_validate() {
  local expected="$1" plan="$2" status=0
  echo "== $name validate $plan (expect exit $expected)"
  "$installed" validate "$plan" || status=$?
  [ "$status" -eq "$expected" ] || fail "validate $plan exited with $status, expected $expected"
}
expect_validate 0 "/usr/share/$name/examples/nrw-2025.integrationsplan.json"
expect_validate 0 sample-data/nrw-2025.json
broken=$(mktemp --suffix=.json)
echo '{ "format": "integrationsplan", "version": 1 }' >"$broken"
expect_validate 2 "$broken"
rm -f "$broken"

echo "== installed desktop files"
for file in \
  "/usr/share/applications/$name.desktop" \
  "/usr/share/icons/hicolor/48x48/apps/$name.png" \
  "/usr/share/icons/hicolor/128x128/apps/$name.png" \
  "/usr/share/icons/hicolor/256x256/apps/$name.png" \
  "/usr/share/icons/hicolor/scalable/apps/$name.svg" \
  "/usr/share/mime/packages/$name.xml" \
  "/usr/share/metainfo/$name.metainfo.xml" \
  "/usr/share/doc/$name/copyright"; do
  [ -f "$file" ] || fail "missing $file"
done
grep -q 'dl-de/by-2.0' "/usr/share/doc/$name/copyright" || fail "the copyright file does not name dl-de/by-2.0"
grep -q '^MimeType=application/x-integrationsplan+json;$' "/usr/share/applications/$name.desktop" ||
  fail "the desktop entry does not open plan files"
# shared-mime-info's trigger compiles the type into the database where it is installed.
if command -v update-mime-database >/dev/null 2>&1; then
  grep -q 'application/x-integrationsplan+json' /usr/share/mime/globs2 || fail "the MIME database does not know plan files"
fi

echo "ci-package-check: the installed package works ($reported)"
