//! Parser configuration: strict RFC 5321 by default, with `allow_*` switches for the
//! things real servers and pasted logs do.

/// How strictly to parse. Fields are public so a config can be written as a literal:
///
/// ```
/// use smtp_reply::ParserConfig;
/// let config = ParserConfig { allow_lf_endings: true, ..ParserConfig::strict() };
/// assert!(smtp_reply::parse(b"250 OK\n", &config).unwrap().is_complete());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParserConfig {
    /// Accept lines ending in LF alone (Unix logs, some test servers) as well as CRLF.
    pub allow_lf_endings: bool,
    /// Treat the end of the input as the end of the last line (text pasted without its final
    /// newline). Only for one-shot parsing of a complete text: the streaming parser applies it
    /// in [`ReplyParser::finish`](crate::ReplyParser::finish) only.
    pub allow_missing_final_line_ending: bool,
    /// Accept a code followed directly by text, as in `250OK` (the line is taken as a last line).
    pub allow_missing_space: bool,
    /// Accept lines of one reply with different codes (the reply keeps the first line's code).
    pub allow_code_mismatch: bool,
    /// Accept codes outside 2xx–5xx and second digits above 5, such as `199` or `570`.
    pub allow_nonstandard_codes: bool,
    /// Keep text that is not valid UTF-8 as bytes instead of failing.
    pub allow_invalid_utf8: bool,
    /// Accept control characters in text: NUL, ESC, DEL, a CR without its LF, and the rest
    /// of C0 but the tab, which RFC 5321 allows and every preset accepts.
    pub allow_control_characters: bool,
    /// Skip spaces and tabs before a line's code and blank lines before a reply, as found in
    /// indented log excerpts and bounce messages.
    pub allow_surrounding_whitespace: bool,
    /// The longest line accepted, in bytes including its line ending (a last line without
    /// one, when allowed, may have as many bytes). RFC 5321 §4.5.3.1.5 sets 512.
    pub max_line_length: usize,
    /// The most lines one reply may have; blank lines skipped before a reply
    /// (`allow_surrounding_whitespace`) count apart, against the same limit. Together with
    /// `max_line_length` this bounds the memory the streaming parser buffers and the time any
    /// reply takes.
    pub max_lines: usize,
}

impl ParserConfig {
    /// RFC 5321 exactly: CRLF endings, `ddd SP`/`ddd-` separators, one code per reply,
    /// 2xx–5xx, UTF-8 text without control characters (tabs aside), 512-byte lines, at most
    /// 256 lines.
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// assert!(parse(b"250 OK\n", &ParserConfig::strict()).is_err());
    /// ```
    pub const fn strict() -> ParserConfig {
        ParserConfig {
            allow_lf_endings: false,
            allow_missing_final_line_ending: false,
            allow_missing_space: false,
            allow_code_mismatch: false,
            allow_nonstandard_codes: false,
            allow_invalid_utf8: false,
            allow_control_characters: false,
            allow_surrounding_whitespace: false,
            max_line_length: 512,
            max_lines: 256,
        }
    }

    /// Anything a person would paste from a log or a bounce message: every `allow_*` switch
    /// on, lines up to 64 KiB, up to 4096 lines.
    ///
    /// ```
    /// use smtp_reply::{parse, ParserConfig};
    /// let reply = parse(b"  550-5.1.1 No such user\n551 5.1.1 really", &ParserConfig::lenient())
    ///     .unwrap().unwrap();
    /// assert_eq!(reply.code().as_u16(), 550);
    /// assert_eq!(reply.line_count(), 2);
    /// ```
    pub const fn lenient() -> ParserConfig {
        ParserConfig {
            allow_lf_endings: true,
            allow_missing_final_line_ending: true,
            allow_missing_space: true,
            allow_code_mismatch: true,
            allow_nonstandard_codes: true,
            allow_invalid_utf8: true,
            allow_control_characters: true,
            allow_surrounding_whitespace: true,
            max_line_length: 64 * 1024,
            max_lines: 4096,
        }
    }
}

impl Default for ParserConfig {
    /// The strict preset.
    fn default() -> Self {
        ParserConfig::strict()
    }
}
