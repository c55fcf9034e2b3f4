# Parzen: the two entry points. `make run` does the main job (the classic race: results/classic
# and plots/classic), `make test` runs every test; both install what is missing first: GSL,
# pkg-config, gnuplot and the DejaVu font (scripts/install-deps.sh), and the project's Python
# environment (scripts/python-env.sh).
#
# The Python environment: PARZEN_VENV (default .venv) is a virtual environment filled from the
# pinned requirements files. Its bin/ goes first on PATH for everything make starts, so the
# `python3` of tests, manifests (`command: [python3, adapters/…]`), adapters and examples is the
# environment's. To use it outside make: `export PATH="$PWD/.venv/bin:$PATH"`.
# PARZEN_TORCH=1 (e.g. `PARZEN_TORCH=1 make test`) adds PyTorch for Optuna's GPSampler
# (adapters/requirements-torch.txt: about 5.4 GB, two minutes).
SWIFT ?= swift
PARZEN_VENV ?= .venv
export PARZEN_VENV
export PATH := $(abspath $(PARZEN_VENV))/bin:$(PATH)

.PHONY: run test deps python-env build release clean

MANIFEST ?= experiments/classic.yaml

run: deps release
	./.build/release/parzen run $(MANIFEST)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	./scripts/install-deps.sh
	./scripts/python-env.sh

python-env:
	./scripts/python-env.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build
