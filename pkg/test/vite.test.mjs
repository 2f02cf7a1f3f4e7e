// Vite (dev server and production build) with the installed package and no Vite config: a page
// that imports 'smtp-reply', awaits init() and classifies a reply, run in headless Chromium.
// VITE: path of vite's bin/vite.js; PLAYWRIGHT_CORE and CHROMIUM as for browser.test.mjs.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = process.env.VITE;

writeFileSync(join(app, 'index.html'), '<!doctype html><pre id="out">loading</pre><script type="module" src="/main.js"></script>\n');
writeFileSync(join(app, 'main.js'), `import { init, classify, explain } from 'smtp-reply';
try {
  await init();
  document.getElementById('out').textContent = classify('550 5.1.1 User unknown').reason + ' ' + explain(421).code;
} catch (e) {
  document.getElementById('out').textContent = 'error: ' + e.message;
}
`);

async function pageText(args) {
  const server = spawn(process.execPath, [vite, ...args, '--port', '0', '--host', '127.0.0.1'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let seen = '';
      server.stdout.on('data', (d) => {
        seen += d;
        const m = seen.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) resolve(m[0]);
      });
      server.on('exit', () => reject(new Error(`vite ${args.join(' ')} exited: ${seen}`)));
    });
    const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('out').textContent !== 'loading', null, { timeout: 30_000 });
      return await page.textContent('#out');
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

test('vite: the dev server serves the package, wasm included', async () => {
  assert.ok(vite, 'VITE must name vite/bin/vite.js (set by .ci/test-pkg.sh)');
  assert.equal(await pageText([]), 'userunknown 421');
});

test('vite: a production build has one .wasm asset and works when served', async () => {
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
  const assets = readdirSync(join(app, 'dist', 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(' '));
  assert.equal(await pageText(['preview']), 'userunknown 421');
});
