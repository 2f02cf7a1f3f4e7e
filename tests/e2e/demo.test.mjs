// End-to-end tests of the demo page in headless Chromium. What the page shows is compared with what
// the library returns for the same input (through its Node entry), so the tests check the page
// displays the library's answer rather than fixed strings.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES } from '../../www/examples.js';
import { openPage, pkgDir, screenshot, setup, startServer } from './harness.mjs';

const GMAIL_421 = '421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp';

let browser;
let server;
let lib;
setup((up) => ({ lib, server, browser } = up));

/** The status of a GET for `path` sent exactly as written. */
function rawStatus(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

/** Texts of all elements matching `selector`. */
/** Waits until the address is the code's page and its heading, rendered after the address changes, names `text`. */
async function codePageShows(page, code, text = code) {
  await page.waitForFunction(
    ([c, t]) => location.hash === `#/code/${c}` && (document.querySelector('#view-code h1')?.textContent ?? '').includes(t),
    [code, text],
  );
  assert.ok((await page.locator('#view-code h1').textContent()).includes(text));
}

async function texts(page, selector) {
  return page.locator(selector).allTextContents();
}

/** aria-labelledby / aria-describedby / aria-controls / label[for] that point at no element. */
async function danglingReferences(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], label[for]')) {
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) out.push(`${el.tagName} ${attr}=${id}`);
        }
      }
    }
    return out;
  });
}

async function typeReply(page, text) {
  const box = page.getByLabel('Reply, log line or bounce text');
  await box.fill('');
  // Typed key by key, like a person: the explanation must follow every keystroke.
  await box.pressSequentially(text);
}

describe('server', () => {
  test('serves the page, the package and wasm with the right MIME types', async () => {
    const get = (path) => fetch(new URL(path, server.url));
    const index = await get('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.match(await index.text(), /<textarea id="reply"/);
    assert.match((await get('/app.js')).headers.get('content-type'), /^text\/javascript/);
    assert.match((await get('/style.css')).headers.get('content-type'), /^text\/css/);
    assert.match((await get('/pkg/browser.js')).headers.get('content-type'), /^text\/javascript/);
    const wasmName = readdirSync(join(pkgDir, 'dist')).find((f) => f.endsWith('.wasm'));
    assert.ok(wasmName, 'pkg/dist has a .wasm file');
    const wasm = await get(`/pkg/dist/${wasmName}`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.deepEqual([...new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
    assert.equal((await get('/nope.js')).status, 404);
    // Raw paths (fetch would normalise the dots away before sending them).
    for (const path of ['/../Cargo.toml', '/pkg/..%2fCargo.toml', '/pkg/../../Cargo.toml', '/pkg/..%2f..%2fCargo.toml', '/..%2fCargo.toml', '/pkg/%2e%2e/%2e%2e/Cargo.toml']) {
      assert.equal(await rawStatus(server.url, path), 404, `no way out of www/ or pkg/: ${path}`);
    }
    assert.equal(await rawStatus(server.url, '/pkg/package.json'), 200, 'the raw requests do reach the server');
    assert.equal(index.headers.get('content-security-policy'), null, 'no CSP unless asked');
  });
});

describe('explain a reply', () => {
  test('typing a reply shows the breakdown, the advice and the parse time', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await typeReply(page, GMAIL_421);
    const r = lib.classify(GMAIL_421);
    await page.waitForFunction((code) => document.querySelector('.verdict .main-code')?.textContent === code, String(r.code));

    assert.deepEqual(await texts(page, '#breakdown .digit-name'), r.explanation.digits.map((d) => d.name));
    assert.deepEqual(await texts(page, '#breakdown .digit-meaning'), r.explanation.digits.map((d) => d.meaning));
    assert.deepEqual(await texts(page, '#breakdown .digit-value'), r.explanation.digits.map((d) => String(d.digit)));
    const e = r.enhancedExplanation;
    assert.ok(e, 'the library found the enhanced code');
    assert.deepEqual(await texts(page, '#enhanced .digit-value'), [e.class.digit, e.subject.number, e.detail.number].map(String));
    assert.deepEqual(await texts(page, '#enhanced .digit-name'), [e.class.name, e.subject.name, e.detail.title].map((x) => x ?? 'Not in the registry'));

    const verdict = await page.locator('.verdict').textContent();
    assert.ok(verdict.includes(r.reason), `reason ${r.reason} shown`);
    if (r.provider) assert.ok(verdict.includes(r.provider.name), `provider ${r.provider.name} shown`);
    assert.ok(verdict.includes(r.hard ? 'Hard bounce' : 'Soft bounce'));
    if (r.retryDelay) assert.match(await page.locator('.verdict .retry').textContent(), /^Retry in /);
    assert.deepEqual(await texts(page, '#causes li'), r.advice.causes);
    assert.deepEqual(await texts(page, '#fixes li'), r.advice.fixes);
    assert.ok(r.advice.causes.length > 0 && r.advice.fixes.length > 0, 'a 421 has causes and fixes');
    // Whose advice it is, as the library says.
    const whose = { reason: `the reason ${r.reason}`, enhancedCode: `the enhanced code ${r.enhanced}`, replyCode: `the reply code ${r.code}` }[r.adviceFrom];
    assert.ok(whose, `adviceFrom ${r.adviceFrom}`);
    assert.equal(await page.locator('.verdict .advice-from').textContent(), `This advice is written for ${whose}.`);
    assert.equal(await page.locator('#lines tbody tr').count(), r.lines.length);
    assert.match(await page.locator('#status').textContent(), new RegExp(`^${r.code} ${r.enhanced}: .*Classified in [\\d.]+ (ms|µs)`));
    assert.match(await page.locator('#snippet pre.snippet code').textContent(), /classify\("421 4\.7\.0 Try again later/);

    const hash = await page.evaluate(() => location.hash);
    assert.equal(new URLSearchParams(hash.split('?')[1]).get('text'), GMAIL_421, 'state is in the URL hash');
    await screenshot(page, 'explain-typed-light');
    assert.deepEqual(problems, []);
  });

  test('after the first view, a warm-up times the reply on view again', async () => {
    // The first view is timed on a cold engine; a background warm-up (classify and parse, a few
    // milliseconds at a time) then rewrites the status line with a warm engine's timing.
    const { page, problems } = await openPage(browser, server.url);
    const cold = await page.locator('#status').textContent();
    await page.waitForSelector('html[data-warm]', { timeout: 15000 });
    const warm = await page.locator('#status').textContent();
    const shape = /Classified in [\d.]+ (ms|µs) \(median of five timed windows, \d+ runs; this text's first run took ([\d.]+ (ms|µs))\); parsing alone: [\d.]+ (ms|µs)\.$/;
    assert.match(cold, shape);
    assert.match(warm, shape);
    // The first run was the cold one: the warm-up does not replace it.
    assert.equal(shape.exec(warm)[2], shape.exec(cold)[2]);
    assert.deepEqual(problems, []);
  });

  test('a huge paste stays responsive and the table is capped', async () => {
    const { page, problems } = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const count = 1000;
    const big = Array.from({ length: count }, (_, i) => `250${i === count - 1 ? ' ' : '-'}line ${i} ${'x'.repeat(60)}`).join('\n');
    assert.equal(lib.classify(big).lines.length, count, 'the library reads every line');
    // Pasted, as a person would: one input event for the whole text.
    await page.evaluate((text) => navigator.clipboard.writeText(text), big);
    await page.locator('#reply').fill('');
    const started = Date.now();
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => /1000 lines, the first 200 shown/.test(document.querySelector('#lines caption')?.textContent ?? ''));
    const took = Date.now() - started;
    assert.equal(await page.locator('#lines tbody tr').count(), 200);
    assert.equal(await page.locator('#reply').inputValue(), big);
    assert.ok(took < 5000, `explained 1000 lines in ${took} ms`);
    console.log(`a 1000-line paste explained in ${took} ms`);
    assert.deepEqual(problems, []);
  });

  test('a pasted session is split into its replies, multi-line ones kept whole', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const session = ['220 mx.example.org ESMTP ready', '250-mx.example.org hello', '250-SIZE 1000000', '250 8BITMIME', '354 Go ahead, end with <CRLF>.<CRLF>'].join('\n');
    await typeReply(page, session);
    await page.waitForFunction(() => document.querySelectorAll('.reply-item').length === 3);
    assert.deepEqual(await texts(page, '.reply-item > summary .big-code'), ['220', '250', '354']);
    const ehlo = page.locator('.reply-item').nth(1);
    await ehlo.locator('summary').click();
    assert.equal(await ehlo.locator('table.parsed-lines tbody tr').count(), 3, 'the EHLO reply keeps its 3 lines');
    assert.match(await page.locator('#status').textContent(), /^3 replies\./);
    assert.deepEqual(await danglingReferences(page), []);
    assert.match(await page.locator('#snippet pre.snippet code').textContent(), /classifyMany/);

    // Log noise between replies: the replies are found line by line, the noise is set apart.
    const noisy = '250 2.1.0 Sender OK\nsome log noise\n550 5.1.1 <bob@example.com>: User unknown';
    const many = lib.classifyMany(noisy);
    await typeReply(page, noisy);
    await page.waitForFunction(() => document.querySelectorAll('.reply-item').length === 2);
    assert.deepEqual(await texts(page, '.reply-item > summary .big-code'), many.filter((r) => !r.error).map((r) => [r.code, r.enhanced].filter(Boolean).join(' ')));
    assert.match(await page.locator('.skipped-parts > summary').textContent(), /^1 part of the text held no reply/);

    // A bounce notice pasted whole: its prose is read by its words too, but beside the
    // server's reply it is no reply of its own, so the page gives the one verdict.
    const notice = "Address not found\n\nYour message wasn't delivered to jane@example.com because the address couldn't be found.\n\nThe response from the remote server was:\n550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown";
    assert.equal(lib.classifyMany(notice).filter((r) => !r.error).length, 2, 'the prose line is classified by its words');
    await page.getByLabel('Reply, log line or bounce text').fill(notice);
    await page.waitForFunction(() => document.querySelectorAll('.reply-item').length === 0 && document.querySelector('.verdict .main-code')?.textContent === '550');
    assert.match(await page.locator('#status').textContent(), /^550 5\.1\.1: Do not retry \(userunknown\)/);
    assert.deepEqual(problems, []);
  });

  test('a log gets a breakdown by reason, and one reason\'s cards on request', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const said = (to, host, reply, command) =>
      `Nov 30 10:00:00 mx postfix/smtp[1]: A1: to=<${to}>, relay=${host}[192.0.2.1]:25, status=bounced (host ${host}[192.0.2.1] said: ${reply} (in reply to ${command} command))`;
    const gmail = 'gmail-smtp-in.l.google.com';
    // In an order that is not the breakdown's: the largest group, then ties by name.
    const log = [
      said('e@gmail.com', gmail, '452-4.2.2 The email account that you tried to reach is over quota. - gsmtp', 'RCPT TO'),
      said('b@yahoo.com', 'mta5.am0.yahoodns.net', '421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1', 'MAIL FROM'),
      said('a@gmail.com', gmail, '550-5.1.1 The email account that you tried to reach does not exist. - gsmtp', 'RCPT TO'),
      said('c@gmail.com', gmail, '550-5.1.1 The email account that you tried to reach does not exist. - gsmtp', 'RCPT TO'),
      said('d@example.org', 'mx.example.org', '550 5.1.1 <d@example.org>: Recipient address rejected: User unknown in local recipient table', 'RCPT TO'),
    ].join('\n');
    // What the page must show, counted here from the library's own answers.
    const found = lib.classifyMany(log).filter((r) => !r.error);
    const counts = new Map();
    for (const r of found) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    assert.ok(expected.length >= 3 && expected[0][1] === 3, `three reasons, one of them thrice: ${JSON.stringify(expected)}`);
    await page.getByLabel('Reply, log line or bounce text').fill(log);
    await page.waitForFunction(() => document.querySelectorAll('#breakdown tr.breakdown-row').length > 0);
    const rows = page.locator('#breakdown tr.breakdown-row');
    assert.deepEqual(
      await rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset.reason, Number.parseInt(tr.querySelector('td.count').textContent, 10)])),
      expected,
    );
    assert.match(await page.locator('#breakdown caption').textContent(), new RegExp(`^${found.length} replies, ${expected.length} reasons`));
    // The largest group's providers and codes, as the library named them.
    const [top] = expected[0];
    const first = rows.first();
    const providers = new Set(found.filter((r) => r.reason === top).map((r) => r.provider?.name ?? 'not recognised'));
    for (const name of providers) assert.match(await first.locator('td').nth(3).textContent(), new RegExp(name));
    assert.equal(await first.locator('th').textContent(), `${top}${found.filter((r) => r.reason === top).every((r) => r.hard) ? ' (hard)' : ''}`, 'the row header is the reason alone');
    assert.equal(await page.locator('.reply-item').count(), found.length);

    // Show one reason's cards alone, then all again; the button says whether it is pressed.
    const pick = first.getByRole('button', { name: `Show only the ${top} replies` });
    await pick.click();
    await page.waitForFunction((n) => document.querySelectorAll('.reply-item').length === n, counts.get(top));
    assert.deepEqual(
      await texts(page, '.reply-item > summary .big-code'),
      found.filter((r) => r.reason === top).map((r) => [r.code, r.enhanced].filter(Boolean).join(' ')),
    );
    assert.equal(await page.locator('#breakdown tr.breakdown-row').first().locator('button').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.reason), top, 'the focus stays on the button');
    assert.match(await page.locator('.many .lead').textContent(), new RegExp(`^Showing the ${counts.get(top)} ${top} replies of ${found.length}`));
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.reply-item').length === n, found.length);
    assert.equal(await page.locator('#breakdown tr.breakdown-row').first().locator('button').getAttribute('aria-pressed'), 'false');
    await screenshot(page, 'explain-log-breakdown-light');
    assert.deepEqual(await danglingReferences(page), []);
    assert.deepEqual(problems, []);
  });

  test('odd and hostile inputs never break the page', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const inputs = [
      '', ' ', '\n\n', '5', '55', '555', '5555 x', '\u0000\u0001', '550 🙂 ünïcödé', 'x'.repeat(20000), '250-a\r\n250 b\r\n',
      '550 5.1.1', '5.1.1', '>>> RCPT To:<x@y>\n<<< 550 5.1.1 <x@y>... User unknown', 'Diagnostic-Code: smtp; ', 'status=bounced (host x[1.2.3.4] said: )',
      '250-a\n251 b', '999 nine', '421-4.7.0 x\n421 5.7.1 y', '<script>alert(1)</script>', '250 <img src=x onerror=alert(1)>',
    ];
    for (const text of inputs) {
      await page.evaluate((t) => {
        const box = document.getElementById('reply');
        box.value = t;
        box.dispatchEvent(new Event('input'));
      }, text);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      assert.ok((await page.locator('#status').textContent()).length > 0, JSON.stringify(text).slice(0, 40));
      assert.ok((await page.locator('#result').evaluate((r) => r.childElementCount)) > 0, `something is shown for ${JSON.stringify(text).slice(0, 40)}`);
    }
    assert.equal(await page.locator('#result img, #result script').count(), 0, 'pasted markup stays text');
    assert.deepEqual(problems, []);
  });

  test('the command it answered is passed to classify', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const text = '550 5.1.1 <bob@example.com>: User unknown';
    await typeReply(page, text);
    for (const command of ['RCPT', 'MAIL', 'END OF DATA']) {
      await page.getByLabel('Command it answered').selectOption(command);
      const r = lib.classify(text, { command });
      assert.equal(await page.locator('.verdict code.reason').textContent(), r.reason, `${command}: reason`);
      assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]).get('cmd'), command, 'the command is in the link');
    }
    assert.notEqual(lib.classify(text, { command: 'RCPT' }).reason, lib.classify(text, { command: 'MAIL' }).reason, 'the command matters');
    assert.deepEqual(problems, []);
  });

  test('the link restores the same explanation; copy link copies it (keyboard only)', async () => {
    const url = `${server.url}#/explain?${new URLSearchParams({ text: GMAIL_421, cmd: 'EHLO' })}`;
    const { page, problems } = await openPage(browser, url, { permissions: ['clipboard-read', 'clipboard-write'] });
    assert.equal(await page.locator('#reply').inputValue(), GMAIL_421);
    assert.equal(await page.locator('#command').inputValue(), 'EHLO');
    assert.equal(await page.locator('.verdict .main-code').textContent(), '421');
    await page.locator('#command').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-link', 'Tab reaches Copy link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Link copied/.test(document.getElementById('status').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href));
    assert.deepEqual(problems, []);
  });

  /** The strict parser's error for `text` (the page marks where it points). */
  function parseError(text) {
    try {
      lib.parse(text);
    } catch (e) {
      return e;
    }
    assert.fail(`the library accepts ${JSON.stringify(text)}`);
  }

  async function assertMarked(page, box, text, err) {
    const shown = await box.textContent();
    assert.ok(shown.includes(err.message), `the message is shown: ${err.message}`);
    assert.ok(shown.includes(`byte offset ${err.offset}`), 'the offset is shown');
    const lineStart = text.lastIndexOf('\n', err.offset - 1) + 1;
    const line = text.slice(lineStart).split('\n')[0];
    assert.equal(await box.locator('mark.error-at').textContent(), line[err.offset - lineStart] ?? ' ', 'the character at the offset is marked');
    await box.getByRole('button', { name: 'Show it in the text box' }).click();
    assert.equal(await page.locator('#reply').evaluate((t) => t.selectionStart), err.offset, 'the caret goes to the offset');
  }

  test('a bad input shows its error with the position marked', async () => {
    const { page, problems } = await openPage(browser, server.url);
    // Nothing the lenient classifier can use: the parser's error is shown, at its position.
    const bad = '42x Try again later';
    assert.throws(() => lib.classify(bad));
    await typeReply(page, bad);
    const box = page.locator('#parse-error');
    await box.waitFor();
    await assertMarked(page, box, bad, parseError(bad));
    assert.equal(await page.locator('.verdict').count(), 0);
    assert.ok(await page.locator('#view-explain h1').isVisible(), 'the page is still there');
    await screenshot(page, 'explain-error-light');

    // A malformed multi-line reply: classified leniently, and the broken line is marked.
    const broken = '250-first line\n25x second line';
    const r = lib.classify(broken);
    await typeReply(page, broken);
    const problem = page.locator('#reply-problem');
    await problem.waitFor();
    assert.equal(r.replyText, broken);
    await assertMarked(page, problem, broken, parseError(broken));
    assert.equal(await page.locator('.verdict .main-code').textContent(), String(r.code));
    await screenshot(page, 'explain-malformed-light');
    assert.deepEqual(problems, []);
  });

  test('every example in the picker is explained without error', async () => {
    const { page, problems } = await openPage(browser, server.url);
    for (let i = 0; i < EXAMPLES.length; i++) {
      const ex = EXAMPLES[i];
      await page.getByLabel('Examples of real replies').selectOption(String(i));
      assert.equal(await page.locator('#reply').inputValue(), ex.text);
      assert.equal(await page.locator('#parse-error, #reply-problem').count(), 0, `no error for example "${ex.label}"`);
      // Only the "several replies" examples hold more than one reply, one a line; multi-line
      // replies are one.
      if (/Several replies/.test(ex.label)) {
        const found = lib.classifyMany(ex.text).filter((r) => !r.error);
        assert.equal(found.length, ex.text.split('\n').length, `${ex.label}: a reply a line`);
        assert.equal(await page.locator('.reply-item').count(), found.length, `${ex.label}: one card per reply`);
        assert.deepEqual(await texts(page, '.reply-item > summary .big-code'), found.map((r) => [r.code, r.enhanced].filter(Boolean).join(' ')));
        const reasons = new Set(found.map((r) => r.reason));
        assert.equal(await page.locator('#breakdown tr.breakdown-row').count(), reasons.size, `${ex.label}: a breakdown row per reason`);
      } else {
        const r = lib.classify(ex.text, ex.command ? { command: ex.command } : undefined);
        if (r.code === null) {
          // No reply in the text, only the sending server's words: the title is the enhanced
          // code's (Postfix logs one as dsn=) or says that there is no reply.
          assert.equal(await page.locator('.verdict .main-code').count(), 0, ex.label);
          const title = await page.locator('.verdict .title').first().textContent();
          if (r.enhanced) assert.equal(title, r.enhancedExplanation.detail.title, ex.label);
          else assert.match(title, /No reply/, ex.label);
        } else {
          assert.equal(await page.locator('.verdict .main-code').first().textContent(), String(r.code), ex.label);
        }
        assert.equal(await page.locator('#lines tbody tr').count(), r.lines.length, `${ex.label}: parsed lines`);
        assert.equal(await page.locator('.reply-item').count(), 0, `${ex.label}: one reply`);
        if (r.retryDelay) {
          const said = await page.locator('.verdict .retry').textContent();
          assert.match(said, r.retryDelay.stated ? /the server said so/ : /recommended/, `${ex.label}: ${said}`);
        }
        if (/Greylisted for 60 seconds/.test(ex.text)) {
          assert.deepEqual(r.retryDelay, { seconds: 60, stated: true }, 'the library reads the stated delay');
          assert.equal(await page.locator('.verdict .retry').textContent(), 'Retry in 1 minute: the server said so.');
        }
        if (r.source === 'reply') {
          // A text with no reply code (.NET's, a client's own error) has no lines to list, nor
          // has a code given apart from its words (Python's `(550, b'...')`).
          const rows = r.code === null || /smtplib/.test(ex.text) ? 0 : ex.text.split('\n').length;
          assert.equal(await page.locator('#lines tbody tr').count(), rows, `${ex.label}: one row per line`);
        } else {
          assert.equal(await page.locator('#extracted .reply-text').textContent(), r.replyText, `${ex.label}: extracted reply`);
        }
      }
      if (/EHLO/.test(ex.label)) {
        const keywords = ex.text.split('\n').slice(1).map((l) => l.slice(4).split(' ')[0]);
        assert.deepEqual(await texts(page, '#ehlo tbody tr td:first-child'), keywords, 'the EHLO extensions are listed');
        const domain = ex.text.split('\n')[0].slice(4).split(' ')[0];
        assert.equal(await page.locator('#ehlo p code').first().textContent(), domain, 'the server named by parseEhlo()');
        assert.match(await page.locator('#ehlo tbody tr').first().textContent(), /RFC \d+/, 'a known extension has its RFC');
        await screenshot(page, 'explain-ehlo-light');
      }
      if (/Postfix log line: bounced/.test(ex.label)) await screenshot(page, 'explain-postfix-light');
      if (/no reply, no code/.test(ex.label)) await screenshot(page, 'explain-no-reply-light');
      if (/Several replies: greeting/.test(ex.label)) await screenshot(page, 'explain-several-light');
      if (/Several replies: a Postfix log/.test(ex.label)) await screenshot(page, 'explain-log-example-light');
    }
    assert.deepEqual(problems, []);
  });

  test('dark scheme and a phone-sized screen', async () => {
    const { page, problems } = await openPage(browser, server.url, { colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(bg, 'rgb(246, 247, 249)', 'dark background in dark mode');
    await screenshot(page, 'explain-dark');
    const phone = await openPage(browser, `${server.url}#/code/550`, { viewport: { width: 375, height: 740 } });
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
    await screenshot(phone.page, 'code-550-phone');
    await phone.page.goto(server.url);
    await phone.page.waitForSelector('.verdict');
    assert.ok((await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0);
    await screenshot(phone.page, 'explain-phone');
    await screenshot(phone.page, 'explain-phone-first-screen', { fullPage: false });
    assert.deepEqual(problems, []);
    assert.deepEqual(phone.problems, []);
  });

  test('text contrast is at least 4.5:1 in light and dark', async () => {
    // A reply, and a log whose breakdown has a pressed button.
    const log = ['550 5.1.1 <bob@example.com>: User unknown', '452 4.2.2 Mailbox full'].join('\n');
    for (const colorScheme of ['light', 'dark']) {
      for (const text of ['250 2.0.0 OK', log]) {
        const { page, problems } = await openPage(browser, `${server.url}#/explain?text=${encodeURIComponent(text)}`, { colorScheme });
        if (text === log) {
          await page.locator('#breakdown button.pick').first().click();
          await page.locator('#breakdown button[aria-pressed="true"]').waitFor();
        } else {
          await page.locator('.verdict').waitFor();
        }
        const low = await page.evaluate(() => {
          const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
          const lum = ([r, g, b]) => {
            const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = (el) => {
            for (let e = el; e; e = e.parentElement) {
              const c = rgb(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('[hidden]') || !el.getClientRects().length) continue;
            if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
            const fg = lum(rgb(getComputedStyle(el).color));
            const bg = lum(background(el));
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            if (ratio < 4.5) out.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}: ${el.textContent.trim().slice(0, 30)}`);
          }
          return out;
        });
        assert.deepEqual(low, [], `${colorScheme}, ${text.slice(0, 20)}: low-contrast text`);
        assert.deepEqual(problems, []);
      }
    }
  });

  test('keyboard: skip link, then the controls in order', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/421`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.equal(await page.evaluate(() => location.hash), '#/code/421', 'the skip link keeps the page');
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready]');
    await page.keyboard.press('Tab');
    assert.ok((await page.locator('.skip').boundingBox()).x >= 0, 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    const order = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id));
    }
    assert.deepEqual(order, ['example', 'reply', 'command', 'copy-link', 'clear']);
    // Picking an example with the keyboard explains it.
    await page.locator('#example').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.getElementById('reply').value.length > 0 && document.querySelector('.verdict'));
    assert.deepEqual(problems, []);
  });

  test('every control has a label', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/codes`);
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => !el.closest('[hidden]'))
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
        .map((el) => el.outerHTML),
    );
    assert.deepEqual(unlabeled, []);
    assert.deepEqual(problems, []);
  });
});

describe('code pages', () => {
  test('#/code/421 has every section', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/421`);
    const x = lib.explain(421);
    await page.locator('#view-code h1').waitFor();
    const h1 = await page.locator('#view-code h1').textContent();
    assert.ok(h1.includes('421') && h1.includes(x.title), h1);
    for (const [id, title] of [
      ['what', 'What it is'],
      ['breakdown', 'Code breakdown'],
      ['examples', 'Response examples'],
      ['causes', 'Common causes'],
      ['fixes', 'How to fix'],
      ['related', 'Related codes'],
    ]) {
      assert.equal(await page.locator(`#code-${id} h2`).textContent(), title);
    }
    assert.deepEqual(await texts(page, '#code-breakdown .digit-name'), x.digits.map((d) => d.name));
    assert.deepEqual(await texts(page, '#code-examples pre'), x.examples);
    assert.ok(x.examples.length > 0, '421 has response examples');
    assert.deepEqual(await texts(page, '#code-causes li'), x.advice.causes);
    assert.deepEqual(await texts(page, '#code-fixes li'), x.advice.fixes);
    for (const d of x.definitions) assert.ok((await page.locator('#code-what').textContent()).includes(d.meaning));
    await screenshot(page, 'code-421-light');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.locator('#view-code .copy-page-link').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => location.href), 'copy link on a code page');
    // "Explain this reply" on an example opens the explain view with that text.
    await page.locator('#code-examples a').first().click();
    await page.waitForFunction(() => !document.getElementById('view-explain').hidden);
    assert.equal(await page.locator('#reply').inputValue(), x.examples[0]);
    assert.equal(await page.locator('.verdict .main-code').first().textContent(), String(lib.classify(x.examples[0]).code));
    const duplicateIds = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    assert.deepEqual(duplicateIds, [], 'both views rendered, no id twice');
    assert.deepEqual(await danglingReferences(page), []);
    assert.deepEqual(problems, []);
  });

  test('#/code/4.7.0 has every section', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/4.7.0`, { colorScheme: 'dark' });
    const x = lib.explain('4.7.0');
    await page.locator('#view-code h1').waitFor();
    assert.ok((await page.locator('#view-code h1').textContent()).includes('4.7.0'));
    for (const id of ['what', 'breakdown', 'examples', 'causes', 'fixes', 'related']) {
      assert.equal(await page.locator(`#code-${id} h2`).count(), 1, `section ${id}`);
    }
    assert.deepEqual(await texts(page, '#code-breakdown .digit-value'), [x.class.digit, x.subject.number, x.detail.number].map(String));
    assert.deepEqual(await texts(page, '#code-examples pre'), x.examples);
    // 4.7.0 names no cause: the advice of any transient failure, said to be so.
    assert.equal(x.adviceFrom, 'class');
    assert.deepEqual(await texts(page, '#code-causes li'), x.advice.causes);
    assert.deepEqual(await texts(page, '#code-fixes li'), x.advice.fixes);
    assert.match(await page.locator('.code-advice-from').textContent(), /advice for any 4\.x\.x code \(persistent transient failure\)/);
    if (x.detail.description) assert.ok((await page.locator('#code-what').textContent()).includes(x.detail.description));
    await screenshot(page, 'code-4.7.0-dark');
    // The breadcrumb leads to the code's group in the index.
    await page.locator('#view-code .crumbs a', { hasText: 'X.7.x' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 's7');
    assert.equal(await page.evaluate(() => location.hash), '#/codes#s7');
    assert.ok(await page.locator('#s7').isVisible());
    assert.deepEqual(problems, []);
  });

  test('an enhanced code page gives advice and says whose: its own, its usual reason\'s', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/5.7.0`);
    const x = lib.explain('5.7.0');
    await page.locator('#view-code h1').waitFor();
    assert.equal(x.adviceFrom, 'reason');
    const reason = lib.reasons().find((r) => r.reason === x.reason);
    assert.deepEqual(await texts(page, '#code-causes li'), reason.advice.causes);
    assert.deepEqual(await texts(page, '#code-fixes li'), reason.advice.fixes);
    const said = await page.locator('.code-advice-from').textContent();
    assert.equal(said, `Nothing specific to this code is recorded; this is the advice for its usual bounce reason, ${x.reason}.`);
    // A code outside the registry with advice of its own says what it means.
    await page.goto(`${server.url}#/code/5.7.708`);
    await page.locator('#view-code h1', { hasText: '5.7.708' }).waitFor();
    assert.equal(await page.locator('#code-what .code-own-meaning').textContent(), lib.explain('5.7.708').advice.summary);
    assert.equal(await page.locator('.code-own-meaning').count(), 1);
    // A code with advice of its own says nothing of the kind.
    await page.goto(`${server.url}#/code/5.7.23`);
    await page.locator('#view-code h1', { hasText: '5.7.23' }).waitFor();
    assert.equal(await page.locator('.code-advice-from').count(), 0);
    assert.equal(await page.locator('.code-own-meaning').count(), 0, 'a registered code has its description');
    assert.deepEqual(await texts(page, '#code-causes li'), lib.explain('5.7.23').advice.causes);
    assert.deepEqual(problems, []);
  });

  test('an unknown code shows a message, not a blank page', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/abc`);
    assert.match(await page.locator('#view-code h1').textContent(), /Unknown code: abc/);
    assert.deepEqual(problems, []);
  });
});

describe('index of codes', () => {
  test('lists every code with its title and the links lead to each page', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/codes`);
    const all = lib.codes();
    assert.ok(all.basic.length > 20 && all.enhanced.length > 50, 'the registry is complete enough');
    assert.equal(await page.locator('#view-codes a.code-link').count(), all.basic.length + all.enhanced.length);
    const titled = all.basic.find((b) => b.code === 421);
    assert.ok((await page.locator('#view-codes li', { hasText: '421' }).first().textContent()).includes(titled.title));
    await screenshot(page, 'codes-light');

    await page.locator('#view-codes a.code-link', { hasText: /^421$/ }).click();
    await codePageShows(page, '421');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the new page');

    // A related link from the 421 page, then back to the index through the breadcrumb.
    const next = page.locator('#view-code .prev-next a').last();
    const nextCode = (await next.textContent()).trim();
    await next.click();
    await codePageShows(page, nextCode);
    await page.locator('#view-code .crumbs a', { hasText: 'All codes' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/codes'));

    const enh = all.enhanced.find((e) => e.code === 'X.7.1') ?? all.enhanced[0];
    await page.locator('#view-codes a.code-link', { hasText: new RegExp(`^${enh.code.replace(/\./g, '\\.')}$`) }).click();
    await codePageShows(page, enh.code, enh.title);
    // The class links of an X code lead to the concrete code.
    await page.locator('#code-related a.code-link', { hasText: `5${enh.code.slice(1)}` }).click();
    await codePageShows(page, `5${enh.code.slice(1)}`);

    await page.goBack();
    await page.waitForFunction((c) => location.hash === `#/code/${c}`, enh.code);
    assert.deepEqual(problems, []);
  });

  test('the filter narrows the list', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/codes`);
    await page.getByLabel('Filter codes').fill('quota');
    const shown = await page.locator('#view-codes a.code-link').count();
    const all = lib.codes();
    // A word is also looked for in the code's description and advice ("quota": the mailbox-full codes).
    const words = (c) => {
      const x = lib.explain(typeof c.code === 'number' ? c.code : c.code.replace(/^X/, '5'));
      return [c.code, c.title, x.detail?.title, x.detail?.description, ...(x.definitions ?? []).map((d) => d.meaning), x.advice?.summary, ...(x.advice?.causes ?? []), ...(x.advice?.fixes ?? [])].join(' ').toLowerCase();
    };
    const expected = [...all.basic, ...all.enhanced].filter((c) => words(c).includes('quota')).length;
    assert.ok(expected > 0, 'some codes are about quotas');
    assert.equal(shown, expected);
    assert.equal(await page.evaluate(() => location.hash), '#/codes?q=quota', 'the filter is in the link');
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    assert.equal(await page.getByLabel('Filter codes').inputValue(), 'quota');
    assert.equal(await page.locator('#view-codes a.code-link').count(), expected);
    assert.deepEqual(problems, []);
  });

  test('the bounce reasons are listed with hard or soft and their summary, and filtered too', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/codes`);
    const all = lib.reasons();
    const items = page.locator('#reasons li');
    assert.equal(await items.count(), all.length);
    assert.deepEqual(await page.locator('#reasons code.reason').allTextContents(), all.map((r) => r.reason));
    assert.deepEqual(
      await items.allTextContents(),
      all.map((r) => `${r.reason} ${r.bounce ? (r.hard ? 'hard' : 'soft') : 'no bounce'} ${r.advice.summary}`),
    );
    assert.match(await page.locator('#view-codes [role=status]').textContent(), new RegExp(`; ${all.length} bounce reasons\\.$`));
    // The filter looks in a reason's name and advice.
    await page.getByLabel('Filter codes').fill('quota');
    const about = all.filter((r) => [r.reason, r.advice.summary, ...r.advice.causes, ...r.advice.fixes].join(' ').toLowerCase().includes('quota'));
    assert.ok(about.some((r) => r.reason === 'mailboxfull'), 'mailboxfull is about quotas');
    assert.deepEqual(await page.locator('#reasons code.reason').allTextContents(), about.map((r) => r.reason));
    await page.getByLabel('Filter codes').fill('421');
    assert.equal(await page.locator('#reasons li').count(), 0, 'a number finds codes only');
    assert.deepEqual(problems, []);
  });
});

describe('Content-Security-Policy', () => {
  test("served with default-src 'self' and 'wasm-unsafe-eval' the page still works", async () => {
    const csp = await startServer({ csp: true });
    try {
      const res = await fetch(csp.url);
      assert.equal(res.headers.get('content-security-policy'), "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
      const { page, problems } = await openPage(browser, csp.url);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
      await typeReply(page, '550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown');
      await page.waitForFunction(() => document.querySelector('.verdict .main-code')?.textContent === '550');
      const r = lib.classify('550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown');
      assert.ok((await page.locator('.verdict').textContent()).includes(r.reason));
      await page.goto(`${csp.url}#/code/550`);
      await page.locator('#code-breakdown').waitFor();
      await page.goto(`${csp.url}#/codes`);
      await page.locator('#view-codes a.code-link').first().waitFor();
      await screenshot(page, 'codes-csp');
      assert.deepEqual(problems, [], 'no CSP violation, no console error');
    } finally {
      await csp.stop();
    }
  });
});

describe('without the package', () => {
  test('the page says how to build it instead of going blank', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-pkg-'));
    const bare = await startServer({ pkg: empty });
    try {
      for (const hash of ['', '#/code/421', '#/codes']) {
        const { page, problems, context } = await openPage(browser, `${bare.url}${hash}`);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'error');
        const box = page.locator('.error-box:visible').first();
        assert.match(await box.textContent(), /could not be loaded.*make pkg/s, hash);
        // The only complaints are the missing package files themselves.
        assert.deepEqual(problems.filter((p) => !/\/pkg\/|Failed to load resource|Failed to fetch dynamically imported module/.test(p)), []);
        await context.close();
      }
    } finally {
      await bare.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
