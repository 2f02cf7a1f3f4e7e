//! Enhanced status codes (RFC 3463): the `class.subject.detail` triple such as `5.1.1`
//! that servers advertising ENHANCEDSTATUSCODES put at the start of each reply line.

use core::fmt;
use core::str::FromStr;

/// The class, the first number of an enhanced status code.
///
/// ```
/// use smtp_reply::{EnhancedStatus, StatusClass};
/// assert_eq!(EnhancedStatus::parse(b"4.7.0").unwrap().0.class(), StatusClass::TransientFailure);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum StatusClass {
    /// `2.X.X`: success.
    Success = 2,
    /// `4.X.X`: persistent transient failure; a later attempt may succeed.
    TransientFailure = 4,
    /// `5.X.X`: permanent failure; the message or the destination must change.
    PermanentFailure = 5,
}

impl StatusClass {
    /// The class digit: 2, 4 or 5.
    ///
    /// ```
    /// assert_eq!(smtp_reply::StatusClass::PermanentFailure.digit(), 5);
    /// ```
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// The class for a digit, or `None` for anything but 2, 4 and 5.
    ///
    /// ```
    /// use smtp_reply::StatusClass;
    /// assert_eq!(StatusClass::from_digit(4), Some(StatusClass::TransientFailure));
    /// assert_eq!(StatusClass::from_digit(3), None);
    /// ```
    pub const fn from_digit(d: u8) -> Option<StatusClass> {
        match d {
            2 => Some(StatusClass::Success),
            4 => Some(StatusClass::TransientFailure),
            5 => Some(StatusClass::PermanentFailure),
            _ => None,
        }
    }
}

/// An RFC 3463 enhanced status code: class, subject and detail.
///
/// Subject and detail are kept as numbers of up to three digits, since real servers send
/// `5.7.606` (Microsoft) and `5.2.121` (Yahoo) although the registry only lists small ones.
///
/// ```
/// use smtp_reply::EnhancedStatus;
/// let (status, len) = EnhancedStatus::parse(b"5.7.606 Access denied").unwrap();
/// assert_eq!((status.class_digit(), status.subject(), status.detail()), (5, 7, 606));
/// assert_eq!(len, 7);
/// assert_eq!(status.to_string(), "5.7.606");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnhancedStatus {
    class: StatusClass,
    subject: u16,
    detail: u16,
}

/// The error returned when a string is not an enhanced status code.
///
/// ```
/// assert!("6.1.1".parse::<smtp_reply::EnhancedStatus>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidEnhancedStatus;

impl fmt::Display for InvalidEnhancedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an enhanced status code (class 2, 4 or 5, then .subject.detail of 1-3 digits each)")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for InvalidEnhancedStatus {}

/// Reads 1–3 ASCII digits at `at`; returns the value and the index after them.
#[inline(always)]
const fn number(b: &[u8], at: usize) -> Option<(u16, usize)> {
    let mut i = at;
    let mut v: u16 = 0;
    while i < b.len() && i < at + 3 {
        let d = b[i].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v * 10 + d as u16;
        i += 1;
    }
    if i == at {
        None
    } else {
        Some((v, i))
    }
}

impl EnhancedStatus {
    /// Makes a code from its parts; `None` if the class is not 2, 4 or 5 or a part exceeds 999.
    ///
    /// ```
    /// use smtp_reply::EnhancedStatus;
    /// assert!(EnhancedStatus::new(5, 1, 1).is_some());
    /// assert!(EnhancedStatus::new(3, 1, 1).is_none());
    /// assert!(EnhancedStatus::new(5, 1000, 1).is_none());
    /// ```
    pub const fn new(class: u8, subject: u16, detail: u16) -> Option<EnhancedStatus> {
        match StatusClass::from_digit(class) {
            Some(class) if subject <= 999 && detail <= 999 => Some(EnhancedStatus {
                class,
                subject,
                detail,
            }),
            _ => None,
        }
    }

    /// As [`parse`](Self::parse), with the common shape (`5.1.1`: one digit each) read
    /// inline: the parser calls this on every line.
    #[inline(always)]
    pub(crate) fn parse_inline(text: &[u8]) -> Option<(EnhancedStatus, usize)> {
        if let [c, b'.', s, b'.', d, rest @ ..] = text {
            let (s, d) = (s.wrapping_sub(b'0'), d.wrapping_sub(b'0'));
            if s <= 9 && d <= 9 && matches!(rest.first(), None | Some(b' ' | b'\t')) {
                let class = StatusClass::from_digit(c.wrapping_sub(b'0'))?;
                let status = EnhancedStatus {
                    class,
                    subject: s as u16,
                    detail: d as u16,
                };
                return Some((status, 5));
            }
        }
        EnhancedStatus::parse(text)
    }

    /// Reads a code at the start of `text` and returns it with the number of bytes it took.
    ///
    /// The code must be followed by the end of `text` or by a space or tab, so that text such
    /// as `5.1.1.2` or `4.2.0beta` is not mistaken for a code. A leading `#` (`#5.1.0`, as
    /// some servers write it) is accepted and counted in the length.
    ///
    /// ```
    /// use smtp_reply::EnhancedStatus;
    /// assert_eq!(EnhancedStatus::parse(b"#5.1.0 Address rejected").unwrap().1, 6);
    /// assert!(EnhancedStatus::parse(b"5.1.1.2 text").is_none());
    /// assert!(EnhancedStatus::parse(b"1.2.3").is_none());
    /// assert!(EnhancedStatus::parse(b"Mailbox full").is_none());
    /// ```
    #[inline]
    pub const fn parse(text: &[u8]) -> Option<(EnhancedStatus, usize)> {
        let start = if !text.is_empty() && text[0] == b'#' {
            1
        } else {
            0
        };
        if text.len() < start + 5 {
            return None;
        }
        let class = match StatusClass::from_digit(text[start].wrapping_sub(b'0')) {
            Some(c) => c,
            None => return None,
        };
        if text[start + 1] != b'.' {
            return None;
        }
        let (subject, i) = match number(text, start + 2) {
            Some(x) => x,
            None => return None,
        };
        if i >= text.len() || text[i] != b'.' {
            return None;
        }
        let (detail, end) = match number(text, i + 1) {
            Some(x) => x,
            None => return None,
        };
        if end < text.len() && !matches!(text[end], b' ' | b'\t') {
            return None;
        }
        Some((
            EnhancedStatus {
                class,
                subject,
                detail,
            },
            end,
        ))
    }

    /// The class.
    ///
    /// ```
    /// use smtp_reply::{EnhancedStatus, StatusClass};
    /// assert_eq!(EnhancedStatus::new(2, 0, 0).unwrap().class(), StatusClass::Success);
    /// ```
    pub const fn class(self) -> StatusClass {
        self.class
    }

    /// The class as its digit: 2, 4 or 5.
    ///
    /// ```
    /// assert_eq!(smtp_reply::EnhancedStatus::new(4, 2, 2).unwrap().class_digit(), 4);
    /// ```
    pub const fn class_digit(self) -> u8 {
        self.class as u8
    }

    /// The subject, the second number (0–7 in the registry).
    ///
    /// ```
    /// assert_eq!(smtp_reply::EnhancedStatus::new(5, 7, 1).unwrap().subject(), 7);
    /// ```
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail, the third number.
    ///
    /// ```
    /// assert_eq!(smtp_reply::EnhancedStatus::new(5, 7, 26).unwrap().detail(), 26);
    /// ```
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// Whether the class agrees with a basic reply code's first digit (2 with 2xx, 4 with
    /// 4xx, 5 with 5xx). Gmail sends `421 5.7.32`, where it does not.
    ///
    /// ```
    /// use smtp_reply::{EnhancedStatus, ReplyCode};
    /// let e = EnhancedStatus::new(5, 7, 32).unwrap();
    /// assert!(!e.agrees_with(ReplyCode::SERVICE_NOT_AVAILABLE));
    /// assert!(e.agrees_with(ReplyCode::MAILBOX_UNAVAILABLE));
    /// ```
    pub const fn agrees_with(self, code: crate::ReplyCode) -> bool {
        code.digits()[0] == self.class as u8
    }
}

impl fmt::Display for EnhancedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class as u8, self.subject, self.detail)
    }
}

impl fmt::Debug for EnhancedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EnhancedStatus({self})")
    }
}

impl FromStr for EnhancedStatus {
    type Err = InvalidEnhancedStatus;

    /// Parses a whole string such as `"5.1.1"` (a leading `#` is accepted).
    ///
    /// ```
    /// let e: smtp_reply::EnhancedStatus = "4.7.0".parse().unwrap();
    /// assert_eq!(e.to_string(), "4.7.0");
    /// assert!("4.7.0 text".parse::<smtp_reply::EnhancedStatus>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match EnhancedStatus::parse(s.as_bytes()) {
            Some((e, n)) if n == s.len() => Ok(e),
            _ => Err(InvalidEnhancedStatus),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for EnhancedStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        type Want = Option<(u8, u16, u16, usize)>;
        let cases: &[(&[u8], Want)] = &[
            (b"5.1.1", Some((5, 1, 1, 5))),
            (b"5.1.1 User unknown", Some((5, 1, 1, 5))),
            (b"4.7.0\tTry later", Some((4, 7, 0, 5))),
            (b"5.7.606 Access denied", Some((5, 7, 606, 7))),
            (b"5.2.121", Some((5, 2, 121, 7))),
            (b"#5.1.0 Address rejected", Some((5, 1, 0, 6))),
            (b"2.0.0", Some((2, 0, 0, 5))),
            (b"5.7.1000", None),
            (b"5.1.1.1", None),
            (b"5.1.1,", None),
            (b"3.0.0", None),
            (b"5..1", None),
            (b"5.1", None),
            (b"5.1.", None),
            (b"", None),
            (b"#", None),
            (b"##5.1.1", None),
            (b"5-1-1", None),
        ];
        for (input, want) in cases {
            let got = EnhancedStatus::parse(input)
                .map(|(e, n)| (e.class_digit(), e.subject(), e.detail(), n));
            assert_eq!(got, *want, "{:?}", core::str::from_utf8(input));
        }
    }

    /// The inline reading agrees with `parse` on every text of up to six bytes drawn from
    /// the bytes that matter to either.
    #[test]
    fn inline_reading_equals_parse() {
        const BYTES: &[u8] = b"2530.# \tx";
        let mut text = [0u8; 6];
        for len in 0..=text.len() {
            for mut n in 0..BYTES.len().pow(len as u32) {
                for b in text[..len].iter_mut() {
                    *b = BYTES[n % BYTES.len()];
                    n /= BYTES.len();
                }
                let t = &text[..len];
                assert_eq!(
                    EnhancedStatus::parse_inline(t),
                    EnhancedStatus::parse(t),
                    "{t:?}"
                );
            }
        }
    }
}
