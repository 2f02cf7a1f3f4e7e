// The JavaScript API of smtp-reply, shared by the Node and browser entries. It checks
// arguments, calls the WebAssembly exports and turns their flat records into plain objects;
// all knowledge and parsing live in the Rust core. `.ci/build-pkg.sh` wraps this file as
// dist/api.mjs (ES module) and dist/api.cjs (CommonJS); `setWasm` receives the wasm-bindgen glue.
// Record layout: see src/wasm.rs.

/** @type {any} the wasm-bindgen glue, once initialised */
let wasm = null;
/* global TABLES */
/**
 * @type {any} The names that record numbers stand for: src/wasm.rs `tables()`, which
 * .ci/build-pkg.sh writes before this file as `TABLES` (constant, so not in the module).
 */
const names = TABLES;
/** Each provider's id and name, as classifications give them (shared, frozen). */
const providers = names.providers.map((id, i) => Object.freeze({ id, name: names.providerNames[i] }));

const explainedCodes = new Map();
const explainedEnhanced = new Map();
const enhancedStrings = new Map();
const commandIndexes = new Map();
/** @type {any} the wasm side of the hot paths: input buffer, record, advice sent */
let engine = null;
/** @type {WebAssembly.Memory | null} */
let memory = null;
let mem8 = new Uint8Array(0);
let mem32 = new Uint32Array(0);
let adviceById = [];

/** Makes a fresh module instance (Node), or null where none can be made synchronously. */
let reload = null;
/** Counts module instances, so that parsers of a failed one are recognised. */
let instance = 0;

/** Starts using a module instance: `glue` has its exports `input` and `run` and its `memory`. */
function setWasm(glue, reloader) {
  if (reloader !== undefined) reload = reloader;
  instance++;
  wasm = glue;
  explainedCodes.clear();
  explainedEnhanced.clear();
  commandIndexes.clear();
  allCodes = null;
  allReasons = null;
  engine = glue;
  memory = glue.memory;
  // Empty views: the first call makes views of this instance's memory.
  mem8 = new Uint8Array(0);
  mem32 = new Uint32Array(0);
  inputSize = 0;
  inputView = null;
  adviceById = [];
}

function ready() {
  if (wasm === null) {
    throw new Error('smtp-reply is not initialised yet: `await init()` (from smtp-reply\'s browser entry) before calling it');
  }
  return wasm;
}

/** A reply that could not be parsed: `kind` says what was wrong, `offset` at which byte. */
class SmtpReplyError extends Error {
  constructor(kind, offset, message) {
    super(message);
    this.name = 'SmtpReplyError';
    this.kind = kind;
    this.offset = offset;
  }
}

// ----- argument checks ---------------------------------------------------------------------

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

function isBytes(value) {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** The longest text one call takes (in UTF-16 units or bytes); longer ones would risk the
 * module's memory, and no reply is that long. classifyMany splits long logs itself. */
const MAX_TEXT = 1 << 28;

function checkText(fn, text) {
  if (typeof text !== 'string' && !isBytes(text)) {
    throw new TypeError(`${fn}: expected the reply as a string or a Uint8Array, got ${describe(text)}`);
  }
  if (text.length > MAX_TEXT) {
    throw new RangeError(`${fn}: the text is ${text.length} long; at most ${MAX_TEXT} is taken at once`);
  }
}

function checkOptions(fn, options, allowed) {
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: expected options as an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}: unknown option '${key}' (known: ${allowed.join(', ')})`);
    }
  }
  return true;
}

// Bit order shared with src/wasm.rs `config_from`.
const SWITCHES = [
  'allowLfEndings', 'allowMissingFinalLineEnding', 'allowMissingSpace', 'allowCodeMismatch',
  'allowNonstandardCodes', 'allowInvalidUtf8', 'allowSurroundingWhitespace',
  'allowControlCharacters',
];
const PARSE_OPTIONS = ['strict', ...SWITCHES, 'maxLineLength', 'maxLines'];
const LENIENT = [false, 0, 0, 0, 0];

function limit(fn, name, value) {
  if (value === undefined) return 0;
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: option '${name}' must be a number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < 1 || value > 0xffffffff) {
    throw new RangeError(`${fn}: option '${name}' must be a whole number from 1 to 4294967295, got ${value}`);
  }
  return value;
}

/** Strict, switches set and their values as one number (src/wasm.rs `config_bits`). */
function configBits(a) {
  return (a[0] ? 2 : 0) | (a[1] << 8) | (a[2] << 16);
}

/** Options as the arguments of the wasm parse exports: strict, set, values, limits. */
function configArgs(fn, options) {
  if (!checkOptions(fn, options, PARSE_OPTIONS)) return LENIENT;
  let set = 0;
  let values = 0;
  for (let bit = 0; bit < SWITCHES.length; bit++) {
    const v = options[SWITCHES[bit]];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') {
      throw new TypeError(`${fn}: option '${SWITCHES[bit]}' must be a boolean, got ${describe(v)}`);
    }
    set |= 1 << bit;
    if (v) values |= 1 << bit;
  }
  const strict = options.strict;
  if (strict !== undefined && typeof strict !== 'boolean') {
    throw new TypeError(`${fn}: option 'strict' must be a boolean, got ${describe(strict)}`);
  }
  return [strict === true, set, values, limit(fn, 'maxLineLength', options.maxLineLength), limit(fn, 'maxLines', options.maxLines)];
}

// ----- records to objects ------------------------------------------------------------------

function enhancedString(packed) {
  if (packed === 0) return null;
  let s = enhancedStrings.get(packed);
  if (s === undefined) {
    s = `${packed >>> 24}.${(packed >>> 12) & 4095}.${packed & 4095}`;
    remember(enhancedStrings, packed, s);
  }
  return s;
}

/** Enhanced codes go up to 5.999.999: a hostile log must not grow the caches without bound. */
const CACHE_LIMIT = 4096;

function remember(cache, key, value) {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The shared, frozen explanation of a basic code (computed once per code). */
function codeExplanation(code) {
  let e = explainedCodes.get(code);
  if (e === undefined) {
    e = deepFreeze(JSON.parse(runText(OP_EXPLAIN_CODE, 0, code)));
    explainedCodes.set(code, e);
  }
  return e;
}

/** The shared, frozen explanation of a packed enhanced code. */
function enhancedExplanation(packed) {
  if (packed === 0) return null;
  let e = explainedEnhanced.get(packed);
  if (e === undefined) {
    e = deepFreeze(JSON.parse(runText(OP_EXPLAIN_TEXT, putString(enhancedString(packed)), 0)));
    remember(explainedEnhanced, packed, e);
  }
  return e;
}

const REPLY_FIELDS = 9;
const LINE_FIELDS = 6;
const NONE = 0xffffffff;
const TAG_ERROR = 1;
/** A classification's advice field: the advice's number below bit 24, whose advice above it. */
const ADVICE_NUMBER = 0xffffff;

/** The lines' text joined by '\n', set by `readLines` (saves a tuple per call). */
let joined = '';

/** Reads `count` lines from `r[j]`. */
function readLines(r, j, count, texts) {
  const lines = new Array(count);
  let text = '';
  for (let k = 0; k < count; k++, j += LINE_FIELDS) {
    const t = texts.slice(r[j + 3], r[j + 4]);
    lines[k] = { code: r[j], last: r[j + 1] === 1, enhanced: enhancedString(r[j + 2]), text: t, offset: r[j + 5] };
    text = k === 0 ? t : text + '\n' + t;
  }
  joined = text;
  return lines;
}

/** Reads the reply at `r[i]`; `texts` is the string that text positions point into. */
function readReply(r, i, texts) {
  const code = r[i + 1];
  const enhanced = r[i + 4];
  const flags = r[i + 5];
  const lines = readLines(r, i + REPLY_FIELDS, r[i + 8], texts);
  const text = joined;
  return {
    code,
    severity: names.severities[r[i + 2]],
    category: names.categories[r[i + 3]],
    enhanced: enhancedString(enhanced),
    lines,
    text,
    length: r[i + 6] + r[i + 7],
    mixedCodes: (flags & 1) !== 0,
    classMismatch: (flags & 2) !== 0,
    explanation: codeExplanation(code),
    enhancedExplanation: enhancedExplanation(enhanced),
  };
}

function replyEnd(r, i) {
  return i + REPLY_FIELDS + r[i + 8] * LINE_FIELDS;
}

function adviceOf(id) {
  let a = adviceById[id];
  if (a === undefined) {
    a = deepFreeze(JSON.parse(runText(OP_ADVICE, 0, id)));
    adviceById[id] = a;
  }
  return a;
}

/** Where the record after what was just read starts, set by `readClassified` and `readWords`. */
let next = 0;

/**
 * Reads a count at `r[j]`, then that many (start, end) text positions, as strings; sets `next`
 * past them.
 */
function readWords(r, j, texts) {
  const count = r[j++];
  const words = new Array(count);
  for (let k = 0; k < count; k++, j += 2) words[k] = texts.slice(r[j], r[j + 1]);
  next = j;
  return words;
}

/** Reads the classification at `r[i]` (layout: src/wasm.rs `Record::classified`). */
function readClassified(r, i, texts) {
  const code = r[i + 1];
  const enhanced = r[i + 4];
  const flags = r[i + 9];
  const provider = r[i + 6];
  const command = r[i + 7];
  const links = readWords(r, i + 16, texts);
  const j = next;
  const lineCount = r[j];
  const replyText = texts.slice(r[i + 13], r[i + 14]);
  const lines = readLines(r, j + 1, lineCount, texts);
  next = j + 1 + lineCount * LINE_FIELDS;
  return {
    code: code === 0 ? null : code,
    severity: names.severities[r[i + 2]],
    category: names.categories[r[i + 3]],
    enhanced: enhancedString(enhanced),
    lines,
    text: lineCount === 0 ? replyText : joined,
    length: r[i + 15],
    mixedCodes: (flags & 1) !== 0,
    classMismatch: (flags & 2) !== 0,
    explanation: code === 0 ? null : codeExplanation(code),
    enhancedExplanation: enhancedExplanation(enhanced),
    reason: names.reasons[r[i + 5]],
    provider: provider === NONE ? null : providers[provider],
    hard: (flags & 4) !== 0,
    action: names.actions[r[i + 8]],
    retryable: (flags & 8) !== 0,
    retryDelay: (flags & 16) === 0 ? null : { seconds: r[i + 10], stated: (flags & 32) !== 0 },
    advice: adviceOf(r[i + 12] & ADVICE_NUMBER),
    adviceFrom: names.adviceSources[r[i + 12] >>> 24],
    links,
    command: command === NONE ? null : names.commands[command],
    source: names.sources[r[i + 11]],
    replyText,
  };
}

const NO_REPLY = 'no SMTP reply (a code such as 550, or an enhanced code such as 5.1.1) was found in the text, nor words that name a failure';

const ERROR_FIELDS = 5;

function readError(r, i) {
  const kind = r[i + 1];
  const offset = r[i + 2];
  return new SmtpReplyError(names.errorKinds[kind], offset, `${names.errorDescriptions[kind]} (at byte ${offset})`);
}

/** Every reply in a record; an error ends it and is thrown with the replies before it. */
function readAll(r, texts, end = recordLength) {
  const out = [];
  let i = 0;
  while (i < end) {
    if (r[i] === TAG_ERROR) {
      const error = readError(r, i);
      error.replies = out;
      throw error;
    }
    out.push(readReply(r, i, texts));
    i = replyEnd(r, i);
  }
  return out;
}

// ----- moving text in and records out ------------------------------------------------------

/** Fresh views after the memory grew: growing detaches the old buffer, which leaves views of
 * it empty (a cheaper test than comparing `memory.buffer`, a getter that allocates). */
function views() {
  if (mem32.length === 0) {
    const buffer = memory.buffer;
    mem8 = new Uint8Array(buffer);
    mem32 = new Uint32Array(buffer);
    inputView = null;
  }
}

const encoder = new TextEncoder();

// The engine's input buffer: its address and size, cached while it stays; the engine releases
// buffers over KEEP_BUFFER after each call (src/wasm.rs), so larger ones are never cached.
const KEEP_BUFFER = 1 << 20;
let inputPtr = 0;
let inputSize = 0;
/** A view of the cached input buffer (made once: a view per call costs as much as encoding). */
let inputView = null;

function inputBuffer(size) {
  if (size <= inputSize) return inputPtr;
  const ptr = engine.input(size);
  inputView = null;
  if (size <= KEEP_BUFFER) {
    inputPtr = ptr;
    inputSize = size;
  } else {
    inputSize = 0; // released after this call
  }
  return ptr;
}

/** `ASCII` when the last `putString` wrote only ASCII (set by it), else 0. */
let ascii = 0;

/** Writes a string as UTF-8 into the engine's input buffer; returns its length in bytes and
 * sets `ascii`. */
function putString(str) {
  const n = str.length;
  // Up to classifyMany's pieces, room for the worst case stays under KEEP_BUFFER (kept).
  if (n > CHUNK) {
    ascii = 0;
    return putBytes(encoder.encode(str));
  }
  inputBuffer(Math.max(n * 3, 1024));
  views();
  if (inputView === null) inputView = mem8.subarray(inputPtr, inputPtr + inputSize);
  // Native and fast; lone surrogates become U+FFFD (one UTF-16 unit either way). The buffer
  // holds at least 3 bytes per unit, the most UTF-8 needs, so it always fits.
  const written = encoder.encodeInto(str, inputView).written;
  // Every unit beyond ASCII takes more than one byte: as many bytes as units means ASCII.
  ascii = written === n ? ASCII : 0;
  return written;
}

function putBytes(bytes) {
  const ptr = inputBuffer(bytes.length);
  views();
  mem8.set(bytes, ptr);
  return bytes.length;
}

// What `run` does (numbers shared with src/wasm.rs `op`).
const OP_PARSE = 1;
const OP_CLASSIFY = 2;
const OP_CLASSIFY_MANY = 3;
const OP_ADVICE = 4;
const OP_EXPLAIN_TEXT = 5;
const OP_EXPLAIN_CODE = 6;
const OP_CODES = 7;
const OP_COMMAND = 8;
const OP_RETRY_DELAY = 9;
const OP_STREAM_NEW = 10;
const OP_STREAM_PUSH = 11;
const OP_STREAM_FINISH = 12;
const OP_STREAM_BUFFERED = 13;
const OP_STREAM_FREE = 14;
const OP_PARSE_EHLO = 15;
const OP_REASONS = 16;
/** A bit of the text ops' first argument: the input is ASCII, its byte positions UTF-16 ones. */
const ASCII = 1 << 24;

/** Where the engine's records are copied to (reused: a record is read before the next call). */
let scratch = new Uint32Array(1024);
/** The length of the record in `scratch`, set by `run`. */
let recordLength = 0;
/** The side text of the last `run` (address and length in bytes) and the number it left. */
let textPtr = 0;
let textLength = 0;
let value = 0;

/** Where the engine's result is (its address in `u32`s, set by `call`). */
let result = 0;

/** One call into the engine: `op` on the first `len` bytes of the input buffer. Sets the side
 * text and the number it left; its record stays in memory (see `run`). */
function call(op, len, a, b = 0, c = 0) {
  result = engine.run(op, len, a, b, c) >>> 2;
  views();
  textPtr = mem32[result + 2];
  textLength = mem32[result + 3];
  value = mem32[result + 4];
}

/** `call`, then its record copied out of memory into `scratch` (returned), where it stays
 * while it is read: reading may `call` again for an explanation or advice seen the first time,
 * which overwrites the engine's record and may grow (move) the memory. */
function run(op, len, a, b = 0, c = 0) {
  call(op, len, a, b, c);
  return copyRecord();
}

/** The record of the last `call`, copied into `scratch`. */
function copyRecord() {
  const ptr = mem32[result] >>> 2;
  const n = mem32[result + 1];
  if (n > scratch.length) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
  // A loop for the usual short record: a subarray per call would cost an allocation.
  if (n <= 256) for (let k = 0; k < n; k++) scratch[k] = mem32[ptr + k];
  else scratch.set(mem32.subarray(ptr, ptr + n));
  recordLength = n;
  return scratch;
}

const decoder = new TextDecoder();

/** The side text of the last `run`. */
function sideText() {
  return textLength === 0 ? '' : decoder.decode(mem8.subarray(textPtr, textPtr + textLength));
}

/** The JSON text an `op` returns. */
function runText(op, len, a) {
  call(op, len, a);
  return sideText();
}

// ----- the API -----------------------------------------------------------------------------

/** The texts that the record of the last `parsed` call points into. */
let parsedTexts = '';
/** Where the entry of the record that `lastRecord` returned starts. */
let recordAt = 0;

/**
 * The record of the last `call`, whose entry at `i` names a basic code, an enhanced code and
 * (if given) an advice: the module's memory itself when their explanations and the advice are
 * cached, so that reading it calls nothing that would overwrite or move it (`classify` about
 * 8% faster than copying it first); else a copy, at 0. Sets `recordAt` to where the entry is.
 */
function lastRecord(i, code, enhanced, advice) {
  if ((code === 0 || explainedCodes.has(code)) && (enhanced === 0 || explainedEnhanced.has(enhanced)) && (advice === NONE || adviceById[advice] !== undefined)) {
    recordAt = i;
    return mem32;
  }
  recordAt = 0;
  return copyRecord();
}

/** Runs a parse `op` (`parse`, `parseEhlo`) on `text`; returns its record, the reply at `recordAt`. */
function parsed(fn, op, text, options) {
  ready();
  checkText(fn, text);
  const a = configArgs(fn, options);
  const bytes = typeof text !== 'string';
  const len = bytes ? putBytes(text) : putString(text);
  call(op, len, configBits(a) | (bytes ? 1 : ascii), a[3], a[4]);
  parsedTexts = bytes ? sideText() : text;
  const i = mem32[result] >>> 2;
  if (mem32[i] === TAG_ERROR) throw readError(mem32, i);
  return lastRecord(i, mem32[i + 1], mem32[i + 4], NONE);
}

function parseUnguarded(text, options) {
  const r = parsed('parse', OP_PARSE, text, options);
  return readReply(r, recordAt, parsedTexts);
}

/** An optional 64-bit number at `r[j]` (flag, low, high). */
function readNumber(r, j) {
  return r[j] === 0 ? null : r[j + 2] * 4294967296 + r[j + 1];
}

/**
 * Parses the reply to EHLO: everything `parse` gives, plus the server's domain and greeting
 * and each extension it advertises; `null` for a reply that is not 250 (EHLO refused).
 */
function parseEhloUnguarded(text, options) {
  const r = parsed('parseEhlo', OP_PARSE_EHLO, text, options);
  const texts = parsedTexts;
  const reply = readReply(r, recordAt, texts);
  let j = replyEnd(r, recordAt);
  if (r[j] === 0) return null;
  reply.domain = texts.slice(r[j + 1], r[j + 2]);
  reply.greeting = texts.slice(r[j + 3], r[j + 4]);
  reply.size = readNumber(r, j + 5);
  reply.auth = readWords(r, j + 8, texts);
  j = next;
  const extensions = new Array(r[j++]);
  for (let k = 0; k < extensions.length; k++) {
    const known = r[j];
    const keyword = texts.slice(r[j + 1], r[j + 2]);
    const number = readNumber(r, j + 3);
    const params = readWords(r, j + 6, texts);
    j = next;
    extensions[k] = {
      keyword,
      kind: known === NONE ? null : names.extensions[known],
      rfc: known === NONE ? null : names.extensionRfcs[known],
      params,
      number,
    };
  }
  reply.extensions = extensions;
  return reply;
}

/** The command index for `options.command` (NONE when not given). */
function commandArg(fn, options) {
  if (!checkOptions(fn, options, ['command'])) return NONE;
  return commandOf(fn, options.command);
}

/** The command index for `command` (NONE for none), given as an option or by item `item`. */
function commandOf(fn, command, item = -1) {
  if (command === undefined || command === null) return NONE;
  const where = item < 0 ? "option 'command'" : `item ${item}'s command`;
  if (typeof command !== 'string') {
    throw new TypeError(`${fn}: ${where} must be a string such as 'RCPT TO', got ${describe(command)}`);
  }
  let index = commandIndexes.get(command);
  if (index === undefined) {
    call(OP_COMMAND, putString(command), 0);
    index = value;
    if (index === NONE) {
      throw new RangeError(`${fn}: unknown SMTP command '${command}' in ${where} (known: ${names.commands.join(', ')})`);
    }
    if (commandIndexes.size < 1000) commandIndexes.set(command, index);
  }
  return index;
}

/**
 * Classifies a reply, a Postfix or Exim log line, a Sendmail transcript or a DSN field: everything `parse`
 * gives, plus reason, provider, hard/soft, action, retry delay, advice, links and command. A
 * `parse` or `ReplyParser` result is classified as the reply its lines make.
 */
function classifyUnguarded(text, options) {
  ready();
  if (isParsed(text)) text = wireText('classify', text, 'the reply');
  checkText('classify', text);
  const command = commandArg('classify', options);
  const bytes = typeof text !== 'string';
  const len = bytes ? putBytes(text) : putString(text);
  call(OP_CLASSIFY, len, bytes ? 1 : ascii, command);
  const texts = bytes ? sideText() : text;
  const i = mem32[result] >>> 2;
  if (mem32[i] === TAG_ERROR) throw new SmtpReplyError('empty', 0, NO_REPLY);
  const r = lastRecord(i, mem32[i + 1], mem32[i + 4], mem32[i + 12] & ADVICE_NUMBER);
  return readClassified(r, recordAt, texts);
}


/**
 * Classifies many replies in one call: a string is a log, one reply per line (blank lines are
 * skipped); an array gives one result per element: a string, `{ text, command? }`, or a
 * `parse` or `ReplyParser` result (its lines, perhaps with a `command`). Items without a reply
 * give `{ error, input }` instead of throwing. `options.command` is the command for every
 * item that does not give its own.
 */
function classifyManyUnguarded(text, options) {
  ready();
  const all = commandArg('classifyMany', options);
  const out = [];
  if (typeof text === 'string') {
    // A long log goes in pieces that end at line ends: the same results, bounded memory.
    for (let start = 0; start < text.length; ) {
      let end = text.length;
      if (end - start > CHUNK) {
        end = text.lastIndexOf('\n', start + CHUNK);
        if (end < start) end = text.indexOf('\n', start + CHUNK);
        end = end < 0 ? text.length : end + 1;
      }
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      readMany(runMany(piece, 10, all, null), piece, out);
      start = end;
    }
    return out;
  }
  if (!Array.isArray(text)) {
    throw new TypeError(`classifyMany: expected a string (one reply per line) or an array of strings, got ${describe(text)}`);
  }
  // The texts, and each item's own command (`null` when no item gives one).
  let texts = text;
  let own = null;
  for (let k = 0; k < text.length; k++) {
    const item = text[k];
    if (typeof item === 'string') continue;
    const parsed = isParsed(item);
    if (!parsed && (item === null || typeof item !== 'object' || typeof item.text !== 'string')) {
      throw new TypeError(`classifyMany: expected an array of strings, { text, command? } objects or parse results, but item ${k} is ${describe(item)}${item !== null && typeof item === 'object' ? ' without a string text' : ''}`);
    }
    if (texts === text) texts = text.slice();
    texts[k] = parsed ? wireText('classifyMany', item, `item ${k}`) : item.text;
    const command = commandOf('classifyMany', item.command, k);
    if (command !== NONE) {
      if (own === null) own = new Uint8Array(text.length).fill(OWN_NONE);
      own[k] = command;
    }
  }
  for (let first = 0; first < texts.length; ) {
    let last = first;
    let size = 0;
    while (last < texts.length && (last === first || size + texts[last].length <= CHUNK)) size += texts[last++].length + 1;
    const items = first === 0 && last === texts.length ? texts : texts.slice(first, last);
    const commands = own === null ? null : own.subarray(first, last);
    // Joined with NUL, which items nearly never hold: the engine counts the items it read,
    // and a count that is not the array's means one held a NUL. Then join with a control
    // character that no item holds.
    let joined = items.join('\0');
    let r = runMany(joined, 0, all, commands);
    if (value !== items.length) {
      let separator = 1;
      while (separator < 32 && (separator === 10 || items.some((t) => t.includes(String.fromCharCode(separator))))) separator++;
      if (separator === 32) throw new RangeError('classifyMany: the items contain every control character; classify them one by one');
      joined = items.join(String.fromCharCode(separator));
      r = runMany(joined, separator, all, commands);
    }
    readMany(r, joined, out);
    first = last;
  }
  return out;
}

/** Whether `value` is a `parse` or `ReplyParser` result (or anything else with its lines). */
function isParsed(value) {
  return value !== null && typeof value === 'object' && Array.isArray(value.lines);
}

/**
 * A parsed reply in its wire form again, for the classifier: each line with its code, its
 * separator (a space on the last, a dash before) and its enhanced code. Spacing and a `#`
 * before a status are not kept; the codes and words are.
 */
function wireText(fn, reply, what) {
  const lines = reply.lines;
  let s = '';
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l === null || typeof l !== 'object' || typeof l.code !== 'number' || typeof l.text !== 'string') {
      throw new TypeError(`${fn}: line ${k} of ${what} is not a parsed line with a code and a text, got ${describe(l)}`);
    }
    const status = typeof l.enhanced === 'string' ? `${l.enhanced} ` : '';
    s += `${k === 0 ? '' : '\r\n'}${l.code}${k === lines.length - 1 ? ' ' : '-'}${status}${l.text}`;
  }
  return s;
}

/** In the items' own commands: none of its own (src/wasm.rs `NO_COMMAND`). */
const OWN_NONE = 255;

/** classifyMany of items joined by `separator`, with their own commands after the text. */
function runMany(joined, separator, all, commands) {
  let len = putString(joined);
  const flags = separator | ascii;
  if (commands !== null) {
    const at = inputBuffer(len + commands.length) + len;
    views();
    mem8.set(commands, at);
    len += commands.length;
  }
  return run(OP_CLASSIFY_MANY, len, flags, all, commands === null ? 0 : commands.length);
}

/** Pieces of this many characters at most go to the engine at once (a longer line goes whole). */
const CHUNK = 1 << 18;

function readMany(r, text, out) {
  const end = recordLength;
  let i = 0;
  while (i < end) {
    if (r[i] === TAG_ERROR) {
      out.push({ error: { kind: 'empty', offset: 0, message: NO_REPLY }, input: text.slice(r[i + 3], r[i + 4]) });
      i += ERROR_FIELDS;
    } else {
      out.push(readClassified(r, i, text));
      i = next;
    }
  }
}

/**
 * The recommended delay in seconds before attempt number `attempt` (1 = the first attempt, so
 * 2 = the first retry) after this reply, with jitter; `null` when it should not be retried.
 */
function retryDelayUnguarded(reply, attempt) {
  ready();
  let text = reply;
  let command = NONE;
  const result = reply !== null && typeof reply === 'object' && typeof reply.replyText === 'string';
  if (result) {
    // The verdict stands: a reply that is not to be retried gets no delay, though its text
    // read alone (without the log line around it) might seem retryable.
    if (reply.retryable === false) return null;
    // A code or status found beside the words (Python's `(550, b'...')`, Postfix's dsn=)
    // goes with them again.
    const head = reply.code !== null ? String(reply.code) : reply.enhanced;
    text = head !== null && !reply.replyText.startsWith(head) ? `${head} ${reply.replyText}` : reply.replyText;
    command = commandOf('retryDelay', reply.command);
  } else if (typeof reply !== 'string') {
    throw new TypeError(`retryDelay: expected a reply as a string or a classify() result, got ${describe(reply)}`);
  }
  if (typeof attempt !== 'number') {
    throw new TypeError(`retryDelay: expected the attempt number as a number, got ${describe(attempt)}`);
  }
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > 0xffffffff) {
    throw new RangeError(`retryDelay: the attempt number is a whole number from 1 (the first attempt), not ${attempt}`);
  }
  const random = (Math.random() * 4294967296) >>> 0;
  call(OP_RETRY_DELAY, putString(text), command, attempt, random);
  if (value === NONE - 1) {
    if (!result) throw new SmtpReplyError('empty', 0, NO_REPLY);
    // A retryable result whose words alone hold no reply (a mailer's exit status, `X-Unix; 75`):
    // the RFC 5321 schedule of any temporary failure, which a bare 4.0.0 gets.
    call(OP_RETRY_DELAY, putString('4.0.0'), NONE, attempt, random);
  }
  return value === NONE ? null : value;
}

/** The breakdown, advice and examples of a basic code (`421`, `'421'`) or an enhanced one (`'4.7.0'`). */
function explainUnguarded(code) {
  ready();
  if (typeof code === 'number') {
    if (Number.isInteger(code) && code >= 100 && code <= 999) return codeExplanation(code);
    throw new SmtpReplyError('codeOutOfRange', 0, `a reply code is a whole number from 100 to 999, not ${code}`);
  }
  if (typeof code !== 'string') {
    throw new TypeError(`explain: expected a code as a number or a string such as '4.7.0', got ${describe(code)}`);
  }
  const result = JSON.parse(runText(OP_EXPLAIN_TEXT, putString(code), 0));
  if (Array.isArray(result)) {
    const kind = names.errorKinds[result[1]];
    throw new SmtpReplyError(kind, 0, `'${code.length > 40 ? code.slice(0, 40) + '...' : code}' is not a reply code (such as 421) or an enhanced status code (such as 4.7.0)`);
  }
  // The same shared objects as parse and classify return.
  if (result.kind === 'basic') return codeExplanation(result.code);
  return enhancedExplanation(packEnhanced(result.code)) ?? deepFreeze(result);
}

/** '4.7.0' → the packed number records use (see src/wasm.rs `pack_enhanced`). */
function packEnhanced(code) {
  const [c, s, d] = code.split('.').map(Number);
  return ((c << 24) | (s << 12) | d) >>> 0;
}

let allCodes = null;

/** Every known basic and enhanced code with its title (one shared, frozen object). */
function codesUnguarded() {
  ready();
  if (allCodes === null) allCodes = deepFreeze(JSON.parse(runText(OP_CODES, 0, 0)));
  return allCodes;
}

let allReasons = null;

/**
 * Every reason `classify` gives (sisimai's names, in alphabetical order) with whether the
 * taxonomy counts it as a bounce and as a hard one, and its advice: for legends and index pages
 * (one shared, frozen array).
 */
function reasonsUnguarded() {
  ready();
  // The engine writes `bounce` and `hard` as 1 or 0.
  if (allReasons === null) allReasons = deepFreeze(JSON.parse(runText(OP_REASONS, 0, 0), (k, v) => (k === 'bounce' || k === 'hard' ? v === 1 : v)));
  return allReasons;
}

/** A streaming parser for sockets: push chunks as they arrive, get the replies they complete. */
class ReplyParser {
  #parser;
  #instance;
  /** A string chunk's last UTF-16 unit when it is the first half of a pair: it is encoded
   * with the next chunk, so that a character split between two string chunks stays whole. */
  #half = '';

  constructor(options) {
    ready();
    const a = configArgs('ReplyParser', options);
    call(OP_STREAM_NEW, 0, configBits(a), a[3], a[4]);
    this.#parser = value;
    this.#instance = instance;
    dropped.register(this, { id: value, instance });
  }

  /** The number of the wasm-side parser, if it belongs to the module instance in use. */
  #inner() {
    if (this.#instance !== instance) {
      throw new Error('smtp-reply: this ReplyParser was made by a module instance that failed; make a new one');
    }
    return this.#parser;
  }

  /** Adds a chunk (`Uint8Array`, `Buffer` or string); returns the replies it completes. */
  push(chunk) {
    let bytes = chunk;
    if (typeof chunk !== 'string' && !isBytes(chunk)) {
      throw new TypeError(`ReplyParser.push: expected a Uint8Array, Buffer or string, got ${describe(chunk)}`);
    }
    if (chunk.length > MAX_TEXT) throw new RangeError(`ReplyParser.push: chunks of at most ${MAX_TEXT}, not ${chunk.length}`);
    if (typeof chunk === 'string') {
      let text = this.#half + chunk;
      const last = text.charCodeAt(text.length - 1);
      this.#half = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
      if (this.#half) text = text.slice(0, -1);
      bytes = encoder.encode(text);
    } else if (this.#half) {
      // Bytes after half a pair: the half alone is no character (U+FFFD, as encode gives).
      bytes = concat(encoder.encode(this.#half), bytes);
      this.#half = '';
    }
    try {
      const id = this.#inner();
      const r = run(OP_STREAM_PUSH, putBytes(bytes), id);
      return readAll(r, sideText());
    } catch (error) {
      throw afterTrap(error);
    }
  }

  /** Ends the stream: returns the replies still pending; throws if one is cut short. */
  finish() {
    try {
      const held = this.#half ? this.push(new Uint8Array(0)) : [];
      const r = run(OP_STREAM_FINISH, 0, this.#inner());
      return held.concat(readAll(r, sideText()));
    } catch (error) {
      throw afterTrap(error);
    }
  }

  /** Bytes received but not yet returned as replies. */
  get buffered() {
    call(OP_STREAM_BUFFERED, 0, this.#inner());
    return value;
  }
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Frees the wasm side of parsers that are no longer used (of the instance that made them). */
const dropped = new FinalizationRegistry((held) => {
  if (held.instance === instance && wasm !== null) call(OP_STREAM_FREE, 0, held.id);
});

// ----- defence in depth ---------------------------------------------------------------------

/**
 * A trap (WebAssembly.RuntimeError) would be a bug: no input should cause one. It leaves the
 * module's memory in an unknown state, so the instance is replaced: at once in Node, by the next
 * `init()` in browsers. The call that met it throws an Error saying so; the next one works.
 */
function afterTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return error;
  if (reload !== null) {
    setWasm(reload());
  } else {
    wasm = null;
    if (onLost !== null) onLost();
  }
  const restart = reload !== null ? 'it was restarted' : 'call `await init()` again';
  const failure = new Error(`smtp-reply: the WebAssembly module failed (${error.message}); ${restart}`);
  failure.cause = error;
  return failure;
}

/** Called when the module is lost and must be initialised again (set by browser.js). */
let onLost = null;

function whenLost(callback) {
  onLost = callback;
}

function guarded(fn, name) {
  const wrapper = {
    [name](a, b) {
      try {
        return fn(a, b);
      } catch (error) {
        throw afterTrap(error);
      }
    },
  };
  return wrapper[name];
}

const parse = guarded(parseUnguarded, 'parse');
const parseEhlo = guarded(parseEhloUnguarded, 'parseEhlo');
const classify = guarded(classifyUnguarded, 'classify');
const classifyMany = guarded(classifyManyUnguarded, 'classifyMany');
const retryDelay = guarded(retryDelayUnguarded, 'retryDelay');
const explain = guarded(explainUnguarded, 'explain');
const codes = guarded(codesUnguarded, 'codes');
const reasons = guarded(reasonsUnguarded, 'reasons');

// EXPORTS: setWasm whenLost SmtpReplyError parse parseEhlo classify classifyMany explain codes reasons retryDelay ReplyParser
