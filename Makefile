# tack — build, test, demo, install.
PREFIX ?= /usr/local
SWIFT ?= swift
export TACK_ORACLE_VENV ?= $(CURDIR)/.venv-oracles
export SOPS_DISABLE_VERSION_CHECK = 1

.PHONY: deps build test demo release install uninstall

deps:
	scripts/install-deps.sh

build:
	$(SWIFT) build

## The README's test command: install what the tests need, then run the whole suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The README's first command: install, build, and run tack against a local test server.
demo: deps
	scripts/demo.sh

release:
	$(SWIFT) build -c release --static-swift-stdlib --product tack
