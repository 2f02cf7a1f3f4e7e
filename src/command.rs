//! The SMTP command (or stage) that a reply answered. The same words mean different things
//! at different stages: "user unknown" after the message data is a filter, not a directory
//! lookup, so the classifier takes the command into account when it is known.

use core::fmt;
use core::str::FromStr;

/// An SMTP command, or the stage of the session that a reply answered.
///
/// [`Command::parse`] is tolerant of what logs print: `RCPT TO:<x>`, `rcpt to`, `MAIL FROM`,
/// `end of DATA`, `CONN`, `initial connection`.
///
/// ```
/// use smtp_reply::Command;
/// assert_eq!("RCPT TO:<user@example.com>".parse::<Command>(), Ok(Command::Rcpt));
/// assert_eq!("end of data".parse::<Command>(), Ok(Command::EndOfData));
/// assert_eq!(Command::Rcpt.as_str(), "RCPT");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Command {
    /// The connection itself: the server's greeting.
    Connect,
    /// `EHLO`.
    Ehlo,
    /// `HELO`.
    Helo,
    /// `LHLO` (LMTP).
    Lhlo,
    /// `STARTTLS`.
    StartTls,
    /// `AUTH`.
    Auth,
    /// `MAIL FROM`.
    Mail,
    /// `RCPT TO`.
    Rcpt,
    /// `DATA`: the reply before the message is sent (354 or a refusal).
    Data,
    /// `BDAT` (CHUNKING).
    Bdat,
    /// The end of the message data (`.` after `DATA`): the reply about the message itself.
    EndOfData,
    /// `RSET`.
    Rset,
    /// `VRFY`.
    Vrfy,
    /// `EXPN`.
    Expn,
    /// `HELP`.
    Help,
    /// `NOOP`.
    Noop,
    /// `QUIT`.
    Quit,
    /// `ETRN`.
    Etrn,
    /// `ATRN`.
    Atrn,
    /// Any other command word.
    Other,
}

/// The error returned when a text names no command at all (it is empty or does not start
/// with a word).
///
/// ```
/// assert!("".parse::<smtp_reply::Command>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCommand;

impl fmt::Display for UnknownCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an SMTP command")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UnknownCommand {}

/// The first word of `text` (ASCII letters only) and the rest after it.
fn word(text: &[u8]) -> (&[u8], &[u8]) {
    let start = text
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    let text = match start {
        Some(s) => &text[s..],
        None => return (&[], &[]),
    };
    let end = text
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// Names that logs and transcripts write for a command besides its own ([`Command::as_str`]).
const ALIASES: &[(&str, Command)] = &[
    ("CONN", Command::Connect),
    ("CONNECTION", Command::Connect),
    ("GREETING", Command::Connect),
    ("BANNER", Command::Connect),
    ("TLS", Command::StartTls),
    ("END", Command::EndOfData),
    ("EOD", Command::EndOfData),
    // nodemailer's `Recipient command failed`.
    ("RECIPIENT", Command::Rcpt),
];

impl Command {
    /// Every command, in session order.
    pub const ALL: &'static [Command] = &[
        Command::Connect,
        Command::Ehlo,
        Command::Helo,
        Command::Lhlo,
        Command::StartTls,
        Command::Auth,
        Command::Mail,
        Command::Rcpt,
        Command::Data,
        Command::Bdat,
        Command::EndOfData,
        Command::Rset,
        Command::Vrfy,
        Command::Expn,
        Command::Help,
        Command::Noop,
        Command::Quit,
        Command::Etrn,
        Command::Atrn,
        Command::Other,
    ];

    /// The command's name as logs print it: `"CONNECT"`, `"EHLO"`, `"MAIL"`, `"RCPT"`,
    /// `"DATA"`, `"DATA-END"` for the end of data, `"OTHER"`.
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert_eq!(Command::EndOfData.as_str(), "DATA-END");
    /// assert_eq!(Command::StartTls.as_str(), "STARTTLS");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Command::Connect => "CONNECT",
            Command::Ehlo => "EHLO",
            Command::Helo => "HELO",
            Command::Lhlo => "LHLO",
            Command::StartTls => "STARTTLS",
            Command::Auth => "AUTH",
            Command::Mail => "MAIL",
            Command::Rcpt => "RCPT",
            Command::Data => "DATA",
            Command::Bdat => "BDAT",
            Command::EndOfData => "DATA-END",
            Command::Rset => "RSET",
            Command::Vrfy => "VRFY",
            Command::Expn => "EXPN",
            Command::Help => "HELP",
            Command::Noop => "NOOP",
            Command::Quit => "QUIT",
            Command::Etrn => "ETRN",
            Command::Atrn => "ATRN",
            Command::Other => "OTHER",
        }
    }

    /// Reads a command from log or transcript text, ignoring case and anything after the
    /// command word(s): `RCPT TO:<x>`, `rcpt to`, `MAIL FROM:<x> SIZE=1`, `end of DATA`,
    /// `DATA-END`, `CONN`, `CONNECT`, `initial connection`, `greeting`, `pipelined RCPT TO`.
    /// An unknown word gives [`Command::Other`]; text without a word gives `None`.
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert_eq!(Command::parse(b"MAIL FROM:<a@example.com> SIZE=2022"), Some(Command::Mail));
    /// assert_eq!(Command::parse(b"initial connection"), Some(Command::Connect));
    /// assert_eq!(Command::parse(b"XCLIENT"), Some(Command::Other));
    /// assert_eq!(Command::parse(b"  "), None);
    /// ```
    pub fn parse(text: &[u8]) -> Option<Command> {
        Command::read(text)
    }

    /// A command from its name, as a caller gives it (an API's `command` option):
    /// [`Command::parse`], except that an unknown word is no command (`RCTP` is a typo, not
    /// some other command) unless it is `OTHER` itself.
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert_eq!(Command::from_name(b"rcpt to"), Some(Command::Rcpt));
    /// assert_eq!(Command::from_name(b"end of data"), Some(Command::EndOfData));
    /// assert_eq!(Command::from_name(b"RCTP"), None);
    /// assert_eq!(Command::from_name(b"other"), Some(Command::Other));
    /// ```
    pub fn from_name(text: &[u8]) -> Option<Command> {
        match Command::read(text)? {
            Command::Other if !word(text).0.eq_ignore_ascii_case(b"OTHER") => None,
            c => Some(c),
        }
    }

    /// What [`Command::parse`] and [`Command::from_name`] share: one copy in the wasm.
    fn read(text: &[u8]) -> Option<Command> {
        let (first, rest) = word(text);
        if first.is_empty() {
            return None;
        }
        let mut w = [0u8; 12];
        let n = first.len().min(w.len());
        for (d, s) in w.iter_mut().zip(first) {
            *d = s.to_ascii_uppercase();
        }
        let w = if first.len() > w.len() {
            &b""[..]
        } else {
            &w[..n]
        };
        Some(match w {
            b"INITIAL" => match word(rest).0.first().map(u8::to_ascii_uppercase) {
                Some(b'C') | Some(b'G') => Command::Connect,
                _ => Command::Other,
            },
            b"PIPELINED" => match Command::parse(rest) {
                Some(c) => c,
                None => Command::Other,
            },
            b"DATA" => {
                let r = rest;
                // `DATA-END`, or PHPMailer's `DATA END command failed`.
                if r.len() >= 4
                    && matches!(r[0], b'-' | b' ')
                    && r[1..4].eq_ignore_ascii_case(b"END")
                {
                    Command::EndOfData
                } else {
                    Command::Data
                }
            }
            // A search rather than a `match` on the names: the same lookup in a tenth of the
            // wasm code.
            _ => Command::ALL
                .iter()
                .copied()
                .find(|c| c.as_str().as_bytes() == w)
                .or_else(|| {
                    ALIASES
                        .iter()
                        .find(|(name, _)| name.as_bytes() == w)
                        .map(|&(_, c)| c)
                })
                .unwrap_or(Command::Other),
        })
    }

    /// Whether the reply came before the message content was sent (connection, greeting,
    /// envelope): content-based reasons such as spam cannot apply there.
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert!(Command::Rcpt.is_before_content());
    /// assert!(!Command::EndOfData.is_before_content());
    /// ```
    pub const fn is_before_content(self) -> bool {
        !matches!(
            self,
            Command::Data | Command::Bdat | Command::EndOfData | Command::Other
        )
    }

    /// Whether the reply is about the message content (after `DATA`, a `BDAT` chunk, or the
    /// end of data).
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert!(Command::EndOfData.is_content());
    /// assert!(!Command::Mail.is_content());
    /// ```
    pub const fn is_content(self) -> bool {
        matches!(self, Command::Data | Command::Bdat | Command::EndOfData)
    }

    /// Whether the reply answered the greeting or `EHLO`/`HELO`/`LHLO`: a refusal there is
    /// about the connecting client.
    ///
    /// ```
    /// use smtp_reply::Command;
    /// assert!(Command::Connect.is_connection_stage());
    /// assert!(!Command::Rcpt.is_connection_stage());
    /// ```
    pub const fn is_connection_stage(self) -> bool {
        matches!(
            self,
            Command::Connect | Command::Ehlo | Command::Helo | Command::Lhlo
        )
    }
}

impl FromStr for Command {
    type Err = UnknownCommand;

    /// [`Command::from_name`]: `"RCPT TO"` is a command, `"RCTP"` an error.
    fn from_str(s: &str) -> Result<Command, UnknownCommand> {
        Command::from_name(s.as_bytes()).ok_or(UnknownCommand)
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Command {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_parsing() {
        let cases: &[(&str, Command)] = &[
            ("RCPT", Command::Rcpt),
            ("RCPT TO", Command::Rcpt),
            ("rcpt to:<x@example.com>", Command::Rcpt),
            ("MAIL FROM", Command::Mail),
            ("mail from:<>", Command::Mail),
            ("end of data", Command::EndOfData),
            ("end of DATA", Command::EndOfData),
            ("DATA-END", Command::EndOfData),
            ("DATA", Command::Data),
            ("CONN", Command::Connect),
            ("CONNECT", Command::Connect),
            ("initial connection", Command::Connect),
            ("initial greeting", Command::Connect),
            ("pipelined RCPT TO:<x>", Command::Rcpt),
            ("ehlo", Command::Ehlo),
            ("STARTTLS", Command::StartTls),
            ("  QUIT", Command::Quit),
            ("XFORWARD", Command::Other),
            ("averyveryverylongword", Command::Other),
        ];
        for (text, want) in cases {
            assert_eq!(Command::parse(text.as_bytes()), Some(*want), "{text}");
            // A name must be known: an unknown word is a typo, not some other command.
            let named = Some(*want)
                .filter(|c| *c != Command::Other)
                .ok_or(UnknownCommand);
            assert_eq!(text.parse::<Command>(), named, "{text}");
        }
        assert_eq!("OTHER".parse::<Command>(), Ok(Command::Other));
        assert_eq!("".parse::<Command>(), Err(UnknownCommand));
        assert_eq!(":<x>".parse::<Command>(), Err(UnknownCommand));
    }

    #[test]
    fn names_round_trip() {
        for c in Command::ALL {
            assert_eq!(c.as_str().parse::<Command>(), Ok(*c), "{c:?}");
        }
    }
}
