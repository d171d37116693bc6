#!/usr/bin/env bash
# Robinson's two entry points (README "Quick start"):
#   ./run.sh        install what is missing, build in release mode, run the demo
#   ./run.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build and the tests need.
PACKAGES=(libzstd-dev zlib1g-dev libssl-dev libsqlite3-dev zstd libcairo2-dev libfreetype-dev fonts-dejavu-core poppler-utils)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "run.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

demo() {
    swift build -c release --product robinson
    local bin root
    bin="$(swift build -c release --show-bin-path)/robinson"
    root="$PWD/var/demo"
    rm -rf "$root"
    export ROBINSON_ROOT="$root"
    # The demo machine has no mail server: messages stay in mail/outgoing/.
    export ROBINSON_NOTIFY_SENDMAIL=""
    # Fixture files are complete when copied; do not wait for them to settle.
    export ROBINSON_INBOX_SETTLE_SECONDS=0

    "$bin" init
    "$bin" plans import Fixtures/plans.csv
    "$bin" customers import Fixtures/customers.csv
    "$bin" mandates import Fixtures/mandates.csv
    "$bin" index build Fixtures/robinson-lists.csv
    for folder in Fixtures/inbox/*/; do
        customer="$(basename "$folder")"
        mkdir -p "$root/inbox/$customer"
        cp "$folder"* "$root/inbox/$customer/"
    done
    "$bin" run || true
    echo
    "$bin" status
    echo
    echo "Annotated files (kept 5 days, then removed by 'robinson purge'):"
    find "$root/outbox" -type f ! -name '.*' | sort | sed "s|^$PWD/||"
    echo
    echo "E-mails to customers (no sendmail configured): $(find "$root/mail/outgoing" -name '*.eml' | wc -l) in ${root#$PWD/}/mail/outgoing/"
    echo
    first="$(find "$root/outbox" -name 'zusammenfassung.txt' | sort | head -1)"
    [ -n "$first" ] && { echo "--- ${first#$PWD/}"; cat "$first"; }
}

run_tests() {
    swift build --build-tests
    swift test --skip-build --parallel --num-workers 2
}

install_packages
case "${1:-demo}" in
    demo) demo ;;
    test) run_tests ;;
    *) echo "usage: ./run.sh [test]" >&2; exit 2 ;;
esac
