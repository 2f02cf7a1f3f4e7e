//! Classification: why a reply refused a message (a [`Reason`] of the sisimai taxonomy), who
//! answered, whether the bounce is hard, what to do next and when to retry.
//!
//! The decision reads, in this order: reply codes with a fixed meaning (521, 556, 525, ...),
//! the provider's own meaning of enhanced codes (Gmail's X.7.27/X.7.29/X.7.30 are SPF, TLS
//! and DKIM; Microsoft's X.7.5xx–6xx ranges), enhanced codes that decide by themselves
//! (X.7.20–X.7.26, X.3.4, ...), phrases of the text in order of how specific they are, the
//! enhanced code's usual reason, weaker phrases, and finally the reply code, the command
//! and the enhanced code's subject. The command matters: a "user unknown" after the message
//! data is `filtered`, not `userunknown`. All of it runs in one pass over the text with
//! static tables, without allocating.

use crate::extract::{extract, strip_head, Extracted, Source};
use crate::phrases::{sig::*, Found, Scanner};
use crate::provider::Provider;
use crate::retry::{stated_delay, RetryDelay, RetrySchedule};
use crate::scan::{blanks, eq, is_blank, link_end16, load8, next_candidate, WIDE};
use crate::{
    parse, Command, EnhancedStatus, Line, ParserConfig, Reason, Reply, ReplyCode, Severity,
};
use core::fmt;

/// What the sending side should do about a reply.
///
/// ```
/// use smtp_reply::{classify_text, Action};
/// assert_eq!(classify_text(b"250 2.0.0 OK").unwrap().action(), Action::Done);
/// assert_eq!(classify_text(b"550 5.1.1 User unknown").unwrap().action(), Action::DoNotRetry);
/// assert_eq!(classify_text(b"451 4.7.1 Greylisted, try again later").unwrap().action(), Action::RetryLater);
/// assert_eq!(classify_text(b"550 5.7.26 DMARC policy").unwrap().action(), Action::FixAndRetry);
/// assert_eq!(classify_text(b"354 Go ahead").unwrap().action(), Action::Continue);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum Action {
    /// Accepted: nothing more to do.
    Done,
    /// An intermediate reply (1xx/3xx): go on with the session.
    Continue,
    /// A temporary failure: try again later, after [`Classification::retry_delay`].
    RetryLater,
    /// A permanent failure: do not send this message to this recipient again.
    DoNotRetry,
    /// Refused because of something on the sending side (authentication, DNS, TLS,
    /// content, reputation): fix it, then send again.
    FixAndRetry,
}

impl Action {
    /// Every action, in declaration order.
    ///
    /// ```
    /// assert!(smtp_reply::Action::ALL.iter().any(|a| a.as_str() == "doNotRetry"));
    /// ```
    pub const ALL: [Action; 5] = [
        Action::Done,
        Action::Continue,
        Action::RetryLater,
        Action::DoNotRetry,
        Action::FixAndRetry,
    ];

    /// A short identifier, the same as the JavaScript API's (camelCase, like
    /// [`Severity::as_str`](crate::Severity::as_str)): `"done"`, `"continue"`, `"retry"`,
    /// `"doNotRetry"`, `"fixAndRetry"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Action::FixAndRetry.as_str(), "fixAndRetry");
    /// assert_eq!(smtp_reply::Action::RetryLater.as_str(), "retry");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::Done => "done",
            Action::Continue => "continue",
            Action::RetryLater => "retry",
            Action::DoNotRetry => "doNotRetry",
            Action::FixAndRetry => "fixAndRetry",
        }
    }

    /// One line saying what to do.
    ///
    /// ```
    /// assert!(smtp_reply::Action::RetryLater.description().contains("later"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Action::Done => "Accepted; nothing more to do.",
            Action::Continue => "Intermediate reply; continue the SMTP session.",
            Action::RetryLater => "Temporary failure; keep the message queued and try again later.",
            Action::DoNotRetry => {
                "Permanent failure; do not send this message to this recipient again."
            }
            Action::FixAndRetry => {
                "Refused because of the sending side; fix the cause, then send again."
            }
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::str::FromStr for Action {
    type Err = UnknownAction;

    /// An action from its identifier ([`Action::as_str`]), in any case.
    ///
    /// ```
    /// use smtp_reply::Action;
    /// assert_eq!("doNotRetry".parse::<Action>(), Ok(Action::DoNotRetry));
    /// assert_eq!("RETRY".parse::<Action>(), Ok(Action::RetryLater));
    /// assert!("later".parse::<Action>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Action, UnknownAction> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(s))
            .ok_or(UnknownAction)
    }
}

/// The error returned when a string is not an action's identifier.
///
/// ```
/// assert_eq!("soon".parse::<smtp_reply::Action>().unwrap_err().to_string(), "not an action identifier");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownAction;

impl fmt::Display for UnknownAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an action identifier")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UnknownAction {}

#[cfg(feature = "serde")]
impl serde::Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The result of classifying a reply. It borrows the classified text.
///
/// ```
/// use smtp_reply::{classify_text, Action, Provider, Reason};
/// let c = classify_text(b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///                         550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp\r\n").unwrap();
/// assert_eq!(c.reason(), Reason::UserUnknown);
/// assert_eq!(c.provider(), Some(Provider::Google));
/// assert!(c.is_hard());
/// assert_eq!(c.action(), Action::DoNotRetry);
/// assert_eq!(c.links().next(), Some("https://support.google.com/mail/?p=NoSuchUser"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classification<'a> {
    text: &'a [u8],
    reply: Option<Reply<'a>>,
    code: Option<ReplyCode>,
    enhanced: Option<EnhancedStatus>,
    reason: Reason,
    provider: Option<Provider>,
    command: Option<Command>,
    action: Action,
    source: Source,
    signals: u64,
}

impl<'a> Classification<'a> {
    /// The classified text: the reply's bytes, or the span found by [`extract`].
    ///
    /// ```
    /// let c = smtp_reply::classify_text(b"said: 452 4.2.2 Over quota (in reply to RCPT TO command)").unwrap();
    /// assert_eq!(c.text(), b"452 4.2.2 Over quota");
    /// ```
    pub fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The parsed reply, when the text parses as one (leniently).
    ///
    /// ```
    /// let c = smtp_reply::classify_text(b"421 4.7.0 Try again later").unwrap();
    /// assert_eq!(c.reply().unwrap().line_count(), 1);
    /// ```
    pub fn reply(&self) -> Option<Reply<'a>> {
        self.reply
    }

    /// The reply code; `None` for a text with only an enhanced code (`5.1.1 User unknown`).
    ///
    /// ```
    /// use smtp_reply::classify_text;
    /// assert_eq!(classify_text(b"550 No").unwrap().code().unwrap().as_u16(), 550);
    /// assert_eq!(classify_text(b"5.1.1 <a@b.example>... User unknown").unwrap().code(), None);
    /// ```
    pub fn code(&self) -> Option<ReplyCode> {
        self.code
    }

    /// The enhanced status code, from the start of a line or, failing that, from inside the
    /// text (`(#5.1.1 - chkusr)`) when its class agrees with the reply code.
    ///
    /// ```
    /// let c = smtp_reply::classify_text(b"550 sorry, no mailbox here by that name (#5.1.1 - chkusr)").unwrap();
    /// assert_eq!(c.enhanced().unwrap().to_string(), "5.1.1");
    /// ```
    pub fn enhanced(&self) -> Option<EnhancedStatus> {
        self.enhanced
    }

    /// Why the message was refused (or [`Reason::Delivered`] for a positive reply, an
    /// intermediate one too).
    ///
    /// ```
    /// use smtp_reply::{classify_text, Reason};
    /// assert_eq!(classify_text(b"552 5.2.2 Mailbox full").unwrap().reason(), Reason::MailboxFull);
    /// ```
    pub fn reason(&self) -> Reason {
        self.reason
    }

    /// Who answered, when the text shows it.
    ///
    /// ```
    /// use smtp_reply::{classify_text, Provider};
    /// let c = classify_text(b"421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred").unwrap();
    /// assert_eq!(c.provider(), Some(Provider::Yahoo));
    /// ```
    pub fn provider(&self) -> Option<Provider> {
        self.provider
    }

    /// The command the reply answered, as given by the caller or found in a log line.
    ///
    /// ```
    /// use smtp_reply::{classify_text, Command};
    /// let c = classify_text(b"said: 550 5.1.1 unknown (in reply to RCPT TO command)").unwrap();
    /// assert_eq!(c.command(), Some(Command::Rcpt));
    /// ```
    pub fn command(&self) -> Option<Command> {
        self.command
    }

    /// What to do next.
    ///
    /// ```
    /// use smtp_reply::{classify_text, Action};
    /// // A 4xx that says retrying will not help.
    /// let c = classify_text(b"421 4.7.1 [TS03] All messages from 192.0.2.1 permanently deferred").unwrap();
    /// assert_eq!(c.action(), Action::DoNotRetry);
    /// ```
    pub fn action(&self) -> Action {
        self.action
    }

    /// How long to wait before the next attempt when [`Action::RetryLater`]: the delay the
    /// server stated, or the first step of [`Classification::schedule`].
    ///
    /// ```
    /// use smtp_reply::{classify_text, RetryDelay};
    /// let c = classify_text(b"450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted for 60 seconds").unwrap();
    /// assert_eq!(c.retry_delay(), Some(RetryDelay::Stated(60)));
    /// let c = classify_text(b"450 4.2.0 Greylisted, see http://postgrey.schweikert.ch/help/x.html").unwrap();
    /// assert_eq!(c.retry_delay(), Some(RetryDelay::Recommended(300)));
    /// ```
    pub fn retry_delay(&self) -> Option<RetryDelay> {
        if self.action != Action::RetryLater {
            return None;
        }
        // Read on demand: most callers never ask, and the text is at hand.
        Some(match stated_delay(self.text) {
            Some(s) => RetryDelay::Stated(s),
            None => RetryDelay::Recommended(schedule_for(self.reason, self.signals).first),
        })
    }

    /// The recommended retry schedule for this kind of failure, when retrying makes sense:
    /// short steps for greylisting, slower ones for rate limits and reputation, RFC 5321
    /// steps otherwise; its first retry comes no sooner than the delay the server stated.
    ///
    /// ```
    /// use smtp_reply::{classify_text, RetrySchedule};
    /// let c = classify_text(b"421 4.7.28 Gmail has detected an unusual rate of email. temporarily rate limited - gsmtp").unwrap();
    /// assert_eq!(c.schedule(), Some(RetrySchedule::RATE_LIMITED));
    /// let c = classify_text(b"451 4.7.1 Please try again in 2 hours").unwrap();
    /// assert_eq!(c.schedule().unwrap().delay_before(2, 0), Some(7200));
    /// assert_eq!(classify_text(b"550 5.1.1 User unknown").unwrap().schedule(), None);
    /// ```
    pub fn schedule(&self) -> Option<RetrySchedule> {
        let s = match self.action {
            Action::RetryLater | Action::FixAndRetry => schedule_for(self.reason, self.signals),
            _ => return None,
        };
        // No sooner than the delay the server stated: a longer one is the first step.
        Some(match stated_delay(self.text) {
            Some(first) if first > s.first => s.starting_at(first),
            _ => s,
        })
    }

    /// Where the reply was found.
    ///
    /// ```
    /// use smtp_reply::{classify_text, Source};
    /// assert_eq!(classify_text(b"smtp; 550 5.1.1 No such user").unwrap().source(), Source::Dsn);
    /// ```
    pub fn source(&self) -> Source {
        self.source
    }

    /// Whether this is a hard bounce as the taxonomy defines it: the address itself is bad
    /// (user unknown, host unknown, moved, or a 5xx "accepts no mail"), said by a 5xx or, with
    /// no code, by words that are not to be retried.
    ///
    /// ```
    /// use smtp_reply::classify_text;
    /// assert!(classify_text(b"550 5.1.1 User unknown").unwrap().is_hard());
    /// assert!(!classify_text(b"452 4.2.2 Mailbox full").unwrap().is_hard());
    /// assert!(!classify_text(b"450 4.1.1 User unknown (try later)").unwrap().is_hard());
    /// assert!(classify_text(b"getaddrinfo ENOTFOUND mx.example.invalid").unwrap().is_hard());
    /// ```
    pub fn is_hard(&self) -> bool {
        self.reason.is_hard()
            && match self.class() {
                5 => true,
                0 => self.action == Action::DoNotRetry,
                _ => false,
            }
    }

    /// Whether sending again can succeed: later ([`Action::RetryLater`]) or after fixing the
    /// cause ([`Action::FixAndRetry`]).
    ///
    /// ```
    /// use smtp_reply::classify_text;
    /// assert!(classify_text(b"421 4.3.0 Temporary System Problem").unwrap().is_retryable());
    /// assert!(!classify_text(b"550 5.1.1 User unknown").unwrap().is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        matches!(self.action, Action::RetryLater | Action::FixAndRetry)
    }

    /// The outcome given by the reply code's first digit (or the enhanced code's class).
    ///
    /// ```
    /// use smtp_reply::{classify_text, Severity};
    /// assert_eq!(classify_text(b"5.1.1 unknown").unwrap().severity(), Severity::PermanentNegative);
    /// ```
    pub fn severity(&self) -> Severity {
        match self.code {
            Some(c) => c.severity(),
            None => match self.class() {
                2 => Severity::PositiveCompletion,
                4 => Severity::TransientNegative,
                5 => Severity::PermanentNegative,
                _ => Severity::Unknown,
            },
        }
    }

    /// Whether the server asked to retry although its code is permanent (as Microsoft's
    /// hourly limits `554 5.2.122` and Gmail's `550 5.2.1 ... at a rate` do), or said that
    /// retrying will not help although its code is temporary.
    ///
    /// ```
    /// use smtp_reply::classify_text;
    /// let c = classify_text(b"554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour. [x.prod.outlook.com]").unwrap();
    /// assert!(c.contradicts_code());
    /// assert!(!classify_text(b"550 5.1.1 User unknown").unwrap().contradicts_code());
    /// ```
    pub fn contradicts_code(&self) -> bool {
        match self.class() {
            5 => self.action == Action::RetryLater,
            4 => self.action == Action::DoNotRetry,
            _ => false,
        }
    }

    /// The help links in the text (`https://support.google.com/mail/?p=...`, Microsoft's and
    /// Yahoo's postmaster pages, Spamhaus lookups), in order.
    ///
    /// ```
    /// let c = smtp_reply::classify_text(b"550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked \
    ///     using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS16012611)").unwrap();
    /// let links: Vec<&str> = c.links().collect();
    /// assert_eq!(links, ["https://www.spamhaus.org/query/ip/192.0.2.1"]);
    /// ```
    pub fn links(&self) -> Links<'a> {
        links(self.text)
    }

    /// Advice for the person operating the sending side: the reason's, or the enhanced code's
    /// own where it says more, or (for a success, or when the reason says nothing, as for
    /// `onhold`) the basic code's; [`advice_source`](Self::advice_source) says which.
    ///
    /// ```
    /// let c = smtp_reply::classify_text(b"552 5.2.2 Mailbox full").unwrap();
    /// assert!(!c.advice().summary().is_empty());
    /// ```
    pub fn advice(&self) -> &'static crate::Advice {
        self.advice_and_source().0
    }

    /// Whose advice [`advice`](Self::advice) gives: the reason's, the enhanced code's own
    /// (it says more, as Gmail's `5.7.27` names SPF), or the basic code's (a success, a
    /// greylisting deferral: no block to lift).
    ///
    /// ```
    /// use smtp_reply::{classify_text, AdviceSource};
    /// let source = |t: &[u8]| classify_text(t).unwrap().advice_source();
    /// assert_eq!(source(b"550 5.1.1 User unknown"), AdviceSource::Reason);
    /// assert_eq!(source(b"554 5.4.6 Too many hops"), AdviceSource::EnhancedCode);
    /// assert_eq!(source(b"250 2.0.0 OK"), AdviceSource::ReplyCode);
    /// ```
    pub fn advice_source(&self) -> AdviceSource {
        self.advice_and_source().1
    }

    /// [`advice`](Self::advice) and [`advice_source`](Self::advice_source) at once.
    pub(crate) fn advice_and_source(&self) -> (&'static crate::Advice, AdviceSource) {
        // The code's advice serves better:
        // - a positive reply (a greeting, an EHLO reply, 354) than "the message was accepted";
        // - greylisting, RFC 5321's 421 text and a 4xx that names no reason, which read as
        //   `blocked` (as sisimai has them), when they are to be retried: there is no block to
        //   lift, and the 421, 450 or 451's advice (wait, then retry) fits them.
        let named = self.signals & !NO_FAILURE;
        let by_code = self.reason == Reason::Delivered
            || self.reason == Reason::Blocked
                && self.action == Action::RetryLater
                && (named == 0 || named & (1 << GREYLIST | 1 << CLOSING) != 0);
        if by_code {
            if let Some(c) = self.code {
                return (c.advice(), AdviceSource::ReplyCode);
            }
        }
        if let Some(a) = self.code_advice() {
            return (a, AdviceSource::EnhancedCode);
        }
        if matches!(self.reason, Reason::OnHold | Reason::Undefined) {
            if let Some(a) = self.enhanced.and_then(|e| e.advice()) {
                return (a, AdviceSource::EnhancedCode);
            }
            if let Some(c) = self.code {
                return (c.advice(), AdviceSource::ReplyCode);
            }
        }
        (self.reason.advice(), AdviceSource::Reason)
    }

    /// The enhanced code's own advice, when the code alone (with the provider's meanings of
    /// it) gives the reason that the words gave: it then says more than the reason's advice
    /// (`5.4.6`: a mail loop, not any network trouble; Gmail's `5.7.27`: SPF; Microsoft's
    /// `5.7.606`: how to be delisted). Not where the words decided otherwise, as they do
    /// when a server sends a loose code (`5.7.23`, SPF, with words about a missing PTR record:
    /// only Gmail means that by it), nor for
    /// X.7.1, the catch-all refusal, whose advice never says more than a reason's, nor X.7.13,
    /// whose advice is the registry's (the account that authenticated is disabled) where its
    /// reason is sisimai's (`suspend`: the recipient's is). A code whose advice is a reason's
    /// (5.1.1, the unknown user's) leaves it to the reason. A code that the provider gives a
    /// meaning of its own gets that meaning's advice alone (Gmail's `5.7.27`: SPF, without the
    /// registry's null MX). Microsoft 365's own codes for a banned sender or a tenant's limits
    /// (5.7.501, 5.7.705: no other server sends them) get theirs whatever reason the words
    /// gave ("spam abuse detected" is `spamdetected`, but no change to the content lifts the
    /// ban).
    fn code_advice(&self) -> Option<&'static crate::Advice> {
        let e = self
            .enhanced
            .filter(|e| !matches!((e.subject(), e.detail()), (7, 1) | (7, 13)))?;
        // A reason's advice is the classification's own reason's, or wrong.
        let own = e
            .advice_at(self.provider)
            .filter(|a| !crate::advice::is_reason_advice(a))?;
        if crate::advice::is_microsoft_own(own) {
            return Some(own);
        }
        let alone = Facts {
            text: self.text,
            class: self.class(),
            code: self.code.map_or(0, |c| c.as_u16()),
            enhanced: self.enhanced,
            found: Found::default(),
            provider: self.provider,
            command: self.command,
            mailer: false,
        };
        (alone.by_code_alone() == Some(self.reason)).then_some(own)
    }

    fn class(&self) -> u8 {
        class_of(self.code, self.enhanced)
    }
}

fn class_of(code: Option<ReplyCode>, enhanced: Option<EnhancedStatus>) -> u8 {
    match (code, enhanced) {
        (Some(c), _) => c.digits()[0],
        (None, Some(e)) => e.class_digit(),
        (None, None) => 0,
    }
}

/// Whose advice a classification gives ([`Classification::advice_source`]).
///
/// ```
/// assert_eq!(smtp_reply::AdviceSource::EnhancedCode.as_str(), "enhancedCode");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AdviceSource {
    /// The bounce reason's ([`Reason::advice`]).
    Reason,
    /// The enhanced code's own ([`EnhancedStatus::advice`](crate::EnhancedStatus::advice)),
    /// as its provider means the code where it means it otherwise (Gmail's X.7.27).
    EnhancedCode,
    /// The basic code's ([`ReplyCode::advice`](crate::ReplyCode::advice)).
    ReplyCode,
}

impl AdviceSource {
    /// Every source, in declaration order.
    pub const ALL: [AdviceSource; 3] = [
        AdviceSource::Reason,
        AdviceSource::EnhancedCode,
        AdviceSource::ReplyCode,
    ];

    /// The source's name, as JavaScript's `adviceFrom` gives it: `reason`, `enhancedCode` or
    /// `replyCode`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::AdviceSource::Reason.as_str(), "reason");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            AdviceSource::Reason => "reason",
            AdviceSource::EnhancedCode => "enhancedCode",
            AdviceSource::ReplyCode => "replyCode",
        }
    }
}

/// Classifies a parsed reply. `command` is the command it answered, when known; it refines
/// the reason (a "user unknown" after `DATA` is `filtered`, unless an X.1.1 status says the
/// mailbox does not exist).
///
/// Linear in the reply's length; never allocates or panics.
///
/// ```
/// use smtp_reply::{classify, parse, Command, ParserConfig, Reason};
/// let reply = parse(b"550 <bob@example.com>... User unknown\r\n", &ParserConfig::strict())
///     .unwrap().unwrap();
/// assert_eq!(classify(&reply, Some(Command::Rcpt)).reason(), Reason::UserUnknown);
/// assert_eq!(classify(&reply, Some(Command::EndOfData)).reason(), Reason::Filtered);
/// let reply = parse(b"550 5.1.1 <bob@example.com>... User unknown\r\n", &ParserConfig::strict())
///     .unwrap().unwrap();
/// assert_eq!(classify(&reply, Some(Command::EndOfData)).reason(), Reason::UserUnknown);
/// ```
pub fn classify<'a>(reply: &Reply<'a>, command: Option<Command>) -> Classification<'a> {
    classify_reading(
        reply,
        command,
        || reply.first_text(),
        || scan(reply.texts(), reply.len()),
    )
}

/// [`classify`] of a reply whose lines [`parse_lines`](crate::parse_lines) gave with it:
/// the same classification, without finding the lines again (the fastest way from bytes to
/// a classification). Lines that are not the reply's (another count) are not used.
///
/// ```
/// use smtp_reply::{classify_lines, parse_lines, Line, ParserConfig, Reason};
/// let input = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///               550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n";
/// let mut lines = [Line::EMPTY; 16];
/// let (reply, lines) = parse_lines(input, &ParserConfig::strict(), &mut lines)
///     .unwrap().unwrap();
/// assert_eq!(classify_lines(&reply, lines, None).reason(), Reason::UserUnknown);
/// ```
pub fn classify_lines<'a>(
    reply: &Reply<'a>,
    lines: &[Line<'a>],
    command: Option<Command>,
) -> Classification<'a> {
    match lines {
        [first, ..] if lines.len() == reply.line_count() => classify_reading(
            reply,
            command,
            || first.text(),
            || scan(lines.iter().map(Line::text), reply.len()),
        ),
        _ => classify(reply, command),
    }
}

/// What [`classify`] does, given how to read the reply's first line's text and how to scan
/// all its lines.
#[inline(always)]
fn classify_reading<'a>(
    reply: &Reply<'a>,
    command: Option<Command>,
    first_text: impl FnOnce() -> &'a [u8],
    scan_lines: impl FnOnce() -> Found,
) -> Classification<'a> {
    let code = reply.code();
    let class = code.digits()[0];
    // A positive reply's reason follows from its code alone; its text matters only for who
    // answered, and servers name themselves on the first line (the greeting, the EHLO
    // domain, a `- gsmtp` trailer). Scanning only that line keeps long EHLO replies cheap;
    // an enhanced code inside the text is looked for there too (see `status_scope`).
    let positive = matches!(class, 1..=3);
    let first = (reply.line_count() == 1 || positive).then(first_text);
    let found = match first {
        Some(text) => scan(core::iter::once(text), text.len()),
        None => scan_lines(),
    };
    let scope = first.filter(|_| positive).unwrap_or(reply.as_bytes());
    let enhanced = reply.enhanced().or_else(|| find_enhanced(scope, class));
    let input = Input {
        text: reply.as_bytes(),
        reply: Some(*reply),
        code: Some(code),
        enhanced,
        command,
        source: Source::Reply,
        mailer: false,
        host: false,
    };
    finish(input, found)
}

/// Matches the phrases of some pieces of text, joined at most `bound` bytes long: in one
/// lower-cased copy when the text is regular, else through the normalising window.
fn scan<'a, I: Iterator<Item = &'a [u8]> + Clone>(pieces: I, bound: usize) -> Found {
    if let Some(found) = crate::phrases::scan_flat(pieces.clone(), bound) {
        return found;
    }
    let mut scanner = Scanner::new();
    for p in pieces {
        scanner.feed(p);
    }
    scanner.finish()
}

/// Classifies a reply given as text: a bare reply, a log line, a DSN field or a transcript,
/// found with [`extract`] and parsed leniently. The command comes from the text when it
/// says (Postfix `in reply to`, Exim `after`, a transcript's `>>>`). A text with no reply
/// code and no enhanced code is classified by its words when they name a reason (a client's
/// `connect ECONNREFUSED 192.0.2.1:25`); `None` when they do not.
///
/// ```
/// use smtp_reply::{classify_text, Command, Reason};
/// let c = classify_text(b"Diagnostic-Code: smtp; 552 5.2.2 <bob@example.com>: user is\n    over quota").unwrap();
/// assert_eq!(c.reason(), Reason::MailboxFull);
/// let c = classify_text(b"SMTP error from remote mail server after end of data: 550 User unknown").unwrap();
/// assert_eq!((c.command(), c.reason()), (Some(Command::EndOfData), Reason::Filtered));
/// let c = classify_text(b"Error: getaddrinfo ENOTFOUND smtp.example.invalid").unwrap();
/// assert_eq!((c.code(), c.reason()), (None, Reason::HostUnknown));
/// assert!(classify_text(b"hello").is_none());
/// ```
pub fn classify_text(text: &[u8]) -> Option<Classification<'_>> {
    classify_text_with(text, None)
}

/// [`classify_text`] with the command that was answered, when known (JavaScript's
/// `classify(text, { command })`): it overrides one the text names. A text that holds no
/// reply is classified by its words when they name a reason, as [`classify_text`] does: a
/// client's own error (`connect ECONNREFUSED 192.0.2.1:25`, `x509: certificate signed by
/// unknown authority`) or a sending service's (`Not delivering to previously bounced
/// address`); not a mail log's line.
///
/// ```
/// use smtp_reply::{classify_text_with, Command, Reason};
/// let text = b"550 User unknown";
/// assert_eq!(classify_text_with(text, Some(Command::Rcpt)).unwrap().reason(), Reason::UserUnknown);
/// // After the data, a recipient's filter refused the message.
/// let after_data = classify_text_with(text, Some(Command::EndOfData)).unwrap();
/// assert_eq!(after_data.reason(), Reason::Filtered);
/// assert_eq!(after_data.command(), Some(Command::EndOfData));
/// ```
pub fn classify_text_with(text: &[u8], command: Option<Command>) -> Option<Classification<'_>> {
    match extract(text) {
        Some(extracted) => Some(classify_extracted(&extracted, command)),
        None => {
            let c = classify_extracted(&crate::extract::words(text)?, command);
            (c.signals & !NO_FAILURE != 0).then_some(c)
        }
    }
}

/// As [`classify_text`], for a `&str`.
///
/// ```
/// let c = smtp_reply::classify_str("554 5.7.1 <a@example.com>: Relay access denied").unwrap();
/// assert_eq!(c.reason(), smtp_reply::Reason::NoRelaying);
/// ```
pub fn classify_str(text: &str) -> Option<Classification<'_>> {
    classify_text(text.as_bytes())
}

/// Classifies an [`Extracted`] reply; `command`, when given, overrides the one found in the
/// text.
///
/// ```
/// use smtp_reply::{classify_extracted, extract, Command, Reason};
/// let e = extract(b"550 5.7.1 550 User Unknown").unwrap();
/// assert_eq!(classify_extracted(&e, Some(Command::Rcpt)).reason(), Reason::UserUnknown);
/// ```
pub fn classify_extracted<'a>(
    extracted: &Extracted<'a>,
    command: Option<Command>,
) -> Classification<'a> {
    classify_extracted_as(extracted, command, FIRST_TEXT, KEEP_TEXTS)
}

/// [`classify_extracted`], reading a reply's only text to scan with [`Reply::first_text`]
/// when `first_text` (see [`FIRST_TEXT`]), and its lines' texts as the parse kept them when
/// `keep_texts` (see [`KEEP_TEXTS`]); the tests read every way.
#[inline(always)]
fn classify_extracted_as<'a>(
    extracted: &Extracted<'a>,
    command: Option<Command>,
    first_text: bool,
    keep_texts: bool,
) -> Classification<'a> {
    // A transcript's span starts with its `<<< ` marker; the reply starts after it.
    let base = match extracted.source() {
        Source::Sendmail => strip_transcript_marker(extracted.text()),
        _ => extracted.text(),
    };
    let mailer = extracted
        .diagnostic_type()
        .is_some_and(|t| t.eq_ignore_ascii_case(b"x-unix"));
    let mut text = base;
    // A local delivery program's field starts with its exit status (`X-Unix; 127`), which is
    // no reply code. qmail-send's log writes each space as `_` (`553_5.7.1_Denied`): its
    // code is read at its head, its words between the underscores, and no reply parsed.
    let apart = mailer || extracted.underscored();
    let mut head = if mailer { (None, None) } else { head_of(text) };
    // A greeting or other positive line pasted in front of the failure ("220-host 421 4.2.1
    // Service refused"): classify the failure.
    if matches!(class_of(head.0, head.1), 1..=3) {
        if let Some(at) = later_failure(text) {
            text = &text[at..];
            head = head_of(text);
        }
    }
    // What the scan skips of the first segment: the positive replies before a failure.
    let skip = base.len() - text.len();
    // A log line or a DSN field often carries a multi-line reply joined into one text.
    // Natively the parse keeps the texts of the reply's first lines, which the scan reads
    // ([`KEEP_TEXTS`]); a flattened reply's are not these.
    let mut kept: [&[u8]; KEPT_LINES] = [&[]; KEPT_LINES];
    let reply = if apart {
        None
    } else {
        let lenient = ParserConfig::lenient();
        let parsed = match keep_texts {
            true => crate::reply::parse_texts(text, &lenient, &mut kept),
            false => parse(text, &lenient),
        };
        parsed
            .ok()
            .and_then(|s| s.complete())
            .or_else(|| crate::parse_flattened(text))
    };
    // Replies pasted one after the other (`550 5.1.1 User unknown`, then `452 4.2.2 Mailbox
    // full`): the first is classified, by its own words. A next line with the same code may
    // be the same reply written without its dashes, and is read with it.
    if let Some(r) = reply {
        let end = r.len();
        if end < text.len()
            && !r.is_flattened()
            && head_of(&text[end..]).0.is_some_and(|c| c != r.code())
        {
            text = &text[..end];
        }
    }
    // A code kept apart from the words (Python's `(550, b'...')`) is the reply's; so is the
    // code of a reply that the lenient parse read without a space after it (`250OK`).
    let code = head
        .0
        .or(extracted.code())
        .or_else(|| reply.map(|r| r.code()));
    let mut enhanced = head.1;
    // A status given apart is the reply's when the text does not start with a code: there is
    // none, or it is given apart too (PHPMailer's `SMTP code: 554 Additional SMTP info: 5.7.1`).
    if head.0.is_none() {
        enhanced = enhanced.or(extracted.status());
    }
    if enhanced.is_none() {
        if let Some(c) = code {
            enhanced = find_enhanced(status_scope(text, c), c.digits()[0]);
        }
    }
    // The reply's lines are the segments to scan, without their heads, when the reply is
    // the whole text (a reply cut to its own lines is) or it is flattened.
    let whole = reply.is_some_and(|r| r.len() == text.len());
    let lines = reply.filter(|r| whole || r.is_flattened());
    let first_only = matches!(class_of(code, enhanced), 1..=3);
    // The only text to scan when it is the reply's first line (a positive reply's, or that
    // of a reply of one line), read without walking the lines ([`FIRST_TEXT`]).
    let kept = lines
        .filter(|r| keep_texts && !r.is_flattened() && r.line_count() <= KEPT_LINES)
        .map(|r| &kept[..r.line_count()]);
    let one = lines
        .filter(|r| first_text && (first_only || r.line_count() == 1))
        .map(|r| kept.map_or_else(|| r.first_text(), |k| k[0]));
    let mut found = match one {
        Some(text) => scan(core::iter::once(text), text.len()),
        None => {
            let inner = extracted.segments();
            if let Some(kept) = kept {
                let lines = Some(kept.iter().copied());
                scan(Segments::new(inner, lines, skip, first_only), text.len())
            } else if SHARE_HEADS {
                let lines = lines.map(|r| r.texts());
                scan(Segments::new(inner, lines, skip, first_only), text.len())
            } else {
                let lines = lines.map(|r| r.lines().map(|l| l.text()));
                scan(Segments::new(inner, lines, skip, first_only), text.len())
            }
        }
    };
    // A reply that names no organization is known by the host that sent it, when the log
    // names it (Postfix's `host mx01.mail.icloud.com[...] said:`, a DSN's `Remote-MTA:`):
    // its provider, not its words, nor the MTA software its words betray (a gateway's
    // `Recipient address rejected`, as Postfix words it).
    if found.providers & ORGANIZATIONS == 0 {
        let by_host = extracted.host().and_then(crate::provider::detect);
        // Else, with no reply at all, the MTA that wrote the words (Postfix's `status=deferred
        // (connect to ...: Connection timed out)`).
        if let Some(p) = by_host.or(extracted.reporter().filter(|_| found.providers == 0)) {
            found.providers = 1 << p as u32;
        }
    }
    let input = Input {
        text,
        reply,
        code,
        enhanced,
        command: command.or(extracted.command()),
        source: extracted.source(),
        mailer,
        host: extracted.host().is_some(),
    };
    finish(input, found)
}

/// The providers that are organizations, not MTA software (those come last).
const ORGANIZATIONS: u32 = (1 << Provider::Exchange as u32) - 1;

/// Whether `classify_extracted` reads a reply's only text to scan (its first line's, or
/// its only line's) with [`Reply::first_text`] rather than through [`Segments`]: natively,
/// where `classify_text` takes about 80 fewer instructions a reply; not in wasm, where the
/// phrase scan's second instance (for `Once`) added 1.1 KB gzip.
const FIRST_TEXT: bool = cfg!(not(target_arch = "wasm32"));

/// Whether `classify_extracted`'s lenient parse keeps the texts of a reply's first
/// [`KEPT_LINES`] lines, so that the scan reads them rather than finding them again (with
/// [`Reply::first_text`] or [`Reply::texts`]): natively; in wasm a third copy of the parser
/// would not fit the budget.
const KEEP_TEXTS: bool = cfg!(not(target_arch = "wasm32"));
/// How many lines' texts that parse keeps: a failure's lines are rarely more (Gmail's are
/// four); a reply with more is scanned as before.
const KEPT_LINES: usize = 8;

/// Whether `classify_extracted` reads a reply's lines with [`Reply::texts`], which takes a
/// line's text after the head it shares with the line before, rather than with
/// [`Reply::lines`]: natively, where `classify_text` takes about 70 fewer instructions a
/// reply (a multi-line failure about 470 fewer); not in wasm, where it added 418 B gzip.
const SHARE_HEADS: bool = cfg!(not(target_arch = "wasm32"));

/// The texts to scan: the segments of an extraction without their reply-line heads,
/// skipping a prefix of the first one (a pasted greeting), or the texts `L` of the reply's
/// lines when it is the whole text or flattened (whose markers are not text); for a
/// positive reply only the first, as [`classify`] scans only a positive reply's first line.
#[derive(Clone)]
struct Segments<'a, L> {
    inner: crate::extract::Segments<'a>,
    lines: Option<L>,
    skip: usize,
    first: bool,
    first_only: bool,
}

impl<'a, L> Segments<'a, L> {
    fn new(
        inner: crate::extract::Segments<'a>,
        lines: Option<L>,
        skip: usize,
        first_only: bool,
    ) -> Self {
        Segments {
            inner,
            lines,
            skip,
            first: true,
            first_only,
        }
    }
}

/// The text after a leading `<<<` and the blanks that follow it.
fn strip_transcript_marker(text: &[u8]) -> &[u8] {
    match text.strip_prefix(b"<<<") {
        Some(rest) => &rest[blanks(rest)..],
        None => text,
    }
}

impl<'a, L: Iterator<Item = &'a [u8]>> Iterator for Segments<'a, L> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        if !self.first && self.first_only {
            return None;
        }
        let first = core::mem::replace(&mut self.first, false);
        if let Some(lines) = &mut self.lines {
            return lines.next();
        }
        let s = self.inner.next()?;
        // The span may have been cut at a later failure inside the first segment.
        let skip = if first { self.skip.min(s.len()) } else { 0 };
        Some(strip_head(&s[skip..]))
    }
}

struct Input<'a> {
    text: &'a [u8],
    reply: Option<Reply<'a>>,
    code: Option<ReplyCode>,
    enhanced: Option<EnhancedStatus>,
    command: Option<Command>,
    source: Source,
    mailer: bool,
    /// Whether the text names the server that answered (a log's `host NAME said:`, an NDR's
    /// `Generating server:`), which then says who it is.
    host: bool,
}

fn finish(input: Input<'_>, found: Found) -> Classification<'_> {
    let provider =
        Provider::first_of(found.providers).or_else(|| crate::provider::hallmark(input.text));
    // Exchange's words (`RESOLVER.ADR.RecipientNotFound`) with a code that only Exchange
    // Online sends (5.1.10 for an unknown recipient, where Exchange Server says 5.1.1; its
    // delivery restrictions 5.7.1xx, its 5.2.252 SendAs refusal) are Microsoft 365's, unless
    // the text names the server (an organization's own): blind sets' writers named Microsoft
    // for 28 texts with these codes, and Exchange for none.
    let provider = match (provider, input.enhanced.map(|e| (e.subject(), e.detail()))) {
        (Some(Provider::Exchange), Some((1, 10) | (7, 100..=199) | (2, 252))) if !input.host => {
            Some(Provider::Microsoft)
        }
        (p, _) => p,
    };
    let class = class_of(input.code, input.enhanced);
    let facts = Facts {
        text: input.text,
        class,
        code: input.code.map_or(0, |c| c.as_u16()),
        enhanced: input.enhanced,
        found,
        provider,
        command: input.command,
        mailer: input.mailer,
    };
    let reason = facts.reason();
    let action = facts.action(reason);
    Classification {
        text: input.text,
        reply: input.reply,
        code: input.code,
        enhanced: input.enhanced,
        reason,
        // Who answered, also when only its code says so; the reason is the words' (and
        // those of a provider they name), as with any unknown server.
        provider: provider.or_else(|| input.enhanced.and_then(crate::provider::by_code)),
        command: input.command,
        action,
        source: input.source,
        signals: found.signals,
    }
}

fn schedule_for(reason: Reason, signals: u64) -> RetrySchedule {
    if signals & (1 << GREYLIST) != 0 {
        RetrySchedule::GREYLISTED
    } else if signals & (1 << DAILY) != 0 && signals & (1 << HOURLY) == 0
        || signals & (1 << TOMORROW) != 0
    {
        // Once a day, unless an hourly limit named beside it may lift first; and when the
        // server asks for tomorrow.
        RetrySchedule::DAILY
    } else if matches!(reason, Reason::RateLimited | Reason::BadReputation) {
        RetrySchedule::RATE_LIMITED
    } else {
        RetrySchedule::QUEUED
    }
}

/// Everything the decision reads.
struct Facts<'a> {
    text: &'a [u8],
    class: u8,
    code: u16,
    enhanced: Option<EnhancedStatus>,
    found: Found,
    provider: Option<Provider>,
    command: Option<Command>,
    mailer: bool,
}

impl Facts<'_> {
    fn has(&self, s: u8) -> bool {
        self.found.has(s)
    }

    /// Words of an unknown recipient, RFC 5321's "mailbox unavailable" among them.
    fn has_user_unknown(&self) -> bool {
        self.has(USER_UNKNOWN) || self.has(MAILBOX_UNAVAILABLE)
    }

    /// Words of a rate limit, per hour or otherwise.
    fn has_rate(&self) -> bool {
        self.has(RATE) || self.has(HOURLY)
    }

    /// The enhanced code as (subject, detail), or (999, 999) when there is none.
    fn sd(&self) -> (u16, u16) {
        self.enhanced
            .map_or((999, 999), |e| (e.subject(), e.detail()))
    }

    fn reason(&self) -> Reason {
        match self.class {
            // A positive reply, intermediate too (`354 Go ahead`): what was sent so far was
            // taken. Blind sets' writers called all 4 such replies `delivered`.
            1..=3 => return Reason::Delivered,
            // No code at all: a DSN's own diagnostic (`X-Postfix; connect to mx...:25:
            // Connection timed out`) says in words what it can.
            // A complaint report is no server's reply: read only where there is no code.
            // (Not a sending service's list of addresses that once complained or bounced.)
            0 if self.has(FEEDBACK) && !self.has(SUPPRESSED) => return Reason::Feedback,
            // A success notice: delivered, when nothing in it names a failure.
            0 if !self.mailer => {
                return self.by_phrases().unwrap_or(match self.has(DELIVERED) {
                    true => Reason::Delivered,
                    false => Reason::Undefined,
                })
            }
            _ => {}
        }
        if let Some(r) = self.by_code() {
            return r;
        }
        if self.command == Some(Command::StartTls) {
            // A refused STARTTLS, whatever the words (sisimai's rule).
            return Reason::FailedStartTls;
        }
        if self.mailer {
            // A delivery program's words may still name the mailbox's state (`maildrop:
            // maildir over quota.`).
            return if self.has(MAILBOX_FULL) {
                Reason::MailboxFull
            } else {
                Reason::MailerError
            };
        }
        if let Some(r) = self.by_provider() {
            return r;
        }
        if let Some(r) = self.by_decisive_status() {
            return r;
        }
        if let Some(r) = self.by_phrases() {
            return r;
        }
        if let Some(r) = self.by_status() {
            return r;
        }
        if let Some(r) = self.by_weak_phrases() {
            return r;
        }
        self.fallback()
    }

    /// Reply codes whose meaning is fixed.
    fn by_code(&self) -> Option<Reason> {
        Some(match self.code {
            // A host that accepts no mail, unless the text names a block list: then it
            // refuses this client, not all mail.
            521 | 556 if !self.has(BLOCKLIST) => Reason::NotAccept,
            525 => Reason::Suspend,
            // RFC 4954's refusals of AUTH, whatever the words ("user is locked"), unless
            // they say that the sending account itself is refused ("Your account is
            // disabled").
            534 | 535 if !self.has(SENDER_ACCOUNT) => Reason::SecurityError,
            523 | 524 | 538 if !self.has(SYNTAX) => Reason::FailedStartTls,
            _ => return None,
        })
    }

    /// Providers that give enhanced codes their own meaning.
    fn by_provider(&self) -> Option<Reason> {
        let (s, d) = self.sd();
        match self.provider? {
            Provider::Google => Some(match (s, d) {
                (7, 27) | (7, 30) => Reason::AuthFailure,
                (7, 29) => Reason::FailedStartTls,
                (7, 32) | (7, 40) if !matches!(self.code, 504 | 534 | 535) => Reason::AuthFailure,
                (7, 23) | (7, 25) => Reason::RequirePtr,
                (7, 28) if self.has(POLICY_STRONG) => Reason::PolicyViolation,
                (7, 28) if self.class == 4 && (self.has_rate() || !self.has(BLOCKED_WEAK)) => {
                    Reason::RateLimited
                }
                (7, 28) => Reason::Blocked,
                (4, 5) => Reason::RateLimited,
                _ => return None,
            }),
            // As sisimai reads Microsoft's codes (its table of them), so that the reasons
            // agree with it where Microsoft's meaning is not the registry's.
            Provider::Microsoft | Provider::Exchange => Some(match (self.class, s, d) {
                (_, 2, 121) | (_, 2, 122) | (_, 7, 508) => Reason::RateLimited,
                (4, 7, 650) | (4, 7, 651) => Reason::BadReputation,
                // "Server busy. Please try again later from [192.0.2.2]".
                (4, 7, 500) if self.has(SYSTEM) => Reason::SystemError,
                // "Access denied, please try again later": traffic held while it is judged.
                (4, 7, 500..=699) if self.has(ACCESS_DENIED) => Reason::Blocked,
                (4, 7, 500..=699) => Reason::RateLimited,
                (4, 7, 850..=899) => Reason::Blocked,
                (5, 7, 606..=649 | 506 | 507 | 510 | 511 | 513) => Reason::Blocked,
                (5, 7, 501..=503) | (5, 7, 750) | (5, 7, 800) => Reason::Rejected,
                // A group, mailbox or folder that takes mail only from its own organization
                // or from listed senders (X.7.12 is the registry's password transition).
                (5, 7, 12 | 124 | 133..=136) => Reason::Rejected,
                // "Access denied, banned recipient": an address Microsoft has shut.
                (5, 7, 504 | 505) => Reason::Suspend,
                (5, 1, 10) => Reason::UserUnknown,
                // Microsoft reuses 5.4.1 for refusals at RCPT: relaying, directory-based
                // edge blocking ("Recipient address rejected: Access denied"), or others.
                (5, 4, 1) if self.has(NORELAY) => Reason::NoRelaying,
                (5, 4, 1) if self.has(DIRECTORY_REJECT) => Reason::UserUnknown,
                (5, 4, 1) => Reason::Rejected,
                (5, 7, 509) | (5, 7, 515) => Reason::AuthFailure,
                // TLS that the receiver's MTA-STS, DANE or certificate checks refused.
                (_, 7, 5) | (_, 7, 51) | (_, 7, 322..=325) | (_, 4, 8) => Reason::FailedStartTls,
                // "Access denied, tenant has exceeded threshold".
                (5, 7, 700..=749) => Reason::RateLimited,
                (5, 7, 512) => Reason::NotCompliantRfc,
                (5, 4, 300) => Reason::Expired,
                // Outlook.com's RP-001 to RP-003: limits set by the sender's reputation.
                (4, ..) if self.has(REPUTATION) => Reason::BadReputation,
                _ => return None,
            }),
            Provider::Yahoo if self.has(STOP) => Some(Reason::Blocked),
            Provider::Orange => orange_code(self.text),
            Provider::Spectrum => spectrum_code(self.text),
            _ => None,
        }
    }

    /// The reason the enhanced code gives without the words: the provider's meaning of it,
    /// else the registry's.
    fn by_code_alone(&self) -> Option<Reason> {
        self.by_provider()
            .or_else(|| self.by_decisive_status())
            .or_else(|| self.by_status())
    }

    /// Enhanced codes that decide by themselves (with the text as a tie-breaker where
    /// providers reuse them).
    fn by_decisive_status(&self) -> Option<Reason> {
        let (s, d) = self.sd();
        Some(match (s, d) {
            (7, 20..=22) | (7, 24) | (7, 26) => Reason::AuthFailure,
            (7, 23) if self.has(PTR) => Reason::RequirePtr,
            (7, 23) => Reason::AuthFailure,
            (7, 25) => Reason::RequirePtr,
            (7, 27) if self.has(AUTH) => Reason::AuthFailure,
            (7, 27) => Reason::NotAccept,
            (7, 29) if self.has(STARTTLS) => Reason::FailedStartTls,
            (7, 29) => Reason::AuthFailure,
            (7, 30) if self.has(AUTH) => Reason::AuthFailure,
            (7, 30) => Reason::FailedStartTls,
            (1, 7) | (1, 8) => Reason::Rejected,
            (7, 13) => Reason::Suspend,
            (7, 17) | (7, 18) | (1, 6) => Reason::HasMoved,
            (3, 4) | (7, 16) => Reason::EmailTooLarge,
            // The registry's null MX; Microsoft's "Recipient not found" where the reply
            // does not show who sent it.
            (1, 10) if self.has_user_unknown() && !self.has(NOT_ACCEPT) => Reason::UserUnknown,
            (1, 10) => Reason::NotAccept,
            // Microsoft's own X.4.3xx: the DNS or the connection failed until the message
            // expired ("5.4.316 Message expired, connection refused"); only they send these.
            (4, 312) | (4, 316) | (4, 318) => Reason::NetworkError,
            _ => return None,
        })
    }

    /// Phrases, most specific first.
    fn by_phrases(&self) -> Option<Reason> {
        const ORDER: &[(u8, Reason)] = &[
            // A sending service's own list: why it was not sent, whatever else the words say
            // ("suppressed ... a history of bouncing as an invalid address").
            (SUPPRESSED, Reason::Suppressed),
            (POLICY_STRONG, Reason::PolicyViolation),
            (SENDER_LIMIT, Reason::RateLimited),
            (DAILY, Reason::RateLimited),
            (MAILBOX_FULL, Reason::MailboxFull),
            (TOO_LARGE, Reason::EmailTooLarge),
            (SENDER_ACCOUNT, Reason::Rejected),
            (SUSPEND, Reason::Suspend),
            (HAS_MOVED, Reason::HasMoved),
            (FILTERED, Reason::Filtered),
            (VIRUS, Reason::VirusDetected),
            (NOT_COMPLIANT, Reason::NotCompliantRfc),
            (AUTH, Reason::AuthFailure),
            (REPUTATION, Reason::BadReputation),
            (NORELAY, Reason::NoRelaying),
            (SECURITY, Reason::SecurityError),
            (PTR, Reason::RequirePtr),
            (DIRECTORY_REJECT, Reason::UserUnknown),
            (SENDER_REJECTED, Reason::Rejected),
        ];
        // A refusal to relay that asks the client to authenticate is a refusal to relay
        // (sisimai's lists), except Symantec MessageLabs', which sisimai's rule for it calls a
        // security error.
        if self.provider == Some(Provider::Symantec) && self.has(SECURITY) {
            return Some(Reason::SecurityError);
        }
        for (s, r) in ORDER {
            if self.has(*s) {
                // A scanner that failed for the moment (`451 4.5.0 ... ALL VIRUS SCANNERS
                // FAILED`, Exim's `temporarily rejected after DATA: malware acl condition`):
                // a verdict on a virus is permanent.
                if *s == VIRUS && self.class == 4 {
                    return Some(Reason::SystemError);
                }
                return Some(*r);
            }
        }
        if self.code == 551 && !self.has(HOST_UNKNOWN) && !self.has(BLOCKLIST) {
            // RFC 5321: "User not local; please try <forward-path>", unless the words give the
            // mailbox's own verdict (`551 the destination mailbox <bob@...> is full`).
            return Some(self.mailbox_verdict().unwrap_or(Reason::HasMoved));
        }
        if self.has_user_unknown() {
            // RFC 5321's "mailbox unavailable" alone is no verdict on the mailbox when the
            // words name a block list or a rate limit (unavailable to this client, for now).
            if !self.has(USER_UNKNOWN) && self.has(BLOCKLIST) {
                return Some(Reason::Blocked);
            }
            if !self.has(USER_UNKNOWN) && self.has_rate() {
                return Some(Reason::RateLimited);
            }
            return Some(self.user_unknown());
        }
        if self.has(HOST_UNKNOWN) {
            // A transient reply that asks to try again (Postfix's "Host not found, try
            // again") is a DNS failure of the moment, not a domain that does not exist.
            if self.class == 4 && (self.has(TRY_LATER) || self.has(NETWORK)) {
                return Some(Reason::NetworkError);
            }
            return Some(Reason::HostUnknown);
        }
        if self.has(UNUSUAL_RATE) && self.class == 5 && !self.has_rate() {
            return Some(Reason::Blocked);
        }
        if self.has_rate() || self.has(UNUSUAL_RATE) {
            return Some(Reason::RateLimited);
        }
        if self.has(GREYLIST) {
            return Some(Reason::Blocked);
        }
        if self.has(SPAM) {
            return Some(self.content_reason(Reason::SpamDetected));
        }
        const LATER: &[(u8, Reason)] = &[
            // A block list is the policy that refused, when the text names both ("rejected
            // for policy reasons. Host found in DNS blacklist").
            (BLOCKLIST, Reason::Blocked),
            (POLICY, Reason::PolicyViolation),
            (HELO, Reason::Blocked),
            (CLOSING, Reason::Blocked),
            // A stated protocol or syntax error is the reason even where TLS is its context
            // ("protocol violation, no commands allowed to pipeline after STARTTLS").
            (SYNTAX, Reason::SyntaxError),
            (STARTTLS, Reason::FailedStartTls),
            (NOT_ACCEPT, Reason::NotAccept),
            (SYSTEM_FULL, Reason::SystemFull),
            // A local delivery program's failure, whatever its own output says of timeouts
            // or refused connections ("Command died with status 1 ... connection refused"),
            // and though it often reads "service unavailable".
            (MAILER, Reason::MailerError),
            (EXPIRED, Reason::Expired),
            (DELAYED, Reason::Expired),
            // A header a message may not have so many of, even where a mail loop is its
            // likely cause ("Too many Received headers - suspected mail loop").
            (CONTENT, Reason::ContentError),
            (NETWORK, Reason::NetworkError),
            (SYSTEM, Reason::SystemError),
            (VACATION, Reason::Vacation),
        ];
        for (s, r) in LATER {
            if self.has(*s) {
                // "554 Service unavailable" in answer to the connection or its greeting
                // refuses this client, as nothing else was known yet.
                if *r == Reason::SystemError && self.class == 5 && self.at_connection() {
                    return Some(Reason::Blocked);
                }
                return Some(*r);
            }
        }
        None
    }

    fn at_connection(&self) -> bool {
        self.command.is_some_and(Command::is_connection_stage)
    }

    /// "User unknown" depends on when it was said.
    fn user_unknown(&self) -> Reason {
        match self.command {
            // After the data, a filter's verdict, unless its X.1.1 status says the mailbox
            // does not exist (sisimai's reading: a recipient refused late is still unknown).
            Some(c) if c.is_content() && self.sd() != (1, 1) => Reason::Filtered,
            Some(Command::Mail) => Reason::Rejected,
            Some(_) => Reason::UserUnknown,
            // Without the command, "user unknown" with a policy status (X.7.x) or with the
            // undefined X.0.0 is a filter speaking rather than a directory lookup (sisimai
            // labels it so); so is one that names no recipient (`550 : User unknown`), as
            // servers word a refusal after the message data, when no single recipient is
            // in question. With an address or mailbox status, or none, it is the lookup.
            None if matches!(self.sd(), (7, _) | (0, 0)) || names_no_recipient(self.text) => {
                Reason::Filtered
            }
            None => Reason::UserUnknown,
        }
    }

    /// Content verdicts cannot come before the content was sent: then the client is refused.
    fn content_reason(&self, r: Reason) -> Reason {
        match self.command {
            Some(c) if c.is_before_content() => Reason::Blocked,
            _ => r,
        }
    }

    /// The usual reason of a specific enhanced code.
    fn by_status(&self) -> Option<Reason> {
        let (s, d) = self.sd();
        let temp = self.class == 4;
        Some(match (s, d) {
            (1, 1) | (1, 3) => {
                if self.command == Some(Command::Mail) {
                    Reason::Rejected
                } else if d == 3 && self.command.is_some_and(Command::is_content) {
                    Reason::Filtered
                } else {
                    Reason::UserUnknown
                }
            }
            (1, 2) => Reason::HostUnknown,
            (1, 4) => Reason::Filtered,
            (1, 7) | (1, 8) => Reason::Rejected,
            (2, 0) if !temp => Reason::Filtered,
            (2, 1) if temp => Reason::RateLimited,
            (2, 1) => Reason::Filtered,
            (2, 2) => Reason::MailboxFull,
            (2, 3) => Reason::EmailTooLarge,
            (2, 4) => Reason::Filtered,
            (3, 0) if !temp => Reason::SystemError,
            (3, 1) => Reason::SystemFull,
            (3, 2) if !temp => Reason::NotAccept,
            (3, 2) | (3, 3) | (3, 5) => Reason::SystemError,
            (4, 1) | (4, 2) | (4, 6) => Reason::NetworkError,
            (4, 3) => Reason::SystemError,
            (4, 4) => Reason::HostUnknown,
            (4, 5) => Reason::SystemFull,
            (4, 7) => Reason::Expired,
            (5, 3) => Reason::RateLimited,
            (5, 1) | (5, 2) | (5, 4) | (5, 5) | (5, 6) => Reason::SyntaxError,
            (6, 1..=999) => Reason::ContentError,
            (7, 1) | (7, 2) if temp => Reason::Blocked,
            (7, 2) => Reason::Blocked,
            (7, 3..=12) | (7, 14) | (7, 15) | (7, 19) => Reason::SecurityError,
            (7, 28) => self.content_reason(Reason::SpamDetected),
            _ => return None,
        })
    }

    /// Words that also appear in boilerplate, read only when nothing better was found.
    fn by_weak_phrases(&self) -> Option<Reason> {
        if self.has(STOP) || self.has(BLOCKED_WEAK) {
            return Some(Reason::Blocked);
        }
        if self.has(SPAM_WEAK) {
            return Some(self.content_reason(Reason::SpamDetected));
        }
        if let Some(r) = self.mailbox_verdict() {
            return Some(r);
        }
        // A refused recipient is an unknown one unless the enhanced code names another
        // subject (content, mail system, security), which the fallback then reads; so is a
        // mailbox with a verdict after the address (`550 User (bob@example.com) unknown`).
        let gone = self.has(MAILBOX_WORD) && self.has(GONE_WORD) && !self.has(DOMAIN_WORD);
        if (self.has(RCPT_REJECTED) || gone) && matches!(self.sd().0, 0 | 1 | 999) {
            return Some(self.user_unknown());
        }
        // What does not exist is the recipient, unless the text names a domain or a host,
        // or the code is 553, which sisimai reads so as a host (`553 example.com does not
        // exist`).
        if self.has(NOT_EXIST) && !self.has(DOMAIN_WORD) && matches!(self.sd().0, 0 | 1 | 999) {
            return Some(if self.code == 553 {
                Reason::HostUnknown
            } else {
                self.user_unknown()
            });
        }
        if self.has(ACCESS_DENIED) {
            return Some(Reason::Rejected);
        }
        None
    }

    /// A mailbox with a verdict after its address (`550 mailbox <bob@example.com> is full`,
    /// `550 account bob@example.com is disabled`), unless the enhanced code names a subject
    /// other than the address or the mailbox.
    fn mailbox_verdict(&self) -> Option<Reason> {
        if !self.has(MAILBOX_WORD) || !matches!(self.sd().0, 0 | 1 | 2 | 999) {
            return None;
        }
        if self.has(FULL_WORD) {
            Some(Reason::MailboxFull)
        } else if self.has(DISABLED_WORD) {
            Some(Reason::Suspend)
        } else {
            None
        }
    }

    /// The reply code, the command and the enhanced code's subject.
    fn fallback(&self) -> Reason {
        match self.code {
            421 => return Reason::Blocked,
            // An X.7.x status says what the 50x did not: a security or policy refusal
            // (Gmail's `504 5.7.40 XOAUTH is no longer supported`).
            500..=504 if self.sd().0 == 7 => return Reason::SecurityError,
            500..=504 => return Reason::SyntaxError,
            530 | 534 | 535 => return Reason::SecurityError,
            _ => {}
        }
        match self.command {
            _ if self.at_connection() => return Reason::Blocked,
            Some(Command::Mail) => return Reason::Rejected,
            Some(Command::StartTls) => return Reason::FailedStartTls,
            Some(Command::Auth) => return Reason::SecurityError,
            _ => {}
        }
        // As sisimai: only the content and security subjects imply a reason by themselves.
        match self.sd() {
            (1, 0) if self.class == 5 => Reason::UserUnknown,
            (6, _) => Reason::ContentError,
            (7, _) => Reason::SecurityError,
            _ => Reason::OnHold,
        }
    }

    fn action(&self, reason: Reason) -> Action {
        let fix_first = matches!(
            reason,
            Reason::AuthFailure
                | Reason::RequirePtr
                | Reason::FailedStartTls
                | Reason::SecurityError
                | Reason::NoRelaying
                | Reason::SyntaxError
                | Reason::EmailTooLarge
                | Reason::NotCompliantRfc
        );
        // Refusals of this message or this sender that a change on the sending side may pass.
        let refused = matches!(
            reason,
            Reason::ContentError
                | Reason::PolicyViolation
                | Reason::SpamDetected
                | Reason::VirusDetected
                | Reason::Blocked
                | Reason::BadReputation
                | Reason::Rejected
        );
        match self.class {
            2 => Action::Done,
            1 | 3 => Action::Continue,
            // The sending side gave up ("retry timeout exceeded", "Message expired"): it will
            // not try again, whatever the last failure was; nor will a server's final word.
            // A delay notice that says it tries on ("could not be delivered for more than 4
            // hour(s). It will be retried until ...") has not given up.
            _ if self.has(EXPIRED)
                && (self.code == 0 && !self.has(TRY_LATER) || self.class == 5) =>
            {
                Action::DoNotRetry
            }
            // Without a code, only the words tell: a bad address or a suppressed one is given
            // up, unless they say to try again (Postfix's `Host not found, try again`); what
            // the sender must fix (a refused certificate) is fixed first.
            // A complaint: the message arrived, and the address must not be mailed again.
            0 if reason == Reason::Feedback => Action::DoNotRetry,
            0 if self.has(TRY_LATER) => Action::RetryLater,
            // An automatic reply or a success notice: the message arrived.
            0 if matches!(reason, Reason::Vacation | Reason::Delivered) => Action::Done,
            // A refusal in words, with no code to say it is temporary: as its 5xx form (a
            // list's "not allowed to post", a sending service's "blocked" event). Blind sets'
            // writers said not to retry 14 of 17 such texts.
            0 if fix_first || refused => Action::FixAndRetry,
            0 if !reason.is_hard() && reason != Reason::Suppressed => Action::RetryLater,
            4 if self.has(STOP) => Action::DoNotRetry,
            // What the sender must fix, refused for now: a queue tries it again, as RFC 5321
            // asks of every 4yz, and it may pass then ("cannot find your hostname" while DNS
            // failed, a certificate renewed, SPF's `temperror`); unless its enhanced code calls
            // it permanent ("451 5.7.3 STARTTLS is required", "454 5.5.1 STARTTLS may not be
            // repeated"). Blind sets' writers said to retry 26 of 28 such replies.
            4 if fix_first && self.enhanced.is_some_and(|e| e.class_digit() == 5) => {
                Action::FixAndRetry
            }
            4 => Action::RetryLater,
            5 if self.has(STOP) || reason.is_hard() => Action::DoNotRetry,
            // Microsoft 365's tenant over its threshold (X.7.700-749, sisimai's rate limit):
            // a ban that lasts until the tenant is cleaned up, not a limit that resets.
            5 if matches!(self.sd(), (7, 700..=749)) => Action::FixAndRetry,
            // Temporary in practice despite the 5xx: limits that reset, a full mail system
            // (RFC 3463: "useful only as a persistent transient error"). A full mailbox with a
            // 5xx is not: the server bounced it for good (a soft bounce: the address stays
            // good for later mail); blind sets' writers said so of 20 of 21.
            5 if matches!(reason, Reason::RateLimited | Reason::SystemFull)
                || self.has(TRY_LATER) && reason != Reason::Expired =>
            {
                Action::RetryLater
            }
            5 if fix_first || refused => Action::FixAndRetry,
            _ => Action::DoNotRetry,
        }
    }
}

/// Whether reply `t` says "user unknown" with an empty address before it: right after its
/// code and a colon (`550 : User unknown`, `550: : User unknown`). A refusal at RCPT names
/// the recipient it refuses; this form comes after the message data. Out of line: the
/// decision reads it rarely, and every copy would grow the wasm.
#[inline(never)]
fn names_no_recipient(t: &[u8]) -> bool {
    let (mut at, mut colon) = (3, false);
    while let Some(&b) = t.get(at) {
        match b {
            b':' => colon = true,
            _ if is_blank(b) => {}
            _ => break,
        }
        at += 1;
    }
    colon
        && b"user unknown"
            .iter()
            .enumerate()
            .all(|(k, &c)| t.get(at + k).map(u8::to_ascii_lowercase) == Some(c))
}

/// Orange / La Poste reason codes: the last three digits of an `OFR…`/`LPN…`/`OUK…` token
/// (`OFR_506`, `OFR004_405`, `LPN007_416`), from Orange's postmaster documentation.
fn orange_code(t: &[u8]) -> Option<Reason> {
    let mut found = None;
    let mut i = 0;
    while i + 3 < t.len() {
        let w = &t[i..i + 3];
        let label = w.eq_ignore_ascii_case(b"ofr")
            || w.eq_ignore_ascii_case(b"lpn")
            || w.eq_ignore_ascii_case(b"ouk");
        if label && (i == 0 || !t[i - 1].is_ascii_alphanumeric()) {
            let mut e = i + 3;
            while e < t.len() && (t[e].is_ascii_alphanumeric() || t[e] == b'_') {
                e += 1;
            }
            if e - i >= 6 && t[e - 3..e].iter().all(u8::is_ascii_digit) {
                let n = (t[e - 3] - b'0') as u16 * 100
                    + (t[e - 2] - b'0') as u16 * 10
                    + (t[e - 1] - b'0') as u16;
                found = Some(n);
            }
            i = e;
            continue;
        }
        i += 1;
    }
    Some(match found? {
        101..=103 | 510 | 999 => Reason::Blocked,
        104 => Reason::RateLimited,
        305 | 402 => Reason::SecurityError,
        401 | 517 => Reason::AuthFailure,
        403 | 405 | 415 | 421 => Reason::Rejected,
        416 => Reason::UserUnknown,
        417 => Reason::MailboxFull,
        420 | 426 => Reason::Suspend,
        505 => Reason::SystemError,
        506 => Reason::SpamDetected,
        514 => Reason::EmailTooLarge,
        630 => Reason::PolicyViolation,
        _ => return None,
    })
}

/// Spectrum / Charter reason codes: `AUP#In-1310`, `AUP#O-1000`, from Spectrum's
/// "understanding email error codes" page.
fn spectrum_code(t: &[u8]) -> Option<Reason> {
    let mut i = 0;
    while i + 4 <= t.len() {
        if t[i..i + 4].eq_ignore_ascii_case(b"aup#") {
            let mut j = i + 4;
            while j < t.len() && !t[j].is_ascii_digit() && j < i + 12 {
                j += 1;
            }
            if j + 4 <= t.len() && t[j..j + 4].iter().all(u8::is_ascii_digit) {
                let n = t[j..j + 4]
                    .iter()
                    .fold(0u16, |a, d| a * 10 + (d - b'0') as u16);
                return Some(match n {
                    1000 | 1200..=1250 => Reason::Blocked,
                    1010..=1080 | 1500 | 1520 => Reason::Rejected,
                    1090 => Reason::SystemError,
                    1100..=1150 => Reason::RequirePtr,
                    1160..=1190 | 1560 => Reason::PolicyViolation,
                    1260 => Reason::NetworkError,
                    1300..=1490 | 1540 | 1550 | 1580 => Reason::RateLimited,
                    1530 => Reason::EmailTooLarge,
                    _ => return None,
                });
            }
        }
        i += 1;
    }
    None
}

/// The parts at the start of a reply text: the code (also before a `_`, which qmail-send's
/// log writes for a space) and the enhanced code after it.
fn head_of(t: &[u8]) -> (Option<ReplyCode>, Option<EnhancedStatus>) {
    let mut i = 0;
    while i < t.len() && matches!(t[i], b' ' | b'\t' | b'\r' | b'\n' | b'_') {
        i += 1;
    }
    let mut code = None;
    // Some bounces quote the code with a colon (`550: 5.2.2 Mailbox full`), Python with a
    // comma (`550, b'5.1.1 User unknown'`).
    if t.len() >= i + 3
        && matches!(
            t.get(i + 3),
            None | Some(b' ' | b'-' | b':' | b',' | b'\r' | b'\n' | b'\t' | b'_')
        )
    {
        code = ReplyCode::from_bytes(&t[i..i + 3]);
        if code.is_some() {
            i += 3;
            if i < t.len() {
                i += 1;
            }
        }
    }
    i += blanks(&t[i..]);
    let enhanced = EnhancedStatus::parse(&t[i..]).map(|(e, _)| e);
    (code, enhanced)
}

/// The offset of a later `4xx 4.x.x` / `5xx 5.x.x` failure inside a text that started with
/// a positive reply, or of a `4xx` / `5xx` that starts a line (a session typed by hand:
/// `RCTP TO:<bob@example.net>` / `500 unrecognized command`).
fn later_failure(t: &[u8]) -> Option<usize> {
    // Candidates are the 4s and 5s after a blank: a greeting or an EHLO reply has few 4s and
    // 5s at all (a SIZE limit, an address), so the search for either byte comes first, eight
    // bytes at a time: about 300 of the 2,900 instructions classifying a short positive reply
    // takes, where a scan that also loaded the bytes before each position took 590, and
    // `memchr2`, set up anew after each stop, 430.
    let end = t.len().saturating_sub(4);
    let mut i = 1;
    while i < end {
        let at = i + crate::scan::find2_swar(b'4', b'5', &t[i..end])?;
        if matches!(t[at - 1], b' ' | b'\t' | b'\n')
            && t[at + 1].is_ascii_digit()
            && t[at + 2].is_ascii_digit()
            && matches!(t[at + 3], b' ' | b'-')
            && (t[at - 1] == b'\n'
                || EnhancedStatus::parse(&t[at + 4..])
                    .is_some_and(|(e, _)| e.class_digit() == t[at] - b'0'))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Where an enhanced code inside the text is looked for: a failure's whole text (`(#5.1.1 -
/// chkusr)` may come last), a positive reply's first line only (an EHLO reply's extensions
/// hold no status, and reading them all cost a tenth of classifying one).
fn status_scope(t: &[u8], code: ReplyCode) -> &[u8] {
    if matches!(code.digits()[0], 1..=3) {
        if let Some(end) = t.iter().position(|&b| b == b'\n') {
            return &t[..end];
        }
    }
    t
}

/// An enhanced code inside the text (`(#5.1.1 - chkusr)`, `[#4.16.1]`) whose class is
/// `class`: standing alone, not part of an IP address or a version number.
fn find_enhanced(t: &[u8], class: u8) -> Option<EnhancedStatus> {
    find_enhanced_in::<WIDE>(t, class)
}

/// [`find_enhanced`], its candidates (a class digit before a dot) found 16 bytes a step
/// when `W`, else eight: generic so that the tests read with both on any machine.
#[inline(always)]
fn find_enhanced_in<const W: bool>(t: &[u8], class: u8) -> Option<EnhancedStatus> {
    let want = b'0' + class;
    let last = t.len().saturating_sub(4);
    let mut i = 0;
    let next = |i| match W {
        true => crate::scan::find_pair16(t, i, last, want, b'.'),
        false => next_candidate(i, last, |at| {
            eq(load8(t, at), want) & eq(load8(t, at + 1), b'.')
        }),
    };
    while let Some(at) = next(i) {
        i = at + 1;
        if at > 0 && (t[at - 1].is_ascii_alphanumeric() || t[at - 1] == b'.') {
            continue;
        }
        // Parse up to the next non-code byte so that a following '.' or letter disqualifies.
        // A code is at most "5.999.999": look no further than that, so that a long run of
        // digits and dots costs linear time, not quadratic.
        let mut end = at + 2;
        while end < t.len() && end < at + 12 && (t[end].is_ascii_digit() || t[end] == b'.') {
            end += 1;
        }
        let candidate = &t[at..end];
        if candidate.last() == Some(&b'.') {
            continue;
        }
        if end < t.len() && t[end].is_ascii_alphanumeric() {
            continue;
        }
        if let Some((e, n)) = EnhancedStatus::parse(candidate) {
            if n == candidate.len() {
                return Some(e);
            }
        }
    }
    None
}

/// A classification as JSON (feature `serde`), with the names and shapes JavaScript's
/// `classify` gives it, but the two explanations: `code`, `severity`, `category`, `enhanced`,
/// `lines`, `text`, `length`, `mixedCodes`, `classMismatch` (as for a [`Reply`]; without a
/// parsed reply, no lines and the text found), `reason`, `provider` (`{ id, name }`), `hard`,
/// `action`, `retryable`, `retryDelay` (`{ seconds, stated }`), `advice` (`summary`, `causes`,
/// `fixes`), `links`, `command`, `source` and `replyText`. Written without allocating
/// (`tests/serde.rs` shows it).
#[cfg(feature = "serde")]
impl serde::Serialize for Classification<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::reply::{JoinedText, Lossy, Seq};
        use serde::ser::SerializeStruct;
        /// `{ id, name }`, as JavaScript has a provider.
        struct Who(Provider);
        impl serde::Serialize for Who {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("Provider", 2)?;
                st.serialize_field("id", self.0.as_str())?;
                st.serialize_field("name", self.0.name())?;
                st.end()
            }
        }
        /// `{ seconds, stated }`, as JavaScript has a retry delay.
        struct Delay(RetryDelay);
        impl serde::Serialize for Delay {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct("RetryDelay", 2)?;
                st.serialize_field("seconds", &self.0.seconds())?;
                st.serialize_field("stated", &self.0.is_stated())?;
                st.end()
            }
        }
        /// The lines' text when a reply was parsed, else the text found.
        struct Text<'a>(Option<Reply<'a>>, &'a [u8]);
        impl serde::Serialize for Text<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    Some(r) => JoinedText(r).serialize(s),
                    None => Lossy(self.1).serialize(s),
                }
            }
        }
        let reply = self.reply;
        let mut st = s.serialize_struct("Classification", 22)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("severity", &self.severity())?;
        let category = self.code.map_or(crate::Category::Unknown, |c| c.category());
        st.serialize_field("category", &category)?;
        st.serialize_field("enhanced", &self.enhanced)?;
        // No lines without a parsed reply.
        st.serialize_field("lines", &Seq(reply.into_iter().flat_map(|r| r.lines())))?;
        st.serialize_field("text", &Text(reply, self.text))?;
        st.serialize_field("length", &reply.map_or(self.text.len(), |r| r.len()))?;
        let mixed = reply.is_some_and(|r| r.has_mixed_codes());
        st.serialize_field("mixedCodes", &mixed)?;
        let mismatch = reply.is_some_and(|r| r.has_class_mismatch());
        st.serialize_field("classMismatch", &mismatch)?;
        st.serialize_field("reason", &self.reason)?;
        st.serialize_field("provider", &self.provider.map(Who))?;
        st.serialize_field("hard", &self.is_hard())?;
        st.serialize_field("action", &self.action)?;
        st.serialize_field("retryable", &self.is_retryable())?;
        st.serialize_field("retryDelay", &self.retry_delay().map(Delay))?;
        let (advice, source) = self.advice_and_source();
        st.serialize_field("advice", advice)?;
        st.serialize_field("adviceFrom", source.as_str())?;
        st.serialize_field("links", &Seq(self.links()))?;
        st.serialize_field("command", &self.command)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("replyText", &Lossy(self.text))?;
        st.end()
    }
}

/// The iterator returned by [`Classification::links`].
///
/// ```
/// let c = smtp_reply::classify_text(b"550 5.7.1 Blocked, see https://example.com/help.").unwrap();
/// assert_eq!(c.links().collect::<Vec<_>>(), ["https://example.com/help"]);
/// ```
#[derive(Clone, Debug)]
pub struct Links<'a> {
    text: &'a [u8],
    pos: usize,
}

fn links(text: &[u8]) -> Links<'_> {
    Links { text, pos: 0 }
}

impl<'a> Iterator for Links<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // Always UTF-8: a link is printable ASCII.
        self.next_bytes().and_then(|b| core::str::from_utf8(b).ok())
    }
}

/// Whether [`Links`] finds a link's end 16 bytes at a time: where the build compares 16 at
/// once ([`WIDE`]), but not in wasm, whose budget cannot hold the 140 B gzip it adds to the
/// SIMD128 module (natively it saves about 3% of `classify_text` on a one-line failure).
const WIDE_LINKS: bool = WIDE && cfg!(not(target_arch = "wasm32"));

impl<'a> Links<'a> {
    /// The next link, as the bytes it is: printable ASCII, so that a caller that wants no
    /// `&str` (the wasm's record, which holds positions) skips the UTF-8 check.
    pub(crate) fn next_bytes(&mut self) -> Option<&'a [u8]> {
        self.next_in::<WIDE_LINKS>()
    }

    /// [`Links::next_bytes`], each link's end found 16 bytes a step (`W`) or a byte at a time;
    /// the tests read with both.
    #[inline(always)]
    fn next_in<const W: bool>(&mut self) -> Option<&'a [u8]> {
        let t = self.text;
        while self.pos < t.len() {
            // A link is found by the first `/` of its `://` or the first `w` of its `www.`:
            // rarer in reply text than `:` and `.`, which every address and sentence has.
            // Found 16 bytes a step wherever the build compares 16 at once, in Node's SIMD128
            // wasm too (`memchr2`'s set-up for each call cost more than its wider steps save
            // in these short texts: `classify_text` 4,112 to 4,071 instructions a reply).
            let rest = &t[self.pos..];
            let anchor = self.pos
                + match WIDE {
                    true => crate::scan::find2_16(b'/', b'w', rest),
                    false => crate::scan::find2(b'/', b'w', rest),
                }?;
            self.pos = anchor + 1;
            let Some(at) = link_start(t, anchor) else {
                continue;
            };
            if at > 0 && (t[at - 1].is_ascii_alphanumeric() || matches!(t[at - 1], b'/' | b'.')) {
                continue;
            }
            let mut end = at;
            if W {
                end = link_end16(t, at);
            } else {
                while end < t.len()
                    && t[end].is_ascii_graphic()
                    && !matches!(t[end], b'<' | b'>' | b'"' | b'\'' | b'`')
                {
                    end += 1;
                }
            }
            // Closing punctuation after a link belongs to the sentence.
            while end > at
                && matches!(
                    t[end - 1],
                    b'.' | b',' | b';' | b':' | b')' | b']' | b'!' | b'?'
                )
            {
                end -= 1;
            }
            self.pos = end.max(self.pos);
            if end - at > 8 {
                return Some(&t[at..end]);
            }
        }
        None
    }
}

/// Where the link whose first `/` or `w` is at `anchor` starts: `http://`, `https://` (any
/// case) or `www.` (lower-case first `w`), followed by at least one more byte.
fn link_start(t: &[u8], anchor: usize) -> Option<usize> {
    let has =
        |at: usize, p: &[u8]| t.len() > at + p.len() && t[at..at + p.len()].eq_ignore_ascii_case(p);
    if t[anchor] == b'w' {
        return has(anchor, b"www.").then_some(anchor);
    }
    let colon = anchor.checked_sub(1)?;
    if t[colon] != b':' || t.get(anchor + 1) != Some(&b'/') {
        return None;
    }
    [5, 4]
        .into_iter()
        .filter_map(|back| colon.checked_sub(back))
        .find(|&at| has(at, b"https://") || has(at, b"http://"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    fn reason(text: &str) -> Reason {
        classify_text(text.as_bytes()).unwrap().reason()
    }

    /// Reading a reply's only text to scan directly, and its lines' texts as the parse kept
    /// them, classifies every text as reading it through the segments does: the reference
    /// replies, the labelled corpus, and the bench corpus's kinds of reply (and replies of
    /// more lines than the parse keeps), each alone and in a Postfix log line.
    #[test]
    fn first_text_reads_as_the_segments() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let mut texts: std::vec::Vec<std::string::String> = std::vec::Vec::new();
        for file in ["reference/vendor-replies.md", "corpus/sisimai-dev.jsonl"] {
            let data = std::fs::read_to_string(root.join(file)).unwrap();
            texts.extend(data.lines().map(|l| l.to_string()));
        }
        for reply in [
            "250 2.0.0 OK 1700000000 a1b2c3 - gsmtp\r\n",
            "250-mx.google.com at your service\r\n250-SIZE 157286400\r\n250 SMTPUTF8\r\n",
            "550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n",
            "250 <bob@example.com>... Recipient ok",
            // Words that would count on a later line, which a positive reply's scan skips.
            "250-mx.example.com\r\n250 mailbox unknown, exim\r\n",
            "421 4.7.0 Try again later",
            "550 User unknown\n",
            "452-4.2.2 The recipient's inbox is out of storage space.\r\n452-4.2.2 Please direct\r\n452-4.2.2 the recipient to\r\n452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp - gsmtp\r\n",
            // More lines than the parse keeps: the words that decide are on the last.
            "550-a\r\n550-b\r\n550-c\r\n550-d\r\n550-e\r\n550-f\r\n550-g\r\n550-h\r\n550 mailbox full\r\n",
            "250-mx.example.com\r\n250-a\r\n250-b\r\n250-c\r\n250-d\r\n250-e\r\n250-f\r\n250-g\r\n250 h - gsmtp\r\n",
            "550-5.7.1 [203.0.113.5] Our system has detected that this message is\r\n550 5.7.1 likely unsolicited mail. - gsmtp\r\n",
        ] {
            texts.push(reply.to_string());
            texts.push(std::format!("host mx.example.com[192.0.2.1] said: {}", reply.trim_end()));
        }
        let mut parsed = 0;
        for text in &texts {
            let Some(e) = extract(text.as_bytes()) else {
                continue;
            };
            let segments = classify_extracted_as(&e, None, false, false);
            for (first, keep) in [(true, false), (false, true), (true, true)] {
                let read = classify_extracted_as(&e, None, first, keep);
                assert_eq!(read, segments, "{text:?} {first} {keep}");
            }
            parsed += segments.reply().is_some() as usize;
        }
        assert!(parsed > 300, "{parsed} replies parsed");
    }

    #[test]
    fn provider_meanings_win() {
        assert_eq!(reason("550 5.7.27 This message was blocked because it didn't pass SPF authentication. - gsmtp"), Reason::AuthFailure);
        assert_eq!(
            reason("550 5.7.27 sender address has null MX"),
            Reason::NotAccept
        );
        assert_eq!(reason("421 4.7.29 Your email has been rate limited because you're not using a TLS connection. - gsmtp"), Reason::FailedStartTls);
        assert_eq!(reason("550 5.7.30 This message was blocked because it didn't pass DKIM authentication. - gsmtp"), Reason::AuthFailure);
        assert_eq!(
            reason("550 5.7.30 REQUIRETLS support required"),
            Reason::FailedStartTls
        );
    }

    #[test]
    fn command_matters() {
        let e = extract(b"550 5.1.1 <a@example.com>... User unknown").unwrap();
        assert_eq!(
            classify_extracted(&e, Some(Command::Rcpt)).reason(),
            Reason::UserUnknown
        );
        // After the data, its X.1.1 status still says the mailbox does not exist; without
        // one, "user unknown" is a filter's verdict.
        assert_eq!(
            classify_extracted(&e, Some(Command::EndOfData)).reason(),
            Reason::UserUnknown
        );
        let late = extract(b"550 <a@example.com>... User unknown").unwrap();
        assert_eq!(
            classify_extracted(&late, Some(Command::EndOfData)).reason(),
            Reason::Filtered
        );
        assert_eq!(
            classify_extracted(&e, Some(Command::Mail)).reason(),
            Reason::Rejected
        );
        let e = extract(b"554 5.7.1 This message looks like spam").unwrap();
        assert_eq!(
            classify_extracted(&e, Some(Command::Rcpt)).reason(),
            Reason::Blocked
        );
        assert_eq!(classify_extracted(&e, None).reason(), Reason::SpamDetected);
    }

    /// Segments lose their code, enhanced code and the blanks after both, so that joined
    /// lines stay regular (single spaces) and take the one-copy phrase scan.
    #[test]
    fn segment_heads_are_stripped() {
        assert_eq!(strip_head(b"550-5.7.1 This message"), b"This message");
        assert_eq!(strip_head(b"550 5.7.1  \tdouble"), b"double");
        assert_eq!(strip_head(b"550 no enhanced"), b"no enhanced");
        assert_eq!(strip_head(b"5.1.1 user"), b"user");
        assert_eq!(strip_head(b"550"), b"");
    }

    /// A positive reply is scanned at its first line only, by both entry points; a failure
    /// pasted after a positive line is still found, wherever it starts.
    #[test]
    fn positive_replies_are_read_at_their_first_line() {
        let text = b"250-mx.google.com at your service\r\n250-SIZE 157286400\r\n250 SMTPUTF8\r\n";
        let reply = parse(text, &ParserConfig::strict()).unwrap().unwrap();
        assert_eq!(classify(&reply, None).provider(), Some(Provider::Google));
        let c = classify_text(text).unwrap();
        assert_eq!(
            (c.reason(), c.provider()),
            (Reason::Delivered, Some(Provider::Google))
        );
        // An extension's version number is no enhanced status.
        let text = b"250-mx.example.com\r\n250 X-VERSION 2.1.5 here\r\n";
        let reply = parse(text, &ParserConfig::strict()).unwrap().unwrap();
        assert_eq!(classify(&reply, None).enhanced(), None);
        assert_eq!(classify_text(text).unwrap().enhanced(), None);
        let c = classify_text(b"250 2.1.0 Sender OK 550 5.1.1 User unknown").unwrap();
        assert_eq!(
            (c.code().map(|c| c.as_u16()), c.reason()),
            (Some(550), Reason::UserUnknown)
        );
    }

    #[test]
    fn greeting_in_front() {
        let c = classify_text(b"220-laposte 421 4.2.1 Service refuse. Veuillez essayer plus tard.")
            .unwrap();
        assert_eq!(c.code().unwrap().as_u16(), 421);
        assert_eq!(c.reason(), Reason::Blocked);
    }

    #[test]
    fn enhanced_inside_text() {
        assert_eq!(
            find_enhanced(b"x (#5.1.1 - chkusr)", 5)
                .unwrap()
                .to_string(),
            "5.1.1"
        );
        assert_eq!(find_enhanced(b"from 192.5.1.1 and 4.16.55.1", 5), None);
        assert_eq!(find_enhanced(b"see 5.1.1.2", 5), None);
        assert_eq!(
            find_enhanced(b"[#4.16.1].", 4).unwrap().to_string(),
            "4.16.1"
        );
    }

    /// The anchored search finds what trying every position finds, on texts made of the bytes
    /// that matter (pieces of `http://`, `https://`, `www.`, boundaries, punctuation).
    #[test]
    fn links_match_a_search_at_every_position() {
        fn every_position(t: &[u8]) -> std::vec::Vec<&str> {
            let mut found = std::vec::Vec::new();
            let mut pos = 0;
            while pos < t.len() {
                let at = pos;
                pos += 1;
                let rest = &t[at..];
                let starts =
                    |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
                let first_ok = matches!(t[at], b'h' | b'H' | b'w');
                if !first_ok || !(starts(b"https://") || starts(b"http://") || starts(b"www.")) {
                    continue;
                }
                if at > 0 && (t[at - 1].is_ascii_alphanumeric() || matches!(t[at - 1], b'/' | b'.'))
                {
                    continue;
                }
                let mut end = at;
                while end < t.len() && t[end].is_ascii_graphic() && !b"<>\"'`".contains(&t[end]) {
                    end += 1;
                }
                while end > at && b".,;:)]!?".contains(&t[end - 1]) {
                    end -= 1;
                }
                pos = end.max(pos);
                if let Ok(s) = core::str::from_utf8(&t[at..end]) {
                    if s.len() > 8 {
                        found.push(s);
                    }
                }
            }
            found
        }
        let pieces: [&[u8]; 22] = [
            b"http",
            b"https",
            b"HTTP",
            b"://",
            b":",
            b"/",
            b"www",
            b"wWw",
            b"WWW",
            b".",
            b"x",
            b" ",
            b")",
            b"<",
            b"a.b",
            b"\xc3\xa9",
            // What ends a link, and the last byte that does not.
            b">",
            b"\"",
            b"'",
            b"`",
            b"\t",
            b"~",
        ];
        for text in random_texts(&pieces, 200_000, 12) {
            let want = every_position(&text);
            for wide in [false, true] {
                let mut l = links(&text);
                // Each link is printable ASCII, which the iterator's `&str` takes for granted.
                let got: std::vec::Vec<&str> = core::iter::from_fn(|| {
                    if wide {
                        l.next_in::<true>()
                    } else {
                        l.next_in::<false>()
                    }
                })
                .inspect(|b| assert!(b.iter().all(u8::is_ascii_graphic), "{b:?}"))
                .map(|b| core::str::from_utf8(b).unwrap())
                .collect();
                assert_eq!(
                    got,
                    want,
                    "{wide} {:?}",
                    std::string::String::from_utf8_lossy(&text)
                );
            }
        }
    }

    #[test]
    fn wordings_beyond_the_reference_tables() {
        // Yahoo's GL01 deferral, and its `- 4.16.5x` tail alone.
        for text in [
            "421 4.7.0 [GL01] Message from (192.0.2.1) temporarily deferred - 4.16.50",
            "421 4.7.0 Message from (192.0.2.1) temporarily deferred - 4.16.50",
        ] {
            let c = classify_text(text.as_bytes()).unwrap();
            assert_eq!(c.provider(), Some(Provider::Yahoo), "{text}");
            assert_eq!(c.action(), Action::RetryLater, "{text}");
        }
        // Exchange's transport-rule refusal is a policy, not the X.7.1 security default.
        assert_eq!(
            reason("554 5.7.1 Message rejected due to content restrictions"),
            Reason::PolicyViolation
        );
        assert_eq!(reason("554 5.7.1 Message rejected"), Reason::SecurityError);
    }

    #[test]
    fn links_are_trimmed() {
        let l: std::vec::Vec<&str> =
            links(b"see <http://x.co/srbounce>, and https://a.example/b?c=d. www.spamhaus.org/x)")
                .collect();
        assert_eq!(
            l,
            [
                "http://x.co/srbounce",
                "https://a.example/b?c=d",
                "www.spamhaus.org/x"
            ]
        );
    }

    /// `count` texts of fewer than `max` random pieces each, after zero to seven blanks, so
    /// that the pieces meet the eight-byte steps of word-at-a-time code at every alignment.
    fn random_texts<'p>(
        pieces: &'p [&'p [u8]],
        count: usize,
        max: u64,
    ) -> impl Iterator<Item = std::vec::Vec<u8>> + 'p {
        let mut r = 0x2545_f491_4f6c_dd1du64;
        (0..count).map(move |n| {
            let mut text = std::vec![b' '; n % 8];
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            let mut pick = r;
            for _ in 0..r % max {
                text.extend_from_slice(pieces[(pick % pieces.len() as u64) as usize]);
                pick = pick.rotate_right(5) ^ (pick >> 3);
            }
            text
        })
    }

    /// The byte-at-a-time readings that `later_failure` and `find_enhanced` must agree with.
    fn later_failure_reference(t: &[u8]) -> Option<usize> {
        (1..t.len().saturating_sub(4)).find(|&i| {
            matches!(t[i], b'4' | b'5')
                && matches!(t[i - 1], b' ' | b'\t' | b'\n')
                && t[i + 1].is_ascii_digit()
                && t[i + 2].is_ascii_digit()
                && matches!(t[i + 3], b' ' | b'-')
                && (t[i - 1] == b'\n'
                    || EnhancedStatus::parse(&t[i + 4..])
                        .is_some_and(|(e, _)| e.class_digit() == t[i] - b'0'))
        })
    }

    fn find_enhanced_reference(t: &[u8], class: u8) -> Option<EnhancedStatus> {
        (0..t.len().saturating_sub(4)).find_map(|at| {
            if t[at] != b'0' + class || t[at + 1] != b'.' {
                return None;
            }
            if at > 0 && (t[at - 1].is_ascii_alphanumeric() || t[at - 1] == b'.') {
                return None;
            }
            let mut end = at + 2;
            while end < t.len() && end < at + 12 && (t[end].is_ascii_digit() || t[end] == b'.') {
                end += 1;
            }
            let candidate = &t[at..end];
            if candidate.last() == Some(&b'.') || t.get(end).is_some_and(u8::is_ascii_alphanumeric)
            {
                return None;
            }
            EnhancedStatus::parse(candidate)
                .filter(|&(_, n)| n == candidate.len())
                .map(|(e, _)| e)
        })
    }

    #[test]
    fn word_at_a_time_searches_equal_the_reference() {
        let pieces: [&[u8]; 16] = [
            b" ",
            b"\t",
            b"\n",
            b"4",
            b"5",
            b"550",
            b"451-",
            b"250 ",
            b"5.1.1",
            b"4.7.0 ",
            b"#5.1.0",
            b".",
            b"x",
            b"12",
            b"203.0.113.5",
            b"5.2.121",
        ];
        for text in random_texts(&pieces, 60_000, 23) {
            let t = text.as_slice();
            let shown = std::string::String::from_utf8_lossy(t);
            assert_eq!(later_failure(t), later_failure_reference(t), "{shown:?}");
            for class in [2, 4, 5] {
                let want = find_enhanced_reference(t, class);
                assert_eq!(find_enhanced_in::<false>(t, class), want, "{shown:?}");
                if WIDE {
                    assert_eq!(find_enhanced_in::<true>(t, class), want, "{shown:?}");
                }
            }
        }
    }
}
