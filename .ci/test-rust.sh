#!/usr/bin/env bash
# The Rust checks: clippy (all targets, warnings are errors; with `serde`; the no_std builds for
# an embedded target), then the tests — unit, integration, property and doc tests — with the
# default features, the JSON of the `serde` feature, and the core's tests again with `alloc`
# only (no_std + an allocator).
#
# `cargo fmt --check` runs first (FMT_CHECK=0 skips it while iterating locally).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo; echo "== test-rust: $*"; }

if [ "${FMT_CHECK:-1}" = 1 ]; then
    step "cargo fmt --check"
    cargo fmt --check
fi

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
step "cargo clippy --all-targets --features serde -- -D warnings"
cargo clippy --all-targets --features serde -- -D warnings

# The no_std configurations, checked for the embedded target (a host no_std cdylib cannot link).
for features in "" "--features alloc" "--features serde"; do
    step "cargo clippy --lib --no-default-features $features --target thumbv7em-none-eabihf -- -D warnings"
    # shellcheck disable=SC2086
    cargo clippy --lib --no-default-features $features --target thumbv7em-none-eabihf -- -D warnings
done

step "cargo test (default features: unit, integration, property and doc tests)"
cargo test

# The parser's own tests again without `std` (the unit tests inside src/ use std, so the
# integration tests of the core stand in for them).
step "cargo test --lib --features wasm wasm:: (the bindings' own unit tests, natively)"
cargo test --lib --features wasm wasm::

step "cargo test --features serde --test serde (results as JSON, with JavaScript's names)"
cargo test --features serde --test serde

step "cargo test --no-default-features --features alloc (parser, EHLO/builder, property tests)"
cargo test --no-default-features --features alloc --test parser --test ehlo_builder --test proptest_parser
