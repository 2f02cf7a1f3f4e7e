//! Streaming: a push parser for sockets. Feed chunks of any size; get complete replies out.

use alloc::vec::Vec;

use crate::reply::{after_bad_line, is_white, parse_resume, Progress};
use crate::{Error, ErrorKind, ParserConfig, Reply, Status};

/// A push parser that turns a byte stream into replies.
///
/// Chunks may split a reply anywhere, and one chunk may hold several pipelined replies: the
/// replies that come out are the same as a one-shot parse of the whole stream. The buffer
/// never holds more than one unfinished reply, which the config's `max_line_length` and
/// `max_lines` bound, so a hostile peer cannot make it grow without limit.
///
/// ```
/// use smtp_reply::{ParserConfig, ReplyParser};
/// let mut parser = ReplyParser::new(ParserConfig::strict());
/// parser.push(b"250-mx.example.com\r\n25");
/// assert!(parser.next_reply().is_none()); // the reply is not finished yet
/// parser.push(b"0 SIZE 1000\r\n354 Go\r\n");
/// assert_eq!(parser.next_reply().unwrap().unwrap().line_count(), 2);
/// assert_eq!(parser.next_reply().unwrap().unwrap().code().as_u16(), 354);
/// assert!(parser.next_reply().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct ReplyParser {
    config: ParserConfig,
    buf: Vec<u8>,
    /// Where the unread part of `buf` starts.
    start: usize,
    /// Whether bytes arrived since the last `Partial` that may complete a reply.
    dirty: bool,
    /// Offset in the whole stream of `buf[0]`, for error offsets.
    base: usize,
    /// How far the unfinished reply at `start` has been read (relative to `start`).
    progress: Progress,
    /// After an error on a line whose end has not arrived: drop bytes through its LF.
    skipping: bool,
}

impl ReplyParser {
    /// A parser with the given configuration.
    ///
    /// ```
    /// let parser = smtp_reply::ReplyParser::new(smtp_reply::ParserConfig::lenient());
    /// assert_eq!(parser.buffered(), 0);
    /// ```
    pub fn new(config: ParserConfig) -> ReplyParser {
        ReplyParser {
            config,
            buf: Vec::new(),
            start: 0,
            dirty: false,
            base: 0,
            progress: Progress::default(),
            skipping: false,
        }
    }

    /// Appends bytes read from the peer. Call [`ReplyParser::next_reply`] until it returns
    /// `None` to take the replies they complete.
    ///
    /// ```
    /// let mut parser = smtp_reply::ReplyParser::new(smtp_reply::ParserConfig::strict());
    /// parser.push(b"221 Bye\r\n");
    /// assert_eq!(parser.buffered(), 9);
    /// ```
    pub fn push(&mut self, chunk: &[u8]) {
        if chunk.is_empty() {
            return;
        }
        if self.start > 0 && (self.start == self.buf.len() || self.start >= self.buf.len() / 2) {
            // Drop what was read; amortised O(1) per byte.
            self.buf.drain(..self.start);
            self.base += self.start;
            self.start = 0;
        }
        // Only a new line ending, or a line growing past the limit, can change the outcome.
        let pending_line = match crate::scan::rfind(b'\n', &self.buf[self.start..]) {
            Some(i) => self.buf.len() - self.start - i - 1,
            None => self.buf.len() - self.start,
        };
        self.buf.extend_from_slice(chunk);
        if crate::scan::find_once(b'\n', chunk).is_some()
            || pending_line + chunk.len() >= self.config.max_line_length
        {
            self.dirty = true;
        } else if !self.dirty && pending_line < 4 {
            // The start of a line is checked as it arrives, so garbage is reported at once.
            self.dirty = true;
        }
    }

    /// The next complete reply, an error, or `None` when more bytes are needed.
    ///
    /// After an error the bad line is skipped, so the caller may go on reading; most callers
    /// close the connection instead, since the stream cannot be trusted any more.
    ///
    /// ```
    /// use smtp_reply::{ErrorKind, ParserConfig, ReplyParser};
    /// let mut parser = ReplyParser::new(ParserConfig::strict());
    /// parser.push(b"hello\r\n250 OK\r\n");
    /// assert_eq!(parser.next_reply().unwrap().unwrap_err().kind(), ErrorKind::NotANumber);
    /// assert_eq!(parser.next_reply().unwrap().unwrap().code().as_u16(), 250);
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn next_reply(&mut self) -> Option<Result<Reply<'_>, Error>> {
        self.next_at(false)
    }

    /// Call at the end of the stream: returns a last reply whose final line ending is missing
    /// (when `allow_missing_final_line_ending` is set), an [`ErrorKind::Incomplete`] error if
    /// bytes of an unfinished reply remain, or `None` when the stream ended cleanly.
    ///
    /// ```
    /// use smtp_reply::{ErrorKind, ParserConfig, ReplyParser};
    /// let mut parser = ReplyParser::new(ParserConfig::lenient());
    /// parser.push(b"250 OK");
    /// assert!(parser.next_reply().is_none());
    /// assert!(parser.finish().unwrap().unwrap().is_unterminated());
    ///
    /// let mut strict = ReplyParser::new(ParserConfig::strict());
    /// strict.push(b"250-OK\r\n");
    /// assert_eq!(strict.finish().unwrap().unwrap_err().kind(), ErrorKind::Incomplete);
    /// ```
    pub fn finish(&mut self) -> Option<Result<Reply<'_>, Error>> {
        self.dirty = true;
        if !self.skip_bad_line() {
            return None;
        }
        self.next_at(true)
    }

    /// The next reply; `at_end`: the stream has ended, so an unfinished reply is an error.
    fn next_at(&mut self, at_end: bool) -> Option<Result<Reply<'_>, Error>> {
        if !self.skip_bad_line() || !self.dirty || self.start >= self.buf.len() {
            return None;
        }
        let eof = at_end && self.config.allow_missing_final_line_ending;
        let buf = &self.buf[..];
        let rest = &buf[self.start..];
        let result = parse_resume(rest, &self.config, eof, &mut self.progress);
        if at_end && matches!(result, Ok(Status::Partial)) {
            self.progress = Progress::default();
            self.start = buf.len();
            // Only blank lines left (lenient): the stream ended cleanly, as `replies()` ends.
            if self.config.allow_surrounding_whitespace && is_white(rest) {
                return None;
            }
            return Some(Err(Error::new(
                ErrorKind::Incomplete,
                self.base + buf.len(),
            )));
        }
        if !matches!(result, Ok(Status::Partial)) {
            self.progress = Progress::default();
        }
        match result {
            Ok(Status::Complete(reply)) => {
                self.start += reply.len();
                Some(Ok(reply))
            }
            Ok(Status::Partial) => {
                self.dirty = false;
                None
            }
            Err(e) => {
                // Skip through the end of the offending line, if it has arrived.
                let at = self.base + self.start;
                match after_bad_line(rest, &e) {
                    Some(n) => self.start += n,
                    None => {
                        self.start = buf.len();
                        self.skipping = true;
                    }
                }
                Some(Err(e.shifted(at)))
            }
        }
    }

    /// Drops the rest of a line that held an error; returns whether bytes remain after it.
    fn skip_bad_line(&mut self) -> bool {
        if self.skipping {
            match crate::scan::find_once(b'\n', &self.buf[self.start..]) {
                Some(i) => {
                    self.start += i + 1;
                    self.skipping = false;
                }
                None => {
                    self.start = self.buf.len();
                    return false;
                }
            }
        }
        true
    }

    /// How many bytes are buffered and not yet returned as replies.
    ///
    /// ```
    /// let mut parser = smtp_reply::ReplyParser::new(smtp_reply::ParserConfig::strict());
    /// parser.push(b"250-a\r\n");
    /// assert_eq!(parser.buffered(), 7);
    /// ```
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// The configuration.
    ///
    /// ```
    /// use smtp_reply::{ParserConfig, ReplyParser};
    /// assert_eq!(ReplyParser::new(ParserConfig::strict()).config(), &ParserConfig::strict());
    /// ```
    pub fn config(&self) -> &ParserConfig {
        &self.config
    }
}

impl Default for ReplyParser {
    /// A strict parser.
    fn default() -> Self {
        ReplyParser::new(ParserConfig::strict())
    }
}
