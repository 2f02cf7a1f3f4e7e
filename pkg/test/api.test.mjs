// The package as a user installs it, through `import` (ES module entry node.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRequire } from 'node:module';

import * as api from 'smtp-reply';
import { checks } from './checks.mjs';

for (const [name, check] of checks) {
  test(`esm: ${name}`, () => check(api, assert));
}

test('esm: init() exists and resolves at once in Node', async () => {
  assert.equal(await api.init(), undefined);
  assert.equal(api.parse('250 OK').code, 250);
});

test('esm: after a trap the module instance is replaced and the next call works', () => {
  // A real trap: the module's allocator cannot give 4 GiB, and Rust aborts (unreachable).
  const require = createRequire(import.meta.url);
  const glue = require(require.resolve('smtp-reply').replace(/node\.cjs$/, 'dist/smtp_reply_node.cjs'));
  const parser = new api.ReplyParser();
  const run = glue.run;
  glue.run = () => glue.input(0xffffffff);
  try {
    assert.throws(() => api.classify('550 5.1.1 User unknown'), /WebAssembly module failed .*restarted/);
  } finally {
    glue.run = run;
  }
  assert.equal(api.classify('550 5.1.1 User unknown').reason, 'userunknown');
  assert.equal(api.parse('250 OK').code, 250);
  assert.throws(() => parser.push('250 OK\r\n'), /make a new one/);
  assert.equal(new api.ReplyParser().push('250 OK\r\n')[0].code, 250);
});

test('esm: Node runs its own module, the same interface as the browsers\' one', async () => {
  // Node's module is built with wasm SIMD, the browsers' without; the glue of each loads its
  // own, and the one API layer drives both, so their exports and imports must be the same.
  const require = createRequire(import.meta.url);
  const dist = require.resolve('smtp-reply').replace(/node\.cjs$/, 'dist/');
  const { readFileSync } = await import('node:fs');
  assert.match(readFileSync(`${dist}smtp_reply_node.cjs`, 'utf8'), /\/smtp_reply_node\.wasm`/);
  const node = new WebAssembly.Module(readFileSync(`${dist}smtp_reply_node.wasm`));
  const web = new WebAssembly.Module(readFileSync(`${dist}smtp_reply_bg.wasm`));
  const shape = (m) => JSON.stringify([WebAssembly.Module.exports(m), WebAssembly.Module.imports(m)]);
  assert.equal(shape(node), shape(web));
  assert.notDeepEqual(readFileSync(`${dist}smtp_reply_node.wasm`), readFileSync(`${dist}smtp_reply_bg.wasm`));
});
