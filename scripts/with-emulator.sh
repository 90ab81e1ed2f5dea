#!/usr/bin/env bash
# Runs a command with a fresh local SMSC emulator: starts it on a free port, exports
# SMSC_BASE_URL (and demo credentials unless set), runs the command, stops the emulator.
#   scripts/with-emulator.sh <emulator binary> <command> [args…]
set -euo pipefail
emulator=$1
shift
fifo=$(mktemp -u)
mkfifo "$fifo"
"$emulator" --exit-after 600 >"$fifo" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$fifo"' EXIT
read -r line <"$fifo"
# Keep draining the emulator's output so it never blocks on a full pipe.
cat "$fifo" >/dev/null &
export SMSC_BASE_URL=${line#listening on }
export SMSC_LOGIN=${SMSC_LOGIN:-demo} SMSC_PASSWORD=${SMSC_PASSWORD:-demo-password}
"$@"
