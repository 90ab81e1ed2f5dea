#!/usr/bin/env bash
# Builds the C test programs against the static library and runs each under valgrind memcheck
# and under AddressSanitizer + UndefinedBehaviorSanitizer.
#   tests/c/run.sh <path/to/libsmsc_core.a> <build dir>
set -euo pipefail
lib=$1
out=$2
cd "$(dirname "$0")/../.."
mkdir -p "$out"
CFLAGS=(-std=c11 -Wall -Wextra -Werror -g -Iinclude)
LIBS=("$lib" -lcjson -lpthread -ldl -lm)
for prog in fixtures api; do
  gcc "${CFLAGS[@]}" -o "$out/$prog" "tests/c/$prog.c" "${LIBS[@]}"
  gcc "${CFLAGS[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -o "$out/$prog-asan" "tests/c/$prog.c" "${LIBS[@]}"
done
echo "c: fixtures under valgrind"
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$out/fixtures" tests/fixtures
echo "c: api under valgrind"
valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect "$out/api"
echo "c: fixtures and api under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/fixtures-asan" tests/fixtures
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/api-asan"
