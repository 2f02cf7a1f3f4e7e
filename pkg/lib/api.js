// The JavaScript API of smtp-reply, shared by the Node and browser entries. It checks
// arguments, calls the WebAssembly exports and turns their flat records into plain objects;
// all knowledge and parsing live in the Rust core. `.ci/build-pkg.sh` wraps this file as
// dist/api.mjs (ES module) and dist/api.cjs (CommonJS); `setWasm` receives the wasm-bindgen glue.
// Record layout: see src/wasm.rs.

/** @type {any} the wasm-bindgen glue, once initialised */
let wasm = null;
/** @type {any} names that record numbers stand for */
let names = null;

const explainedCodes = new Map();
const explainedEnhanced = new Map();
const enhancedStrings = new Map();
const adviceByKey = new Map();

function setWasm(glue) {
  wasm = glue;
  names = JSON.parse(glue.tables());
  explainedCodes.clear();
  explainedEnhanced.clear();
  adviceByKey.clear();
  allCodes = null;
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

function checkText(fn, text) {
  if (typeof text !== 'string' && !isBytes(text)) {
    throw new TypeError(`${fn}: expected the reply as a string or a Uint8Array, got ${describe(text)}`);
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
    enhancedStrings.set(packed, s);
  }
  return s;
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
    e = deepFreeze(JSON.parse(wasm.explainCode(code)));
    explainedCodes.set(code, e);
  }
  return e;
}

/** The shared, frozen explanation of a packed enhanced code. */
function enhancedExplanation(packed) {
  if (packed === 0) return null;
  let e = explainedEnhanced.get(packed);
  if (e === undefined) {
    e = deepFreeze(JSON.parse(wasm.explainText(enhancedString(packed))));
    explainedEnhanced.set(packed, e);
  }
  return e;
}

const REPLY_FIELDS = 9;
const LINE_FIELDS = 6;

/** Reads the reply at `r[i]`; `texts` is the string that text positions point into. */
function readReply(r, i, texts) {
  const code = r[i + 1];
  const enhanced = r[i + 4];
  const flags = r[i + 5];
  const count = r[i + 8];
  const lines = new Array(count);
  let text = '';
  for (let k = 0, j = i + REPLY_FIELDS; k < count; k++, j += LINE_FIELDS) {
    const t = texts.slice(r[j + 3], r[j + 4]);
    lines[k] = { code: r[j], last: r[j + 1] === 1, enhanced: enhancedString(r[j + 2]), text: t, offset: r[j + 5] };
    text = k === 0 ? t : text + '\n' + t;
  }
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

const ERROR_FIELDS = 5;

function readError(r, i) {
  const kind = r[i + 1];
  const offset = r[i + 2];
  return new SmtpReplyError(names.errorKinds[kind], offset, `${names.errorDescriptions[kind]} (at byte ${offset})`);
}

/** Every reply in a record; an error ends it and is thrown with the replies before it. */
function readAll(r, texts) {
  const out = [];
  let i = 0;
  while (i < r.length) {
    if (r[i] === 1) {
      const error = readError(r, i);
      error.replies = out;
      throw error;
    }
    out.push(readReply(r, i, texts));
    i = replyEnd(r, i);
  }
  return out;
}

/** One record from a byte input: the record and its side text. */
function fromOutput(output) {
  const record = output.record();
  const texts = output.text();
  output.free();
  return [record, texts];
}

// ----- the API -----------------------------------------------------------------------------

function parse(text, options) {
  const w = ready();
  checkText('parse', text);
  const a = configArgs('parse', options);
  let r;
  let texts = text;
  if (typeof text === 'string') {
    r = w.parseStr(text, a[0], a[1], a[2], a[3], a[4]);
  } else {
    [r, texts] = fromOutput(w.parseBytes(text, a[0], a[1], a[2], a[3], a[4]));
  }
  if (r[0] === 1) throw readError(r, 0);
  return readReply(r, 0, texts);
}

/** The breakdown, advice and examples of a basic code (`421`, `'421'`) or an enhanced one (`'4.7.0'`). */
function explain(code) {
  const w = ready();
  if (typeof code === 'number') {
    if (Number.isInteger(code) && code >= 100 && code <= 999) return codeExplanation(code);
    throw new SmtpReplyError('codeOutOfRange', 0, `a reply code is a whole number from 100 to 999, not ${code}`);
  }
  if (typeof code !== 'string') {
    throw new TypeError(`explain: expected a code as a number or a string such as '4.7.0', got ${describe(code)}`);
  }
  const result = JSON.parse(w.explainText(code));
  if (Array.isArray(result)) {
    const kind = names.errorKinds[result[1]];
    throw new SmtpReplyError(kind, 0, `'${code.length > 40 ? code.slice(0, 40) + '...' : code}' is not a reply code (such as 421) or an enhanced status code (such as 4.7.0)`);
  }
  return deepFreeze(result);
}

let allCodes = null;

/** Every known basic and enhanced code with its title (one shared, frozen object). */
function codes() {
  const w = ready();
  if (allCodes === null) allCodes = deepFreeze(JSON.parse(w.codes()));
  return allCodes;
}

const encoder = new TextEncoder();

/** A streaming parser for sockets: push chunks as they arrive, get the replies they complete. */
class ReplyParser {
  #parser;

  constructor(options) {
    const w = ready();
    const a = configArgs('ReplyParser', options);
    this.#parser = new w.StreamParser(a[0], a[1], a[2], a[3], a[4]);
  }

  /** Adds a chunk (`Uint8Array`, `Buffer` or string); returns the replies it completes. */
  push(chunk) {
    let bytes = chunk;
    if (typeof chunk === 'string') {
      bytes = encoder.encode(chunk);
    } else if (!isBytes(chunk)) {
      throw new TypeError(`ReplyParser.push: expected a Uint8Array, Buffer or string, got ${describe(chunk)}`);
    }
    const [r, texts] = fromOutput(this.#parser.push(bytes));
    return readAll(r, texts);
  }

  /** Ends the stream: returns the replies still pending; throws if one is cut short. */
  finish() {
    const [r, texts] = fromOutput(this.#parser.finish());
    return readAll(r, texts);
  }

  /** Bytes received but not yet returned as replies. */
  get buffered() {
    return this.#parser.buffered();
  }
}

// EXPORTS: setWasm SmtpReplyError parse explain codes ReplyParser
