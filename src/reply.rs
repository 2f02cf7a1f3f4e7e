//! One-shot parsing of a complete reply (RFC 5321 §4.2): `ddd-text` continuation lines, then
//! `ddd text` or a bare `ddd` on the last line. Results borrow the input; nothing allocates.

use crate::code::standard_digits;
use crate::scan::{blanks, find_lf, find_lf_in, is_blank, unusual_byte, word};
use crate::{EnhancedStatus, Error, ErrorKind, ParserConfig, ReplyCode};

/// The result of parsing input that may end inside a reply, as in httparse.
///
/// ```
/// use smtp_reply::{parse, ParserConfig, Status};
/// assert!(matches!(parse(b"250-first\r\n", &ParserConfig::strict()), Ok(Status::Partial)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status<T> {
    /// A whole reply was read.
    Complete(T),
    /// The input ended inside a reply: more bytes are needed.
    Partial,
}

impl<T> Status<T> {
    /// Whether a whole reply was read.
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// assert!(parse(b"250 OK\r\n", &ParserConfig::strict()).unwrap().is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        matches!(self, Status::Complete(_))
    }

    /// Whether more bytes are needed.
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// assert!(parse(b"25", &ParserConfig::strict()).unwrap().is_partial());
    /// ```
    pub fn is_partial(&self) -> bool {
        matches!(self, Status::Partial)
    }

    /// The complete value, or `None` when partial.
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// assert!(parse(b"250 OK", &ParserConfig::strict()).unwrap().complete().is_none());
    /// ```
    pub fn complete(self) -> Option<T> {
        match self {
            Status::Complete(t) => Some(t),
            Status::Partial => None,
        }
    }

    /// The complete value; panics when partial (for tests and examples).
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 OK\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.code().as_u16(), 250);
    /// ```
    #[track_caller]
    pub fn unwrap(self) -> T {
        match self {
            Status::Complete(t) => t,
            Status::Partial => panic!("called `Status::unwrap()` on a `Partial` value"),
        }
    }
}

/// A parsed reply. It borrows the input and holds the facts the parser checked; the lines
/// are split again on demand by [`Reply::lines`], which is cheap because they are known good.
///
/// ```
/// use smtp_reply::{parse, ParserConfig};
/// let input = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///               550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n";
/// let reply = parse(input, &ParserConfig::strict()).unwrap().unwrap();
/// assert_eq!(reply.code().as_u16(), 550);
/// assert_eq!(reply.enhanced().unwrap().to_string(), "5.1.1");
/// assert_eq!(reply.line_count(), 2);
/// assert_eq!(reply.len(), input.len());
/// let last = reply.lines().last().unwrap();
/// assert_eq!(last.text(), b"https://support.google.com/mail/?p=NoSuchUser - gsmtp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    raw: &'a [u8],
    code: ReplyCode,
    enhanced: Option<EnhancedStatus>,
    line_count: u32,
    flags: u8,
}

const MIXED_CODES: u8 = 1;
const CLASS_MISMATCH: u8 = 2;
const NOT_UTF8: u8 = 4;
const UNTERMINATED: u8 = 8;
/// The lines were joined into one text ([`parse_flattened`]).
const FLATTENED: u8 = 16;

/// One line of a reply: its code, whether it is the last, its enhanced code and its text.
///
/// ```
/// use smtp_reply::{parse, ParserConfig};
/// let reply = parse(b"250-mx.example.com\r\n250 SIZE 35882577\r\n", &ParserConfig::strict())
///     .unwrap().unwrap();
/// let first = reply.lines().next().unwrap();
/// assert_eq!(first.text_str(), Some("mx.example.com"));
/// assert!(!first.is_last());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Line<'a> {
    code: ReplyCode,
    last: bool,
    enhanced: Option<EnhancedStatus>,
    text: &'a [u8],
    offset: usize,
}

impl<'a> Line<'a> {
    /// A placeholder to fill an array for [`parse_lines`]: code 250, no text.
    ///
    /// ```
    /// let lines = [smtp_reply::Line::EMPTY; 8];
    /// assert!(lines[0].text().is_empty());
    /// ```
    pub const EMPTY: Line<'static> = Line {
        code: ReplyCode::OK,
        last: true,
        enhanced: None,
        text: b"",
        offset: 0,
    };

    /// This line's code (lines of a lenient reply may differ).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"421 Busy\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.lines().next().unwrap().code().as_u16(), 421);
    /// ```
    pub fn code(&self) -> ReplyCode {
        self.code
    }

    /// Whether this is the last line (`ddd text`, not `ddd-text`).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"421 Busy\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(reply.lines().next().unwrap().is_last());
    /// ```
    pub fn is_last(&self) -> bool {
        self.last
    }

    /// The enhanced status code at the start of the text, if any.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"452 4.2.2 Mailbox full\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.lines().next().unwrap().enhanced().unwrap().to_string(), "4.2.2");
    /// ```
    pub fn enhanced(&self) -> Option<EnhancedStatus> {
        self.enhanced
    }

    /// The text after the code, the separator and the enhanced code, without the line ending.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"452 4.2.2 Mailbox full\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.lines().next().unwrap().text(), b"Mailbox full");
    /// ```
    pub fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The text as `&str`, or `None` if it is not UTF-8 (only possible with
    /// `allow_invalid_utf8`).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 \xffbad\n", &ParserConfig::lenient()).unwrap().unwrap();
    /// assert_eq!(reply.lines().next().unwrap().text_str(), None);
    /// ```
    pub fn text_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.text).ok()
    }

    /// Where the line starts, as a byte offset from the start of the reply: of the bytes
    /// [`Reply::len`] counts, which include the blank lines a lenient parse skipped before
    /// it (and [`Reply::as_bytes`] leaves out).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250-a\r\n250 b\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.lines().nth(1).unwrap().offset(), 7);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// An iterator over the lines of a [`Reply`].
///
/// ```
/// # use smtp_reply::{parse, ParserConfig};
/// let reply = parse(b"250-a\r\n250-b\r\n250 c\r\n", &ParserConfig::strict()).unwrap().unwrap();
/// let texts: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
/// assert_eq!(texts, [&b"a"[..], b"b", b"c"]);
/// ```
#[derive(Clone, Debug)]
pub struct Lines<'a> {
    raw: &'a [u8],
    pos: usize,
    /// Every line's code, unless they differ.
    code: Option<ReplyCode>,
    /// Whether any line has an enhanced code.
    enhanced: bool,
    /// How many lines are still to come.
    left: u32,
    /// Lines start at markers inside the text, not after line endings ([`parse_flattened`]).
    flattened: bool,
}

/// The parts of one line, as the parser and the iterator both read them.
struct Parts<'a> {
    code: ReplyCode,
    /// The first two digits' values, for the range check and the enhanced class check.
    first_digit: u8,
    second_digit: u8,
    last: bool,
    enhanced: Option<EnhancedStatus>,
    text: &'a [u8],
}

/// Splits one line's content (no line ending, no leading blanks). Returns the error kind and
/// its offset within `content`.
#[inline(always)]
fn split_line(content: &[u8], lenient_separator: bool) -> Result<Parts<'_>, (ErrorKind, usize)> {
    let (a, b, c) = match content {
        [a, b, c, ..] => (
            a.wrapping_sub(b'0'),
            b.wrapping_sub(b'0'),
            c.wrapping_sub(b'0'),
        ),
        _ => {
            let bad = content
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(content.len());
            return Err((ErrorKind::NotANumber, bad));
        }
    };
    if a > 9 || b > 9 || c > 9 || a == 0 {
        let bad = content[..3]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(0);
        return Err((ErrorKind::NotANumber, bad));
    }
    let (last, start) = match content.get(3) {
        None => (true, 3),
        Some(b' ') => (true, 4),
        Some(b'-') => (false, 4),
        Some(b) if b.is_ascii_digit() => return Err((ErrorKind::NotANumber, 3)),
        Some(_) if lenient_separator => (true, 3),
        Some(_) => return Err((ErrorKind::BadSeparator, 3)),
    };
    let (enhanced, start) = enhanced_at(content, start);
    Ok(Parts {
        code: ReplyCode::from_digits(a, b, c),
        first_digit: a,
        second_digit: b,
        last,
        enhanced,
        text: &content[start..],
    })
}

/// The enhanced code at `start` of a line's content, if any, and where the text starts.
#[inline(always)]
fn enhanced_at(content: &[u8], mut start: usize) -> (Option<EnhancedStatus>, usize) {
    // Only a class digit, `#` or a blank can start an enhanced code (servers put two spaces,
    // or a tab, before it); anything else is text, decided with one comparison.
    if matches!(
        content.get(start),
        Some(b'2' | b'4' | b'5' | b'#' | b' ' | b'\t')
    ) {
        let mut e = start;
        while e < content.len() && is_blank(content[e]) {
            e += 1;
        }
        if let Some((status, n)) = EnhancedStatus::parse_inline(&content[e..]) {
            start = e + n;
            while start < content.len() && is_blank(content[start]) {
                start += 1;
            }
            return (Some(status), start);
        }
    }
    (None, start)
}

/// Whether the bytes are all white space: what a lenient parse may leave after the last reply.
pub(crate) fn is_white(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace())
}

impl<'a> Lines<'a> {
    /// The next line of a flattened reply: from its marker to the next one. Inlined natively,
    /// where a call here made the common path of `next` 5% dearer (callgrind, `parse` then
    /// `lines()`); in wasm, where bytes count, left to the optimiser.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn next_flattened(&mut self) -> Option<Line<'a>> {
        // `next` has checked that a line is left.
        self.left -= 1;
        let (line, next) = flattened_line(self.raw, self.pos, self.code?)?;
        self.pos = next;
        Some(line)
    }
}

/// The line that `rest` of a parsed reply starts with, as [`Lines::next`] finds it: without
/// its line ending (an LF, and one CR before it or at the end of an unterminated line, as the
/// parser drops them), and the bytes to its next line. The last line ends where the reply
/// does: no need to look for its LF.
#[inline(always)]
fn line_of(rest: &[u8], last: bool) -> (&[u8], usize) {
    let (line, advance) = match last {
        true => (rest.strip_suffix(b"\n").unwrap_or(rest), rest.len()),
        false => match find_lf(rest) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()), // unterminated
        },
    };
    (line.strip_suffix(b"\r").unwrap_or(line), advance)
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    #[inline]
    fn next(&mut self) -> Option<Line<'a>> {
        loop {
            if self.pos >= self.raw.len() || self.left == 0 {
                return None;
            }
            if self.flattened {
                return self.next_flattened();
            }
            let rest = &self.raw[self.pos..];
            // What `line_of` does, written out: through it, `parse` then `lines()` took 7
            // more instructions a reply (LLVM's layout of this loop).
            let (line, advance) = match rest.first() {
                // The last line ends where the reply does: no need to look for its LF (blank
                // lines, which can only come first, start with white space).
                Some(b) if self.left == 1 && !b.is_ascii_whitespace() => {
                    (rest.strip_suffix(b"\n").unwrap_or(rest), rest.len())
                }
                _ => match find_lf(rest) {
                    Some(i) => (&rest[..i], i + 1),
                    None => (rest, rest.len()), // unterminated
                },
            };
            let line_offset = self.pos;
            self.pos += advance;
            // One CR before the LF, or at the end of an unterminated line, as the parser drops.
            let content = line.strip_suffix(b"\r").unwrap_or(line);
            let content = &content[blanks(content)..];
            if is_white(content) {
                continue; // a blank line the lenient parse skipped (white space only)
            }
            // The reply was checked when it was parsed: what it already knows is not read
            // again (the code when all lines share it, enhanced codes when it has none).
            let code = match (self.code, content) {
                (Some(code), _) => code,
                (None, [a, b, c, ..]) => ReplyCode::from_digits(
                    a.wrapping_sub(b'0'),
                    b.wrapping_sub(b'0'),
                    c.wrapping_sub(b'0'),
                ),
                _ => continue, // cannot happen in a parsed reply
            };
            let (last, start) = match content.get(3) {
                Some(b' ') => (true, 4),
                Some(b'-') => (false, 4),
                _ => (true, 3), // a bare code, or no space (`250OK`, lenient)
            };
            let (enhanced, start) = if self.enhanced {
                enhanced_at(content, start)
            } else {
                (None, start)
            };
            self.left -= 1;
            return Some(Line {
                code,
                last,
                enhanced,
                text: content.get(start..).unwrap_or_default(),
                offset: line_offset,
            });
        }
    }

    /// Exact: the reply counted its lines when it was parsed.
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.left as usize;
        (left, Some(left))
    }

    /// The last line, found from the end of the reply rather than by reading every line.
    fn last(mut self) -> Option<Line<'a>> {
        if self.left > 1 && self.pos < self.raw.len() {
            // Blank lines can only come first, so the last line follows the last LF before
            // the reply's own line ending.
            let body = self.raw.strip_suffix(b"\n").unwrap_or(self.raw);
            if let Some(i) = crate::scan::rfind(b'\n', &body[self.pos..]) {
                self.pos += i + 1;
                self.left = 1;
            }
        }
        let mut last = None;
        for line in self {
            last = Some(line);
        }
        last
    }
}

/// Each line's text, as [`Lines`] gives them, for the classifier's phrase scan of a reply of
/// several lines. A line that starts as the one before it did, up to the blanks after its
/// enhanced code (`550-5.1.1 ` on every line of a Gmail failure), has its text at the same
/// place: it is taken from there without the code read again, which is most of what a line
/// costs. (Done inside [`Lines`], the larger iterator cost `parse` then `lines()` more on the
/// replies with no such line than it saved on the others.)
#[derive(Clone)]
pub(crate) struct Texts<'a> {
    lines: Lines<'a>,
    /// The last line's first 16 bytes, and masks of those that a line must share with them
    /// to share its head: all of the head but the separator. Zero masks would let any line
    /// pass, so `len`, the head's length, says whether there is a head (0 if not).
    head: [u64; 2],
    mask: [u64; 2],
    len: usize,
}

impl<'a> Texts<'a> {
    /// The text of the next line if it shares the last line's head, and what the line's
    /// reading advances.
    #[inline(always)]
    fn shared(&self) -> Option<(&'a [u8], usize)> {
        let rest = self.lines.raw.get(self.lines.pos..)?;
        let words = [word(rest.get(..16)?), word(&rest[8..])];
        let differ =
            (words[0] ^ self.head[0]) & self.mask[0] | (words[1] ^ self.head[1]) & self.mask[1];
        if differ != 0 || !matches!(rest[3], b' ' | b'-') {
            return None;
        }
        // As `Lines::next` finds the line (its first byte is a digit, no blank).
        let (content, advance) = line_of(rest, self.lines.left == 1);
        // Blanks after the head would belong to it: that line is read in full.
        match content.get(self.len) {
            Some(&b) if is_blank(b) => None,
            _ => Some((content.get(self.len..)?, advance)),
        }
    }

    /// Notes the head of `line` (just read in full) for the next line to share: its code,
    /// separator, enhanced code and the blanks after it, at most 16 bytes. None when the
    /// line has no enhanced code (its text then starts at 4 at most, not after a head of 5
    /// or more), or the code ends the line (`550-5.1.1` could start `550-5.1.10`).
    #[inline(always)]
    fn note_head(&mut self, line: &Line<'a>) {
        self.len = 0;
        let raw = self.lines.raw;
        let start = line.offset();
        let len = (line.text().as_ptr() as usize)
            .wrapping_sub(raw.as_ptr() as usize)
            .wrapping_sub(start);
        if self.lines.flattened || !(5..=16).contains(&len) {
            return;
        }
        let head = match raw.get(start..start + 16) {
            Some(h)
                if h[0].is_ascii_digit() && matches!(h[3], b' ' | b'-') && is_blank(h[len - 1]) =>
            {
                h
            }
            _ => return,
        };
        let bytes = |n: usize| {
            if n >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * n)) - 1
            }
        };
        self.head = [word(head), word(&head[8..])];
        self.mask = [bytes(len) & !(0xff << 24), bytes(len.saturating_sub(8))];
        self.len = len;
    }
}

impl<'a> Iterator for Texts<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.len != 0 && self.lines.left > 0 {
            if let Some((text, advance)) = self.shared() {
                self.lines.pos += advance;
                self.lines.left -= 1;
                return Some(text);
            }
        }
        let line = self.lines.next()?;
        self.note_head(&line);
        Some(line.text())
    }
}

/// ```
/// # use smtp_reply::{parse, ParserConfig};
/// let reply = parse(b"250-a\r\n250-b\r\n250 c\r\n", &ParserConfig::strict()).unwrap().unwrap();
/// let mut lines = reply.lines();
/// lines.next();
/// assert_eq!(lines.len(), 2);
/// ```
impl ExactSizeIterator for Lines<'_> {}

impl core::iter::FusedIterator for Lines<'_> {}

impl<'a> Reply<'a> {
    /// The reply's code (that of its first line).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"354 Go ahead\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.code().as_u16(), 354);
    /// ```
    pub fn code(&self) -> ReplyCode {
        self.code
    }

    /// The first enhanced status code found on any line, usually that of the first line.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"550 #5.1.0 Address rejected\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.enhanced().unwrap().to_string(), "5.1.0");
    /// ```
    pub fn enhanced(&self) -> Option<EnhancedStatus> {
        self.enhanced
    }

    /// The lines, in order.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"334 \r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.lines().count(), 1);
    /// ```
    pub fn lines(&self) -> Lines<'a> {
        Lines {
            raw: self.raw,
            pos: 0,
            code: (!self.has_mixed_codes()).then_some(self.code),
            enhanced: self.enhanced.is_some(),
            left: self.line_count,
            flattened: self.flags & FLATTENED != 0,
        }
    }

    /// Each line's text, as `lines()` gives them, for the phrase scan ([`Texts`]).
    #[inline]
    pub(crate) fn texts(&self) -> Texts<'a> {
        Texts {
            lines: self.lines(),
            head: [0; 2],
            mask: [0; 2],
            len: 0,
        }
    }

    /// The first line's text, as `lines().next()` gives it (empty if none), read directly
    /// when the reply starts with a plain line (its code, then a space or a hyphen): the
    /// classifier reads it for every reply, and the general walk cost a reply of one line
    /// about 150 instructions.
    #[inline]
    pub(crate) fn first_text(&self) -> &'a [u8] {
        let raw = self.raw;
        let plain = matches!(raw, [b'0'..=b'9', _, _, b' ' | b'-', ..]);
        if !plain || self.flags & FLATTENED != 0 {
            return self.lines().next().map_or(&[], |l| l.text());
        }
        // As `Lines::next` reads a first line.
        let (content, _) = line_of(raw, self.line_count == 1);
        let start = match self.enhanced {
            Some(_) => enhanced_at(content, 4).1,
            None => 4,
        };
        content.get(start..).unwrap_or_default()
    }

    /// How many lines the reply has.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"220-a\r\n220-b\r\n220 c\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.line_count(), 3);
    /// ```
    pub fn line_count(&self) -> usize {
        self.line_count as usize
    }

    /// How many bytes of the input the reply took, its final line ending (and any blank lines
    /// a lenient parse skipped before it) included.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 OK\r\n250 OK\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.len(), 8);
    /// ```
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// The reply's bytes exactly as received (after blank lines, if a lenient parse skipped
    /// some before it).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 OK\r\nrest", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(reply.as_bytes(), b"250 OK\r\n");
    /// ```
    pub fn as_bytes(&self) -> &'a [u8] {
        let blank = self
            .raw
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        // Blank lines only: back up to the start of the first line that holds the code.
        let start = self.raw[..blank]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        &self.raw[start..]
    }

    /// Whether some line has a code other than the first line's (lenient parsing only).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250-a\n251 b\n", &ParserConfig::lenient()).unwrap().unwrap();
    /// assert!(reply.has_mixed_codes());
    /// ```
    pub fn has_mixed_codes(&self) -> bool {
        self.flags & MIXED_CODES != 0
    }

    /// Whether some line's enhanced code has a class other than the reply code's first digit,
    /// as in Gmail's `421 5.7.32`.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"421 5.7.32 Try later\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(reply.has_class_mismatch());
    /// ```
    pub fn has_class_mismatch(&self) -> bool {
        self.flags & CLASS_MISMATCH != 0
    }

    /// Whether some text is not valid UTF-8 (lenient parsing only).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 caf\xe9\n", &ParserConfig::lenient()).unwrap().unwrap();
    /// assert!(!reply.is_utf8());
    /// ```
    pub fn is_utf8(&self) -> bool {
        self.flags & NOT_UTF8 == 0
    }

    /// Whether the last line had no line ending (accepted by `allow_missing_final_line_ending`).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250 OK", &ParserConfig::lenient()).unwrap().unwrap();
    /// assert!(reply.is_unterminated());
    /// ```
    pub fn is_unterminated(&self) -> bool {
        self.flags & UNTERMINATED != 0
    }

    /// Whether the lines were joined into one text, as a log line carries them
    /// ([`parse_flattened`]).
    ///
    /// ```
    /// # use smtp_reply::{parse, parse_flattened, ParserConfig};
    /// assert!(parse_flattened(b"550-5.1.1 a 550 5.1.1 b").unwrap().is_flattened());
    /// let reply = parse(b"550 5.1.1 a\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(!reply.is_flattened());
    /// ```
    pub fn is_flattened(&self) -> bool {
        self.flags & FLATTENED != 0
    }

    /// Writes the text of every line, joined by `separator`, without allocating.
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"250-a\r\n250 b\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// let mut s = String::new();
    /// reply.write_text(&mut s, " ").unwrap();
    /// assert_eq!(s, "a b");
    /// ```
    pub fn write_text<W: core::fmt::Write>(
        &self,
        out: &mut W,
        separator: &str,
    ) -> core::fmt::Result {
        for (i, line) in self.lines().enumerate() {
            if i > 0 {
                out.write_str(separator)?;
            }
            write_lossy(out, line.text())?;
        }
        Ok(())
    }

    /// The text of every line joined by `"\n"` (invalid UTF-8 replaced by U+FFFD).
    ///
    /// ```
    /// # use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"550-5.1.1 No such\r\n550 5.1.1 user\r\n", &ParserConfig::strict())
    ///     .unwrap().unwrap();
    /// assert_eq!(reply.text(), "No such\nuser");
    /// ```
    #[cfg(feature = "alloc")]
    pub fn text(&self) -> alloc::string::String {
        let mut s = alloc::string::String::with_capacity(self.raw.len());
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut s, "\n");
        s
    }
}

/// A line as JSON (feature `serde`), with the names JavaScript's `parse` gives it: `code`,
/// `last`, `enhanced`, `text` (invalid UTF-8 replaced by U+FFFD) and `offset`
/// (`tests/serde.rs` shows it).
#[cfg(feature = "serde")]
impl serde::Serialize for Line<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Line", 5)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("last", &self.last)?;
        st.serialize_field("enhanced", &self.enhanced)?;
        st.serialize_field("text", &Lossy(self.text))?;
        st.serialize_field("offset", &self.offset)?;
        st.end()
    }
}

/// A reply as JSON (feature `serde`), with the names JavaScript's `parse` gives it: `code`,
/// `severity`, `category`, `enhanced`, `lines`, `text` (the lines' text joined by `"\n"`),
/// `length`, `mixedCodes` and `classMismatch` (not the explanations of its codes, which
/// JavaScript adds from the knowledge tables). Written without allocating.
#[cfg(feature = "serde")]
impl serde::Serialize for Reply<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Reply", REPLY_FIELDS)?;
        self.serialize_fields(&mut st)?;
        st.end()
    }
}

/// How many fields [`Reply::serialize_fields`] writes.
#[cfg(feature = "serde")]
pub(crate) const REPLY_FIELDS: usize = 9;

#[cfg(feature = "serde")]
impl Reply<'_> {
    /// The reply's own JSON fields, for it and for what extends it ([`crate::Ehlo`]).
    pub(crate) fn serialize_fields<S: serde::ser::SerializeStruct>(
        &self,
        st: &mut S,
    ) -> Result<(), S::Error> {
        st.serialize_field("code", &self.code)?;
        st.serialize_field("severity", &self.code.severity())?;
        st.serialize_field("category", &self.code.category())?;
        st.serialize_field("enhanced", &self.enhanced)?;
        st.serialize_field("lines", &Seq(self.lines()))?;
        st.serialize_field("text", &JoinedText(*self))?;
        st.serialize_field("length", &self.len())?;
        st.serialize_field("mixedCodes", &self.has_mixed_codes())?;
        st.serialize_field("classMismatch", &self.has_class_mismatch())
    }
}

/// Bytes as a JSON string (invalid UTF-8 replaced by U+FFFD), written without allocating.
#[cfg(feature = "serde")]
pub(crate) struct Lossy<'a>(pub(crate) &'a [u8]);

#[cfg(feature = "serde")]
impl core::fmt::Display for Lossy<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write_lossy(f, self.0)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Lossy<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An iterator's items as a JSON array (a clone is walked, so the iterator can be borrowed).
#[cfg(feature = "serde")]
pub(crate) struct Seq<I>(pub(crate) I);

#[cfg(feature = "serde")]
impl<I> serde::Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// A reply's lines' text joined by `"\n"`, as [`Reply::text`] gives it, for JSON.
#[cfg(feature = "serde")]
pub(crate) struct JoinedText<'a>(pub(crate) Reply<'a>);

#[cfg(feature = "serde")]
impl core::fmt::Display for JoinedText<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.write_text(f, "\n")
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for JoinedText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Writes bytes as text, replacing each invalid UTF-8 sequence with U+FFFD.
pub(crate) fn write_lossy<W: core::fmt::Write>(out: &mut W, mut bytes: &[u8]) -> core::fmt::Result {
    loop {
        match core::str::from_utf8(bytes) {
            Ok(s) => return out.write_str(s),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // `good` is valid by construction.
                out.write_str(core::str::from_utf8(good).unwrap_or(""))?;
                out.write_char('\u{FFFD}')?;
                let skip = e.error_len().unwrap_or(rest.len());
                bytes = &rest[skip..];
            }
        }
    }
}

/// Parses one reply at the start of `input`.
///
/// Returns [`Status::Partial`] when the input ends inside the reply, and the reply with the
/// number of bytes it took ([`Reply::len`]) otherwise; bytes after it (a pipelined next reply)
/// are left alone.
///
/// ```
/// use smtp_reply::{parse, ParserConfig};
/// let reply = parse(b"421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp\r\n",
///                   &ParserConfig::strict()).unwrap().unwrap();
/// assert!(reply.code().is_transient_negative());
/// assert_eq!(reply.enhanced().unwrap().to_string(), "4.7.0");
/// ```
pub fn parse<'a>(input: &'a [u8], config: &ParserConfig) -> Result<Status<Reply<'a>>, Error> {
    parse_at(input, config, config.allow_missing_final_line_ending)
}

/// Parses a reply given as `&str`.
///
/// ```
/// use smtp_reply::{parse_str, ParserConfig};
/// let reply = parse_str("250 OK\r\n", &ParserConfig::strict()).unwrap().unwrap();
/// assert!(reply.code().is_positive_completion());
/// ```
pub fn parse_str<'a>(input: &'a str, config: &ParserConfig) -> Result<Status<Reply<'a>>, Error> {
    parse(input.as_bytes(), config)
}

/// Parses a reply whose lines were joined into one text, as Postfix and Exim log them and as
/// a DSN's folded `Diagnostic-Code` field carries them. A line starts at a marker: the code,
/// `-` (or a space, on the last line) and an enhanced code, at the start of the text or after
/// white space. Such replies come from servers that put an enhanced code on every line
/// (Gmail, Microsoft); requiring it keeps `550 messages` or `550-1234` inside the text from
/// being taken for a marker. A line's text ends before the white space ahead of the next
/// marker and keeps any fold inside it. A text that ends without a last line's marker is a
/// reply cut short (a paste of its first lines): its lines run to the end. `None` unless the
/// text starts with a continuation line's marker, within the line count the lenient parser
/// takes.
///
/// ```
/// use smtp_reply::parse_flattened;
/// let text = b"550-5.1.1 No such user. Please try 550-5.1.1 again 550 5.1.1 later";
/// let reply = parse_flattened(text).unwrap();
/// assert!(reply.is_flattened());
/// let texts: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
/// assert_eq!(texts, [&b"No such user. Please try"[..], b"again", b"later"]);
/// assert_eq!(reply.enhanced().unwrap().to_string(), "5.1.1");
/// let cut = parse_flattened(b"550-5.1.1 No last line 550-5.1.1 here").unwrap();
/// assert_eq!(cut.lines().count(), 2);
/// assert!(cut.lines().all(|l| !l.is_last()));
/// assert!(parse_flattened(b"550 5.1.1 One line").is_none());
/// ```
pub fn parse_flattened(text: &[u8]) -> Option<Reply<'_>> {
    // A continuation line first: a reply of one line is no flattened one.
    if text.get(3) != Some(&b'-') {
        return None;
    }
    let code = ReplyCode::from_bytes(&text[..3])?;
    let (mut pos, mut count, mut enhanced, mut flags) = (0, 0, None, FLATTENED);
    if core::str::from_utf8(text).is_err() {
        flags |= NOT_UTF8;
    }
    loop {
        let (line, next) = flattened_line(text, pos, code)?;
        note_enhanced(line.enhanced, code.digits()[0], &mut enhanced, &mut flags);
        count += 1;
        if count > ParserConfig::lenient().max_lines as u32 {
            return None;
        }
        if line.last || next == text.len() {
            return Some(Reply {
                raw: text,
                code,
                enhanced,
                line_count: count,
                flags,
            });
        }
        pos = next;
    }
}

/// The line of a flattened reply whose marker is at `pos`, and where the next marker starts
/// (the end of the text after the last line, or after a line of a reply cut short). `None`
/// when there is no marker at `pos`.
fn flattened_line(raw: &[u8], pos: usize, code: ReplyCode) -> Option<(Line<'_>, usize)> {
    let digits = code.as_ascii();
    let (last, enhanced, start) = line_marker(&raw[pos..], digits)?;
    let start = pos + start;
    let next = if last {
        raw.len()
    } else {
        // No marker after a continuation line: the reply was cut short here.
        (start..raw.len())
            .find(|&q| raw[q - 1].is_ascii_whitespace() && line_marker(&raw[q..], digits).is_some())
            .unwrap_or(raw.len())
    };
    let line = Line {
        code,
        last,
        enhanced: Some(enhanced),
        // The white space after this marker and before the next one is not text.
        text: crate::extract::trim(&raw[start..next]),
        offset: pos,
    };
    Some((line, next))
}

/// A flattened reply's line marker at the start of `t` (`550-5.1.1 `, or `550 5.1.1 ` on the
/// last line; `digits` is the code in ASCII): whether it is the last, its enhanced code, and
/// where it ends.
fn line_marker(t: &[u8], digits: [u8; 3]) -> Option<(bool, EnhancedStatus, usize)> {
    let (last, rest) = match t {
        [a, b, c, b' ', rest @ ..] if [*a, *b, *c] == digits => (true, rest),
        [a, b, c, b'-', rest @ ..] if [*a, *b, *c] == digits => (false, rest),
        _ => return None,
    };
    // A fold may follow the code (`... Learn more at 550 5.1.1\n    https://...`).
    let end = rest.iter().position(|b| b.is_ascii_whitespace());
    let (status, n) = EnhancedStatus::parse(&rest[..end.unwrap_or(rest.len())])?;
    // The caller trims the text, the blanks after the code included.
    Some((last, status, 4 + n))
}

/// How far the parser got into a reply, so the streaming parser can resume where it stopped
/// instead of reading the reply again from its start (which would be quadratic).
#[derive(Clone, Copy, Debug, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub(crate) struct Progress {
    /// Where the reply starts (after skipped blank lines).
    reply_start: usize,
    /// Where the first line not yet read starts.
    pos: usize,
    first: Option<ReplyCode>,
    enhanced: Option<EnhancedStatus>,
    flags: u8,
    lines: u32,
    /// Whether a byte read so far was not printable ASCII (so the reply needs the checks
    /// of [`check_text`]).
    unusual: bool,
    /// Blank lines skipped before the reply; bounded by `max_lines` like the reply's own.
    blank: u32,
}

/// The parser. `eof_ends_line`: whether the end of input may end the last line.
#[inline]
pub(crate) fn parse_at<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    eof_ends_line: bool,
) -> Result<Status<Reply<'a>>, Error> {
    parse_resume(input, config, eof_ends_line, &mut Progress::default())
}

/// The parser proper. On `Partial`, `progress` records the work done; pass it back with the
/// same input, extended, to go on. On any other result it must be reset before reuse.
#[inline]
pub(crate) fn parse_resume<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    eof_ends_line: bool,
    progress: &mut Progress,
) -> Result<Status<Reply<'a>>, Error> {
    parse_with(input, config, eof_ends_line, progress, |_, _| true)
}

/// Parses one reply and stores its lines in `lines` as it reads them, so that they need not
/// be split again as [`Reply::lines`] does: the fastest way to read a whole reply, as httparse
/// fills its caller's header array. Returns the reply and the lines it filled. A reply with
/// more lines than `lines` holds fails with [`ErrorKind::TooManyLines`] at the first line
/// that does not fit.
///
/// ```
/// use smtp_reply::{parse_lines, Line, ParserConfig};
/// let mut lines = [Line::EMPTY; 16];
/// let input = b"250-mx.example.com\r\n250-PIPELINING\r\n250 SIZE 35882577\r\n";
/// let (reply, lines) = parse_lines(input, &ParserConfig::strict(), &mut lines)
///     .unwrap().unwrap();
/// assert_eq!(reply.line_count(), 3);
/// assert_eq!(lines[2].text(), b"SIZE 35882577");
/// assert!(lines[2].is_last());
/// ```
// Always inlined: with two callers in one program (a full parse, and `classify_lines` after
// it) LLVM left it out of line, 688 instructions a reply of the bench corpus against 637
// inlined into its one caller; always inlined, 669 and the same time.
#[inline(always)]
pub fn parse_lines<'a, 'l>(
    input: &'a [u8],
    config: &ParserConfig,
    lines: &'l mut [Line<'a>],
) -> Result<Status<(Reply<'a>, &'l [Line<'a>])>, Error> {
    let status = parse_with(
        input,
        config,
        config.allow_missing_final_line_ending,
        &mut Progress::default(),
        |k, line| match lines.get_mut(k) {
            Some(slot) => {
                *slot = line;
                true
            }
            None => false,
        },
    )?;
    Ok(match status {
        Status::Complete(reply) => Status::Complete((reply, &lines[..reply.line_count()])),
        Status::Partial => Status::Partial,
    })
}

/// [`parse`], keeping the text of each of the reply's first `texts.len()` lines in `texts` as
/// it reads them (later lines are read, not kept): the classifier scans a reply's line
/// texts, which it then need not find again ([`Reply::first_text`], [`Reply::texts`]).
#[inline]
pub(crate) fn parse_texts<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    texts: &mut [&'a [u8]],
) -> Result<Status<Reply<'a>>, Error> {
    let eof_ends_line = config.allow_missing_final_line_ending;
    parse_with(
        input,
        config,
        eof_ends_line,
        &mut Progress::default(),
        |k, line| {
            if let Some(slot) = texts.get_mut(k) {
                *slot = line.text();
            }
            true
        },
    )
}

/// What every entry point calls: `sink` receives each line with its index as it is read and
/// returns `false` to stop with `TooManyLines` (no room left for it). A fresh start tries
/// [`parse_regular`] first; [`parse_general`] goes on where that stops. A line that `sink`
/// refused, or a reply that is not UTF-8, is given to `sink` again, with the same index.
#[inline(always)]
fn parse_with<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    eof_ends_line: bool,
    progress: &mut Progress,
    mut sink: impl FnMut(usize, Line<'a>) -> bool,
) -> Result<Status<Reply<'a>>, Error> {
    if progress.pos == 0 {
        if let Some(reply) = parse_regular(input, config, eof_ends_line, progress, &mut sink) {
            return Ok(Status::Complete(reply));
        }
    }
    parse_general(input, config, eof_ends_line, progress, sink)
}

/// The general loop: every switch, every error, and resuming where a partial read stopped.
#[inline(always)]
fn parse_general<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    eof_ends_line: bool,
    progress: &mut Progress,
    mut sink: impl FnMut(usize, Line<'a>) -> bool,
) -> Result<Status<Reply<'a>>, Error> {
    let mut p = *progress;
    let max_line = config.max_line_length.max(1);
    // Whether a byte the searches read was not printable ASCII (`find_lf_in`).
    let mut unusual = 0u32;
    loop {
        let line_start = p.pos;
        let rest = &input[line_start..];
        let mut unterminated = false;
        // A bare LF is reported after the line's code and separator are checked, in the same
        // order as `precheck` checks an unfinished line, so that errors do not depend on where
        // a stream was split.
        let mut bare_lf = None;
        let limit = line_start.saturating_add(max_line);
        let (content_end, next) = match find_lf_in(input, line_start, limit, &mut unusual) {
            Some(at) => {
                let i = at - line_start;
                let end = if i > 0 && rest[i - 1] == b'\r' {
                    i - 1
                } else {
                    if !config.allow_lf_endings {
                        bare_lf = Some(line_start + i);
                    }
                    // The byte before an LF alone is text, which the search leaves to us.
                    if i > 0 {
                        unusual |= unusual_byte(rest[i - 1]);
                    }
                    i
                };
                (line_start + end, line_start + i + 1)
            }
            // Without its line ending, a line of `max_line` bytes is too long if one must
            // still come; if the end of the input may end it, only a longer one is.
            None if rest.len() > max_line
                || rest.len() == max_line && !config.allow_missing_final_line_ending =>
            {
                return Err(Error::new(ErrorKind::LineTooLong, line_start + max_line));
            }
            None if eof_ends_line && !rest.is_empty() => {
                let mut end = input.len();
                if input[end - 1] == b'\r' {
                    end -= 1;
                }
                unterminated = true;
                (end, input.len())
            }
            None => {
                // Before waiting for more, reject a line that can already be seen to be bad.
                if !rest.is_empty() {
                    precheck(rest, config).map_err(|(k, o)| Error::new(k, line_start + o))?;
                }
                p.unusual |= unusual != 0;
                *progress = p;
                return Ok(Status::Partial);
            }
        };
        let mut content = &input[line_start..content_end];
        let mut lead = 0;
        if config.allow_surrounding_whitespace {
            lead = blanks(content);
            content = &content[lead..];
            if p.lines == 0 && is_white(content) {
                // A blank line before the reply, as in pasted text.
                p.blank += 1;
                if p.blank as usize > config.max_lines {
                    return Err(Error::new(ErrorKind::TooManyLines, line_start));
                }
                p.pos = next;
                p.reply_start = next;
                if unterminated {
                    p.unusual |= unusual != 0;
                    *progress = p;
                    return Ok(Status::Partial);
                }
                continue;
            }
        }
        let parts = split_line(content, config.allow_missing_space)
            .map_err(|(k, o)| Error::new(k, line_start + lead + o))?;
        if let Some(at) = bare_lf {
            return Err(Error::new(ErrorKind::BareLineFeed, at));
        }
        if !standard_digits(parts.first_digit, parts.second_digit)
            && !config.allow_nonstandard_codes
        {
            return Err(Error::new(ErrorKind::CodeOutOfRange, line_start + lead));
        }
        match p.first {
            None => p.first = Some(parts.code),
            Some(c) if c != parts.code => {
                if !config.allow_code_mismatch {
                    return Err(Error::new(ErrorKind::CodeMismatch, line_start + lead));
                }
                p.flags |= MIXED_CODES;
            }
            Some(_) => {}
        }
        note_enhanced(
            parts.enhanced,
            parts.first_digit,
            &mut p.enhanced,
            &mut p.flags,
        );
        p.lines += 1;
        if p.lines as usize > config.max_lines {
            return Err(Error::new(ErrorKind::TooManyLines, line_start));
        }
        let line = Line {
            code: parts.code,
            last: parts.last,
            enhanced: parts.enhanced,
            text: parts.text,
            offset: line_start,
        };
        if !sink(p.lines as usize - 1, line) {
            return Err(Error::new(ErrorKind::TooManyLines, line_start));
        }
        p.pos = next;
        if parts.last {
            if unterminated {
                p.flags |= UNTERMINATED;
            }
            break;
        }
        if unterminated {
            // The input ended on a continuation line: the reply is cut short.
            p.unusual |= unusual != 0;
            *progress = p;
            return Ok(Status::Partial);
        }
    }
    // The reply's bytes include the blank lines a lenient parse skipped before it, so that
    // `len()` is what the caller must consume.
    let raw = &input[..p.pos];
    if p.unusual || unusual != 0 {
        // Printable ASCII needs no look again; anything else does.
        let (not_utf8, error) = check_text(&raw[p.reply_start..], config);
        if let Some((kind, at)) = error {
            return Err(Error::new(kind, p.reply_start + at));
        }
        if not_utf8 {
            p.flags |= NOT_UTF8;
        }
    }
    Ok(Status::Complete(Reply {
        raw,
        // `first` is set because the loop read at least one line.
        code: p.first.unwrap_or(ReplyCode::OK),
        enhanced: p.enhanced,
        line_count: p.lines,
        flags: p.flags,
    }))
}

/// Whether [`parse_regular`] reads a reply of one line apart from the loop: natively, where
/// it took `parse_lines` from 698 to 644 instructions a reply and made it about a tenth
/// faster; not in wasm, where its second copy of the line search and of the enhanced code's
/// reading add 240-320 B gzip, which the package's budget cannot hold.
const ONE_LINE_PATH: bool = cfg!(not(target_arch = "wasm32"));

/// What a line's enhanced code tells about the reply (both loops keep it): the reply's own
/// is the first one a line has, and a class other than the code's first digit is flagged.
#[inline(always)]
fn note_enhanced(
    line: Option<EnhancedStatus>,
    first_digit: u8,
    reply: &mut Option<EnhancedStatus>,
    flags: &mut u8,
) {
    if let Some(e) = line {
        if e.class_digit() != first_digit {
            *flags |= CLASS_MISMATCH;
        }
        if reply.is_none() {
            *reply = line;
        }
    }
}

/// The common reply read in one tight loop: lines of `ddd-text` and a last `ddd text`, each
/// with the first line's code (a standard one), its line ending (CRLF, or LF when allowed;
/// the end of the input when `eof_ends_line`) and no leading blanks, within the limits.
/// Such lines read the same under any config. At the first line that is not like that (or
/// has not arrived), it stops and sets `progress` to where [`parse_general`] goes on: the
/// state that loop would have reached itself, so no line is read twice. A reply of one
/// plain line is read before the loop, without its bookkeeping ([`ONE_LINE_PATH`]).
#[inline(always)]
fn parse_regular<'a>(
    input: &'a [u8],
    config: &ParserConfig,
    eof_ends_line: bool,
    progress: &mut Progress,
    sink: &mut impl FnMut(usize, Line<'a>) -> bool,
) -> Option<Reply<'a>> {
    let first = u32::from_le_bytes(input.get(..4)?.try_into().ok()?);
    let [a, b, c, _] = first.to_le_bytes().map(|d| d.wrapping_sub(b'0'));
    if !standard_digits(a, b) || c > 9 {
        return None;
    }
    let code = ReplyCode::from_digits(a, b, c);
    let max_line = config.max_line_length.max(1);
    let (max_lines, lf_endings) = (config.max_lines, config.allow_lf_endings);
    if ONE_LINE_PATH && first >> 24 == u32::from(b' ') && max_lines > 0 {
        // One line, as most replies are (the corpus's 70%): without the loop's bookkeeping.
        // Its ending is a CRLF, an LF alone when allowed, or the end of a text that may end
        // it (as `classify_text` reads an extracted reply); anything else, and anything
        // unusual, is the loop's. (The search starts at 4, so `content` holds the four bytes
        // that `enhanced_at` starts after: a CR at 3 would be no space.)
        let mut unusual = 0u32;
        let ends = match find_lf_in(input, 4, max_line, &mut unusual) {
            Some(lf) if input[lf - 1] == b'\r' => Some((lf - 1, lf + 1, 0)),
            Some(lf) if lf_endings => {
                // The byte before an LF alone is text, which the search leaves to us.
                unusual |= unusual_byte(input[lf - 1]);
                Some((lf, lf + 1, 0))
            }
            None if eof_ends_line && input.len() <= max_line => {
                Some((input.len(), input.len(), UNTERMINATED))
            }
            _ => None,
        };
        if let (Some((end, next, mut flags)), 0) = (ends, unusual) {
            let content = &input[..end];
            let (enhanced, start) = enhanced_at(content, 4);
            let line = Line {
                code,
                last: true,
                enhanced,
                text: &content[start..],
                offset: 0,
            };
            if sink(0, line) {
                note_enhanced(enhanced, a, &mut None, &mut flags);
                return Some(Reply {
                    raw: &input[..next],
                    code,
                    enhanced,
                    line_count: 1,
                    flags,
                });
            }
        }
    }
    let mut unusual = 0u32;
    let (mut pos, mut count, mut enhanced, mut flags) = (0usize, 0usize, None, 0u8);
    loop {
        // A regular line's first four bytes are its code and separator, never an LF.
        let found = find_lf_in(input, pos + 4, pos.saturating_add(max_line), &mut unusual);
        let (end, next, unterminated) = match found {
            // `lf` is at least 4.
            Some(lf) if input[lf - 1] == b'\r' => (lf - 1, lf + 1, false),
            Some(lf) if lf_endings => {
                // The byte before an LF alone is text, which the search leaves to us.
                unusual |= unusual_byte(input[lf - 1]);
                (lf, lf + 1, false)
            }
            // Pasted text ends without a line ending.
            None if eof_ends_line && pos < input.len() && input.len() - pos <= max_line => {
                let end = input.len() - (input[input.len() - 1] == b'\r') as usize;
                (end, input.len(), true)
            }
            _ => break,
        };
        if end < pos + 4 || count >= max_lines {
            break;
        }
        let content = &input[pos..end];
        // One load: the check above holds four bytes, which indexing each would check again.
        let head = u32::from_le_bytes(content[..4].try_into().unwrap_or_default());
        let last = match (head >> 24) as u8 {
            b' ' => true,
            b'-' if !unterminated => false,
            _ => break,
        };
        if (head ^ first) & 0x00ff_ffff != 0 {
            break;
        }
        let (line_enhanced, start) = enhanced_at(content, 4);
        let line = Line {
            code,
            last,
            enhanced: line_enhanced,
            text: &content[start..],
            offset: pos,
        };
        if !sink(count, line) {
            break;
        }
        note_enhanced(line_enhanced, a, &mut enhanced, &mut flags);
        count += 1;
        pos = next;
        if last {
            if unterminated {
                flags |= UNTERMINATED;
            }
            if unusual != 0 && check_text(&input[..pos], config) != (false, None) {
                // Not UTF-8, or not allowed: the general loop reads it again and decides.
                return None;
            }
            return Some(Reply {
                raw: &input[..pos],
                code,
                enhanced,
                line_count: count as u32,
                flags,
            });
        }
    }
    if count > 0 {
        *progress = Progress {
            reply_start: 0,
            pos,
            first: Some(code),
            enhanced,
            flags,
            lines: count as u32,
            // May also count bytes after `pos` that the search read: that only asks for
            // the checks, which give the same answer.
            unusual: unusual != 0,
            blank: 0,
        };
    }
    None
}

/// What a reply's bytes hold that is not printable ASCII: whether they are not UTF-8, and the
/// first error that `config` makes of that (the kind and its offset in `text`): a control
/// character (RFC 5321 allows the tab, and a CR only before its LF or ending an
/// unterminated last line), or the first byte that is not UTF-8.
#[cold]
fn check_text(text: &[u8], config: &ParserConfig) -> (bool, Option<(ErrorKind, usize)>) {
    let bad_utf8 = core::str::from_utf8(text).err().map(|e| e.valid_up_to());
    let mut error = bad_utf8
        .filter(|_| !config.allow_invalid_utf8)
        .map(|at| (ErrorKind::InvalidUtf8, at));
    if !config.allow_control_characters {
        // Only a control character before that error can come first.
        let end = error.map_or(text.len(), |(_, at)| at);
        let control = (0..end).find(|&i| {
            let b = text[i];
            let line_end =
                b == b'\n' || b == b'\r' && text.get(i + 1).map_or(true, |&n| n == b'\n');
            b.is_ascii_control() && b != b'\t' && !line_end
        });
        if let Some(at) = control {
            error = Some((ErrorKind::ControlCharacter, at));
        }
    }
    (bad_utf8.is_some(), error)
}

/// Checks the start of an unfinished line, so that garbage is reported at once instead of
/// after the caller waited for a line ending that may never come.
fn precheck(rest: &[u8], config: &ParserConfig) -> Result<(), (ErrorKind, usize)> {
    if config.allow_surrounding_whitespace && is_white(rest) {
        return Ok(()); // perhaps a blank line, perhaps the end
    }
    let lead = if config.allow_surrounding_whitespace {
        blanks(rest)
    } else {
        0
    };
    let s = &rest[lead..];
    // A final CR may be the first half of the line ending.
    let s = s.strip_suffix(b"\r").unwrap_or(s);
    let head = &s[..s.len().min(4)];
    let checked = if head.len() >= 3 {
        // The same checks, in the same order, as a complete line gets.
        split_line(head, config.allow_missing_space).map(|_| ())
    } else {
        match head.iter().position(|b| !b.is_ascii_digit()) {
            Some(i) => Err((ErrorKind::NotANumber, i)),
            None => Ok(()),
        }
    };
    checked.map_err(|(kind, at)| (kind, lead + at))
}

/// Where to resume after `error` in `rest`: just past the line ending of the line that holds
/// it, or `None` if that line has not ended yet.
pub(crate) fn after_bad_line(rest: &[u8], error: &Error) -> Option<usize> {
    let from = error.offset().min(rest.len());
    crate::scan::find_once(b'\n', &rest[from..]).map(|i| from + i + 1)
}

/// An iterator over the replies in a text, for logs and pipelined responses.
///
/// ```
/// use smtp_reply::{replies, ParserConfig};
/// let text = b"250 OK\r\n354 Go ahead\r\n";
/// let codes: Vec<u16> = replies(text, &ParserConfig::strict())
///     .map(|r| r.unwrap().code().as_u16()).collect();
/// assert_eq!(codes, [250, 354]);
/// ```
pub fn replies<'a>(input: &'a [u8], config: &ParserConfig) -> Replies<'a> {
    Replies {
        input,
        pos: 0,
        config: *config,
        done: false,
    }
}

/// The iterator returned by [`replies`]. After an error it skips the bad line and goes on.
///
/// ```
/// use smtp_reply::{replies, ParserConfig};
/// let codes: Vec<Option<u16>> = replies(b"250 OK\r\nhello\r\n354 Go\r\n", &ParserConfig::strict())
///     .map(|r| r.ok().map(|r| r.code().as_u16()))
///     .collect();
/// assert_eq!(codes, [Some(250), None, Some(354)]);
/// ```
#[derive(Clone, Debug)]
pub struct Replies<'a> {
    input: &'a [u8],
    pos: usize,
    config: ParserConfig,
    done: bool,
}

impl<'a> Iterator for Replies<'a> {
    type Item = Result<Reply<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = &self.input[self.pos..];
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        match parse_at(
            rest,
            &self.config,
            self.config.allow_missing_final_line_ending,
        ) {
            Ok(Status::Complete(reply)) => {
                self.pos += reply.len();
                Some(Ok(reply))
            }
            // Only blank lines left (lenient): the end. They were read all the same, as a
            // stream reads them, so that too many of them, or too long a one, is reported
            // alike.
            Ok(Status::Partial) if self.config.allow_surrounding_whitespace && is_white(rest) => {
                self.done = true;
                None
            }
            Ok(Status::Partial) => {
                // A text that ends inside a reply: report it rather than drop it silently.
                self.done = true;
                Some(Err(Error::new(ErrorKind::Incomplete, self.input.len())))
            }
            Err(e) => {
                let at = self.pos;
                self.pos += after_bad_line(rest, &e).unwrap_or(rest.len());
                Some(Err(e.shifted(at)))
            }
        }
    }
}

impl core::iter::FusedIterator for Replies<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    /// Lines that make up random replies: regular ones, and each thing that the regular
    /// reading must leave to the general one.
    const LINES: &[&[u8]] = &[
        b"250-mx.example.com\r\n",
        b"250 OK\r\n",
        b"550-5.1.1 The account does not exist\r\n",
        b"550 5.1.1 https://support.example.com/?p=NoSuchUser - gsmtp\r\n",
        b"550-5.1.10  two blanks\r\n",
        b"550 #5.1.0 Address rejected\r\n",
        b"550-4.2.2 class mismatch\r\n",
        b"550 4.2.2 class mismatch\r\n",
        b"550-5.1.1\r\n",
        b"550-\r\n",
        b"550\r\n",
        b"551-other code\r\n",
        b"650-nonstandard\r\n",
        b"650 nonstandard\r\n",
        b"250-lf only\n",
        b"250-\xc3\xa9t\xc3\xa9\r\n",
        b"250-\xff\r\n",
        b" 250-leading blank\r\n",
        b"250OK\r\n",
        b"\r\n",
        b"250-a line that is longer than the small limit below\r\n",
        b"250 unterminated",
        b"250-unterminated\r",
        b"250 unterminated\r",
        // Heads that the next line may share, or nearly (`Texts`).
        b"550-5.1.1  two blanks\r\n",
        b"550-5.1.1 \tafter a tab\r\n",
        b"550 5.1.1 \r\n",
        b"550-5.1.1 x\r\n",
        b"550-5.7.606 Access denied\r\n",
        b"550 5.7.606 Access denied\r\n",
        b"550-5.7.606          a head of 21 bytes\r\n",
        b"550-#5.1.0 x\r\n",
        b"550x5.1.1 no separator, lenient\r\n",
    ];

    /// `count` inputs of one to `max_lines` lines drawn from [`LINES`] (with `regular_half`,
    /// from its first eight, the regular ones, half of the time).
    fn random_inputs(
        seed: u64,
        count: usize,
        max_lines: u64,
        regular_half: bool,
    ) -> impl Iterator<Item = Vec<u8>> {
        let mut r = seed;
        (0..count).map(move |_| {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            let mut input = Vec::new();
            let mut pick = r;
            for _ in 0..1 + r % max_lines {
                let n = match regular_half && pick & 1 == 0 {
                    true => 8,
                    false => LINES.len(),
                };
                input.extend_from_slice(LINES[(pick >> 1) as usize % n]);
                pick = pick.rotate_right(7) ^ (pick >> 3);
            }
            input
        })
    }

    fn configs() -> [ParserConfig; 5] {
        let mut small = ParserConfig::strict();
        small.max_line_length = 24;
        small.max_lines = 3;
        let mut lf = ParserConfig::strict();
        lf.allow_lf_endings = true;
        let mut none = ParserConfig::strict();
        none.max_lines = 0;
        [
            ParserConfig::strict(),
            ParserConfig::lenient(),
            small,
            lf,
            none,
        ]
    }

    /// A whole reading: the result, the lines `sink` holds, and the progress after it.
    type Reading<'a> = (Result<Status<Reply<'a>>, Error>, Vec<Line<'a>>, Progress);

    /// Reads `input` with `parse_with` (`regular`) or with the general loop alone.
    fn read<'a>(input: &'a [u8], config: &ParserConfig, eof: bool, regular: bool) -> Reading<'a> {
        let mut lines = Vec::new();
        let mut progress = Progress::default();
        // Room for up to four lines, as a caller's array has a size (none for some).
        let room = input.len() % 5;
        let sink = |k: usize, line| {
            lines.truncate(k);
            lines.push(line);
            k < room
        };
        let result = if regular {
            parse_with(input, config, eof, &mut progress, sink)
        } else {
            parse_general(input, config, eof, &mut progress, sink)
        };
        if let Ok(Status::Complete(reply)) = result {
            lines.truncate(reply.line_count());
        }
        if !matches!(result, Ok(Status::Partial)) {
            progress = Progress::default(); // undefined after anything but `Partial`
        }
        (result, lines, progress)
    }

    /// Calls `f` with every reply that `count` random inputs (see [`random_inputs`]) make
    /// under each of [`configs`], and as [`parse_flattened`] reads them with their line
    /// breaks made spaces.
    fn each_random_reply(seed: u64, count: usize, max_lines: u64, mut f: impl FnMut(Reply<'_>)) {
        for input in random_inputs(seed, count, max_lines, false) {
            let flattened: Vec<u8> = input
                .iter()
                .map(|&b| if b == b'\r' || b == b'\n' { b' ' } else { b })
                .collect();
            let configs = configs();
            configs
                .iter()
                .filter_map(|c| parse(&input, c).ok()?.complete())
                .chain(parse_flattened(&flattened))
                .for_each(&mut f);
        }
    }

    /// `first_text` is the text `lines().next()` gives, for random replies under every
    /// config and for flattened ones; most take its direct path.
    #[test]
    fn first_text_is_the_first_lines() {
        let mut direct = 0;
        each_random_reply(0x2545_f491_4f6c_dd1d, 20_000, 4, |reply| {
            let want = reply.lines().next().map_or(&b""[..], |l| l.text());
            assert_eq!(
                reply.first_text(),
                want,
                "{:?}",
                std::string::String::from_utf8_lossy(reply.as_bytes())
            );
            direct += reply.as_bytes()[0].is_ascii_digit() as usize;
        });
        assert!(direct > 10_000, "{direct}");
    }

    /// `texts()` gives each line's text as `lines()` does, whether a line shares the head of
    /// the line before it or not; and lines that share it are taken from there.
    #[test]
    fn texts_are_the_lines_texts() {
        each_random_reply(0x9e37_79b9_7f4a_7c15, 20_000, 6, |reply| {
            let want: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
            let got: Vec<&[u8]> = reply.texts().collect();
            assert_eq!(
                got,
                want,
                "{:?}",
                std::string::String::from_utf8_lossy(reply.as_bytes())
            );
        });
        let gmail = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
            550-5.1.1 Please try double-checking the recipient's email address\r\n\
            550 5.1.1 for typos. https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n";
        let reply = parse(gmail, &ParserConfig::strict()).unwrap().unwrap();
        let mut texts = reply.texts();
        assert_eq!(
            texts.next(),
            Some(&b"The email account that you tried to reach does not exist."[..])
        );
        for want in [
            &b"Please try double-checking the recipient's email address"[..],
            b"for typos. https://support.google.com/mail/?p=NoSuchUser - gsmtp",
        ] {
            assert_eq!(texts.shared().map(|(t, _)| t), Some(want));
            assert_eq!(texts.next(), Some(want));
        }
        assert_eq!(texts.next(), None);
    }

    /// Reading with the regular loop first gives what the general loop alone gives: the
    /// same reply or error, the same lines, and after `Partial` the same progress (from
    /// which a stream goes on). And the regular loop reads most regular replies alone.
    #[test]
    fn regular_reading_equals_general_reading() {
        let (mut alone, mut tried) = (0, 0);
        for input in random_inputs(0x9e37_79b9_7f4a_7c15, 40_000, 6, true) {
            for (config, eof) in configs().iter().flat_map(|c| [(c, false), (c, true)]) {
                tried += 1;
                let both = read(&input, config, eof, true);
                assert_eq!(
                    both,
                    read(&input, config, eof, false),
                    "{:?} with {config:?}, eof_ends_line {eof}",
                    std::string::String::from_utf8_lossy(&input)
                );
                let mut progress = Progress::default();
                if parse_regular(&input, config, eof, &mut progress, &mut |_, _| true).is_some() {
                    alone += 1;
                }
            }
        }
        assert!(
            alone * 5 > tried,
            "the regular loop read {alone} of {tried} alone"
        );
        // Lines about as long as the limit, with each ending or none, where the end of the
        // text may end a line (only when the config allows that, as every caller passes it).
        let mut config = configs()[2];
        config.allow_missing_final_line_ending = true;
        for n in config.max_line_length - 8..config.max_line_length + 4 {
            for ending in [&b""[..], b"\r", b"\n", b"\r\n"] {
                let mut input = b"250 ".to_vec();
                input.resize(n - ending.len(), b'x');
                input.extend_from_slice(ending);
                for eof in [false, true] {
                    assert_eq!(
                        read(&input, &config, eof, true),
                        read(&input, &config, eof, false),
                        "{n} bytes ending {ending:?}, eof_ends_line {eof}"
                    );
                }
            }
        }
        // One line ended by an LF alone, the byte before it unusual or not.
        for input in [
            &b"250 ok\n"[..],
            b"250 ok\x01\n",
            b"250 ok\x7f\n",
            b"250 caf\xc3\xa9\n",
            b"250 \xc3\n",
            b"250 \n",
        ] {
            for config in configs() {
                for eof in [false, config.allow_missing_final_line_ending] {
                    assert_eq!(
                        read(input, &config, eof, true),
                        read(input, &config, eof, false),
                        "{input:?} with {config:?}, eof_ends_line {eof}"
                    );
                }
            }
        }
    }
}
