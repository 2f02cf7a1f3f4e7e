#!/usr/bin/env bash
# The npm package as a user gets it: `npm pack`, install the tarball into a fresh project, then
# run pkg/test/ there with node:test: ESM and CommonJS entries, the CLI, `tsc --noEmit` on
# TypeScript files using every export (ESM, CommonJS, bundler resolution), the same API checks in headless Chromium against the
# browser entry, and a page built with Vite (dev server and build). Ends with one line:
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PKG=$ROOT/pkg

bash .ci/build-pkg.sh # builds what is missing or stale (fast when up to date)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== npm pack"
(cd "$PKG" && npm pack --pack-destination "$tmp" --loglevel=error >/dev/null)
tarball=$(ls "$tmp"/smtp-reply-*.tgz)
echo "   $(basename "$tarball"): $(tar -tzf "$tarball" | sed 's#^package/##' | sort | tr '\n' ' ')"

echo "== install the tarball into a fresh project"
app=$tmp/app
mkdir -p "$app"
printf '{ "name": "smtp-reply-user", "private": true, "type": "module" }\n' > "$app/package.json"
(cd "$app" && npm install --no-audit --no-fund --loglevel=error "$tarball")
cp -r "$PKG/test" "$app/test"
cp -r "$PKG/scripts" "$app/scripts" # the generator of index.d.cts, which a test compares with the packed file

echo "== node --test (ESM, CommonJS, CLI, TypeScript, headless Chromium, Vite)"
export TSC=$PKG/node_modules/typescript/bin/tsc
# The records' name tables as the build wrote them into the bundles, for the types test.
export TABLES_JSON=$PKG/dist/tables.json
export PLAYWRIGHT_CORE=$PKG/node_modules/playwright-core
export VITE=$PKG/node_modules/vite/bin/vite.js
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
status=0
(cd "$app" && node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tmp/results.tap" test/*.test.mjs test/*.test.cjs) || status=$?
passed=$(sed -n 's/^# pass //p' "$tmp/results.tap")
failed=$(sed -n 's/^# fail //p' "$tmp/results.tap")
echo "test-pkg: ${passed:-0} passed, ${failed:-?} failed"
exit $status
