#!/bin/sh
# Builds the libFuzzer targets (release, with AddressSanitizer) into
# .build/release/: fuzz-records, fuzz-normalizers, fuzz-bankfiles,
# fuzz-masterdata, fuzz-config. Every module, the robinson package's
# included, is instrumented for coverage. See docs/testing.md, "Fuzzing".
#
# Not `swift build --sanitize=fuzzer --sanitize=address`: SwiftPM passes
# them to swiftc as two flags, and swiftc keeps only the last one (no
# coverage then). One comma-separated flag keeps both.
set -eu
cd "$(dirname "$0")"
exec swift build -c release \
    -Xswiftc -sanitize=fuzzer,address \
    -Xcc -fsanitize=fuzzer-no-link,address \
    "$@"
