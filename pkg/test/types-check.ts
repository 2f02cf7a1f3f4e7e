// Compiled by types.test.mjs with `--module nodenext` and `node16` (an ES module: the test
// project's package.json has "type": "module"), then run: every export, used as a TypeScript user
// would, and misuses that must not compile (@ts-expect-error fails the build if they do; they are
// in a function that is never called). types-check.cts is the same for CommonJS.
import api from 'smtp-reply';
import * as namespace from 'smtp-reply';
import {
  classify,
  classifyMany,
  codes,
  explain,
  init,
  parse,
  parseEhlo,
  reasons,
  ReplyParser,
  retryDelay,
  SmtpReplyError,
  type Action,
  type Advice,
  type AdviceScope,
  type AdviceSource,
  type Classification,
  type ClassifyManyError,
  type ClassifyManyItem,
  type CodeExplanation,
  type EhloExtension,
  type EhloReply,
  type EnhancedExplanation,
  type ExtensionKeyword,
  type ErrorKind,
  type ParsedReply,
  type ParseOptions,
  type Reason,
  type ReasonInfo,
} from 'smtp-reply';

await init();
const options: ParseOptions = { strict: false, allowLfEndings: true, maxLineLength: 1000, maxLines: 10 };
const reply: ParsedReply = parse('250 OK\r\n', options);
const bytes: ParsedReply = parse(new Uint8Array([50, 53, 48, 32, 79, 75]));
const code: number = reply.code + bytes.lines[0].offset;
const text: string = reply.lines[0].text + reply.text;
const enhanced: string | null = reply.enhanced;

const ehlo: EhloReply | null = parseEhlo('250-mx.example.com Hello\r\n250-SIZE 1000\r\n250 AUTH PLAIN\r\n');
if (ehlo === null || ehlo.domain !== 'mx.example.com' || ehlo.size !== 1000 || ehlo.auth[0] !== 'PLAIN') {
  throw new Error('parseEhlo');
}
const extension: EhloExtension = ehlo.extensions[0];
const known: ExtensionKeyword | null = extension.kind;
const limit: number | null = extension.number;
const viaParse: number = ehlo.lines.length + ehlo.code;
console.log(known, limit, viaParse, extension.rfc, extension.params, ehlo.greeting);

const c: Classification = classify('550 5.1.1 User unknown', { command: 'RCPT' });
const reason: Reason = c.reason;
const action: Action = c.action;
const advice: Advice = c.advice;
const adviceFrom: AdviceSource = c.adviceFrom;
// @ts-expect-error only 'reason', 'enhancedCode' or 'replyCode'
const notASource: AdviceSource = 'class';
console.log(adviceFrom, notASource);
const delay: number | null = c.retryDelay === null ? null : c.retryDelay.seconds;
const maybeCode: number | null = c.code;
const provider: string | undefined = c.provider?.name;

for (const item of classifyMany(['250 OK', 'hello'])) {
  if ('error' in item) {
    const e: ClassifyManyError = item;
    const kind: ErrorKind = e.error.kind;
    console.log(kind, e.input);
  } else {
    console.log(item.reason satisfies Reason);
  }
}
classifyMany('250 OK\n550 5.1.1 no');
// Items with the command each answered; other fields of a log record are ignored.
const records = [{ text: '550 User unknown', command: 'DATA', id: 7 }, '452 4.2.2 Full'];
const sent: ClassifyManyItem[] = [{ text: '550 5.1.1 User unknown' }, { text: '550 x', command: null }];
const afterData = classifyMany(records, { command: 'RCPT' })[0];
if ('error' in afterData || afterData.reason !== 'filtered' || afterData.command !== 'DATA') {
  throw new Error('classifyMany items');
}
classifyMany(sent);
// Parse and ReplyParser results classify as the reply their lines make.
const streamed: ParsedReply[] = new ReplyParser().push('550 5.1.1 User unknown\r\n');
const verdict: Reason = classify(streamed[0], { command: 'RCPT' }).reason;
classifyMany([...streamed, { ...streamed[0], command: 'DATA' }]);
console.log(verdict);

const explained = explain(421);
if (explained.kind === 'basic') {
  const basic: CodeExplanation = explained;
  console.log(basic.digits[2].meaning, basic.definitions[0]?.rfc);
} else {
  const x: EnhancedExplanation = explained;
  // Every enhanced code has advice, and says whose it is.
  const from: AdviceScope = x.adviceFrom;
  const summary: string = x.advice.summary;
  console.log(x.subject.name, x.detail.title, from, summary);
  // @ts-expect-error only 'code', 'reason' or 'class'
  const wrong: AdviceScope = 'basic';
  console.log(wrong);
}
const list = codes();
console.log(list.basic[0].code, list.enhanced[0].code);
const legend: readonly ReasonInfo[] = reasons();
const hardOnes: Reason[] = legend.filter((r) => r.bounce && r.hard).map((r) => r.reason);
console.log(hardOnes, legend[0].advice.summary);
const causes: readonly string[] = c.advice.causes;
const examples: readonly string[] = explain('4.7.0').examples;
const next: number | null = retryDelay(c, 2) ?? retryDelay('450 4.2.0 Greylisted', 2);

const parser = new ReplyParser({ strict: true });
const completed: ParsedReply[] = [...parser.push(new Uint8Array(0)), ...parser.push('250 OK\r\n'), ...parser.finish()];
const buffered: number = parser.buffered;
try {
  parse('hello');
} catch (error) {
  if (error instanceof SmtpReplyError) {
    const kind: ErrorKind = error.kind;
    const offset: number = error.offset;
    console.log(kind, offset, error.message, error.replies?.length);
  }
}
const made = new SmtpReplyError('empty', 0, 'no reply in the text');
if (!(made instanceof Error) || made.kind !== 'empty' || made.offset !== 0 || made.name !== 'SmtpReplyError') {
  throw new Error('SmtpReplyError constructor');
}

// The default export (node.mjs) is the whole API, the same functions as the named exports.
if (api.classify !== classify || api.SmtpReplyError !== namespace.SmtpReplyError || typeof api.init !== 'function') {
  throw new Error('default export');
}
const viaDefault: Reason = api.classify('452 4.2.2 Mailbox full').reason;
if (viaDefault !== 'mailboxfull') throw new Error(viaDefault);

/** Misuses: each line must fail to compile (and would fail at run time). Never called. */
export function misuses(): void {
  // @ts-expect-error a number is not a reply
  parse(250);
  // @ts-expect-error unknown option
  parse('250 OK', { lenient: true });
  // @ts-expect-error an action is not any string
  const wrong: Action = 'retry-later';
  // @ts-expect-error parseEhlo may give null
  console.log(parseEhlo('250 mx').domain);
  // @ts-expect-error an unknown keyword is no ExtensionKeyword
  const kind: ExtensionKeyword = 'X-EXPS';
  console.log(kind);
  // @ts-expect-error an item's text is a string
  classifyMany([{ text: new Uint8Array(2) }]);
  // @ts-expect-error classifyMany takes no parse options
  classifyMany('250 OK', { strict: true });
  // @ts-expect-error parse results have no reason
  console.log(reply.reason, wrong);
  // @ts-expect-error buffered is read-only
  parser.buffered = 3;
  // @ts-expect-error the constructor takes kind, offset and message
  new SmtpReplyError('no reply in the text');
  // @ts-expect-error the kind is an ErrorKind
  new SmtpReplyError('badInput', 0, 'x');
  // Frozen arrays (knowledge shared between results) are read-only.
  // @ts-expect-error frozen
  c.advice.fixes.push('x');
  // @ts-expect-error frozen
  c.advice.causes[0] = 'x';
  // @ts-expect-error frozen
  explain(421).examples.pop();
  // @ts-expect-error frozen
  reply.explanation.definitions.length = 0;
  // @ts-expect-error frozen
  reply.explanation.digits.reverse();
  // @ts-expect-error frozen
  reasons().pop();
  // @ts-expect-error frozen
  codes().basic.sort();
  // @ts-expect-error frozen
  codes().enhanced.push({ code: '9.9.9', title: 'x' });
  // @ts-expect-error frozen
  const mutable: string[] = c.advice.fixes;
  console.log(mutable);
}
// What is not frozen stays mutable.
reply.lines.push(...bytes.lines);
c.links.push('https://example.com/');

console.log(code, text, enhanced, reason, action, advice, delay, maybeCode, provider, next, completed, buffered, causes, examples);
