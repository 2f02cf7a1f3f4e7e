#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine that has only rustup's
# Rust, Node and npm. Idempotent: each step checks first and is skipped when already done, so
# a second run takes about a second. Add new steps as small functions and call them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "setup: $*"; }

# Runs a command as root (CI runs as root; people may need sudo).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

rust_components() {
    local installed
    installed="$(rustup component list --installed 2>/dev/null || true)"
    for c in clippy rustfmt; do
        if ! grep -q "^$c" <<<"$installed"; then
            log "rustup component add $c"
            rustup component add "$c"
        fi
    done
    # rust-src: .ci/build-pkg.sh rebuilds std for the wasm (-Zbuild-std); without it that
    # script builds with the prebuilt std instead (a larger wasm), so its absence is not fatal.
    if ! grep -q "^rust-src" <<<"$installed"; then
        log "rustup component add rust-src"
        rustup component add rust-src || log "rust-src unavailable: the wasm is built with the prebuilt std"
    fi
}

rust_targets() {
    local installed
    installed="$(rustup target list --installed)"
    for t in wasm32-unknown-unknown thumbv7em-none-eabihf; do
        if ! grep -qx "$t" <<<"$installed"; then
            log "rustup target add $t"
            rustup target add "$t"
        fi
    done
}

# The wasm-bindgen CLI must be exactly the version Cargo.toml pins (`wasm-bindgen = "=X"`).
wasm_bindgen_cli() {
    local want have
    want="$(sed -n 's/^wasm-bindgen = {[^}]*version = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)"
    if [ -z "$want" ]; then
        echo "setup: cannot find the pinned wasm-bindgen version in Cargo.toml" >&2
        exit 1
    fi
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ]; then
        log "cargo install wasm-bindgen-cli $want (have: ${have:-none})"
        # No --locked: it fails against this registry mirror.
        cargo install wasm-bindgen-cli --version "$want" --force
    fi
}

# Headless Chromium and its WebDriver for the wasm browser tests and the demo page tests.
chromium() {
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
        return
    fi
    log "apt-get install chromium chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        chromium chromium-driver
}

# A C++ compiler: libfuzzer-sys builds libFuzzer's C++ sources for the fuzz targets.
cxx_compiler() {
    if command -v c++ >/dev/null 2>&1; then
        return
    fi
    log "apt-get install g++"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends g++
}

# cargo-fuzz for the short fuzz runs (.ci/fuzz.sh); it builds with stable + RUSTC_BOOTSTRAP=1.
cargo_fuzz() {
    if ! cargo fuzz --version >/dev/null 2>&1; then
        log "cargo install cargo-fuzz"
        cargo install cargo-fuzz
    fi
}

rust_components
rust_targets
wasm_bindgen_cli
chromium
cxx_compiler
cargo_fuzz
log "done"
