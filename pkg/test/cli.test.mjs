// The command-line tool, run as a user runs it after installing the package.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(app, 'node_modules', '.bin', 'smtp-reply');

function run(args, input) {
  return spawnSync(bin, args, { cwd: app, input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

test('cli: explains a reply for a person', () => {
  const r = run(['550 5.1.1 The email account that you tried to reach does not exist. - gsmtp']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /userunknown/);
  assert.match(r.stdout, /Google/);
  assert.match(r.stdout, /do not retry/);
  assert.match(r.stdout, /550 {2}\S/);
  // Whose advice it is: the reason's here, the enhanced code's own for a mail loop.
  assert.match(r.stdout, /\nWhat to do \(for the reason userunknown\)\n/);
  assert.match(run(['554 5.4.6 Message exceeded 50 hops']).stdout, /\nWhat to do \(for 5\.4\.6\)\n/);
});

test('cli: a bounce reason alone is explained with its advice; --json gives its reasons() entry', () => {
  const r = run(['MailboxFull']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^mailboxfull {2}\(soft bounce\)\n\nWhat to do\n {2}\S/);
  assert.match(r.stdout, /Fixes:\n {4}- /);
  assert.match(run(['userunknown']).stdout, /^userunknown {2}\(hard bounce\)/);
  assert.match(run(['vacation']).stdout, /^vacation {2}\(not a bounce\)/);
  const json = JSON.parse(run(['--json', 'ratelimited']).stdout);
  assert.deepEqual(Object.keys(json), ['reason', 'bounce', 'hard', 'advice']);
  assert.equal(json.reason, 'ratelimited');
  // Any other word is text to classify, as before.
  assert.equal(run(['mailboxfulll']).status, 2);
});

test('cli: the extensions of an EHLO reply, with their RFCs', () => {
  const r = run(['250-mx.example.com Hello\r\n250-SIZE 35882577\r\n250-X-EXPS GSSAPI\r\n250 STARTTLS']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\nEHLO: mx\.example\.com advertises\n {2}SIZE 35882577 {2}\(RFC 1870\)\n {2}X-EXPS GSSAPI\n {2}STARTTLS {7}\(RFC 3207\)\n/);
  // Not for the reply to another command.
  assert.doesNotMatch(run(['--command', 'RCPT', '250-a\r\n250 b']).stdout, /EHLO: /);
});

test('cli: a Postfix deferral with no reply is explained by its words and its dsn= code', () => {
  const words = 'status=deferred (connect to mx.example.org[192.0.2.25]:25: Connection refused)';
  const r = run([`postfix/smtp[2750]: 4C1D: to=<o@example.org>, relay=none, dsn=4.4.1, ${words}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^connect to mx\.example\.org\[192\.0\.2\.25\]:25: Connection refused\n/);
  assert.match(r.stdout, /Reason {4}networkerror/);
  assert.match(r.stdout, /retry later/);
  // Postfix's dsn= is the enhanced code; there is no basic code to explain.
  assert.match(r.stdout, /The codes\n {2}4\.4\.1 {2}No answer from host\n/);
  // Without dsn= there is no code at all, and no codes section.
  const bare = run([`postfix/smtp[2750]: 4C1D: to=<o@example.org>, relay=none, ${words}`]);
  assert.equal(bare.status, 0, bare.stderr);
  assert.match(bare.stdout, /Reason {4}networkerror/);
  assert.doesNotMatch(bare.stdout, /The codes/);
});

test('cli: the retry delay reads in whole units, stated or recommended', () => {
  for (const [reply, want] of [
    ['450 4.2.0 Greylisted for 60 seconds', 'Retry in  1 min (as the server asked)'],
    ['451 4.7.1 Please try again in 90 seconds', 'Retry in  90 s (as the server asked)'],
    ['421 4.7.0 Try again later', 'Retry in  30 min (recommended)'],
    ['550 5.4.5 Daily user sending limit exceeded.', 'Retry in  1 day (recommended)'],
  ]) {
    const r = run([reply]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes(`${want}\n`), `${reply}: ${r.stdout}`);
  }
});

test('cli: a complaint event is feedback: stop mailing the address, no bounce', () => {
  const r = run(['{"RecordType":"SpamComplaint","Email":"bob@example.com"}']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\nVerdict {3}a complaint report; do not mail this address again\n/);
  assert.match(r.stdout, /\nReason {4}feedback\n/);
  assert.doesNotMatch(r.stdout, /permanent failure|hard bounce|Retry in/);
  const json = JSON.parse(run(['--json', 'Feedback-Type: abuse']).stdout);
  assert.deepEqual([json.reason, json.action, json.hard, json.retryable, json.retryDelay], ['feedback', 'doNotRetry', false, false, null]);
});

test('cli: explains a code and an enhanced code', () => {
  const basic = run(['421']);
  assert.equal(basic.status, 0, basic.stderr);
  assert.match(basic.stdout, /^421 {2}\S/);
  const enhanced = run(['4.7.0']);
  assert.match(enhanced.stdout, /^4\.7\.0 /);
  assert.match(enhanced.stdout, /Persistent transient failure/);
  // Advice for every enhanced code, saying whose when it is not the code's own.
  assert.match(enhanced.stdout, /\nWhat to do \(as for any 4\.x\.x code\)\n {2}A temporary failure/);
  assert.match(run(['5.7.0']).stdout, /\nWhat to do \(as for its usual reason, securityerror\)\n/);
  assert.match(run(['5.7.23']).stdout, /\nWhat to do\n {2}\S*.*SPF/);
});

test('cli: --json prints the classify result', () => {
  const r = run(['--json', 'said: 452 4.2.2 Over quota (in reply to RCPT TO command)']);
  assert.equal(r.status, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c.reason, 'mailboxfull');
  assert.equal(c.command, 'RCPT');
  assert.equal(c.explanation.code, 452);
});

test('cli: bad input exits 2 with a message', () => {
  const r = run(['no reply here']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no SMTP reply/);
  assert.equal(run(['--bogus']).status, 2);
});

test('cli: --jsonl, one result per line, plain and JSON lines, 200k lines', () => {
  const kinds = [
    '550 5.1.1 User unknown',
    '{"text":"550 <bob@example.com>... User unknown","command":"DATA"}',
    '',
    'hello',
    '{"text":1}',
    '{"text":"451 4.7.1 Greylisted, try again in 5 minutes"}',
    '{"event":"bounce","email":"bob@example.com","reason":"550 5.1.1 User unknown","status":"5.1.1"}',
    '{"nope":1}',
  ];
  const lines = Array.from({ length: 200_000 }, (_, i) => kinds[i % kinds.length]);
  const r = run(['--jsonl'], lines.join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n');
  assert.equal(out.length, lines.length);
  const first = out.slice(0, kinds.length).map((l) => JSON.parse(l));
  assert.equal(first[0].reason, 'userunknown');
  assert.equal(first[0].explanation, undefined, 'no explanation without --full');
  assert.equal(first[1].reason, 'filtered');
  assert.equal(first[1].command, 'DATA');
  assert.equal(first[2].error.kind, 'empty');
  assert.equal(first[3].input, 'hello');
  assert.equal(first[4].error.kind, 'badInput');
  assert.equal(first[5].action, 'retry');
  // A JSON line without "text" is an event read whole: the reply in it is classified.
  assert.deepEqual([first[6].reason, first[6].replyText], ['userunknown', '550 5.1.1 User unknown']);
  assert.equal(first[7].error.kind, 'empty');
  assert.deepEqual(JSON.parse(out[out.length - 1]), first[(lines.length - 1) % kinds.length]);
  const full = run(['--jsonl', '--full'], '421 4.7.0 Try again later\n');
  assert.equal(JSON.parse(full.stdout).explanation.code, 421);
});

test('cli: --summary counts the replies of a log by reason, as --jsonl classifies its lines', () => {
  const said = (host, reply) => `Nov 30 10:00:00 mx postfix/smtp[1]: A1: to=<x@y>, relay=${host}[192.0.2.1]:25, status=bounced (host ${host}[192.0.2.1] said: ${reply} (in reply to RCPT TO command))`;
  const kinds = [
    said('gmail-smtp-in.l.google.com', '550-5.1.1 The email account that you tried to reach does not exist. - gsmtp'),
    said('mx.example.org', '550 5.1.1 <x@y>: Recipient address rejected: User unknown in local recipient table'),
    said('gmail-smtp-in.l.google.com', '452-4.2.2 The email account that you tried to reach is over quota. - gsmtp'),
    '421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints',
    'not a reply',
    '{"text":"550 <bob@example.com>... User unknown","command":"DATA"}',
    '{"text":1}',
    // Its advice is its code's (a mail loop), not its reason's (any network trouble).
    '554 5.4.6 Message exceeded 50 hops, this may indicate an email loop',
  ];
  // Unequal counts, in an order that is not the summary's.
  const lines = [];
  for (const [k, n] of [[2, 3], [0, 7], [3, 2], [1, 4], [4, 2], [5, 3], [6, 1], [7, 1]]) for (let i = 0; i < n; i++) lines.push(kinds[k]);
  const input = lines.join('\n') + '\n';
  // The counts the summary must give, from the per-line results.
  const results = run(['--jsonl'], input).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  const replies = results.filter((r) => !r.error);
  const want = new Map();
  for (const r of replies) want.set(r.reason, [...(want.get(r.reason) ?? []), r]);
  const order = [...want].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

  const json = run(['--summary', '--json'], input);
  assert.equal(json.status, 0, json.stderr);
  const s = JSON.parse(json.stdout);
  assert.deepEqual([s.lines, s.replies, s.withoutReply], [lines.length, replies.length, lines.length - replies.length]);
  assert.deepEqual(s.reasons.map((g) => [g.reason, g.count]), order.map(([reason, rs]) => [reason, rs.length]));
  for (const g of s.reasons) {
    const rs = want.get(g.reason);
    assert.equal(g.hard, rs.filter((r) => r.hard).length, g.reason);
    const count = (key) => {
      const m = new Map();
      for (const r of rs) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]);
    };
    assert.deepEqual(g.actions.map((a) => [a.action, a.count]), count((r) => r.action), g.reason);
    assert.deepEqual(g.providers.map((p) => [p.provider?.id ?? null, p.count]), count((r) => r.provider?.id ?? null), g.reason);
    assert.deepEqual(g.codes.map((c) => [c.code, c.count]), count((r) => [r.code, r.enhanced].filter(Boolean).join(' ')), g.reason);
  }
  // Some reason has two providers (Google's and Postfix's unknown users), some line its own command.
  assert.ok(s.reasons.some((g) => g.providers.length > 1));
  assert.ok(s.reasons.some((g) => g.reason === 'filtered'), 'the DATA line is filtered');

  // For a person: the totals, then a row per reason in the same order.
  const text = run(['--summary'], input);
  assert.equal(text.status, 0, text.stderr);
  const out = text.stdout.split('\n');
  assert.equal(out[0], `${lines.length} lines: ${replies.length} with a reply, ${lines.length - replies.length} without`);
  assert.match(out[2], /^reason +replies +share +what to do +answered by +codes$/);
  const rows = out.slice(3, 3 + order.length);
  assert.deepEqual(rows.map((r) => r.split(/\s+/)[0]), order.map(([reason]) => reason));
  const top = rows[0];
  assert.match(top, new RegExp(`\\s${order[0][1].length}\\s+${((100 * order[0][1].length) / replies.length).toFixed(1)}%`));
  assert.equal(out[3 + order.length], '');
  // Then, per failure in the same order, the advice most of its replies got and its first fix.
  const advice = text.stdout.split('What to do, reason by reason')[1].split('\n\n')[0].replace(/\n {4}/g, ' ').split('\n').slice(1);
  const failures = order.filter(([reason]) => reason !== 'delivered');
  assert.equal(advice.length, failures.length);
  failures.forEach(([reason, rs], k) => {
    const seen = new Map();
    for (const r of rs) seen.set(r.advice.summary, [(seen.get(r.advice.summary)?.[0] ?? 0) + 1, r.advice]);
    const [, a] = [...seen.values()].sort((x, y) => y[0] - x[0])[0];
    assert.ok(advice[k].startsWith(`  ${reason}: ${a.summary} First: ${a.fixes[0]}`), `${reason}: ${advice[k]}`);
  });
});

test('cli: --summary interrupted (Ctrl-C on `tail -f log | smtp-reply --summary`) prints the counts so far', async () => {
  const child = spawn(bin, ['--summary', '--json'], { cwd: app });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  // The input stays open, as tail -f keeps it; the lines are read (and classified) as they come.
  child.stdin.write('550 5.1.1 User unknown\n452 4.2.2 Mailbox full\n550 5.1.1 No such user\n');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  child.kill('SIGINT');
  assert.equal(await exited, 130);
  const s = JSON.parse(out);
  assert.deepEqual([s.lines, s.reasons.map((g) => [g.reason, g.count])], [3, [['userunknown', 2], ['mailboxfull', 1]]]);
});

test('cli: --jsonl ends lines at LF only, as classifyMany does: a CR alone is text', () => {
  const input = '\ufeff550 5.1.1 a\rb\r\n452 4.2.2 c\n\n421 last, without a newline';
  const r = run(['--jsonl'], input);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 4, r.stdout);
  assert.deepEqual(out.map((o) => o.code ?? o.error.kind), [550, 452, 'empty', 421]);
  assert.equal(out[0].replyText, '550 5.1.1 a\rb', 'the BOM and the CRLF dropped, the CR kept');
});

/** Runs the CLI with its standard output closed by the reader: at once, or after the first chunk. */
function runClosed(args, input, { afterFirstChunk = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.stdin.on('error', () => {}); // the child may exit before it read everything
    if (afterFirstChunk) child.stdout.once('data', () => child.stdout.destroy());
    else child.stdout.destroy();
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
    child.stdin.end(input ?? '');
  });
}

test('cli: a closed standard output ends every mode quietly with status 0', async () => {
  const log = '550 5.1.1 User unknown\n451 4.7.1 Greylisted\n'.repeat(100_000);
  const modes = [
    [['--help']],
    [['421']],
    [['4.7.0']],
    [['550 5.1.1 User unknown']],
    [['--json', '550 5.1.1 User unknown']],
    [['--jsonl'], log],
    [['--jsonl', '--full'], log],
    [['--jsonl', '--command', 'RCPT'], log],
    [['--jsonl'], log, { afterFirstChunk: true }],
  ];
  for (const [args, input, options] of modes) {
    const r = await runClosed(args, input, options);
    assert.deepEqual([r.status, r.signal, r.stderr], [0, null, ''], `smtp-reply ${args.join(' ')}`);
  }
});

test('cli: `smtp-reply --jsonl < big.log | head -1` prints one line and exits 0', () => {
  const file = join(tmpdir(), `smtp-reply-big-${process.pid}.log`);
  writeFileSync(file, '550 5.1.1 User unknown\n'.repeat(300_000));
  const r = spawnSync('bash', ['-c', 'set -o pipefail; "$0" --jsonl < "$1" | head -1', bin, file], { encoding: 'utf8' });
  rmSync(file);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).reason, 'userunknown');
});

test('cli: --jsonl --command is the default command of every line; a JSON line\'s own wins', () => {
  const lines = [
    '550 5.1.1 x',
    '{"text":"550 5.1.1 x"}',
    '{"text":"550 5.1.1 x","command":null}',
    '{"text":"550 5.1.1 x","command":"DATA"}',
    '{"event":"bounce","reason":"550 5.1.1 User unknown"}',
    'no reply here',
  ];
  const r = run(['--jsonl', '--command', 'RCPT'], lines.join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.command ?? o.error.kind), ['RCPT', 'RCPT', 'RCPT', 'DATA', 'RCPT', 'empty']);
  assert.equal(out[0].explanation, undefined, 'no explanation without --full');
  assert.equal(out[5].input, 'no reply here');
  // The same results as classify() with that command, line for line.
  const plain = run(['--json', '--command', 'RCPT', '550 5.1.1 x']);
  const { explanation, enhancedExplanation, ...rest } = JSON.parse(plain.stdout);
  assert.deepEqual(out[0], rest);
  const full = run(['--jsonl', '--full', '--command', 'RCPT'], '550 5.1.1 x\n');
  assert.equal(JSON.parse(full.stdout).explanation.code, 550);
  // An unknown command is a usage error, before any input is read.
  const bad = run(['--jsonl', '--command', '!!'], '550 5.1.1 x\n');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown SMTP command '!!'/);
  assert.equal(bad.stdout, '');
});

test('cli: a pasted bounce that starts with dashes is text, not an option', () => {
  const bounce = '----- Transcript of session follows -----\nmail.local: unknown user: bob\n' +
    '554 5.3.0 <bob@example.net>... Service unavailable';
  const r = run([bounce]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Reason {4}userunknown/);
  // An unknown option is still one.
  const option = run(['--jsn', '550 5.1.1 x']);
  assert.equal(option.status, 2);
  assert.match(option.stderr, /unknown option --jsn/);
});

test('cli: --command makes a bare code a reply to classify', () => {
  const r = run(['--command', 'RCPT', '550']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^550\n\nVerdict /);
  assert.match(r.stdout, /Command {3}RCPT/);
});

test('cli: options that would be ignored are usage errors', () => {
  for (const [args, message] of [
    [['--full', '550 5.1.1 x'], /--full.*--jsonl/],
    [['--json', '--full', '550 5.1.1 x'], /--full.*--jsonl/],
    [['--json', '--jsonl'], /--json.*--jsonl|--jsonl.*--json/],
    [['--jsonl', '550 5.1.1 x'], /--jsonl reads standard input/],
    [['--jsonl', '--', '550 5.1.1 x'], /--jsonl reads standard input/],
    [['--summary', '550 5.1.1 x'], /--summary reads standard input/],
    [['--summary', '--jsonl'], /--summary.*not with --jsonl/],
    [['--summary', '--full'], /--summary.*not with --jsonl or --full/],
  ]) {
    const r = run(args, '550 5.1.1 y\n');
    assert.equal(r.status, 2, `smtp-reply ${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /usage: smtp-reply/);
    assert.equal(r.stdout, '');
  }
});

test('cli: every error kind of --jsonl is the API\'s ErrorKind or documented in README.md', () => {
  const lines = ['no reply', '{"text":1}', '{"text":"550 x","command":7}', '{"text":"550 x","command":"!!"}', '{"text":""}'];
  const r = run(['--jsonl'], lines.join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);
  const kinds = new Set(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).error.kind));
  const pkg = join(app, 'node_modules', 'smtp-reply');
  const dts = readFileSync(join(pkg, 'index.d.ts'), 'utf8');
  const errorKinds = [...dts.match(/export type ErrorKind =([^;]*);/)[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const cliSection = readFileSync(join(pkg, 'README.md'), 'utf8').split('## Command line')[1].split('\n## ')[0];
  for (const kind of kinds) {
    assert.ok(errorKinds.includes(kind) || cliSection.includes(`\`${kind}\``), `error kind '${kind}' is neither an ErrorKind nor in README's Command line section`);
  }
  assert.ok(kinds.has('badInput'));
});
