# Parzen: the two entry points. `make run` does the main job (the classic race: results/classic
# and plots/classic), `make test` runs the tests; both install what is missing first
# (scripts/install-deps.sh).
SWIFT ?= swift

.PHONY: run test deps build release clean

MANIFEST ?= experiments/classic.yaml

run: deps release
	./.build/release/parzen run $(MANIFEST)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

clean:
	rm -rf .build
