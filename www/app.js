// The smtp-reply demo page: explains a pasted reply as the person types, and renders a page for every
// reply code and enhanced status code. No framework: a hash router and a tiny element builder.
// The state lives in the URL hash (#/explain?text=..., #/code/421, #/codes) so every view is a link.
import { EXAMPLES } from './examples.js';

const $ = (id) => document.getElementById(id);

/** Builds an element: h('p', { class: 'x' }, 'text', child). Text is always set as text, never HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

// ---------------------------------------------------------------------------------------------------
// Words for the values the package returns.

const SEVERITY = {
  positivePreliminary: 'Positive preliminary',
  positiveCompletion: 'Positive completion',
  positiveIntermediate: 'Positive intermediate',
  transientNegative: 'Transient negative (temporary failure)',
  permanentNegative: 'Permanent negative (permanent failure)',
  unknown: 'Unknown',
};

const CATEGORY = {
  syntax: 'Syntax',
  information: 'Information',
  connections: 'Connections',
  unspecified: 'Unspecified',
  mailSystem: 'Mail system',
  unknown: 'Unknown',
};

const ACTION = {
  done: ['ok', 'Nothing to do', 'The server accepted the command.'],
  continue: ['ok', 'Continue', 'The server is waiting for the next step (for example the message text after 354).'],
  retry: ['warn', 'Retry later', 'The failure is temporary: keep the message queued and try again.'],
  doNotRetry: ['bad', 'Do not retry', 'Sending the same message again will fail the same way: bounce it and tell the sender.'],
  fixAndRetry: ['bad', 'Fix, then retry', 'Retrying as is will fail: fix the cause below first, then send again.'],
};

const SOURCE = {
  reply: 'an SMTP reply',
  postfix: 'a Postfix log line',
  exim: 'an Exim log line',
  dsn: 'a bounce (DSN)',
  sendmail: 'a Sendmail log line',
};

function words(map, key) {
  return map[key] ?? key;
}

/** "90 seconds", "15 minutes", "1 hour 30 minutes", "2 days". */
function duration(seconds) {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const unit = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return s ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute');
  }
  if (seconds < 86400) {
    const hr = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return m ? `${unit(hr, 'hour')} ${unit(m, 'minute')}` : unit(hr, 'hour');
  }
  const d = Math.floor(seconds / 86400);
  const hr = Math.floor((seconds % 86400) / 3600);
  return hr ? `${unit(d, 'day')} ${unit(hr, 'hour')}` : unit(d, 'day');
}

function timeText(ms) {
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
}

function isEnhanced(code) {
  return /^[245X]\.\d{1,3}\.\d{1,3}$/i.test(code);
}

function codeLink(code, label) {
  return h('a', { href: `#/code/${code}`, class: 'code-link' }, h('code', null, label ?? String(code)));
}

function explainHref(text, command) {
  const p = new URLSearchParams();
  p.set('text', text);
  if (command) p.set('cmd', command);
  return `#/explain?${p}`;
}

function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function list(items, cls) {
  return items && items.length ? h('ul', { class: cls }, items.map((i) => h('li', null, i))) : null;
}

function section(title, id, ...content) {
  const hid = id ? `${id}-h` : null;
  return h('section', { class: 'card', id, 'aria-labelledby': hid }, h('h2', { id: hid }, title), content);
}

// ---------------------------------------------------------------------------------------------------
// Loading the package.

let pkg = null;
let loadError = null;

async function loadPackage() {
  const t0 = performance.now();
  try {
    const mod = await import('/pkg/browser.js');
    await mod.init();
    pkg = mod;
    return performance.now() - t0;
  } catch (e) {
    loadError = e;
    return null;
  }
}

function packageMissing(container) {
  container.replaceChildren(
    h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('p', null, h('strong', null, 'The smtp-reply package could not be loaded.')),
      h('p', null, String(loadError?.message ?? loadError)),
      h('p', null, 'Build it first: ', h('code', null, 'make pkg'), ' (or ', h('code', null, 'make demo'), ', which builds and serves).'),
    ),
  );
}

/** Before the package is there: "loading" (or why it failed), never an empty view. */
function notLoaded(view) {
  if (loadError) packageMissing(view);
  else view.replaceChildren(h('p', { class: 'status' }, 'Loading the parser…'));
}

/** Calls a package function that may be missing from an older build; returns null instead of throwing. */
function optional(name, ...args) {
  if (typeof pkg?.[name] !== 'function') return null;
  try {
    return pkg[name](...args);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Explain view.

const textarea = $('reply');
const commandSelect = $('command');
const exampleSelect = $('example');
const result = $('result');
const status = $('status');

function fillExamples() {
  const groups = new Map();
  EXAMPLES.forEach((ex, i) => {
    if (!groups.has(ex.group)) groups.set(ex.group, h('optgroup', { label: ex.group }));
    groups.get(ex.group).append(h('option', { value: String(i) }, ex.label));
  });
  exampleSelect.append(...groups.values());
}

/** Time of one call, measured over enough repetitions to be above the timer's resolution. */
/**
 * How long one call takes: the first call (which also warms caches) is timed alone, then the call is
 * repeated for a few milliseconds because one warm call is below the timer's resolution.
 */
function measure(fn) {
  let t0 = performance.now();
  const value = fn();
  const first = performance.now() - t0;
  if (first > 50) return { value, first, each: first, runs: 1 };
  t0 = performance.now();
  let n = 0;
  let elapsed = 0;
  do {
    fn();
    n++;
    elapsed = performance.now() - t0;
  } while (elapsed < 4 && n < 2000);
  return { value, first, each: elapsed / n, runs: n };
}

function classifyOptions() {
  return commandSelect.value ? { command: commandSelect.value } : undefined;
}

/** The strict parser's complaint about a reply, or null: it pinpoints what lenient classify() let pass. */
function parseProblem(replyText) {
  if (typeof pkg.parse !== 'function' || !replyText) return null;
  try {
    pkg.parse(replyText);
    return null;
  } catch (e) {
    return e;
  }
}

/** True when the text is exactly one well-formed reply (such as a multi-line EHLO reply). */
function isOneReply(text) {
  if (typeof pkg.parse !== 'function') return false;
  try {
    return pkg.parse(text).length >= text.trimEnd().length;
  } catch {
    return false;
  }
}

function explainNow() {
  const text = textarea.value;
  if (!pkg) return;
  if (!text.trim()) {
    result.replaceChildren(
      h('p', { class: 'hint' }, 'Paste a reply above or pick an example. Every code also has its own page: see ', h('a', { href: '#/codes' }, 'all codes'), '.'),
    );
    status.textContent = 'Ready.';
    return;
  }
  const opts = classifyOptions();
  let single = null;
  let error = null;
  let timing;
  // classify() gives the full answer; an older build of the package may only have parse().
  const fn = typeof pkg.classify === 'function' ? 'classify' : 'parse';
  try {
    timing = measure(() => (fn === 'classify' ? pkg.classify(text, opts) : pkg.parse(text)));
    single = timing.value;
  } catch (e) {
    // classify() is lenient and only says "no reply found"; parse() says where the text goes wrong.
    error = (fn === 'classify' && parseProblem(text)) || e;
  }
  // Several replies back to back (a pasted session): one card each.
  let many = null;
  if (typeof pkg.classifyMany === 'function') {
    try {
      many = pkg.classifyMany(text);
    } catch {
      many = null;
    }
  }
  const found = many ? many.filter((r) => !r.error) : [];
  const nodes = [];
  if (found.length > 1 && !isOneReply(text)) {
    nodes.push(renderMany(many));
  } else if (error) {
    nodes.push(renderError(error, text));
  } else {
    // Only a bare reply is checked strictly: logs and bounces often join a reply's lines into one.
    const problem = fn === 'classify' && (single.source ?? 'reply') === 'reply' ? parseProblem(single.replyText) : null;
    if (problem) nodes.push(renderError(problem, single.replyText, { besideResult: true }));
    nodes.push(renderClassification(single, text, opts));
  }
  if (timing) {
    const runs = timing.runs > 1 ? ` (average of ${timing.runs} runs; this text's first run took ${timeText(timing.first)})` : '';
    // The status line is what a screen reader announces while typing: the verdict first, briefly.
    const verdict = found.length > 1 && !isOneReply(text) ? `${found.length} replies. ` : single ? `${[single.code, single.enhanced].filter(Boolean).join(' ')}: ${(ACTION[single.action] ?? [])[1] ?? words(SEVERITY, single.severity)}${single.reason ? ` (${single.reason})` : ''}. ` : '';
    status.textContent = `${verdict}${fn === 'classify' ? 'Classified' : 'Parsed'} in ${timeText(timing.each)}${runs}.`;
  } else {
    status.textContent = 'No valid SMTP reply found: see the marked position below.';
  }
  result.replaceChildren(...nodes);
}

function renderMany(many) {
  const found = many.filter((r) => !r.error);
  const skipped = many.filter((r) => r.error);
  return h(
    'div',
    { class: 'many' },
    h('p', { class: 'lead' }, `${found.length} replies found.`),
    found.map((r, i) => {
      const act = ACTION[r.action] ?? ['', r.action, ''];
      return h(
        'details',
        { class: 'card reply-item', open: i === 0 },
        h(
          'summary',
          null,
          h('code', { class: 'big-code' }, [r.code, r.enhanced].filter(Boolean).join(' ')),
          ` ${r.explanation?.title ?? ''} `,
          h('span', { class: `badge ${act[0]}` }, act[1]),
        ),
        renderClassification(r, r.replyText, undefined, true),
      );
    }),
    skipped.length
      ? h(
          'details',
          { class: 'card skipped-parts' },
          h('summary', null, `${skipped.length} part${skipped.length === 1 ? '' : 's'} of the text held no reply`),
          skipped.map((r) => renderError(r.error, r.input, { id: null })),
        )
      : null,
    section(
      'The same in JavaScript',
      'snippet',
      snippet(
        { fn: 'classifyMany', args: JSON.stringify(textarea.value) },
        found.map((r, i) => `r[${i}].code, r[${i}].action; // ${r.code}, ${JSON.stringify(r.action)}`),
      ),
    ),
  );
}

/** Converts the byte offset the parser reports into an index into the JavaScript string. */
function byteOffsetToIndex(text, offset) {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < offset) {
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The error box; `besideResult` when the text was still classified leniently. */
function renderError(err, text, { besideResult = false, id = besideResult ? 'reply-problem' : 'parse-error' } = {}) {
  const offset = Number.isInteger(err?.offset) ? err.offset : 0;
  const index = byteOffsetToIndex(text, offset);
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let lineEnd = text.indexOf('\n', index);
  if (lineEnd < 0) lineEnd = text.length;
  const lineNo = text.slice(0, lineStart).split('\n').length;
  const column = index - lineStart + 1;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const at = index - lineStart;
  const marked = at < line.length ? line.slice(at, at + 1) : '';
  const kind = err?.kind ? ` (${err.kind})` : '';
  return h(
    'div',
    { class: 'error-box', id },
    h('p', null, h('strong', null, besideResult ? 'The reply is malformed (the explanation below reads it leniently): ' : 'Not a valid SMTP reply: '), String(err?.message ?? err), kind),
    h('p', { class: 'where' }, `At line ${lineNo}, column ${column} (byte offset ${offset}):`),
    h(
      'pre',
      { class: 'error-line', 'aria-label': `line ${lineNo} with the error marked at column ${column}` },
      line.slice(0, at),
      h('mark', { class: marked ? 'error-at' : 'error-at end', title: `byte offset ${offset}` }, marked || ' '),
      line.slice(at + 1),
      '\n',
      ' '.repeat(at) + '^',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        onclick: () => {
          // The error is in `text`, which may be a part of what was typed.
          const base = Math.max(0, textarea.value.indexOf(text));
          textarea.focus();
          textarea.setSelectionRange(base + index, Math.min(base + index + 1, textarea.value.length));
        },
      },
      'Show it in the text box',
    ),
    h('p', { class: 'hint' }, 'A reply line is a three-digit code, a space (last line) or a hyphen (more lines follow), then text.'),
  );
}

function digitsBlock(explanation) {
  const digits = explanation?.digits ?? [];
  if (!digits.length) return h('p', { class: 'note' }, 'This build of the package has no code explanations.');
  return h(
    'ol',
    { class: 'digits', 'aria-label': `Digits of ${explanation?.code}` },
    digits.map((d, i) =>
      h(
        'li',
        { class: `digit d${i + 1}` },
        h('span', { class: 'digit-value', 'aria-hidden': 'true' }, String(d.digit)),
        h('span', { class: 'digit-pos' }, ['First', 'Second', 'Third'][i], ' digit ', h('strong', null, String(d.digit))),
        h('span', { class: 'digit-name' }, d.name),
        h('span', { class: 'digit-meaning' }, d.meaning),
      ),
    ),
  );
}

/** The class, subject and detail of an enhanced status code as list items. */
function enhancedParts(e) {
  const parts = [
    ['Class', e.class?.digit, e.class?.name, e.class?.meaning],
    ['Subject', e.subject?.number, e.subject?.name, e.subject?.meaning],
    ['Detail', e.detail?.number, e.detail?.title, e.detail?.description],
  ];
  return parts.map(([label, n, name, meaning], i) =>
    h(
      'li',
      { class: `digit d${i + 1}` },
      h('span', { class: 'digit-value', 'aria-hidden': 'true' }, String(n)),
      h('span', { class: 'digit-pos' }, label, ' ', h('strong', null, String(n))),
      h('span', { class: 'digit-name' }, name ?? 'Not in the registry'),
      meaning ? h('span', { class: 'digit-meaning' }, meaning) : null,
    ),
  );
}

function enhancedBlock(e, label = e?.code) {
  if (!e) return null;
  return h('ol', { class: 'digits enhanced', 'aria-label': `Parts of ${label}` }, enhancedParts(e));
}

function retryText(r) {
  if (!r.retryDelay) return null;
  const { seconds, stated } = r.retryDelay;
  return stated
    ? `Retry in ${duration(seconds)}: the server said so.`
    : `Retry in about ${duration(seconds)} (recommended; the server gave no delay).`;
}

/** "45 s", "39 min", "2.5 h", "3 d": schedules have jitter, so rounded values read better. */
function approx(seconds) {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 1800) / 2} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** The delays before the next retries (attempt 1 is the first send), until the schedule gives up. */
function retrySchedule(r) {
  if (typeof pkg.retryDelay !== 'function' || !r.retryable) return null;
  const steps = [];
  let attempt = 2;
  for (; attempt <= 60; attempt++) {
    const s = optional('retryDelay', r, attempt);
    if (s === null || s === undefined) break;
    steps.push(s);
  }
  if (steps.length < 2) return null;
  const total = steps.reduce((a, b) => a + b, 0);
  const shown = steps.slice(0, 6).map(approx).join(' → ');
  return h(
    'p',
    { class: 'schedule' },
    `If it keeps failing, wait about ${shown}${steps.length > 6 ? ' → …' : ''} between attempts; `,
    attempt <= 60 ? `give up after ${steps.length} retries (about ${approx(total)}).` : 'keep the schedule.',
  );
}

function snippet(call, comments) {
  const body = [`import { ${call.fn} } from 'smtp-reply';`, '', `const r = ${call.fn}(${call.args});`, ...comments].join('\n');
  const pre = h('pre', { class: 'snippet' }, h('code', null, body));
  return h(
    'div',
    { class: 'snippet-wrap' },
    pre,
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        onclick: (ev) => copyText(body, ev.currentTarget, 'Snippet copied.'),
      },
      'Copy snippet',
    ),
    h('p', { class: 'hint' }, 'In Node: ', h('code', null, 'npm install smtp-reply'), '. In a browser, also ', h('code', null, 'await init()'), ' once first.'),
  );
}

/** What the usual EHLO keywords announce (the page's own words). */
const EXTENSIONS = {
  SIZE: ['RFC 1870', 'Largest message it accepts'],
  '8BITMIME': ['RFC 6152', 'Accepts 8-bit message bodies'],
  STARTTLS: ['RFC 3207', 'Can switch the connection to TLS'],
  ENHANCEDSTATUSCODES: ['RFC 2034', 'Replies carry enhanced status codes such as 5.1.1'],
  PIPELINING: ['RFC 2920', 'Commands may be sent in batches without waiting for each reply'],
  CHUNKING: ['RFC 3030', 'Accepts BDAT, the message sent in chunks'],
  BINARYMIME: ['RFC 3030', 'Accepts binary message bodies (with BDAT)'],
  SMTPUTF8: ['RFC 6531', 'Accepts UTF-8 addresses and headers'],
  AUTH: ['RFC 4954', 'SMTP authentication with these mechanisms'],
  DSN: ['RFC 3461', 'Sends delivery status notifications on request'],
  REQUIRETLS: ['RFC 8689', 'Can require TLS on every hop'],
  DELIVERBY: ['RFC 2852', 'Accepts a deadline for delivery'],
  'MT-PRIORITY': ['RFC 6710', 'Accepts message priorities'],
  LIMITS: ['RFC 9422', 'Announces its limits per transaction'],
  ETRN: ['RFC 1985', 'Can start a queue run for a domain'],
  VRFY: ['RFC 5321', 'Answers VRFY (address verification)'],
  EXPN: ['RFC 5321', 'Answers EXPN (list expansion)'],
  HELP: ['RFC 5321', 'Answers HELP'],
};

function sizeText(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return 'no fixed limit';
  return n >= 1048576 ? `${Math.round((n / 1048576) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** The extensions a multi-line 250 reply to EHLO announces, one per line after the greeting. */
function ehloBlock(r) {
  const lines = r.lines ?? [];
  if (r.code !== 250 || lines.length < 2 || (r.command && r.command !== 'EHLO' && r.command !== 'LHLO')) return null;
  const rest = lines.slice(1).map((l) => /^([A-Za-z0-9][A-Za-z0-9-]*)(?:[ =](.*))?$/.exec(l.text.trim()));
  if (rest.some((m) => !m)) return null;
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'EHLO extensions' },
    h('p', null, 'Greeting: ', h('code', null, lines[0].text)),
    h(
      'table',
      { class: 'lines' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Extension'), h('th', { scope: 'col' }, 'Parameters'), h('th', { scope: 'col' }, 'What it means'))),
      h(
        'tbody',
        null,
        rest.map(([, keyword, params = '']) => {
          const known = EXTENSIONS[keyword.toUpperCase()];
          const meaning = known ? `${known[1]}${keyword.toUpperCase() === 'SIZE' ? `: ${sizeText(params)}` : ''} (${known[0]})` : keyword.toUpperCase().startsWith('X') ? 'A private, non-standard extension' : 'Not a common extension';
          return h('tr', null, h('td', null, h('code', null, keyword)), h('td', { class: 'line-text' }, params || '—'), h('td', null, meaning));
        }),
      ),
    ),
  );
}

function renderClassification(r, text, opts, compact = false) {
  const ex = r.explanation ?? {};
  const en = r.enhancedExplanation;
  // A parse() result (package without classify()) has no reason, provider or action.
  const classified = r.action !== undefined;
  const act = ACTION[r.action] ?? (classified ? ['', r.action, ''] : ['', words(SEVERITY, r.severity), '']);
  const negative = r.code >= 400 && classified;
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', null, 'Severity'),
    h('dd', null, words(SEVERITY, r.severity)),
    h('dt', null, 'Category'),
    h('dd', null, words(CATEGORY, r.category)),
    classified ? h('dt', null, 'Reason') : null,
    classified ? h('dd', null, h('code', { class: 'reason' }, r.reason ?? 'unknown')) : null,
    classified ? h('dt', null, 'Provider') : null,
    classified ? h('dd', null, r.provider ? r.provider.name : 'Not recognised') : null,
    negative ? h('dt', null, 'Hard or soft') : null,
    negative ? h('dd', null, r.hard ? h('span', { class: 'badge bad' }, 'Hard bounce') : h('span', { class: 'badge warn' }, 'Soft bounce'), r.hard ? ' permanent for this address or message' : ' temporary') : null,
    r.command ? h('dt', null, 'Command answered') : null,
    r.command ? h('dd', null, h('code', null, r.command)) : null,
    classified ? h('dt', null, 'Found in') : null,
    classified ? h('dd', null, words(SOURCE, r.source ?? 'reply')) : null,
  );
  const summary = h(
    'section',
    { class: `card verdict ${act[0]}`, 'aria-labelledby': 'verdict-h' },
    h(
      'h2',
      { id: compact ? null : 'verdict-h', class: 'verdict-title' },
      r.code === null ? null : h('span', { class: 'big-code main-code' }, String(r.code)),
      r.enhanced ? h('span', { class: 'big-code enh' }, r.enhanced) : null,
      h('span', { class: 'title' }, ex.title ?? (en?.detail?.title ?? 'Reply')),
    ),
    h('p', { class: 'todo' }, h('span', { class: `badge ${act[0]}` }, act[1]), ' ', act[2]),
    classified ? null : h('p', { class: 'note' }, 'This build of the package has no classify(): showing what parse() returns (no reason, provider or retry advice).'),
    retryText(r) ? h('p', { class: 'retry' }, h('strong', null, retryText(r))) : null,
    retrySchedule(r),
    r.advice?.summary ? h('p', { class: 'advice-summary' }, r.advice.summary) : null,
    facts,
  );
  const warnings = [];
  if (r.mixedCodes) warnings.push('The lines of this reply carry different codes; the first line’s code was used.');
  if (r.classMismatch) warnings.push(`The enhanced code ${r.enhanced} does not agree with the class of ${r.code}.`);

  const lines = r.lines ?? [];
  const linesTable =
    lines.length > 0
      ? h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Parsed lines' },
          h(
            'table',
            { class: 'lines' },
            h('caption', null, `${lines.length} line${lines.length === 1 ? '' : 's'}`),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Enhanced'), h('th', { scope: 'col' }, 'Text'), h('th', { scope: 'col', class: 'wide-only' }, 'Offset'))),
            h(
              'tbody',
              null,
              lines.map((l, i) =>
                h(
                  'tr',
                  null,
                  h('td', null, String(i + 1)),
                  // The separator as on the wire: "250-" continues, "250 " is the last line.
                  h('td', { class: 'nowrap', title: l.last ? 'last line' : 'more lines follow' }, h('code', null, `${l.code}${l.last ? '\u00a0' : '-'}`), h('span', { class: 'visually-hidden' }, l.last ? ' last line' : ' continues')),
                  h('td', null, l.enhanced ? h('code', null, l.enhanced) : '—'),
                  h('td', { class: 'line-text' }, l.text),
                  h('td', { class: 'wide-only' }, String(l.offset)),
                ),
              ),
            ),
          ),
        )
      : null;

  const links = (r.links ?? []).map(safeUrl).filter(Boolean);
  const moreLinks = r.code === null ? [] : [codeLink(r.code, `${r.code} explained`)];
  if (r.enhanced) moreLinks.push(codeLink(r.enhanced, `${r.enhanced} explained`));

  const out = [summary];
  if (warnings.length) out.push(h('div', { class: 'note' }, list(warnings)));
  if (r.source && r.source !== 'reply' && r.replyText) {
    out.push(section(`Reply found in ${words(SOURCE, r.source)}`, compact ? null : 'extracted', h('pre', { class: 'reply-text' }, r.replyText)));
  }
  out.push(
    r.code === null
      ? section('Code breakdown', compact ? null : 'breakdown', h('p', null, 'The text has no basic reply code (such as 550); it was read from its enhanced status code.'))
      : section('Code breakdown', compact ? null : 'breakdown', h('p', null, codeLink(r.code), ' ', ex.title ?? ''), digitsBlock(ex)),
  );
  if (en) {
    out.push(
      section(
        'Enhanced status code',
        compact ? null : 'enhanced',
        h('p', null, codeLink(r.enhanced), ' ', en.detail?.title ?? ''),
        enhancedBlock(en),
        en.detail?.basicCodes ? h('p', { class: 'hint' }, 'Usually sent with basic codes: ', en.detail.basicCodes) : null,
      ),
    );
  }
  const ehlo = ehloBlock(r);
  if (ehlo) out.push(section('EHLO extensions', compact ? null : 'ehlo', ehlo));
  const advice = r.advice ?? ex.advice ?? {};
  out.push(
    h(
      'div',
      { class: 'two-col' },
      section('Common causes', compact ? null : 'causes', list(advice.causes) ?? h('p', null, 'None recorded.')),
      section('How to fix', compact ? null : 'fixes', list(advice.fixes) ?? h('p', null, 'None recorded.')),
    ),
  );
  out.push(
    section(
      'Help links',
      compact ? null : 'links',
      links.length ? h('ul', { class: 'links' }, links.map((u) => h('li', null, h('a', { href: u, rel: 'noopener noreferrer', target: '_blank' }, u)))) : h('p', null, 'The reply gives no link.'),
      h('p', null, 'On this site: ', moreLinks.flatMap((l, i) => (i ? [' · ', l] : [l]))),
    ),
  );
  if (linesTable) out.push(section('Parsed lines', compact ? null : 'lines', linesTable));
  else if (r.source && r.source !== 'reply') {
    out.push(section('Parsed lines', compact ? null : 'lines', h('p', null, `The reply's lines could not be separated: ${words(SOURCE, r.source)} often joins them into one, as above.`)));
  }
  if (!compact) {
    const args = [JSON.stringify(text)];
    if (opts?.command) args.push(`{ command: ${JSON.stringify(opts.command)} }`);
    const delay = r.retryDelay ? `{ seconds: ${r.retryDelay.seconds}, stated: ${r.retryDelay.stated} }` : 'null';
    out.push(
      section(
        'The same in JavaScript',
        'snippet',
        snippet({ fn: 'classify', args: args.join(', ') }, [
          `r.code;       // ${r.code}`,
          `r.enhanced;   // ${JSON.stringify(r.enhanced)}`,
          `r.reason;     // ${JSON.stringify(r.reason)}`,
          `r.provider;   // ${r.provider ? JSON.stringify(r.provider) : 'null'}`,
          `r.hard;       // ${r.hard}`,
          `r.action;     // ${JSON.stringify(r.action)}`,
          `r.retryDelay; // ${delay}`,
        ]),
      ),
    );
  }
  return h('div', { class: 'classification' }, out);
}

// ---------------------------------------------------------------------------------------------------
// Copying.

function copyText(text, button, message) {
  const done = () => {
    status.textContent = message;
    if (button) {
      const old = button.textContent;
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = old), 1500);
    }
  };
  if (navigator.clipboard?.writeText) {
    navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text, done));
  } else {
    fallbackCopy(text, done);
  }
}

function fallbackCopy(text, done) {
  const area = h('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (ok) done();
  else status.textContent = `Copy this link: ${text}`;
}

// ---------------------------------------------------------------------------------------------------
// Code pages.

let codeIndex = null;

function allCodes() {
  if (!codeIndex) {
    const c = optional('codes') ?? { basic: [], enhanced: [] };
    codeIndex = { basic: c.basic ?? [], enhanced: c.enhanced ?? [] };
  }
  return codeIndex;
}

let usedWith = null;

/** Enhanced codes whose registry entry names a basic code, keyed by that basic code. */
function enhancedUsedWith() {
  if (usedWith) return usedWith;
  usedWith = new Map();
  for (const e of allCodes().enhanced) {
    const x = optional('explain', e.code.replace(/^X/i, '5')) ?? optional('explain', e.code.replace(/^X/i, '4'));
    for (const m of String(x?.detail?.basicCodes ?? '').matchAll(/\b[2-5]\d\d\b/g)) {
      const k = Number(m[0]);
      if (!usedWith.has(k)) usedWith.set(k, []);
      if (!usedWith.get(k).some((y) => y.code === e.code)) usedWith.get(k).push(e);
    }
  }
  return usedWith;
}

const CLASS_WORDS = { 2: 'Success', 4: 'Persistent transient failure', 5: 'Permanent failure' };

function renderCodePage(code) {
  const view = $('view-code');
  if (!pkg) return notLoaded(view);
  let x = null;
  let generic = false;
  const raw = code.trim();
  if (typeof pkg.explain !== 'function') {
    view.replaceChildren(h('h1', { tabindex: '-1' }, `Code ${raw}`), h('p', { class: 'note' }, 'This build of the package has no explain(): rebuild it with ', h('code', null, 'make pkg'), '.'));
    return;
  }
  try {
    x = pkg.explain(/^\d{3}$/.test(raw) ? Number(raw) : raw);
  } catch (e) {
    if (/^X\./i.test(raw)) {
      generic = true;
      x = optional('explain', `5${raw.slice(1)}`) ?? optional('explain', `4${raw.slice(1)}`) ?? optional('explain', `2${raw.slice(1)}`);
    }
    if (!x) {
      view.replaceChildren(
        h('h1', { tabindex: '-1' }, `Unknown code: ${raw}`),
        h('div', { class: 'error-box', role: 'alert' }, h('p', null, String(e?.message ?? e))),
        h('p', null, 'See ', h('a', { href: '#/codes' }, 'all codes'), ' or ', h('a', { href: explainHref(raw) }, 'explain it as a reply'), '.'),
      );
      document.title = `Unknown code ${raw}: smtp-reply`;
      return;
    }
  }
  const content = x.kind === 'enhanced' ? enhancedPage(x, generic ? `X${raw.slice(1)}` : x.code, generic) : basicPage(x);
  view.replaceChildren(...content);
}

function breadcrumb(...items) {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('ol', null, h('li', null, h('a', { href: '#/codes' }, 'All codes')), items.map((i) => h('li', null, i))),
  );
}

function examplesSection(examples, command) {
  return section(
    'Response examples',
    'code-examples',
    examples.length
      ? h(
          'ul',
          { class: 'examples' },
          examples.map((t) => h('li', null, h('pre', { class: 'reply-text' }, t), h('a', { href: explainHref(t, command), class: 'small-link' }, 'Explain this reply'))),
        )
      : h('p', null, 'No real-world examples are recorded for this code yet.'),
  );
}

function adviceSections(advice) {
  return h(
    'div',
    { class: 'two-col' },
    section('Common causes', 'code-causes', list(advice?.causes) ?? h('p', null, 'None recorded for this code.')),
    section('How to fix', 'code-fixes', list(advice?.fixes) ?? h('p', null, 'None recorded for this code.')),
  );
}

/** Without advice specific to an enhanced code, the advice for the basic code it is usually sent with. */
function fallbackAdvice(basicCodes, classDigit) {
  const code = basicCodes.find((b) => Math.floor(b / 100) === classDigit) ?? basicCodes[0] ?? (classDigit === 4 ? 451 : classDigit === 2 ? 250 : 550);
  const advice = optional('explain', code)?.advice;
  return h(
    'div',
    null,
    h('p', { class: 'hint' }, 'Nothing specific to this code is recorded; this is the advice for ', codeLink(code), ' replies, which usually carry it.'),
    adviceSections(advice),
  );
}

function basicPage(x) {
  const title = x.title ?? 'Code without a standard meaning';
  document.title = `${x.code} ${title}: SMTP reply code explained`;
  const basics = allCodes().basic;
  const i = basics.findIndex((b) => b.code === x.code);
  const prev = i > 0 ? basics[i - 1] : null;
  const next = i >= 0 && i < basics.length - 1 ? basics[i + 1] : null;
  const sameClass = basics.filter((b) => Math.floor(b.code / 100) === Math.floor(x.code / 100) && b.code !== x.code);
  const enh = enhancedUsedWith().get(x.code) ?? [];
  const defs = x.definitions ?? [];
  return [
    breadcrumb(h('a', { href: `#/codes#c${Math.floor(x.code / 100)}` }, `${Math.floor(x.code / 100)}xx`), String(x.code)),
    h('h1', { tabindex: '-1', class: 'code-title' }, h('span', { class: 'big-code' }, String(x.code)), h('span', { class: 'title' }, title)),
    h('p', { class: 'badges' }, h('span', { class: `badge ${x.code >= 500 ? 'bad' : x.code >= 400 ? 'warn' : 'ok'}` }, words(SEVERITY, x.severity)), ' ', h('span', { class: 'badge' }, words(CATEGORY, x.category))),
    section(
      'What it is',
      'code-what',
      x.advice?.summary ? h('p', null, x.advice.summary) : null,
      defs.length
        ? h(
            'ul',
            { class: 'defs' },
            defs.map((d) =>
              h(
                'li',
                null,
                h('strong', null, d.meaning),
                h('span', { class: 'ref' }, ` ${d.rfc}${d.section ? ` §${d.section}` : ''}`),
                d.commands ? h('span', { class: 'cmds' }, ` · in reply to: ${d.commands}`) : null,
                d.extension ? h('span', { class: 'ext' }, ` · extension: ${d.extension}`) : null,
              ),
            ),
          )
        : h('p', null, 'No RFC defines this code; servers that send it give it their own meaning. Read it by its digits below.'),
    ),
    section('Code breakdown', 'code-breakdown', digitsBlock(x)),
    examplesSection(x.examples ?? []),
    adviceSections(x.advice),
    section(
      'Related codes',
      'code-related',
      enh.length ? h('h3', null, `Enhanced status codes sent with ${x.code}`) : null,
      enh.length ? h('ul', { class: 'code-list' }, enh.map((e) => h('li', null, codeLink(e.code.replace(/^X/i, String(Math.floor(x.code / 100)))), ' ', e.title))) : null,
      h('h3', null, `Other ${Math.floor(x.code / 100)}xx codes`),
      h('ul', { class: 'code-list' }, sameClass.map((b) => h('li', null, codeLink(b.code), ' ', b.title ?? ''))),
      h('p', { class: 'prev-next' }, prev ? ['← ', codeLink(prev.code)] : null, prev && next ? ' · ' : null, next ? [codeLink(next.code), ' →'] : null),
    ),
    section('The same in JavaScript', 'code-snippet', snippet({ fn: 'explain', args: String(x.code) }, [`r.title;    // ${JSON.stringify(x.title)}`, `r.severity; // ${JSON.stringify(x.severity)}`, `r.digits;   // [{ digit: ${x.digits?.[0]?.digit}, name: ${JSON.stringify(x.digits?.[0]?.name)}, ... }, ...]`])),
  ];
}

function enhancedPage(x, shown, generic) {
  const sub = x.subject?.number;
  const det = x.detail?.number;
  const title = x.detail?.title ?? 'Not in the IANA registry';
  document.title = `${shown} ${title}: SMTP enhanced status code explained`;
  const rest = `${sub}.${det}`;
  const siblings = allCodes().enhanced.filter((e) => e.code.split('.')[1] === String(sub) && e.code !== `X.${rest}`);
  const basicCodes = [...String(x.detail?.basicCodes ?? '').matchAll(/\b[2-5]\d\d\b/g)].map((m) => Number(m[0]));
  const classDigit = generic ? 'X' : String(x.class?.digit);
  const breakdown = enhancedBlock(x, shown);
  if (generic) {
    breakdown.firstChild.replaceWith(
      h(
        'li',
        { class: 'digit d1' },
        h('span', { class: 'digit-value', 'aria-hidden': 'true' }, 'X'),
        h('span', { class: 'digit-pos' }, 'Class ', h('strong', null, 'X')),
        h('span', { class: 'digit-name' }, 'Any class'),
        h('span', { class: 'digit-meaning' }, 'X stands for 2 (success), 4 (persistent transient failure) or 5 (permanent failure).'),
      ),
    );
  }
  return [
    breadcrumb(h('a', { href: `#/codes#s${sub}` }, `X.${sub}.x`), shown),
    h('h1', { tabindex: '-1', class: 'code-title' }, h('span', { class: 'big-code' }, shown), h('span', { class: 'title' }, title)),
    h('p', { class: 'badges' }, generic ? null : h('span', { class: `badge ${x.class?.digit === 5 ? 'bad' : x.class?.digit === 4 ? 'warn' : 'ok'}` }, x.class?.name ?? CLASS_WORDS[x.class?.digit] ?? ''), ' ', x.subject?.name ? h('span', { class: 'badge' }, x.subject.name) : null),
    section(
      'What it is',
      'code-what',
      h('p', null, x.detail?.description ?? 'This code is not in the IANA registry of enhanced status codes; some servers use it with their own meaning.'),
      x.reason ? h('p', null, 'Usual bounce reason: ', h('code', { class: 'reason' }, x.reason), '.') : null,
      x.detail?.reference ? h('p', { class: 'ref' }, 'Defined in ', x.detail.reference, '.') : null,
    ),
    section('Code breakdown', 'code-breakdown', breakdown),
    examplesSection(x.examples ?? []),
    x.advice ? adviceSections(x.advice) : fallbackAdvice(basicCodes, x.class?.digit),
    section(
      'Related codes',
      'code-related',
      h('h3', null, 'The same code in each class'),
      h('ul', { class: 'code-list inline' }, ['2', '4', '5'].map((c) => h('li', { class: c === classDigit ? 'current' : null }, codeLink(`${c}.${rest}`), ` ${CLASS_WORDS[c]}`))),
      basicCodes.length ? h('h3', null, 'Basic reply codes it is sent with') : null,
      basicCodes.length ? h('ul', { class: 'code-list inline' }, basicCodes.map((b) => h('li', null, codeLink(b)))) : null,
      siblings.length ? h('h3', null, `Other codes about ${x.subject?.name ?? `subject ${sub}`}`) : null,
      siblings.length ? h('ul', { class: 'code-list' }, siblings.map((e) => h('li', null, codeLink(e.code.replace(/^X/i, generic ? 'X' : classDigit)), ' ', e.title))) : null,
    ),
    section('The same in JavaScript', 'code-snippet', snippet({ fn: 'explain', args: JSON.stringify(generic ? `5.${rest}` : shown) }, [`r.detail.title; // ${JSON.stringify(x.detail?.title ?? null)}`, `r.reason;       // ${JSON.stringify(x.reason ?? null)}`])),
  ];
}

// ---------------------------------------------------------------------------------------------------
// The index of all codes.

const DIGIT_NAMES = { 1: 'Positive preliminary', 2: 'Positive completion', 3: 'Positive intermediate', 4: 'Transient negative completion', 5: 'Permanent negative completion' };

function renderCodesIndex(filter = '') {
  const view = $('view-codes');
  if (!pkg) return notLoaded(view);
  document.title = 'All SMTP reply codes and enhanced status codes: smtp-reply';
  const { basic, enhanced } = allCodes();
  if (typeof pkg.codes !== 'function') {
    view.replaceChildren(h('h1', { tabindex: '-1' }, 'All SMTP codes'), h('p', { class: 'note' }, 'This build of the package has no codes(): rebuild it with ', h('code', null, 'make pkg'), '.'));
    return;
  }
  const byDigit = new Map();
  for (const b of basic) {
    const d = Math.floor(b.code / 100);
    if (!byDigit.has(d)) byDigit.set(d, []);
    byDigit.get(d).push(b);
  }
  const bySubject = new Map();
  for (const e of enhanced) {
    const s = Number(e.code.split('.')[1]);
    if (!bySubject.has(s)) bySubject.set(s, []);
    bySubject.get(s).push(e);
  }
  const filterInput = h('input', { id: 'code-filter', type: 'search', value: filter, placeholder: '421, 5.7.1, quota…', 'aria-controls': 'codes-lists' });
  const lists = h('div', { id: 'codes-lists' });
  const count = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const draw = () => {
    const q = filterInput.value.trim().toLowerCase();
    const match = (code, title) => !q || String(code).toLowerCase().includes(q) || String(title ?? '').toLowerCase().includes(q) || (q.length > 1 && /^[245]\./.test(q) && `x${String(code).slice(1)}`.toLowerCase().includes(`x${q.slice(1)}`));
    let shown = 0;
    const basicGroups = [...byDigit].map(([d, items]) => {
      const hits = items.filter((b) => match(b.code, b.title));
      shown += hits.length;
      return hits.length ? h('section', { class: 'code-group', id: `c${d}`, 'aria-labelledby': `c${d}-h` }, h('h3', { id: `c${d}-h` }, `${d}xx ${DIGIT_NAMES[d] ?? ''}`), h('ul', { class: 'code-list' }, hits.map((b) => h('li', null, codeLink(b.code), ' ', b.title ?? '')))) : null;
    });
    const enhancedGroups = [...bySubject].map(([s, items]) => {
      const hits = items.filter((e) => match(e.code, e.title));
      shown += hits.length;
      const name = optional('explain', `5.${s}.0`)?.subject?.name ?? `Subject ${s}`;
      return hits.length ? h('section', { class: 'code-group', id: `s${s}`, 'aria-labelledby': `s${s}-h` }, h('h3', { id: `s${s}-h` }, `X.${s}.x ${name}`), h('ul', { class: 'code-list' }, hits.map((e) => h('li', null, codeLink(e.code), ' ', e.title)))) : null;
    });
    count.textContent = q ? `${shown} codes match “${filterInput.value.trim()}”.` : `${basic.length} basic reply codes and ${enhanced.length} enhanced status codes.`;
    lists.replaceChildren(
      h('section', { class: 'card', 'aria-labelledby': 'basic-h' }, h('h2', { id: 'basic-h' }, 'Basic reply codes'), basicGroups.some(Boolean) ? basicGroups : h('p', null, 'No match.')),
      h('section', { class: 'card', 'aria-labelledby': 'enh-h' }, h('h2', { id: 'enh-h' }, 'Enhanced status codes'), h('p', { class: 'hint' }, 'X is the class: 2 success, 4 persistent transient failure, 5 permanent failure.'), enhancedGroups.some(Boolean) ? enhancedGroups : h('p', null, 'No match.')),
    );
  };
  filterInput.addEventListener('input', draw);
  view.replaceChildren(
    h('h1', { tabindex: '-1' }, 'All SMTP codes'),
    h('p', { class: 'lead' }, 'Every basic reply code (RFC 5321 and its extensions) and every enhanced status code of the IANA registry, each with its own page.'),
    h('div', { class: 'row' }, h('label', { for: 'code-filter' }, 'Filter codes'), filterInput),
    count,
    lists,
  );
  draw();
}

// ---------------------------------------------------------------------------------------------------
// Routing.

/** "#/codes?q=x#c4" → { path: "/codes", params: q=x, anchor: "c4" } (the anchor scrolls to a group). */
function parseHash() {
  let hash = location.hash.replace(/^#/, '');
  let anchor = null;
  const sharp = hash.indexOf('#');
  if (sharp >= 0) {
    anchor = hash.slice(sharp + 1);
    hash = hash.slice(0, sharp);
  }
  const [path, query = ''] = hash.split('?');
  return { path: path || '/', params: new URLSearchParams(query), anchor };
}

function explainHash() {
  const p = new URLSearchParams();
  if (textarea.value) p.set('text', textarea.value);
  if (commandSelect.value) p.set('cmd', commandSelect.value);
  const q = p.toString();
  return q ? `#/explain?${q}` : '#/';
}

function syncHash(push) {
  const target = explainHash();
  if (location.hash === target || (!location.hash && target === '#/')) return;
  history[push ? 'pushState' : 'replaceState'](null, '', target);
}

let lastView = null;

function show(viewId) {
  for (const id of ['view-explain', 'view-code', 'view-codes']) $(id).hidden = id !== viewId;
  $('nav-explain').toggleAttribute('aria-current', viewId === 'view-explain');
  $('nav-codes').toggleAttribute('aria-current', viewId === 'view-codes');
  if ($('nav-explain').hasAttribute('aria-current')) $('nav-explain').setAttribute('aria-current', 'page');
  if ($('nav-codes').hasAttribute('aria-current')) $('nav-codes').setAttribute('aria-current', 'page');
}

function route(initial = false) {
  const { path, params, anchor } = parseHash();
  let viewId;
  const code = /^\/code\/(.+)$/.exec(path);
  if (code) {
    viewId = 'view-code';
    show(viewId);
    renderCodePage(decodeURIComponent(code[1]));
  } else if (path === '/codes') {
    viewId = 'view-codes';
    show(viewId);
    renderCodesIndex(params.get('q') ?? '');
  } else {
    viewId = 'view-explain';
    show(viewId);
    document.title = 'smtp-reply: explain any SMTP reply';
    const text = params.get('text');
    const cmd = params.get('cmd') ?? '';
    if (text !== null && text !== textarea.value) textarea.value = text;
    if (cmd !== commandSelect.value) commandSelect.value = [...commandSelect.options].some((o) => o.value === cmd) ? cmd : '';
    if (initial && text === null && !textarea.value) {
      const first = EXAMPLES[0];
      textarea.value = first.text;
    }
    if (pkg) explainNow();
    else if (loadError) packageMissing(result);
  }
  const target = anchor && document.getElementById(anchor);
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView();
  } else if (!initial && viewId !== lastView) {
    window.scrollTo(0, 0);
    const h1 = $(viewId).querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
    }
  }
  lastView = viewId;
}

// ---------------------------------------------------------------------------------------------------
// Start.

fillExamples();
textarea.addEventListener('input', () => {
  exampleSelect.value = '';
  explainNow();
  syncHash(false);
});
commandSelect.addEventListener('change', () => {
  explainNow();
  syncHash(false);
});
exampleSelect.addEventListener('change', () => {
  const ex = EXAMPLES[Number(exampleSelect.value)];
  if (!ex) return;
  textarea.value = ex.text;
  commandSelect.value = ex.command ?? '';
  explainNow();
  syncHash(true);
});
$('clear').addEventListener('click', () => {
  textarea.value = '';
  commandSelect.value = '';
  exampleSelect.value = '';
  explainNow();
  syncHash(true);
  textarea.focus();
});
$('copy-link').addEventListener('click', (ev) => {
  syncHash(false);
  const url = location.hash ? location.href : `${location.href.replace(/#.*$/, '')}${explainHash()}`;
  copyText(url, ev.currentTarget, 'Link copied: it opens this page with the same text.');
});
$('explain-form').addEventListener('submit', (ev) => ev.preventDefault());
window.addEventListener('hashchange', () => route(false));

route(true);
const loadMs = await loadPackage();
if (pkg) {
  route(true);
  const firstShown = performance.now();
  $('timing').textContent = `WebAssembly loaded in ${Math.round(loadMs)} ms; first view ready ${Math.round(firstShown)} ms after the page started loading.`;
  document.documentElement.dataset.ready = 'true';
} else {
  status.textContent = 'The parser could not be loaded.';
  packageMissing(result);
  if (lastView !== 'view-explain') packageMissing($(lastView));
  document.documentElement.dataset.ready = 'error';
}
