//! Basic reply codes (RFC 5321 §4.2): the three digits every reply starts with.

use core::fmt;
use core::str::FromStr;

/// A three-digit SMTP reply code such as `250` or `421`.
///
/// Any value from 100 to 999 can be held, because real servers send codes the RFC does not
/// allow and a lenient parser must be able to report them; [`ReplyCode::is_standard`] says
/// whether the code is one RFC 5321 permits (first digit 2–5, second digit 0–5).
///
/// ```
/// use smtp_reply::ReplyCode;
/// let code = ReplyCode::from_u16(421).unwrap();
/// assert!(code.is_transient_negative());
/// assert_eq!(code.digits(), [4, 2, 1]);
/// assert_eq!(code, ReplyCode::SERVICE_NOT_AVAILABLE);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(u16);

/// What the first digit says about the outcome (RFC 5321 §4.2.1).
///
/// ```
/// use smtp_reply::{ReplyCode, Severity};
/// assert_eq!(ReplyCode::OK.severity(), Severity::PositiveCompletion);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Severity {
    /// `1yz`: the command was accepted but the server waits for confirmation (unused by SMTP).
    PositivePreliminary,
    /// `2yz`: the requested action completed.
    PositiveCompletion,
    /// `3yz`: accepted; the server waits for more input (DATA's 354, AUTH's 334).
    PositiveIntermediate,
    /// `4yz`: not done, but the condition is temporary; try again later.
    TransientNegative,
    /// `5yz`: not done, and repeating the same request will not help.
    PermanentNegative,
    /// A first digit outside 1–5 (only accepted by a lenient parser).
    Unknown,
}

/// What the second digit says the reply is about (RFC 5321 §4.2.1).
///
/// ```
/// use smtp_reply::{Category, ReplyCode};
/// assert_eq!(ReplyCode::SERVICE_NOT_AVAILABLE.category(), Category::Connections);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Category {
    /// `x0z`: syntax errors and commands that fit no other category.
    Syntax,
    /// `x1z`: replies to requests for information, such as status or help.
    Information,
    /// `x2z`: the transmission channel.
    Connections,
    /// `x3z`: no category assigned by the RFC.
    Unspecified3,
    /// `x4z`: no category assigned by the RFC.
    Unspecified4,
    /// `x5z`: the receiving mail system's view of the requested action.
    MailSystem,
    /// A second digit outside 0–5 (only accepted by a lenient parser).
    Unknown,
}

impl Severity {
    /// A short name, such as `"transient negative completion"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Severity::TransientNegative.name(), "Transient negative completion");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Severity::PositivePreliminary => "Positive preliminary",
            Severity::PositiveCompletion => "Positive completion",
            Severity::PositiveIntermediate => "Positive intermediate",
            Severity::TransientNegative => "Transient negative completion",
            Severity::PermanentNegative => "Permanent negative completion",
            Severity::Unknown => "Unknown",
        }
    }

    /// A stable lower-case identifier, such as `"transientNegative"`, for machines.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Severity::PermanentNegative.as_str(), "permanentNegative");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::PositivePreliminary => "positivePreliminary",
            Severity::PositiveCompletion => "positiveCompletion",
            Severity::PositiveIntermediate => "positiveIntermediate",
            Severity::TransientNegative => "transientNegative",
            Severity::PermanentNegative => "permanentNegative",
            Severity::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Severity {
    /// The identifier, as [`Severity::as_str`] gives it.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Severity::TransientNegative.to_string(), "transientNegative");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Category {
    /// The identifier, as [`Category::as_str`] gives it.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Category::MailSystem.to_string(), "mailSystem");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Category {
    /// A short name, such as `"Connections"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Category::MailSystem.name(), "Mail system");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Category::Syntax => "Syntax",
            Category::Information => "Information",
            Category::Connections => "Connections",
            Category::Unspecified3 | Category::Unspecified4 => "Unspecified",
            Category::MailSystem => "Mail system",
            Category::Unknown => "Unknown",
        }
    }

    /// A stable identifier, such as `"connections"`, for machines.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Category::Unspecified3.as_str(), "unspecified");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Information => "information",
            Category::Connections => "connections",
            Category::Unspecified3 | Category::Unspecified4 => "unspecified",
            Category::MailSystem => "mailSystem",
            Category::Unknown => "unknown",
        }
    }
}

/// The error returned when a number or string is not a three-digit reply code.
///
/// ```
/// assert!("42".parse::<smtp_reply::ReplyCode>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidReplyCode;

impl fmt::Display for InvalidReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a three-digit SMTP reply code (100-999)")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for InvalidReplyCode {}

impl ReplyCode {
    /// Makes a code from a number, or `None` outside 100–999.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// assert!(ReplyCode::from_u16(250).is_some());
    /// assert!(ReplyCode::from_u16(99).is_none());
    /// assert!(ReplyCode::from_u16(1000).is_none());
    /// ```
    #[inline]
    pub const fn from_u16(code: u16) -> Option<ReplyCode> {
        if code >= 100 && code <= 999 {
            Some(ReplyCode(code))
        } else {
            None
        }
    }

    /// Makes a code from three ASCII digits, such as `b"250"`.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::from_bytes(b"550"), Some(ReplyCode::MAILBOX_UNAVAILABLE));
    /// assert_eq!(ReplyCode::from_bytes(b"5x0"), None);
    /// assert_eq!(ReplyCode::from_bytes(b"050"), None);
    /// ```
    #[inline]
    pub const fn from_bytes(digits: &[u8]) -> Option<ReplyCode> {
        if digits.len() != 3 {
            return None;
        }
        let (a, b, c) = (
            digits[0].wrapping_sub(b'0'),
            digits[1].wrapping_sub(b'0'),
            digits[2].wrapping_sub(b'0'),
        );
        if a > 9 || b > 9 || c > 9 {
            return None;
        }
        ReplyCode::from_u16(a as u16 * 100 + b as u16 * 10 + c as u16)
    }

    /// A code from three digit values already checked to be 1–9, 0–9 and 0–9 (the parser's
    /// fast path).
    #[inline(always)]
    pub(crate) const fn from_digits(a: u8, b: u8, c: u8) -> ReplyCode {
        ReplyCode(a as u16 * 100 + b as u16 * 10 + c as u16)
    }

    /// The code as a number.
    ///
    /// ```
    /// assert_eq!(smtp_reply::ReplyCode::OK.as_u16(), 250);
    /// ```
    #[inline]
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The three digits, most significant first.
    ///
    /// ```
    /// assert_eq!(smtp_reply::ReplyCode::OK.digits(), [2, 5, 0]);
    /// ```
    #[inline]
    pub const fn digits(self) -> [u8; 3] {
        [
            (self.0 / 100) as u8,
            (self.0 / 10 % 10) as u8,
            (self.0 % 10) as u8,
        ]
    }

    /// The code as three ASCII digits, without allocating.
    ///
    /// ```
    /// assert_eq!(smtp_reply::ReplyCode::OK.as_ascii(), *b"250");
    /// ```
    #[inline]
    pub const fn as_ascii(self) -> [u8; 3] {
        let d = self.digits();
        [d[0] + b'0', d[1] + b'0', d[2] + b'0']
    }

    /// The outcome given by the first digit.
    ///
    /// ```
    /// use smtp_reply::{ReplyCode, Severity};
    /// assert_eq!(ReplyCode::START_MAIL_INPUT.severity(), Severity::PositiveIntermediate);
    /// ```
    #[inline]
    pub const fn severity(self) -> Severity {
        match self.0 / 100 {
            1 => Severity::PositivePreliminary,
            2 => Severity::PositiveCompletion,
            3 => Severity::PositiveIntermediate,
            4 => Severity::TransientNegative,
            5 => Severity::PermanentNegative,
            _ => Severity::Unknown,
        }
    }

    /// The subject given by the second digit.
    ///
    /// ```
    /// use smtp_reply::{Category, ReplyCode};
    /// assert_eq!(ReplyCode::SYNTAX_ERROR.category(), Category::Syntax);
    /// ```
    #[inline]
    pub const fn category(self) -> Category {
        match self.0 / 10 % 10 {
            0 => Category::Syntax,
            1 => Category::Information,
            2 => Category::Connections,
            3 => Category::Unspecified3,
            4 => Category::Unspecified4,
            5 => Category::MailSystem,
            _ => Category::Unknown,
        }
    }

    /// Whether RFC 5321 allows this code: first digit 2–5 and second digit 0–5.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// assert!(ReplyCode::OK.is_standard());
    /// assert!(!ReplyCode::from_u16(199).unwrap().is_standard());
    /// assert!(!ReplyCode::from_u16(570).unwrap().is_standard());
    /// ```
    #[inline]
    pub const fn is_standard(self) -> bool {
        let d = self.digits();
        standard_digits(d[0], d[1])
    }

    /// `1yz`: positive preliminary (never sent by a conforming SMTP server).
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::from_u16(150).unwrap().is_positive_preliminary());
    /// ```
    #[inline]
    pub const fn is_positive_preliminary(self) -> bool {
        self.0 / 100 == 1
    }

    /// `2yz`: the action completed.
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::OK.is_positive_completion());
    /// ```
    #[inline]
    pub const fn is_positive_completion(self) -> bool {
        self.0 / 100 == 2
    }

    /// `3yz`: the server waits for more input.
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::START_MAIL_INPUT.is_positive_intermediate());
    /// ```
    #[inline]
    pub const fn is_positive_intermediate(self) -> bool {
        self.0 / 100 == 3
    }

    /// `4yz`: a temporary failure; the same command may succeed later.
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::SERVICE_NOT_AVAILABLE.is_transient_negative());
    /// ```
    #[inline]
    pub const fn is_transient_negative(self) -> bool {
        self.0 / 100 == 4
    }

    /// `5yz`: a permanent failure; the same command will fail again.
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::MAILBOX_UNAVAILABLE.is_permanent_negative());
    /// ```
    #[inline]
    pub const fn is_permanent_negative(self) -> bool {
        self.0 / 100 == 5
    }

    /// `2yz` or `3yz`: the command was accepted.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// assert!(ReplyCode::OK.is_success());
    /// assert!(ReplyCode::START_MAIL_INPUT.is_success());
    /// assert!(!ReplyCode::MAILBOX_BUSY.is_success());
    /// ```
    #[inline]
    pub const fn is_success(self) -> bool {
        matches!(self.0 / 100, 2 | 3)
    }

    /// `4yz` or `5yz`: the command was refused.
    ///
    /// ```
    /// assert!(smtp_reply::ReplyCode::MAILBOX_BUSY.is_failure());
    /// ```
    #[inline]
    pub const fn is_failure(self) -> bool {
        matches!(self.0 / 100, 4 | 5)
    }
}

/// Whether a code with these first two digits is one RFC 5321 permits: first digit 2–5,
/// second digit 0–5. The parser calls it with the digits it has already read.
#[inline(always)]
pub(crate) const fn standard_digits(first: u8, second: u8) -> bool {
    first >= 2 && first <= 5 && second <= 5
}

macro_rules! reply_codes {
    ($( $(#[$doc:meta])* ($num:literal, $name:ident, $reason:literal); )+) => {
        impl ReplyCode {
            $(
                $(#[$doc])*
                #[doc = concat!("\n\n`", stringify!($num), " ", $reason, "`")]
                pub const $name: ReplyCode = ReplyCode($num);
            )+

            /// The standard short wording of a code that RFC 5321 or an SMTP extension
            /// defines, or `None` for other codes.
            ///
            /// ```
            /// use smtp_reply::ReplyCode;
            /// assert_eq!(ReplyCode::OK.canonical_reason(), Some("Requested mail action okay, completed"));
            /// assert_eq!(ReplyCode::from_u16(299).unwrap().canonical_reason(), None);
            /// ```
            pub const fn canonical_reason(self) -> Option<&'static str> {
                // A search of the table, not a `match`: in wasm the match took 954 B of code.
                let mut i = 0;
                while i < REASONS.len() {
                    if REASONS[i].0 == self.0 {
                        return Some(REASONS[i].1);
                    }
                    i += 1;
                }
                None
            }
        }

        /// Every code that has a constant, with its standard wording.
        const REASONS: &[(u16, &str)] = &[$( ($num, $reason), )+];

        /// Every code that has a constant, in ascending order (for completeness tests and
        /// index pages).
        const KNOWN_CODES: &[ReplyCode] = &[$( ReplyCode($num), )+];

        impl ReplyCode {
            /// Every code that RFC 5321 or an SMTP extension defines (or that the IANA
            /// registry associates with an enhanced code), in ascending order.
            ///
            /// ```
            /// use smtp_reply::ReplyCode;
            /// assert!(ReplyCode::known().contains(&ReplyCode::SERVICE_NOT_AVAILABLE));
            /// ```
            pub const fn known() -> &'static [ReplyCode] {
                KNOWN_CODES
            }
        }
    };
}

reply_codes! {
    /// System status, or system help reply.
    (211, SYSTEM_STATUS, "System status, or system help reply");
    /// Help message for a human reader.
    (214, HELP_MESSAGE, "Help message");
    /// The greeting, or the answer to STARTTLS.
    (220, SERVICE_READY, "Service ready");
    /// The answer to QUIT.
    (221, SERVICE_CLOSING, "Service closing transmission channel");
    /// AUTH succeeded (RFC 4954).
    (235, AUTH_SUCCEEDED, "Authentication succeeded");
    /// The most common positive reply.
    (250, OK, "Requested mail action okay, completed");
    /// The recipient is not local; the server forwards.
    (251, USER_NOT_LOCAL_WILL_FORWARD, "User not local; will forward");
    /// VRFY cannot verify, but the server accepts the message.
    (252, CANNOT_VERIFY, "Cannot VRFY user, but will accept message and attempt delivery");
    /// ETRN: pending messages for the node started (RFC 1985).
    (253, ETRN_PENDING_STARTED, "Pending messages for node started");
    /// An AUTH challenge (RFC 4954).
    (334, AUTH_CHALLENGE, "Server challenge");
    /// The answer to DATA.
    (354, START_MAIL_INPUT, "Start mail input; end with <CRLF>.<CRLF>");
    /// Checkpoint/restart offset (RFC 1845).
    (355, OCTET_OFFSET, "Octet-offset is the transaction offset");
    /// The server is going away.
    (421, SERVICE_NOT_AVAILABLE, "Service not available, closing transmission channel");
    /// A password transition is needed (registry association of X.7.12).
    (422, PASSWORD_TRANSITION_422, "A password transition is needed");
    /// An invalid command (registry association of X.5.1).
    (430, INVALID_COMMAND_430, "Invalid command");
    /// A password transition is needed (RFC 4954).
    (432, PASSWORD_TRANSITION_NEEDED, "A password transition is needed");
    /// The mailbox is busy or temporarily blocked.
    (450, MAILBOX_BUSY, "Requested mail action not taken: mailbox unavailable");
    /// A local error in processing.
    (451, LOCAL_ERROR, "Requested action aborted: local error in processing");
    /// Insufficient storage, or too many recipients.
    (452, INSUFFICIENT_STORAGE, "Requested action not taken: insufficient system storage");
    /// ATRN: no mail (RFC 2645).
    (453, ATRN_NO_MAIL, "You have no mail");
    /// TLS or authentication temporarily unavailable (RFC 3207, RFC 4954).
    (454, TEMPORARY_AUTH_FAILURE, "Temporary authentication failure");
    /// Parameters cannot be accommodated now.
    (455, PARAMETERS_NOT_ACCOMMODATED, "Server unable to accommodate parameters");
    /// ETRN: unable to queue messages for the node (RFC 1985).
    (458, ETRN_UNABLE_TO_QUEUE, "Unable to queue messages for node");
    /// ETRN: node not allowed (RFC 1985).
    (459, ETRN_NODE_NOT_ALLOWED, "Node not allowed");
    /// The command was not recognised.
    (500, SYNTAX_ERROR, "Syntax error, command unrecognized");
    /// The command's arguments are malformed.
    (501, SYNTAX_ERROR_IN_PARAMETERS, "Syntax error in parameters or arguments");
    /// The command is known but not implemented.
    (502, COMMAND_NOT_IMPLEMENTED, "Command not implemented");
    /// Commands out of order.
    (503, BAD_SEQUENCE, "Bad sequence of commands");
    /// A parameter is not implemented.
    (504, PARAMETER_NOT_IMPLEMENTED, "Command parameter not implemented");
    /// The host accepts no mail at all (RFC 7504).
    (521, NO_MAIL_ACCEPTED, "Server does not accept mail");
    /// Encryption needed (registry association of X.7.10).
    (523, ENCRYPTION_NEEDED, "Encryption needed");
    /// Encryption required for the mechanism (registry association of X.7.11).
    (524, ENCRYPTION_REQUIRED_FOR_MECHANISM, "Encryption required for requested authentication mechanism");
    /// The user account is disabled (registry association of X.7.13).
    (525, ACCOUNT_DISABLED, "User account disabled");
    /// Authentication or STARTTLS is required first.
    (530, AUTH_REQUIRED, "Authentication required");
    /// Delivery not authorised (registry association of X.7.1).
    (533, NOT_AUTHORIZED_533, "Delivery not authorized");
    /// The mechanism is too weak (RFC 4954).
    (534, AUTH_MECHANISM_TOO_WEAK, "Authentication mechanism is too weak");
    /// The credentials are wrong (RFC 4954).
    (535, AUTH_CREDENTIALS_INVALID, "Authentication credentials invalid");
    /// Encryption required for the mechanism (RFC 4954, historical).
    (538, ENCRYPTION_REQUIRED, "Encryption required for requested authentication mechanism");
    /// The mailbox does not exist, cannot be reached, or policy refuses it.
    (550, MAILBOX_UNAVAILABLE, "Requested action not taken: mailbox unavailable");
    /// The recipient is not local; try the given forward-path.
    (551, USER_NOT_LOCAL, "User not local; please try <forward-path>");
    /// Storage exceeded: quota or message size.
    (552, EXCEEDED_STORAGE, "Requested mail action aborted: exceeded storage allocation");
    /// The mailbox name is not allowed.
    (553, MAILBOX_NAME_NOT_ALLOWED, "Requested action not taken: mailbox name not allowed");
    /// The transaction failed (or, as a greeting, no SMTP service here).
    (554, TRANSACTION_FAILED, "Transaction failed");
    /// MAIL FROM/RCPT TO parameters not recognised.
    (555, PARAMETERS_NOT_RECOGNIZED, "MAIL FROM/RCPT TO parameters not recognized or not implemented");
    /// The domain does not accept mail (RFC 7504).
    (556, DOMAIN_NO_MAIL, "Domain does not accept mail");
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.as_ascii();
        // The three bytes are ASCII digits, so this never fails.
        f.write_str(core::str::from_utf8(&a).unwrap_or("???"))
    }
}

impl fmt::Debug for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReplyCode({})", self.0)
    }
}

impl FromStr for ReplyCode {
    type Err = InvalidReplyCode;

    /// Parses exactly three ASCII digits.
    ///
    /// ```
    /// let code: smtp_reply::ReplyCode = "354".parse().unwrap();
    /// assert_eq!(code.as_u16(), 354);
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReplyCode::from_bytes(s.as_bytes()).ok_or(InvalidReplyCode)
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.0
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = InvalidReplyCode;

    fn try_from(value: u16) -> Result<Self, Self::Error> {
        ReplyCode::from_u16(value).ok_or(InvalidReplyCode)
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReplyCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_are_sorted_unique_and_named() {
        for w in KNOWN_CODES.windows(2) {
            assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
        }
        for c in KNOWN_CODES {
            assert!(c.canonical_reason().is_some());
        }
    }

    #[test]
    fn digits_round_trip_through_every_value() {
        for n in 100..=999u16 {
            let c = ReplyCode::from_u16(n).unwrap();
            assert_eq!(ReplyCode::from_bytes(&c.as_ascii()), Some(c));
            let d = c.digits();
            assert_eq!(d[0] as u16 * 100 + d[1] as u16 * 10 + d[2] as u16, n);
        }
    }
}
