//! The WebAssembly bindings behind the npm package in `pkg/`. They translate and hold no logic.
//!
//! Everything goes through one export, `run` ([`Engine::run`] of the module's one engine), with
//! an operation number ([`op`]): one wasm-bindgen wrapper instead of one per function, no
//! class (whose borrow checks and glue took 772 B of gzip), and no strings or objects crossing
//! through wasm-bindgen (each would bring its glue and shims). JavaScript writes the text as
//! UTF-8 into the engine's input buffer (no allocation per call) and reads the result from the module's
//! memory: a flat `u32` "record" that `pkg/lib/api.js` copies out and turns into plain objects
//! (no per-field calls, no `core::fmt`), a side text, and a number. Texts are not copied back:
//! a record holds UTF-16 positions into the caller's own string (or, for byte input and the
//! streaming parsers, into the side text). Cold paths (`explain`, `codes`, advice) leave JSON
//! as the side text, which JavaScript parses once and caches. The names that records' numbers
//! stand for are constant: the package's build writes them into its JavaScript ([`tables`]).
//!
//! Record layout (all `u32`), one entry after another:
//! - reply: `TAG_REPLY, code, severity, category, enhanced, flags, start, length, lines,`
//!   then per line `code, last, enhanced, text start, text end, offset`;
//! - classification: see `Record::classified`;
//! - error: `TAG_ERROR, kind, offset, input start, input end`;
//! - EHLO reply: a reply, then `0` when it is no EHLO reply (not 250), else `1, domain start,
//!   domain end, greeting start, greeting end, size (0 none, 1 some), size low, size high,
//!   mechanisms,` (start, end) per AUTH mechanism, `extensions,` then per extension `known
//!   (index into tables().extensions, or u32::MAX), keyword start, keyword end, number (0
//!   none, 1 some), number low, number high, params,` (start, end) per parameter.
//!
//! Enum values are their discriminants, which are their indices in the name lists of
//! [`tables`]; `enhanced` is packed as `class << 24 | subject << 12 | detail` (0 = none).

// wasm-bindgen's macros expand to code newer than the crate's MSRV; the `wasm` feature needs
// what wasm-bindgen 0.2.130 needs.
#![allow(clippy::incompatible_msrv)]

use alloc::string::String;
use alloc::vec::Vec;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
use wasm_bindgen::prelude::*;

use crate::{
    basic_codes, enhanced_codes, replies, subject_meaning, subject_name, Action, Advice,
    AdviceSource, Category, Classification, Command, Ehlo, EnhancedStatus, Error, ErrorKind,
    ExtensionKind, ParserConfig, Provider, Reason, Reply, ReplyCode, ReplyParser, Severity, Source,
};

/// A small allocator: the module allocates little (inputs, records), and dlmalloc costs 8 KB.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

const TAG_REPLY: u32 = 0;
const TAG_ERROR: u32 = 1;
const TAG_CLASSIFIED: u32 = 2;
/// "None" for an optional enum index.
const NONE: u32 = u32::MAX;

const FLAG_MIXED_CODES: u32 = 1;
const FLAG_CLASS_MISMATCH: u32 = 2;
const FLAG_HARD: u32 = 4;
const FLAG_RETRYABLE: u32 = 8;
const FLAG_DELAY: u32 = 16;
const FLAG_DELAY_STATED: u32 = 32;
const FLAG_REPLY: u32 = 64;

/// The order in which enum values are numbered in records; `tables()` lists the same order.
const SEVERITIES: [Severity; 6] = [
    Severity::PositivePreliminary,
    Severity::PositiveCompletion,
    Severity::PositiveIntermediate,
    Severity::TransientNegative,
    Severity::PermanentNegative,
    Severity::Unknown,
];
const CATEGORIES: [Category; 7] = [
    Category::Syntax,
    Category::Information,
    Category::Connections,
    Category::Unspecified3,
    Category::Unspecified4,
    Category::MailSystem,
    Category::Unknown,
];
const ERROR_KINDS: [ErrorKind; 11] = [
    ErrorKind::NotANumber,
    ErrorKind::CodeOutOfRange,
    ErrorKind::BadSeparator,
    ErrorKind::CodeMismatch,
    ErrorKind::BareLineFeed,
    ErrorKind::LineTooLong,
    ErrorKind::TooManyLines,
    ErrorKind::InvalidUtf8,
    ErrorKind::ControlCharacter,
    ErrorKind::Empty,
    ErrorKind::Incomplete,
];

const SOURCES: [Source; 6] = [
    Source::Reply,
    Source::Postfix,
    Source::Exim,
    Source::Dsn,
    Source::Sendmail,
    Source::Qmail,
];

/// The position of `value` in `list` (`u32::MAX` if absent, which a test rules out). Records
/// write an enum as its discriminant instead (no search); a test checks that the lists sent by
/// `tables()` are in declaration order, which makes the two the same.
#[cfg(test)]
fn index_of<T: PartialEq>(list: &[T], value: &T) -> u32 {
    list.iter()
        .position(|v| v == value)
        .map_or(u32::MAX, |i| i as u32)
}

fn pack_enhanced(e: Option<EnhancedStatus>) -> u32 {
    e.map_or(0, |e| {
        (e.class_digit() as u32) << 24 | (e.subject() as u32) << 12 | e.detail() as u32
    })
}

// ---------------------------------------------------------------------------------------------
// Parser configuration from JavaScript options
// ---------------------------------------------------------------------------------------------

/// Builds a config: the strict or lenient preset, then the switches named in `set` take their
/// bit from `values` (bit order as in `pkg/api.js`), then the limits unless 0.
fn config_from(
    strict: bool,
    set: u32,
    values: u32,
    max_line_length: u32,
    max_lines: u32,
) -> ParserConfig {
    let mut c = if strict {
        ParserConfig::strict()
    } else {
        ParserConfig::lenient()
    };
    let switches: [&mut bool; 8] = [
        &mut c.allow_lf_endings,
        &mut c.allow_missing_final_line_ending,
        &mut c.allow_missing_space,
        &mut c.allow_code_mismatch,
        &mut c.allow_nonstandard_codes,
        &mut c.allow_invalid_utf8,
        &mut c.allow_surrounding_whitespace,
        &mut c.allow_control_characters,
    ];
    for (bit, switch) in switches.into_iter().enumerate() {
        if set & (1 << bit) != 0 {
            *switch = values & (1 << bit) != 0;
        }
    }
    if max_line_length > 0 {
        c.max_line_length = max_line_length as usize;
    }
    if max_lines > 0 {
        c.max_lines = max_lines as usize;
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/// Where the texts named by a record live.
enum Texts {
    /// In the caller's input string: positions are byte offsets while writing, converted to
    /// UTF-16 offsets by [`Record::finish`] (indices of the fields to convert in `text_fields`;
    /// `None` for ASCII input, where both are the same, so the common case allocates nothing).
    Input {
        base: usize,
        len: usize,
        text_fields: Option<Vec<u32>>,
    },
    /// In a side string built here (byte input, streaming): positions are UTF-16 offsets in it.
    Side { text: String, units: u32 },
}

/// A record being written.
struct Record {
    out: Vec<u32>,
    texts: Texts,
}

impl Record {
    /// A record whose texts are positions in `input`, rewritten from bytes to UTF-16 units
    /// when it is not ASCII; `ascii` says that it is, as the caller knows (JavaScript, from
    /// `encodeInto`), so that the engine need not read it all once more to find out.
    fn for_input_into(input: &[u8], out: Vec<u32>, ascii: bool) -> Record {
        Record {
            out,
            texts: Texts::Input {
                base: input.as_ptr() as usize,
                len: input.len(),
                text_fields: if ascii || input.is_ascii() {
                    None
                } else {
                    Some(Vec::new())
                },
            },
        }
    }

    fn with_side_text() -> Record {
        Record::with_side_text_into(Vec::new(), String::new())
    }

    fn with_side_text_into(out: Vec<u32>, mut text: String) -> Record {
        text.clear();
        Record {
            out,
            texts: Texts::Side { text, units: 0 },
        }
    }

    /// Writes the start and end of a text that is a slice of the input.
    fn text(&mut self, slice: &[u8]) {
        match &mut self.texts {
            Texts::Input {
                base,
                len,
                text_fields,
            } => {
                let start = (slice.as_ptr() as usize).wrapping_sub(*base);
                // Every text the core returns is a slice of the input; anything else is empty.
                let (start, end) = match start.checked_add(slice.len()) {
                    Some(end) if end <= *len => (start as u32, end as u32),
                    _ => (0, 0),
                };
                if let Some(fields) = text_fields {
                    fields.push(self.out.len() as u32);
                    fields.push(self.out.len() as u32 + 1);
                }
                self.out.push(start);
                self.out.push(end);
            }
            Texts::Side { text, units } => {
                self.out.push(*units);
                let before = text.len();
                crate::reply::write_lossy(text, slice).ok();
                *units += utf16_len(&text.as_bytes()[before..]);
                self.out.push(*units);
            }
        }
    }

    fn reply(&mut self, reply: &Reply<'_>, input_start: usize) {
        let code = reply.code();
        let mut flags = 0;
        if reply.has_mixed_codes() {
            flags |= FLAG_MIXED_CODES;
        }
        if reply.has_class_mismatch() {
            flags |= FLAG_CLASS_MISMATCH;
        }
        self.out.extend_from_slice(&[
            TAG_REPLY,
            code.as_u16() as u32,
            code.severity() as u32,
            code.category() as u32,
            pack_enhanced(reply.enhanced()),
            flags,
            (reply.as_bytes().as_ptr() as usize).wrapping_sub(input_start) as u32,
            reply.len() as u32,
            reply.line_count() as u32,
        ]);
        self.lines(reply);
    }

    fn lines(&mut self, reply: &Reply<'_>) {
        for line in reply.lines() {
            self.out.extend_from_slice(&[
                line.code().as_u16() as u32,
                line.is_last() as u32,
                pack_enhanced(line.enhanced()),
            ]);
            self.text(line.text());
            self.out.push(line.offset() as u32);
        }
    }

    /// A classification: `TAG_CLASSIFIED, code (0 = none), severity, category, enhanced,
    /// reason, provider, command, action, flags, delay, source, advice (its number, and
    /// whose it is, an [`AdviceSource`], from bit 24), text start, text end,
    /// length, links, (start, end) per link, lines, then per line as in [`Record::reply`].
    fn classified(&mut self, c: &Classification<'_>, advice: u32) {
        let reply = c.reply();
        let mut flags = 0;
        if let Some(r) = &reply {
            flags |= FLAG_REPLY;
            if r.has_mixed_codes() {
                flags |= FLAG_MIXED_CODES;
            }
            if r.has_class_mismatch() {
                flags |= FLAG_CLASS_MISMATCH;
            }
        }
        if c.is_hard() {
            flags |= FLAG_HARD;
        }
        if c.is_retryable() {
            flags |= FLAG_RETRYABLE;
        }
        let delay = c.retry_delay();
        if let Some(d) = delay {
            flags |= FLAG_DELAY;
            if d.is_stated() {
                flags |= FLAG_DELAY_STATED;
            }
        }
        let action = c.action() as u32;
        self.out.extend_from_slice(&[
            TAG_CLASSIFIED,
            c.code().map_or(0, |c| c.as_u16() as u32),
            c.severity() as u32,
            c.code().map_or(Category::Unknown, |c| c.category()) as u32,
            pack_enhanced(c.enhanced()),
            c.reason() as u32,
            c.provider().map_or(NONE, |p| p as u32),
            c.command().map_or(NONE, |k| k as u32),
            action,
            flags,
            delay.map_or(0, |d| d.seconds()),
            c.source() as u32,
            advice,
        ]);
        self.text(c.text());
        self.out
            .push(reply.map_or(c.text().len(), |r| r.len()) as u32);
        // As bytes: the record holds positions, and a link needs no UTF-8 check (ASCII).
        let mut links = c.links();
        self.words(core::iter::from_fn(|| links.next_bytes()));
        match reply {
            Some(r) => {
                self.out.push(r.line_count() as u32);
                self.lines(&r);
            }
            None => self.out.push(0),
        }
    }

    /// What an EHLO reply advertises, after the reply itself (see the layout above).
    fn ehlo(&mut self, ehlo: Option<Ehlo<'_>>) {
        let Some(ehlo) = ehlo else {
            self.out.push(0);
            return;
        };
        self.out.push(1);
        self.text(ehlo.domain().as_bytes());
        self.text(ehlo.greeting().as_bytes());
        self.number(ehlo.size());
        self.words(ehlo.auth_mechanisms().map(str::as_bytes));
        let count_at = self.out.len();
        self.out.push(0);
        for ext in ehlo.extensions() {
            self.out
                .push(ext.kind().known_index().map_or(NONE, |i| i as u32));
            self.text(ext.keyword().as_bytes());
            self.number(ext.number());
            self.words(ext.params().map(str::as_bytes));
            self.out[count_at] += 1;
        }
    }

    /// An optional `u64`: a flag, then its low and high halves.
    fn number(&mut self, n: Option<u64>) {
        let v = n.unwrap_or_default();
        self.out
            .extend_from_slice(&[n.is_some() as u32, v as u32, (v >> 32) as u32]);
    }

    /// A count, then each word's start and end.
    fn words<'a>(&mut self, words: impl Iterator<Item = &'a [u8]>) {
        let count_at = self.out.len();
        self.out.push(0);
        for w in words {
            self.text(w);
            self.out[count_at] += 1;
        }
    }

    fn error(&mut self, error: Error, input: &[u8]) {
        self.out
            .extend_from_slice(&[TAG_ERROR, error.kind() as u32, error.offset() as u32]);
        self.text(input);
    }

    /// The finished record. For text in the caller's string, byte offsets become UTF-16
    /// offsets (a no-op for ASCII input, the common case).
    fn finish(mut self, input: &[u8]) -> Vec<u32> {
        if let Texts::Input {
            text_fields: Some(fields),
            ..
        } = &self.texts
        {
            to_utf16_offsets(input, &mut self.out, fields);
        }
        self.out
    }
}

/// How many UTF-16 code units the UTF-8 text `bytes` takes.
fn utf16_len(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| utf16_units_of_lead(b)).sum()
}

/// UTF-16 units contributed by one byte of valid UTF-8: one per character, two for those
/// outside the BMP (4-byte sequences), none for continuation bytes.
fn utf16_units_of_lead(b: u8) -> u32 {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

/// Rewrites the byte offsets at `fields` as UTF-16 offsets, walking from one to the next: they
/// come nearly in order (a reply's links, then its lines, lie within its text), so the walk is
/// linear in the input however long it is.
fn to_utf16_offsets(input: &[u8], out: &mut [u32], fields: &[u32]) {
    let (mut byte, mut units) = (0usize, 0u32);
    for &f in fields {
        let Some(slot) = out.get_mut(f as usize) else {
            continue;
        };
        let target = (*slot as usize).min(input.len());
        if target >= byte {
            units += utf16_len(&input[byte..target]);
        } else {
            units -= utf16_len(&input[target..byte]);
        }
        byte = target;
        *slot = units;
    }
}

// ---------------------------------------------------------------------------------------------
// Exports: the engine (one entry point, `run`). JavaScript reads results from the module's
// memory, which it gets from the glue (`.ci/build-pkg.sh`), not through an export: a `JsValue`
// would pull in wasm-bindgen's externref table (about 750 bytes).
// ---------------------------------------------------------------------------------------------

/// What [`Engine::run`] does (numbers shared with `pkg/lib/api.js`).
pub mod op {
    // 0 was the name tables, which `.ci/build-pkg.sh` now writes into the JavaScript.
    /// `parse`: `a` = [`super::config_bits`] (bit 0: byte input), `b`, `c` = limits.
    pub const PARSE: u32 = 1;
    /// `classify`: `a` = 1 for byte input, `b` = command index or `u32::MAX`.
    pub const CLASSIFY: u32 = 2;
    /// `classifyMany`: `a` = the separator byte, `b` = the command for every item (index or
    /// `u32::MAX`), `c` = how many bytes at the end of the input are each item's own command
    /// (0: none); the value is the number of items read.
    pub const CLASSIFY_MANY: u32 = 3;
    /// An advice (`a` = its number in records) as JSON text.
    pub const ADVICE: u32 = 4;
    /// `explain` of the code text in the input, as JSON text.
    pub const EXPLAIN_TEXT: u32 = 5;
    /// `explain` of the basic code `a`, as JSON text.
    pub const EXPLAIN_CODE: u32 = 6;
    /// `codes()` as JSON text.
    pub const CODES: u32 = 7;
    /// The index of the command named by the input (value).
    pub const COMMAND: u32 = 8;
    /// The retry delay (value) for the input: `a` = command, `b` = attempt, `c` = random.
    pub const RETRY_DELAY: u32 = 9;
    /// A new streaming parser (value: its number): `a`, `b`, `c` as for `PARSE`.
    pub const STREAM_NEW: u32 = 10;
    /// Pushes the input to parser `a`; the record holds the replies it completes.
    pub const STREAM_PUSH: u32 = 11;
    /// Ends the stream of parser `a`.
    pub const STREAM_FINISH: u32 = 12;
    /// Bytes buffered by parser `a` (value).
    pub const STREAM_BUFFERED: u32 = 13;
    /// Drops parser `a`.
    pub const STREAM_FREE: u32 = 14;
    /// `parseEhlo`: as `PARSE`, and the record's reply is followed by what it advertises.
    pub const PARSE_EHLO: u32 = 15;
    /// `reasons()` as JSON text.
    pub const REASONS: u32 = 16;
    /// A bit of `a` for the ops that read text (`PARSE`, `PARSE_EHLO`, `CLASSIFY`,
    /// `CLASSIFY_MANY`): the caller knows the input to be ASCII (the text part of
    /// `CLASSIFY_MANY`'s), so its texts' byte positions are UTF-16 positions as they are. Set
    /// for an input that is not ASCII, texts come out at wrong positions (never a trap). The
    /// other ops write no text positions, so whatever their `a` holds there means nothing.
    pub const ASCII: u32 = 1 << 24;
}

/// Parser options packed as [`Engine::run`] takes them: bit 1 strict, bits 8-15 which
/// switches are set, bits 16-23 their values (switch order as in `config_from`).
pub fn config_bits(strict: bool, set: u32, values: u32) -> u32 {
    (strict as u32) << 1 | (set & 0xff) << 8 | (values & 0xff) << 16
}

fn config_of(bits: u32, max_line: u32, max_lines: u32) -> ParserConfig {
    config_from(
        bits & 2 != 0,
        bits >> 8 & 0xff,
        bits >> 16 & 0xff,
        max_line,
        max_lines,
    )
}

fn parse_into(record: &mut Record, input: &[u8], config: &ParserConfig, ehlo: bool) {
    match replies(input, config).next() {
        Some(Ok(reply)) => {
            record.reply(&reply, input.as_ptr() as usize);
            if ehlo {
                record.ehlo(Ehlo::from_reply(reply));
            }
        }
        Some(Err(e)) => record.error(e, input),
        None => record.error(Error::new(ErrorKind::Empty, 0), input),
    }
}

/// A record and the side string its texts point into (the streaming parser's output).
pub struct Output {
    record: Vec<u32>,
    text: String,
}

impl Output {
    /// The record.
    pub fn record(&mut self) -> Vec<u32> {
        core::mem::take(&mut self.record)
    }

    /// The side string.
    pub fn text(&mut self) -> String {
        core::mem::take(&mut self.text)
    }
}

impl From<Record> for Output {
    fn from(r: Record) -> Output {
        let text = match r.texts {
            Texts::Side { text, .. } => text,
            Texts::Input { .. } => String::new(),
        };
        Output {
            record: r.out,
            text,
        }
    }
}

/// The streaming parser: `push` and `finish` return the replies (and at most one error, last)
/// completed so far. JavaScript reaches it through [`Engine::run`] by number.
pub struct StreamParser {
    inner: ReplyParser,
}

impl StreamParser {
    /// A parser with the given options (see `config_from`).
    pub fn new(strict: bool, set: u32, values: u32, max_line: u32, max_lines: u32) -> StreamParser {
        StreamParser {
            inner: ReplyParser::new(config_from(strict, set, values, max_line, max_lines)),
        }
    }

    /// Appends bytes and returns what they complete, stopping after an error.
    pub fn push(&mut self, chunk: &[u8]) -> Output {
        self.push_into(chunk, Record::with_side_text()).into()
    }

    fn push_into(&mut self, chunk: &[u8], mut record: Record) -> Record {
        self.inner.push(chunk);
        while let Some(result) = self.inner.next_reply() {
            if !write_streamed(&mut record, result) {
                break;
            }
        }
        record
    }

    /// Ends the stream: the last reply if its final line ending is missing and allowed, or an
    /// `incomplete` error if an unfinished reply remains.
    pub fn finish(&mut self) -> Output {
        self.finish_into(Record::with_side_text()).into()
    }

    fn finish_into(&mut self, mut record: Record) -> Record {
        // Replies still buffered after an error in the last `push` come out first.
        while let Some(result) = self.inner.next_reply() {
            if !write_streamed(&mut record, result) {
                return record;
            }
        }
        if let Some(result) = self.inner.finish() {
            write_streamed(&mut record, result);
        }
        record
    }

    /// Bytes buffered and not yet returned.
    pub fn buffered(&self) -> u32 {
        self.inner.buffered() as u32
    }
}

/// Writes one streamed result; false after an error.
fn write_streamed(record: &mut Record, result: Result<Reply<'_>, Error>) -> bool {
    match result {
        Ok(reply) => {
            let start = reply.as_bytes().as_ptr() as usize;
            record.reply(&reply, start);
            true
        }
        Err(e) => {
            record.error(e, &[]);
            false
        }
    }
}

/// The command for a name such as `"RCPT"`, `"rcpt to:<a@b>"` or `"end of data"`, as an index
/// into `tables().commands` (`u32::MAX` when unknown).
pub fn command_index(name: &str) -> u32 {
    command_index_of(name.as_bytes())
}

fn command_index_of(name: &[u8]) -> u32 {
    Command::from_name(name).map_or(NONE, |c| c as u32)
}

fn command_at(index: u32) -> Option<Command> {
    Command::ALL.get(index as usize).copied()
}

/// [`retry_delay`]: the text should not be retried (any more).
pub const NO_RETRY: u32 = u32::MAX;
/// [`retry_delay`]: the text holds no reply.
pub const NO_REPLY: u32 = u32::MAX - 1;

/// The delay in seconds before attempt number `attempt` (1 = the first) for the failure the
/// text shows, with jitter from `random`: [`NO_RETRY`] when it should not be retried (any
/// more), [`NO_REPLY`] when the text holds no reply.
pub fn retry_delay(text: &str, command: u32, attempt: u32, random: u32) -> u32 {
    retry_delay_of(text.as_bytes(), command, attempt, random)
}

fn retry_delay_of(text: &[u8], command: u32, attempt: u32, random: u32) -> u32 {
    match crate::classify::classify_text_with(text, command_at(command)) {
        None => NO_REPLY,
        Some(c) => c
            .schedule()
            .and_then(|s| s.delay_before(attempt, random))
            .map_or(NO_RETRY, |d| d.min(NO_REPLY - 1)),
    }
}

/// The working state behind the whole JavaScript API: an input buffer that JavaScript writes
/// text into (no allocation per call), the record and the side text it reads back from memory,
/// the advice texts already sent (each crosses once) and the streaming parsers. The module
/// has one, behind the exports `input` and `run`.
pub struct Engine {
    input: Vec<u8>,
    record: Vec<u32>,
    side: String,
    advice: Vec<&'static Advice>,
    parsers: Vec<Option<StreamParser>>,
    /// What the last `run` left, for JavaScript: record address and length (in `u32`s), side
    /// text address and length (in bytes), and a number (see [`op`]).
    result: [u32; 5],
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// The module's engine. A wasm-bindgen class would check on every call that no other call
/// holds it, and carry that check's messages and glue (772 B of the wasm's gzip); here no
/// call can: the module has one thread, JavaScript calls the exports one at a time, and
/// nothing in them calls back into JavaScript.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
struct Global(core::cell::UnsafeCell<Engine>);

// SAFETY: without the `atomics` target feature the module runs on one thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[allow(unsafe_code)]
unsafe impl Sync for Global {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
static ENGINE: Global = Global(core::cell::UnsafeCell::new(Engine::new()));

/// Calls `f` with the module's engine.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[allow(unsafe_code)]
fn with_engine<R>(f: impl FnOnce(&mut Engine) -> R) -> R {
    // SAFETY: one thread, and neither export calls the other or back into JavaScript, so
    // this is the only reference to the engine while `f` runs.
    f(unsafe { &mut *ENGINE.0.get() })
}

/// [`Engine::input_buffer`] of the module's engine.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[wasm_bindgen]
pub fn input(len: u32) -> u32 {
    with_engine(|e| e.input_buffer(len))
}

/// [`Engine::run`] of the module's engine.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[wasm_bindgen]
pub fn run(op: u32, len: u32, a: u32, b: u32, c: u32) -> u32 {
    with_engine(|e| e.run(op, len, a, b, c))
}

/// Buffers larger than this are released after the call that needed them (`pkg/lib/api.js`
/// mirrors this to know when its cached buffer address is stale).
const KEEP_BUFFER: usize = 1 << 20;

impl Engine {
    /// An engine with empty buffers.
    pub const fn new() -> Engine {
        Engine {
            input: Vec::new(),
            record: Vec::new(),
            side: String::new(),
            advice: Vec::new(),
            parsers: Vec::new(),
            result: [0; 5],
        }
    }

    /// Makes the input buffer at least `len` bytes long; returns its address in memory.
    pub fn input_buffer(&mut self, len: u32) -> u32 {
        if self.input.len() < len as usize {
            self.input.resize(len as usize, 0);
        }
        self.input.as_ptr() as u32
    }

    /// Does `op` (see [`op`]) on the first `len` bytes of the input buffer; returns the address
    /// of the result: record address and length, side text address and length, a number.
    pub fn run(&mut self, op: u32, len: u32, a: u32, b: u32, c: u32) -> u32 {
        let len = (len as usize).min(self.input.len());
        let mut value = 0;
        let mut out = core::mem::take(&mut self.record);
        out.clear();
        let mut side = core::mem::take(&mut self.side);
        side.clear();
        let input = &self.input[..len];
        let by_bytes = a & 1 != 0;
        let mut record = match op {
            op::PARSE | op::PARSE_EHLO | op::CLASSIFY if by_bytes => {
                Record::with_side_text_into(out, side)
            }
            op::STREAM_PUSH | op::STREAM_FINISH => Record::with_side_text_into(out, side),
            _ => {
                let r = Record::for_input_into(input, out, a & op::ASCII != 0);
                self.side = side;
                r
            }
        };
        let advice = &mut self.advice;
        let json = match op {
            op::PARSE | op::PARSE_EHLO => {
                parse_into(
                    &mut record,
                    input,
                    &config_of(a, b, c),
                    op == op::PARSE_EHLO,
                );
                None
            }
            op::CLASSIFY => {
                classify_into(&mut record, input, command_at(b), advice);
                None
            }
            op::CLASSIFY_MANY => {
                let (text, commands) = input.split_at(input.len() - (c as usize).min(input.len()));
                let commands = Commands {
                    all: command_at(b),
                    each: commands,
                };
                value = classify_many_into(&mut record, text, a as u8, commands, advice);
                None
            }
            op::ADVICE => Some(advice_json(advice.get(a as usize).copied())),
            op::EXPLAIN_TEXT => Some(explain_bytes(input)),
            op::EXPLAIN_CODE => Some(explain_code(a)),
            op::CODES => Some(codes()),
            op::REASONS => Some(reasons()),
            op::COMMAND => {
                value = command_index_of(input);
                None
            }
            op::RETRY_DELAY => {
                value = retry_delay_of(input, a, b, c);
                None
            }
            op::STREAM_NEW => {
                let parser = Some(StreamParser {
                    inner: ReplyParser::new(config_of(a, b, c)),
                });
                value = match self.parsers.iter().position(Option::is_none) {
                    Some(i) => {
                        self.parsers[i] = parser;
                        i as u32
                    }
                    None => {
                        self.parsers.push(parser);
                        self.parsers.len() as u32 - 1
                    }
                };
                None
            }
            _ => {
                let parser = self.parsers.get_mut(a as usize).and_then(Option::as_mut);
                match (op, parser) {
                    (op::STREAM_PUSH, Some(p)) => record = p.push_into(input, record),
                    (op::STREAM_FINISH, Some(p)) => record = p.finish_into(record),
                    (op::STREAM_BUFFERED, Some(p)) => value = p.buffered(),
                    (op::STREAM_FREE, Some(_)) => {
                        if let Some(slot) = self.parsers.get_mut(a as usize) {
                            *slot = None;
                        }
                    }
                    _ => {}
                }
                None
            }
        };
        if let Texts::Side { text, .. } = &mut record.texts {
            self.side = core::mem::take(text);
        }
        if let Some(json) = json {
            self.side = json;
        }
        self.record = record.finish(input);
        if self.input.len() > KEEP_BUFFER {
            self.input = Vec::new();
        }
        self.result = [
            self.record.as_ptr() as u32,
            self.record.len() as u32,
            self.side.as_ptr() as u32,
            self.side.len() as u32,
            value,
        ];
        self.result.as_ptr() as u32
    }
}

/// For Rust callers (tests): what JavaScript does through memory.
impl Engine {
    /// Copies `bytes` into the input buffer, as JavaScript writes a text; returns its length.
    pub fn load(&mut self, bytes: &[u8]) -> u32 {
        self.input_buffer(bytes.len() as u32);
        self.input[..bytes.len()].copy_from_slice(bytes);
        bytes.len() as u32
    }

    /// The record written by the last call.
    pub fn record(&self) -> &[u32] {
        &self.record
    }

    /// The side text (or JSON text) of the last call.
    pub fn side_text(&self) -> String {
        self.side.clone()
    }

    /// The number the last call left (see [`op`]).
    pub fn value(&self) -> u32 {
        self.result[4]
    }

    /// `parse` of the input: with `bytes`, texts go to the side text (invalid UTF-8 replaced
    /// by U+FFFD); otherwise they are UTF-16 positions in the caller's string. Returns the
    /// record's length.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        &mut self,
        len: u32,
        bytes: bool,
        strict: bool,
        set: u32,
        values: u32,
        max_line: u32,
        max_lines: u32,
    ) -> u32 {
        let bits = config_bits(strict, set, values) | bytes as u32;
        self.run(op::PARSE, len, bits, max_line, max_lines);
        self.record.len() as u32
    }

    /// `classify` of the input. `command`: an index from [`command_index`], or `u32::MAX` for
    /// the one found in the text. Returns the record's length.
    pub fn classify(&mut self, len: u32, bytes: bool, command: u32) -> u32 {
        self.run(op::CLASSIFY, len, bytes as u32, command, 0);
        self.record.len() as u32
    }

    /// `classifyMany` (see [`classify_many_into`]) of the first `len` bytes of the input, of
    /// which the last `each` are the items' own commands ([`NO_COMMAND`]: `command`'s);
    /// `command` as for [`Engine::classify`]. Returns the record's length.
    pub fn classify_many(&mut self, len: u32, separator: u8, command: u32, each: u32) -> u32 {
        self.run(op::CLASSIFY_MANY, len, separator as u32, command, each);
        self.record.len() as u32
    }

    /// An advice as JSON (`null` for an unknown number).
    pub fn advice_json(&mut self, id: u32) -> String {
        self.run(op::ADVICE, 0, id, 0, 0);
        self.side_text()
    }
}

/// The commands `classifyMany` classifies its items with: one for all, and a byte per item
/// (a command's index, [`NO_COMMAND`] for the one for all), as many as JavaScript gave.
struct Commands<'a> {
    all: Option<Command>,
    each: &'a [u8],
}

/// In the bytes of [`Engine::classify_many`]'s own commands: the item has none of its own.
pub const NO_COMMAND: u8 = u8::MAX;

/// One result per item of the input. With `separator` `\n` the items are the lines of a log (a
/// trailing `\r` is dropped, blank lines are skipped); with any other separator (JavaScript
/// joins an array with a control character) every item gets a result. Returns how many items
/// it read: JavaScript joins with NUL without looking inside the items first, and a count that
/// is not the array's tells it that one held a NUL (the items' commands are then misplaced,
/// and JavaScript asks again with another separator).
fn classify_many_into(
    record: &mut Record,
    input: &[u8],
    separator: u8,
    commands: Commands,
    advice: &mut Vec<&'static Advice>,
) -> u32 {
    let lines = separator == b'\n';
    let mut rest = input;
    let mut items = 0;
    loop {
        items += 1;
        let (mut item, next) = match crate::scan::find_once(separator, rest) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        if lines {
            if let [head @ .., b'\r'] = item {
                item = head;
            }
        }
        if !(lines && item.iter().all(|b| b.is_ascii_whitespace())) {
            let command = match commands.each.get(items as usize - 1) {
                Some(&i) if i != NO_COMMAND => command_at(i as u32),
                _ => commands.all,
            };
            classify_into(record, item, command, advice);
        }
        match next {
            Some(n) => rest = n,
            None => return items,
        }
    }
}

fn advice_json(advice: Option<&Advice>) -> String {
    let mut j = Json::new();
    j.advice(advice);
    j.0
}

/// The number JavaScript knows an advice by (it fetches the text with `op::ADVICE` once).
fn advice_id(known: &mut Vec<&'static Advice>, advice: &'static Advice) -> u32 {
    match known.iter().position(|a| core::ptr::eq(*a, advice)) {
        Some(i) => i as u32,
        None => {
            known.push(advice);
            known.len() as u32 - 1
        }
    }
}

fn classify_into(
    record: &mut Record,
    text: &[u8],
    command: Option<Command>,
    advice: &mut Vec<&'static Advice>,
) {
    match crate::classify::classify_text_with(text, command) {
        Some(c) => {
            // Whose advice, above the advice's number (JavaScript's `adviceFrom`).
            let (a, source) = c.advice_and_source();
            record.classified(&c, advice_id(advice, a) | (source as u32) << 24);
        }
        None => record.error(Error::new(ErrorKind::Empty, 0), text),
    }
}

// ---------------------------------------------------------------------------------------------
// Exports: explain, codes (JSON text; JavaScript caches the parsed objects)
// ---------------------------------------------------------------------------------------------

/// The names that record numbers stand for, as JSON. Not in the module: constant, they are
/// written into `pkg/lib/api.js`'s bundle when the package is built (`examples/js_tables.rs`,
/// run natively by `.ci/build-pkg.sh`), which kept about 1.5 KB gzip of names and the code
/// that wrote them out of the wasm. `tests/wasm.rs` reads them here.
pub fn tables() -> String {
    let mut j = Json::new();
    j.open('{');
    j.key("severities");
    j.strs(SEVERITIES.iter().map(|s| s.as_str()));
    j.key("categories");
    j.strs(CATEGORIES.iter().map(|c| c.as_str()));
    j.key("errorKinds");
    j.strs(ERROR_KINDS.iter().map(|k| k.as_str()));
    j.key("errorDescriptions");
    j.strs(ERROR_KINDS.iter().map(|k| k.description()));
    j.key("reasons");
    j.strs(Reason::ALL.iter().map(|r| r.as_str()));
    j.key("actions");
    j.strs(Action::ALL.iter().map(|a| a.as_str()));
    j.key("providers");
    j.strs(Provider::ALL.iter().map(|p| p.as_str()));
    j.key("providerNames");
    j.strs(Provider::ALL.iter().map(|p| p.name()));
    j.key("commands");
    j.strs(Command::ALL.iter().map(|c| c.as_str()));
    j.key("sources");
    j.strs(SOURCES.iter().map(|s| s.as_str()));
    j.key("adviceSources");
    j.strs(AdviceSource::ALL.iter().map(|s| s.as_str()));
    j.key("extensions");
    j.strs(ExtensionKind::known().map(|(k, _)| k));
    j.key("extensionRfcs");
    j.strs(ExtensionKind::known().map(|(_, rfc)| rfc));
    j.close('}');
    j.0
}

/// `explain` for a code given as text: `"421"` or `"4.7.0"`. An error is a record
/// (`TAG_ERROR, kind, 0, 0, 0` as decimal numbers in a JSON array).
pub fn explain_text(code: &str) -> String {
    explain_bytes(code.as_bytes())
}

fn explain_bytes(code: &[u8]) -> String {
    let code = crate::extract::trim(code);
    if let Some(basic) = ReplyCode::from_bytes(code) {
        return explain_code(basic.as_u16() as u32);
    }
    if let Some((enhanced, n)) = EnhancedStatus::parse(code) {
        if n == code.len() {
            return explain_enhanced(enhanced);
        }
    }
    let looks_enhanced = crate::scan::find_once(b'.', code).is_some();
    let digits_only = !code.is_empty() && code.iter().all(|b| b.is_ascii_digit());
    let kind = if looks_enhanced || digits_only {
        ErrorKind::CodeOutOfRange
    } else {
        ErrorKind::NotANumber
    };
    let mut j = Json::new();
    j.open('[');
    for n in [TAG_ERROR, kind as u32, 0, 0, 0] {
        j.num(n);
    }
    j.close(']');
    j.0
}

/// The explanation of a basic code (100–999) as JSON; an out-of-range number gives an error
/// record (see [`explain_text`]).
#[inline(never)] // also called by `explain_text`: one copy
pub fn explain_code(code: u32) -> String {
    let Some(code) = u16::try_from(code).ok().and_then(ReplyCode::from_u16) else {
        return explain_text("0");
    };
    let mut j = Json::new();
    j.open('{');
    j.key_str("kind", "basic");
    j.key_num("code", code.as_u16() as u32);
    j.key_opt_str("title", code.title());
    j.key_str("severity", code.severity().as_str());
    j.key_str("category", code.category().as_str());
    j.key("digits");
    j.open('[');
    for d in code.digit_meanings() {
        j.open('{');
        j.key_num("digit", d.digit as u32);
        j.key_str("name", d.name);
        j.key_str("meaning", d.meaning);
        j.close('}');
    }
    j.close(']');
    j.key("definitions");
    j.open('[');
    for d in code.definitions() {
        j.open('{');
        j.key_str("meaning", d.meaning());
        j.key_str("rfc", d.rfc());
        j.key_str("section", d.section());
        j.key_str("commands", d.commands());
        j.key_opt_str("extension", d.extension());
        j.close('}');
    }
    j.close(']');
    j.key("advice");
    j.advice(Some(code.advice()));
    j.key("examples");
    j.strs(code.examples().iter());
    j.close('}');
    j.0
}

#[inline(never)]
fn explain_enhanced(e: EnhancedStatus) -> String {
    let mut j = Json::new();
    j.open('{');
    j.key_str("kind", "enhanced");
    j.key("code");
    j.enhanced(e.class_digit(), e.subject(), e.detail());
    j.key("class");
    j.open('{');
    j.key_num("digit", e.class_digit() as u32);
    j.key_str("name", e.class().name());
    j.key_str("meaning", e.class().meaning());
    j.close('}');
    j.key("subject");
    j.open('{');
    j.key_num("number", e.subject() as u32);
    j.key_opt_str("name", subject_name(e.subject()));
    j.key_opt_str("meaning", subject_meaning(e.subject()));
    j.close('}');
    let def = e.definition();
    j.key("detail");
    j.open('{');
    j.key_num("number", e.detail() as u32);
    j.key_opt_str("title", def.map(|d| d.title()));
    j.key_opt_str("description", def.map(|d| d.description()));
    j.key_opt_str("basicCodes", def.map(|d| d.basic_codes()));
    j.key_opt_str("reference", def.map(|d| d.reference()));
    j.close('}');
    j.key_opt_str("reason", e.typical_reason().map(|r| r.as_str()));
    let (advice, scope) = e.advice_or_fallback();
    j.key("advice");
    j.advice(Some(advice));
    j.key_str("adviceFrom", scope.as_str());
    j.key("examples");
    j.strs(e.examples().iter());
    j.close('}');
    j.0
}

/// Every code with a definition, for index pages, as JSON.
pub fn codes() -> String {
    let mut j = Json::new();
    j.open('{');
    j.key("basic");
    j.open('[');
    for code in basic_codes() {
        j.open('{');
        j.key_num("code", code.as_u16() as u32);
        j.key_opt_str("title", code.title());
        j.close('}');
    }
    j.close(']');
    j.key("enhanced");
    j.open('[');
    for d in enhanced_codes() {
        j.open('{');
        j.key("code");
        j.comma();
        j.0.push_str("\"X.");
        push_u32(&mut j.0, d.subject as u32);
        j.0.push('.');
        push_u32(&mut j.0, d.detail as u32);
        j.0.push('"');
        j.key_str("title", d.title());
        j.close('}');
    }
    j.close(']');
    j.close('}');
    j.0
}

/// Every reason with whether the taxonomy counts it as a bounce and as a hard one (1 or 0),
/// and its advice, as JSON.
#[inline(never)]
pub fn reasons() -> String {
    let mut j = Json::new();
    j.open('[');
    for &r in Reason::ALL {
        j.open('{');
        j.key_str("reason", r.as_str());
        j.key_num("bounce", r.is_bounce() as u32);
        j.key_num("hard", r.is_hard() as u32);
        j.key("advice");
        j.advice(Some(r.advice()));
        j.close('}');
    }
    j.close(']');
    j.0
}

// ---------------------------------------------------------------------------------------------
// JSON text for the cold paths
// ---------------------------------------------------------------------------------------------

/// A minimal JSON writer (no `core::fmt`): strings are escaped, numbers are integers.
struct Json(String);

impl Json {
    fn new() -> Json {
        Json(String::new())
    }

    fn comma(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn open(&mut self, c: char) {
        self.comma();
        self.0.push(c);
    }

    fn close(&mut self, c: char) {
        self.0.push(c);
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn key(&mut self, k: &str) {
        self.str(k);
        self.0.push(':');
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn str(&mut self, s: &str) {
        self.comma();
        self.0.push('"');
        // Runs of bytes that need no escape are copied whole; an escaped byte is ASCII, so
        // every cut falls between characters.
        let mut from = 0;
        for (i, b) in s.bytes().enumerate() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.0.push_str(&s[from..i]);
                self.0.push('\\');
                if b < 0x20 {
                    self.0.push_str("u00");
                    self.0.push(HEX[(b >> 4) as usize] as char);
                    self.0.push(HEX[(b & 15) as usize] as char);
                } else {
                    self.0.push(b as char);
                }
                from = i + 1;
            }
        }
        self.0.push_str(&s[from..]);
        self.0.push('"');
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn key_str(&mut self, k: &str, s: &str) {
        self.key(k);
        self.str(s);
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn key_opt_str(&mut self, k: &str, s: Option<&str>) {
        self.key(k);
        self.opt_str(s);
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn key_num(&mut self, k: &str, n: u32) {
        self.key(k);
        self.num(n);
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.comma();
        self.0.push_str("null");
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn num(&mut self, n: u32) {
        self.comma();
        push_u32(&mut self.0, n);
    }

    /// An enhanced code as a string, such as `"4.7.0"`.
    fn enhanced(&mut self, class: u8, subject: u16, detail: u16) {
        self.comma();
        self.0.push('"');
        push_u32(&mut self.0, class as u32);
        self.0.push('.');
        push_u32(&mut self.0, subject as u32);
        self.0.push('.');
        push_u32(&mut self.0, detail as u32);
        self.0.push('"');
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn advice(&mut self, advice: Option<&Advice>) {
        let Some(a) = advice else { return self.null() };
        self.open('{');
        self.key_str("summary", a.summary());
        self.key("causes");
        self.strs(a.causes().iter());
        self.key("fixes");
        self.strs(a.fixes().iter());
        self.close('}');
    }

    #[inline(never)] // the cold paths: one copy of each writer step
    fn strs<'s>(&mut self, items: impl Iterator<Item = &'s str>) {
        self.open('[');
        for s in items {
            self.str(s);
        }
        self.close(']');
    }
}

/// Appends a number in decimal (no `core::fmt`).
fn push_u32(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(d as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records write enums as discriminants; the lists of `tables()` name them by position.
    #[test]
    fn tables_list_every_enum_in_declaration_order() {
        fn check<T: Copy + PartialEq + core::fmt::Debug>(list: &[T], number: impl Fn(T) -> u32) {
            for (i, &v) in list.iter().enumerate() {
                assert_eq!(number(v), i as u32, "{v:?}");
                assert_eq!(index_of(list, &v), i as u32, "{v:?} listed twice");
            }
        }
        check(&SEVERITIES, |v| v as u32);
        check(&CATEGORIES, |v| v as u32);
        check(&ERROR_KINDS, |v| v as u32);
        check(&SOURCES, |v| v as u32);
        check(Reason::ALL, |v| v as u32);
        check(Provider::ALL, |v| v as u32);
        check(Command::ALL, |v| v as u32);
        check(&Action::ALL, |v| v as u32);
        check(&AdviceSource::ALL, |v| v as u32);
        // Every value is listed: the lists are as long as the last discriminant + 1.
        assert_eq!(SEVERITIES.len(), Severity::Unknown as usize + 1);
        assert_eq!(CATEGORIES.len(), Category::Unknown as usize + 1);
        assert_eq!(ERROR_KINDS.len(), ErrorKind::Incomplete as usize + 1);
        assert_eq!(SOURCES.len(), Source::Qmail as usize + 1);
        assert_eq!(Action::ALL.len(), Action::FixAndRetry as usize + 1);
    }

    #[test]
    fn every_enum_value_has_a_table_entry() {
        for n in 0..=999u16 {
            if let Some(code) = ReplyCode::from_u16(n) {
                assert_ne!(index_of(&SEVERITIES, &code.severity()), u32::MAX);
                assert_ne!(index_of(&CATEGORIES, &code.category()), u32::MAX);
            }
        }
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let input = "é😀a".as_bytes(); // 2 + 4 + 1 bytes; 1 + 2 + 1 units
        let mut out = [0, 2, 6, 7];
        to_utf16_offsets(input, &mut out, &[0, 1, 2, 3]);
        assert_eq!(out, [0, 1, 3, 4]);
    }

    #[test]
    fn utf16_offsets_may_step_back() {
        // A reply's text, then a link inside it, then its lines from the start again.
        let input = "ab é😀 c".as_bytes(); // a b _ é(2 bytes, 1 unit) 😀(4 bytes, 2 units) _ c
        let mut out = [0, 11, 5, 9, 3, 5];
        to_utf16_offsets(input, &mut out, &[0, 1, 2, 3, 4, 5]);
        let total = "ab é😀 c".encode_utf16().count() as u32;
        assert_eq!(out, [0, total, 4, 6, 3, 4]);
    }

    #[test]
    fn json_escapes() {
        let mut j = Json::new();
        j.open('[');
        j.str("a\"b\\c\n\u{1}");
        j.num(0);
        j.num(4_294_967_295);
        j.opt_str(None);
        j.close(']');
        assert_eq!(j.0, r#"["a\"b\\c\u000a\u0001",0,4294967295,null]"#);
        // What JavaScript reads back is the text written, in any script.
        let mut j = Json::new();
        j.str("é😀 \"x\"");
        assert_eq!(j.0, "\"é😀 \\\"x\\\"\"");
    }
}
