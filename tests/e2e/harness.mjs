// Shared setup for the end-to-end tests: starts www/serve.mjs on a free port, launches Debian's
// Chromium through playwright-core, collects console errors, saves screenshots to tests/artifacts/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
/** The package folder served at /pkg/ (PKG_DIR lets the tests run against another build). */
export const pkgDir = resolve(process.env.PKG_DIR || join(repo, 'pkg'));
export const artifacts = join(repo, 'tests', 'artifacts');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The library itself, loaded through its Node entry, to compare the page against. */
export async function library() {
  return import(pathToFileURL(join(pkgDir, 'node.mjs')).href);
}

/** Starts `node www/serve.mjs 0 --quiet [--csp] --pkg DIR` and resolves with { url, stop } once it prints its URL. */
export function startServer({ csp = false, pkg = pkgDir } = {}) {
  const args = [join(repo, 'www', 'serve.mjs'), '0', '--quiet', '--pkg', pkg];
  if (csp) args.push('--csp');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL: ${out}`)), 10000);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({
          url: m[1],
          stop: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.once('exit', done);
              child.kill();
            }),
        });
      }
    });
  });
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * Opens a page in a fresh context and records every console error, uncaught exception, failed
 * request and CSP violation in `problems`.
 */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1100, height: 900 }, permissions = [] } = {}) {
  const context = await browser.newContext({ colorScheme, viewport });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is a request cut short by the test navigating on (a reload), not a fault of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]', { timeout: 15000 });
  return { page, context, problems };
}

/** Saves a screenshot (whole page unless fullPage is false) as tests/artifacts/<name>.png. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}

/**
 * The hooks every test file needs: before its tests, the library (Node entry), the page's server
 * and the browser are started and handed to `use`; after them, the browser and server stop.
 */
export function setup(use) {
  let server;
  let browser;
  before(async () => {
    const lib = await library();
    server = await startServer();
    browser = await launchBrowser();
    use({ lib, server, browser });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
