// End-to-end tests of what the explain view says about a reply: one verdict per failure, the retry
// schedule only where retrying is the advice, wording that holds in every case, snippets that match
// what the library really returns, and the error marker in view. As in demo.test.mjs, the page is
// compared with the library's answer for the same input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXAMPLES } from '../../www/examples.js';
import { openPage, setup } from './harness.mjs';

let browser;
let server;
let lib;
setup((up) => ({ lib, server, browser } = up));

/** Puts `text` in the box as one paste (one input event) and waits until it is explained. */
async function paste(page, text, command) {
  await page.evaluate(
    ([t, c]) => {
      const box = document.getElementById('reply');
      box.value = t;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      if (c !== undefined) {
        const s = document.getElementById('command');
        s.value = c;
        s.dispatchEvent(new Event('change'));
      }
    },
    [text, command],
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

const example = (re) => EXAMPLES.find((e) => re.test(e.label));

// A Postfix bounce notice: the remote server's multi-line reply is wrapped over indented lines.
const POSTFIX_NOTICE = [
  'This is the mail system at host mail.example.com.',
  '',
  "I'm sorry to have to inform you that your message could not",
  "be delivered to one or more recipients. It's attached below.",
  '',
  '                   The mail system',
  '',
  '<jane.doe@gmail.com>: host gmail-smtp-in.l.google.com[142.250.153.27] said:',
  '    550-5.1.1 The email account that you tried to reach does not exist. Please',
  "    try 550-5.1.1 double-checking the recipient's email address for typos or",
  '    550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1',
  '    https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp',
  '    (in reply to RCPT TO command)',
].join('\n');

// The whole bounce message: headers, the notice above and the delivery-status part.
const WHOLE_BOUNCE = [
  'Return-Path: <>',
  'From: MAILER-DAEMON@mail.example.com (Mail Delivery System)',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  POSTFIX_NOTICE,
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mail.example.com',
  '',
  'Final-Recipient: rfc822; jane.doe@gmail.com',
  'Action: failed',
  'Status: 5.1.1',
  'Remote-MTA: dns; gmail-smtp-in.l.google.com',
  'Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does',
  "    not exist. Please try 550-5.1.1 double-checking the recipient's email",
  '    address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1',
  '    https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp',
  '',
  '--B',
  'Content-Type: text/rfc822-headers',
  '',
  'Subject: Hello 250 friends',
  '',
  '--B--',
].join('\n');

const postfixBounce = (who) =>
  `Jan 12 10:11:12 mx1 postfix/smtp[1234]: ABCDEF123: to=<${who}>, relay=mx.example.com[203.0.113.5]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.1.1, status=bounced (host mx.example.com[203.0.113.5] said: 550 5.1.1 <${who}>: Recipient address rejected: User unknown (in reply to RCPT TO command))`;

describe('one verdict per failure', () => {
  test('a bounce whose reply is wrapped over indented lines gives one verdict, not a card per line', async () => {
    const { page, problems } = await openPage(browser, server.url);
    for (const [name, text] of [
      ['Postfix notice', POSTFIX_NOTICE],
      ['whole bounce message', WHOLE_BOUNCE],
    ]) {
      const r = lib.classify(text);
      const perLine = lib.classifyMany(text).filter((x) => !x.error && x.code !== null);
      assert.ok(perLine.length > 1, `${name}: the library reads the wrapped reply's lines one by one`);
      await paste(page, text);
      assert.equal(await page.locator('.reply-item').count(), 0, `${name}: no card per line`);
      assert.equal(await page.locator('.skipped-parts').count(), 0, `${name}: the notice's prose is not listed as skipped parts`);
      assert.equal(await page.locator('.verdict').count(), 1, `${name}: one verdict`);
      assert.equal(await page.locator('.verdict .main-code').textContent(), String(r.code));
      assert.equal(await page.locator('.verdict .enh').textContent(), r.enhanced);
      assert.equal(await page.locator('.verdict code.reason').textContent(), r.reason);
      assert.match(await page.locator('#status').textContent(), new RegExp(`^${r.code} ${r.enhanced.replace(/\./g, '\\.')}: Do not retry \\(${r.reason}\\)`), name);
    }
    assert.deepEqual(problems, []);
  });

  test('several different replies, and the same failure for several recipients, still get a card each', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const dsn = [
      'Reporting-MTA: dns; mail.example.com',
      '',
      'Final-Recipient: rfc822; a@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown',
      '',
      'Final-Recipient: rfc822; b@example.net',
      'Action: delayed',
      'Status: 4.2.2',
      'Diagnostic-Code: smtp; 452 4.2.2 Mailbox full',
    ].join('\n');
    const log = [postfixBounce('bob@example.com'), postfixBounce('carol@example.com')].join('\n');
    for (const text of [dsn, log]) {
      const found = lib.classifyMany(text).filter((x) => !x.error);
      assert.equal(found.length, 2);
      await paste(page, text);
      assert.equal(await page.locator('.reply-item').count(), 2, text.slice(0, 40));
      assert.deepEqual(await page.locator('.reply-item > summary .big-code').allTextContents(), found.map((x) => `${x.code} ${x.enhanced}`));
    }
    assert.deepEqual(problems, []);
  });

  test('the command it answered applies to every reply of a log, and its snippet says so', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const log = '550 <a@example.org>: User unknown\n550 <b@example.org>: User unknown';
    const want = lib.classifyMany(log, { command: 'END OF DATA' }).map((x) => x.reason);
    assert.deepEqual(want, ['filtered', 'filtered']);
    assert.notDeepEqual(lib.classifyMany(log).map((x) => x.reason), want, 'the command matters');
    await paste(page, log, 'END OF DATA');
    assert.deepEqual(await page.locator('.reply-item code.reason').allTextContents(), want);
    assert.match(await page.locator('#snippet pre.snippet code').textContent(), /classifyMany\(".*", \{ command: "END OF DATA" \}\)/);
    assert.deepEqual(problems, []);
  });
});

describe('retry advice', () => {
  test('"Fix, then retry" and "Do not retry" show no automatic retry schedule', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const cases = [
      '535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials - gsmtp',
      example(/5\.7\.26/).text,
      example(/TSS09/).text,
      '550 5.2.1 The email account that you tried to reach is disabled.',
    ];
    for (const text of cases) {
      const r = lib.classify(text);
      assert.notEqual(r.action, 'retry', text);
      await paste(page, text);
      assert.equal(await page.locator('.verdict .todo .badge').textContent(), r.action === 'fixAndRetry' ? 'Fix, then retry' : 'Do not retry');
      assert.equal(await page.locator('.verdict .schedule').count(), 0, `no retry schedule for ${text.slice(0, 30)}`);
      assert.doesNotMatch(await page.locator('.verdict').textContent(), /keeps failing/);
    }
    assert.equal(lib.classify(cases[0]).action, 'fixAndRetry', 'bad credentials: fix them first');
    // "Retry later" keeps its schedule.
    await paste(page, '421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp');
    assert.equal(await page.locator('.verdict .schedule').count(), 1);
    assert.deepEqual(problems, []);
  });

  test('a complaint report says to stop mailing the address, not that the message failed', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const text = '{"event":"spamreport","email":"bob@example.com"}';
    const r = lib.classify(text);
    assert.deepEqual([r.reason, r.action], ['feedback', 'doNotRetry']);
    await paste(page, text);
    assert.equal(await page.locator('.verdict .todo .badge').textContent(), 'Stop mailing the address');
    const verdict = await page.locator('.verdict').textContent();
    assert.match(verdict, /it arrived/);
    assert.doesNotMatch(verdict, /fail the same way/);
    assert.equal(await page.locator('.verdict .schedule').count(), 0);
    assert.match(await page.locator('#status').textContent(), /Stop mailing the address \(feedback\)/);
    assert.deepEqual(problems, []);
  });

  test('the schedule starts after the retry that "Retry in" already states', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const text = example(/greylisted for 60 seconds/).text;
    const r = lib.classify(text);
    assert.deepEqual(r.retryDelay, { seconds: 60, stated: true });
    let later = 0;
    while (later < 60 && lib.retryDelay(r, 3 + later) !== null) later++;
    await paste(page, text);
    assert.equal(await page.locator('.verdict .retry').textContent(), 'Retry in 1 minute: the server said so.');
    const schedule = await page.locator('.verdict .schedule').textContent();
    const m = /wait about (\d+(?:\.\d+)?) (s|min|h|d)\b/.exec(schedule);
    assert.ok(m, schedule);
    const first = Number(m[1]) * { s: 1, min: 60, h: 3600, d: 86400 }[m[2]];
    assert.ok(first > 1.5 * r.retryDelay.seconds, `the first step (${m[0]}) is not the retry already stated: ${schedule}`);
    assert.match(schedule, new RegExp(`give up after ${later} more retries`), schedule);
    assert.deepEqual(problems, []);
  });
});

describe('wording', () => {
  test('"Hard or soft" is true for permanent, fix-first and temporary failures alike', async () => {
    const { page, problems } = await openPage(browser, server.url);
    for (const text of [example(/TSS09/).text, '550 5.2.1 The email account that you tried to reach is disabled.', '550', '535 5.7.8 Username and Password not accepted.', '452 4.2.2 Mailbox full', '550 5.1.1 <bob@example.com>: User unknown']) {
      const r = lib.classify(text);
      await paste(page, text);
      const dd = page.locator('.verdict .facts dt', { hasText: 'Hard or soft' }).locator('xpath=following-sibling::dd[1]');
      const said = await dd.textContent();
      assert.doesNotMatch(said, /temporary/, `${text.slice(0, 30)}: ${said}`);
      assert.match(said, r.hard ? /^Hard bounce.*the address is bad/ : /^Soft bounce.*the address itself may be fine/, `${text.slice(0, 30)}: ${said}`);
    }
    assert.deepEqual(problems, []);
  });

  test('no "undefined" leaks; commands read as in the picker; texts without a reply say so', async () => {
    const { page, problems } = await openPage(browser, server.url);
    // Positive replies, intermediate ones too, read as `delivered`; a deferral whose words name
    // no reason as `undefined`, which the page never shows as such.
    for (const text of ['354 End data with <CR><LF>.<CR><LF>', '334 VXNlcm5hbWU6', '199 hi']) {
      assert.equal(lib.classify(text).reason, 'delivered', text);
    }
    for (const text of ['Jun  1 10:00:00 mx postfix/smtp[1]: ABC123: to=<a@example.com>, relay=none, delay=1, status=deferred (foo bar baz)', '354 End data with <CR><LF>.<CR><LF>', '334 VXNlcm5hbWU6']) {
      if (!text.startsWith('3')) assert.equal(lib.classify(text).reason, 'undefined', 'the library has no bounce reason for it');
      await paste(page, text);
      assert.doesNotMatch(await page.locator('#status').textContent(), /undefined|delivered/, text);
      assert.doesNotMatch(await page.locator('.verdict').textContent(), /undefined/, text);
    }
    await paste(page, '250 2.0.0 Ok: queued as ABC', 'END OF DATA');
    assert.equal(lib.classify('250 2.0.0 Ok: queued as ABC', { command: 'END OF DATA' }).command, 'DATA-END');
    const answered = await page.locator('.verdict .facts dt', { hasText: 'Command answered' }).locator('xpath=following-sibling::dd[1]').textContent();
    assert.equal(answered, await page.locator('#command option[value="END OF DATA"]').textContent());

    const exim = example(/Exim log line: deferred, connection refused/);
    const er = lib.classify(exim.text);
    assert.equal(er.code, null);
    assert.equal(er.enhanced, null);
    await paste(page, exim.text, '');
    assert.match(await page.locator('.verdict .title').textContent(), /No reply/);
    assert.doesNotMatch(await page.locator('#result').textContent(), /Reply found in/);
    assert.equal(await page.locator('#extracted .reply-text').textContent(), er.replyText, 'the words found are still shown');

    const timedOut = example(/connection timed out/);
    assert.equal(lib.classify(timedOut.text).code, null);
    await paste(page, timedOut.text);
    const lines = await page.locator('#lines').textContent();
    assert.doesNotMatch(lines, /lines could not be separated/);
    assert.match(lines, /no reply/i);
    assert.deepEqual(problems, []);
  });
});

describe('snippets and errors', () => {
  /** The `r[i].code, r[i].action; // code, "action"` lines of the classifyMany snippet. */
  async function snippetItems(page) {
    const code = await page.locator('#snippet pre.snippet code').textContent();
    assert.match(code, /classifyMany\(/);
    return [...code.matchAll(/^r\[(\d+)\]\.code, r\[\1\]\.action; \/\/ (\S+), (\S+)$/gm)].map((m) => ({ i: Number(m[1]), code: m[2], action: JSON.parse(m[3]) }));
  }

  test('the classifyMany snippet indexes the items classifyMany really returns', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const noisy = ['Some header: x', postfixBounce('bob@example.com'), 'more noise', '451 4.7.1 <bob@example.com>: Recipient address rejected: Greylisted for 5 minutes'].join('\n');
    const session = ['220 mx.example.org ESMTP ready', '250-mx.example.org hello', '250-SIZE 1000000', '250 8BITMIME', '354 Go ahead'].join('\n');
    for (const text of [noisy, session]) {
      const many = lib.classifyMany(text);
      await paste(page, text);
      assert.ok((await page.locator('.reply-item').count()) >= 2, 'several replies');
      const items = await snippetItems(page);
      assert.ok(items.length >= 2, 'the snippet names the replies');
      for (const { i, code, action } of items) {
        assert.ok(many[i] && !many[i].error, `r[${i}] is a reply`);
        assert.equal(code, String(many[i].code), `r[${i}].code`);
        assert.equal(action, many[i].action, `r[${i}].action`);
      }
      assert.deepEqual(
        items.map((x) => x.i),
        many.flatMap((x, i) => (x.error ? [] : [i])).slice(0, items.length),
        'every reply, in order',
      );
    }
    assert.deepEqual(problems, []);
  });

  test('the error marker of a long one-line reply is scrolled into view, and the box takes focus', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const text = `550-5.7.1 ${'x '.repeat(200)}550 5.7.1 end k8si`;
    assert.throws(() => lib.parse(text));
    await paste(page, text);
    const pre = page.locator('.error-box .error-line').first();
    await pre.waitFor();
    assert.equal(await pre.getAttribute('tabindex'), '0');
    assert.ok(await pre.getAttribute('aria-label'), 'the box has a label');
    const seen = await pre.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const mark = el.querySelector('mark').getBoundingClientRect();
      return { overflows: el.scrollWidth > el.clientWidth, inside: mark.left >= box.left && mark.right <= box.right };
    });
    assert.ok(seen.overflows, 'the line is wider than its box');
    assert.ok(seen.inside, 'the marked character is visible');
    await pre.focus();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('error-line')), true);
    assert.deepEqual(problems, []);
  });
});
