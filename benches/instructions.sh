#!/usr/bin/env bash
# Instructions per reply of the corpus, for each way of reading it (examples/parse_loop.rs),
# counted by callgrind: steadier than timings on a shared machine, though they say nothing of
# how fast those instructions run. The count of a run with 0 passes (corpus generation and
# start-up) is subtracted. Needs valgrind. Usage: benches/instructions.sh [PASSES] [MODE...];
# KIND=positive|ehlo|negative|multiline counts one kind of reply of the corpus alone.
set -euo pipefail
cd "$(dirname "$0")/.."

passes="${1:-3}"
shift || true
modes=("$@")
if [ ${#modes[@]} -eq 0 ]; then
    modes=(parse-lines parse parse-then-lines smtp-proto classify classify-lines classify-text)
fi
cargo build --release --example parse_loop --quiet
bin="${CARGO_TARGET_DIR:-target}/release/examples/parse_loop"
kind=${KIND:-}
# How many replies a pass reads (all 10,000, or those of one kind).
replies="$("$bin" parse 0 $kind | sed -n 's/.* over \([0-9]*\) replies.*/\1/p')"

count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" $kind 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

for mode in "${modes[@]}"; do
    base="$(count "$mode" 0)"
    total="$(count "$mode" "$passes")"
    printf '%-18s %6d instructions a reply\n' "$mode" $(((total - base) / (passes * replies)))
done
