#!/usr/bin/env bash
# Builds the C test programs against the static library and runs each under valgrind memcheck
# and under AddressSanitizer + UndefinedBehaviorSanitizer.
# The end-to-end program talks to a local emulator over libcurl.
#   tests/c/run.sh <path/to/libsmsc_core.a> <build dir> <emulator binary>
set -euo pipefail
lib=$1
out=$2
emulator=$3
cd "$(dirname "$0")/../.."
mkdir -p "$out"
CFLAGS=(-std=c11 -Wall -Wextra -Werror -g -Iinclude -Iexamples)
LIBS=("$lib" -lcjson -lpthread -ldl -lm)
for prog in fixtures api; do
  gcc "${CFLAGS[@]}" -o "$out/$prog" "tests/c/$prog.c" "${LIBS[@]}"
  gcc "${CFLAGS[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -o "$out/$prog-asan" "tests/c/$prog.c" "${LIBS[@]}"
done
gcc "${CFLAGS[@]}" -o "$out/e2e" tests/c/e2e.c "$lib" -lcurl -lpthread -ldl -lm
gcc "${CFLAGS[@]}" -o "$out/quickstart" examples/quickstart.c "$lib" -lcurl -lpthread -ldl -lm
echo "c: fixtures under valgrind"
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$out/fixtures" tests/fixtures
echo "c: api under valgrind"
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$out/api"
echo "c: fixtures and api under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/fixtures-asan" tests/fixtures
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/api-asan"
echo "c: end to end with libcurl under valgrind"
scripts/with-emulator.sh "$emulator" sh -c \
  'valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$0" "$SMSC_BASE_URL"' \
  "$out/e2e"
