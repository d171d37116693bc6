#!/usr/bin/env bash
# `robinson run` (one job: claim, decode, key + match + emit in one pass, notify,
# meter) against `robinson match` on the same file, in one run, with the release build.
#
#   [ROBINSON_BIN=path] Benchmarks/run-vs-match.sh INPUT DELIVERY
#
# Uses a fresh root under Benchmarks/data/run-root (git-ignored) with the fixture
# customers (K1001 books all lists); prints wall and CPU time of both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
input="$(realpath "$1")" delivery="$(realpath "$2")"
# ROBINSON_BIN: a release binary to time instead of building one.
if [ -z "${ROBINSON_BIN:-}" ]; then swift build -c release --product robinson >/dev/null; fi
bin="${ROBINSON_BIN:-$(swift build -c release --show-bin-path)/robinson}"
export ROBINSON_ROOT="$PWD/Benchmarks/data/run-root" ROBINSON_NOTIFY_SENDMAIL="" ROBINSON_INBOX_SETTLE_SECONDS=0
rm -rf "$ROBINSON_ROOT"
"$bin" init >/dev/null
"$bin" plans import Fixtures/plans.csv >/dev/null
"$bin" customers import Fixtures/customers.csv >/dev/null
"$bin" index build "$delivery" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# From the page cache, as the job's copy in the inbox will be (match-vs-duckdb.sh says why).
cat "$input" > /dev/null
/usr/bin/time -f "%e %U %S %M" -o "$ROBINSON_ROOT/time-match" "$bin" match "$input" -o "$ROBINSON_ROOT/match.csv" >/dev/null
cp "$input" "$ROBINSON_ROOT/inbox/K1001/"
/usr/bin/time -f "%e %U %S %M" -o "$ROBINSON_ROOT/time-run" "$bin" run
output="$(find "$ROBINSON_ROOT/outbox/K1001" -name '*_robinson*' | head -1)"
cmp "$output" "$ROBINSON_ROOT/match.csv" && echo "run and match wrote the same bytes"
read -r mw mu ms mm < "$ROBINSON_ROOT/time-match"
read -r rw ru rs rm < "$ROBINSON_ROOT/time-run"
awk -v mw="$mw" -v mc="$(echo "$mu + $ms" | bc)" -v mm="$mm" -v rw="$rw" -v rc="$(echo "$ru + $rs" | bc)" -v rm="$rm" 'BEGIN {
    printf "match: %.2f s wall, %.2f s CPU, %d MB\nrun:   %.2f s wall, %.2f s CPU, %d MB\nrun / match: %.2f× wall, %.2f× CPU\n",
        mw, mc, mm / 1024, rw, rc, rm / 1024, rw / mw, rc / mc }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
