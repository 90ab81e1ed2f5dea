#!/usr/bin/env bash
# The per-call benchmarks run against the installed packages (`make bench`): the wheel in a fresh
# venv and the npm tarball in a new project, so their figures can be set beside those of the
# development builds printed before them.
#   tests/install/bench.sh <dist dir>
set -euo pipefail
dist=$(realpath "$1")
cd "$(dirname "$0")/../.."
work=$(mktemp -d "${TMPDIR:-/tmp}/smsc-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index "$dist"/smsc_core-"$version"-*.whl
cp python/bench/bench_calls.py "$work/"
echo "== Python, the installed wheel"
(cd "$work" && "$work/venv/bin/python" bench_calls.py)

mkdir -p "$work/app"
(cd "$work/app" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$dist/smsc-core-$version.tgz")
cp js/bench/calls.mjs "$work/app/"
echo "== JavaScript, the installed tarball"
(cd "$work/app" && node calls.mjs)
