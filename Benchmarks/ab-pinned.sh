#!/usr/bin/env bash
# Two `robinson` binaries timed side by side: both match the same file at the same
# time, each pinned to one core with one worker, the cores swapped every round. The
# VM's speed drifts with its neighbours by 10 to 20 % within an hour, but both runs of
# a round see the same drift, so the ratio of their CPU times is steady to a few
# per cent where separate runs are not. Prints each round and the mean ratio B/A;
# fails when the outputs differ.
#
#   Benchmarks/ab-pinned.sh BINARY-A BINARY-B INPUT [ROUNDS]      (ROUNDS: 6)
#
# ROBINSON_ROOT names the installation whose index both use (for the hard data:
# Benchmarks/data/hard/root, made by match-vs-duckdb.sh).
set -euo pipefail
a="$1" b="$2" input="$3" rounds="${4:-6}"
: "${ROBINSON_ROOT:?set ROBINSON_ROOT to the installation with the index}"
export ROBINSON_ROOT ROBINSON_NOTIFY_SENDMAIL="" ROBINSON_MATCHING_WORKERS=1
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for round in $(seq "$rounds"); do
    core_a=$((round % 2)) core_b=$((1 - round % 2))
    taskset -c "$core_a" /usr/bin/time -f "%U %S" -o "$out/a.time" "$a" match "$input" -o "$out/a.csv" >/dev/null 2>&1 &
    taskset -c "$core_b" /usr/bin/time -f "%U %S" -o "$out/b.time" "$b" match "$input" -o "$out/b.csv" >/dev/null 2>&1 &
    wait
    cmp -s "$out/a.csv" "$out/b.csv" || { echo "round $round: the outputs differ" >&2; exit 1; }
    read -r user_a sys_a < "$out/a.time"
    read -r user_b sys_b < "$out/b.time"
    awk -v r="$round" -v a="$(echo "$user_a + $sys_a" | bc)" -v b="$(echo "$user_b + $sys_b" | bc)" \
        'BEGIN { printf "round %d: A %.2f s CPU, B %.2f s CPU, B/A %.3f\n", r, a, b, b / a }'
done | tee "$out/rounds"
awk '{ sum += $NF; n++ } END { printf "mean B/A %.3f over %d rounds (outputs equal)\n", sum / n, n }' "$out/rounds"
