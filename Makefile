# Parzen: the two entry points. `make run` does the main job, `make test` runs the tests;
# both install what is missing first (scripts/install-deps.sh).
SWIFT ?= swift

.PHONY: run test deps build release clean

run: deps release
	./.build/release/parzen tutorial

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
