//! The IANA "SMTP Enhanced Status Codes" registry (RFC 3463, RFC 5248 and later
//! registrations up to X.7.30): names of classes and subjects, a title and description for
//! every enumerated code, and the bounce reason each code usually implies.
//!
//! Lookups index the table directly by subject and detail (the registry numbers details
//! from 0 without gaps), so they cost a few comparisons on the classifier's hot path.

use crate::texts::{field, record_impls};
use crate::{EnhancedStatus, Reason, StatusClass};

/// One enumerated code of the registry, such as X.1.1.
///
/// ```
/// use smtp_reply::EnhancedStatus;
/// let def = EnhancedStatus::new(5, 1, 1).unwrap().definition().unwrap();
/// assert_eq!(def.title(), "Bad destination mailbox address");
/// assert_eq!(def.basic_codes(), "451, 550");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct EnhancedDefinition {
    /// The subject number (the `1` of X.1.1).
    pub subject: u16,
    /// The detail number (the last `1` of X.1.1).
    pub detail: u16,
    /// The title, description, basic codes and reference, joined at compile time
    /// ([`field`]): one pointer in the table instead of four.
    texts: &'static str,
}

impl EnhancedDefinition {
    /// The registry's title, such as `"Mailbox full"`.
    ///
    /// ```
    /// let def = smtp_reply::EnhancedStatus::new(4, 2, 2).unwrap().definition().unwrap();
    /// assert_eq!(def.title(), "Mailbox full");
    /// ```
    pub fn title(&self) -> &'static str {
        field(self.texts, 0)
    }

    /// What the code means, in a sentence.
    ///
    /// ```
    /// let def = smtp_reply::EnhancedStatus::new(4, 2, 2).unwrap().definition().unwrap();
    /// assert!(def.description().contains("quota"));
    /// ```
    pub fn description(&self) -> &'static str {
        field(self.texts, 1)
    }

    /// The basic reply codes the registry associates with it, such as `"451, 550"` (`""`
    /// when it names none).
    ///
    /// ```
    /// let def = smtp_reply::EnhancedStatus::new(5, 2, 2).unwrap().definition().unwrap();
    /// assert_eq!(def.basic_codes(), "552");
    /// ```
    pub fn basic_codes(&self) -> &'static str {
        field(self.texts, 2)
    }

    /// The defining documents, such as `"RFC 3463"`.
    ///
    /// ```
    /// let def = smtp_reply::EnhancedStatus::new(5, 7, 30).unwrap().definition().unwrap();
    /// assert!(def.reference().starts_with("RFC"));
    /// ```
    pub fn reference(&self) -> &'static str {
        field(self.texts, 3)
    }
}

record_impls!(EnhancedDefinition {
    subject,
    detail,
    title(),
    description(),
    basic_codes() as "basicCodes",
    reference(),
});

impl StatusClass {
    /// The registry's name of the class.
    ///
    /// ```
    /// assert_eq!(smtp_reply::StatusClass::TransientFailure.name(), "Persistent transient failure");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            StatusClass::Success => "Success",
            StatusClass::TransientFailure => "Persistent transient failure",
            StatusClass::PermanentFailure => "Permanent failure",
        }
    }

    /// What the class tells the sender, in a sentence.
    ///
    /// ```
    /// assert!(smtp_reply::StatusClass::PermanentFailure.meaning().contains("will not"));
    /// ```
    pub const fn meaning(self) -> &'static str {
        match self {
            StatusClass::Success => "The action succeeded; the detail may note something that happened on the way, such as a conversion.",
            StatusClass::TransientFailure => "The message was valid, but a temporary condition stopped it; sending it again later may work.",
            StatusClass::PermanentFailure => "Sending the same message again will not work; the message or its destination must change.",
        }
    }
}

/// The registry's name of a subject (the middle number), or `None` above 7.
///
/// ```
/// assert_eq!(smtp_reply::subject_name(2), Some("Mailbox status"));
/// assert_eq!(smtp_reply::subject_name(9), None);
/// ```
pub const fn subject_name(subject: u16) -> Option<&'static str> {
    Some(match subject {
        0 => "Other or undefined status",
        1 => "Addressing status",
        2 => "Mailbox status",
        3 => "Mail system status",
        4 => "Network and routing status",
        5 => "Mail delivery protocol status",
        6 => "Message content or media status",
        7 => "Security or policy status",
        _ => return None,
    })
}

/// What a subject is about, in a sentence, or `None` above 7.
///
/// ```
/// assert!(smtp_reply::subject_meaning(7).unwrap().contains("policy"));
/// ```
pub const fn subject_meaning(subject: u16) -> Option<&'static str> {
    Some(match subject {
        0 => "Nothing more is known about the cause.",
        1 => "An address is wrong: its syntax, or whether the mailbox or domain exists. The sender can usually fix it.",
        2 => "The recipient's mailbox: full, disabled, or a list that failed to expand. Up to the recipient.",
        3 => "The receiving mail system: storage, load, size limits or configuration. Up to its administrator.",
        4 => "Delivery infrastructure: DNS, routing, connections and timeouts.",
        5 => "The SMTP exchange itself: a bad, misplaced or malformed command.",
        6 => "The message content or its encoding: unsupported media, a conversion that failed or is forbidden.",
        7 => "Security or policy: filtering, SMTP authentication, SPF/DKIM/DMARC, encryption, reputation.",
        _ => return None,
    })
}

impl EnhancedStatus {
    /// The registry entry for this code's subject and detail, or `None` for codes the registry
    /// does not list (such as Microsoft's 5.7.606).
    ///
    /// ```
    /// use smtp_reply::EnhancedStatus;
    /// let def = EnhancedStatus::new(4, 7, 28).unwrap().definition().unwrap();
    /// assert_eq!(def.title(), "Mail flood detected");
    /// assert!(EnhancedStatus::new(5, 7, 606).unwrap().definition().is_none());
    /// ```
    #[inline]
    pub fn definition(self) -> Option<&'static EnhancedDefinition> {
        index(self.subject(), self.detail()).and_then(|i| DEFINITIONS.get(i))
    }

    /// The bounce reason this code usually implies, as sisimai maps it (for the class of this
    /// code), or `None` when the code alone says too little. Every 2.X.X code means
    /// [`Reason::Delivered`]. Provider-specific meanings (Gmail's X.7.27) are not applied here.
    ///
    /// ```
    /// use smtp_reply::{EnhancedStatus, Reason};
    /// assert_eq!(EnhancedStatus::new(5, 1, 1).unwrap().typical_reason(), Some(Reason::UserUnknown));
    /// assert_eq!(EnhancedStatus::new(4, 2, 2).unwrap().typical_reason(), Some(Reason::MailboxFull));
    /// assert_eq!(EnhancedStatus::new(5, 3, 4).unwrap().typical_reason(), Some(Reason::EmailTooLarge));
    /// assert_eq!(EnhancedStatus::new(4, 1, 1).unwrap().typical_reason(), None);
    /// ```
    #[inline(never)] // cold (explanations); two callers share one copy in the wasm
    pub fn typical_reason(self) -> Option<Reason> {
        let reasons = index(self.subject(), self.detail()).and_then(|i| REASONS.get(i));
        match self.class() {
            StatusClass::Success => Some(Reason::Delivered),
            StatusClass::TransientFailure => reasons.and_then(|r| r.1),
            StatusClass::PermanentFailure => reasons.and_then(|r| r.0),
        }
    }
}

/// Every enumerated code of the registry, sorted by subject and detail.
///
/// ```
/// let all = smtp_reply::enhanced_codes();
/// assert!(all.iter().any(|d| (d.subject, d.detail) == (7, 30)));
/// assert!(all.windows(2).all(|w| (w[0].subject, w[0].detail) < (w[1].subject, w[1].detail)));
/// ```
pub fn enhanced_codes() -> &'static [EnhancedDefinition] {
    DEFINITIONS
}

/// Index of the first entry of each subject in `DEFINITIONS`, and one past the last.
const SUBJECT_START: [usize; 9] = [0, 1, 12, 17, 24, 32, 39, 50, 81];

#[inline]
fn index(subject: u16, detail: u16) -> Option<usize> {
    let s = subject as usize;
    let start = *SUBJECT_START.get(s)?;
    let end = *SUBJECT_START.get(s + 1)?;
    let i = start + detail as usize;
    if i < end {
        Some(i)
    } else {
        None
    }
}

use Reason as R;
const AUTHF: Option<Reason> = Some(R::AuthFailure);
const SEC: Option<Reason> = Some(R::SecurityError);
const SYS: Option<Reason> = Some(R::SystemError);
const CONTENT: Option<Reason> = Some(R::ContentError);
const FILTERED: Option<Reason> = Some(R::Filtered);
// sisimai's deprecated names: exceedlimit and mesgtoobig became emailtoolarge,
// speeding and toomanyconn became ratelimited.
const TOO_LARGE: Option<Reason> = Some(R::EmailTooLarge);
const RATE: Option<Reason> = Some(R::RateLimited);

macro_rules! registry {
    ($( $s:literal, $d:literal, $title:literal, $codes:literal, $reference:literal, $if5:expr, $if4:expr, $desc:literal; )+) => {
        /// sisimai's reason for each entry of `DEFINITIONS`: with class 5, with class 4.
        static REASONS: &[(Option<Reason>, Option<Reason>)] = &[$( ($if5, $if4), )+];
        static DEFINITIONS: &[EnhancedDefinition] = &[$(
            EnhancedDefinition { subject: $s, detail: $d, texts: concat!($title, "\u{1f}", $desc, "\u{1f}", $codes, "\u{1f}", $reference) },
        )+];
    };
}

registry! {
    0, 0, "Other undefined Status", "any", "RFC 3463", None, None, "Only the class is known; nothing more specific applies.";
    1, 0, "Other address status", "", "RFC 3463", Some(R::UserUnknown), None, "Something about an address caused this, without saying what.";
    1, 1, "Bad destination mailbox address", "451, 550", "RFC 3463", Some(R::UserUnknown), None, "The recipient's mailbox (the part before @) does not exist.";
    1, 2, "Bad destination system address", "", "RFC 3463", Some(R::HostUnknown), None, "The recipient's domain (the part after @) does not exist or cannot take mail.";
    1, 3, "Bad destination mailbox address syntax", "501", "RFC 3463", Some(R::UserUnknown), None, "The recipient address is not a valid address.";
    1, 4, "Destination mailbox address ambiguous", "", "RFC 3463", FILTERED, None, "The recipient address matches more than one mailbox.";
    1, 5, "Destination address valid", "250", "RFC 3463", None, None, "Positive: the recipient address is valid.";
    1, 6, "Destination mailbox has moved, No forwarding address", "", "RFC 3463", Some(R::HasMoved), Some(R::HasMoved), "The address once worked but no longer takes mail, and no forwarding address is known.";
    1, 7, "Bad sender's mailbox address syntax", "", "RFC 3463", Some(R::Rejected), Some(R::Rejected), "The sender (envelope) address is not a valid address.";
    1, 8, "Bad sender's system address", "451, 501", "RFC 3463", Some(R::Rejected), Some(R::Rejected), "The sender's domain does not exist or cannot take the bounces.";
    1, 9, "Message relayed to non-compliant mailer", "", "RFC 3886", SYS, SYS, "The address was valid, but the message went on to a system that reports no further status.";
    1, 10, "Recipient address has null MX", "556", "RFC 7505; RFC 7504", Some(R::NotAccept), None, "The recipient's domain publishes a null MX: it takes no mail at all.";
    2, 0, "Other or undefined mailbox status", "", "RFC 3463", FILTERED, None, "The mailbox exists, but something about it caused this.";
    2, 1, "Mailbox disabled, not accepting messages", "", "RFC 3463", FILTERED, Some(R::Blocked), "The mailbox exists but is disabled; permanent if it will never be enabled again.";
    2, 2, "Mailbox full", "552", "RFC 3463", Some(R::MailboxFull), Some(R::MailboxFull), "The recipient is over quota until they free space.";
    2, 3, "Message length exceeds administrative limit", "552", "RFC 3463", TOO_LARGE, TOO_LARGE, "The message is larger than this mailbox's own limit.";
    2, 4, "Mailing list expansion problem", "450, 452", "RFC 3463", FILTERED, FILTERED, "The recipient is a mailing list that could not be expanded.";
    3, 0, "Other or undefined mail system status", "221, 250, 421, 451, 550, 554", "RFC 3463", SYS, None, "The destination normally takes mail, but something about it caused this.";
    3, 1, "Mail system full", "452", "RFC 3463", Some(R::SystemFull), Some(R::SystemFull), "The destination's storage is exhausted (not the one mailbox).";
    3, 2, "System not accepting network messages", "453, 521", "RFC 3463; RFC 7504", Some(R::NotAccept), Some(R::NotAccept), "The destination host takes no mail now (shutdown, overload, maintenance) or never does.";
    3, 3, "System not capable of selected features", "", "RFC 3463", SYS, SYS, "The destination cannot support features this message asks for.";
    3, 4, "Message too big for system", "552, 554", "RFC 3463", TOO_LARGE, None, "The message is larger than the system's per-message limit.";
    3, 5, "System incorrectly configured", "", "RFC 3463", SYS, SYS, "The destination is misconfigured in a way that stops this message.";
    3, 6, "Requested priority was changed", "250 or 251", "RFC 6710", None, None, "Accepted, but at another priority than the MT-PRIORITY asked for; the text gives it.";
    4, 0, "Other or undefined network or routing status", "", "RFC 3463", Some(R::NetworkError), None, "A network or routing problem, not further specified.";
    4, 1, "No answer from host", "451", "RFC 3463", None, Some(R::Expired), "The connection attempt was not answered (host busy or down).";
    4, 2, "Bad connection", "421", "RFC 3463", None, Some(R::NetworkError), "The connection was made but the transaction could not finish (timeout, poor link).";
    4, 3, "Directory server failure", "451, 550", "RFC 3463", SYS, SYS, "A directory server such as DNS, needed to route the message, was unavailable.";
    4, 4, "Unable to route", "", "RFC 3463", Some(R::HostUnknown), Some(R::NetworkError), "No next hop could be found (for example DNS has no MX or address).";
    4, 5, "Mail system congestion", "451", "RFC 3463", None, Some(R::SystemFull), "The mail system is congested; try later.";
    4, 6, "Routing loop detected", "", "RFC 3463", None, Some(R::NetworkError), "The message was forwarded too many times: a routing or forwarding loop.";
    4, 7, "Delivery time expired", "", "RFC 3463", None, Some(R::Expired), "The message grew too old in the queue before it could be delivered.";
    5, 0, "Other or undefined protocol status", "220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554", "RFC 3463", None, None, "A problem in the SMTP exchange, not further specified.";
    5, 1, "Invalid command", "430, 500, 501, 503, 530, 550, 554, 555", "RFC 3463", None, None, "The command is out of sequence or not supported.";
    5, 2, "Syntax error", "500, 501, 502, 550, 555", "RFC 3463", Some(R::SyntaxError), None, "The command could not be parsed or is not recognised.";
    5, 3, "Too many recipients", "451", "RFC 3463", RATE, SYS, "More recipients than allowed at once; send the rest in another transaction.";
    5, 4, "Invalid command arguments", "451, 501, 502, 503, 504, 550, 555", "RFC 3463", SYS, None, "A valid command with invalid or unsupported arguments.";
    5, 5, "Wrong protocol version", "", "RFC 3463", SYS, SYS, "The two sides could not agree on a protocol version.";
    5, 6, "Authentication Exchange line is too long", "500", "RFC 4954", Some(R::SyntaxError), None, "An AUTH response was longer than the server accepts.";
    6, 0, "Other or undefined media error", "", "RFC 3463", CONTENT, CONTENT, "Something about the content made the message undeliverable.";
    6, 1, "Media not supported", "", "RFC 3463", CONTENT, None, "The message's media type is not supported on the way.";
    6, 2, "Conversion required and prohibited", "", "RFC 3463", CONTENT, CONTENT, "The content needs converting but the sender or policy forbids it.";
    6, 3, "Conversion required but not supported", "554", "RFC 3463", CONTENT, None, "The content needs converting (such as 8-bit to 7-bit) and the next host cannot.";
    6, 4, "Conversion with loss performed", "250", "RFC 3463", None, None, "Delivered, but a conversion lost some content.";
    6, 5, "Conversion Failed", "", "RFC 3463", CONTENT, CONTENT, "A needed conversion was tried and failed.";
    6, 6, "Message content not available", "554", "RFC 4468", CONTENT, None, "Content referenced by a BURL URL could not be fetched.";
    6, 7, "Non-ASCII addresses not permitted for that sender/recipient", "553, 550", "RFC 6531", CONTENT, None, "A non-ASCII address was used where SMTPUTF8 is not available.";
    6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client", "252, 553, 550", "RFC 6531", CONTENT, None, "The answer needs a UTF-8 reply that the client did not allow.";
    6, 9, "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected", "550", "RFC 6531", CONTENT, None, "A message with UTF-8 headers could not be passed on or downgraded.";
    6, 10, "(deprecated)", "", "RFC 6531", None, None, "Withdrawn duplicate of X.6.8; not to be used.";
    7, 0, "Other or undefined security status", "220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550", "RFC 3463", SEC, None, "A security or policy reason, not further specified (sometimes policy forbids saying more).";
    7, 1, "Delivery not authorized, message refused", "451, 454, 502, 503, 533, 550, 551", "RFC 3463", SEC, Some(R::Blocked), "The sender may not send to this destination: filtering, relay denial, blocklists. Common as 4.7.1 for greylisting.";
    7, 2, "Mailing list expansion prohibited", "550", "RFC 3463", SEC, Some(R::Blocked), "The sender may not post to this mailing list.";
    7, 3, "Security conversion required but not possible", "", "RFC 3463", SEC, None, "A conversion between secure messaging formats was needed and impossible.";
    7, 4, "Security features not supported", "504", "RFC 3463", SEC, None, "The message needs security features the transport cannot give.";
    7, 5, "Cryptographic failure", "", "RFC 3463", SEC, SEC, "A system that verifies or decrypts lacked valid keys.";
    7, 6, "Cryptographic algorithm not supported", "", "RFC 3463", SEC, SEC, "A system that verifies or decrypts does not support the algorithm used.";
    7, 7, "Message integrity failure", "", "RFC 3463", SEC, SEC, "The message was altered or corrupted so it could not be validated.";
    7, 8, "Authentication credentials invalid", "535, 554", "RFC 4954", SEC, None, "SMTP AUTH failed: the user name or password is wrong.";
    7, 9, "Authentication mechanism is too weak", "534", "RFC 4954", SEC, None, "The SASL mechanism is weaker than policy allows; use a stronger one.";
    7, 10, "Encryption Needed", "523", "RFC 5248", SEC, None, "An encryption layer such as TLS is needed before this authentication.";
    7, 11, "Encryption required for requested authentication mechanism", "524, 538", "RFC 4954", SEC, None, "This mechanism may only be used over an encrypted connection.";
    7, 12, "A password transition is needed", "422, 432", "RFC 4954", None, SEC, "Authenticate once with PLAIN to move to the chosen mechanism.";
    7, 13, "User Account Disabled", "525", "RFC 5248", Some(R::Suspend), None, "Authentication worked but the account is disabled until an administrator enables it.";
    7, 14, "Trust relationship required", "535, 554", "RFC 5248", SEC, None, "The submission server needs a configured trust relationship to fetch content (BURL).";
    7, 15, "Priority Level is too low", "450, 550 (other 4XX or 5XX codes are allowed)", "RFC 6710", SEC, SEC, "The message's MT-PRIORITY is lower than the server takes now.";
    7, 16, "Message is too big for the specified priority", "552 (other 4XX or 5XX codes are allowed)", "RFC 6710", TOO_LARGE, TOO_LARGE, "The message is too large for its MT-PRIORITY level.";
    7, 17, "Mailbox owner has changed", "5XX", "RFC 7293", Some(R::HasMoved), None, "RRVS: the mailbox changed owner since the given date.";
    7, 18, "Domain owner has changed", "5XX", "RFC 7293", Some(R::HasMoved), None, "RRVS: the domain changed owner since the given date.";
    7, 19, "RRVS test cannot be completed", "5XX", "RFC 7293", SEC, None, "RRVS was asked for, but the receiver cannot evaluate it.";
    7, 20, "No passing DKIM signature found", "550", "RFC 7372; RFC 6376", AUTHF, None, "No DKIM signature on the message verified.";
    7, 21, "No acceptable DKIM signature found", "550", "RFC 7372; RFC 6376", AUTHF, None, "DKIM signatures verified, but none satisfied local policy.";
    7, 22, "No valid author-matched DKIM signature found", "550", "RFC 7372; RFC 6376", AUTHF, None, "No verified DKIM signature matches the From: domain.";
    7, 23, "SPF validation failed", "550", "RFC 7372; RFC 7208", AUTHF, None, "SPF gave \"fail\" for the sending IP and policy rejects it.";
    7, 24, "SPF validation error", "451, 550", "RFC 7372; RFC 7208", AUTHF, AUTHF, "SPF could not be evaluated (temperror or permerror).";
    7, 25, "Reverse DNS validation failed", "550", "RFC 7372; RFC 7601", Some(R::RequirePtr), Some(R::RequirePtr), "The client IP failed a reverse-DNS (PTR, forward-confirmed) check.";
    7, 26, "Multiple authentication checks failed", "550", "RFC 7372", AUTHF, AUTHF, "More than one authentication check (SPF, DKIM, ...) failed.";
    7, 27, "Sender address has null MX", "550", "RFC 7505", Some(R::NotAccept), None, "The sender's domain publishes a null MX, so bounces could not return; the receiver refuses it. (Gmail uses it for SPF failure.)";
    7, 28, "Mail flood detected", "", "draft-levine-mailbomb-header", Some(R::SpamDetected), None, "The message looks like part of a flood of similar unwanted mail.";
    7, 29, "ARC validation failure", "550 (assumed)", "RFC 8617", AUTHF, None, "The message failed ARC validation. (Gmail uses it for mail not sent over TLS.)";
    7, 30, "REQUIRETLS support required", "550 (assumed)", "RFC 8689", Some(R::FailedStartTls), None, "The message requires TLS all the way (REQUIRETLS) and the next hop cannot promise it. (Gmail uses it for DKIM failure.)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_indexed_by_subject_and_detail() {
        assert_eq!(DEFINITIONS.len(), SUBJECT_START[8]);
        assert_eq!(REASONS.len(), DEFINITIONS.len());
        for (i, d) in DEFINITIONS.iter().enumerate() {
            assert_eq!(
                index(d.subject, d.detail),
                Some(i),
                "X.{}.{}",
                d.subject,
                d.detail
            );
        }
    }

    #[test]
    fn lookups_outside_the_registry_are_none() {
        for (s, d) in [(0, 1), (1, 11), (7, 31), (8, 0), (999, 999), (2, 5)] {
            assert!(index(s, d).is_none(), "X.{s}.{d}");
        }
    }

    #[test]
    fn class_picks_the_reason_column() {
        let cases = [
            ((5, 2, 1), Some(Reason::Filtered)),
            ((4, 2, 1), Some(Reason::Blocked)),
            ((5, 5, 3), Some(Reason::RateLimited)),
            ((4, 5, 3), Some(Reason::SystemError)),
            ((4, 7, 1), Some(Reason::Blocked)),
            ((2, 7, 1), Some(Reason::Delivered)),
            ((5, 5, 1), None),
        ];
        for ((c, s, d), want) in cases {
            assert_eq!(
                EnhancedStatus::new(c, s, d).unwrap().typical_reason(),
                want,
                "{c}.{s}.{d}"
            );
        }
    }
}
