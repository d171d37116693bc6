#!/usr/bin/env bash
# CPU per row per stage of one `robinson match` run, from a `perf record` profile:
# each sampled symbol (self time) is put into a stage by its name, and the stage's
# share of the samples times the run's CPU time (user + system) divided by the rows
# gives its CPU per row.
#
#   Benchmarks/stages.sh ROBINSON-BINARY INPUT ROWS
set -euo pipefail
bin="$1" input="$2" rows="$3"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%U %S" -o "$out/time" perf record -q -F 999 -o "$out/perf.data" -- "$bin" match "$input" -o "$out/output.csv" >/dev/null 2>&1
read -r user sys < "$out/time"
perf report -i "$out/perf.data" --no-children --sort sym --stdio 2>/dev/null | grep -E '^ +[0-9.]+%' > "$out/symbols"
awk -v cpu="$(echo "$user + $sys" | bc)" -v rows="$rows" '
function stage(s) {
    # The matcher loop (copies rows with their markers, counts) first: its mangled
    # name holds its parameters'"'"' types, `Fingerprinter` and `IndexFile` among them.
    if (s ~ /StreamingMatch/) return "output"
    if (s ~ /sha256|SHA256|hmac|siphash|Fingerprinter/) return "keys (hash)"
    if (s ~ /IndexFile|lookup|VerdictPolicy|decide/) return "index lookup + verdict"
    if (s ~ /RecordScanner|RecordReader|RecordChunk|scan|DialectSniffer|copy_user|_copy_to_user|filemap|vfs_read|ksys_read|page_cache|clear_page|do_read|read_iter/) return "read + CSV scan"
    if (s ~ /MarkerWriter|FieldWriter|FileSink|ZstdSink|write|Emit|generic_perform_write|copy_from_user/) return "output"
    if (s ~ /PlainText|ScratchBuffer|Name|Street|HouseNumber|Postcode|Phone|Email|Koelner|Folding|TextFolding|FieldScalars|WordTable|ScalarTable|Contact|Normaliz|PostalIdentity|RowKeyer|Memo|Unicode|String|Substring|Character|unicode|_swift_stdlib|Hasher|Dictionary|Set|Array|swift_retain|swift_release|swift_bridge|malloc|free|_int_|swift_allocObject|swift_dealloc|swift_arrayInit|swift_beginAccess|swift_endAccess|cfree|memmove|memcpy/) return "normalize"
    return "other"
}
{ pct = $1; sub(/%/, "", pct); $1 = ""; $2 = ""; st = stage($0); share[st] += pct; total += pct
  if (st == "other" && shown++ < 8) others = others sprintf("    other: %s%% %s\n", pct, substr($0, 1, 90)) }
END {
    printf "  %-26s %7s %12s\n", "stage (perf, self time)", "share", "CPU ns/row"
    for (s in share) printf "  %-26s %6.1f%% %12.0f\n", s, share[s], share[s] / total * cpu * 1e9 / rows
    printf "  %-26s %6.1f%% %12.0f\n", "all", 100, cpu * 1e9 / rows
    printf "%s", others
}' "$out/symbols"
echo "  top symbols:"
head -12 "$out/symbols" | sed 's/^/    /'
