// A page for every code: #/code/421, #/code/4.7.0 and #/code/X.7.1 (an enhanced code in any class).
import { digitsBlock, enhancedBlock, snippet } from './blocks.js';
import { copyText } from './copy.js';
import { $, codeLink, explainHref, h, list, section } from './dom.js';
import { allCodes, notLoaded, optional, pkg } from './library.js';
import { CATEGORY, CLASS_WORDS, SEVERITY, words } from './words.js';

let usedWith = null;

/** Enhanced codes whose registry entry names a basic code, keyed by that basic code. */
export function enhancedUsedWith() {
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

/** Copies the link of the page being shown. */
export function copyLinkButton() {
  return h('button', { type: 'button', class: 'small copy-page-link', onclick: (ev) => copyText(location.href, ev.currentTarget, 'Link to this page copied.') }, 'Copy link');
}

export function renderCodePage(code) {
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

export function breadcrumb(...items) {
  return h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('ol', null, h('li', null, h('a', { href: '#/codes' }, 'All codes')), items.map((i) => h('li', null, i))),
  );
}

export function examplesSection(examples, command) {
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

export function adviceSections(advice) {
  return h(
    'div',
    { class: 'two-col' },
    section('Common causes', 'code-causes', list(advice?.causes) ?? h('p', null, 'None recorded for this code.')),
    section('How to fix', 'code-fixes', list(advice?.fixes) ?? h('p', null, 'None recorded for this code.')),
  );
}

/**
 * An enhanced code's advice (every code has some: its own, its usual bounce reason's or its class's,
 * as `adviceFrom` says), saying whose it is when it is not the code's own.
 */
export function enhancedAdvice(x) {
  const digit = x.class?.digit;
  const whose = {
    reason: ['its usual bounce reason, ', h('code', { class: 'reason' }, x.reason), '.'],
    class: [`any ${digit}.x.x code (${String(CLASS_WORDS[digit] ?? '').toLowerCase()}).`],
  }[x.adviceFrom];
  return h(
    'div',
    null,
    whose ? h('p', { class: 'hint code-advice-from' }, 'Nothing specific to this code is recorded; this is the advice for ', ...whose) : null,
    adviceSections(x.advice),
  );
}

export function basicPage(x) {
  const title = x.title ?? 'Code without a standard meaning';
  document.title = `${x.code} ${title}: SMTP reply code explained`;
  const basics = allCodes().basic;
  const i = basics.findIndex((b) => b.code === x.code);
  const prev = i > 0 ? basics[i - 1] : null;
  const next = i >= 0 && i < basics.length - 1 ? basics[i + 1] : null;
  const sameClass = basics.filter((b) => Math.floor(b.code / 100) === Math.floor(x.code / 100) && b.code !== x.code);
  const enh = enhancedUsedWith().get(x.code) ?? [];
  const defs = x.definitions ?? [];
  const digit = Math.floor(x.code / 100);
  // The index has a group only for a first digit with known codes (no 1xx, 6xx, 9xx).
  const group = basics.some((b) => Math.floor(b.code / 100) === digit) ? h('a', { href: `#/codes#c${digit}` }, `${digit}xx`) : `${digit}xx`;
  return [
    breadcrumb(group, String(x.code)),
    h('h1', { tabindex: '-1', class: 'code-title' }, h('span', { class: 'big-code' }, String(x.code)), h('span', { class: 'title' }, title)),
    h('p', { class: 'badges' }, h('span', { class: `badge ${x.code >= 500 ? 'bad' : x.code >= 400 ? 'warn' : 'ok'}` }, words(SEVERITY, x.severity)), ' ', h('span', { class: 'badge' }, words(CATEGORY, x.category)), ' ', copyLinkButton()),
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
      sameClass.length ? h('h3', null, `Other ${digit}xx codes`) : null,
      sameClass.length ? h('ul', { class: 'code-list' }, sameClass.map((b) => h('li', null, codeLink(b.code), ' ', b.title ?? ''))) : null,
      enh.length || sameClass.length ? null : h('p', null, `No known code starts with ${digit}: see `, h('a', { href: '#/codes' }, 'all codes'), '.'),
      h('p', { class: 'prev-next' }, prev ? ['← ', codeLink(prev.code)] : null, prev && next ? ' · ' : null, next ? [codeLink(next.code), ' →'] : null),
    ),
    section('The same in JavaScript', 'code-snippet', snippet({ fn: 'explain', args: String(x.code) }, [`r.title;    // ${JSON.stringify(x.title)}`, `r.severity; // ${JSON.stringify(x.severity)}`, `r.digits;   // [{ digit: ${x.digits?.[0]?.digit}, name: ${JSON.stringify(x.digits?.[0]?.name)}, ... }, ...]`])),
  ];
}

export function enhancedPage(x, shown, generic) {
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
    breadcrumb(allCodes().enhanced.some((e) => e.code.split('.')[1] === String(sub)) ? h('a', { href: `#/codes#s${sub}` }, `X.${sub}.x`) : `X.${sub}.x`, shown),
    h('h1', { tabindex: '-1', class: 'code-title' }, h('span', { class: 'big-code' }, shown), h('span', { class: 'title' }, title)),
    h('p', { class: 'badges' }, generic ? null : h('span', { class: `badge ${x.class?.digit === 5 ? 'bad' : x.class?.digit === 4 ? 'warn' : 'ok'}` }, x.class?.name ?? CLASS_WORDS[x.class?.digit] ?? ''), ' ', x.subject?.name ? h('span', { class: 'badge' }, x.subject.name) : null, ' ', copyLinkButton()),
    section(
      'What it is',
      'code-what',
      h('p', null, x.detail?.description ?? 'This code is not in the IANA registry of enhanced status codes; some servers use it with their own meaning.'),
      // A code outside the registry with advice of its own (Microsoft's 5.7.708): what it says.
      !x.detail?.description && x.adviceFrom === 'code' ? h('p', { class: 'code-own-meaning' }, x.advice.summary) : null,
      x.reason ? h('p', null, 'Usual bounce reason: ', h('code', { class: 'reason' }, x.reason), '.') : null,
      x.detail?.reference ? h('p', { class: 'ref' }, 'Defined in ', x.detail.reference, '.') : null,
    ),
    section('Code breakdown', 'code-breakdown', breakdown),
    examplesSection(x.examples ?? []),
    enhancedAdvice(x),
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
    section('The same in JavaScript', 'code-snippet', snippet({ fn: 'explain', args: JSON.stringify(generic ? `5.${rest}` : shown) }, [`r.detail.title; // ${JSON.stringify(x.detail?.title ?? null)}`, `r.reason;       // ${JSON.stringify(x.reason ?? null)}`, `r.adviceFrom;   // ${JSON.stringify(x.adviceFrom ?? null)}`])),
  ];
}
