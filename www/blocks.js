// Pieces shared by the explain view and the code pages: digit breakdowns and the JavaScript snippet.
import { copyText } from './copy.js';
import { h } from './dom.js';

export function digitsBlock(explanation) {
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
export function enhancedParts(e) {
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

export function enhancedBlock(e, label = e?.code) {
  if (!e) return null;
  return h('ol', { class: 'digits enhanced', 'aria-label': `Parts of ${label}` }, enhancedParts(e));
}

export function snippet(call, comments) {
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
