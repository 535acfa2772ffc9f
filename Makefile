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

.PHONY: all deps venv build release test demo bench fuzz install clean

all: build

deps:
	@scripts/install-deps.sh

# The Python reference libraries used as test oracles (and, later, the local node).
venv: $(VENV)/.installed
$(VENV)/.installed: Tests/Oracles/requirements.txt
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check --only-binary=:all: -r Tests/Oracles/requirements.txt
	@touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps venv build
	SIGIL_BIN_DIR=$(DEBUG_BIN) $(SWIFT) test
	scripts/fuzz.sh $(FUZZ_SECONDS_SHORT)

# Longer fuzzing of every libFuzzer target (Fuzz/); corpora persist in .build-fuzz/.
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

demo: deps build
	@SIGIL_BIN_DIR=$(DEBUG_BIN) scripts/demo.sh

bench: deps venv release
	@SIGIL_BIN_DIR=$(RELEASE_BIN) scripts/bench.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN)/sigil $(RELEASE_BIN)/sigil-signer $(DESTDIR)$(PREFIX)/bin/

clean:
	rm -rf .build $(VENV)
