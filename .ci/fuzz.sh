#!/usr/bin/env bash
# Short fuzz runs: every cargo-fuzz target in fuzz/ for SECONDS each (default 60, so the five
# targets take about 5 minutes after a ~2 minute build). A crash fails the script and leaves
# the input in fuzz/artifacts/<target>/; replay it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run <target> fuzz/artifacts/<target>/<file>
#
# Stable Rust is enough: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its nightly-only sanitizer and
# coverage flags. Usage: .ci/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(parse stream ehlo builder classify)
fi
export RUSTC_BOOTSTRAP=1

# A few real replies as a starting corpus (fuzz/corpus is not tracked; it grows locally).
seed() {
    local target="$1" prefix="$2" dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    local i=0
    for reply in \
        '250 2.1.0 Ok\r\n' \
        '250-mx.google.com at your service, [203.0.113.5]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250 SMTPUTF8\r\n' \
        '550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n' \
        '550 5.7.606 Access denied, banned sending IP [203.0.113.5]. (AS16012609)\r\n' \
        '421 4.7.0 [TSS04] Messages from 203.0.113.5 temporarily deferred\r\n' \
        '  550 #5.1.0 Address rejected\n' \
        'Diagnostic-Code: smtp; 552 5.2.2 <bob@example.com>: user is over quota\n'; do
        i=$((i + 1))
        [ -e "$dir/seed-$i" ] || printf "$prefix$reply" >"$dir/seed-$i"
    done
}

for target in "${targets[@]}"; do
    case "$target" in
        stream) seed "$target" '\001\002\013\000\051\000' ;;
        builder) seed "$target" '\046\002\200\001\001\200' ;;
        *) seed "$target" '\001' ;;
    esac
done

echo "== fuzz: building the targets"
build_log="$(mktemp)"
if ! cargo fuzz build -O >"$build_log" 2>&1; then
    tail -n 40 "$build_log"
    echo "fuzz: cargo fuzz build failed" >&2
    exit 1
fi
rm -f "$build_log"

for target in "${targets[@]}"; do
    echo "== fuzz: $target for ${seconds}s"
    log="$(mktemp)"
    if ! cargo fuzz run -O "$target" -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz: $target FAILED (input saved under fuzz/artifacts/$target/)" >&2
        exit 1
    fi
    grep -E "^stat::number_of_executed_units|^Done" "$log" | tr '\n' ' '
    echo
    rm -f "$log"
done
echo "fuzz: all ${#targets[@]} targets ran ${seconds}s each without a crash"
