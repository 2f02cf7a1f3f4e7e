// The extensions a multi-line reply to EHLO announces, one keyword per line after the greeting,
// read by the package's parseEhlo().
import { h } from './dom.js';

/** What the usual EHLO keywords announce (the page's own words; the RFC comes from the package). */
export const EXTENSIONS = {
  SIZE: 'Largest message it accepts',
  '8BITMIME': 'Accepts 8-bit message bodies',
  STARTTLS: 'Can switch the connection to TLS',
  ENHANCEDSTATUSCODES: 'Replies carry enhanced status codes such as 5.1.1',
  PIPELINING: 'Commands may be sent in batches without waiting for each reply',
  CHUNKING: 'Accepts BDAT, the message sent in chunks',
  BINARYMIME: 'Accepts binary message bodies (with BDAT)',
  SMTPUTF8: 'Accepts UTF-8 addresses and headers',
  AUTH: 'SMTP authentication with these mechanisms',
  DSN: 'Sends delivery status notifications on request',
  REQUIRETLS: 'Can require TLS on every hop',
  DELIVERBY: 'Accepts a deadline for delivery',
  'MT-PRIORITY': 'Accepts message priorities',
  LIMITS: 'Announces its limits per transaction',
  ETRN: 'Can start a queue run for a domain',
  VRFY: 'Answers VRFY (address verification)',
  EXPN: 'Answers EXPN (list expansion)',
  HELP: 'Answers HELP',
};

export function sizeText(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return 'no fixed limit';
  return n >= 1048576 ? `${Math.round((n / 1048576) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}

/**
 * The extensions a multi-line 250 reply to EHLO announces, as the package's parseEhlo() reads
 * them; null for any other reply (or one whose lines do not all start with a keyword).
 */
export function ehloBlock(r, pkg) {
  const lines = r.lines ?? [];
  if (r.code !== 250 || lines.length < 2 || (r.command && r.command !== 'EHLO' && r.command !== 'LHLO')) return null;
  if (typeof pkg?.parseEhlo !== 'function') return null;
  let ehlo;
  try {
    ehlo = pkg.parseEhlo(r.replyText);
  } catch {
    return null;
  }
  if (!ehlo || !ehlo.extensions.every((e) => /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(e.keyword))) return null;
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'EHLO extensions' },
    h('p', null, 'Server: ', h('code', null, ehlo.domain), ehlo.greeting ? [' · greeting: ', h('code', null, ehlo.greeting)] : null),
    h(
      'table',
      { class: 'lines' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Extension'), h('th', { scope: 'col' }, 'Parameters'), h('th', { scope: 'col' }, 'What it means'))),
      h(
        'tbody',
        null,
        ehlo.extensions.map((e) => {
          const known = e.kind ? EXTENSIONS[e.kind] : null;
          const what = known ? `${known}${e.kind === 'SIZE' ? `: ${sizeText(e.number)}` : ''}` : e.kind ? 'A standard extension' : null;
          const meaning = what ? `${what} (${e.rfc})` : e.keyword.toUpperCase().startsWith('X') ? 'A private, non-standard extension' : 'Not a common extension';
          return h('tr', null, h('td', null, h('code', null, e.keyword)), h('td', { class: 'line-text' }, e.params.join(' ') || '—'), h('td', null, meaning));
        }),
      ),
    ),
    h('p', { class: 'hint' }, 'In JavaScript, ', h('code', null, 'parseEhlo(text)'), ' gives the domain, the greeting, ', h('code', null, 'size'), ', ', h('code', null, 'auth'), ' and each extension.'),
  );
}
