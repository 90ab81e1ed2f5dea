#!/usr/bin/env bash
# Builds the C test programs against the static library and runs each under valgrind memcheck
# and under AddressSanitizer + UndefinedBehaviorSanitizer.
#
#   tests/c/run.sh <libsmsc_core.a> [build dir] [emulator binary]
#
# The library comes from `cargo build --release -p smsc-core --features capi --target-dir target/c`
# (its own target dir: maturin writes target/release/libsmsc_core.so too). The build dir defaults
# to target/c/tests. With an emulator binary, the end-to-end program also talks to the local SMSC
# emulator over libcurl; without one that part is skipped.
# Needs gcc, valgrind, libcjson-dev and, for the end-to-end part, libcurl4-openssl-dev.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 <libsmsc_core.a> [build dir] [emulator binary]" >&2
  exit 2
fi
lib=$(realpath "$1")
out=${2:+$(realpath -m "$2")}
emulator=${3:+$(realpath "$3")}
cd "$(dirname "$0")/../.."
out=${out:-$PWD/target/c/tests}
for tool in gcc valgrind; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 2; }
done
[ -f /usr/include/cjson/cJSON.h ] || { echo "cJSON is missing (apt-get install libcjson-dev)" >&2; exit 2; }
mkdir -p "$out"

CFLAGS=(-std=c11 -Wall -Wextra -Werror -pedantic -g -Iinclude -Iexamples)
SAN=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
LIBS=("$lib" -lpthread -ldl -lm)
VALGRIND=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect)
for prog in fixtures api bad_input; do
  gcc "${CFLAGS[@]}" -o "$out/$prog" "tests/c/$prog.c" -lcjson "${LIBS[@]}"
  gcc "${CFLAGS[@]}" "${SAN[@]}" -o "$out/$prog-asan" "tests/c/$prog.c" -lcjson "${LIBS[@]}"
done

echo "c: fixtures under valgrind"
"${VALGRIND[@]}" "$out/fixtures" tests/fixtures
echo "c: api under valgrind"
"${VALGRIND[@]}" "$out/api"
echo "c: bad input under valgrind"
"${VALGRIND[@]}" "$out/bad_input"
echo "c: fixtures, api and bad input under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$out/fixtures-asan" tests/fixtures
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$out/api-asan"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$out/bad_input-asan"

if [ -z "$emulator" ]; then
  echo "c: no emulator given, end-to-end test skipped"
  exit 0
fi
# The glue header, included and not called: clean under -Werror in C, and in C++.
gcc "${CFLAGS[@]}" -o "$out/include_only" tests/c/include_only.c "$lib" -lcurl -lpthread -ldl -lm
g++ -std=c++17 -Wall -Wextra -Werror -pedantic -Iinclude -Iexamples -o "$out/include_only_cpp" \
  -x c++ tests/c/include_only.c -x none "$lib" -lcurl -lpthread -ldl -lm
"$out/include_only" && "$out/include_only_cpp"
echo "c: examples/smsc_curl.h included without calls: clean as C and as C++"
# Every C block of the README compiles, each as the body of a function (tests/c/readme_blocks.sh).
tests/c/readme_blocks.sh README.md > "$out/readme_blocks.c"
gcc "${CFLAGS[@]}" -c -o "$out/readme_blocks.o" "$out/readme_blocks.c"
echo "c: the README's C blocks compile"
gcc "${CFLAGS[@]}" -o "$out/e2e" tests/c/e2e.c "$lib" -lcurl -lpthread -ldl -lm
# The quickstart is only compiled here; `make demo` runs it.
gcc "${CFLAGS[@]}" -o "$out/quickstart" examples/quickstart.c "$lib" -lcurl -lpthread -ldl -lm
echo "c: end to end with libcurl under valgrind"
scripts/with-emulator.sh "$emulator" sh -c \
  'valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$0" "$SMSC_BASE_URL"' \
  "$out/e2e"
gcc "${CFLAGS[@]}" -o "$out/retry" tests/c/retry.c "$lib" -lcjson -lcurl -lpthread -ldl -lm
gcc "${CFLAGS[@]}" "${SAN[@]}" -o "$out/retry-asan" tests/c/retry.c "$lib" -lcjson -lcurl -lpthread -ldl -lm
echo "c: following the retry advice against a misbehaving emulator, under valgrind and ASan+UBSan"
scripts/with-emulator.sh "$emulator" sh -c \
  'valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$0" "$SMSC_BASE_URL"' \
  "$out/retry"
scripts/with-emulator.sh "$emulator" sh -c \
  'ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$0" "$SMSC_BASE_URL"' \
  "$out/retry-asan"
