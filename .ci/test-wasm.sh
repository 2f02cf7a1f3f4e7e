#!/usr/bin/env bash
# tests/wasm.rs (wasm-bindgen-test) in Node, then in headless Chromium through chromedriver.
# The runner comes with wasm-bindgen-cli, whose version must equal the wasm-bindgen crate's.
# Node runs the crate's default wasm32 build (eight-byte searches); Chromium runs it built with
# SIMD128, as the npm package is (16-byte searches), in a target dir of its own so that the
# two builds do not take turns rebuilding the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $BINDGEN_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
TEST=(cargo test --target wasm32-unknown-unknown --no-default-features --features wasm --test wasm)

echo "== wasm-bindgen-test in Node"
"${TEST[@]}"

echo "== wasm-bindgen-test in headless Chromium (SIMD128)"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
  [ -x "$tool" ] || { echo "missing $tool: run .ci/setup.sh (apt-get install chromium chromium-driver)" >&2; exit 1; }
done
caps=$(mktemp --suffix=.json)
trap 'rm -f "$caps"' EXIT
cat > "$caps" <<JSON
{ "goog:chromeOptions": { "binary": "$CHROMIUM",
  "args": ["no-sandbox", "headless", "disable-gpu", "disable-background-networking",
           "disable-component-update", "disable-sync", "disable-dev-shm-usage"] } }
JSON
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Ctarget-feature=+simd128" \
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/wasm-simd" \
  WASM_BINDGEN_USE_BROWSER=1 WASM_BINDGEN_TEST_WEBDRIVER_JSON="$caps" WASM_BINDGEN_TEST_TIMEOUT=120 "${TEST[@]}"
