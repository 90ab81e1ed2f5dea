#!/usr/bin/env bash
# Builds every artefact into dist/ from this checkout (`make dist`):
#   dist/smsc_core-<v>-cp310-abi3-manylinux_*.whl  Python wheel, built from the sdist beside it
#   dist/smsc_core-<v>.tar.gz                      Python sdist (builds from itself alone)
#   dist/smsc-core-<v>.tgz                         npm package, the built wasm inside
#   dist/smsc-core-<v>.crate                       the crate (`cargo publish --dry-run` passes)
#   dist/smsc-core-c-<v>-<arch>-linux.tar.gz       C library: headers, .a, .so, pkg-config, CMake
# The wasm package and the C library come from the Makefile's own rules (`make dist` depends on
# them); this script only packs them, and builds the Python wheel from its sdist.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
VENV=${VENV:-$ROOT/.venv}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
IFS=. read -r major minor patch <<<"$version"
mkdir -p "$DIST"

step() { printf 'dist: %s\n' "$*"; }

# ---- Python: sdist, and the wheel built from it (which proves the sdist is complete) ---------
step "python: sdist and abi3 wheel"
rm -f "$DIST"/smsc_core-*.whl "$DIST"/smsc_core-*.tar.gz
(cd python && CARGO_TARGET_DIR=$ROOT/target/python-dist "$VENV/bin/maturin" build --release \
  --sdist --out "$DIST" --quiet)

# ---- npm: the package as built by js/scripts/build.sh (wasm and CommonJS build inside) ------
step "npm: tarball"
rm -f "$DIST"/smsc-core-*.tgz
(cd js && npm pack --silent --pack-destination "$DIST" >/dev/null)

# ---- Rust: the packaged crate, verified by building it alone ---------------------------------
step "rust: crate (cargo publish --dry-run)"
cargo publish --dry-run --allow-dirty -p smsc-core --quiet --target-dir "$ROOT/target/package-check" 2>&1 \
  | grep -v '^warning: ignoring \(test\|benchmark\)' || true
# A dry run leaves the verified .crate under package/tmp-crate/ (package/ itself with cargo package).
crate=$(find "$ROOT/target/package-check/package" -name "smsc-core-$version.crate" | head -n 1)
[ -n "$crate" ] || { echo "dist: cargo publish --dry-run left no smsc-core-$version.crate" >&2; exit 1; }
rm -f "$DIST"/smsc-core-*.crate
cp "$crate" "$DIST/"

# ---- C: the library, stripped of debug info, with its SONAME, headers and build configs ------
step "c: tarball"
for built in target/c/release/libsmsc_core.a target/c/release/libsmsc_core.so; do
  [ -f "$built" ] || { echo "dist: $built is missing; run \`make dist\`, which builds it" >&2; exit 1; }
done
arch=$(uname -m)
name=smsc-core-c-$version-$arch-linux
stage=$ROOT/target/dist/$name
rm -rf "$stage"
mkdir -p "$stage/include" "$stage/lib" "$stage/cmake"
cp include/smsc.h "$stage/include/"
cp examples/smsc_curl.h "$stage/include/"
strip --strip-debug -o "$stage/lib/libsmsc_core.a" target/c/release/libsmsc_core.a
strip --strip-unneeded -o "$stage/lib/libsmsc_core.so.$version" target/c/release/libsmsc_core.so
subst() { sed -e "s|@VERSION@|$version|g" -e "s|@MAJOR@|$major|g" -e "s|@MINOR@|$minor|g" "$1" > "$2"; }
subst packaging/c/Makefile "$stage/Makefile"
subst packaging/c/smsc-core.pc.in "$stage/smsc-core.pc.in"
subst packaging/c/cmake/smsc-coreConfig.cmake.in "$stage/cmake/smsc-coreConfig.cmake.in"
subst packaging/c/cmake/smsc-coreConfigVersion.cmake.in "$stage/cmake/smsc-coreConfigVersion.cmake"
cp packaging/c/README.md "$stage/"
rm -f "$DIST"/smsc-core-c-*.tar.gz
tar -C "$ROOT/target/dist" -czf "$DIST/$name.tar.gz" "$name"

step "done:"
ls -l "$DIST" | sed -n '2,$p' | awk '{printf "dist:   %10d  %s\n", $5, $9}'
