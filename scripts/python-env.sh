#!/usr/bin/env bash
# Creates (or brings up to date) the project's Python environment: a virtual environment with
# the pinned packages of adapters/requirements.txt, examples/requirements.txt and
# benchmarks/requirements-coco.txt. `make test` and `make run` call it, then put its bin/
# first on PATH, so every `python3` that tests, manifests, adapters and examples start is the
# environment's.
#
# PARZEN_VENV names the environment's folder (default: .venv in the repository). An environment
# whose requirements have not changed since it was filled is left alone (a stamp file holds the
# requirements' checksum), so the second call costs nothing.
#
# PARZEN_TORCH=1 adds adapters/requirements-torch.txt (PyTorch, for Optuna's GPSampler behind
# adapters/optuna_adapter.py's `sampler: gp`): about 5.4 GB and two minutes more.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${PARZEN_VENV:-.venv}
requirements=(adapters/requirements.txt examples/requirements.txt benchmarks/requirements-coco.txt)
if [ "${PARZEN_TORCH:-0}" = 1 ]; then requirements+=(adapters/requirements-torch.txt); fi
stamp="$venv/.parzen-requirements.sha256"

fail() { echo "python-env: $*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 \
  || fail "python3 is not installed (Debian/Ubuntu: apt-get install python3 python3-venv; macOS: brew install python)"

if [ ! -x "$venv/bin/python3" ] || ! "$venv/bin/python3" -m pip --version >/dev/null 2>&1; then
  rm -rf "$venv"
  echo "python-env: creating $venv" >&2
  python3 -m venv "$venv" >/dev/null 2>&1 || {
    rm -rf "$venv"
    fail "python3 cannot create a virtual environment with pip (Debian/Ubuntu: apt-get install python3-venv)"
  }
fi

checksum=$(cat "${requirements[@]}" | cksum)
if [ "$(cat "$stamp" 2>/dev/null)" != "$checksum" ]; then
  echo "python-env: installing ${requirements[*]} into $venv" >&2
  args=()
  for file in "${requirements[@]}"; do args+=(-r "$file"); done
  "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "${args[@]}" \
    || fail "pip could not install the pinned packages into $venv (see above)"
  echo "$checksum" > "$stamp"
fi
