//! What a basic reply code means: each digit on its own (RFC 5321 §4.2.1), and the meanings
//! that RFC 5321 and the SMTP extensions give to whole codes, with the commands that get them.
//!
//! Everything here is a static table: nothing allocates and every lookup is total.

use crate::texts::{field, record_impls};
use crate::ReplyCode;

/// The name and meaning of one digit of a reply code.
///
/// ```
/// use smtp_reply::ReplyCode;
/// let [first, second, _] = ReplyCode::SERVICE_NOT_AVAILABLE.digit_meanings();
/// assert_eq!((first.digit, first.name), (4, "Transient negative completion"));
/// assert_eq!(second.name, "Connections");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DigitMeaning {
    /// The digit, 0–9.
    pub digit: u8,
    /// A short name, such as `"Connections"`.
    pub name: &'static str,
    /// What the digit tells, in a sentence.
    pub meaning: &'static str,
}

/// One meaning that an RFC gives to a basic reply code. A code can have several: `454`
/// means one thing after AUTH (RFC 4954) and another after STARTTLS (RFC 3207).
///
/// ```
/// use smtp_reply::ReplyCode;
/// let defs = ReplyCode::TEMPORARY_AUTH_FAILURE.definitions();
/// assert!(defs.iter().any(|d| d.extension() == Some("AUTH")));
/// assert!(defs.iter().any(|d| d.extension() == Some("STARTTLS")));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CodeDefinition {
    /// The basic code, such as 454.
    pub code: u16,
    /// The meaning, document, sections, commands and extension, joined at compile time
    /// ([`field`]): one pointer in the table instead of five.
    texts: &'static str,
}

impl CodeDefinition {
    /// What the code means in this context.
    ///
    /// ```
    /// let def = smtp_reply::ReplyCode::from_u16(421).unwrap().definitions()[0];
    /// assert!(def.meaning().starts_with("Service not available"));
    /// ```
    pub fn meaning(&self) -> &'static str {
        field(self.texts, 0)
    }

    /// The defining document, such as `"RFC 4954"`.
    ///
    /// ```
    /// let def = smtp_reply::ReplyCode::from_u16(535).unwrap().definitions()[0];
    /// assert_eq!(def.rfc(), "RFC 4954");
    /// ```
    pub fn rfc(&self) -> &'static str {
        field(self.texts, 1)
    }

    /// Sections of that document, or `""` when not recorded.
    ///
    /// ```
    /// let def = smtp_reply::ReplyCode::from_u16(421).unwrap().definitions()[0];
    /// assert!(def.section().contains("4.2"));
    /// ```
    pub fn section(&self) -> &'static str {
        field(self.texts, 2)
    }

    /// The commands (or the greeting) that get this reply.
    ///
    /// ```
    /// let def = smtp_reply::ReplyCode::from_u16(354).unwrap().definitions()[0];
    /// assert_eq!(def.commands(), "DATA");
    /// ```
    pub fn commands(&self) -> &'static str {
        field(self.texts, 3)
    }

    /// The SMTP extension that adds this meaning (`"AUTH"`, `"STARTTLS"`, `"SIZE"`,
    /// `"SMTPUTF8"`, `"ETRN"`, `"ATRN"`, `"CHECKPOINT"`, `"NULL MX"`), `"registry"` for a code
    /// that only the IANA enhanced-status registry mentions, or `None` for RFC 5321 itself.
    ///
    /// ```
    /// let defs = smtp_reply::ReplyCode::from_u16(530).unwrap().definitions();
    /// assert!(defs.iter().all(|d| d.extension().is_some()));
    /// assert_eq!(smtp_reply::ReplyCode::from_u16(250).unwrap().definitions()[0].extension(), None);
    /// ```
    pub fn extension(&self) -> Option<&'static str> {
        Some(field(self.texts, 4)).filter(|e| !e.is_empty())
    }
}

record_impls!(CodeDefinition { code, meaning(), rfc(), section(), commands(), extension() });

/// An SMTP extension that defines no basic code of its own but changes how replies look.
///
/// ```
/// let notes = smtp_reply::extension_notes();
/// assert!(notes.iter().any(|n| n.extension == "ENHANCEDSTATUSCODES"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExtensionNote {
    /// The extension's EHLO keyword, such as `"REQUIRETLS"`.
    pub extension: &'static str,
    /// The defining document.
    pub rfc: &'static str,
    /// The commands concerned.
    pub commands: &'static str,
    /// What replies it uses, in a sentence.
    pub note: &'static str,
}

const UNKNOWN_CONDITION: &str =
    "No standard meaning for this code: the digit only narrows the category, so read the text.";

impl ReplyCode {
    /// The name and meaning of each of the three digits, for any code from 100 to 999.
    ///
    /// The third digit has no meaning of its own; for a code an RFC defines it is worded as
    /// the code's condition, otherwise as a generic note.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// let d = ReplyCode::from_u16(421).unwrap().digit_meanings();
    /// assert_eq!(d[2].meaning, "Service not available, closing transmission channel");
    /// let odd = ReplyCode::from_u16(777).unwrap().digit_meanings();
    /// assert_eq!(odd[0].name, "Unknown");
    /// assert_eq!(odd[1].name, "Unknown");
    /// ```
    pub fn digit_meanings(self) -> [DigitMeaning; 3] {
        let [a, b, c] = self.digits();
        let first = match a {
            1 => "Preliminary positive reply of FTP heritage; SMTP servers must not send it, so a client should treat it as an error.",
            2 => "The requested action completed; the client may send the next command.",
            3 => "Accepted so far; the server waits for more input (the message after DATA, the next AUTH step).",
            4 => "Not done, but the condition is temporary: the same command may succeed if tried again later.",
            5 => "Not done, and sending the same command again will fail again: something must change first.",
            _ => "Not a first digit SMTP defines (only 2 to 5 are allowed); treat the reply as an error.",
        };
        let second = match b {
            0 => "Syntax errors, and commands that fit no other group (unimplemented or superfluous ones).",
            1 => "Replies to requests for information, such as status or help.",
            2 => "The transmission channel: opening and closing the connection.",
            3 | 4 => "No group assigned by RFC 5321; the code as a whole carries the meaning.",
            5 => "The receiving mail system's view of the requested transfer or action.",
            _ => "Not a second digit SMTP defines (only 0 to 5 are allowed).",
        };
        let (third_name, third) = match self.title() {
            Some(title) => ("Specific condition", title),
            None => ("Unassigned condition", UNKNOWN_CONDITION),
        };
        [
            DigitMeaning {
                digit: a,
                name: self.severity().name(),
                meaning: first,
            },
            DigitMeaning {
                digit: b,
                name: self.category().name(),
                meaning: second,
            },
            DigitMeaning {
                digit: c,
                name: third_name,
                meaning: third,
            },
        ]
    }

    /// Every meaning that RFC 5321 or an extension gives this code (several when extensions
    /// reuse it), or an empty slice for a code nobody defines.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// let defs = ReplyCode::from_u16(530).unwrap().definitions();
    /// assert_eq!(defs.len(), 2);
    /// assert_eq!(defs[0].rfc(), "RFC 4954");
    /// assert!(ReplyCode::from_u16(299).unwrap().definitions().is_empty());
    /// ```
    pub fn definitions(self) -> &'static [CodeDefinition] {
        let n = self.as_u16();
        let lo = DEFINITIONS.partition_point(|d| d.code < n);
        let hi = DEFINITIONS.partition_point(|d| d.code <= n);
        DEFINITIONS.get(lo..hi).unwrap_or(&[])
    }

    /// A short title for a code that some RFC defines, or `None`.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// assert_eq!(ReplyCode::from_u16(354).unwrap().title(), Some("Start mail input; end with <CRLF>.<CRLF>"));
    /// assert_eq!(ReplyCode::from_u16(299).unwrap().title(), None);
    /// ```
    pub fn title(self) -> Option<&'static str> {
        if self.definitions().is_empty() {
            None
        } else {
            self.canonical_reason()
        }
    }
}

/// Every code that has at least one [`CodeDefinition`], in ascending order.
///
/// ```
/// let codes: Vec<u16> = smtp_reply::basic_codes().map(|c| c.as_u16()).collect();
/// assert!(codes.contains(&421) && codes.contains(&556));
/// assert!(codes.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn basic_codes() -> impl Iterator<Item = ReplyCode> {
    DEFINITIONS
        .iter()
        .enumerate()
        .filter(|(i, d)| *i == 0 || DEFINITIONS.get(i - 1).map_or(true, |p| p.code != d.code))
        .filter_map(|(_, d)| ReplyCode::from_u16(d.code))
}

/// Every definition of every code, sorted by code (RFC 5321 first within a code).
///
/// ```
/// assert!(smtp_reply::code_definitions().iter().any(|d| d.code == 556));
/// ```
pub fn code_definitions() -> &'static [CodeDefinition] {
    DEFINITIONS
}

/// The extensions that define no basic code of their own but shape replies.
///
/// ```
/// let burl = smtp_reply::extension_notes().iter().find(|n| n.extension == "BURL").unwrap();
/// assert_eq!(burl.rfc, "RFC 4468");
/// ```
pub fn extension_notes() -> &'static [ExtensionNote] {
    EXTENSION_NOTES
}

/// RFC 5321's sections on replies, which most of its codes cite.
macro_rules! s5321 {
    () => {
        "4.2.2, 4.2.3, 4.3.2"
    };
}

/// The extensions' names, as [`CodeDefinition::extension`] gives them (`""`: RFC 5321).
macro_rules! ext {
    (None) => {
        ""
    };
    (AUTH) => {
        "AUTH"
    };
    (TLS) => {
        "STARTTLS"
    };
    (SIZE) => {
        "SIZE"
    };
    (UTF8) => {
        "SMTPUTF8"
    };
    (ETRN) => {
        "ETRN"
    };
    (ATRN) => {
        "ATRN"
    };
    (REG) => {
        "registry"
    };
    ($name:literal) => {
        $name
    };
}

macro_rules! defs {
    ($( $code:literal $ext:tt, $rfc:literal, $sec:expr, $cmds:literal, $meaning:literal; )+) => {
        &[$( CodeDefinition {
            code: $code,
            texts: concat!($meaning, "\u{1f}", $rfc, "\u{1f}", $sec, "\u{1f}", $cmds, "\u{1f}", ext!($ext)),
        }, )+]
    };
}

/// Sorted by code; within a code, RFC 5321 first. A unit test checks the order.
static DEFINITIONS: &[CodeDefinition] = defs! {
    211 None, "RFC 5321", s5321!(), "HELP", "System status or help reply.";
    214 None, "RFC 5321", s5321!(), "HELP", "Help text meant for a human reader.";
    220 None, "RFC 5321", s5321!(), "greeting", "Service ready: the greeting, which starts with the server's domain.";
    220 TLS, "RFC 3207", "", "STARTTLS", "Ready to start TLS: the client begins the TLS handshake now.";
    221 None, "RFC 5321", s5321!(), "QUIT", "The server is closing the connection, normally after QUIT.";
    235 AUTH, "RFC 4954", "", "AUTH", "Authentication succeeded.";
    250 None, "RFC 5321", s5321!(), "EHLO, HELO, MAIL, RCPT, DATA end, RSET, VRFY, EXPN, NOOP, BDAT", "The requested action was completed.";
    250 ETRN, "RFC 1985", "", "ETRN", "ETRN accepted: queue processing for the node has started.";
    251 None, "RFC 5321", s5321!(), "RCPT, VRFY", "The user is not local; the server will forward to the path in the text.";
    251 ETRN, "RFC 1985", "", "ETRN", "ETRN accepted, but no messages are waiting for the node.";
    252 None, "RFC 5321", s5321!(), "VRFY, EXPN", "The user cannot be verified, but the server will accept the message and try to deliver it.";
    252 UTF8, "RFC 6531", "", "VRFY, EXPN", "The answer would need a UTF-8 reply that the client did not allow.";
    252 ETRN, "RFC 1985", "", "ETRN", "ETRN accepted: delivery of pending messages for the node has started.";
    253 ETRN, "RFC 1985", "", "ETRN", "ETRN accepted: delivery of the given number of pending messages has started.";
    334 AUTH, "RFC 4954", "", "AUTH", "AUTH continues: the text is a base64 challenge the client must answer.";
    354 None, "RFC 5321", s5321!(), "DATA", "Send the message now and end it with a line holding a single dot.";
    355 "CHECKPOINT", "RFC 1845", "", "MAIL (restart)", "Restarting an interrupted transaction: the text gives the octet offset to resume from (experimental).";
    421 None, "RFC 5321", s5321!(), "any, including the greeting", "Service not available: the server is closing the connection (shutdown, overload, throttling).";
    422 REG, "RFC 5248", "", "AUTH", "Listed by the registry with X.7.12 (a password transition is needed); no RFC defines it.";
    430 REG, "RFC 3463", "", "unknown", "Listed by the registry with X.5.1 (invalid command); no RFC defines it.";
    432 AUTH, "RFC 4954", "", "AUTH", "A password transition is needed: authenticate once with PLAIN to enable the chosen mechanism.";
    450 None, "RFC 5321", s5321!(), "RCPT, DATA", "The mailbox is unavailable for now (busy or temporarily blocked by policy).";
    450 ATRN, "RFC 2645", "", "ATRN", "The ATRN request was refused (access denied).";
    451 None, "RFC 5321", s5321!(), "MAIL, RCPT, DATA", "Aborted by a local error in processing on the server; try later.";
    451 ATRN, "RFC 2645", "", "ATRN", "The ATRN request cannot be processed now.";
    452 None, "RFC 5321", s5321!(), "MAIL, RCPT, DATA", "Not enough storage on the server now; also the right code for too many recipients.";
    452 SIZE, "RFC 1870", "", "MAIL (SIZE=)", "Not enough storage now for a message of the declared size; try later.";
    453 ATRN, "RFC 2645", "", "ATRN", "No mail is queued for this client.";
    454 AUTH, "RFC 4954", "", "AUTH", "Authentication failed for a temporary reason.";
    454 TLS, "RFC 3207", "", "STARTTLS", "TLS is not available for a temporary reason.";
    455 None, "RFC 5321", s5321!(), "MAIL, RCPT", "The server cannot accommodate the parameters now.";
    458 ETRN, "RFC 1985", "", "ETRN", "Messages for the node cannot be queued.";
    459 ETRN, "RFC 1985", "", "ETRN", "The node is not allowed to use ETRN (the text says why).";
    500 None, "RFC 5321", s5321!(), "any", "Command not recognised, or command line too long.";
    500 AUTH, "RFC 4954", "", "AUTH", "An AUTH response line was longer than the server accepts.";
    501 None, "RFC 5321", s5321!(), "any", "Syntax error in the command's parameters or arguments.";
    501 AUTH, "RFC 4954", "", "AUTH", "The AUTH response was not valid base64, or the client cancelled with \"*\".";
    501 TLS, "RFC 3207", "", "STARTTLS", "STARTTLS takes no parameters.";
    502 None, "RFC 5321", s5321!(), "EHLO (old servers), VRFY, EXPN, HELP, any", "The command is known but not implemented here.";
    503 None, "RFC 5321", s5321!(), "MAIL, RCPT, DATA, AUTH", "Commands in the wrong order, such as RCPT before MAIL or DATA without RCPT.";
    503 AUTH, "RFC 4954", "", "AUTH", "AUTH is not allowed now: already authenticated, or inside a mail transaction.";
    504 None, "RFC 5321", s5321!(), "EHLO, VRFY, EXPN, HELP, AUTH", "A parameter of the command is not implemented.";
    504 AUTH, "RFC 4954", "", "AUTH", "The authentication mechanism is not supported.";
    521 None, "RFC 7504", "", "greeting, any", "This host accepts no mail at all; do not retry it.";
    523 REG, "RFC 5248", "", "AUTH, after STARTTLS", "Listed by the registry with X.7.10 (encryption needed); no RFC defines it.";
    524 REG, "RFC 5248", "", "AUTH", "Listed by the registry with X.7.11 (encryption required for the mechanism).";
    525 REG, "RFC 5248", "", "AUTH", "Listed by the registry with X.7.13 (user account disabled).";
    530 AUTH, "RFC 4954", "", "MAIL, RCPT (submission)", "Authentication is required before this command.";
    530 TLS, "RFC 3207", "", "MAIL, RCPT, AUTH", "The server requires STARTTLS before this command.";
    533 REG, "RFC 3463", "", "unknown", "Listed by the registry with X.7.1 (delivery not authorised).";
    534 AUTH, "RFC 4954", "", "AUTH", "The authentication mechanism is too weak for this user; use a stronger one.";
    535 AUTH, "RFC 4954", "", "AUTH", "The authentication credentials are invalid.";
    538 AUTH, "RFC 4954", "", "AUTH", "The mechanism needs an encrypted connection (historical).";
    550 None, "RFC 5321", s5321!(), "EHLO, MAIL, RCPT, DATA, VRFY, EXPN", "Mailbox unavailable: it does not exist, access is denied, or policy refuses the mail.";
    550 "NULL MX", "RFC 7505", "", "MAIL", "The sender's domain publishes a null MX, so the message is refused.";
    550 UTF8, "RFC 6531", "", "MAIL, RCPT, DATA", "A non-ASCII address is not allowed here, or a message with UTF-8 headers cannot be delivered.";
    551 None, "RFC 5321", s5321!(), "RCPT, VRFY", "The user is not local; the client should try the forward-path in the text.";
    552 None, "RFC 5321", s5321!(), "MAIL, RCPT, DATA", "Aborted: storage allocation exceeded (mailbox quota or message size).";
    552 SIZE, "RFC 1870", "", "MAIL (SIZE=), DATA, BDAT", "The message size exceeds the server's fixed maximum.";
    553 None, "RFC 5321", s5321!(), "MAIL, RCPT, VRFY", "The mailbox name is not allowed, for example a malformed address.";
    553 UTF8, "RFC 6531", "", "MAIL, RCPT", "A non-ASCII address is not allowed (no SMTPUTF8, or server policy).";
    554 None, "RFC 5321", s5321!(), "greeting, DATA", "Transaction failed; as the greeting, no SMTP service here.";
    555 None, "RFC 5321", s5321!(), "MAIL, RCPT", "MAIL FROM or RCPT TO parameters not recognised or not implemented.";
    556 None, "RFC 7504", "", "RCPT (reported by a relay)", "The recipient's domain accepts no mail (for example a null MX), as reported by a relay.";
};

static EXTENSION_NOTES: &[ExtensionNote] = &[
    ExtensionNote {
        extension: "ENHANCEDSTATUSCODES",
        rfc: "RFC 2034",
        commands: "EHLO keyword",
        note: "Puts an enhanced status code (class.subject.detail) before the text of 2xx, 4xx and 5xx replies, but not 3xx, the greeting or EHLO/HELO/LHLO replies.",
    },
    ExtensionNote {
        extension: "CHUNKING",
        rfc: "RFC 3030",
        commands: "BDAT",
        note: "Each BDAT chunk is answered with the ordinary 250, 4xx and 5xx codes.",
    },
    ExtensionNote {
        extension: "REQUIRETLS",
        rfc: "RFC 8689",
        commands: "MAIL (REQUIRETLS)",
        note: "Failures carry the enhanced code 5.7.30, as in \"550 5.7.30 REQUIRETLS support required\".",
    },
    ExtensionNote {
        extension: "MT-PRIORITY",
        rfc: "RFC 6710",
        commands: "MAIL (MT-PRIORITY=)",
        note: "Uses 450/550 with X.7.15, 552 with X.7.16, and 250/251 with X.3.6.",
    },
    ExtensionNote {
        extension: "BURL",
        rfc: "RFC 4468",
        commands: "BURL",
        note: "Uses ordinary codes with enhanced codes such as 5.6.6 (URL content unavailable) and 5.7.14 (trust relationship required).",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_sorted_by_code() {
        for w in DEFINITIONS.windows(2) {
            assert!(w[0].code <= w[1].code, "{} before {}", w[0].code, w[1].code);
        }
    }

    #[test]
    fn every_defined_code_has_a_constant_and_title() {
        for code in basic_codes() {
            assert!(code.title().is_some(), "{code}");
            assert!(ReplyCode::known().contains(&code), "{code}");
        }
        assert_eq!(basic_codes().count(), ReplyCode::known().len());
    }

    #[test]
    fn base_rfc_comes_first_within_a_code() {
        for code in basic_codes() {
            let defs = code.definitions();
            if let Some(i) = defs.iter().position(|d| d.extension().is_none()) {
                assert_eq!(i, 0, "{code}");
            }
        }
    }

    #[test]
    fn digit_names_follow_the_code() {
        let cases: &[(u16, &str, &str, &str)] = &[
            (
                250,
                "Positive completion",
                "Mail system",
                "Specific condition",
            ),
            (
                334,
                "Positive intermediate",
                "Unspecified",
                "Specific condition",
            ),
            (
                421,
                "Transient negative completion",
                "Connections",
                "Specific condition",
            ),
            (
                502,
                "Permanent negative completion",
                "Syntax",
                "Specific condition",
            ),
            (
                214,
                "Positive completion",
                "Information",
                "Specific condition",
            ),
            (
                199,
                "Positive preliminary",
                "Unknown",
                "Unassigned condition",
            ),
            (641, "Unknown", "Unspecified", "Unassigned condition"),
        ];
        for &(n, a, b, c) in cases {
            let d = ReplyCode::from_u16(n).unwrap().digit_meanings();
            assert_eq!([d[0].name, d[1].name, d[2].name], [a, b, c], "{n}");
            assert_eq!(
                [d[0].digit, d[1].digit, d[2].digit],
                ReplyCode::from_u16(n).unwrap().digits()
            );
        }
    }
}
