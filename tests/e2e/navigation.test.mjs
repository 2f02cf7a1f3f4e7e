// End-to-end tests of the address and the page staying in step (Back, Forward, reload, the nav
// link, very long texts), and of the code pages and the index for codes off the beaten path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXAMPLES } from '../../www/examples.js';
import { openPage, setup } from './harness.mjs';

let browser;
let server;
let lib;
setup((up) => ({ lib, server, browser } = up));

const TEXT = '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown';
const explainUrl = (params) => `${server.url}#/explain?${new URLSearchParams(params)}`;

/** What the explain view shows and what the address says. */
async function state(page) {
  return page.evaluate(() => ({
    hash: location.hash,
    text: document.getElementById('reply').value,
    cmd: document.getElementById('command').value,
    example: document.getElementById('example').value,
  }));
}

/** Waits until the box holds `text` (after a Back, a Forward or a reload). */
async function boxHolds(page, text) {
  await page.waitForFunction((t) => document.getElementById('reply').value === t, text, { timeout: 5000 }).catch(() => {});
  return page.locator('#reply').inputValue();
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('html[data-ready]');
}

describe('the address is the state', () => {
  test('Clear, then Back and Forward, keep the box and the address in step', async () => {
    const { page, problems } = await openPage(browser, explainUrl({ text: TEXT }));
    await page.locator('#clear').click();
    assert.deepEqual(await state(page), { hash: '#/', text: '', cmd: '', example: '' });
    await page.goBack();
    assert.equal(await boxHolds(page, TEXT), TEXT);
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal(await boxHolds(page, ''), '', 'the address is #/: the box is empty again');
    // Clear, then reload: still an empty box, not the default example.
    await reload(page);
    assert.equal(await page.locator('#reply').inputValue(), '');
    assert.match(await page.locator('#status').textContent(), /^Ready/);
    assert.deepEqual(problems, []);
  });

  test('an address with a command and no text empties the box', async () => {
    const { page, problems } = await openPage(browser, explainUrl({ text: TEXT }));
    await page.evaluate(() => (location.hash = '#/explain?cmd=RCPT'));
    await page.waitForFunction(() => document.getElementById('command').value === 'RCPT');
    assert.equal(await boxHolds(page, ''), '');
    assert.deepEqual(problems, []);
  });

  test('Back after picking two examples puts the picker back on the first', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const [a, b] = [5, 18];
    await page.locator('#example').selectOption(String(a));
    await page.locator('#example').selectOption(String(b));
    assert.equal((await state(page)).example, String(b));
    await page.goBack();
    assert.equal(await boxHolds(page, EXAMPLES[a].text), EXAMPLES[a].text);
    assert.equal((await state(page)).example, String(a), 'the picker shows the example in the box');
    // Typing something else: no example is picked.
    await page.locator('#reply').fill(TEXT);
    await page.waitForFunction(() => document.getElementById('example').value === '');
    assert.deepEqual(problems, []);
  });

  test('the "Explain a reply" link comes back to the same text, and a reload keeps it', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.locator('#reply').fill(TEXT);
    await page.getByLabel('Command it answered').selectOption('RCPT');
    await page.locator('#links a.code-link').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/code/'));
    await page.locator('#nav-explain').click();
    await page.waitForFunction(() => !document.getElementById('view-explain').hidden);
    const s = await state(page);
    assert.equal(s.text, TEXT);
    assert.equal(s.cmd, 'RCPT');
    assert.equal(new URLSearchParams(s.hash.split('?')[1]).get('text'), TEXT, 'the address holds the text');
    await reload(page);
    assert.equal(await page.locator('#reply').inputValue(), TEXT, 'a reload keeps the text');
    assert.deepEqual(problems, []);
  });

  test('a text over 100 KB stays out of the address, and the page says so', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const big = `${'250-PIPELINING\n'.repeat(8000)}250 OK`;
    assert.ok(big.length > 100000);
    await page.evaluate((t) => {
      const box = document.getElementById('reply');
      box.value = t;
      box.dispatchEvent(new Event('input'));
    }, big);
    await page.waitForFunction(() => !document.getElementById('link-note').hidden);
    const hash = await page.evaluate(() => location.hash);
    assert.ok(hash.length < 200, `the address stays short (${hash.length} characters)`);
    assert.match(await page.locator('#link-note').textContent(), /too long for the address/);
    assert.equal(await page.locator('#reply').inputValue(), big, 'the box keeps the text');
    await reload(page);
    assert.equal((await page.locator('#reply').inputValue()).length, big.length, 'a reload of the tab keeps it');
    // A short text again: back in the address, the note gone.
    await page.locator('#reply').fill(TEXT);
    await page.waitForFunction(() => document.getElementById('link-note').hidden);
    assert.equal(new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]).get('text'), TEXT);
    assert.deepEqual(problems, []);
  });
});

describe('codes off the beaten path', () => {
  test('#/code/999, 199 and 605: no link to a missing group, no empty list', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/999`);
    const groups = await (async () => {
      await page.goto(`${server.url}#/codes`);
      await page.locator('#view-codes .code-group').first().waitFor();
      return page.evaluate(() => [...document.querySelectorAll('#view-codes .code-group')].map((g) => g.id));
    })();
    for (const code of [999, 199, 605, 421]) {
      assert.equal(lib.explain(code).code, code, `the library explains ${code}`);
      await page.goto(`${server.url}#/code/${code}`);
      await page.locator('#view-code h1').waitFor();
      const anchors = await page.locator('#view-code .crumbs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of anchors) {
        const id = href.split('#')[2];
        if (id) assert.ok(groups.includes(id), `${code}: the breadcrumb's ${href} exists`);
      }
      const empty = await page.locator('#code-related').evaluate((sec) => [...sec.querySelectorAll('h3')].filter((h) => !h.nextElementSibling?.querySelector('li')).map((h) => h.textContent));
      assert.deepEqual(empty, [], `${code}: no heading over an empty list`);
    }
    // A known code still links to its group.
    await page.goto(`${server.url}#/code/421`);
    assert.equal(await page.locator('#view-code .crumbs a[href="#/codes#c4"]').count(), 1);
    assert.deepEqual(problems, []);
  });

  test('a success enhanced code gets no failure advice', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/code/2.1.1`);
    for (const code of ['2.1.1', '2.7.1']) {
      const x = lib.explain(code);
      assert.equal(x.adviceFrom, 'class', `${code} has the advice of any success`);
      await page.goto(`${server.url}#/code/${code}`);
      await page.locator('#code-causes').waitFor();
      const said = await page.locator('#view-code').textContent();
      assert.doesNotMatch(said, /advice for [45]/, code);
      assert.match(await page.locator('.code-advice-from').textContent(), /advice for any 2\.x\.x code \(success\)/, code);
      assert.deepEqual(await page.locator('#code-fixes li').allTextContents(), x.advice.fixes, `${code}: the advice of a success`);
    }
    // A failure with advice of its own shows it, and no word about whose it is.
    await page.goto(`${server.url}#/code/5.1.1`);
    await page.locator('#code-causes').waitFor();
    assert.equal(lib.explain('5.1.1').adviceFrom, 'code');
    assert.equal(await page.locator('.code-advice-from').count(), 0);
    assert.deepEqual(problems, []);
  });

  test('the filter also finds codes by the words of their description and advice', async () => {
    const { page, problems } = await openPage(browser, `${server.url}#/codes`);
    const placeholder = await page.getByLabel('Filter codes').getAttribute('placeholder');
    const word = /\b([a-z]{4,})…$/.exec(placeholder)?.[1];
    assert.ok(word, `the placeholder suggests a word: ${placeholder}`);
    await page.getByLabel('Filter codes').fill(word);
    const shown = await page.locator('#view-codes a.code-link').allTextContents();
    assert.ok(shown.length > 0, `"${word}" finds something`);
    for (const code of shown) {
      const x = lib.explain(/^\d{3}$/.test(code) ? Number(code) : code.replace(/^X/, '5'));
      assert.ok(JSON.stringify(x).toLowerCase().includes(word), `${code} is about ${word}`);
    }
    assert.ok(shown.includes('X.2.2'), 'the mailbox-full code');
    // A number finds that code, not every page that mentions it.
    await page.getByLabel('Filter codes').fill('421');
    assert.deepEqual(await page.locator('#view-codes a.code-link').allTextContents(), ['421']);
    assert.deepEqual(problems, []);
  });
});
