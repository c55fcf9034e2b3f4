#!/usr/bin/env bash
# Installs what Parzen needs to build, test and draw: GSL (with pkg-config), gnuplot and the
# DejaVu font (without it gnuplot silently draws PNGs with no text), and python3 with venv for the
# project's Python environment. Idempotent; installs only
# what is missing. Debian/Ubuntu via apt-get (as root, or with sudo); macOS via Homebrew.
set -euo pipefail

have_font() { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi dejavu; }

if [ "$(uname)" = "Darwin" ]; then
  command -v brew >/dev/null || { echo "install-deps: Homebrew is required on macOS (https://brew.sh)" >&2; exit 1; }
  pkg-config --exists gsl 2>/dev/null || brew install gsl pkg-config
  command -v gnuplot >/dev/null || brew install gnuplot
  have_font || brew install --cask font-dejavu
  exit 0
fi

missing=()
pkg-config --exists gsl 2>/dev/null || missing+=(libgsl-dev pkg-config)
command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
have_font || missing+=(fonts-dejavu-core fontconfig)
# The project's Python environment (scripts/python-env.sh) needs python3 with venv and ensurepip.
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3 python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
pkg-config --exists gsl || { echo "install-deps: GSL still not found by pkg-config" >&2; exit 1; }
have_font || { echo "install-deps: the DejaVu font is still missing (fc-list shows no DejaVu)" >&2; exit 1; }
command -v swift >/dev/null || { echo "install-deps: no Swift toolchain on PATH (Swift 6.0 or newer: https://swift.org/install)" >&2; exit 1; }
