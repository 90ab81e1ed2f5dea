# smsc-core: `make test` installs what is missing and runs every suite; `make demo` runs the four
# quickstarts against the local SMSC emulator. One cargo build at a time (2-core machines).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test

TOOLS ?= $(HOME)/.cache/smsc-core/tools
export PATH := $(TOOLS)/bin:$(PATH)
export SMSC_TOOLS := $(TOOLS)
VENV := $(CURDIR)/.venv
EMULATOR := target/debug/smsc-emulator
# The C library gets its own target dir: maturin writes target/release/libsmsc_core.so too.
CLIB := target/c/release/libsmsc_core.a
CHECK_HEADER = ls -t target/c/release/build/smsc-core-*/out/smsc.h | head -n 1

.PHONY: test demo setup lint purity rust generate emulator python js c header wasm dist install bench clean fuzz fuzz-brief fuzz-seeds

test: setup lint rust python js c install fuzz-brief
	@echo "make test: every suite passed"

setup:
	@bash scripts/setup.sh

# ---- lints -------------------------------------------------------------------------------
lint: purity
	cargo fmt --all -- --check
	cargo fmt --manifest-path gen/Cargo.toml --all -- --check
	cargo clippy --manifest-path gen/Cargo.toml --all-targets -- -D warnings
	cargo clippy --workspace --all-targets --features smsc-core/capi,smsc-core/ureq,smsc-core/reqwest -- -D warnings
	cargo clippy -p smsc-core --lib --features python -- -D warnings
	cargo clippy -p smsc-core --all-targets --features schema,rust_decimal,chrono -- -D warnings
	cargo clippy -p smsc-core --lib --target wasm32-unknown-unknown --features wasm -- -D warnings
	$(VENV)/bin/ruff check python
	$(VENV)/bin/ruff check --config python/pyproject.toml examples/quickstart.py
	$(VENV)/bin/ruff format --check python

# The core decides; frontends only convert. No binding code may live in src/.
purity:
	@if grep -rnE 'pyo3|wasm_bindgen|js_sys|extern "C"|no_mangle|feature = "(wasm|python|capi)"' src \
	    | grep -v '^src/lib.rs'; then echo "binding code found in src/"; exit 1; fi

# ---- Rust: unit tests, the fixture corpus, end to end, the header check --------------------
rust:
	cargo test --workspace --features smsc-core/capi,smsc-core/ureq,smsc-core/reqwest
	cargo test -q --manifest-path gen/Cargo.toml
	cargo run -q --manifest-path gen/Cargo.toml -- --check
	cargo test -q -p smsc-core --lib --features rust_decimal,schema,chrono
	cargo test -q -p smsc-core --doc --features chrono -- when

# Rewrites every file generated from the core's description of its operations (TypeScript
# declarations, Python stubs, docs/operations.*); `make test` fails while a committed one is stale.
generate:
	cargo run -q --manifest-path gen/Cargo.toml

emulator:
	cargo build -p smsc-emulator

# ---- Python -------------------------------------------------------------------------------
python: emulator
	cd python && CARGO_TARGET_DIR=../target/python VIRTUAL_ENV=$(VENV) $(VENV)/bin/maturin develop --release --quiet
	SMSC_EMULATOR=$(CURDIR)/$(EMULATOR) $(VENV)/bin/pytest -q python/tests

# ---- JavaScript: Node suites and the browser suite ----------------------------------------
wasm:
	bash js/scripts/build.sh

js: wasm emulator
	cd js && SMSC_EMULATOR=$(CURDIR)/$(EMULATOR) node --test test/*.test.js

# ---- C: fixtures, API edge cases and end to end, under valgrind and ASan+UBSan --------------
# The shared library's SONAME is libsmsc_core.so.<major> on ELF systems: programs linked against
# it keep working across compatible releases, and several majors can be installed side by side.
VERSION_MAJOR := $(shell sed -n 's/^version = "\([0-9]*\)\..*/\1/p' Cargo.toml | head -n 1)
ifeq ($(shell uname -s),Linux)
CLIB_LINK := -C link-arg=-Wl,-soname,libsmsc_core.so.$(VERSION_MAJOR)
endif
$(CLIB): Cargo.toml Cargo.lock build.rs bindings/capi.rs bindings/cbindgen.toml $(wildcard src/*.rs src/ops/*.rs)
	cargo rustc --release -p smsc-core --lib --features capi --target-dir target/c --crate-type staticlib,cdylib -- $(CLIB_LINK)

c: $(CLIB) emulator
	bash tests/c/run.sh $(CLIB) target/c/tests $(EMULATOR)

# Regenerates include/smsc.h from bindings/capi.rs.
header: $(CLIB)
	cp "$$($(CHECK_HEADER))" include/smsc.h

# ---- packages: every artefact into dist/, then each installed and run in a clean place ------
dist: wasm $(CLIB)
	VENV=$(VENV) bash scripts/dist.sh

install: dist emulator
	bash tests/install/run.sh dist $(EMULATOR)

# ---- fuzzing: every entry that reads outside data (nightly, libFuzzer, AddressSanitizer) -----
FUZZ_TARGETS := answer callback capi
FUZZ_SECONDS ?= 300
FUZZ = cargo +nightly fuzz

# Seeds from the fixture corpus; what a run finds is added beside them in fuzz/corpus.
fuzz-seeds:
	$(FUZZ) build -O
	cargo +nightly run -q --release --manifest-path fuzz/Cargo.toml --bin seeds -- tests/fixtures fuzz/corpus

# Each target for FUZZ_SECONDS (default 5 minutes); a crash stops with its input in fuzz/artifacts.
fuzz: fuzz-seeds
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ) run -O $$t fuzz/corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
	    | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|==|SUMMARY|ERROR)' || exit 1; \
	done

# What `make test` runs: each target briefly, so a regression that crashes shows in CI.
fuzz-brief:
	@if cargo +nightly --version >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20; \
	else \
	  echo "fuzz: NOT RUN: no nightly Rust toolchain here (rustup toolchain install nightly)"; \
	fi

# ---- demo -----------------------------------------------------------------------------------
demo: setup emulator $(CLIB)
	cd python && CARGO_TARGET_DIR=../target/python VIRTUAL_ENV=$(VENV) $(VENV)/bin/maturin develop --release --quiet
	bash js/scripts/build.sh
	cargo build -q --example quickstart
	gcc -std=c11 -Iinclude -Iexamples -o target/c/quickstart examples/quickstart.c $(CLIB) -lcurl -lpthread -ldl -lm
	@echo "== the local SMSC emulator answers as smsc.ru would; each quickstart sends, checks, reads the balance"
	scripts/with-emulator.sh $(EMULATOR) sh -c '\
	  echo "-- Rust (ureq)"; target/debug/examples/quickstart; \
	  echo "-- Python (urllib)"; $(VENV)/bin/python examples/quickstart.py; \
	  echo "-- JavaScript (fetch)"; node examples/quickstart.mjs; \
	  echo "-- C (libcurl)"; target/c/quickstart'

# ---- benchmarks: figures printed, never asserted --------------------------------------------
bench: python wasm dist
	cargo bench -p smsc-core --bench core
	@echo "== Python, the development build"
	$(VENV)/bin/python python/bench/bench_calls.py
	@echo "== JavaScript, the development build"
	cd js && node bench/calls.mjs
	bash tests/install/bench.sh dist

clean:
	cargo clean
	rm -rf js/pkg target dist
