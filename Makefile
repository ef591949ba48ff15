# tack — build, test, demo, install.
PREFIX ?= /usr/local
SWIFT ?= swift
export TACK_ORACLE_VENV ?= $(CURDIR)/.venv-oracles
export SOPS_DISABLE_VERSION_CHECK = 1

.PHONY: deps build test demo release install uninstall docs

deps:
	scripts/install-deps.sh

build:
	$(SWIFT) build

## The README's test command: install what the tests need, then run the whole suite. A test whose
## oracle (kubectl, curl, age, sops, pyrage, kubesealpy, git, sshd, tmux, …) is missing fails here
## instead of skipping.
## Swift Testing starts every test at once by default; on two cores that starves the tests that
## time a wait (hundreds of in-process servers, key derivations and child processes share the
## machine). Eight at a time keeps the suite about as fast and its timings honest.
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH ?= 8

test: deps
	$(SWIFT) build --build-tests
	TACK_REQUIRE_ORACLES=1 $(SWIFT) test --skip-build

## The README's first command: install, build, and run tack against a local test server.
demo: deps
	scripts/demo.sh

release:
	$(SWIFT) build -c release --static-swift-stdlib --product tack

## Installed layout (override any of these; DESTDIR is prepended for staged installs).
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
MANPAGES = $(notdir $(wildcard man/*.1))

## Regenerate the committed man pages and completion scripts from the command tree.
docs:
	$(SWIFT) build --product tack
	"$$($(SWIFT) build --show-bin-path)/tack" generate-docs --output "$(CURDIR)"

## Release binary (Swift runtime linked statically) plus man pages and completions.
install: release
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASHCOMPDIR)" \
	  "$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	install -m 0755 -s "$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/tack" "$(DESTDIR)$(BINDIR)/tack"
	install -m 0644 $(addprefix man/,$(MANPAGES)) "$(DESTDIR)$(MANDIR)/"
	install -m 0644 completions/tack.bash "$(DESTDIR)$(BASHCOMPDIR)/tack"
	install -m 0644 completions/_tack "$(DESTDIR)$(ZSHCOMPDIR)/_tack"
	install -m 0644 completions/tack.fish "$(DESTDIR)$(FISHCOMPDIR)/tack.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/tack" "$(DESTDIR)$(BASHCOMPDIR)/tack" "$(DESTDIR)$(ZSHCOMPDIR)/_tack" \
	  "$(DESTDIR)$(FISHCOMPDIR)/tack.fish" $(addprefix "$(DESTDIR)$(MANDIR)/,$(addsuffix ",$(MANPAGES)))
