#!/usr/bin/env bash
# End-to-end benchmark of `robinson match`: a 10,000,000-row,
# 8-column ';' file against an index of 3,000,000 list entries
# (1.0 M post, 0.8 M telefon, 0.3 M mobil, 0.9 M email), release build.
# Prints rows/s and peak resident memory for 1 M and 10 M rows.
#
#   Benchmarks/e2e.sh [rows...]        default: 1000000 10000000
#
# Generated data goes to Benchmarks/data/ (git-ignored; about 1 GB for 10 M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(1000000 10000000)

swift build -c release --product robinson >/dev/null
bin="$(swift build -c release --show-bin-path)/robinson"
data="Benchmarks/data"
mkdir -p "$data"
export ROBINSON_ROOT="$PWD/$data/root"
export ROBINSON_NOTIFY_SENDMAIL=""

if [ ! -f "$data/delivery.csv" ]; then
    "$bin" gen delivery --post 1000000 --telefon 800000 --mobil 300000 --email 900000 --seed 7 -o "$data/delivery.csv"
fi
rm -rf "$ROBINSON_ROOT"
"$bin" init >/dev/null
echo "== index build (3.0 M entries)"
/usr/bin/time -f "index build: %e s wall, %U s user, peak RSS %M KB" "$bin" index build "$data/delivery.csv" | tail -1

for n in "${rows[@]}"; do
    input="$data/input-$n.csv"
    [ -f "$input" ] || "$bin" gen input --rows "$n" --seed 7 --delivery-post 1000000 -o "$input"
    echo "== match $n rows ($(du -h "$input" | cut -f1))"
    start=$(date +%s.%N)
    /usr/bin/time -f "peak RSS %M KB, %U s user, %S s system" "$bin" match "$input" -o "$data/output-$n.csv"
    end=$(date +%s.%N)
    awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "%d rows in %.2f s: %d rows/s\n", n, e - s, n / (e - s) }'
done
ls -l "$ROBINSON_ROOT/index/"*.rbx | awk '{print "index file: " $5 " bytes"}'
