#!/usr/bin/env bash
# End-to-end tests of the demo page (www/) in headless Debian Chromium driven by playwright-core.
# Installs the test dependencies (skipped when tests/e2e/node_modules matches the lock file), makes sure
# the npm package is built, runs tests/e2e/*.test.mjs and prints "N passed, N failed".
# Screenshots of the main views land in tests/artifacts/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

E2E=tests/e2e
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# 1. Test dependencies (playwright-core only; it drives the system Chromium, nothing is downloaded).
stamp=$E2E/node_modules/.package-lock.json
if [[ ! -f $stamp || $E2E/package-lock.json -nt $stamp || $E2E/package.json -nt $stamp ]]; then
  echo "test-e2e: installing test dependencies"
  (cd $E2E && npm ci --no-audit --no-fund --loglevel=error)
else
  echo "test-e2e: test dependencies up to date"
fi

# 2. Chromium (Debian's; `npx playwright install` cannot download here). Wait for apt rather than fight it.
if [[ ! -x $CHROMIUM ]]; then
  echo "test-e2e: installing chromium"
  for _ in $(seq 1 120); do
    if ! pgrep -x 'apt-get|apt|dpkg|unattended-upgr' >/dev/null; then break; fi
    sleep 5
  done
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y chromium
fi

# 3. The package the page imports (pkg/dist/ is built by .ci/build-pkg.sh; rebuilt when the sources are newer).
wasm=$(ls pkg/dist/*.wasm 2>/dev/null | head -1 || true)
if [[ -n ${PKG_DIR:-} ]]; then
  echo "test-e2e: testing the package in $PKG_DIR"
elif [[ -z $wasm || ! -f pkg/browser.js ]] || [[ -n $(find src Cargo.toml pkg/lib -newer "$wasm" -type f 2>/dev/null | head -1) ]]; then
  echo "test-e2e: building the package (bash .ci/build-pkg.sh)"
  bash .ci/build-pkg.sh
fi

# 4. The tests.
rm -rf tests/artifacts
mkdir -p tests/artifacts
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
node --test --test-concurrency=1 --test-reporter=spec $E2E/*.test.mjs 2>&1 | tee "$log" || status=$?
passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -1)
failed=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -1)
passed=${passed:-0}
failed=${failed:-0}
echo "test-e2e: $passed passed, $failed failed (screenshots in tests/artifacts/)"
if [[ $status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
