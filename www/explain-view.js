// The explain view: classifies what was typed or pasted on every keystroke and shows the verdict,
// the code breakdown, the advice, the parsed lines, or the error with its position marked.
import { digitsBlock, enhancedBlock, snippet } from './blocks.js';
import { renderBreakdown } from './breakdown.js';
import { $, codeLink, h, list, safeUrl, section } from './dom.js';
import { ehloBlock } from './ehlo.js';
import { EXAMPLES } from './examples.js';
import { optional, pkg } from './library.js';
import { actionWords, approx, COMMAND, duration, SEVERITY, SOURCE, CATEGORY, timeText, words } from './words.js';

export const textarea = $('reply');
export const commandSelect = $('command');
export const exampleSelect = $('example');
export const result = $('result');
export const status = $('status');

export function fillExamples() {
  const groups = new Map();
  EXAMPLES.forEach((ex, i) => {
    if (!groups.has(ex.group)) groups.set(ex.group, h('optgroup', { label: ex.group }));
    groups.get(ex.group).append(h('option', { value: String(i) }, ex.label));
  });
  exampleSelect.append(...groups.values());
}

/**
 * How long one call takes: the first call (which also warms caches) is timed alone, then the call is
 * repeated for a few milliseconds because one warm call is below the timer's resolution: in five
 * windows of about a millisecond, whose median average counts, so that a garbage collection or a
 * compilation that pauses one window does not.
 */
export function measure(fn) {
  let t0 = performance.now();
  const value = fn();
  const first = performance.now() - t0;
  if (first > 50) return { value, first, each: first, runs: 1 };
  const averages = [];
  let runs = 0;
  for (let w = 0; w < 5; w++) {
    t0 = performance.now();
    let n = 0;
    let elapsed = 0;
    do {
      fn();
      n++;
      elapsed = performance.now() - t0;
    } while (elapsed < 1 && n < 400);
    averages.push(elapsed / n);
    runs += n;
  }
  averages.sort((a, b) => a - b);
  return { value, first, each: averages[2], runs };
}

/** Times the reply on view again and rewrites the status line; null when there is none. */
let retime = null;

/**
 * Runs classify() and parse() for a while in the background, a few milliseconds at a time, then
 * times the reply on view again. The engine compiles code better once it has run for a while (V8
 * tiers WebAssembly and JavaScript up), so the timing of a page's first view would show a cold
 * start, several times slower than what a program that calls the package often sees.
 */
export async function warmUp(ms = 100) {
  const calls = [
    () => pkg.classify(textarea.value || WARM_REPLY),
    () => pkg.parse(WARM_REPLY),
  ];
  for (const call of calls) {
    const end = performance.now() + ms;
    try {
      while (performance.now() < end) {
        const slice = Math.min(end, performance.now() + 10);
        while (performance.now() < slice) call();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch {
      // No reply in the text: nothing to time, and the next call is warmed all the same.
    }
  }
  retime?.();
}

const WARM_REPLY = '550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n';

export function classifyOptions() {
  return commandSelect.value ? { command: commandSelect.value } : undefined;
}

/** The strict parser's complaint about a reply, or null: it pinpoints what lenient classify() let pass. */
export function parseProblem(replyText) {
  if (typeof pkg.parse !== 'function' || !replyText) return null;
  try {
    pkg.parse(replyText);
    return null;
  } catch (e) {
    return e;
  }
}

/** Most replies the page splits a pasted session into before it leaves the splitting to classifyMany(). */
export const MAX_REPLIES = 200;

/**
 * Splits a pasted session into its replies with the strict parser (a multi-line reply stays one),
 * or null when the text is not a run of well-formed replies (log lines, a bounce, a typo).
 */
export function splitReplies(text) {
  if (typeof pkg.parse !== 'function') return null;
  const parts = [];
  let rest = text.replace(/^\s+/, '');
  while (rest) {
    if (parts.length === MAX_REPLIES) return null;
    let consumed;
    try {
      consumed = pkg.parse(rest).length;
    } catch {
      return null;
    }
    // `length` counts bytes; the string is indexed in UTF-16 units.
    const end = byteOffsetToIndex(rest, consumed);
    if (end <= 0) return null;
    parts.push(rest.slice(0, end).replace(/\s+$/, ''));
    rest = rest.slice(end).replace(/^\s+/, '');
  }
  return parts;
}

/**
 * "421 4.7.0: Retry later (badreputation)": the status line is what a screen reader announces while
 * the person types, so the verdict comes first and briefly.
 */
export function briefVerdict(r) {
  const code = [r.code, r.enhanced].filter(Boolean).join(' ') || 'No reply code';
  const todo = actionWords(r)?.[1] ?? words(SEVERITY, r.severity);
  return `${code}: ${todo}${named(r) ? ` (${r.reason})` : ''}`;
}

/**
 * The replies of a text that holds more than one, or null: a session split by the parser, else one
 * per line from classifyMany() (log lines), with the lines that held no reply apart. `many` is what
 * classifyMany() returned, for the snippet. `whole` is classify() of the whole text, when it worked.
 */
export function severalReplies(text, opts, whole = null) {
  const parts = splitReplies(text);
  if (parts) {
    if (parts.length < 2) return null;
    return { found: parts.map((p) => pkg.classify(p, opts)), skipped: [], many: optional('classifyMany', text, opts) };
  }
  if (typeof pkg.classifyMany !== 'function') return null;
  let many;
  try {
    many = pkg.classifyMany(text, opts);
  } catch {
    return null;
  }
  let found = many.filter((r) => !r.error);
  // Beside real replies, a line read by its words alone (a bounce notice's "the address
  // couldn't be found" above the server's reply) is not a reply of its own.
  if (found.some((r) => r.code !== null)) found = found.filter((r) => r.code !== null || r.enhanced !== null);
  if (repeatsOneReply(found, whole)) return null;
  return found.length > 1 ? { found, skipped: many.filter((r) => r.error), many } : null;
}

/**
 * Whether the replies found line by line are one failure that classify() read whole: a bounce notice
 * wraps the server's multi-line reply over indented lines ("550-5.1.1 …" on each, a card each), and a
 * whole bounce repeats it in its delivery-status part. A log of several bounces for the same reason
 * has a whole reply on each line ("550 5.1.1 <bob@…>", "550 5.1.1 <carol@…>"): those stay apart.
 */
export function repeatsOneReply(found, whole) {
  if (!whole || whole.code === null || found.length < 2) return false;
  const key = (r) => `${r.code} ${r.enhanced} ${r.reason}`;
  if (!found.every((r) => key(r) === key(whole))) return false;
  // A wrapped reply's pieces end in a continuation line ("550-5.1.1 …"): no whole reply of their own.
  const piece = (r) => /^\s*\d{3}-/.test(String(r.replyText ?? '').split('\n').pop());
  return found.some(piece) || found.every((r) => r.replyText === found[0].replyText);
}

/** "; parsing alone: 1.2 µs" for a reply the strict parser accepts (classify() also extracts and decides). */
export function parseTime(r) {
  if (!r?.replyText || typeof pkg.parse !== 'function' || typeof pkg.classify !== 'function') return '';
  try {
    return `; parsing alone: ${timeText(measure(() => pkg.parse(r.replyText)).each)}`;
  } catch {
    return '';
  }
}

export function explainNow() {
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
  // Several replies (a pasted session, or log lines): one card each.
  const many = fn === 'classify' ? severalReplies(text, opts, single) : null;
  const several = many !== null;
  const nodes = [];
  if (several) {
    nodes.push(renderMany(many.found, many.skipped, many.many, opts));
  } else if (error) {
    nodes.push(renderError(error, text));
  } else {
    // Only a bare reply is checked strictly: logs and bounces often join a reply's lines into one,
    // and a text with no reply line (.NET's, a client's own error, Python's code apart from its
    // words) has no reply to check.
    const bare = (single.source ?? 'reply') === 'reply' && single.code !== null && single.replyText.trimStart().startsWith(String(single.code));
    const problem = fn === 'classify' && bare ? parseProblem(single.replyText) : null;
    if (problem) nodes.push(renderError(problem, single.replyText, { besideResult: true }));
    nodes.push(renderClassification(single, text, opts));
  }
  retime = null;
  if (timing) {
    const verdict = several ? `${many.found.length} replies. ` : `${briefVerdict(single)}. `;
    const show = (t) => {
      const runs = t.runs > 1 ? ` (median of five timed windows, ${t.runs} runs; this text's first run took ${timeText(timing.first)})` : '';
      status.textContent = `${verdict}${fn === 'classify' ? 'Classified' : 'Parsed'} in ${timeText(t.each)}${runs}${parseTime(single)}.`;
    };
    show(timing);
    const call = () => (fn === 'classify' ? pkg.classify(text, opts) : pkg.parse(text));
    retime = () => {
      if (textarea.value === text) show(measure(call));
    };
  } else {
    status.textContent = 'No valid SMTP reply found: see the marked position below.';
  }
  result.replaceChildren(...nodes);
  showMarks(result);
}

/** Scrolls each long error line sideways so that its marked character is in view (not the page). */
export function showMarks(root) {
  for (const pre of root.querySelectorAll('.error-line')) {
    const mark = pre.querySelector('mark');
    if (!mark || pre.scrollWidth <= pre.clientWidth) continue;
    const left = mark.getBoundingClientRect().left - pre.getBoundingClientRect().left + pre.scrollLeft;
    pre.scrollLeft = Math.max(0, left - pre.clientWidth / 2);
  }
}

/** Cards shown for a text with many replies; the rest are counted. */
export const MAX_CARDS = 50;

/**
 * The snippet's lines for what classifyMany() really returns: one item per line of the text, an
 * `{ error, input }` item for a line without a reply, each line of a multi-line reply on its own.
 */
export function manySnippetLines(many) {
  if (!Array.isArray(many)) return [];
  const replies = many.map((r, i) => [r, i]).filter(([r]) => !r.error);
  const errors = many.length - replies.length;
  return [
    `// ${many.length} item${many.length === 1 ? '' : 's'}, one per line${errors ? `; ${errors} line${errors === 1 ? '' : 's'} without a reply give { error, input }` : ''}`,
    ...replies.slice(0, 10).map(([r, i]) => `r[${i}].code, r[${i}].action; // ${r.code}, ${JSON.stringify(r.action)}`),
    replies.length > 10 ? `// … and ${replies.length - 10} more` : null,
  ].filter(Boolean);
}

export function renderMany(found, skipped, many, opts) {
  // The breakdown, then the cards: all of them, or those of the reason picked in the breakdown.
  // The lead stays the same element, so that a screen reader announces what it says next.
  const top = h('div', null);
  const lead = h('p', { class: 'lead', 'aria-live': 'polite' });
  const cards = h('div', { class: 'reply-cards' });
  // `focus`: the reason whose button keeps the focus once the table is drawn again.
  const draw = (picked, focus = null) => {
    const shown = picked === null ? found : found.filter((r) => r.reason === picked);
    top.replaceChildren(renderBreakdown(found, picked, (reason) => draw(reason, reason ?? picked)));
    lead.replaceChildren(
      ...(picked === null
        ? [`${found.length} replies found${found.length > MAX_CARDS ? `; the first ${MAX_CARDS} are shown` : ''}.`]
        : [
            `Showing the ${shown.length} ${picked} repl${shown.length === 1 ? 'y' : 'ies'} of ${found.length}${shown.length > MAX_CARDS ? `, the first ${MAX_CARDS}` : ''}. `,
            h('button', { type: 'button', class: 'small show-all', onclick: () => draw(null, picked) }, 'Show all'),
          ]),
    );
    cards.replaceChildren(
      ...shown.slice(0, MAX_CARDS).map((r, i) => {
        const act = actionWords(r) ?? ['', r.action, ''];
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
          renderClassification(r, r.replyText, opts, true),
        );
      }),
    );
    if (focus !== null) {
      for (const row of top.querySelectorAll('tr.breakdown-row')) {
        if (row.dataset.reason === focus) row.querySelector('button')?.focus();
      }
    }
  };
  draw(null);
  return h(
    'div',
    { class: 'many' },
    top,
    lead,
    cards,
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
        { fn: 'classifyMany', args: [JSON.stringify(textarea.value), opts?.command && `{ command: ${JSON.stringify(opts.command)} }`].filter(Boolean).join(', ') },
        manySnippetLines(many),
      ),
    ),
  );
}

/** Whose advice a classification gives (`adviceFrom`): the reason's, or the enhanced or basic code's own. */
export function adviceFrom(r) {
  const whose = {
    reason: r.reason === NO_REASON ? ['a failure whose reason the text does not name'] : ['the reason ', h('code', null, r.reason)],
    enhancedCode: ['the enhanced code ', h('code', null, r.enhanced)],
    replyCode: ['the reply code ', h('code', null, String(r.code))],
  }[r.adviceFrom];
  return whose ? h('p', { class: 'hint advice-from' }, 'This advice is written for ', ...whose, '.') : null;
}

/** Converts the byte offset the parser reports into an index into the JavaScript string. */
export function byteOffsetToIndex(text, offset) {
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
export function renderError(err, text, { besideResult = false, id = besideResult ? 'reply-problem' : 'parse-error' } = {}) {
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
      // Focusable, so that a keyboard can scroll a long line; it opens scrolled to the mark.
      { class: 'error-line', tabindex: '0', role: 'region', 'aria-label': `Line ${lineNo} with the error marked at column ${column}` },
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

/** The taxonomy's reason for a failure whose words name none. */
export const NO_REASON = 'undefined';

/**
 * Whether the reply has a reason worth naming: not `undefined`, nor the `delivered` of an
 * intermediate reply (`354 Go ahead`: nothing is delivered yet, the client goes on).
 */
function named(r) {
  return Boolean(r.reason) && r.reason !== NO_REASON && r.action !== 'continue';
}

/** The reason as code (`userunknown`), or words when there is none to name. */
export function reasonText(r) {
  if (named(r)) return h('code', { class: 'reason' }, r.reason);
  return r.code !== null && r.code < 400 ? 'None: this reply is not a failure.' : 'Not recognised from the text.';
}

export function retryText(r) {
  if (!r.retryDelay) return null;
  const { seconds, stated } = r.retryDelay;
  return stated
    ? `Retry in ${duration(seconds)}: the server said so.`
    : `Retry in about ${duration(seconds)} (recommended; the server gave no delay).`;
}

/**
 * The delays before the retries after the one "Retry in" states (attempt 1 is the first send, 2 the
 * first retry), until the schedule gives up. Only for "Retry later": a reply to fix first (bad
 * credentials, a block) or not to retry must not be retried on a timer.
 */
export function retrySchedule(r) {
  if (typeof pkg.retryDelay !== 'function' || !r.retryable) return null;
  if ('action' in r && r.action !== 'retry') return null;
  const steps = [];
  const from = retryText(r) ? 3 : 2;
  let attempt = from;
  for (; attempt <= 60; attempt++) {
    const s = optional('retryDelay', r, attempt);
    if (s === null || s === undefined) break;
    steps.push(s);
  }
  if (steps.length < 2) return null;
  const total = steps.reduce((a, b) => a + b, 0);
  const shown = steps.slice(0, 6).map(approx).join(' → ');
  const more = from === 3 ? ' more' : '';
  return h(
    'p',
    { class: 'schedule' },
    `If ${from === 3 ? 'that retry fails too' : 'it keeps failing'}, wait about ${shown}${steps.length > 6 ? ' → …' : ''} between attempts; `,
    attempt <= 60 ? `give up after ${steps.length}${more} retries (about ${approx(total)}${more}).` : 'keep the schedule.',
  );
}

/** Rows of the parsed-lines table; a longer reply says how many were left out. */
export const MAX_TABLE_LINES = 200;

export function renderClassification(r, text, opts, compact = false) {
  const ex = r.explanation ?? {};
  const en = r.enhancedExplanation;
  // A parse() result (package without classify()) has no reason, provider or action.
  const classified = 'action' in r;
  const act = actionWords(r) ?? (classified ? ['', r.action, ''] : ['', words(SEVERITY, r.severity), '']);
  const negative = r.code >= 400 && classified;
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', null, 'Severity'),
    h('dd', null, words(SEVERITY, r.severity)),
    h('dt', null, 'Category'),
    h('dd', null, words(CATEGORY, r.category)),
    classified ? h('dt', null, 'Reason') : null,
    classified ? h('dd', null, reasonText(r)) : null,
    classified ? h('dt', null, 'Provider') : null,
    classified ? h('dd', null, r.provider ? r.provider.name : 'Not recognised') : null,
    negative ? h('dt', null, 'Hard or soft') : null,
    // `hard` says whether the address itself is bad, not whether the failure is temporary: a soft
    // bounce may still be permanent for this message (a block, bad credentials, "do not retry").
    negative ? h('dd', null, r.hard ? h('span', { class: 'badge bad' }, 'Hard bounce') : h('span', { class: 'badge warn' }, 'Soft bounce'), r.hard ? ': the address is bad; stop sending to it.' : ': the address itself may be fine; the action above says what to do.') : null,
    r.command ? h('dt', null, 'Command answered') : null,
    r.command ? h('dd', null, COMMAND[r.command] ?? h('code', null, r.command)) : null,
    classified ? h('dt', null, 'Found in') : null,
    classified ? h('dd', null, r.code === null && r.source === 'reply' ? 'the text itself (no reply code in it)' : words(SOURCE, r.source ?? 'reply')) : null,
  );
  const summary = h(
    'section',
    { class: `card verdict ${act[0]}`, 'aria-labelledby': compact ? null : 'verdict-h' },
    h(
      'h2',
      { id: compact ? null : 'verdict-h', class: 'verdict-title' },
      r.code === null ? null : h('span', { class: 'big-code main-code' }, String(r.code)),
      r.enhanced ? h('span', { class: 'big-code enh' }, r.enhanced) : null,
      h('span', { class: 'title' }, ex.title ?? en?.detail?.title ?? (r.code === null ? 'No reply: the sender’s own words' : 'Reply')),
    ),
    h('p', { class: 'todo' }, h('span', { class: `badge ${act[0]}` }, act[1]), ' ', act[2]),
    classified ? null : h('p', { class: 'note' }, 'This build of the package has no classify(): showing what parse() returns (no reason, provider or retry advice).'),
    retryText(r) ? h('p', { class: 'retry' }, h('strong', null, retryText(r))) : null,
    retrySchedule(r),
    r.advice?.summary ? h('p', { class: 'advice-summary' }, r.advice.summary) : null,
    adviceFrom(r),
    facts,
  );
  const warnings = [];
  if (r.mixedCodes) warnings.push('The lines of this reply carry different codes; the first line’s code was used.');
  if (r.classMismatch) warnings.push(`The enhanced code ${r.enhanced} does not agree with the class of ${r.code}.`);

  const lines = r.lines ?? [];
  // A huge paste must not freeze the page: the table shows the first lines only.
  const shownLines = lines.slice(0, MAX_TABLE_LINES);
  const linesTable =
    lines.length > 0
      ? h(
          'div',
          { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Parsed lines' },
          h(
            'table',
            { class: 'lines parsed-lines' },
            h('caption', null, `${lines.length} line${lines.length === 1 ? '' : 's'}${lines.length > shownLines.length ? `, the first ${shownLines.length} shown` : ''}`),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Enhanced'), h('th', { scope: 'col' }, 'Text'), h('th', { scope: 'col', class: 'wide-only' }, 'Offset'))),
            h(
              'tbody',
              null,
              shownLines.map((l, i) =>
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
    // Without a code, what the log line holds is the sending server's own words, not a reply.
    const found = r.code === null && !r.enhanced ? `The sending server’s own words in ${words(SOURCE, r.source)}` : `Reply found in ${words(SOURCE, r.source)}`;
    out.push(section(found, compact ? null : 'extracted', h('pre', { class: 'reply-text' }, r.replyText)));
  }
  out.push(
    r.code === null
      ? section('Code breakdown', compact ? null : 'breakdown', h('p', null, r.enhanced ? 'The text has no basic reply code (such as 550); it was read from its enhanced status code.' : 'No reply code was found in the text; the verdict comes from its words alone.'))
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
  const ehlo = ehloBlock(r, pkg);
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
      moreLinks.length ? h('p', null, 'On this site: ', moreLinks.flatMap((l, i) => (i ? [' · ', l] : [l]))) : null,
    ),
  );
  if (linesTable) out.push(section('Parsed lines', compact ? null : 'lines', linesTable));
  else if (r.code === null) {
    const from = r.enhanced && r.source !== 'reply' ? ` The enhanced code ${r.enhanced} comes from ${words(SOURCE, r.source)} itself.` : '';
    out.push(section('Parsed lines', compact ? null : 'lines', h('p', null, `There is no reply to split into lines: no server answered with a reply code, only the sender’s own words.${from}`)));
  } else if (r.source && r.source !== 'reply') {
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
