# Sigil: make demo | make test | make bench | make fuzz | make install PREFIX=...
# Every target installs what it needs (Debian packages, the Python venv) idempotently.

SWIFT   ?= swift
PREFIX  ?= /usr/local
VENV    := .venv
FUZZ_SECONDS_SHORT ?= 15
FUZZ_SECONDS ?= 600
PYTHON  := $(VENV)/bin/python
DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path)
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_BIN = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)

.PHONY: all deps venv venv-p2p build release test demo bench fuzz install docs clean

all: build

deps:
	@scripts/install-deps.sh

# The Python reference libraries used as test oracles (and, later, the local node).
venv: $(VENV)/.installed
$(VENV)/.installed: Tests/Oracles/requirements.txt
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check --only-binary=:all: -r Tests/Oracles/requirements.txt
	@touch $@

# trinity's `p2p` package (an independent RLPx implementation) for the devp2p test peer
# (Tests/Support/p2ppeer), pinned by ../shared/p2p/trinity-p2p-requirements.txt, read in place.
# Six pins (asks, async_lru, mypy_extensions, pyformance, netifaces, pyethash) exist only as
# sdists, hence --prefer-binary rather than --only-binary. Without the file the devp2p interop
# tests are skipped, except under CI=true, where this target fails.
VENV_P2P := .venv-p2p
P2P_REQUIREMENTS := ../shared/p2p/trinity-p2p-requirements.txt
venv-p2p: $(if $(wildcard $(P2P_REQUIREMENTS)),$(VENV_P2P)/.installed,venv-p2p-missing)
$(VENV_P2P)/.installed: $(P2P_REQUIREMENTS)
	@test -x $(VENV_P2P)/bin/python || python3 -m venv $(VENV_P2P)
	$(VENV_P2P)/bin/python -m pip install -q --disable-pip-version-check --no-deps --prefer-binary -r $(P2P_REQUIREMENTS)
	@touch $@
.PHONY: venv-p2p-missing
venv-p2p-missing:
	@echo "note: $(P2P_REQUIREMENTS) not found: devp2p interop tests will be skipped"
	@if [ "$$CI" = "true" ]; then echo "error: CI needs $(P2P_REQUIREMENTS)"; exit 1; fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps venv venv-p2p build
	$(SWIFT) build --product generate-manual
	SIGIL_BIN_DIR=$(DEBUG_BIN) $(SWIFT) test
	scripts/fuzz.sh $(FUZZ_SECONDS_SHORT)

# Longer fuzzing of every libFuzzer target (Fuzz/); corpora persist in .build-fuzz/.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

demo: deps venv venv-p2p build
	@SIGIL_BIN_DIR=$(DEBUG_BIN) scripts/demo.sh

bench: deps venv venv-p2p release
	@SIGIL_BIN_DIR=$(RELEASE_BIN) scripts/bench.sh

# Installs the release binaries, the shell completions and the man pages under $(DESTDIR)$(PREFIX).
# INSTALL_BIN_DIR=DIR installs binaries already built there instead (e.g. the debug bin dir, for tests).
INSTALL_BIN_DIR ?=
install: $(if $(INSTALL_BIN_DIR),,release)
	$(eval BIN := $(if $(INSTALL_BIN_DIR),$(INSTALL_BIN_DIR),$(RELEASE_BIN)))
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(BIN)/sigil $(BIN)/sigil-signer $(DESTDIR)$(PREFIX)/bin/
	for tool in sigil sigil-signer; do \
		install -m 0644 completions/$$tool.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$tool && \
		install -m 0644 completions/_$$tool $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_$$tool && \
		install -m 0644 completions/$$tool.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/$$tool.fish || exit 1; \
	done
	install -m 0644 man/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

# Regenerates completions/ and man/ from the commands (commit the result; a test checks drift).
docs: deps
	scripts/generate-docs.sh

clean:
	rm -rf .build $(VENV)
