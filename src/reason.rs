//! Bounce reasons: why a message failed, in the taxonomy of sisimai (v5.6), the most used
//! open-source bounce classifier, so that results interoperate with it.

use core::fmt;
use core::str::FromStr;

macro_rules! reasons {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, hard: $hard:expr; )+) => {
        /// Why a reply refused (or accepted) a message. The names, from [`Reason::as_str`],
        /// are sisimai's.
        ///
        /// ```
        /// use smtp_reply::Reason;
        /// assert_eq!("userunknown".parse::<Reason>(), Ok(Reason::UserUnknown));
        /// assert_eq!("UserUnknown".parse::<Reason>(), Ok(Reason::UserUnknown));
        /// assert_eq!(Reason::MailboxFull.as_str(), "mailboxfull");
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Reason {
            $( $(#[$doc])* $variant, )+
        }

        impl Reason {
            /// Every reason, in alphabetical order of its name.
            pub const ALL: &'static [Reason] = &[$( Reason::$variant, )+];

            /// The reason's name, such as `"userunknown"`.
            ///
            /// ```
            /// assert_eq!(smtp_reply::Reason::RateLimited.as_str(), "ratelimited");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $( Reason::$variant => $name, )+ }
            }

            /// Whether the taxonomy counts this reason as a hard bounce: one where the address
            /// itself is bad and must not be tried again. `notaccept` is hard only for a 5xx
            /// reply; see [`Reason::is_hard_for`].
            ///
            /// ```
            /// use smtp_reply::Reason;
            /// assert!(Reason::UserUnknown.is_hard());
            /// assert!(!Reason::MailboxFull.is_hard());
            /// ```
            pub const fn is_hard(self) -> bool {
                match self { $( Reason::$variant => $hard, )+ }
            }
        }

        impl FromStr for Reason {
            type Err = UnknownReason;

            /// A reason from its name, in any case (`"userunknown"`, `"UserUnknown"`).
            fn from_str(s: &str) -> Result<Reason, UnknownReason> {
                Reason::ALL
                    .iter()
                    .find(|r| r.as_str().eq_ignore_ascii_case(s))
                    .copied()
                    .ok_or(UnknownReason)
            }
        }
    };
}

reasons! {
    /// SPF, DKIM, DMARC or ARC checks failed.
    AuthFailure = "authfailure", hard: false;
    /// The sending IP address or domain has a poor reputation.
    BadReputation = "badreputation", hard: false;
    /// The client's IP address, host name or HELO was refused (blocklists, rDNS policy).
    Blocked = "blocked", hard: false;
    /// The message's headers or body could not be handled.
    ContentError = "contenterror", hard: false;
    /// The message was delivered, or a positive reply (`354 Go ahead` too) took what was
    /// sent so far.
    Delivered = "delivered", hard: false;
    /// The message is too large for the recipient or the system.
    EmailTooLarge = "emailtoolarge", hard: false;
    /// An attempt timed out, or delivery was given up after the queue lifetime expired.
    Expired = "expired", hard: false;
    /// STARTTLS failed, or TLS was required but not available.
    FailedStartTls = "failedstarttls", hard: false;
    /// A feedback-loop complaint, not a bounce.
    Feedback = "feedback", hard: false;
    /// The mailbox exists but refused the message, or "user unknown" came after DATA.
    Filtered = "filtered", hard: false;
    /// The mailbox moved away without a forwarding address.
    HasMoved = "hasmoved", hard: true;
    /// The recipient's domain does not exist.
    HostUnknown = "hostunknown", hard: true;
    /// The recipient's mailbox is over its quota.
    MailboxFull = "mailboxfull", hard: false;
    /// A local delivery program failed.
    MailerError = "mailererror", hard: false;
    /// DNS, routing or the network failed.
    NetworkError = "networkerror", hard: false;
    /// The server refused to relay.
    NoRelaying = "norelaying", hard: false;
    /// The destination accepts no mail (null MX, 521, 556).
    NotAccept = "notaccept", hard: true;
    /// The message does not comply with RFC 5322.
    NotCompliantRfc = "notcompliantrfc", hard: false;
    /// The error is known but details are missing; the decision is withheld.
    OnHold = "onhold", hard: false;
    /// The message breaks a policy of the receiver.
    PolicyViolation = "policyviolation", hard: false;
    /// Too many messages, connections or recipients in too short a time.
    RateLimited = "ratelimited", hard: false;
    /// The sender's address was refused.
    Rejected = "rejected", hard: false;
    /// The sending IP address has no valid PTR record.
    RequirePtr = "requireptr", hard: false;
    /// A security check failed.
    SecurityError = "securityerror", hard: false;
    /// The message was judged to be spam.
    SpamDetected = "spamdetected", hard: false;
    /// The address is on the sending service's suppression list.
    Suppressed = "suppressed", hard: false;
    /// The recipient's account is suspended or disabled.
    Suspend = "suspend", hard: false;
    /// An SMTP command had a syntax error.
    SyntaxError = "syntaxerror", hard: false;
    /// The remote host had an internal error.
    SystemError = "systemerror", hard: false;
    /// The remote host's disk is full.
    SystemFull = "systemfull", hard: false;
    /// Nothing usable to decide from.
    Undefined = "undefined", hard: false;
    /// The recipient's mailbox does not exist.
    UserUnknown = "userunknown", hard: true;
    /// An automatic reply, such as out of office.
    Vacation = "vacation", hard: false;
    /// A virus or malware was found in the message.
    VirusDetected = "virusdetected", hard: false;
}

impl Reason {
    /// Whether this reason is a hard bounce for a reply with the given code: as
    /// [`Reason::is_hard`], except that `notaccept` is hard only for a 5xx code.
    ///
    /// ```
    /// use smtp_reply::{Reason, ReplyCode};
    /// assert!(Reason::NotAccept.is_hard_for(ReplyCode::from_u16(556).unwrap()));
    /// assert!(!Reason::NotAccept.is_hard_for(ReplyCode::from_u16(421).unwrap()));
    /// assert!(!Reason::UserUnknown.is_hard_for(ReplyCode::from_u16(450).unwrap()));
    /// ```
    pub const fn is_hard_for(self, code: crate::ReplyCode) -> bool {
        self.is_hard() && code.is_permanent_negative()
    }

    /// Whether the taxonomy counts this reason as a bounce at all, hard or soft: all but
    /// `delivered`, `feedback` (a complaint) and `vacation` (an automatic reply), which are
    /// neither; `undefined` and `onhold` count as soft.
    ///
    /// ```
    /// use smtp_reply::Reason;
    /// assert!(Reason::MailboxFull.is_bounce() && !Reason::MailboxFull.is_hard());
    /// assert!(Reason::Undefined.is_bounce());
    /// assert!(!Reason::Delivered.is_bounce() && !Reason::Vacation.is_bounce());
    /// ```
    pub const fn is_bounce(self) -> bool {
        !matches!(
            self,
            Reason::Delivered | Reason::Feedback | Reason::Vacation
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a reason's name.
///
/// ```
/// assert!("nosuchreason".parse::<smtp_reply::Reason>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownReason;

impl fmt::Display for UnknownReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a bounce reason name")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UnknownReason {}

#[cfg(feature = "serde")]
impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_four_sorted_names_that_round_trip() {
        assert_eq!(Reason::ALL.len(), 34);
        for w in Reason::ALL.windows(2) {
            assert!(w[0].as_str() < w[1].as_str());
        }
        for r in Reason::ALL {
            assert_eq!(r.as_str().parse::<Reason>(), Ok(*r));
            let upper = std::string::String::from(r.as_str()).to_uppercase();
            assert_eq!(upper.parse::<Reason>(), Ok(*r));
        }
        assert_eq!("userunknown ".parse::<Reason>(), Err(UnknownReason));
    }
}
