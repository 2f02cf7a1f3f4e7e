// The breakdown of a text with many replies (a day's log, a batch of bounces): how many failed for
// each reason, what to do about them, which receivers said so and with which codes. An operator
// pastes a log to learn what went wrong most, not to read a card per line.
import { h } from './dom.js';
import { ACTION } from './words.js';

/** Counts `key` in a Map, for the tallies of a group. */
function tally(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A Map's entries, most counted first (ties in first-seen order). */
function byCount(map) {
  return [...map].sort((a, b) => b[1] - a[1]);
}

/**
 * The replies grouped by reason, largest group first (ties by name): for each, the count, how many
 * are hard bounces, and tallies of actions, providers (`null` when none was recognised) and codes.
 */
export function breakdown(found) {
  const groups = new Map();
  for (const r of found) {
    let g = groups.get(r.reason);
    if (!g) {
      g = { reason: r.reason, count: 0, hard: 0, actions: new Map(), providers: new Map(), codes: new Map() };
      groups.set(r.reason, g);
    }
    g.count++;
    if (r.hard) g.hard++;
    tally(g.actions, r.action);
    tally(g.providers, r.provider?.name ?? null);
    tally(g.codes, [r.code, r.enhanced].filter(Boolean).join(' ') || null);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason)));
}

/**
 * "Google ×3, Microsoft ×1": a tally as words (without counts when it has one entry: the group's
 * count is its count), the uncounted (`null`) named by `none`, the rest cut after `max`.
 */
function tallyText(map, none, max = 3) {
  const entries = byCount(map);
  const shown = entries.slice(0, max).map(([k, n]) => `${k ?? none}${map.size > 1 ? ` ×${n}` : ''}`);
  if (entries.length > max) shown.push(`${entries.length - max} more`);
  return shown.join(', ');
}

/**
 * The breakdown table; `picked` is the reason whose replies are shown alone (or null), and
 * `onPick(reason)` shows those (`null`: all again). With one reason there is nothing to pick.
 */
export function renderBreakdown(found, picked, onPick) {
  const groups = breakdown(found);
  const pct = (n) => `${Math.round((100 * n) / found.length)}%`;
  return h(
    'section',
    { class: 'card', id: 'breakdown', 'aria-labelledby': 'breakdown-h' },
    h('h2', { id: 'breakdown-h' }, 'Breakdown by reason'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'lines breakdown' },
        h('caption', null, `${found.length} replies, ${groups.length} reason${groups.length === 1 ? '' : 's'}`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Reason', 'Cards', 'Replies', 'What to do', 'Answered by', 'Codes'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          null,
          groups.map((g) =>
            h(
              'tr',
              { class: 'breakdown-row', 'data-reason': g.reason },
              h(
                'th',
                { scope: 'row' },
                h('code', null, g.reason),
                g.hard ? h('span', { class: 'hint' }, g.hard === g.count ? ' (hard)' : ` (${g.hard} hard)`) : null,
              ),
              // The cards of this reason alone (nothing to pick with one reason): next to the
              // reason, so that a narrow screen shows it without scrolling the table, and in a
              // cell of its own, so that the row's header is the reason alone.
              h(
                'td',
                null,
                groups.length < 2
                  ? null
                  : h(
                      'button',
                      {
                        type: 'button',
                        class: 'small pick',
                        'aria-pressed': String(picked === g.reason),
                        onclick: () => onPick(picked === g.reason ? null : g.reason),
                      },
                      'Show only',
                      h('span', { class: 'visually-hidden' }, ` the ${g.reason} replies`),
                    ),
              ),
              h('td', { class: 'count' }, `${g.count} `, h('span', { class: 'hint' }, `(${pct(g.count)})`)),
              h(
                'td',
                null,
                byCount(g.actions).map(([a, n]) => {
                  const act = ACTION[a] ?? ['', a];
                  return [h('span', { class: `badge ${act[0]}` }, act[1]), g.actions.size > 1 ? ` ×${n} ` : ' '];
                }),
              ),
              h('td', null, tallyText(g.providers, 'not recognised')),
              h('td', { class: 'codes' }, tallyText(g.codes, 'no code')),
            ),
          ),
        ),
      ),
    ),
  );
}
