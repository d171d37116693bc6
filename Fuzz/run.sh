#!/bin/sh
# Runs one fuzz target (built by ./build.sh) for SECONDS (default 1800):
#   ./run.sh records|normalizers|bankfiles|masterdata|config [SECONDS] [libFuzzer options…]
# New inputs go to WORK (default /tmp/robinson-fuzz/<target>), never into the
# repository; Corpus/<target>/ is the seed corpus, read only. Crashes,
# hangs and leaks are written as crash-*/timeout-*/oom-* files into WORK.
set -eu
cd "$(dirname "$0")"
target=$1
seconds=${2:-1800}
[ $# -ge 2 ] && shift 2 || shift $#
work=${WORK:-/tmp/robinson-fuzz/$target}
mkdir -p "$work"
case $target in
    records|normalizers|masterdata) dict="-dict=Dictionaries/csv.dict" ;;
    bankfiles) dict="-dict=Dictionaries/xml.dict" ;;
    config) dict="-dict=Dictionaries/yaml.dict" ;;
    *) echo "unknown target $target" >&2; exit 64 ;;
esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/lsan.supp}
# The Swift runtime's own crash handler would hide the sanitizer's report.
export SWIFT_BACKTRACE=enable=no
exec .build/release/fuzz-$target "$work" "Corpus/$target" $dict \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -artifact_prefix="$work/" -print_final_stats=1 "$@"
