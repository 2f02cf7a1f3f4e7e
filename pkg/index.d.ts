// Types of smtp-reply's JavaScript API: the same for the Node entries (node.cjs, node.mjs) and the
// browser entry (browser.js). All results are plain, JSON-serialisable objects; absent values are
// `null`, never `undefined`. Knowledge objects (explanations, advice, codes()) are shared and frozen.
// node.d.mts adds node.mjs's default export; index.d.cts, for `require`, is made from this file
// when the package is packed (test/cjs-types.mjs), so this file holds declarations only.

/** What the first digit says: RFC 5321 §4.2.1. */
export type Severity =
  | 'positivePreliminary'
  | 'positiveCompletion'
  | 'positiveIntermediate'
  | 'transientNegative'
  | 'permanentNegative'
  | 'unknown';

/** What the second digit says the reply is about. */
export type Category = 'syntax' | 'information' | 'connections' | 'unspecified' | 'mailSystem' | 'unknown';

/** Why a message bounced, in sisimai's taxonomy. */
export type Reason =
  | 'authfailure' | 'badreputation' | 'blocked' | 'contenterror' | 'delivered' | 'emailtoolarge'
  | 'expired' | 'failedstarttls' | 'feedback' | 'filtered' | 'hasmoved' | 'hostunknown'
  | 'mailboxfull' | 'mailererror' | 'networkerror' | 'norelaying' | 'notaccept' | 'notcompliantrfc'
  | 'onhold' | 'policyviolation' | 'ratelimited' | 'rejected' | 'requireptr' | 'securityerror'
  | 'spamdetected' | 'suppressed' | 'suspend' | 'syntaxerror' | 'systemerror' | 'systemfull'
  | 'undefined' | 'userunknown' | 'vacation' | 'virusdetected';

/** What the sender should do next. */
export type Action = 'done' | 'continue' | 'retry' | 'doNotRetry' | 'fixAndRetry';

/** The SMTP command a reply answered (`'DATA-END'`: the end of the message data). */
export type Command =
  | 'CONNECT' | 'EHLO' | 'HELO' | 'LHLO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'BDAT'
  | 'DATA-END' | 'RSET' | 'VRFY' | 'EXPN' | 'HELP' | 'NOOP' | 'QUIT' | 'ETRN' | 'ATRN' | 'OTHER';

/** Who answered, when the text shows it. */
export type ProviderId =
  | 'google' | 'microsoft' | 'yahoo' | 'apple' | 'comcast' | 'proofpoint' | 'mimecast' | 'barracuda'
  | 'symantec' | 'yandex' | 'zoho' | 'mailru' | 'gmx' | 'tonline' | 'orange' | 'spectrum' | 'cox'
  | 'tencent' | 'netease' | 'godaddy' | 'cisco' | 'sophos' | 'trendmicro' | 'mailchannels'
  | 'cloudflare'
  | 'exchange' | 'postfix' | 'exim' | 'sendmail' | 'qmail';

/** Where `classify` found the reply. */
export type Source = 'reply' | 'postfix' | 'exim' | 'dsn' | 'sendmail' | 'qmail';

/** What was wrong with the input (`SmtpReplyError.kind`). */
export type ErrorKind =
  | 'notANumber' | 'codeOutOfRange' | 'badSeparator' | 'codeMismatch' | 'bareLineFeed'
  | 'lineTooLong' | 'tooManyLines' | 'invalidUtf8' | 'controlCharacter' | 'empty'
  | 'incomplete';

export interface Digit {
  digit: number;
  name: string;
  meaning: string;
}

export interface CodeDefinition {
  meaning: string;
  rfc: string;
  section: string;
  commands: string;
  extension: string | null;
}

export interface Advice {
  summary: string;
  causes: readonly string[];
  fixes: readonly string[];
}

/** `explain(421)`: a basic reply code. */
export interface CodeExplanation {
  kind: 'basic';
  code: number;
  title: string | null;
  severity: Severity;
  category: Category;
  digits: readonly [Digit, Digit, Digit];
  definitions: readonly CodeDefinition[];
  advice: Advice;
  examples: readonly string[];
}

/** `explain('4.7.0')`: an enhanced status code (RFC 3463). */
export interface EnhancedExplanation {
  kind: 'enhanced';
  code: string;
  class: { digit: number; name: string; meaning: string };
  subject: { number: number; name: string | null; meaning: string | null };
  detail: {
    number: number;
    title: string | null;
    description: string | null;
    basicCodes: string | null;
    reference: string | null;
  };
  reason: Reason | null;
  /** Advice written for this code, else for the reason it usually means, else for its class. */
  advice: Advice;
  /** Where `advice` comes from: see `advice`. */
  adviceFrom: AdviceScope;
  examples: readonly string[];
}

/** Whose advice an `EnhancedExplanation` gives: the code's own, its usual reason's, its class's. */
export type AdviceScope = 'code' | 'reason' | 'class';
/** Whose advice a classification gives (`Classification.adviceFrom`). */
export type AdviceSource = 'reason' | 'enhancedCode' | 'replyCode';

export interface Line {
  code: number;
  last: boolean;
  enhanced: string | null;
  text: string;
  /** Where the line starts, in bytes from the start of the reply. */
  offset: number;
}

export interface ParsedReply {
  code: number;
  severity: Severity;
  category: Category;
  enhanced: string | null;
  lines: Line[];
  /** The lines' text joined by '\n'. */
  text: string;
  /** Bytes of the input the reply took. */
  length: number;
  mixedCodes: boolean;
  classMismatch: boolean;
  explanation: CodeExplanation;
  enhancedExplanation: EnhancedExplanation | null;
}

/** The standard keyword of an EHLO extension that smtp-reply knows. */
export type ExtensionKeyword =
  | '8BITMIME' | 'ATRN' | 'AUTH' | 'BINARYMIME' | 'BURL' | 'CHUNKING' | 'DELIVERBY' | 'DSN'
  | 'ENHANCEDSTATUSCODES' | 'ETRN' | 'EXPN' | 'FUTURERELEASE' | 'HELP' | 'LIMITS' | 'MT-PRIORITY'
  | 'NO-SOLICITING' | 'PIPELINING' | 'REQUIRETLS' | 'SIZE' | 'SMTPUTF8' | 'STARTTLS' | 'VRFY';

/** One extension an EHLO reply advertises, as the server sent it. */
export interface EhloExtension {
  /** The keyword as sent: `'PIPELINING'`, `'auth'`, `'X-EXPS'`. */
  keyword: string;
  /** The standard keyword when the extension is known (keywords ignore case), else `null`. */
  kind: ExtensionKeyword | null;
  /** The document that defines a known extension, such as `'RFC 3207'`, else `null`. */
  rfc: string | null;
  /** The parameters: `['LOGIN', 'PLAIN']` for `AUTH LOGIN PLAIN` (or the old `AUTH=LOGIN PLAIN`). */
  params: string[];
  /**
   * The first parameter as a whole number (SIZE's limit, DELIVERBY's seconds), `null` when it
   * is none; exact up to `Number.MAX_SAFE_INTEGER`.
   */
  number: number | null;
}

/** `parseEhlo(text)`: everything `parse` gives, plus what the server advertises. */
export interface EhloReply extends ParsedReply {
  /** The server's domain or address literal: the first word of the first line. */
  domain: string;
  /** The rest of the first line, such as `'at your service, [203.0.113.5]'`. */
  greeting: string;
  /** SIZE's limit in bytes (0: no limit); `null` when SIZE is not advertised or has no number. */
  size: number | null;
  /** The AUTH mechanisms; empty when AUTH is not advertised. */
  auth: string[];
  /** One entry per line after the first, in order. */
  extensions: EhloExtension[];
}

/**
 * `classify(text)`: everything `parse` gives, plus the verdict. A multi-line reply that a log
 * joined into one line (`550-5.1.1 a 550 5.1.1 b`) has its `lines` all the same, and so has
 * one cut short before its last line (`550-5.1.1 a`: no line is `last`). A text with only an
 * enhanced code (`5.1.1 User unknown`) has `code: null`, `explanation: null` and no `lines`.
 * A reply cut short whose lines carry no enhanced code (`250-a` then `250-b`, no last line)
 * has its code but no `lines`, and `text` is the reply as found; so has a reply of more than
 * 4,096 lines, the lenient parse's limit.
 */
export interface Classification extends Omit<ParsedReply, 'code' | 'explanation' | 'length'> {
  code: number | null;
  explanation: CodeExplanation | null;
  /**
   * Bytes of `replyText` (UTF-8): the reply found in the input, not the input (a log line's
   * prefix, or trailing white space, is not counted).
   */
  length: number;
  /**
   * Why the message failed, by sisimai's names; `delivered` for a positive reply (an
   * intermediate one too: `354 Go ahead`, whose `action` is `continue`), `undefined` for a
   * failure whose words name no reason.
   */
  reason: Reason;
  provider: { id: ProviderId; name: string } | null;
  hard: boolean;
  action: Action;
  retryable: boolean;
  /**
   * When `action` is `'retry'`: `stated` if the server said how long, otherwise the recommended
   * first delay. `null` for every other action (`'fixAndRetry'`: retry once the cause is fixed).
   */
  retryDelay: { seconds: number; stated: boolean } | null;
  /**
   * What to do: the enhanced code's own advice where the code alone gives the `reason` the
   * words gave (Gmail's 5.7.27: SPF, without the registry's null MX, which `explain` names
   * too; 5.4.6: a mail loop), otherwise the reason's (or, for a success or a block with
   * nothing to lift, the basic code's).
   */
  advice: Advice;
  /** Whose `advice` it is: the reason's, the enhanced code's own, or the basic code's. */
  adviceFrom: AdviceSource;
  /** Help links in the reply, as written: some lack a scheme (`www.example.com/help`). */
  links: string[];
  /** The command answered: given in the options, or found in the text. */
  command: Command | null;
  source: Source;
  /**
   * The reply as extracted from the input; for a code given apart from its words (Python's
   * `(550, b'5.1.1 ...')`), the words alone.
   */
  replyText: string;
}

/** An item of `classifyMany` without a reply in it. */
export interface ClassifyManyError {
  error: { kind: ErrorKind; offset: number; message: string };
  input: string;
}

/** Parsing options; the default is lenient (people paste log text), `strict: true` is RFC 5321. */
export interface ParseOptions {
  strict?: boolean;
  allowLfEndings?: boolean;
  allowMissingFinalLineEnding?: boolean;
  allowMissingSpace?: boolean;
  allowCodeMismatch?: boolean;
  allowNonstandardCodes?: boolean;
  allowInvalidUtf8?: boolean;
  allowSurroundingWhitespace?: boolean;
  /** Control characters in text (NUL, ESC, DEL, a CR without its LF); tabs are always allowed. */
  allowControlCharacters?: boolean;
  maxLineLength?: number;
  maxLines?: number;
}

export interface ClassifyOptions {
  /** The command the reply answered, such as `'RCPT'`, `'RCPT TO'` or `'end of data'`. */
  command?: string | null;
}

/** Parses one reply. Throws `SmtpReplyError` for bad input, `TypeError` for a wrong argument type. */
export function parse(text: string | Uint8Array, options?: ParseOptions): ParsedReply;

/**
 * Parses the reply to EHLO (`250-mx.example.com Hello\r\n250-SIZE 35882577\r\n250 STARTTLS`):
 * the reply as `parse` gives it, the server's domain and greeting, and each extension.
 * `null` when the reply is not a 250 (the server refused EHLO). Throws as `parse` does.
 */
export function parseEhlo(text: string | Uint8Array, options?: ParseOptions): EhloReply | null;

/**
 * Classifies a bare reply, a Postfix, Exim, Sendmail or qmail log line (Sendmail's `dsn=4.0.0,
 * stat=Deferred: Connection timed out ...` by its words; qmail-send's
 * `Remote_host_said:_550_5.1.1_...`, a space written as `_`), a Sendmail, swaks, curl or RFC
 * session transcript or a mail library's debug output (`<<< 550 ...`, `<** 550 ...`, `< 250
 * ...`, `S: 250 ...`, PHPMailer's `SERVER -> CLIENT: 550 ...`: the first failure, else the last
 * reply, with the command of the client line before it) or a DSN field. A text with no code at all (a client's `connect ECONNREFUSED 192.0.2.1:25`) is
 * classified by its words when they name a reason, with `code: null` and `enhanced: null`;
 * otherwise it throws an `SmtpReplyError` of kind `'empty'`. A `parse` or `ReplyParser` result
 * is classified as the reply its lines make (`classify(reply, { command: 'RCPT' })` for each
 * reply a socket's `ReplyParser` gives).
 */
export function classify(text: string | Uint8Array | ParsedReply, options?: ClassifyOptions): Classification;

/** An item of `classifyMany` with the command its reply answered. */
export interface ClassifyManyItem {
  text: string;
  /** As `ClassifyOptions.command`; absent or `null`: the options' command, if any. */
  command?: string | null;
}

/**
 * Classifies many replies in one call: a string is a log with one reply per line (blank lines
 * skipped); an array gives one result per element, in order: a string, a `ClassifyManyItem`
 * whose `command` wins over `options.command` (other fields are ignored, so log records that
 * have `text` and `command` can be passed as they are), or a `parse` or `ReplyParser` result,
 * classified as the reply its lines make (with a `command` of its own if one is added).
 */
export function classifyMany(
  text: string | readonly (string | ClassifyManyItem | (ParsedReply & { command?: string | null }))[],
  options?: ClassifyOptions,
): Array<Classification | ClassifyManyError>;

/** The breakdown and advice for a basic code (`421`, `'421'`) or an enhanced code (`'4.7.0'`). */
export function explain(code: number | string): CodeExplanation | EnhancedExplanation;

/** A reason of the taxonomy, as `reasons()` lists it. */
export interface ReasonInfo {
  reason: Reason;
  /**
   * Whether the taxonomy counts it as a bounce at all: not `delivered`, `feedback` or
   * `vacation` (`undefined` and `onhold` are soft bounces).
   */
  bounce: boolean;
  /** Whether the taxonomy counts it as a hard bounce (`notaccept` only for a 5xx reply). */
  hard: boolean;
  advice: Advice;
}

/**
 * Every reason `classify` gives (sisimai's names, in alphabetical order) with whether it is a
 * bounce, a hard one, and its advice (summary, causes, fixes): for legends and index pages.
 */
export function reasons(): readonly ReasonInfo[];

/**
 * Every known basic and enhanced code with its title, for index pages. Enhanced codes are
 * written as the IANA registry writes them, `X.1.1` (the class is any of 2, 4 and 5); give
 * `explain()` one with its class: `explain('5.1.1')`.
 */
export function codes(): {
  readonly basic: readonly { code: number; title: string | null }[];
  readonly enhanced: readonly { code: string; title: string }[];
};

/**
 * The recommended delay in seconds before attempt number `attempt` (1 = the first attempt, so 2
 * is the first retry), with jitter; `null` when the message should not be retried (any more):
 * the last attempt comes within 5 days of the first, whatever the jitter. The first retry
 * comes no sooner than a delay the server stated (a longer one than the schedule's first step
 * is that step, and later ones grow from it). A `classify()` result that is not `retryable`
 * gives `null`. For `'fixAndRetry'` (whose `retryDelay` field is `null`: no retry helps before
 * the cause is fixed) it gives the schedule to follow once it is, or while a block may lift;
 * so it can differ from the field, which is the first step alone.
 */
export function retryDelay(reply: string | Classification, attempt: number): number | null;

/** A streaming parser for sockets: `socket.on('data', (chunk) => parser.push(chunk))`. */
export class ReplyParser {
  constructor(options?: ParseOptions);
  /**
   * Adds a chunk; returns the replies it completes. On a bad reply it throws `SmtpReplyError`
   * whose `replies` holds those completed before it; the bad line is skipped and the rest stays
   * buffered for the next call: `push('')` returns the replies that followed it in the same
   * chunk. The remaining lines of a multi-line reply with a bad line come out as a reply of
   * their own.
   */
  push(chunk: Uint8Array | string): ParsedReply[];
  /** Ends the stream: the replies still pending; throws `incomplete` if one was cut short. */
  finish(): ParsedReply[];
  /** Bytes received and not yet returned as replies. */
  readonly buffered: number;
}

/** Bad input: `kind` says what was wrong, `offset` at which byte. */
export class SmtpReplyError extends Error {
  constructor(kind: ErrorKind, offset: number, message: string);
  readonly name: 'SmtpReplyError';
  readonly kind: ErrorKind;
  readonly offset: number;
  /** From `ReplyParser.push`/`finish`: the replies completed before the error. */
  readonly replies?: ParsedReply[];
}

/**
 * Loads the WebAssembly module. Required once in browsers (`await init()`) before any other
 * call; in Node the module is ready on load and this resolves at once.
 */
export function init(source?: URL | string | Response | BufferSource | WebAssembly.Module): Promise<void>;
