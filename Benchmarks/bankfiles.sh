#!/usr/bin/env bash
# Bank-file reading: time and peak RSS of `BankFile.read` on generated
# camt.053/054 (.001.02, .001.08), pain.002 (.001.03, .001.10) and returns CSV
# files, release build, one process per file.
#
#   Benchmarks/bankfiles.sh [ENTRIES…]       default: 2000 4000 60000
#
# With ROBINSON_BANK_SCHEMAS=../shared/schemas the camt files are validated
# against the ISO schemas while they are read, as `returns import` does with
# billing.bankSchemas set. A run longer than ROBINSON_BENCH_TIMEOUT seconds
# (default 600) is stopped and shown as such.
set -euo pipefail
cd "$(dirname "$0")"
sizes=("${@:-2000 4000 60000}")
read -r -a sizes <<<"${sizes[*]}"
timeout_s="${ROBINSON_BENCH_TIMEOUT:-600}"
swift build -c release --product BankFileBenchmark >/dev/null
bin="$(swift build -c release --show-bin-path)/BankFileBenchmark"
schemas="${ROBINSON_BANK_SCHEMAS:-}"
[ -n "$schemas" ] && schemas="$(cd "$schemas" && pwd)"
for kind in camt.053.001.02 camt.053.001.08 camt.054.001.02 camt.054.001.08 pain.002.001.03 pain.002.001.10 csv; do
    for entries in "${sizes[@]}"; do
        if ! timeout "$timeout_s" "$bin" "$kind" "$entries" ${schemas:+"$schemas"}; then
            printf '%s\t%s entries\tstopped after %s s\n' "$kind" "$entries" "$timeout_s"
        fi
    done
done
