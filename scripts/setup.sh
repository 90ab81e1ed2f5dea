#!/usr/bin/env bash
# Installs what the build and the test suites need, skipping whatever is already there, so
# `make test` works on a fresh Debian machine and costs well under a second on a prepared one.
# Takes no arguments and prints one line per step; an installer's own output is shown only
# when it fails.
#
# Tools built from crates.io go to $SMSC_TOOLS (default ~/.cache/smsc-core/tools), which lives
# outside the work tree so it survives between runs. The Makefile exports SMSC_TOOLS and puts
# $SMSC_TOOLS/bin first on PATH; js/scripts/build.sh does the same when run on its own.
#
# Steps:
#   1. rustup: the wasm32-unknown-unknown target, rustfmt and clippy
#   2. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (~2-4 min, once)
#   3. Debian packages (one `apt-get update`, only when something is missing)
#   4. .venv with pinned maturin, pytest and ruff
#   5. npm packages of js/ (`npm ci`), when node_modules is missing or older than the manifests
#   6. the JS runtimes of the install tests (tests/runtimes, `npm ci`), the same way
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=${SMSC_TOOLS:-$HOME/.cache/smsc-core/tools}
# Debian packages. chromium: the browser suite. libcurl4-openssl-dev, libcjson-dev: the C tests
# and quickstart. valgrind: the C tests. g++: the C++ build of the libcurl glue. cmake, curl: the
# install tests (CMake consumer, the workerd check). python3-dev,
# python3-venv, pkg-config: Debian's python3 when it is the one on PATH (the machine's default
# python3 is a shared-library CPython, which serves pyo3 and venv by itself).
DEB_PACKAGES=(chromium libcurl4-openssl-dev libcjson-dev valgrind python3-dev python3-venv pkg-config g++ cmake curl)
# Pinned so that `ruff format --check` and the lints give the same verdict on every machine.
# requests, httpx and aiohttp: the tests check that their exceptions are read as the transport
# failures they are; the package itself depends on none of them.
PY_TOOLS=(maturin==1.16.0 pytest==9.2.0 ruff==0.17.6 pyright==1.1.414 requests==2.34.2 httpx==0.29.0 aiohttp==3.14.5)

START=$SECONDS
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

say() { printf 'setup: %s\n' "$*"; }
# begin TEXT: starts a step's line; done_ finishes it with the time the step took.
begin() { printf 'setup: %s ... ' "$*"; STEP_START=$SECONDS; }
done_() { printf 'done (%d s)\n' "$((SECONDS - STEP_START))"; }
# quiet CMD...: runs CMD with its output kept in $LOG; on failure shows that output and stops.
quiet() {
  if ! "$@" >"$LOG" 2>&1; then
    printf 'FAILED\nsetup: command failed: %s\n' "$*" >&2
    cat "$LOG" >&2
    exit 1
  fi
}
SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)

# ---- 1. rustup: wasm target and lint components ----------------------------------------------
add_target=()
rustup target list --installed | grep -qx wasm32-unknown-unknown || add_target=(wasm32-unknown-unknown)
add_components=()
installed_components=$(rustup component list --installed)
for c in rustfmt clippy; do
  grep -q "^$c-" <<<"$installed_components" || add_components+=("$c")
done
if [ ${#add_target[@]} -eq 0 ] && [ ${#add_components[@]} -eq 0 ]; then
  say "rust: wasm32-unknown-unknown, rustfmt, clippy present"
else
  begin "rust: adding ${add_target[*]} ${add_components[*]}"
  [ ${#add_target[@]} -eq 0 ] || quiet rustup target add "${add_target[@]}"
  [ ${#add_components[@]} -eq 0 ] || quiet rustup component add "${add_components[@]}"
  done_
fi

# ---- 2. wasm-bindgen-cli, the exact version of the wasm-bindgen crate ------------------------
want=""
if [ -f Cargo.lock ]; then
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$want" ]; then
  want=$(sed -n 's/^wasm-bindgen = .*version = "=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)
fi
if [ -z "$want" ]; then
  say "cannot tell the wasm-bindgen version: no Cargo.lock entry and no \"=X.Y.Z\" pin in Cargo.toml" >&2
  exit 1
fi
have=$(PATH="$TOOLS/bin:$PATH" wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$want" ]; then
  say "wasm-bindgen-cli $want present in $TOOLS/bin"
else
  begin "wasm-bindgen-cli $want: installing into $TOOLS/bin (a few minutes, once)"
  # Not --locked: the registry mirror lacks one of the CLI's locked dependencies.
  quiet cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --quiet
  have=$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    printf 'FAILED\nsetup: %s/bin/wasm-bindgen reports "%s", not %s\n' "$TOOLS" "$have" "$want" >&2
    exit 1
  fi
  done_
fi

# ---- 2b. cargo-fuzz and the nightly toolchain it needs, for the fuzz targets ----------------
FUZZ_VERSION=0.13.2
if ! cargo +nightly --version >/dev/null 2>&1; then
  begin "rust nightly (for the fuzz targets): installing"
  # Not fatal: only the fuzz step needs it, and it says loudly when it cannot run.
  if rustup toolchain install nightly --profile minimal >"$LOG" 2>&1; then
    done_
  else
    printf 'FAILED (the fuzz step will say it was not run)\n'
  fi
fi
have=$(PATH="$TOOLS/bin:$PATH" cargo-fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$FUZZ_VERSION" ]; then
  say "cargo-fuzz $FUZZ_VERSION present in $TOOLS/bin"
else
  begin "cargo-fuzz $FUZZ_VERSION: installing into $TOOLS/bin (about a minute, once)"
  quiet cargo install cargo-fuzz --version "$FUZZ_VERSION" --root "$TOOLS" --quiet
  done_
fi

# ---- 3. Debian packages ----------------------------------------------------------------------
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  # Not `dpkg -s`: it succeeds for a removed package whose configuration files remain.
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "debian: ${DEB_PACKAGES[*]} present"
else
  begin "debian: installing ${missing[*]}"
  quiet "${SUDO[@]}" apt-get update -qq
  quiet "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
  done_
fi

# ---- 4. Python virtual environment -----------------------------------------------------------
stamp=.venv/.setup-tools
if [ -x .venv/bin/maturin ] && [ -x .venv/bin/pytest ] && [ -x .venv/bin/ruff ] &&
   [ "$(cat "$stamp" 2>/dev/null)" = "${PY_TOOLS[*]}" ] && .venv/bin/python -c '' 2>/dev/null; then
  say "python: .venv with ${PY_TOOLS[*]} present"
else
  begin "python: .venv with ${PY_TOOLS[*]}"
  # A venv whose interpreter is gone (python3 replaced) cannot be repaired in place.
  .venv/bin/python -c '' 2>/dev/null || rm -rf ./.venv
  quiet python3 -m venv .venv
  quiet .venv/bin/python -m pip install --quiet --upgrade pip
  quiet .venv/bin/python -m pip install --quiet "${PY_TOOLS[@]}"
  printf '%s\n' "${PY_TOOLS[*]}" >"$stamp"
  done_
fi

# ---- 5. npm packages of the JS package -------------------------------------------------------
# npm rewrites node_modules/.package-lock.json on every install: its age is the install's.
installed=js/node_modules/.package-lock.json
if [ ! -f js/package.json ]; then
  say "npm: no js/package.json yet, skipped"
elif [ -f "$installed" ] && [ -x js/node_modules/.bin/wasm-opt ] && [ ! js/package.json -nt "$installed" ] &&
     { [ ! -f js/package-lock.json ] || [ ! js/package-lock.json -nt "$installed" ]; }; then
  say "npm: js/node_modules up to date"
else
  if [ -f js/package-lock.json ]; then
    begin "npm: npm ci in js/"
    quiet env -C js npm ci --no-audit --no-fund --loglevel=error
  else
    begin "npm: npm install in js/ (no package-lock.json)"
    quiet env -C js npm install --no-audit --no-fund --loglevel=error
  fi
  done_
fi

# ---- 6. JavaScript runtimes for the install tests (Node 18, Deno, Bun, workerd from npm) ------
runtimes=tests/runtimes
installed=$runtimes/node_modules/.package-lock.json
if [ -f "$installed" ] && [ ! $runtimes/package-lock.json -nt "$installed" ] && [ ! $runtimes/package.json -nt "$installed" ]; then
  say "runtimes: tests/runtimes/node_modules up to date"
else
  begin "runtimes: npm ci in tests/runtimes (Node 18, Deno, Bun, workerd; ~500 MB, once)"
  quiet env -C $runtimes npm ci --no-audit --no-fund --loglevel=error
  done_
fi

say "ready in $((SECONDS - START)) s; tools in $TOOLS/bin (the Makefile puts it first on PATH)"
