#!/usr/bin/env bash
# Two or more `robinson` binaries timed in turn on the same input, round after
# round, each with all its workers. The VM's speed drifts with its neighbours by
# 10 to 20 % within an hour, more than most changes are worth; runs next to each
# other see nearly the same drift, so the ratio of each binary's CPU time to the
# first one's in the same round is steady to 1 or 2 % over 30 rounds of 1 M rows
# (more when one series falls in the VM's fast minutes and another in its slow
# ones), where single runs of 10 M rows are not. Prints the mean and median wall and CPU
# time per binary and the median and mean of the ratios; fails when an output
# differs from the first binary's.
#
#   Benchmarks/ab-alternating.sh ROUNDS INPUT BINARY-A BINARY-B [BINARY…]
#
# ROBINSON_ROOT names the installation whose index all use (for the hard data:
# Benchmarks/data/hard/root, made by match-vs-duckdb.sh).
set -euo pipefail
rounds="$1" input="$2"
shift 2
[ "$#" -ge 2 ] || { echo "usage: $0 ROUNDS INPUT BINARY-A BINARY-B [BINARY…]" >&2; exit 2; }
: "${ROBINSON_ROOT:?set ROBINSON_ROOT to the installation with the index}"
export ROBINSON_ROOT ROBINSON_NOTIFY_SENDMAIL=""
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# Input and index in the page cache first, so no run pays for reading them.
cat "$input" "$ROBINSON_ROOT"/index/*.rbx > /dev/null
for round in $(seq "$rounds"); do
    for i in $(seq "$#"); do
        binary="${!i}"
        # A new output each time: replacing the last one would add the freeing of its blocks.
        rm -f "$out/$i.csv"
        /usr/bin/time -f "%e %U %S" -o "$out/time" "$binary" match "$input" -o "$out/$i.csv" > /dev/null 2>&1
        read -r wall user system < "$out/time"
        echo "$round $i $wall $(echo "$user + $system" | bc)" >> "$out/runs"
        if [ "$i" -gt 1 ] && ! cmp -s "$out/1.csv" "$out/$i.csv"; then
            echo "round $round: the output of ${!i} differs from $1's" >&2
            exit 1
        fi
    done
done
python3 - "$out/runs" "$@" <<'EOF'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
names = sys.argv[2:]
wall = {i: [float(r[2]) for r in runs if int(r[1]) == i] for i in range(1, len(names) + 1)}
cpu = {i: [float(r[3]) for r in runs if int(r[1]) == i] for i in range(1, len(names) + 1)}
for i, name in enumerate(names, 1):
    print(f"{name}: wall mean {statistics.mean(wall[i]):.3f} s, median {statistics.median(wall[i]):.3f} s; "
          f"CPU mean {statistics.mean(cpu[i]):.3f} s, median {statistics.median(cpu[i]):.3f} s ({len(cpu[i])} runs)")
for i, name in enumerate(names[1:], 2):
    ratios = [b / a for a, b in zip(cpu[1], cpu[i])]
    print(f"{name} / {names[0]}: CPU ratio median {statistics.median(ratios):.3f}, mean {statistics.mean(ratios):.3f}")
EOF
