//! Parse errors: a small `Copy` value with what went wrong and where.

use core::fmt;

/// What was wrong with the input.
///
/// ```
/// use smtp_reply::{parse, ErrorKind, ParserConfig};
/// let err = parse(b"25O OK\r\n", &ParserConfig::strict()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::NotANumber);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum ErrorKind {
    /// A line does not start with three digits.
    NotANumber,
    /// The code is outside 2xx–5xx or its second digit is above 5 (see
    /// [`ParserConfig::allow_nonstandard_codes`](crate::ParserConfig::allow_nonstandard_codes)).
    CodeOutOfRange,
    /// The byte after the code is neither a space, a hyphen nor the end of the line.
    BadSeparator,
    /// A later line of a multi-line reply has a different code than the first.
    CodeMismatch,
    /// A line ends with LF alone instead of CRLF.
    BareLineFeed,
    /// A line is longer than the configured maximum.
    LineTooLong,
    /// The reply has more lines than the configured maximum.
    TooManyLines,
    /// The text is not valid UTF-8.
    InvalidUtf8,
    /// The text holds a control character other than a tab (NUL, ESC, DEL, a CR without its
    /// LF, ...), which RFC 5321 does not allow (see
    /// [`ParserConfig::allow_control_characters`](crate::ParserConfig::allow_control_characters)).
    ControlCharacter,
    /// No reply was found in the input (only blank lines, or nothing at all).
    Empty,
    /// The input ends inside a reply (a one-shot parse of a text that was cut short).
    Incomplete,
}

impl ErrorKind {
    /// A stable identifier such as `"codeMismatch"`, for machines and JavaScript.
    ///
    /// ```
    /// assert_eq!(smtp_reply::ErrorKind::LineTooLong.as_str(), "lineTooLong");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotANumber => "notANumber",
            ErrorKind::CodeOutOfRange => "codeOutOfRange",
            ErrorKind::BadSeparator => "badSeparator",
            ErrorKind::CodeMismatch => "codeMismatch",
            ErrorKind::BareLineFeed => "bareLineFeed",
            ErrorKind::LineTooLong => "lineTooLong",
            ErrorKind::TooManyLines => "tooManyLines",
            ErrorKind::InvalidUtf8 => "invalidUtf8",
            ErrorKind::ControlCharacter => "controlCharacter",
            ErrorKind::Empty => "empty",
            ErrorKind::Incomplete => "incomplete",
        }
    }

    /// A description in words, such as `"the line does not start with a three-digit code"`.
    ///
    /// ```
    /// assert!(smtp_reply::ErrorKind::CodeMismatch.description().contains("different code"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            ErrorKind::NotANumber => "the line does not start with a three-digit reply code",
            ErrorKind::CodeOutOfRange => {
                "the reply code is outside 2xx-5xx or its second digit is above 5"
            }
            ErrorKind::BadSeparator => {
                "the reply code is followed by something other than a space, a hyphen or the end of the line"
            }
            ErrorKind::CodeMismatch => {
                "a line of a multi-line reply has a different code than the first line"
            }
            ErrorKind::BareLineFeed => "the line ends with LF alone instead of CRLF",
            ErrorKind::LineTooLong => "the line is longer than the maximum line length",
            ErrorKind::TooManyLines => "the reply has more lines than the maximum line count",
            ErrorKind::InvalidUtf8 => "the text is not valid UTF-8",
            ErrorKind::ControlCharacter => {
                "the text holds a control character or a CR without its LF"
            }
            ErrorKind::Empty => "there is no reply in the input",
            ErrorKind::Incomplete => "the input ends inside a reply; its last line is missing",
        }
    }
}

/// A parse error: its [`ErrorKind`] and the byte offset in the input where it was found.
///
/// ```
/// use smtp_reply::{parse, ErrorKind, ParserConfig};
/// let err = parse(b"250-a\r\n251 b\r\n", &ParserConfig::strict()).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::CodeMismatch, 7));
/// assert_eq!(err.to_string(),
///     "a line of a multi-line reply has a different code than the first line (at byte 7)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
}

impl Error {
    /// Makes an error; used by the parsers, and by callers who wrap them.
    ///
    /// ```
    /// let e = smtp_reply::Error::new(smtp_reply::ErrorKind::Empty, 0);
    /// assert_eq!(e.offset(), 0);
    /// ```
    pub const fn new(kind: ErrorKind, offset: usize) -> Error {
        Error { kind, offset }
    }

    /// What was wrong.
    ///
    /// ```
    /// let e = smtp_reply::Error::new(smtp_reply::ErrorKind::Empty, 0);
    /// assert_eq!(e.kind(), smtp_reply::ErrorKind::Empty);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset in the input (for the streaming parser: since the first byte pushed).
    ///
    /// ```
    /// let e = smtp_reply::Error::new(smtp_reply::ErrorKind::LineTooLong, 512);
    /// assert_eq!(e.offset(), 512);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    pub(crate) const fn shifted(self, by: usize) -> Error {
        Error {
            kind: self.kind,
            offset: self.offset + by,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.kind.description(), self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}
