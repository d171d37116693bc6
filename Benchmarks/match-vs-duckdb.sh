#!/usr/bin/env bash
# `robinson match` against its DuckDB peer on hard data, in one run on the same files.
#
#   Benchmarks/match-vs-duckdb.sh [--differential] [--profile] [rows...]    default rows: 1000000 10000000
#
# Data (Benchmarks/data/hard/, git-ignored; about 1 GB for 10 M rows): a delivery of
# 3,000,000 entries (1.0 M post, 0.8 M telefon, 0.3 M mobil, 0.9 M email) and 8-column
# address files from `bench-data` (syllable pools of over 100,000 surnames and
# 200,000 streets, every variant kind, near misses, malformed rows, phones in mixed
# formats, e-mail addresses). For each size it prints wall and CPU time (user + system),
# rows/s, CPU per row, peak RSS of `robinson match` and of `duckdb_peer.py` (2 threads),
# and their ratio. `--differential` also keys every input row with the byte-level and
# the reference normalizers and fails on any difference; `--profile` records a `perf`
# profile of each match and prints CPU per row per stage (Benchmarks/stages.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
differential=0 profile=0 rows=()
for arg in "$@"; do
    case "$arg" in
        --differential) differential=1 ;;
        --profile) profile=1 ;;
        *) rows+=("$arg") ;;
    esac
done
[ ${#rows[@]} -eq 0 ] && rows=(1000000 10000000)

swift build -c release --product robinson >/dev/null
bin="$(swift build -c release --show-bin-path)/robinson"
# SwiftPM caches the robinson package's file list for this package: a source file
# added there is only seen after this manifest changes.
touch Benchmarks/Package.swift
(cd Benchmarks && swift build -c release --product bench-data >/dev/null)
gen="$(cd Benchmarks && swift build -c release --show-bin-path)/bench-data"
venv=Benchmarks/.venv
if ! "$venv/bin/python" -c "import duckdb" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb
fi

data=Benchmarks/data/hard
mkdir -p "$data"
export ROBINSON_ROOT="$PWD/$data/root"
export ROBINSON_NOTIFY_SENDMAIL=""
[ -f "$data/delivery.csv" ] || "$gen" delivery "$data/delivery.csv"
rm -rf "$ROBINSON_ROOT"
"$bin" init >/dev/null

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %U %S %M" -o "$data/time-index" "$bin" index build "$data/delivery.csv" >/dev/null
read -r wall user sys rss < "$data/time-index"
printf "index build, 3.0 M entries: %.2f s wall, %.2f s CPU (%.2f user + %.2f system), peak RSS %d MB\n" \
    "$wall" "$(echo "$user + $sys" | bc)" "$user" "$sys" $((rss / 1024))

printf "\n%-10s %-8s %9s %9s %12s %12s %9s\n" rows tool wall CPU rows/s "CPU µs/row" "RSS MB"
for n in "${rows[@]}"; do
    input="$data/input-$n.csv"
    [ -f "$input" ] || "$gen" input "$input" --rows "$n" > "$data/composition-$n.txt"
    if [ "$differential" = 1 ]; then "$gen" differential "$input" > "$data/differential-$n.txt" || { cat "$data/differential-$n.txt"; exit 1; }; fi
    # Each tool writes a new file, and starts with nothing dirty in the page cache:
    # replacing the last run's 0.9 GB output would add the file system's freeing
    # of it (0.18 s on ext4 here) to the run, and writeback of earlier files
    # (the generator's, the other tool's) would compete with it.
    # Both tools read their files from the page cache: this VM pages out file
    # pages left alone for about a minute, so without this the first tool would
    # often read its input from the disk and the second not (docs/performance.md
    # has the cost of a cold input).
    rm -f "$data/output-$n.csv" "$data/duckdb-output-$n.csv"
    sync
    cat "$input" "$ROBINSON_ROOT"/index/*.rbx > /dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$data/time-match-$n" "$bin" match "$input" -o "$data/output-$n.csv" >/dev/null
    read -r rw ru rs rm < "$data/time-match-$n"
    sync
    cat "$input" "$data/delivery.csv" > /dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$data/time-duckdb-$n" \
        "$venv/bin/python" Benchmarks/duckdb_peer.py "$data/delivery.csv" "$input" "$data/duckdb-output-$n.csv" > "$data/duckdb-$n.txt"
    read -r dw du ds dm < "$data/time-duckdb-$n"
    for tool in robinson duckdb; do
        if [ $tool = robinson ]; then w=$rw u=$ru s=$rs m=$rm; else w=$dw u=$du s=$ds m=$dm; fi
        awk -v n="$n" -v t="$tool" -v w="$w" -v c="$(echo "$u + $s" | bc)" -v m="$m" \
            'BEGIN { printf "%-10d %-8s %8.2fs %8.2fs %12d %12.3f %9d\n", n, t, w, c, n / w, c * 1e6 / n, m / 1024 }'
    done
    awk -v a="$rw" -v b="$dw" -v ca="$(echo "$ru + $rs" | bc)" -v cb="$(echo "$du + $ds" | bc)" \
        'BEGIN { printf "%-10s duckdb / robinson: %.1f× wall, %.1f× CPU\n", "", b / a, cb / ca }'
    if [ "$profile" = 1 ]; then Benchmarks/stages.sh "$bin" "$input" "$n"; fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${rows[@]}"; do
    echo "--- input $n rows"; cat "$data/composition-$n.txt" 2>/dev/null || true
    cat "$data/duckdb-$n.txt"
    [ "$differential" = 1 ] && cat "$data/differential-$n.txt"
done
# The only memo: the first-name table (`GivenNameMemo`); its hit rate on each input,
# with the keyer's CPU per row on one thread.
for n in "${rows[@]}"; do echo "keying $n rows: $("$gen" keying "$data/input-$n.csv")"; done
