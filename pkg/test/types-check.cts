// types-check.ts for CommonJS (a .cts file is CommonJS whatever the package.json says): compiled
// by types.test.mjs with `--module node16` and `nodenext`, which resolve `require` to index.d.cts,
// then run. Each form a CommonJS TypeScript user imports the package with.
import api from 'smtp-reply';
import smtpReply = require('smtp-reply');
import * as namespace from 'smtp-reply';
import {
  classify,
  classifyMany,
  codes,
  explain,
  parse,
  parseEhlo,
  reasons,
  ReplyParser,
  retryDelay,
  SmtpReplyError,
  type Action,
  type Classification,
  type ClassifyManyError,
  type ErrorKind,
  type ParsedReply,
  type Reason,
} from 'smtp-reply';

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`types-check.cts: ${what}`);
}

const c: Classification = classify('550 5.1.1 User unknown', { command: 'RCPT' });
const reason: Reason = c.reason;
const action: Action = c.action;
check(reason === 'userunknown' && action === 'doNotRetry' && c.command === 'RCPT', 'classify');
const causes: readonly string[] = c.advice.causes;
check(Object.isFrozen(causes), 'advice is frozen');

const reply: ParsedReply = parse('250 OK\r\n');
check(reply.code === 250, 'parse');
const ehlo = parseEhlo('250-mx.example.com\r\n250 STARTTLS\r\n');
check(ehlo !== null && ehlo.extensions[0].kind === 'STARTTLS' && ehlo.extensions[0].rfc === 'RFC 3207', 'parseEhlo');
const afterData = classifyMany([{ text: '550 User unknown', command: 'DATA' }], { command: 'RCPT' })[0];
check(!('error' in afterData) && afterData.reason === 'filtered', 'classifyMany items');
for (const item of classifyMany(['250 OK', 'hello'])) {
  if ('error' in item) {
    const e: ClassifyManyError = item;
    const kind: ErrorKind = e.error.kind;
    check(kind === 'empty', 'classifyMany error');
  }
}
const explained = explain('4.7.0');
check(explained.kind === 'enhanced' && codes().basic.length > 0, 'explain, codes');
check(reasons().some((r) => r.reason === 'userunknown' && r.hard), 'reasons');
check(retryDelay('550 5.1.1 User unknown', 2) === null, 'retryDelay');
check(new ReplyParser().push('250 OK\r\n').length === 1, 'ReplyParser');

try {
  parse('hello');
  check(false, 'parse throws');
} catch (error) {
  check(error instanceof SmtpReplyError && error.kind === 'notANumber', 'SmtpReplyError');
}
const made = new SmtpReplyError('empty', 0, 'no reply');
check(made instanceof Error && made.kind === 'empty' && made.offset === 0, 'new SmtpReplyError');

// `import api from` (esModuleInterop, implied by node16/nodenext), `import = require` and
// `import * as` all give the module's exports.
for (const whole of [api, smtpReply, namespace]) {
  check(whole.classify === classify && whole.SmtpReplyError === SmtpReplyError, 'the whole API');
  check(whole.classify('452 4.2.2 Mailbox full').reason === 'mailboxfull', 'the whole API works');
}
void smtpReply.init().then(() => console.log('types-check.cts: ok'));

/** Misuses: each line must fail to compile. Never called. */
export function misuses(): void {
  // @ts-expect-error a number is not a reply
  parse(250);
  // @ts-expect-error the constructor takes kind, offset and message
  new SmtpReplyError('no reply');
  // @ts-expect-error frozen
  c.advice.fixes.push('x');
  // @ts-expect-error no such export
  smtpReply.classifyAll('250 OK');
  // @ts-expect-error the module has no `default` property at run time
  console.log(smtpReply.default);
}
