#!/usr/bin/env bash
# Builds the Linux packages of Integrationsplan into target/package/:
#   integrationsplan_VERSION_ARCH.deb           Debian/Ubuntu package, assembled by hand with dpkg-deb
#   integrationsplan-VERSION-ARCH.AppDir/       the AppImage's folder (runs as ./AppRun)
#   Integrationsplan-VERSION-ARCH.AppImage      only where an appimagetool is at hand (the release
#                                               workflow downloads one; this machine has none)
#   integrationsplan-VERSION-linux-ARCH.tar.gz  the AppDir as a tarball, where no AppImage was made
#   SHA256SUMS
#
# Usage: scripts/package.sh [--binary PATH] [--appimagetool PATH] [--out DIR]
#   --binary PATH        package this binary instead of building `cargo build --release --locked`
#                        (CI passes its debug build to save a release build; it must print the
#                        version of Cargo.toml)
#   --appimagetool PATH  build the AppImage with this appimagetool (default: `appimagetool` on PATH)
#   --out DIR            output folder (default target/package)
# Environment: DEB_MAINTAINER overrides the Maintainer field; SOURCE_DATE_EPOCH (default: the
# last commit's time) fixes the files' times so that two runs give the same packages.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
appimagetool="${APPIMAGETOOL:-}"
out="target/package"
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
    --appimagetool) appimagetool="${2:?--appimagetool needs a path}"; shift 2 ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    -h | --help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "package.sh: error: $*" >&2; exit 1; }
for tool in dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian: apt-get install dpkg tar coreutils)"
done

name="integrationsplan"
version=$(awk -F'"' '/^version = "/ { print $2; exit }' Cargo.toml)
[ -n "$version" ] || fail "no version in Cargo.toml"
deb_arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
machine_arch=$(uname -m)
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH
maintainer="${DEB_MAINTAINER:-Integrationsplan maintainers <maintainers@integrationsplan.invalid>}"
data_source="Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2.0)"

# --- the binary -------------------------------------------------------------------------------
if [ -z "$binary" ]; then
  echo "== cargo build --release --locked"
  cargo build --release --locked
  binary="${CARGO_TARGET_DIR:-target}/release/$name"
fi
[ -x "$binary" ] || fail "no executable at $binary"
reported=$("$binary" --version) || fail "$binary --version failed"
[ "$reported" = "$name $version" ] || fail "$binary says '$reported', Cargo.toml says '$name $version' (stale binary?)"

mkdir -p "$out"
rm -rf "${out:?}/deb-root" "$out/$name-$version-$machine_arch.AppDir"
rm -f "$out/${name}_${version}_$deb_arch.deb" "$out/$name-$version-linux-$machine_arch.tar.gz" \
  "$out/Integrationsplan-$version-$machine_arch.AppImage" "$out/SHA256SUMS"

# --- the files every package installs, below usr/ ---------------------------------------------
# The year of the first commit (git log --reverse | head would end git with SIGPIPE under pipefail).
first_year=$(git log --max-parents=0 --format=%ad --date=format:%Y 2>/dev/null | sort | sed -n 1p || true)
release_year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
copyright_years="${first_year:-$release_year}"
[ "$copyright_years" = "$release_year" ] || copyright_years="$copyright_years-$release_year"

# The Debian changelog of this native package: one entry for the packaged version.
changelog() {
  printf '%s (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
    "$name" "$version" "$version" "$maintainer" "$(date -u -R -d "@$SOURCE_DATE_EPOCH")"
}

# roff_text: the program's help text as roff that prints it as is.
roff_text() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/" -e 's/-/\\-/g'; }

# The manual page, from the program's own --help and each command's help.
man_page() {
  local commands
  commands=$("$binary" --help | awk '/^Commands:/ { on = 1; next } /^$/ { on = 0 } on && $1 != "help" { print $1 }')
  printf '.TH INTEGRATIONSPLAN 1 "%s" "%s %s" "User Commands"\n' \
    "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" "$name" "$version"
  printf '.SH NAME\n%s \\- plan places for newcomers under intake scenarios\n' "$name"
  printf '.SH DESCRIPTION\nWithout a command, the window opens (on FILE if given).\n.PP\n.nf\n'
  "$binary" --help | roff_text
  printf '.fi\n'
  for command in $commands; do
    printf '.SH "%s %s"\n' "$name" "$command" | tr '[:lower:]' '[:upper:]'
    printf '.nf\n'
    "$binary" "$command" --help | roff_text
    printf '.fi\n'
  done
  printf '.SH "EXIT STATUS"\n0 success, 2 invalid input (unreadable file, invalid plan, unknown scenario), 1 any other failure.\n'
  printf '.SH DATA\n%s.\n' "$data_source"
  printf '.SH LICENSE\nMIT OR Apache\-2.0.\n'
}

# install_tree ROOT: the program, its desktop entry, icons, MIME type, metainfo and examples.
install_tree() {
  local root="$1"
  install -D -m 0755 "$binary" "$root/usr/bin/$name"
  if command -v strip >/dev/null 2>&1; then strip --strip-unneeded --remove-section=.comment "$root/usr/bin/$name"; fi
  install -D -m 0644 assets/$name.desktop "$root/usr/share/applications/$name.desktop"
  for size in 48 128 256; do
    install -D -m 0644 "assets/$name-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/$name.png"
  done
  install -D -m 0644 assets/$name.svg "$root/usr/share/icons/hicolor/scalable/apps/$name.svg"
  install -D -m 0644 assets/$name-mime.xml "$root/usr/share/mime/packages/$name.xml"
  install -D -m 0644 assets/$name.metainfo.xml "$root/usr/share/metainfo/$name.metainfo.xml"
  # Not below usr/share/doc: minimal systems drop that folder (dpkg path-exclude).
  install -D -m 0644 sample-data/nrw-2025.json "$root/usr/share/$name/examples/nrw-2025.integrationsplan.json"
  install -D -m 0644 sample-data/nrw-2016-integrationsplan.json \
    "$root/usr/share/$name/examples/nrw-2016.integrationsplan.json"
  install -d "$root/usr/share/doc/$name" "$root/usr/share/man/man1"
  # The pictures for slides are drawn with DejaVu Sans, built into the program.
  install -m 0644 assets/fonts/LICENSE-DejaVu.txt "$root/usr/share/doc/$name/LICENSE-DejaVu.txt"
  changelog | gzip -9n >"$root/usr/share/doc/$name/changelog.gz"
  man_page | gzip -9n >"$root/usr/share/man/man1/$name.1.gz"
  install -D -m 0644 /dev/stdin "$root/usr/share/doc/$name/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: $name
Comment: Integrationsplan $version. $data_source.
 The program embeds the fonts DejaVu Sans and DejaVu Sans Bold (Bitstream Vera
 licence; the DejaVu changes are in the public domain), for the pictures it
 draws; their licence is in /usr/share/doc/$name/LICENSE-DejaVu.txt.

Files: *
Copyright: $copyright_years The Integrationsplan authors
License: MIT or Apache-2.0
 Integrationsplan is licensed under either of the MIT licence or the Apache
 License, Version 2.0, at your option (SPDX: MIT OR Apache-2.0).
 .
 On Debian systems, the complete text of the Apache License, Version 2.0 can
 be found in /usr/share/common-licenses/Apache-2.0. The MIT licence reads:
 .
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in
 all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 SOFTWARE.

Files: usr/share/$name/examples/*
Copyright: Statistisches Bundesamt (Destatis) (population and area);
 The Integrationsplan authors (capacities, measures, costs, scenarios)
License: dl-de/by-2.0
 $data_source.
 Capacities, measures, costs and scenarios are illustrative, not official figures.
 The licence text: https://www.govdata.de/dl-de/by-2-0
EOF
}

# Lints the desktop entry and the metainfo where the tools are installed (CI installs them).
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate assets/$name.desktop
fi
if command -v appstreamcli >/dev/null 2>&1; then
  # The component id is the desktop file's name, not a reverse domain (no domain to own yet):
  # that one warning is expected, any other error or warning fails.
  if ! report=$(appstreamcli validate --no-net assets/$name.metainfo.xml 2>&1); then
    unexpected=$(grep -E '^[EW]:' <<<"$report" | grep -v 'cid-desktopapp-is-not-rdns' || true)
    if [ -n "$unexpected" ]; then
      echo "$report" >&2
      fail "assets/$name.metainfo.xml does not validate"
    fi
  fi
fi

# --- the .deb -----------------------------------------------------------------------------------
echo "== .deb"
root="$out/deb-root"
install_tree "$root"
# libc6 at least as new as the newest glibc symbol the binary uses.
glibc=""
if command -v objdump >/dev/null 2>&1; then
  glibc=$(objdump -T "$root/usr/bin/$name" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
fi
depends="libc6${glibc:+ (>= $glibc)}, libgcc-s1"
# winit and glutin load these at run time (dlopen), so the linker does not record them.
depends="$depends, libgl1, libegl1, libxkbcommon-x11-0, libwayland-client0, libx11-6, libxcursor1, libxrandr2, libxi6"
installed_size_kib=$(du -sk "$root/usr" | cut -f1)
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $deb_arch
Maintainer: $maintainer
Installed-Size: $installed_size_kib
Depends: $depends
Recommends: libgl1-mesa-dri, xdg-desktop-portal-gtk | xdg-desktop-portal
Section: misc
Priority: optional
Description: plan places for newcomers under intake scenarios (NRW)
 Integrationsplan shows planners in North Rhine-Westphalia where places in
 Kitas, schools, housing and language courses run short under which refugee
 intake scenario, and which measures close the gap at what cost. A desktop
 app with a command line (validate, simulate, schema) running the same engine.
 .
 Bevölkerung und Fläche: Statistisches Bundesamt (Destatis), Datenlizenz
 Deutschland – Namensnennung – Version 2.0 (dl-de/by-2.0).
EOF
(cd "$root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
deb="$out/${name}_${version}_$deb_arch.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
dpkg-deb --info "$deb" | sed -n '/Package:/,/Depends:/p'

# --- the AppDir, and the AppImage or a tarball ---------------------------------------------------
echo "== AppDir"
appdir="$out/$name-$version-$machine_arch.AppDir"
install_tree "$appdir"
ln -s "usr/bin/$name" "$appdir/AppRun"
cp assets/$name.desktop "$appdir/$name.desktop"
cp assets/$name-256.png "$appdir/$name.png"
ln -s "$name.png" "$appdir/.DirIcon"
# An AppImage mounts this folder and runs AppRun: the folder must work as it is.
[ "$("$appdir/AppRun" --version)" = "$name $version" ] || fail "$appdir/AppRun --version does not print $name $version"

if [ -z "$appimagetool" ] && command -v appimagetool >/dev/null 2>&1; then appimagetool=appimagetool; fi
if [ -n "$appimagetool" ]; then
  echo "== AppImage ($appimagetool)"
  # --no-appstream: appimagetool's check fails on the component id warning that the lint above allows.
  ARCH="$machine_arch" "$appimagetool" --no-appstream "$appdir" "$out/Integrationsplan-$version-$machine_arch.AppImage"
else
  echo "== tar.gz of the AppDir (no appimagetool here; the release workflow builds the AppImage)"
  tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    -C "$out" -czf "$out/$name-$version-linux-$machine_arch.tar.gz" "$(basename "$appdir")"
fi

shopt -s nullglob
(cd "$out" && packages=(*.deb *.AppImage *.tar.gz) && sha256sum -- "${packages[@]}" >SHA256SUMS)
echo "== packages in $out"
cat "$out/SHA256SUMS"
