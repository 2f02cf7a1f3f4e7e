// The same checks in headless Chromium, against the browser entry (browser.js) of the installed
// package, loaded by a plain <script type="module"> from a tiny local server (wasm served as
// application/wasm). PLAYWRIGHT_CORE: path of playwright-core; CHROMIUM: the browser binary.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { checks } from './checks.mjs';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const PAGE = `<!doctype html><meta charset="utf-8"><title>smtp-reply checks</title>
<script type="module">
import * as api from '/node_modules/smtp-reply/browser.js';
import { checks } from '/test/checks.mjs';
const fail = (m) => { throw new Error(m); };
const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
const a = {
  ok: (v, m) => v || fail(m || 'not ok'),
  equal: (x, y) => Object.is(x, y) || fail(JSON.stringify(x) + ' !== ' + JSON.stringify(y)),
  deepEqual: (x, y) => same(x, y) || fail(JSON.stringify(x) + ' differs from ' + JSON.stringify(y)),
  throws(f, C) {
    try { f(); } catch (e) { if (C && !(e instanceof C)) fail('threw ' + (e && e.name) + ', expected ' + C.name); return; }
    fail('did not throw');
  },
};
window.results = (async () => {
  const out = [];
  try { api.parse('250 OK'); out.push(['a call before init() throws', 'no error']); }
  catch (e) { out.push(['a call before init() throws', /await init\\(\\)/.test(e.message) ? null : e.message]); }
  await Promise.all([api.init(), api.init()]);
  out.push(['init() is idempotent', (await api.init()) === undefined ? null : 'init() resolved to a value']);
  for (const [name, check] of checks) {
    try { check(api, a); out.push([name, null]); } catch (e) { out.push([name, String(e && e.stack || e)]); }
  }
  // A real trap (the allocator cannot give 4 GiB): the call says to init() again, which works.
  // The glue's exports cannot be replaced (an ES module's), so the API layer (the module
  // browser.js loads) is handed the same instance with a \`run\` that traps.
  const glue = await import('/node_modules/smtp-reply/dist/smtp_reply_web.js');
  const { setWasm } = await import('/node_modules/smtp-reply/dist/api.mjs');
  const { memory } = await glue.default();
  setWasm({ input: glue.input, run: () => glue.input(0xffffffff), memory });
  let message = 'no error';
  try { api.classify('550 5.1.1 User unknown'); } catch (e) { message = e.message; }
  out.push(['after a trap the call says to init() again', /failed .*init\(\)/.test(message) ? null : message]);
  try {
    await api.init();
    const reason = api.classify('550 5.1.1 User unknown').reason;
    out.push(['init() after a trap makes a working instance', reason === 'userunknown' ? null : reason]);
  } catch (e) {
    out.push(['init() after a trap makes a working instance', String(e)]);
  }
  return out;
})();
</script>`;

function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = normalize(join(app, path));
    if (!file.startsWith(app)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function runInChromium() {
  assert.ok(process.env.PLAYWRIGHT_CORE, 'PLAYWRIGHT_CORE must name playwright-core (set by .ci/test-pkg.sh)');
  const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const results = await page.waitForFunction(() => window.results, null, { timeout: 60_000 }).then(() => page.evaluate(() => window.results));
    return { results, errors };
  } finally {
    await browser.close();
    server.close();
  }
}

const { results, errors } = await runInChromium();
test('browser: the page loads without errors', () => assert.deepEqual(errors, []));
test('browser: every check ran', () => assert.equal(results.length, checks.length + 4));
for (const [name, error] of results) {
  test(`browser: ${name}`, () => assert.equal(error, null));
}
