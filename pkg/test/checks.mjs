// API checks shared by the Node suite (api.test.mjs) and the browser suite (browser.test.mjs,
// which runs them in headless Chromium against browser.js). Each check gets the package's exports
// and an assert object with ok, equal, deepEqual, throws; they use only what browsers have.

const GMAIL =
  '550-5.1.1 The email account that you tried to reach does not exist.\r\n' +
  '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp\r\n';
const POSTFIX =
  'Nov 28 07:13:56 mx postfix/smtp[123]: 4F2: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, ' +
  'status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: Recipient address ' +
  'rejected: User unknown (in reply to RCPT TO command))';

const utf8 = (s) => new TextEncoder().encode(s);

/** Walks a result: no `undefined` anywhere, and it survives JSON unchanged. */
function plain(a, value) {
  const walk = (v, path) => {
    a.ok(v !== undefined, `${path} is undefined`);
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(value, 'result');
  a.deepEqual(JSON.parse(JSON.stringify(value)), value);
}

/** `call` throws an instance of `C` whose message matches `re`. */
function throwsMatching(a, call, C, re) {
  try {
    call();
  } catch (e) {
    a.ok(e instanceof C && re.test(e.message), `threw ${e && e.name}: ${e && e.message}`);
    return;
  }
  a.ok(false, `did not throw ${C.name}`);
}

/** Every wrong argument type gives a TypeError, and the module still works afterwards. */
function typeErrors(api, a, call, bads = [undefined, null, 42, {}, [], true, () => 1, Symbol('x')]) {
  for (const bad of bads) {
    a.throws(() => call(bad), TypeError);
  }
  a.equal(api.parse('250 OK').code, 250);
}

export const checks = [
  ['parse: a multi-line reply', (api, a) => {
    const input = '250-mx.example.com at your service\r\n250-SIZE 35882577\r\n250 8BITMIME\r\n';
    const r = api.parse(input);
    a.equal(r.code, 250);
    a.equal(r.severity, 'positiveCompletion');
    a.equal(r.category, 'mailSystem');
    a.equal(r.lines.length, 3);
    a.deepEqual(r.lines[1], { code: 250, last: false, enhanced: null, text: 'SIZE 35882577', offset: input.indexOf('250-SIZE') });
    a.equal(r.text, 'mx.example.com at your service\nSIZE 35882577\n8BITMIME');
    a.equal(r.length, input.length);
    a.equal(r.explanation.kind, 'basic');
    a.equal(r.explanation.digits.length, 3);
    a.equal(r.enhancedExplanation, null);
    plain(a, r);
  }],
  ['parse: enhanced codes, class mismatch, explanations are shared and frozen', (api, a) => {
    const r = api.parse('421 5.7.32 Try later');
    a.equal(r.enhanced, '5.7.32');
    a.equal(r.classMismatch, true);
    a.equal(r.enhancedExplanation.code, '5.7.32');
    a.ok(Object.isFrozen(r.explanation) && Object.isFrozen(r.explanation.digits[0]), 'frozen');
    a.ok(api.parse('421 busy').explanation === r.explanation, 'shared');
  }],
  ['parse: strict options and errors in words', (api, a) => {
    let error;
    try {
      api.parse('250 OK\n', { strict: true });
    } catch (e) {
      error = e;
    }
    a.ok(error instanceof api.SmtpReplyError && error instanceof Error, 'SmtpReplyError');
    a.equal(error.name, 'SmtpReplyError');
    a.equal(error.kind, 'bareLineFeed');
    a.equal(error.offset, 6);
    a.ok(/LF alone/.test(error.message), error.message);
    a.equal(api.parse('250 OK\n', { strict: true, allowLfEndings: true }).code, 250);
    a.throws(() => api.parse('250 a long line', { maxLineLength: 5 }), api.SmtpReplyError);
    a.throws(() => api.parse('hello'), api.SmtpReplyError);
    a.throws(() => api.parse(''), api.SmtpReplyError);
    a.throws(() => api.parse('250-more\r\n'), api.SmtpReplyError);
    a.throws(() => api.parse('250 OK', { strict: 'yes' }), TypeError);
    a.throws(() => api.parse('250 OK', { lenient: true }), TypeError);
    a.throws(() => api.parse('250 OK', { maxLines: -1 }), RangeError);
    a.equal(api.parse('250 OK').code, 250);
  }],
  ['parse: control characters are refused when strict, kept when allowed', (api, a) => {
    a.throws(() => api.parse('250-ok\r\n250 a\u0000b\r\n', { strict: true }), api.SmtpReplyError);
    let error;
    try {
      api.parse('250 a\rb\r\n', { strict: true });
    } catch (err) {
      error = err;
    }
    a.equal(error.kind, 'controlCharacter');
    a.equal(error.offset, 5);
    a.ok(/control character/.test(error.message), error.message);
    a.equal(api.parse('250 a\tb\r\n', { strict: true }).text, 'a\tb');
    const kept = api.parse('250 a\u001bb\r\n', { strict: true, allowControlCharacters: true });
    a.equal(kept.text, 'a\u001bb');
    a.equal(api.parse('250 a\u0000b').text, 'a\u0000b', 'lenient by default');
    a.throws(() => api.parse('250 OK', { allowControlCharacters: 1 }), TypeError);
  }],
  ['parse: non-ASCII text, emoji and lone surrogates', (api, a) => {
    a.equal(api.parse('550 5.1.1 Usér 😀 inconnu ✓').text, 'Usér 😀 inconnu ✓');
    const lone = api.parse('550 bad \ud800 surrogate \udc00 x');
    a.equal(lone.code, 550);
    a.equal(lone.lines[0].text.length, 'bad \ud800 surrogate \udc00 x'.length);
    a.equal(api.parse('250 OK').text, 'OK');
  }],
  ['every text entry: ASCII and non-ASCII calls alternating, positions in UTF-16 units', (api, a) => {
    // An ASCII call's positions are its bytes' (the engine is told so); a later call's text
    // beyond ASCII must still be read in UTF-16 units, in every entry that takes text.
    const plain = '550-5.1.1 No such user\r\n550 5.1.1 See https://example.com/help now';
    const accented = '550-5.1.1 Usér 😀 inconnu\r\n550 5.1.1 Voir https://example.com/aide ✓';
    for (let round = 0; round < 2; round++) {
      for (const [t, first, last, link] of [
        [plain, 'No such user', 'See https://example.com/help now', 'https://example.com/help'],
        [accented, 'Usér 😀 inconnu', 'Voir https://example.com/aide ✓', 'https://example.com/aide'],
      ]) {
        const p = api.parse(t);
        a.deepEqual(p.lines.map((l) => l.text), [first, last]);
        a.equal(p.text, `${first}\n${last}`);
        const c = api.classify(t);
        a.deepEqual(c.lines.map((l) => l.text), [first, last]);
        a.deepEqual(c.links, [link]);
        a.equal(c.replyText, t);
        const joined = t.replace('\r\n', ' ');
        for (const many of [api.classifyMany([t, plain, t]), api.classifyMany(`${joined}\n250 OK ✓\n${joined}\n`)]) {
          a.deepEqual(many[0].links, [link]);
          a.equal(many.at(-1).links[0], link);
          a.equal(many[0].lines.at(-1).text, last);
        }
        a.equal(api.parseEhlo(`250-mx.example.com ${first}\r\n250 SIZE 1000\r\n`).greeting, first);
      }
    }
  }],
  ['parse: bytes, invalid UTF-8 replaced', (api, a) => {
    const r = api.parse(new Uint8Array([...utf8('550 5.1.1 caf'), 0xe9, ...utf8(' ok\r\n')]));
    a.equal(r.text, 'caf\ufffd ok');
    a.throws(() => api.parse(new Uint8Array([...utf8('550 caf'), 0xe9, 13, 10]), { strict: true }), api.SmtpReplyError);
    a.equal(api.parse(utf8('250 OK\r\n')).code, 250);
  }],
  ['parseEhlo: domain, greeting, each extension, SIZE and AUTH', (api, a) => {
    const input =
      '250-mx.google.com at your service, [203.0.113.5]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n' +
      '250-AUTH=LOGIN PLAIN  XOAUTH2\r\n250-X-EXPS GSSAPI NTLM\r\n250-smtputf8\r\n250 STARTTLS\r\n';
    const r = api.parseEhlo(input);
    // Everything parse gives.
    const parsed = api.parse(input);
    for (const key of Object.keys(parsed)) a.deepEqual(r[key], parsed[key], key);
    a.equal(r.domain, 'mx.google.com');
    a.equal(r.greeting, 'at your service, [203.0.113.5]');
    a.equal(r.size, 157286400);
    a.deepEqual(r.auth, ['LOGIN', 'PLAIN', 'XOAUTH2']);
    a.deepEqual(r.extensions.map((e) => [e.keyword, e.kind, e.rfc]), [
      ['SIZE', 'SIZE', 'RFC 1870'],
      ['8BITMIME', '8BITMIME', 'RFC 6152'],
      ['AUTH', 'AUTH', 'RFC 4954'],
      ['X-EXPS', null, null],
      ['smtputf8', 'SMTPUTF8', 'RFC 6531'],
      ['STARTTLS', 'STARTTLS', 'RFC 3207'],
    ]);
    a.deepEqual(r.extensions[0], { keyword: 'SIZE', kind: 'SIZE', rfc: 'RFC 1870', params: ['157286400'], number: 157286400 });
    a.deepEqual(r.extensions[3].params, ['GSSAPI', 'NTLM']);
    a.equal(r.extensions[3].number, null);
    plain(a, r);
  }],
  ['parseEhlo: no limit, no AUTH, large numbers, non-ASCII and bytes; null for a refusal', (api, a) => {
    const r = api.parseEhlo('250-[192.0.2.1]\r\n250-SIZE 0\r\n250 DELIVERBY 9007199254740991\r\n');
    a.equal(r.domain, '[192.0.2.1]');
    a.equal(r.greeting, '');
    a.equal(r.size, 0);
    a.deepEqual(r.auth, []);
    a.equal(r.extensions[1].number, Number.MAX_SAFE_INTEGER);
    a.equal(api.parseEhlo('250-mx\r\n250 SIZE\r\n').size, null);
    const accents = api.parseEhlo('250-mx.exämple.com Grüße 😀\r\n250 AUTH PLAIN\r\n');
    a.equal(accents.greeting, 'Grüße 😀');
    a.deepEqual(accents.auth, ['PLAIN']);
    const bytes = api.parseEhlo(utf8('250-mx.exämple.com Grüße\r\n250 CHUNKING\r\n'));
    a.equal(bytes.domain, 'mx.exämple.com');
    a.equal(bytes.extensions[0].kind, 'CHUNKING');
    a.equal(api.parseEhlo('502 5.5.1 EHLO not supported\r\n'), null);
    a.throws(() => api.parseEhlo('hello'), api.SmtpReplyError);
    a.throws(() => api.parseEhlo('250 OK\n', { strict: true }), api.SmtpReplyError);
    a.equal(api.parseEhlo('250 mx.example.com').domain, 'mx.example.com');
  }],
  ['wrong argument types throw TypeError, and the module keeps working', (api, a) => {
    typeErrors(api, a, (x) => api.parse(x));
    typeErrors(api, a, (x) => api.parseEhlo(x));
    typeErrors(api, a, (x) => api.classify(x));
    typeErrors(api, a, (x) => api.classifyMany(x), [undefined, null, 42, {}, true, new Uint8Array(2)]);
    typeErrors(api, a, (x) => api.explain(x), [undefined, null, {}, [], true, () => 1, Symbol('x')]);
    typeErrors(api, a, (x) => api.retryDelay(x, 2));
    typeErrors(api, a, (x) => new api.ReplyParser().push(x));
    a.throws(() => api.classify('550 x', 42), TypeError);
    a.throws(() => api.classify('550 x', { command: 7 }), TypeError);
    a.throws(() => api.classifyMany(['250 ok', 5]), TypeError);
    a.throws(() => api.retryDelay('450 later', '2'), TypeError);
    a.throws(() => api.retryDelay('450 later', 0), RangeError);
  }],
  ['huge inputs: an error or a result, then the next call works', (api, a) => {
    const big = '250 ' + 'x'.repeat(5_000_000);
    a.throws(() => api.parse(big), api.SmtpReplyError);
    a.equal(api.parse(big, { maxLineLength: 6_000_000 }).text.length, 5_000_000);
    const log = '550 5.1.1 User unknown\n'.repeat(50_000);
    const many = api.classifyMany(log);
    a.equal(many.length, 50_000);
    a.ok(many.every((r) => r.reason === 'userunknown'), 'a long log is split at line ends only');
    const items = api.classifyMany(Array.from({ length: 30_000 }, (_, i) => `452 4.2.2 Mailbox ${i} full`));
    a.equal(items.length, 30_000);
    a.equal(items[29_999].replyText, '452 4.2.2 Mailbox 29999 full');
    const longLine = api.classifyMany(`250 OK\n550 ${'x'.repeat(600_000)}\n421 later\n`);
    a.deepEqual(longLine.map((r) => r.code), [250, 550, 421]);
    a.equal(api.classify('421 4.7.0 Try again later').reason !== undefined, true);
    a.equal(api.parse('250 OK').code, 250);
    // 20,000 different enhanced codes: every one explained, the caches stay bounded.
    const distinct = Array.from({ length: 20_000 }, (_, i) => `550 5.${(i % 900) + 10}.${Math.floor(i / 900)} x`);
    const results = api.classifyMany(distinct);
    a.equal(results[19_999].enhancedExplanation.code, results[19_999].enhanced);
    a.equal(results[0].enhancedExplanation.code, '5.10.0');
  }],
  ['classify: a Gmail bounce', (api, a) => {
    const c = api.classify(GMAIL);
    a.equal(c.code, 550);
    a.equal(c.enhanced, '5.1.1');
    a.equal(c.reason, 'userunknown');
    a.deepEqual(c.provider, { id: 'google', name: 'Google' });
    a.equal(c.hard, true);
    a.equal(c.action, 'doNotRetry');
    a.equal(c.retryable, false);
    a.equal(c.retryDelay, null);
    a.deepEqual(c.links, ['https://support.google.com/mail/?p=NoSuchUser']);
    a.equal(c.source, 'reply');
    a.equal(c.lines.length, 2);
    a.ok(c.advice.summary.length > 0 && c.advice.fixes.length > 0, 'advice');
    plain(a, c);
  }],
  ['classify: a Postfix log line, a greylisting delay, a command', (api, a) => {
    const c = api.classify(POSTFIX);
    a.equal(c.source, 'postfix');
    a.equal(c.command, 'RCPT');
    a.equal(c.replyText, '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown');
    const g = api.classify('450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted for 60 seconds');
    a.deepEqual(g.retryDelay, { seconds: 60, stated: true });
    a.equal(g.action, 'retry');
    const data = api.classify('550 <bob@example.com>... User unknown', { command: 'DATA' });
    a.equal(data.command, 'DATA');
    a.equal(data.reason, 'filtered');
    // A command's name must be known: a typo is an error, not some other command.
    a.equal(api.classify('550 x', { command: 'rcpt to:<a@b.example>' }).command, 'RCPT');
    a.equal(api.classify('550 x', { command: 'other' }).command, 'OTHER');
    a.throws(() => api.classify('550 5.1.1 x', { command: 'RCTP' }), RangeError);
    // A code without a space after it is the code, for the lines and the verdict alike.
    const tight = api.classify('host mx.example.com[192.0.2.1] said: 250OK');
    a.deepEqual([tight.code, tight.lines[0].code, tight.action], [250, 250, 'done']);
    a.equal(api.classify('5.1.1 <a@b.example>... User unknown').code, null);
    a.throws(() => api.classify('no reply in here'), api.SmtpReplyError);
    a.equal(api.classify(utf8('452 4.2.2 Über quota')).text, 'Über quota');
    // A multi-line reply that the log joined into one line: its lines come back.
    const joined = GMAIL.replace(/\r\n/g, ' ').trim();
    for (const input of [POSTFIX.replace(/said: .*? \(in reply/, `said: ${joined} (in reply`), utf8(joined)]) {
      const f = api.classify(input);
      a.deepEqual(f.lines.map((l) => [l.last, l.enhanced, l.text]), [
        [false, '5.1.1', 'The email account that you tried to reach does not exist.'],
        [true, '5.1.1', 'https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp'],
      ]);
      a.equal(f.text, api.classify(GMAIL).text);
      a.equal(f.replyText, joined);
      a.equal(f.reason, 'userunknown');
    }
    // No reply at all, only Postfix's words: classified by them.
    const deferred = api.classify(POSTFIX.replace(/\(host .*\)$/, '(lost connection with mx.example.com[192.0.2.1] while sending RCPT TO)'));
    a.deepEqual([deferred.code, deferred.reason, deferred.action, deferred.command, deferred.lines], [null, 'networkerror', 'retry', 'RCPT', []]);
    // A client's own error, no code at all: its words give the reason; words that name
    // nothing still throw.
    const refused = api.classify('Error: connect ECONNREFUSED 192.0.2.1:587');
    a.deepEqual([refused.code, refused.enhanced, refused.reason, refused.action], [null, null, 'networkerror', 'retry']);
    a.equal(api.classify('x509: certificate signed by unknown authority').action, 'fixAndRetry');
    a.throws(() => api.classify('Please try again later'), api.SmtpReplyError);
    // .NET drops the reply code: the enhanced code it kept gives the class.
    const dotnet = api.classify('Mailbox unavailable. The server response was: 5.1.1 User unknown');
    a.deepEqual([dotnet.code, dotnet.enhanced, dotnet.severity, dotnet.reason, dotnet.hard], [null, '5.1.1', 'permanentNegative', 'userunknown', true]);
  }],
  ['classify and parse read the same whether explanations are new or cached', (api, a) => {
    // The first reply with a code reads its record from a copy (reading fetches the code's
    // explanation from the module, which may overwrite or move its memory); later ones read
    // it in place.
    const texts = [];
    for (const [code, cls] of [[421, 4], [452, 4], [554, 5], [551, 5], [535, 5]]) {
      for (const detail of [0, 1, 7, 23]) texts.push(`${code} ${cls}.${detail % 8}.${detail} Rare detail ${detail}\r\n`);
    }
    for (const t of texts) {
      const first = api.classify(t);
      a.deepEqual(api.classify(t), first, t);
      a.deepEqual(api.classifyMany([t])[0], first, t);
      const parsed = api.parse(t);
      a.deepEqual(api.parse(t), parsed, t);
      a.equal(parsed.text, first.text);
    }
  }],
  ['classifyMany: a log, and an array, in order', (api, a) => {
    const log = api.classifyMany('250 2.0.0 OK\r\n\r\nno reply\n452 4.2.2 Mailbox full\n');
    a.equal(log.length, 3);
    a.equal(log[0].code, 250);
    a.deepEqual(log[1].error.kind, 'empty');
    a.equal(log[1].input, 'no reply');
    a.equal(log[2].reason, 'mailboxfull');
    const many = api.classifyMany([GMAIL, '', 'a\u0000b', POSTFIX]);
    a.deepEqual(many.map((r) => (r.error ? r.input : r.reason)), ['userunknown', '', 'a\u0000b', 'userunknown']);
    a.equal(many[0].lines.length, 2);
    a.deepEqual(api.classifyMany([]), []);
  }],
  ['classify and classifyMany take parse and ReplyParser results: the reply their lines make', (api, a) => {
    const raw = GMAIL;
    const [streamed] = new api.ReplyParser().push(raw);
    const same = (x) => ({ ...x, lines: x.lines.map(({ offset, ...l }) => l), length: 0, replyText: '' });
    for (const reply of [streamed, api.parse(raw)]) {
      for (const command of [undefined, 'RCPT', 'end of data']) {
        a.deepEqual(same(api.classify(reply, { command })), same(api.classify(raw, { command })), `${command}`);
      }
    }
    // A reply written with a '#' before its status, or two spaces: the codes and words count.
    const odd = api.classify(api.parse('550  #5.7.1 Relaying denied\r\n'));
    a.deepEqual([odd.code, odd.enhanced, odd.reason], [550, '5.7.1', 'norelaying']);
    a.equal(odd.replyText, '550 5.7.1 Relaying denied');
    const many = api.classifyMany([streamed, { ...streamed, command: 'MAIL' }, api.parse('452 4.2.2 Mailbox full')]);
    a.deepEqual(many.map((r) => `${r.reason} ${r.command}`), ['userunknown null', 'rejected MAIL', 'mailboxfull null']);
    throwsMatching(a, () => api.classify({ lines: [{ code: 550 }] }), TypeError, /line 0/);
    throwsMatching(a, () => api.classifyMany(['250 OK', { lines: ['550 x'] }]), TypeError, /line 0 of item 1/);
    a.throws(() => api.classify({ lines: [] }), api.SmtpReplyError);
  }],
  ['classifyMany: a command for all, and items with their own', (api, a) => {
    const unknown = '550 User unknown';
    const view = (results) => results.map((r) => (r.error ? r.error.kind : `${r.reason} ${r.command}`));
    // As classify() with each command: after the data, "user unknown" is a filter's verdict.
    a.deepEqual(api.classifyMany([unknown, { text: unknown, command: 'end of data' }, { text: unknown, command: null }]).map((r) => r.reason),
      ['userunknown', 'filtered', 'userunknown']);
    a.deepEqual(view(api.classifyMany([unknown, { text: unknown, command: 'RCPT TO', id: 7 }, { text: 'no reply', command: 'DATA' }], { command: 'MAIL' })),
      ['rejected MAIL', 'userunknown RCPT', 'empty']);
    a.deepEqual(view(api.classifyMany(`${unknown}\n\n${unknown}\n`, { command: 'DATA' })), ['filtered DATA', 'filtered DATA']);
    for (const [i, item] of [[unknown, 'RCPT'], [{ text: unknown, command: 'DATA' }, undefined]].entries()) {
      const [x, command] = item;
      const one = api.classify(typeof x === 'string' ? x : x.text, { command: command ?? x.command });
      a.deepEqual(api.classifyMany([x], { command })[0], one, `item ${i}`);
    }
    // An item that holds a NUL (joined again with another separator) keeps the commands in place.
    a.deepEqual(view(api.classifyMany([{ text: 'a\u0000b', command: 'RCPT' }, { text: unknown, command: 'DATA' }, unknown])),
      ['empty', 'filtered DATA', 'userunknown null']);
    // Many items, commands on some: each lands on its own item across the engine's pieces.
    const items = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? { text: `${unknown} ${'x'.repeat(20)}`, command: 'DATA' } : `${unknown} ${i}`));
    const results = api.classifyMany(items);
    a.ok(results.every((r, i) => r.reason === (i % 3 === 0 ? 'filtered' : 'userunknown')), 'commands in place');
    // Bad items and commands throw, naming the item; the module keeps working.
    throwsMatching(a, () => api.classifyMany([unknown, { command: 'RCPT' }]), TypeError, /item 1 /);
    a.throws(() => api.classifyMany([{ text: 5 }]), TypeError);
    throwsMatching(a, () => api.classifyMany([{ text: unknown, command: 5 }]), TypeError, /item 0's command/);
    throwsMatching(a, () => api.classifyMany([unknown, { text: unknown, command: 'RCTP' }]), RangeError, /'RCTP' in item 1/);
    a.throws(() => api.classifyMany([unknown], { command: 'RCTP' }), RangeError);
    a.throws(() => api.classifyMany([unknown], { strict: true }), TypeError);
    a.equal(api.classifyMany([unknown])[0].reason, 'userunknown');
  }],
  ['explain and codes', (api, a) => {
    const e = api.explain(421);
    a.equal(e.kind, 'basic');
    a.equal(e.code, 421);
    a.equal(e.severity, 'transientNegative');
    a.ok(e.definitions.length > 0 && e.title.length > 0, 'definitions');
    a.deepEqual(api.explain('421'), e);
    a.deepEqual(api.explain(' 421\r\n'), e, 'white space around a code is ignored');
    const x = api.explain('4.7.0');
    a.equal(x.kind, 'enhanced');
    a.equal(x.class.digit, 4);
    a.equal(x.subject.number, 7);
    a.ok(x.detail.title.length > 0, 'title');
    a.equal(api.explain('5.7.606').detail.title, null);
    // Every enhanced code has advice and says whose: its own, its usual reason's, its class's.
    a.equal(x.adviceFrom, 'class', '4.7.0 names no cause of its own');
    a.ok(/temporary/.test(x.advice.summary), '4.7.0: the advice of any temporary failure');
    const reasonAdvice = Object.fromEntries(api.reasons().map((r) => [r.reason, r.advice]));
    const sec = api.explain('5.7.0');
    a.equal(sec.adviceFrom, 'reason');
    a.deepEqual(sec.advice, reasonAdvice[sec.reason], "5.7.0: its usual reason's advice");
    a.equal(api.explain('5.7.23').adviceFrom, 'code');
    a.ok(/SPF/.test(api.explain('5.7.23').advice.summary), "5.7.23: SPF's own advice");
    const froms = new Set();
    for (const { code } of api.codes().enhanced) {
      for (const digit of ['2', '4', '5']) {
        const e = api.explain(code.replace('X', digit));
        a.ok(e.advice.summary && e.advice.causes.length && e.advice.fixes.length, `${e.code} has advice`);
        if (e.adviceFrom === 'reason') a.deepEqual(e.advice, reasonAdvice[e.reason], e.code);
        // A success gets the advice of any success, never a failure's.
        if (digit === '2') a.ok(e.adviceFrom === 'class' && /^Success/.test(e.advice.summary), e.code);
        froms.add(e.adviceFrom);
      }
    }
    a.deepEqual([...froms].sort(), ['class', 'code', 'reason']);
    // A classification says whose advice it gives: the reason's, the enhanced code's own (as
    // the provider means the code), or the basic code's.
    for (const [text, from, same] of [
      ['550 5.1.1 <bob@example.com>: User unknown', 'reason', reasonAdvice.userunknown],
      ['554 5.4.6 Message exceeded 50 hops, this may indicate an email loop', 'enhancedCode', api.explain('5.4.6').advice],
      ['250 2.0.0 OK queued', 'replyCode', api.explain('250').advice],
    ]) {
      const c = api.classify(text);
      a.equal(c.adviceFrom, from, text);
      a.deepEqual(c.advice, same, text);
      a.equal(api.classifyMany([text])[0].adviceFrom, from, `classifyMany: ${text}`);
    }
    const gmail = api.classify("550 5.7.27 This message was blocked because it didn't pass SPF authentication. - gsmtp");
    a.equal(gmail.adviceFrom, 'enhancedCode');
    a.ok(/SPF/.test(gmail.advice.summary) && !/null MX/.test(gmail.advice.summary), `Gmail's meaning alone: ${gmail.advice.summary}`);
    a.ok(/null MX/.test(api.explain('5.7.27').advice.summary), 'explain() names the registry meaning too');
    a.throws(() => api.explain('hello'), api.SmtpReplyError);
    a.throws(() => api.explain(42), api.SmtpReplyError);
    const all = api.codes();
    a.ok(all.basic.some((c) => c.code === 421), '421 listed');
    a.ok(all.enhanced.some((c) => c.code === 'X.1.1'), 'X.1.1 listed');
    plain(a, all);
  }],
  ['reasons: every reason classify gives, with hard and advice', (api, a) => {
    const list = api.reasons();
    a.equal(api.reasons(), list, 'one shared array');
    a.ok(Object.isFrozen(list) && Object.isFrozen(list[0].advice.fixes), 'frozen');
    plain(a, list);
    const names = list.map((r) => r.reason);
    a.deepEqual(names, [...names].sort(), 'in alphabetical order');
    a.equal(names.length, 34, "the taxonomy's 34 reasons");
    for (const name of ['userunknown', 'mailboxfull', 'ratelimited', 'delivered', 'undefined']) a.ok(names.includes(name), name);
    const by = Object.fromEntries(list.map((r) => [r.reason, r]));
    a.deepEqual(list.filter((r) => r.hard).map((r) => r.reason), ['hasmoved', 'hostunknown', 'notaccept', 'userunknown']);
    a.deepEqual(list.filter((r) => !r.bounce).map((r) => r.reason), ['delivered', 'feedback', 'vacation']);
    a.ok(by.ratelimited.advice.fixes.some((f) => /back-off/.test(f)), 'rate limit advice');
    // The reason a classification names is in the list, with the hard flag its code allows.
    const c = api.classify('550 5.1.1 User unknown');
    a.ok(by[c.reason].hard && c.hard, 'userunknown is hard');
    a.ok(by.mailboxfull.advice.summary.length > 0 && !by.mailboxfull.hard, 'mailboxfull soft');
  }],
  ['retryDelay: by attempt, null when not to retry', (api, a) => {
    const first = api.retryDelay('450 4.2.0 Greylisted, please try again later', 2);
    a.ok(first >= 300 && first <= 360, `greylisting first retry ${first}`);
    a.equal(api.retryDelay('450 4.2.0 Greylisted', 1), 0);
    a.equal(api.retryDelay('550 5.1.1 User unknown', 2), null);
    a.equal(api.retryDelay('421 4.7.0 Try again later', 10_000), null);
    const c = api.classify('421 4.7.0 Try again later');
    a.ok(api.retryDelay(c, 3) > api.retryDelay(c, 2), 'backs off');
    a.throws(() => api.retryDelay('nothing here', 2), api.SmtpReplyError);
  }],
  ['classify: a multi-line reply cut short before its last line has the lines it holds', (api, a) => {
    for (const [text, lines] of [
      ['550-5.1.1 The email account that you tried to reach does not exist. Please try', ['The email account that you tried to reach does not exist. Please try']],
      ['550-5.1.1 a\r\n550-5.1.1 b', ['a', 'b']],
    ]) {
      const c = api.classify(text);
      a.equal(c.code, 550, text);
      a.equal(c.reason, 'userunknown', text);
      a.deepEqual(c.lines.map((l) => [l.last, l.enhanced, l.text]), lines.map((t) => [false, '5.1.1', t]), text);
      a.equal(c.text, lines.join('\n'), text);
    }
  }],
  ['retryDelay: a longer stated delay is the first retry, and the verdict of a result stands', (api, a) => {
    const stated = api.retryDelay('451 4.7.1 Please try again in 2 hours', 2);
    a.ok(stated >= 7200 && stated <= 7200 * 1.2, `stated 2 hours: ${stated}`);
    a.ok(api.retryDelay('451 4.7.1 Please try again in 2 hours', 3) >= 10_800, 'backs off from there (to the 3-hour cap)');
    const g = api.classify('450 4.2.0 Greylisted for 60 seconds');
    const first = api.retryDelay(g, 2);
    // Shorter than the greylisting schedule's first step: no sooner than stated, and no faster
    // than the schedule (a stated 0 s would otherwise retry in a loop).
    a.ok(first >= 300 && first <= 360, `greylisted for 60 s: ${first}`);
    a.ok(api.retryDelay('450 4.2.0 Greylisted for 0 seconds', 3) >= 600, 'a stated 0 s backs off');
    // Read alone, the text in parentheses would be a retryable network error.
    const log = 'Nov 28 10:00:01 mx postfix/smtp[1]: 4B3C: to=<b@example.org>, relay=none, delay=0.1, dsn=5.1.2, status=bounced (connect to mx.example.org[192.0.2.1]:25: Connection refused)';
    const c = api.classify(log);
    a.equal(c.action, 'doNotRetry');
    a.equal(api.retryDelay(c, 2), null);
    // Nor to retry a message its MTA gave up on and returned.
    const expired = api.classify('postfix/qmgr[1]: 4B3C: to=<b@example.org>, relay=none, delay=432000, dsn=4.4.7, status=expired, returned to sender');
    a.deepEqual([expired.reason, expired.action, api.retryDelay(expired, 2)], ['expired', 'doNotRetry', null]);
    // A retryable result whose text alone holds no reply still gets its delays.
    for (const text of [
      'postfix/smtp[1]: 4B3C: to=<b@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: Connection timed out)',
      'Diagnostic-Code: X-Unix; 75',
    ]) {
      const r = api.classify(text);
      a.equal(r.action, 'retry', text);
      const d = api.retryDelay(r, 2);
      a.ok(d >= r.retryDelay.seconds && d <= r.retryDelay.seconds * 1.3, `${text}: ${d}`);
    }
  }],
  ['a Python smtplib error: the code kept apart, the words without their quotes', (api, a) => {
    const r = api.classify("smtplib.SMTPSenderRefused: (452, b'4.3.1 Insufficient system storage', 'me@example.com')");
    a.deepEqual([r.code, r.enhanced, r.reason, r.replyText], [452, '4.3.1', 'systemfull', '4.3.1 Insufficient system storage']);
    a.deepEqual(r.lines, []);
    // Its text alone holds no code: retryDelay puts the code back before reading it.
    const g = api.classify("SMTPDataError: (451, b'Greylisted, please try again in 5 minutes')");
    a.deepEqual([g.code, g.action, g.retryDelay], [451, 'retry', { seconds: 300, stated: true }]);
    const d = api.retryDelay(g, 2);
    a.ok(d >= 300 && d <= 360, `greylisted for 5 minutes: ${d}`);
  }],
  ['ReplyParser: a character split between two string chunks stays whole', (api, a) => {
    const text = '550 5.1.1 caf\u00e9 \u{1F600} bye\r\n250 OK\r\n';
    for (let i = 0; i <= text.length; i++) {
      const p = new api.ReplyParser();
      const out = [...p.push(text.slice(0, i)), ...p.push(text.slice(i)), ...p.finish()];
      a.deepEqual(out.map((r) => r.text), ['caf\u00e9 \u{1F600} bye', 'OK'], `split at ${i}`);
    }
    // Half a pair followed by bytes, or by the end, is no character.
    const p = new api.ReplyParser();
    a.deepEqual(p.push('550 x \uD83D'), []);
    a.deepEqual(p.push(utf8('\r\n')).map((r) => r.text), ['x \uFFFD']);
  }],
  ['ReplyParser: chunks, errors with the replies before them, finish', (api, a) => {
    const p = new api.ReplyParser({ strict: true });
    a.deepEqual(p.push('250-mx.example.com\r\n25'), []);
    a.equal(p.buffered, 22);
    const done = p.push(utf8('0 SIZE 1000\r\n354 Go ahead\r\n'));
    a.deepEqual(done.map((r) => [r.code, r.text]), [[250, 'mx.example.com\nSIZE 1000'], [354, 'Go ahead']]);
    let error;
    try {
      p.push('221 Bye\r\nhello\r\n250 OK\r\n');
    } catch (e) {
      error = e;
    }
    a.equal(error.kind, 'notANumber');
    a.deepEqual(error.replies.map((r) => r.code), [221]);
    // What followed the bad line in the same chunk comes out of an empty push.
    a.deepEqual(p.push('').map((r) => r.code), [250]);
    a.deepEqual(p.push('250 again\r\n').map((r) => r.text), ['again']);
    a.deepEqual(p.finish(), []);
    const cut = new api.ReplyParser();
    cut.push('250-more to come\r\n');
    a.throws(() => cut.finish(), api.SmtpReplyError);
    const lenient = new api.ReplyParser();
    a.deepEqual(lenient.push(new Uint8Array([...utf8('250 caf'), 0xe9, 10])).map((r) => r.text), ['caf\ufffd']);
    const strict = new api.ReplyParser({ strict: true });
    a.throws(() => strict.push(new Uint8Array([...utf8('250 caf'), 0xe9, 0xff, 13, 10])), api.SmtpReplyError);
    a.deepEqual(strict.push('250 OK\r\n').map((r) => r.code), [250]);
  }],
];
