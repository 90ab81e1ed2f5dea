#!/usr/bin/env bash
# Proves every artefact of `make dist` in a clean place, each running its quickstart against the
# local SMSC emulator (send, status, balance):
#   Python  a fresh venv with no cargo on PATH, `pip install --no-index dist/*.whl`
#   npm     a new `npm init -y` project with the tarball installed: ESM import and CommonJS
#           require on this Node and on Node 18, then Deno, Bun and workerd on the same install,
#           and pages bundled by esbuild and Vite (with a worker) in Chromium
#   C       `make install PREFIX=…` from the tarball, a program built from pkg-config alone, and
#           CMake's find_package: shared, static and as C++, all -Wall -Wextra -Werror -pedantic
#   Rust    a new cargo project depending on the packaged crate
#
#   tests/install/run.sh <dist dir> <emulator binary>
# The runtimes come from the npm registry (tests/runtimes, installed by scripts/setup.sh).
set -euo pipefail
dist=$(realpath "$1")
emulator=$(realpath "$2")
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNTIMES=$ROOT/tests/runtimes/node_modules/.bin
work=$(mktemp -d "${TMPDIR:-/tmp}/smsc-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

say() { printf 'install: %s\n' "$*"; }
with_emulator() { "$ROOT/scripts/with-emulator.sh" "$emulator" "$@"; }
# expect_sent OUTPUT: the quickstart's output shows a send (cost 2.50), a status read and the
# balance after it (997.50), as the emulator answers them.
expect_sent() {
  grep -q '2\.50' <<<"$1" && grep -qi 'status' <<<"$1" && grep -q '997\.50' <<<"$1" || {
    printf 'install: unexpected output:\n%s\n' "$1" >&2
    exit 1
  }
}
# A PATH with the system's tools only: no cargo, rustc or maturin.
CLEAN_PATH=/usr/local/bin:/usr/bin:/bin

# ---- Python ----------------------------------------------------------------------------------
wheel=$(ls "$dist"/smsc_core-"$version"-*.whl)
python3 -m venv "$work/venv"
env PATH="$work/venv/bin:$CLEAN_PATH" sh -c '! command -v cargo >/dev/null' \
  || { say "cargo is still on the clean PATH"; exit 1; }
env PATH="$work/venv/bin:$CLEAN_PATH" "$work/venv/bin/pip" install --quiet --no-index "$wheel"
cp examples/quickstart.py "$work/quickstart.py"
out=$(cd "$work" && with_emulator env PATH="$work/venv/bin:$CLEAN_PATH" python quickstart.py)
expect_sent "$out"
where=$(cd "$work" && "$work/venv/bin/python" -c 'import smsc_core; print(smsc_core.__file__)')
case $where in "$work/venv/"*) ;; *) say "smsc_core imported from $where, not the venv"; exit 1 ;; esac
say "python: $(basename "$wheel") in a fresh venv without cargo: quickstart ran"

# ---- npm -------------------------------------------------------------------------------------
app=$work/npm-app
mkdir -p "$app"
(cd "$app" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$dist/smsc-core-$version.tgz")
[ "$(cd "$app" && node -p 'require("./package.json").type ?? "commonjs"')" = commonjs ] \
  || { say "npm init -y made a project that is not CommonJS"; exit 1; }
sed "s#'../js/src/node.js'#'smsc-core'#" examples/quickstart.mjs > "$app/quickstart.mjs"
cp tests/install/js/require.cjs "$app/require.cjs"
for node in node "$RUNTIMES/node"; do
  v=$("$node" --version)
  out=$(cd "$app" && with_emulator "$node" quickstart.mjs); expect_sent "$out"
  out=$(cd "$app" && with_emulator "$node" require.cjs); expect_sent "$out"
  say "npm: Node $v: import and require of the installed tarball ran the quickstart"
done
# Deno reads the package from node_modules through package.json; the "deno" condition gives the
# build with the wasm inside, so it needs no --allow-read.
out=$(cd "$app" && with_emulator "$RUNTIMES/deno" run --quiet --allow-env --allow-net quickstart.mjs)
expect_sent "$out"
say "npm: Deno $("$RUNTIMES/deno" --version | head -n 1 | cut -d' ' -f2) ran the quickstart (permissions: env and net only)"
out=$(cd "$app" && with_emulator "$RUNTIMES/bun" quickstart.mjs); expect_sent "$out"
out=$(cd "$app" && with_emulator "$RUNTIMES/bun" require.cjs); expect_sent "$out"
say "npm: Bun $("$RUNTIMES/bun" --version) ran import and require"
# workerd: the worker bundled as wrangler does (esbuild, the "workerd" condition, the .wasm kept
# as a module of its own), served locally and asked once.
cp tests/install/js/worker.js "$app/worker.js"
"$ROOT/js/node_modules/.bin/esbuild" "$app/worker.js" --bundle --format=esm --platform=neutral \
  --conditions=workerd,worker,browser --main-fields=module,main --loader:.wasm=copy \
  --asset-names='[name]' --log-level=warning --outdir="$work/worker"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
worker_check() {
  sed -e "s#@ADDRESS@#127.0.0.1:$port#" -e "s#@BASE_URL@#$SMSC_BASE_URL#" \
    tests/install/js/worker.capnp.in > "$work/worker/config.capnp"
  "$RUNTIMES/workerd" serve "$work/worker/config.capnp" >"$work/workerd.log" 2>&1 &
  local pid=$!
  local answer=""
  for _ in $(seq 1 100); do
    answer=$(curl -sf "http://127.0.0.1:$port/" 2>/dev/null) && break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$answer" ] || { cat "$work/workerd.log" >&2; return 1; }
  printf '%s\n' "$answer"
}
export -f worker_check
export work port RUNTIMES
out=$(with_emulator bash -c worker_check)
expect_sent "$out"
say "npm: workerd $("$RUNTIMES/workerd" --version | cut -d' ' -f2) served a worker that sent through the package"

# Browsers: a page bundled by esbuild with its defaults from the CommonJS project, and a page
# with a Web Worker built by Vite with its default config; both served and run in Chromium.
cp tests/install/js/page/* "$app/"
# Vite first: it empties its output directory, where the esbuild page goes too.
(cd "$app" && "$RUNTIMES/vite" build --logLevel warn >"$work/vite.log" 2>&1) || { cat "$work/vite.log" >&2; exit 1; }
(cd "$app" && "$ROOT/js/node_modules/.bin/esbuild" esbuild-app.js --bundle --log-level=warning \
  --outfile=dist/esbuild-app.js)
cp "$app/esbuild.html" "$app/dist/"
SMSC_EMULATOR=$emulator node tests/install/js/browser.mjs "$app/dist" index.html esbuild.html
say "npm: Chromium ran a Vite page and its worker, and an esbuild page, from the installed tarball"

# ---- C ---------------------------------------------------------------------------------------
tar -C "$work" -xzf "$dist"/smsc-core-c-"$version"-*-linux.tar.gz
make -s -C "$work"/smsc-core-c-"$version"-*-linux install PREFIX="$work/prefix"
export PKG_CONFIG_PATH=$work/prefix/lib/pkgconfig
soname=$(readelf -d "$work/prefix/lib/libsmsc_core.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libsmsc_core.so.${version%%.*}" ] || { say "SONAME is '$soname'"; exit 1; }
STRICT=(-Wall -Wextra -Werror -pedantic)
# shellcheck disable=SC2046 # pkg-config's words are meant to split
gcc -std=c11 "${STRICT[@]}" -o "$work/qs-c" examples/quickstart.c $(pkg-config --cflags --libs smsc-core) -lcurl
# shellcheck disable=SC2046
g++ -std=c++17 "${STRICT[@]}" -x c++ -o "$work/qs-cpp" examples/quickstart.c -x none $(pkg-config --cflags --libs smsc-core) -lcurl
for prog in qs-c qs-cpp; do
  out=$(with_emulator env LD_LIBRARY_PATH="$work/prefix/lib" "$work/$prog"); expect_sent "$out"
done
say "c: pkg-config $(pkg-config --modversion smsc-core) against the installed prefix: C and C++ quickstarts ran (SONAME $soname)"
cmake -S tests/install/c -B "$work/cmake" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DQUICKSTART="$ROOT/examples/quickstart.c" -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" 2>&1 \
  || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/cmake" >>"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
for prog in quickstart quickstart_static quickstart_cpp; do
  out=$(with_emulator "$work/cmake/$prog"); expect_sent "$out"
done
say "c: CMake find_package(smsc-core): shared, static and C++ quickstarts ran"

# ---- Rust ------------------------------------------------------------------------------------
mkdir -p "$work/crate"
tar -C "$work/crate" -xzf "$dist/smsc-core-$version.crate"
cargo new --quiet --vcs none --name smsc-app "$work/rust-app"
cat >> "$work/rust-app/Cargo.toml" <<TOML
smsc-core = { path = "$work/crate/smsc-core-$version" }
ureq = { version = "3", default-features = false }
TOML
cp examples/quickstart.rs "$work/rust-app/src/main.rs"
# The build is kept between runs (its own target dir), so only the first run compiles it all.
(cd "$work/rust-app" && CARGO_TARGET_DIR=$ROOT/target/install-rust cargo build --quiet)
out=$(with_emulator "$ROOT/target/install-rust/debug/smsc-app"); expect_sent "$out"
say "rust: a new cargo project on the packaged crate ran the quickstart"
