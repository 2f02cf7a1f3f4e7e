// TypeScript: `tsc --noEmit` on a file using every export (TSC: the compiler to use), and the
// declared unions against the names the wasm module really returns.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, '..');
const pkgDir = join(app, 'node_modules', 'smtp-reply');

test('types: tsc --noEmit on a file that uses every export', () => {
  const tsc = process.env.TSC;
  assert.ok(tsc, 'TSC must name the TypeScript compiler (set by .ci/test-pkg.sh)');
  execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext',
    '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', join(here, 'types-check.ts')],
  { cwd: app, stdio: 'inherit' });
});

test('types: the declared unions list exactly the names the module uses', () => {
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
    assert.ok(m, `type ${name} declared`);
    return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]).sort();
  };
  const glue = createRequire(import.meta.url)(join(pkgDir, 'dist', 'smtp_reply_node.cjs'));
  // The names the module sends (src/wasm.rs `tables`, op 0), read as lib/api.js reads them.
  const at = new glue.Engine().run(0, 0, 0, 0, 0) >>> 2;
  const { buffer } = glue.memory;
  const [ptr, len] = new Uint32Array(buffer).subarray(at + 2, at + 4);
  const tables = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, ptr, len)));
  const uniq = (list) => [...new Set(list)].sort();
  assert.deepEqual(union('Severity'), uniq(tables.severities));
  assert.deepEqual(union('Category'), uniq(tables.categories));
  assert.deepEqual(union('Reason'), uniq(tables.reasons));
  assert.deepEqual(union('Action'), uniq(tables.actions));
  assert.deepEqual(union('Command'), uniq(tables.commands));
  assert.deepEqual(union('ProviderId'), uniq(tables.providers));
  assert.deepEqual(union('Source'), uniq(tables.sources));
  assert.deepEqual(union('ErrorKind'), uniq(tables.errorKinds));
});
