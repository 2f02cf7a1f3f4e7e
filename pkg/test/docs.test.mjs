// What README.md and index.d.ts say the API does, against what it does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { classify, explain, parse, retryDelay, SmtpReplyError } from 'smtp-reply';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'smtp-reply');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
const dts = readFileSync(join(pkg, 'index.d.ts'), 'utf8');

const kindOf = (fn) => {
  try {
    fn();
  } catch (error) {
    return error instanceof SmtpReplyError ? `SmtpReplyError ${error.kind}` : error.constructor.name;
  }
  return 'no error';
};

test('docs: the README says what each out-of-range argument throws', () => {
  const errors = readme.match(/\*\*Errors\.\*\*[\s\S]*?\n\n/);
  assert.ok(errors, 'README.md has an **Errors.** paragraph');
  const said = errors[0].replace(/\s+/g, ' ');
  // A number that is no reply code is bad input, as the string '99' is.
  assert.equal(kindOf(() => explain(99)), 'SmtpReplyError codeOutOfRange');
  assert.equal(kindOf(() => explain(1000)), 'SmtpReplyError codeOutOfRange');
  assert.equal(kindOf(() => explain(421.5)), 'SmtpReplyError codeOutOfRange');
  assert.match(said, /`explain\(99\)`[^.]*`codeOutOfRange`/);
  assert.doesNotMatch(said, /out-of-range number `RangeError`/);
  // What does throw RangeError, as the paragraph lists it.
  assert.equal(kindOf(() => parse('250 OK', { maxLines: 0 })), 'RangeError');
  assert.equal(kindOf(() => retryDelay('450 4.2.0 later', 0)), 'RangeError');
  assert.equal(kindOf(() => classify('550 x', { command: '!!' })), 'RangeError');
  assert.match(said, /`RangeError`/);
  for (const example of ['maxLines', 'retryDelay', 'command']) assert.ok(said.includes(example), `the RangeError cases name ${example}`);
});

test('docs: the log lines classify is said to read are the ones it reads', () => {
  // Sendmail's session transcript holds the reply, and is read.
  const transcript = classify('... while talking to mx.example.com.:\n>>> RCPT To:<bob@example.com>\n<<< 550 5.1.1 <bob@example.com>... User unknown');
  assert.deepEqual([transcript.source, transcript.code, transcript.reason], ['sendmail', 550, 'userunknown']);
  // So are swaks', curl's and an RFC's, by their first failure or else their last reply, with
  // the command of the client line before it.
  const swaks = classify(' -> DATA\n<-  354 Go ahead\n -> .\n<** 554 5.7.1 Message rejected as spam');
  assert.deepEqual([swaks.code, swaks.command, swaks.reason], [554, 'DATA-END', 'spamdetected']);
  const curl = classify('> RCPT TO:<bob@example.com>\n< 250 2.1.5 Ok');
  assert.deepEqual([curl.code, curl.command, curl.reason], [250, 'RCPT', 'delivered']);
  const rfc = classify('C: MAIL FROM:<a@example.org>\nS: 553 5.7.1 Sender address rejected: not owned by user');
  assert.deepEqual([rfc.code, rfc.command], [553, 'MAIL']);
  for (const [where, text] of [['index.d.ts', dts], ['README.md', readme]]) {
    for (const tool of ['swaks', 'curl']) assert.ok(text.includes(tool), `${where} names ${tool}'s transcripts`);
  }
  // Its syslog line has no reply, only dsn= and stat=, which are read.
  const syslog = 'Nov 28 07:13:56 mx sm-mta[123]: x1AbC: to=<bob@example.com>, delay=00:00:01, mailer=esmtp, ' +
    'pri=120, relay=mx.example.com. [192.0.2.1], dsn=5.1.1, stat=User unknown';
  const syslogRead = kindOf(() => classify(syslog)) === 'no error';
  const doc = dts.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function classify\(/)[1].replace(/\s*\*\s*/g, ' ');
  const row = readme.split('\n').find((l) => l.startsWith('| `classify('));
  for (const [where, text] of [['index.d.ts', doc], ['README.md', row]]) {
    assert.equal(/log line \([^)]*Sendmail/.test(text), syslogRead, `${where} says Sendmail log lines are read: ${text}`);
    assert.match(text, /Sendmail[^.]*transcript/, `${where} names the Sendmail transcript`);
  }
  // Postfix and Exim log lines are read.
  const postfix = classify('Nov 28 07:13:56 mx postfix/smtp[123]: 4F2: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, ' +
    'status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))');
  const exim = classify('2024-01-01 00:00:00 1abc-000 ** bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: ' +
    'SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 User unknown');
  assert.deepEqual([postfix.source, exim.source], ['postfix', 'exim']);
  // So are qmail-send's, which write each space as `_`.
  const qmail = classify('@4000000065eed3a1 delivery 4152: failure: 192.0.2.7_does_not_like_recipient./Remote_host_said:_550_5.1.1_No_such_user/');
  assert.deepEqual([qmail.source, qmail.code, qmail.enhanced, qmail.reason], ['qmail', 550, '5.1.1', 'userunknown']);
  for (const [where, text] of [['index.d.ts', doc], ['README.md', row]]) assert.match(text, /qmail log line/, `${where} names qmail's log lines`);
});
