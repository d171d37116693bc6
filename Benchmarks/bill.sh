#!/usr/bin/env bash
# End-to-end benchmark of the invoice run: 10,000 customers, every
# one invoiced (PDF + XRechnung XML + register), release build.
#
#   Benchmarks/bill.sh [customers]        default: 10000
#
# Prints the wall time of `robinson bill` and the files written. Generated data
# goes to Benchmarks/data/billing/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-10000}"

swift build -c release --product robinson >/dev/null
bin="$(swift build -c release --show-bin-path)/robinson"
data="Benchmarks/data/billing"
export ROBINSON_ROOT="$PWD/$data/root"
export ROBINSON_CONFIG="$PWD/Fixtures/config.yaml"
rm -rf "$data"
mkdir -p "$data"
"$bin" gen billing --customers "$customers" --seed 7 --out "$data"
"$bin" init >/dev/null
"$bin" plans import "$data/plans.csv"
"$bin" customers import "$data/customers.csv"
"$bin" mandates import "$data/mandates.csv"

echo "== bill --month 2026-10 ($customers customers)"
start=$(date +%s.%N)
ROBINSON_NOW=2026-11-02T08:00:00+01:00 /usr/bin/time -f "peak RSS %M KB, %U s user, %S s system" "$bin" bill --month 2026-10
end=$(date +%s.%N)
pdfs=$(find "$ROBINSON_ROOT/billing/2026-10" -name '*.pdf' | wc -l)
xmls=$(find "$ROBINSON_ROOT/billing/2026-10" -name '*.xml' | wc -l)
awk -v n="$pdfs" -v x="$xmls" -v s="$start" -v e="$end" \
    'BEGIN { printf "%d PDF + %d XML in %.1f s: %.2f ms per invoice\n", n, x, e - s, (e - s) * 1000 / n }'
du -sh "$ROBINSON_ROOT/billing/2026-10" | awk '{print "documents: " $1}'
