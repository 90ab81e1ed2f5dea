#!/usr/bin/env bash
# Installs what the build and the test suites need, skipping whatever is already there, so
# `make test` works on a fresh Debian machine and costs seconds on a prepared one.
#
# Tools built from crates.io go to $SMSC_TOOLS (default ~/.cache/smsc-core/tools); the Makefile
# puts $SMSC_TOOLS/bin first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=${SMSC_TOOLS:-$HOME/.cache/smsc-core/tools}
step() { printf 'setup: %s\n' "$*"; }

# 1. Rust: the wasm target and the lint components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    step "adding rustup component $component"
    rustup component add "$component"
  fi
done

# 2. wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
if [ -z "$want" ]; then
  want=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
fi
have=$(PATH="$TOOLS/bin:$PATH" wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  step "installing wasm-bindgen-cli $want (a couple of minutes, once)"
  # Not --locked: the registry mirror lacks one of the CLI's locked dependencies.
  cargo install wasm-bindgen-cli --version "$want" --root "$TOOLS" --quiet
fi

# 3. Debian packages: browser, libcurl and cJSON for the C tests, valgrind, Python headers.
packages=(chromium libcurl4-openssl-dev libcjson-dev valgrind python3-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# 4. A Python virtual environment with the build backend, the test runner and the linter.
if [ ! -x .venv/bin/maturin ] || [ ! -x .venv/bin/pytest ] || [ ! -x .venv/bin/ruff ]; then
  step "creating .venv with maturin, pytest and ruff"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet maturin pytest ruff
fi

# 5. npm packages of the JS package (test and size tools).
if [ -f js/package.json ]; then
  if [ ! -d js/node_modules ] || [ js/package.json -nt js/node_modules ] ||
     { [ -f js/package-lock.json ] && [ js/package-lock.json -nt js/node_modules ]; }; then
    step "installing npm packages in js/"
    if [ -f js/package-lock.json ]; then (cd js && npm ci --no-audit --no-fund --silent); else (cd js && npm install --no-audit --no-fund --silent); fi
    touch js/node_modules
  fi
fi
step "ready"
