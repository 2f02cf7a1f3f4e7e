// The index of all codes (#/codes), grouped by first digit and by subject, with a filter.
import { $, codeLink, h } from './dom.js';
import { allCodes, notLoaded, optional, pkg } from './library.js';
import { DIGIT_NAMES } from './words.js';

let searchText = null;

/**
 * What the filter searches for each code, lower-cased: the code, its title, and the words of its
 * description and advice (so "quota" finds the mailbox-full codes). Built once.
 */
export function codeSearchText() {
  if (searchText) return searchText;
  searchText = new Map();
  const words = (x) => [x?.title, x?.detail?.title, x?.detail?.description, ...(x?.definitions ?? []).map((d) => d.meaning), x?.advice?.summary, ...(x?.advice?.causes ?? []), ...(x?.advice?.fixes ?? [])];
  const { basic, enhanced } = allCodes();
  for (const b of basic) searchText.set(String(b.code), [b.code, b.title, ...words(optional('explain', b.code))].filter(Boolean).join(' ').toLowerCase());
  for (const e of enhanced) {
    const x = optional('explain', e.code.replace(/^X/i, '5')) ?? optional('explain', e.code.replace(/^X/i, '4')) ?? optional('explain', e.code.replace(/^X/i, '2'));
    searchText.set(e.code, [e.code, e.title, ...words(x)].filter(Boolean).join(' ').toLowerCase());
  }
  return searchText;
}

export function renderCodesIndex(filter = '') {
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
  // The bounce reasons classify() names, from reasons() (a build without it lists none).
  const reasons = optional('reasons') ?? [];
  const reasonWords = (r) => [r.reason, r.advice.summary, ...r.advice.causes, ...r.advice.fixes].join(' ').toLowerCase();
  const filterInput = h('input', { id: 'code-filter', type: 'search', value: filter, placeholder: '421, 5.7.1, quota…', 'aria-controls': 'codes-lists' });
  const lists = h('div', { id: 'codes-lists' });
  const count = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const draw = () => {
    const q = filterInput.value.trim().toLowerCase();
    const match = (code, title) =>
      !q ||
      String(code).toLowerCase().includes(q) ||
      String(title ?? '').toLowerCase().includes(q) ||
      // Words only: a number such as 421 finds that code, not every page that mentions it.
      (/[a-z]/.test(q) && (codeSearchText().get(String(code)) ?? '').includes(q)) ||
      (q.length > 1 && /^[245]\./.test(q) && `x${String(code).slice(1)}`.toLowerCase().includes(`x${q.slice(1)}`));
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
    const reasonHits = reasons.filter((r) => !q || (/[a-z]/.test(q) && reasonWords(r).includes(q)));
    count.textContent = q
      ? `${shown} codes match “${filterInput.value.trim()}”${reasons.length ? `, and ${reasonHits.length} bounce reason${reasonHits.length === 1 ? '' : 's'}` : ''}.`
      : `${basic.length} basic reply codes and ${enhanced.length} enhanced status codes${reasons.length ? `; ${reasons.length} bounce reasons` : ''}.`;
    const reasonItem = (r) =>
      h(
        'li',
        null,
        h('code', { class: 'reason' }, r.reason),
        ' ',
        r.bounce ? h('span', { class: `badge ${r.hard ? 'bad' : 'warn'}` }, r.hard ? 'hard' : 'soft') : h('span', { class: 'badge ok' }, 'no bounce'),
        ' ',
        r.advice.summary,
      );
    lists.replaceChildren(
      h('section', { class: 'card', 'aria-labelledby': 'basic-h' }, h('h2', { id: 'basic-h' }, 'Basic reply codes'), basicGroups.some(Boolean) ? basicGroups : h('p', null, 'No match.')),
      h('section', { class: 'card', 'aria-labelledby': 'enh-h' }, h('h2', { id: 'enh-h' }, 'Enhanced status codes'), h('p', { class: 'hint' }, 'X is the class: 2 success, 4 persistent transient failure, 5 permanent failure.'), enhancedGroups.some(Boolean) ? enhancedGroups : h('p', null, 'No match.')),
      reasons.length
        ? h(
            'section',
            { class: 'card', id: 'reasons', 'aria-labelledby': 'reasons-h' },
            h('h2', { id: 'reasons-h' }, 'Bounce reasons'),
            h('p', { class: 'hint' }, 'Why a message failed, as classify() names it (sisimai’s taxonomy). A hard bounce means the address itself is bad.'),
            reasonHits.length ? h('ul', { class: 'code-list reason-list' }, reasonHits.map(reasonItem)) : h('p', null, 'No match.'),
          )
        : null,
    );
  };
  filterInput.addEventListener('input', () => {
    draw();
    // The filter is part of the link, like everything else on the page.
    const q = filterInput.value.trim();
    history.replaceState(null, '', q ? `#/codes?${new URLSearchParams({ q })}` : '#/codes');
  });
  view.replaceChildren(
    h('h1', { tabindex: '-1' }, 'All SMTP codes'),
    h('p', { class: 'lead' }, 'Every basic reply code (RFC 5321 and its extensions) and every enhanced status code of the IANA registry, each with its own page, and the bounce reasons a reply is classified into.'),
    h('div', { class: 'row' }, h('label', { for: 'code-filter' }, 'Filter codes'), filterInput),
    count,
    lists,
  );
  draw();
}
