// The extensions a multi-line reply to EHLO announces, one keyword per line after the greeting.
import { h } from './dom.js';

/** What the usual EHLO keywords announce (the page's own words). */
export const EXTENSIONS = {
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

export function sizeText(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n <= 0) return 'no fixed limit';
  return n >= 1048576 ? `${Math.round((n / 1048576) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** The extensions a multi-line 250 reply to EHLO announces, one per line after the greeting. */
export function ehloBlock(r) {
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
