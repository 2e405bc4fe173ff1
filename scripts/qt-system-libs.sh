#!/usr/bin/env bash
# Checks the Debian packages Qt needs at run time. Installs them when it can (root with apt-get),
# otherwise prints the exact apt-get line and fails, so nobody is left guessing at a Qt plugin error.
#   usage: scripts/qt-system-libs.sh [test|run]
set -u
mode=${1:-test}
pkgs=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
# a real window (not the tests' offscreen platform) needs the xcb platform plugin's libraries
xcb=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
     libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1)
[ "$mode" = run ] && pkgs+=("${xcb[@]}")
# the tests also screenshot the presentation on a real X screen (Xvfb): installed when we can,
# otherwise those tests skip and say why
optional=()
[ "$mode" = test ] && optional=(xvfb xauth "${xcb[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "note: not a Debian system; make sure Qt 6's runtime libraries (OpenGL, EGL, xkbcommon, fontconfig, xcb) are installed."
  exit 0
fi
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }
missing=()
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
nice_to_have=()
for p in "${optional[@]}"; do installed "$p" || nice_to_have+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  [ ${#nice_to_have[@]} -eq 0 ] && exit 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: the real-screen slide tests skip without: sudo apt-get install -y ${nice_to_have[*]}"
    exit 0
  fi
fi
required=${#missing[@]}
missing+=("${nice_to_have[@]}")

line="apt-get install -y ${missing[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Qt's system libraries: $line"
  export DEBIAN_FRONTEND=noninteractive
  if ! (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >/tmp/qt-system-libs.log 2>&1; then
    echo "apt-get failed (see /tmp/qt-system-libs.log). Run: sudo $line"
    [ "$required" -eq 0 ] && exit 0  # only the optional Xvfb packages: those tests skip
    exit 1
  fi
  exit 0
fi
echo "Qt needs system libraries that are missing. Run:"
echo "  sudo apt-get update && sudo $line"
exit 1
