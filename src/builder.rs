//! Building replies, for people who write SMTP servers and tests: single or multi-line, with
//! an enhanced code on every line, text wrapped to the line limit. Parsing what it builds gives
//! the same code, enhanced code and words back.

use alloc::string::String;
use alloc::vec::Vec;

use crate::{EnhancedStatus, ReplyCode};

/// Formats a reply. It builds what it is asked for: a code outside 2xx–5xx, or more lines
/// than a parser's `max_lines` (256 in the presets), is written as given, and a strict parse
/// then refuses it.
///
/// ```
/// use smtp_reply::{parse, EnhancedStatus, ParserConfig, ReplyBuilder, ReplyCode};
/// let text = ReplyBuilder::new(ReplyCode::MAILBOX_UNAVAILABLE)
///     .enhanced(EnhancedStatus::new(5, 1, 1).unwrap())
///     .line("No such user here")
///     .line("See https://example.com/help")
///     .build();
/// assert_eq!(text, "550-5.1.1 No such user here\r\n550 5.1.1 See https://example.com/help\r\n");
/// let reply = parse(text.as_bytes(), &ParserConfig::strict()).unwrap().unwrap();
/// assert_eq!(reply.line_count(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct ReplyBuilder {
    code: ReplyCode,
    enhanced: Option<EnhancedStatus>,
    lines: Vec<String>,
    max_line_length: usize,
}

impl ReplyBuilder {
    /// A builder for a reply with this code, lines of at most 512 bytes (RFC 5321).
    ///
    /// ```
    /// let text = smtp_reply::ReplyBuilder::new(smtp_reply::ReplyCode::OK).build();
    /// assert_eq!(text, "250\r\n");
    /// ```
    pub fn new(code: ReplyCode) -> ReplyBuilder {
        ReplyBuilder {
            code,
            enhanced: None,
            lines: Vec::new(),
            max_line_length: 512,
        }
    }

    /// Puts this enhanced status code at the start of every line. Blanks at the start of a
    /// text then read back as part of the gap after the code, which a parse skips.
    ///
    /// ```
    /// use smtp_reply::{EnhancedStatus, ReplyBuilder, ReplyCode};
    /// let text = ReplyBuilder::new(ReplyCode::OK).enhanced(EnhancedStatus::new(2, 0, 0).unwrap()).line("Ok").build();
    /// assert_eq!(text, "250 2.0.0 Ok\r\n");
    /// ```
    pub fn enhanced(mut self, status: EnhancedStatus) -> ReplyBuilder {
        self.enhanced = Some(status);
        self
    }

    /// The longest line to write, in bytes including CRLF; text is wrapped at spaces to fit.
    /// A limit too small for a word puts a piece of the word on each line (at least one
    /// character), so a tiny limit makes many lines: keep it above the longest word.
    ///
    /// ```
    /// use smtp_reply::{ReplyBuilder, ReplyCode};
    /// let text = ReplyBuilder::new(ReplyCode::OK).max_line_length(13).line("one two three").build();
    /// assert_eq!(text, "250-one two\r\n250 three\r\n");
    /// ```
    pub fn max_line_length(mut self, max: usize) -> ReplyBuilder {
        self.max_line_length = max;
        self
    }

    /// Adds text that starts on a new line; it is wrapped if too long. Line breaks in `text`
    /// (CRLF, LF or a lone CR) start new lines too, so no text can forge a line of its own.
    /// Other control characters but the tab, which RFC 5321 does not allow in a reply, are
    /// written as spaces.
    ///
    /// A text that itself starts with what reads as an enhanced code (`2.0.0 is our
    /// version`) reads back as one when the builder puts none before it, as it would from
    /// any server; wrapping never starts a new line with one.
    ///
    /// ```
    /// use smtp_reply::{ReplyBuilder, ReplyCode};
    /// let text = ReplyBuilder::new(ReplyCode::OK).line("a\r\n221 forged\rb\0c").build();
    /// assert_eq!(text, "250-a\r\n250-221 forged\r\n250 b c\r\n");
    /// ```
    pub fn line(mut self, text: &str) -> ReplyBuilder {
        for part in text.split('\n') {
            for piece in part.strip_suffix('\r').unwrap_or(part).split('\r') {
                let control = |c: char| c.is_ascii_control() && c != '\t';
                self.lines.push(piece.replace(control, " "));
            }
        }
        self
    }

    /// Writes the reply with CRLF line endings.
    ///
    /// ```
    /// use smtp_reply::{ReplyBuilder, ReplyCode};
    /// assert_eq!(ReplyBuilder::new(ReplyCode::START_MAIL_INPUT).line("Go ahead").build(), "354 Go ahead\r\n");
    /// ```
    pub fn build(&self) -> String {
        let mut tag = String::new();
        if let Some(e) = self.enhanced {
            use core::fmt::Write;
            // Writing to a String cannot fail.
            let _ = write!(tag, "{e} ");
        }
        let prefix_len = 4 + tag.len();
        // Room for text on one line: the limit less code, separator, tag and CRLF.
        let room = self.max_line_length.saturating_sub(prefix_len + 2).max(1);
        let mut wrapped: Vec<&str> = Vec::new();
        for line in &self.lines {
            wrap(line, room, &mut wrapped);
        }
        if wrapped.is_empty() {
            wrapped.push("");
        }
        let code = self.code.as_ascii();
        let code = core::str::from_utf8(&code).unwrap_or("000");
        let mut out = String::new();
        for (i, text) in wrapped.iter().enumerate() {
            let last = i + 1 == wrapped.len();
            out.push_str(code);
            if !(last && tag.is_empty() && text.is_empty()) {
                out.push(if last { ' ' } else { '-' });
            }
            // No trailing space: a last line with nothing after its code is a bare code.
            out.push_str(if text.is_empty() {
                tag.trim_end()
            } else {
                &tag
            });
            out.push_str(text);
            out.push_str("\r\n");
        }
        out
    }
}

/// Splits `text` into pieces of at most `room` bytes, at spaces where possible and at
/// character boundaries otherwise.
fn wrap<'t>(text: &'t str, room: usize, out: &mut Vec<&'t str>) {
    let mut rest = text;
    if rest.is_empty() {
        out.push(rest);
        return;
    }
    while !rest.is_empty() {
        if rest.len() <= room {
            out.push(rest);
            break;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // The last space that fits, unless the line after it would start with what reads
        // as an enhanced code (`... again: 4.2.2 is wrong`): then an earlier one.
        let space = rest.as_bytes()[..=cut]
            .iter()
            .enumerate()
            .rev()
            .filter(|&(sp, &b)| b == b' ' && sp > 0)
            .map(|(sp, _)| sp)
            .find(|&sp| {
                EnhancedStatus::parse(rest[sp..].trim_start_matches(' ').as_bytes()).is_none()
            });
        let (piece, next) = match space {
            Some(sp) => (&rest[..sp], &rest[sp + 1..]),
            _ => {
                let cut = if cut == 0 {
                    rest.chars().next().map_or(1, char::len_utf8)
                } else {
                    cut
                };
                (&rest[..cut], &rest[cut..])
            }
        };
        out.push(piece);
        rest = next.trim_start_matches(' ');
    }
}
