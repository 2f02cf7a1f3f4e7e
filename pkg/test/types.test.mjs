// TypeScript: `tsc` on files using every export, as ES module and CommonJS code under each
// module resolution a user may have (TSC: the compiler to use), the compiled files run; and the
// declared types against what the module really returns.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { classify, codes, explain, parse } from 'smtp-reply';
import { cjsDeclarations } from '../scripts/cjs-types.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, '..');
const pkgDir = join(app, 'node_modules', 'smtp-reply');

function tsc(files, module, resolution, outDir) {
  const compiler = process.env.TSC;
  assert.ok(compiler, 'TSC must name the TypeScript compiler (set by .ci/test-pkg.sh)');
  const output = outDir ? ['--outDir', outDir] : ['--noEmit'];
  const args = [compiler, ...output, '--strict', '--target', 'es2022', '--module', module, '--moduleResolution', resolution,
    '--lib', 'es2022,dom', ...files.map((f) => join(here, f))];
  return promisify(execFile)(process.execPath, args, { cwd: app }).catch((error) => {
    assert.fail(`tsc --module ${module} --moduleResolution ${resolution} ${files.join(' ')}:\n${error.stdout}${error.stderr}`);
  });
}

test('types: tsc on ES module and CommonJS files that use every export, node16, nodenext, bundler', async () => {
  const out = join(app, 'types-out');
  rmSync(out, { recursive: true, force: true });
  await Promise.all([
    // types-check.ts is an ES module (the project is "type": "module"), types-check.cts CommonJS.
    tsc(['types-check.ts', 'types-check.cts'], 'nodenext', 'nodenext', out),
    tsc(['types-check.ts', 'types-check.cts'], 'node16', 'node16'),
    // A bundler for browsers: the types of browser.js.
    tsc(['types-check-bundler.ts'], 'esnext', 'bundler'),
  ]);
  // What compiled runs: the declarations say what the entries export.
  execFileSync(process.execPath, [join(out, 'types-check.js')], { cwd: app, stdio: 'pipe' });
  const cjs = execFileSync(process.execPath, [join(out, 'types-check.cjs')], { cwd: app, encoding: 'utf8' });
  assert.match(cjs, /types-check\.cts: ok/);
});

test('types: each entry has its declarations, index.d.cts made from index.d.ts', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const node = manifest.exports['.'].node;
  assert.deepEqual(node.import, { types: './node.d.mts', default: './node.mjs' });
  assert.deepEqual(node.require, { types: './index.d.cts', default: './node.cjs' });
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  assert.equal(readFileSync(join(pkgDir, 'index.d.cts'), 'utf8'), cjsDeclarations(dts));
});

test('types: the arrays index.d.ts types readonly are frozen, the others are not', () => {
  const c = classify('550 5.1.1 User unknown');
  const all = codes();
  const frozen = {
    'Advice.causes': c.advice.causes,
    'Advice.fixes': c.advice.fixes,
    'CodeExplanation.digits': c.explanation.digits,
    'CodeExplanation.definitions': c.explanation.definitions,
    'CodeExplanation.examples': explain(421).examples,
    'EnhancedExplanation.examples': explain('4.7.0').examples,
    'codes().basic': all.basic,
    'codes().enhanced': all.enhanced,
  };
  for (const [name, array] of Object.entries(frozen)) assert.ok(Array.isArray(array) && Object.isFrozen(array), name);
  for (const array of [c.lines, c.links, parse('250 OK').lines]) assert.ok(!Object.isFrozen(array));
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  assert.match(dts, /causes: readonly string\[\];/);
  assert.match(dts, /digits: readonly \[Digit, Digit, Digit\];/);
  assert.doesNotMatch(dts.slice(0, dts.indexOf('export interface Line')), /: string\[\]/, 'no mutable arrays in the knowledge types');
});

test('types: the declared unions list exactly the names the module uses', () => {
  const dts = readFileSync(join(pkgDir, 'index.d.ts'), 'utf8');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
    assert.ok(m, `type ${name} declared`);
    return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]).sort();
  };
  // The names the module's records number (src/wasm.rs `tables`), as the build wrote them for
  // lib/api.js; the packed bundles carry them.
  assert.ok(process.env.TABLES_JSON, 'TABLES_JSON must name the tables (set by .ci/test-pkg.sh)');
  const tables = JSON.parse(readFileSync(process.env.TABLES_JSON, 'utf8'));
  for (const bundle of ['api.mjs', 'api.cjs']) {
    const text = readFileSync(join(pkgDir, 'dist', bundle), 'utf8');
    for (const name of Object.values(tables).flat()) assert.ok(text.includes(JSON.stringify(name)), `${bundle} names ${name}`);
  }
  const uniq = (list) => [...new Set(list)].sort();
  assert.deepEqual(union('Severity'), uniq(tables.severities));
  assert.deepEqual(union('Category'), uniq(tables.categories));
  assert.deepEqual(union('Reason'), uniq(tables.reasons));
  assert.deepEqual(union('Action'), uniq(tables.actions));
  assert.deepEqual(union('Command'), uniq(tables.commands));
  assert.deepEqual(union('ProviderId'), uniq(tables.providers));
  assert.deepEqual(union('Source'), uniq(tables.sources));
  assert.deepEqual(union('ErrorKind'), uniq(tables.errorKinds));
  assert.deepEqual(union('ExtensionKeyword'), uniq(tables.extensions));
});
