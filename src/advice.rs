//! What the person operating the sending side should do about a reply: a one-line summary,
//! the common causes and the steps to fix them, for every bounce reason, every basic code
//! (specific where an RFC defines it, by class otherwise) and the enhanced codes that warrant
//! more than their class says.

use crate::texts::{check_list, field, record_impls, text_list, TextList};
use crate::{EnhancedStatus, Provider, Reason, ReplyCode};

/// Advice for the sender: what happened, why it usually happens, and what to do.
///
/// Its three parts are one record of static text, joined at compile time (one pointer per
/// entry instead of three: the tables hold over a hundred entries).
///
/// ```
/// use smtp_reply::ReplyCode;
/// let advice = ReplyCode::SERVICE_NOT_AVAILABLE.advice();
/// assert!(!advice.causes().is_empty() && !advice.fixes().is_empty());
/// println!("{}", advice.summary());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Advice {
    record: &'static str,
    /// Where the summary ends, natively, so that reading it (as a classification's advice is
    /// read) needs no search; in wasm, whose JavaScript fetches each advice once, the search
    /// costs less than the field would in the module's tables.
    #[cfg(not(target_arch = "wasm32"))]
    summary_end: usize,
}

impl Advice {
    /// The advice in `record`: the summary, U+001F, the causes, U+001F, the fixes, each list
    /// as a [`TextList`] joins it. Checked where the tables are built, at compile time: the
    /// summary is one line, and each list passes the checks of a [`TextList`].
    const fn joined(record: &'static str) -> Advice {
        let b = record.as_bytes();
        let (mut i, mut separators, mut at) = (0, 0, [0; 2]);
        while i < b.len() {
            if b[i] == 0x1f {
                assert!(separators < 2, "advice needs a summary, causes and fixes");
                at[separators] = i;
                separators += 1;
            } else if separators == 0 {
                assert!(b[i] != b'\n', "a summary of more than one line");
            }
            i += 1;
        }
        assert!(separators == 2, "advice needs a summary, causes and fixes");
        assert!(at[0] > 0, "advice without a summary");
        check_list(b, at[0] + 1, at[1]);
        check_list(b, at[1] + 1, b.len());
        Advice {
            record,
            #[cfg(not(target_arch = "wasm32"))]
            summary_end: at[0],
        }
    }

    /// One line: what the reply means for the sender.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Reason::MailboxFull.advice().summary(), "The recipient's mailbox is over its quota.");
    /// ```
    pub fn summary(&self) -> &'static str {
        #[cfg(not(target_arch = "wasm32"))]
        return self.record.get(..self.summary_end).unwrap_or_default();
        #[cfg(target_arch = "wasm32")]
        field(self.record, 0)
    }

    /// The usual causes, most common first.
    ///
    /// ```
    /// let causes = smtp_reply::Reason::Blocked.advice().causes();
    /// assert!(causes.iter().any(|c| c.contains("blocklist")));
    /// ```
    pub fn causes(&self) -> TextList {
        TextList::joined_unchecked(field(self.record, 1))
    }

    /// What to do, first step first.
    ///
    /// ```
    /// let fixes = smtp_reply::Reason::UserUnknown.advice().fixes();
    /// assert!(fixes.first().is_some_and(|f| f.contains("Do not retry")));
    /// ```
    pub fn fixes(&self) -> TextList {
        TextList::joined_unchecked(field(self.record, 2))
    }
}

record_impls!(Advice { summary(), causes(), fixes() });

/// An entry: its summary, causes and fixes joined into one record.
macro_rules! advice {
    ($summary:expr, [$($cause:expr),* $(,)?], [$($fix:expr),* $(,)?]) => {
        Advice::joined(concat!($summary, "\u{1f}", $($cause, "\n",)* "\u{1f}", $($fix, "\n"),*))
    };
}

/// Steps shared by many entries, by name: `step!(backoff)`. Macros rather than constants, so
/// that `concat!` can join them into an entry's list.
macro_rules! step {
    (backoff) => {
        "Retry with exponential back-off and jitter (about 30 minutes at first, doubling up to a few hours); give up after 4-5 days."
    };
    // `backoff` for reasons that come as 4xx or 5xx: a 5xx is not retried as it is.
    (backoff_after_4xx) => {
        "After a 4xx, retry with exponential back-off and jitter (about 30 minutes at first, doubling up to a few hours; give up after 4-5 days); after a 5xx, resend only once the cause is fixed."
    };
    (stated_delay) => {
        "If the text states a delay, wait at least that long before retrying."
    };
    (slow_down) => {
        "Send more slowly to this domain: fewer parallel connections, fewer messages per connection and per hour."
    };
    (postmaster) => {
        "If it persists, contact the receiving domain's postmaster, quoting the full reply."
    };
    (read_text) => {
        "Read the reply text: it usually names the exact cause."
    };
    (drop_address) => {
        "Do not retry: remove or suppress the address."
    };
    (check_address) => {
        "Check the address for typos and confirm it with the recipient by another channel."
    };
    (authenticate) => {
        "Publish SPF listing every sending IP, sign with DKIM for the From: domain, and publish a DMARC record."
    };
    (blocklists) => {
        "Look the sending IP and domain up on the blocklists the text names (Spamhaus, Proofpoint, ...) and request delisting once the cause is fixed."
    };
    (ptr) => {
        "Give the sending IP a PTR record whose name resolves back to that IP, and use that name in EHLO."
    };
    (fix_client) => {
        "Log the SMTP session and fix the sending software or its configuration; retrying unchanged will fail again."
    };
    (no_retry_unchanged) => {
        "Do not resend unchanged; fix the cause first."
    };
    (credentials) => {
        "Check the user name, password or token configured for SMTP AUTH."
    };
    (use_tls) => {
        "Enable STARTTLS on the sending side (TLS 1.2 or later) with a valid certificate."
    };
    (log_session) => {
        "Log the SMTP session to see which command got this reply."
    };
    (nothing) => {
        "Nothing to do."
    };
}

static REASONS: [Advice; 34] = [
    // AuthFailure
    advice!(
        "The message failed sender authentication (SPF, DKIM, DMARC or ARC).",
        [
            "The SPF record does not list the IP that sent the message.",
            "The message is not DKIM-signed, or the signature broke on the way.",
            "The From: domain is not aligned with the SPF or DKIM domain and its DMARC policy rejects.",
            "Forwarding or a mailing list changed the message.",
        ],
        [
            step!(authenticate),
            "When a service sends for you, include it in SPF and let it sign with DKIM for your domain.",
            "Send a test to a mailbox that shows Authentication-Results and check each result.",
        ]
    ),
    // BadReputation
    advice!(
        "The receiver distrusts the sending IP address or domain.",
        [
            "Spam complaints or spam-trap hits.",
            "A sudden rise in volume from a new IP or domain.",
            "Old, bought or scraped address lists.",
            "Other senders on a shared IP.",
        ],
        [
            "Send only to recipients who asked for the mail, and honour unsubscribes at once.",
            "Warm up new IPs and domains gradually.",
            "Watch the provider's postmaster tools (Google Postmaster Tools, Microsoft SNDS, Yahoo).",
            step!(backoff),
        ]
    ),
    // Blocked
    advice!(
        "The receiver refused the sending client itself: its IP address, host name or HELO.",
        [
            "The IP is on a blocklist (DNSBL).",
            "A dynamic or residential IP, or one without proper reverse DNS.",
            "An invalid or unresolvable HELO/EHLO name.",
            "A block or allow list kept by the recipient's administrator.",
        ],
        [
            step!(blocklists),
            step!(ptr),
            "Send through a relay with a good reputation.",
            "Ask the recipient's administrator to allow your IP.",
        ]
    ),
    // ContentError
    advice!(
        "The receiver could not handle the message's format.",
        [
            "8-bit or UTF-8 headers without SMTPUTF8.",
            "A broken MIME structure or transfer encoding.",
            "Lines longer than 998 characters, or too many Received: headers.",
        ],
        [
            "Encode non-ASCII headers (RFC 2047) and bodies (quoted-printable or base64).",
            "Check the MIME structure with a validator.",
            step!(no_retry_unchanged),
        ]
    ),
    // Delivered
    advice!(
        "The message was accepted.",
        ["The server took responsibility for delivering it."],
        [step!(nothing), "Keep the queue ID from the text for tracing."]
    ),
    // EmailTooLarge
    advice!(
        "The message is larger than the recipient or the server accepts.",
        [
            "Large attachments (base64 adds about a third).",
            "A per-mailbox limit smaller than the server's.",
        ],
        [
            "Stay below the SIZE the server announces in its EHLO reply.",
            "Share large files by link instead of attachment, or compress them.",
            step!(no_retry_unchanged),
        ]
    ),
    // Expired
    advice!(
        "The attempt timed out, or the sending server gave up after the message stayed in its queue too long.",
        [
            "The destination was slow, overloaded or unreachable, or deferred for days.",
            "A short queue lifetime on the sending side.",
        ],
        [
            "Find the deferral reason in the earlier log entries for this message.",
            "Check the destination's MX records and that outbound port 25 reaches it.",
            "Retry a time-out later; resend a given-up message once the cause is fixed.",
        ]
    ),
    // FailedStartTls
    advice!(
        "TLS could not be used, but one side requires it.",
        [
            "The sender did not use STARTTLS.",
            "No shared TLS version or cipher, or an invalid certificate.",
            "An MTA-STS, DANE or REQUIRETLS policy demands verified TLS.",
        ],
        [
            step!(use_tls),
            "Check the receiver's MTA-STS or DANE policy against its certificate and MX names.",
            step!(backoff),
        ]
    ),
    // Feedback
    advice!(
        "A recipient reported the message as spam through a feedback loop.",
        ["The recipient pressed \"report spam\"."],
        [
            "Stop mailing that address at once.",
            "Review how the address was collected and what the campaign sent.",
        ]
    ),
    // Filtered
    advice!(
        "The mailbox refused this message: a recipient filter, or an unknown user reported after DATA.",
        [
            "Filter or allow-list rules set by the recipient.",
            "A disabled or restricted mailbox.",
            "A \"user unknown\" that the server only reported after the message was sent.",
        ],
        [
            step!(check_address),
            "Ask the recipient to allow your sender address.",
            "Suppress the address if it keeps failing.",
        ]
    ),
    // HasMoved
    advice!(
        "The mailbox has moved away and has no forwarding address.",
        ["The recipient changed address and the old account was closed."],
        [step!(drop_address), "Ask the recipient for the new address (the text may give it)."]
    ),
    // HostUnknown
    advice!(
        "The recipient's domain does not exist or has no mail server.",
        [
            "A typo in the domain.",
            "The domain expired or has no MX or address records.",
        ],
        [step!(check_address), "Look up the domain's MX records.", step!(drop_address)]
    ),
    // MailboxFull
    advice!(
        "The recipient's mailbox is over its quota.",
        [
            "The recipient does not read or clean the mailbox (often abandoned).",
            "Large messages filled it.",
        ],
        [
            "Tell the recipient by another channel.",
            "Keep the address: later mail may arrive once space is freed.",
            "Suppress the address after repeated failures over weeks.",
        ]
    ),
    // MailerError
    advice!(
        "A delivery program on the receiving host failed.",
        ["A pipe, procmail or script error at the destination."],
        [
            "Tell the destination's administrator (the text may hold the exit status).",
            step!(backoff_after_4xx),
        ]
    ),
    // NetworkError
    advice!(
        "DNS, routing or the connection to the destination failed.",
        [
            "DNS lookups failed or timed out.",
            "The connection was refused, reset or timed out.",
            "A routing or forwarding loop.",
        ],
        [
            "Check that your server resolves the domain's MX and reaches it on port 25.",
            step!(backoff_after_4xx),
            step!(postmaster),
        ]
    ),
    // NoRelaying
    advice!(
        "The server refused to pass the message on (relay access denied).",
        [
            "The message went to a server that does not handle the recipient's domain.",
            "Submission through a relay without authenticating.",
            "The relay does not know your IP or domain.",
        ],
        [
            "Deliver to the recipient domain's MX hosts (check DNS).",
            "Authenticate with SMTP AUTH when sending through a relay.",
            "Ask the relay's administrator to allow your IP or domain.",
        ]
    ),
    // NotAccept
    advice!(
        "The destination accepts no mail at all.",
        [
            "The domain publishes a null MX (RFC 7505).",
            "The host answers 521 or 556: it is not a mail server.",
        ],
        [step!(drop_address), "Check that the domain is the right one."]
    ),
    // NotCompliantRfc
    advice!(
        "The message breaks the RFC 5322 message format.",
        [
            "A missing or duplicated From:, Date: or Message-ID: header.",
            "Several addresses in From:, or a malformed header.",
        ],
        [
            "Emit exactly one From:, Date: and Message-ID: header, each well-formed.",
            "Fix the software that builds the message.",
            step!(no_retry_unchanged),
        ]
    ),
    // OnHold
    advice!(
        "The reply shows an error but gives too little to decide what kind.",
        ["A vague or missing reply text."],
        [step!(read_text), "Keep the message queued and retry with back-off."]
    ),
    // PolicyViolation
    advice!(
        "The message breaks a policy of the receiver.",
        [
            "A forbidden attachment type (executables, macros, some archives).",
            "A members-only list or a rule set by the recipient's administrator.",
        ],
        [
            step!(read_text),
            "Remove forbidden attachments or send a link instead.",
            "Ask the recipient's administrator which rule matched.",
        ]
    ),
    // RateLimited
    advice!(
        "Too many messages, connections or recipients in too short a time.",
        [
            "Bursts of mail to one provider or recipient.",
            "Too many parallel connections.",
            "A reputation-based limit on new or low-volume senders.",
        ],
        [step!(stated_delay), step!(slow_down), step!(backoff)]
    ),
    // Rejected
    advice!(
        "The receiver refused the sender (envelope) address.",
        [
            "The sender's domain does not exist or cannot take bounces.",
            "The recipient blocks this sender.",
            "A malformed or empty sender address.",
            "The sending account (an SMTP login, a sending service) is suspended or paused.",
        ],
        [
            "Send from an address whose domain has MX records and accepts bounces.",
            "Ask the recipient to unblock the sender.",
            "If your own account is suspended, resolve that with its provider first.",
        ]
    ),
    // RequirePtr
    advice!(
        "The sending IP address has no valid reverse DNS.",
        [
            "No PTR record for the IP.",
            "The PTR name does not resolve back to the IP.",
        ],
        [
            step!(ptr),
            "Ask whoever owns the IP (ISP or cloud provider) to set the PTR.",
        ]
    ),
    // SecurityError
    advice!(
        "A security or policy check failed.",
        [
            "SMTP authentication failed or is required.",
            "The sender looks spoofed.",
            "An unspecified 5.7.x policy.",
        ],
        [step!(read_text), step!(credentials), step!(authenticate)]
    ),
    // SpamDetected
    advice!(
        "The message was judged to be spam.",
        [
            "Content or links that look like spam.",
            "Domains in the message are on URL blocklists.",
            "Low sender reputation.",
        ],
        [
            "Review content and links; avoid URL shorteners and blocklisted domains.",
            step!(authenticate),
            "Send only to recipients who asked for the mail.",
        ]
    ),
    // Suppressed
    advice!(
        "Your sending service did not send: the address is on its suppression list.",
        ["An earlier hard bounce or complaint for the address."],
        [
            "Do not resend; confirm the address with the recipient before removing it from the list.",
        ]
    ),
    // Suspend
    advice!(
        "The recipient's account is suspended or disabled.",
        [
            "An unpaid, inactive or closed account.",
            "A suspension for abuse.",
        ],
        [
            "Stop sending; the recipient must reactivate the account.",
            "Suppress the address after repeated failures.",
        ]
    ),
    // SyntaxError
    advice!(
        "A command from your server was malformed or out of order.",
        [
            "A bug or misconfiguration in the sending software.",
            "An invalid EHLO argument or address syntax.",
            "Commands pipelined where the server does not allow it.",
        ],
        [step!(log_session), step!(fix_client)]
    ),
    // SystemError
    advice!(
        "The receiving server had an internal error.",
        [
            "A failure or misconfiguration on the receiving side.",
            "A mail loop or a failed directory lookup there.",
        ],
        [step!(backoff_after_4xx), step!(postmaster)]
    ),
    // SystemFull
    advice!(
        "The receiving server is out of storage.",
        ["The destination's disks or queues are full."],
        [step!(backoff), step!(postmaster)]
    ),
    // Undefined
    advice!(
        "Nothing in the reply says what went wrong.",
        ["No usable code or text."],
        [step!(log_session), "Retry with back-off if the code was 4xx; otherwise investigate."]
    ),
    // UserUnknown
    advice!(
        "The recipient's mailbox does not exist.",
        [
            "A typo in the address.",
            "The account was deleted (the person left).",
            "A made-up address entered in a form.",
        ],
        [
            step!(drop_address),
            step!(check_address),
            "Confirm new sign-ups (double opt-in).",
        ]
    ),
    // Vacation
    advice!(
        "An automatic reply such as out of office, not a failure.",
        ["The recipient set an auto-responder."],
        [step!(nothing), "Do not count it as a bounce."]
    ),
    // VirusDetected
    advice!(
        "The receiver found malware in the message.",
        [
            "An infected attachment or a compromised sending machine.",
            "A false positive on macros or archives.",
        ],
        [
            "Scan the sending system and the attachment.",
            "Send files another way, or ask the recipient's administrator about a false positive.",
        ]
    ),
];

static DESCRIPTIONS: TextList = text_list![
    "SPF, DKIM, DMARC or ARC checks failed, so the receiver could not trust the sender's identity.",
    "The receiver rejected or throttled the mail because of the sending IP or domain's reputation.",
    "The receiver refused the connecting client: its IP address, host name or HELO (blocklists, reverse DNS policy).",
    "The message's headers or body were in a format the receiver could not handle.",
    "The message was delivered (accepted by the receiving server).",
    "The message was larger than the recipient's mailbox or the receiving system accepts.",
    "An attempt timed out, or the sending server gave up after the queue lifetime expired.",
    "STARTTLS failed, or TLS was required but not available.",
    "A feedback-loop complaint: a recipient reported the message as spam.",
    "The mailbox exists but refused the message, or \"user unknown\" came only after DATA.",
    "The mailbox moved away and no forwarding address exists.",
    "The recipient's domain does not exist or has no mail server.",
    "The recipient's mailbox is over its quota.",
    "A local delivery program on the receiving host failed.",
    "DNS, routing or the network connection failed.",
    "The server refused to relay the message to the recipient's domain.",
    "The destination accepts no mail at all (null MX, 521, 556).",
    "The message does not comply with the RFC 5322 message format.",
    "An error was reported, but the reply gives too little to decide its kind.",
    "The message breaks a policy of the receiver, such as forbidden attachments.",
    "Too many messages, connections or recipients in too short a time.",
    "The receiver refused the sender's (envelope) address.",
    "The sending IP address has no valid reverse DNS (PTR) record.",
    "A security check failed, such as SMTP authentication or anti-spoofing policy.",
    "The receiver judged the message to be spam.",
    "The sending service did not send because the address is on its suppression list.",
    "The recipient's account is suspended or disabled.",
    "An SMTP command was malformed or out of order.",
    "The receiving server had an internal error.",
    "The receiving server's storage is full.",
    "Nothing in the reply allows a decision.",
    "The recipient's mailbox does not exist.",
    "An automatic reply, such as out of office.",
    "The receiver found a virus or malware in the message.",
];

impl Reason {
    /// Advice for the sender about this reason.
    ///
    /// ```
    /// use smtp_reply::Reason;
    /// let advice = Reason::RateLimited.advice();
    /// assert!(advice.fixes().iter().any(|f| f.contains("back-off")));
    /// ```
    pub fn advice(self) -> &'static Advice {
        &REASONS[reason_index(self)]
    }

    /// What the reason means, in a sentence.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Reason::UserUnknown.description(), "The recipient's mailbox does not exist.");
    /// ```
    pub fn description(self) -> &'static str {
        DESCRIPTIONS.get(reason_index(self)).unwrap_or_default()
    }
}

/// Whether `advice` is a reason's ([`Reason::advice`]) rather than advice of its own: the
/// classifier prefers a code's own advice only when it says more than a reason's.
pub(crate) fn is_reason_advice(advice: &Advice) -> bool {
    REASONS.as_ptr_range().contains(&(advice as *const Advice))
}

/// Whether `advice` is that of one of Microsoft 365's own codes for a banned sender or a
/// tenant's limits ([`MICROSOFT`]), which says more than any reason's.
pub(crate) fn is_microsoft_own(advice: &Advice) -> bool {
    core::ptr::eq(advice, &MS_BANNED_SENDER) || core::ptr::eq(advice, &MS_TENANT)
}

/// The position of a reason in `Reason::ALL` (alphabetical), which the tables follow.
fn reason_index(reason: Reason) -> usize {
    use Reason::*;
    match reason {
        AuthFailure => 0,
        BadReputation => 1,
        Blocked => 2,
        ContentError => 3,
        Delivered => 4,
        EmailTooLarge => 5,
        Expired => 6,
        FailedStartTls => 7,
        Feedback => 8,
        Filtered => 9,
        HasMoved => 10,
        HostUnknown => 11,
        MailboxFull => 12,
        MailerError => 13,
        NetworkError => 14,
        NoRelaying => 15,
        NotAccept => 16,
        NotCompliantRfc => 17,
        OnHold => 18,
        PolicyViolation => 19,
        RateLimited => 20,
        Rejected => 21,
        RequirePtr => 22,
        SecurityError => 23,
        SpamDetected => 24,
        Suppressed => 25,
        Suspend => 26,
        SyntaxError => 27,
        SystemError => 28,
        SystemFull => 29,
        Undefined => 30,
        UserUnknown => 31,
        Vacation => 32,
        VirusDetected => 33,
    }
}

impl ReplyCode {
    /// Advice for the sender about this code: specific for every code an RFC defines, and by
    /// class (first digit, and second digit for 4yz and 5yz) for any other code.
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// let advice = ReplyCode::from_u16(421).unwrap().advice();
    /// assert!(advice.causes().iter().any(|c| c.contains("connections")));
    /// // A code nobody defines still gets advice from its class.
    /// let generic = ReplyCode::from_u16(471).unwrap().advice();
    /// assert!(generic.fixes().iter().any(|f| f.contains("back-off")));
    /// ```
    pub fn advice(self) -> &'static Advice {
        // Classification asks for every reply's advice: a binary search of the codes that
        // have their own took 18 instructions more a reply than a table of all 900 codes'
        // slots, which took 60 B more gzip of the wasm.
        match CODES.binary_search_by_key(&self.as_u16(), |&(c, _)| c) {
            Ok(i) => &CODES[i].1,
            Err(_) => generic(self),
        }
    }
}

fn generic(code: ReplyCode) -> &'static Advice {
    let [a, b, _] = code.digits();
    match (a, b) {
        (2, _) => &GENERIC_2,
        (3, _) => &GENERIC_3,
        (4, 0) | (5, 0) => &GENERIC_X0,
        (4, 1) | (5, 1) => &GENERIC_X1,
        (4, 2) => &GENERIC_42,
        (4, _) => &GENERIC_4,
        (5, 2) => &GENERIC_52,
        (5, _) => &GENERIC_5,
        _ => &UNKNOWN,
    }
}

static UNKNOWN: Advice = advice!(
    "A code outside what SMTP defines (first digit 2-5, second 0-5); the server is non-standard or the text is not an SMTP reply.",
    ["A broken or non-SMTP server, or a misread log line."],
    [step!(read_text), "Treat it as a failure; retry with back-off only if the text suggests a temporary problem."]
);
static GENERIC_2: Advice = advice!(
    "Success: the server did what was asked.",
    ["A normal positive reply."],
    [step!(nothing)]
);
static GENERIC_3: Advice = advice!(
    "The server accepted the command and waits for more input.",
    ["A step in a longer exchange (DATA, AUTH)."],
    ["Send the next part of the exchange."]
);
static GENERIC_X0: Advice = advice!(
    "The server did not accept the command's syntax.",
    ["A bug, a misconfiguration or an unsupported command in the sending software."],
    [step!(log_session), step!(fix_client)]
);
static GENERIC_X1: Advice = advice!(
    "A reply about a request for information.",
    ["A server-specific status or help reply."],
    [step!(read_text)]
);
static GENERIC_42: Advice = advice!(
    "A temporary problem with the connection; the server may close it.",
    ["Overload, throttling or maintenance on the receiving side."],
    [step!(stated_delay), step!(backoff), step!(slow_down)]
);
static GENERIC_4: Advice = advice!(
    "A temporary failure: the same command may succeed later.",
    [
        "Load, throttling or greylisting on the receiving side.",
        "A temporary policy or resource problem.",
    ],
    [step!(stated_delay), step!(backoff), step!(postmaster)]
);
static GENERIC_52: Advice = advice!(
    "A permanent refusal concerning the connection.",
    ["The server will not talk to this client."],
    [step!(read_text), step!(no_retry_unchanged)]
);
static GENERIC_5: Advice = advice!(
    "A permanent failure: the same command will fail again.",
    ["An address, policy or content problem; the text and the enhanced code tell which."],
    [step!(read_text), step!(no_retry_unchanged)]
);

/// The codes with advice of their own, sorted by code for [`ReplyCode::advice`]'s binary
/// search (a unit test checks the order).
static CODES: &[(u16, Advice)] = &[
    (211, advice!("A system status or help reply.", ["The client asked for status or HELP."], [step!(nothing)])),
    (214, advice!("Help text for a human.", ["The client sent HELP."], [step!(nothing)])),
    (220, advice!(
        "The server is ready: the greeting, or go-ahead for the TLS handshake after STARTTLS.",
        ["A normal connection start."],
        ["Send EHLO (or begin TLS after STARTTLS)."]
    )),
    (221, advice!("The server is closing the connection.", ["The client sent QUIT, or the server ends the session."], [step!(nothing)])),
    (235, advice!("Authentication succeeded.", ["Correct SMTP AUTH credentials."], ["Go on with MAIL FROM."])),
    (250, advice!(
        "The command succeeded; after the message data it means the server took the message.",
        ["A normal positive reply."],
        [step!(nothing), "Keep any queue ID in the text for tracing."]
    )),
    (251, advice!("Accepted: the recipient is not local and the server will forward.", ["The server knows where the user moved."], ["Nothing to do; update the address if the text gives a new one."])),
    (252, advice!("The server cannot verify the user but will accept mail for it.", ["VRFY is disabled, as is usual to stop address harvesting."], ["Send the message; do not treat this as proof the address exists."])),
    (253, advice!("ETRN accepted: the server started sending the queued messages for the node.", ["A successful ETRN."], [step!(nothing)])),
    (334, advice!("AUTH continues: answer the base64 challenge.", ["A step of SMTP authentication."], ["Send the next AUTH response in base64."])),
    (354, advice!("Send the message now and end it with a line holding only a dot.", ["The server accepted DATA."], ["Send the message data."])),
    (355, advice!("Checkpoint/restart: resume the interrupted transfer from the given offset.", ["The experimental RFC 1845 extension."], ["Resend from the octet offset in the text."])),
    (421, advice!(
        "The server is not available now and is closing the connection; the failure is temporary.",
        [
            "Overload or throttling: too many connections or messages from your IP.",
            "Reputation-based deferral (rate limited for suspicious mail).",
            "Maintenance or a shutdown on the receiving side.",
            "Network problems or a connection that lived too long.",
        ],
        [step!(stated_delay), step!(backoff), "Reduce concurrent connections and messages per connection to this domain.", step!(postmaster)]
    )),
    (422, advice!(
        "A password transition is needed before this mechanism can be used.",
        ["The account's credentials must be migrated to the new mechanism."],
        ["Authenticate once with PLAIN over TLS, then use the chosen mechanism."]
    )),
    (430, advice!(
        "A temporary invalid-command reply (only listed by the IANA registry).",
        ["The server rejects the command for now."],
        [step!(log_session), step!(backoff)]
    )),
    (432, advice!(
        "A password transition is needed before this mechanism can be used.",
        ["The account's credentials must be migrated to the new mechanism."],
        ["Authenticate once with PLAIN over TLS, then use the chosen mechanism."]
    )),
    (450, advice!(
        "The mailbox is unavailable for now; the message was not taken.",
        [
            "Greylisting: the first attempt from an unknown sender is deferred.",
            "The recipient gets mail too fast, or the mailbox is busy or locked.",
            "A temporary policy block on your IP or domain.",
        ],
        [step!(stated_delay), "Retry from the same IP after a few minutes; greylisting passes on a later attempt.", step!(backoff), step!(slow_down)]
    )),
    (451, advice!(
        "The server aborted because of a temporary local problem.",
        [
            "Greylisting or a temporary policy deferral (often 4.7.1).",
            "A failed DNS or directory lookup, or an internal error on the receiving side.",
            "Reputation-based or rate-based throttling.",
        ],
        [step!(stated_delay), step!(backoff), step!(postmaster)]
    )),
    (452, advice!(
        "Not enough storage now, or too many recipients in this transaction.",
        [
            "Too many RCPT TO in one transaction.",
            "The recipient's mailbox is full (4.2.2) or the server's storage is (4.3.1).",
            "The declared SIZE does not fit now.",
        ],
        ["For too many recipients: send the rest in another transaction.", step!(backoff)]
    )),
    (453, advice!("ATRN: nothing is queued for you.", ["No mail waiting for this client."], [step!(nothing)])),
    (454, advice!(
        "Authentication or TLS is unavailable for a temporary reason.",
        [
            "After AUTH: too many login attempts, or a backend problem.",
            "After STARTTLS: TLS is not available right now.",
        ],
        [step!(backoff), "After repeated login failures, check the credentials before retrying.", step!(postmaster)]
    )),
    (455, advice!(
        "The server cannot accept the MAIL or RCPT parameters now.",
        ["Temporary limits on the parameters (SIZE, priority and others)."],
        [step!(backoff), "Retry without optional parameters if it persists."]
    )),
    (458, advice!("ETRN: the server cannot queue messages for the node now.", ["A temporary problem on the server."], [step!(backoff)])),
    (459, advice!("ETRN: this node is not allowed.", ["The server does not hold mail for that node for you."], [step!(read_text), "Ask the server's administrator."])),
    (500, advice!(
        "The server did not recognise the command, or the line was too long.",
        ["A typo or unsupported command from the client.", "A line over the limit, or an over-long AUTH response.", "Plain text sent where a command was expected (for example after a failed DATA)."],
        [step!(log_session), step!(fix_client)]
    )),
    (501, advice!(
        "The command's arguments are malformed.",
        ["An invalid address, EHLO name or parameter.", "An AUTH response that is not valid base64, or parameters given to STARTTLS."],
        [step!(log_session), "Check address syntax and the EHLO name (a fully qualified domain or address literal).", step!(fix_client)]
    )),
    (502, advice!(
        "The command is not implemented by this server.",
        ["The client used an extension the server did not announce (VRFY, EXPN, ...)."],
        ["Use only the extensions listed in the EHLO reply.", step!(fix_client)]
    )),
    (503, advice!(
        "Commands came in the wrong order.",
        ["RCPT before MAIL, DATA without an accepted recipient, or MAIL before EHLO.", "AUTH repeated, or used inside a transaction.", "Pipelining where the server does not allow it."],
        ["Check earlier replies: a refused MAIL or RCPT leads to this on the next command.", step!(fix_client)]
    )),
    (504, advice!(
        "A parameter of the command, or the AUTH mechanism, is not supported.",
        ["An authentication mechanism the server does not offer.", "An unsupported command parameter."],
        ["Use a mechanism from the AUTH line of the EHLO reply.", step!(fix_client)]
    )),
    (521, advice!(
        "This host accepts no mail at all.",
        ["The host is not a mail server for anyone, or the domain accepts no mail."],
        [step!(drop_address), "Check that the domain's MX records point where you expect."]
    )),
    (523, advice!(
        "Encryption is needed first, or the client broke the STARTTLS rules.",
        ["Authentication or commands sent before TLS.", "Commands pipelined right after STARTTLS."],
        [step!(use_tls), "Wait for the STARTTLS reply and finish the handshake before sending more."]
    )),
    (524, advice!(
        "This authentication mechanism needs an encrypted connection.",
        ["AUTH attempted without TLS."],
        [step!(use_tls), "Authenticate only after STARTTLS."]
    )),
    (525, advice!(
        "The user account is disabled.",
        ["The account was disabled by its administrator or provider."],
        ["Ask the account's administrator to enable it; do not retry until then."]
    )),
    (530, advice!(
        "Authentication or STARTTLS is required before this command.",
        ["Sending through a submission server without logging in.", "The server requires TLS first."],
        [step!(use_tls), "Configure SMTP AUTH for this server.", step!(credentials)]
    )),
    (533, advice!(
        "Delivery is not authorised (only listed by the IANA registry).",
        ["A policy refuses this sender or message."],
        [step!(read_text), step!(no_retry_unchanged)]
    )),
    (534, advice!(
        "The authentication mechanism is too weak for this account.",
        ["A plain mechanism where the provider wants OAuth or an app password."],
        ["Use a stronger mechanism, or the app password or OAuth token the provider asks for."]
    )),
    (535, advice!(
        "The authentication credentials were refused.",
        ["A wrong user name or password.", "A password change, or a provider that requires app passwords or OAuth."],
        [step!(credentials), "Check whether the provider requires an app password or OAuth; stop retrying to avoid a lockout."]
    )),
    (538, advice!(
        "This authentication mechanism needs an encrypted connection.",
        ["AUTH attempted without TLS."],
        [step!(use_tls), "Authenticate only after STARTTLS."]
    )),
    (550, advice!(
        "The mailbox is unavailable or policy refused the message; this is permanent.",
        [
            "The recipient address does not exist (5.1.1).",
            "The sending IP, domain or message was refused by policy or as spam (5.7.x).",
            "SPF, DKIM or DMARC failed.",
            "The recipient's account is disabled.",
        ],
        [step!(read_text), "For an unknown user: remove the address.", "For a policy block: fix authentication or reputation, then resend.", step!(no_retry_unchanged)]
    )),
    (551, advice!(
        "The user is not local here; the text may give the address to use.",
        ["The recipient moved."],
        ["Resend to the forward-path in the text, or ask the recipient for the new address."]
    )),
    (552, advice!(
        "Storage exceeded: the mailbox is full or the message is too large.",
        ["The recipient is over quota (5.2.2).", "The message exceeds a size limit (5.2.3, 5.3.4).", "Some old servers use 552 for too many recipients."],
        ["For a large message: make it smaller or send a link.", "For a full mailbox: retry over a few days, then suppress.", "For too many recipients: send the rest in another transaction."]
    )),
    (553, advice!(
        "The mailbox name is not allowed.",
        ["A malformed address.", "A sender address or domain the server refuses.", "A non-ASCII address without SMTPUTF8."],
        [step!(check_address), "Use a sender address on a domain you control with valid DNS."]
    )),
    (554, advice!(
        "The transaction failed, or (as a greeting) the server will not talk to you.",
        ["A blocklisted IP or a policy block at connection time.", "Message content refused (spam, virus, policy).", "A mail loop."],
        [step!(read_text), step!(blocklists), step!(no_retry_unchanged)]
    )),
    (555, advice!(
        "A MAIL FROM or RCPT TO parameter is not recognised.",
        ["The client used an extension parameter the server did not announce.", "Address syntax the server does not accept (for example spaces)."],
        ["Use only parameters for extensions listed in the EHLO reply.", step!(fix_client)]
    )),
    (556, advice!(
        "The recipient's domain accepts no mail.",
        ["The domain publishes a null MX, as a relay reported."],
        [step!(drop_address), "Check the domain name."]
    )),
];

/// Where the advice for an enhanced code comes from ([`EnhancedStatus::advice_or_fallback`]):
/// the registry defines far more codes than have a cause of their own to explain.
///
/// ```
/// use smtp_reply::{AdviceScope, EnhancedStatus};
/// let (_, scope) = EnhancedStatus::new(4, 7, 0).unwrap().advice_or_fallback();
/// assert_eq!((scope, scope.as_str()), (AdviceScope::Class, "class"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AdviceScope {
    /// Written for this code ([`EnhancedStatus::advice`]).
    Code,
    /// The advice for the bounce reason that the code usually means
    /// ([`EnhancedStatus::typical_reason`]).
    Reason,
    /// The advice for any code of its class: a success, a temporary or a permanent failure.
    Class,
}

impl AdviceScope {
    /// The scope's name: `code`, `reason` or `class`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::AdviceScope::Reason.as_str(), "reason");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            AdviceScope::Code => "code",
            AdviceScope::Reason => "reason",
            AdviceScope::Class => "class",
        }
    }
}

impl EnhancedStatus {
    /// Advice for this code whatever it is, and where it comes from: its own
    /// ([`advice`](Self::advice)), else that of the bounce reason it usually means, else that
    /// of its class. A success gets the advice of any success, not `delivered`'s "the message
    /// was accepted" (2.1.5 says a recipient is fine). For explaining a code alone
    /// (`explain('4.7.0')`); a reply's [`Classification::advice`](crate::Classification::advice)
    /// weighs its text too.
    ///
    /// ```
    /// use smtp_reply::{AdviceScope, EnhancedStatus, Reason};
    /// let code = |c, s, d| EnhancedStatus::new(c, s, d).unwrap();
    /// assert_eq!(code(5, 7, 23).advice_or_fallback().1, AdviceScope::Code);
    /// let (advice, scope) = code(5, 7, 0).advice_or_fallback();
    /// assert_eq!((advice, scope), (Reason::SecurityError.advice(), AdviceScope::Reason));
    /// let (advice, scope) = code(4, 7, 0).advice_or_fallback();
    /// assert!(scope == AdviceScope::Class && advice.summary().contains("temporary"));
    /// assert!(code(2, 1, 5).advice_or_fallback().0.summary().starts_with("Success"));
    /// ```
    pub fn advice_or_fallback(self) -> (&'static Advice, AdviceScope) {
        let class = match self.class_digit() {
            2 => return (&GENERIC_2, AdviceScope::Class),
            4 => &GENERIC_4,
            _ => &GENERIC_5,
        };
        match (self.advice(), self.typical_reason()) {
            (Some(own), _) => (own, AdviceScope::Code),
            (None, Some(reason)) => (reason.advice(), AdviceScope::Reason),
            (None, None) => (class, AdviceScope::Class),
        }
    }

    /// Advice specific to this enhanced code, where it says more than the basic code: the
    /// registry codes with a clear cause, Gmail's own meanings of X.7.23 and X.7.26–X.7.30
    /// (given next to the registry's) and its unregistered X.7.32/X.7.40, and Microsoft's own
    /// codes (throttling, bans, tenant refusals, expiry; Exchange Online's NDR list; its 5.4.1
    /// next to the registry's). `None` for the rest:
    /// [`advice_or_fallback`](Self::advice_or_fallback) falls back on the code's usual reason or
    /// its class, a reply's classification on its reason or [`ReplyCode::advice`].
    ///
    /// ```
    /// use smtp_reply::EnhancedStatus;
    /// let spf = EnhancedStatus::new(5, 7, 23).unwrap().advice().unwrap();
    /// assert!(spf.summary().contains("SPF"));
    /// assert!(EnhancedStatus::new(5, 0, 0).unwrap().advice().is_none());
    /// ```
    pub fn advice(self) -> Option<&'static Advice> {
        let reason = |r: Reason| Some(r.advice());
        match (self.class_digit(), self.subject(), self.detail()) {
            (2, _, _) => None,
            (_, 1, 1) => reason(Reason::UserUnknown),
            (_, 1, 2) => reason(Reason::HostUnknown),
            (_, 1, 3) => Some(&BAD_RECIPIENT_SYNTAX),
            (_, 1, 6) => reason(Reason::HasMoved),
            (_, 1, 7) | (_, 1, 8) => Some(&BAD_SENDER),
            (_, 1, 10) => Some(&NULL_MX_OR_MS_NOT_FOUND),
            (_, 3, 2) => reason(Reason::NotAccept),
            (_, 2, 1) => Some(&MAILBOX_DISABLED_OR_RATE),
            (_, 2, 2) => reason(Reason::MailboxFull),
            (_, 2, 3) | (_, 3, 4) | (_, 7, 16) => reason(Reason::EmailTooLarge),
            (_, 2, 121) | (_, 2, 122) => Some(&HOURLY_LIMIT),
            (_, 3, 1) => reason(Reason::SystemFull),
            (5, 4, 1) => Some(&MS_RELAY_OR_DBEB),
            (_, 4, 1) | (_, 4, 2) => reason(Reason::NetworkError),
            (_, 4, 4) => Some(&UNABLE_TO_ROUTE),
            (_, 4, 6) => Some(&MAIL_LOOP),
            (_, 4, 7) => reason(Reason::Expired),
            (_, 5, 1) | (_, 5, 2) | (_, 5, 4) | (_, 5, 6) => reason(Reason::SyntaxError),
            (_, 5, 3) => Some(&TOO_MANY_RECIPIENTS),
            (_, 6, 0..=5) => reason(Reason::ContentError),
            (_, 6, 7..=9) => Some(&NEEDS_SMTPUTF8),
            (_, 7, 1) => Some(&NOT_AUTHORIZED),
            (_, 7, 8) => Some(&BAD_CREDENTIALS),
            (_, 7, 9) => Some(&WEAK_MECHANISM),
            (_, 7, 10) | (_, 7, 11) => Some(&NEEDS_TLS),
            (_, 7, 13) => Some(&ACCOUNT_DISABLED),
            (_, 7, 20..=22) => Some(&DKIM_FAILED),
            (_, 7, 23) => Some(&SPF_OR_GMAIL_PTR),
            (_, 7, 24) => Some(&SPF_ERROR),
            (_, 7, 25) => reason(Reason::RequirePtr),
            (_, 7, 26) => Some(&UNAUTHENTICATED),
            (_, 7, 27) => Some(&NULL_MX_OR_GMAIL_SPF),
            (_, 7, 28) => Some(&FLOOD),
            (_, 7, 29) => Some(&ARC_OR_GMAIL_TLS),
            (_, 7, 30) => Some(&REQUIRETLS_OR_GMAIL_DKIM),
            (_, 7, 32) | (_, 7, 40) => Some(&GMAIL_DMARC),
            (_, 7, 14) => Some(&TRUST_OR_GMAIL_SIGN_IN),
            (5, 7, 57) => Some(&MS_SUBMISSION_AUTH),
            (5, 7, 509) | (5, 7, 515) => reason(Reason::AuthFailure),
            (_, 7, 650) | (_, 7, 651) => reason(Reason::BadReputation),
            (_, 7, 652) => reason(Reason::RateLimited),
            (4, 7, 500..=699) | (4, 7, 850..=899) => Some(&MS_SUSPICIOUS),
            (5, 7, 606..=649) => Some(&MS_BANNED_IP),
            (class, subject, detail) => microsoft(class, subject, detail),
        }
    }

    /// [`advice`](Self::advice) as `provider` means the code, where Gmail gives it a meaning
    /// of its own and the registry's would mislead: X.7.27 (SPF), X.7.30 (DKIM) and X.7.14
    /// (sign in on the web); `None` for X.7.23 and X.7.29 (no PTR record, no TLS), whose
    /// reasons' advice says it. Any other code or provider: `advice`, which names both
    /// meanings where they differ.
    pub(crate) fn advice_at(self, provider: Option<Provider>) -> Option<&'static Advice> {
        match (provider, self.subject(), self.detail()) {
            (Some(Provider::Google), 7, 27) => Some(&SPF_FAILED),
            (Some(Provider::Google), 7, 30) => Some(&DKIM_FAILED),
            (Some(Provider::Google), 7, 14) => Some(&GMAIL_SIGN_IN),
            (Some(Provider::Google), 7, 23 | 29) => None,
            _ => self.advice(),
        }
    }
}

/// Whose advice one of Microsoft 365's own codes gets ([`MICROSOFT`]).
#[derive(Clone, Copy)]
enum MsAdvice {
    Reason(Reason),
    BannedSender,
    Tenant,
    Loop,
}

/// Microsoft 365's own enhanced codes (Exchange Online's NDR list; none is registered): the
/// class (0 for 4 and 5), the subject, the first and last detail, and whose advice. A table
/// searched in order rather than match arms: about 120 B less gzip of the wasm.
const MICROSOFT: [(u8, u16, u16, u16, MsAdvice); 24] = [
    (5, 7, 501, 503, MsAdvice::BannedSender),
    (5, 7, 511, 511, MsAdvice::BannedSender),
    (5, 7, 800, 800, MsAdvice::BannedSender),
    (5, 7, 504, 505, MsAdvice::Reason(Reason::Suspend)),
    (5, 7, 506, 507, MsAdvice::Reason(Reason::Blocked)),
    (5, 7, 513, 513, MsAdvice::Reason(Reason::Blocked)),
    (5, 7, 508, 508, MsAdvice::Reason(Reason::RateLimited)),
    (5, 1, 90, 90, MsAdvice::Reason(Reason::RateLimited)),
    (5, 7, 512, 512, MsAdvice::Reason(Reason::NotCompliantRfc)),
    (5, 7, 124, 124, MsAdvice::Reason(Reason::Rejected)),
    (5, 7, 133, 136, MsAdvice::Reason(Reason::Rejected)),
    (5, 7, 703, 703, MsAdvice::Tenant),
    (5, 7, 705, 705, MsAdvice::Tenant),
    (5, 7, 708, 708, MsAdvice::Tenant),
    (5, 7, 750, 750, MsAdvice::Tenant),
    (0, 7, 321, 325, MsAdvice::Reason(Reason::FailedStartTls)),
    // The DNS or the connection failed until the message expired (as classification has them).
    (0, 4, 312, 312, MsAdvice::Reason(Reason::NetworkError)),
    (0, 4, 316, 316, MsAdvice::Reason(Reason::NetworkError)),
    (0, 4, 318, 318, MsAdvice::Reason(Reason::NetworkError)),
    (5, 4, 310, 310, MsAdvice::Reason(Reason::HostUnknown)),
    (5, 4, 300, 300, MsAdvice::Reason(Reason::Expired)),
    (0, 4, 8, 8, MsAdvice::Reason(Reason::FailedStartTls)),
    (5, 4, 14, 14, MsAdvice::Loop),
    (5, 6, 11, 11, MsAdvice::Reason(Reason::ContentError)),
];

// `microsoft` skips the search for details below 8.
const _: () = {
    let mut i = 0;
    while i < MICROSOFT.len() {
        assert!(MICROSOFT[i].2 >= 8, "a Microsoft detail below 8");
        i += 1;
    }
};

/// The advice for one of Microsoft 365's own codes ([`MICROSOFT`]), `None` for any other.
fn microsoft(class: u8, subject: u16, detail: u16) -> Option<&'static Advice> {
    // Every detail of the table is 8 or more: the registry's codes that reach here (X.7.0,
    // X.0.0) need no search.
    if detail < 8 {
        return None;
    }
    let (.., whose) = MICROSOFT.iter().find(|&&(c, s, first, last, _)| {
        (c == 0 || c == class) && s == subject && (first..=last).contains(&detail)
    })?;
    Some(match *whose {
        MsAdvice::Reason(r) => r.advice(),
        MsAdvice::BannedSender => &MS_BANNED_SENDER,
        MsAdvice::Tenant => &MS_TENANT,
        MsAdvice::Loop => &MAIL_LOOP,
    })
}

static BAD_RECIPIENT_SYNTAX: Advice = advice!(
    "The recipient address is not a valid address.",
    [
        "A typo, spaces or stray punctuation in the address.",
        "A list or form that stored a broken address."
    ],
    [step!(check_address), step!(drop_address)]
);
static BAD_SENDER: Advice = advice!(
    "The sender (envelope) address or its domain is not acceptable.",
    [
        "A malformed MAIL FROM address.",
        "A sender domain without MX or address records, so bounces cannot return."
    ],
    [
        "Send from an address on a domain with valid MX records that accepts bounces.",
        "Check the MAIL FROM your software actually sends."
    ]
);
static MAILBOX_DISABLED_OR_RATE: Advice = advice!(
    "The mailbox is disabled, or (at Gmail) it receives mail too fast.",
    [
        "The account is inactive or disabled.",
        "Gmail: the recipient gets more mail than it accepts per period."
    ],
    [
        "If the text says too fast: retry later and spread mail to this recipient over time.",
        "If disabled: stop sending and suppress the address after repeated failures."
    ]
);
static HOURLY_LIMIT: Advice =
    advice!(
    "Microsoft: an hourly limit for this recipient (or this sender to this recipient) was reached.",
    ["Many messages to one recipient within an hour."],
    ["Retry in an hour or more despite the 5xx code.", step!(slow_down)]
);
static UNABLE_TO_ROUTE: Advice = advice!(
    "No route to the destination: DNS gives no usable mail server.",
    [
        "The domain has no MX or address records, or they point nowhere.",
        "A DNS failure at the destination."
    ],
    [
        "Look up the domain's MX records.",
        "Check the address for a typo in the domain.",
        step!(backoff)
    ]
);
static MAIL_LOOP: Advice = advice!(
    "The message looped between servers (too many hops).",
    [
        "Forwarding rules that send mail back and forth.",
        "MX or relay settings that point at each other."
    ],
    [
        "Check forwarding and relay settings on both sides; tell the recipient's administrator.",
        step!(no_retry_unchanged)
    ]
);
static TOO_MANY_RECIPIENTS: Advice = advice!(
    "Too many recipients for one message or session.",
    ["More RCPT TO than the server allows per transaction or per period."],
    [
        "Send the remaining recipients in another transaction (or later).",
        "Lower the recipients-per-message limit of your sending software."
    ]
);
static NEEDS_SMTPUTF8: Advice = advice!(
    "An internationalised (non-ASCII) address or header cannot be handled here.",
    ["A non-ASCII address sent to a server without SMTPUTF8, or without asking for it."],
    ["Use an ASCII address for this recipient, or send with the SMTPUTF8 parameter only where it is announced."]
);
static NOT_AUTHORIZED: Advice = advice!(
    "Policy refused delivery: the sender is not allowed to send this here. As 4.7.1 it often means greylisting or a temporary block.",
    [
        "The sending IP or domain is on a blocklist or has poor reputation.",
        "Relaying is not allowed, or the recipient only takes mail from certain senders.",
        "Spam or policy filtering of this message.",
        "Greylisting (4.7.1 with \"try again later\").",
    ],
    [step!(read_text), "For a 4.7.1 deferral: retry after the stated delay or a few minutes.", step!(blocklists), step!(authenticate)]
);
static BAD_CREDENTIALS: Advice = advice!(
    "SMTP authentication failed: the credentials were refused.",
    [
        "A wrong user name or password.",
        "The provider requires an app password or OAuth."
    ],
    [
        step!(credentials),
        "Stop retrying to avoid locking the account."
    ]
);
static WEAK_MECHANISM: Advice = advice!(
    "The authentication mechanism is too weak, or the provider wants another way to log in.",
    ["Password login where the provider requires an app password, OAuth or a browser sign-in."],
    ["Use the app password, OAuth or mechanism the provider names."]
);
static NEEDS_TLS: Advice = advice!(
    "Encryption is required before authenticating, or STARTTLS was misused.",
    [
        "AUTH without TLS.",
        "Commands pipelined after STARTTLS, or parameters given to it."
    ],
    [
        step!(use_tls),
        "Finish the TLS handshake before sending AUTH or anything else."
    ]
);
static ACCOUNT_DISABLED: Advice = advice!(
    "The account used to authenticate is disabled.",
    ["The provider or administrator disabled the sending account."],
    ["Ask the administrator to enable the account; do not retry until then."]
);
static DKIM_FAILED: Advice = advice!(
    "No acceptable DKIM signature: missing, broken, or not matching the From: domain.",
    [
        "The message is not signed.",
        "The signature broke on the way (a footer or rewrite).",
        "The signing domain differs from the From: domain."
    ],
    [
        "Sign with DKIM for the From: domain and publish the key in DNS.",
        "Check nothing changes the message after signing."
    ]
);
static SPF_OR_GMAIL_PTR: Advice = advice!(
    "SPF failed: the sending IP is not allowed by the envelope domain's SPF record. Gmail: the sending IP has no PTR record, or its name does not resolve back to it.",
    [
        "The IP or sending service is missing from the SPF record.",
        "Mail forwarded through another server.",
        "Gmail: no reverse DNS for the sending IP, or a PTR name without a matching A or AAAA record."
    ],
    [
        "Add every sending IP or service to the SPF record (watch the 10-lookup limit).",
        "Use a MAIL FROM domain whose SPF covers the relay you send through.",
        "Gmail: give the sending IP a PTR record whose name resolves back to that IP."
    ]
);
static SPF_FAILED: Advice = advice!(
    "SPF failed: the sending IP is not allowed by the envelope domain's SPF record.",
    [
        "The IP or sending service is missing from the SPF record.",
        "Mail forwarded through another server."
    ],
    [
        "Add every sending IP or service to the SPF record (watch the 10-lookup limit).",
        "Use a MAIL FROM domain whose SPF covers the relay you send through."
    ]
);
static SPF_ERROR: Advice = advice!(
    "The SPF record could not be evaluated (a DNS error or an invalid record).",
    [
        "Syntax errors, suspicious entries or more than 10 DNS lookups in the record.",
        "DNS timeouts for the domain."
    ],
    [
        "Validate the SPF record and reduce its DNS lookups.",
        "Check that the domain's DNS answers reliably.",
        step!(backoff)
    ]
);
static UNAUTHENTICATED: Advice = advice!(
    "Several authentication checks failed; at Gmail and Microsoft, the message passed neither SPF nor DKIM, or failed DMARC.",
    ["No SPF record covering the sending IP and no valid DKIM signature.", "A DMARC reject policy on the From: domain.", "Mail over IPv6 without SPF or DKIM."],
    [step!(authenticate), "Check the Authentication-Results of a test message."]
);
static NULL_MX_OR_GMAIL_SPF: Advice = advice!(
    "Registry: the sender's domain has a null MX. Gmail: SPF did not pass for a bulk sender.",
    [
        "The MAIL FROM domain publishes a null MX and cannot receive bounces.",
        "Gmail: the sending IP is not in the SPF record."
    ],
    [
        "Use a sender domain that can receive mail.",
        "Gmail: publish SPF covering every sending IP."
    ]
);
static FLOOD: Advice = advice!(
    "The receiver sees a flood or an unusual rate of (unsolicited) mail from you.",
    [
        "A sudden volume spike from an IP, domain or netblock.",
        "Complaints about the mail."
    ],
    [
        step!(slow_down),
        "Send only to recipients who asked for the mail.",
        step!(backoff)
    ]
);
static ARC_OR_GMAIL_TLS: Advice = advice!(
    "Registry: ARC validation failed. Gmail: the message was not sent over TLS.",
    [
        "A broken ARC chain from an intermediary.",
        "Gmail: the connection did not use STARTTLS."
    ],
    [
        "Gmail: enable STARTTLS on the sending server.",
        "ARC: check the intermediaries that add ARC headers."
    ]
);
static REQUIRETLS_OR_GMAIL_DKIM: Advice = advice!(
    "Registry: the next hop cannot honour REQUIRETLS. Gmail: DKIM did not pass.",
    [
        "A message sent with REQUIRETLS to a path without it.",
        "Gmail: missing or broken DKIM signature."
    ],
    [
        "Gmail: sign with DKIM for your domain.",
        "REQUIRETLS: send without it or through TLS-capable hops."
    ]
);
static NULL_MX_OR_MS_NOT_FOUND: Advice = advice!(
    "Registry: the recipient's domain publishes a null MX. Microsoft: the recipient address was not found.",
    ["A domain that takes no mail.", "Microsoft 365: no such recipient in the tenant (a typo or a removed address)."],
    [step!(check_address), step!(drop_address)]
);
static GMAIL_DMARC: Advice = advice!(
    "Gmail (unregistered code): DMARC is missing or the From: domain is not aligned with SPF or DKIM.",
    ["The From: domain has no DMARC record or policy.", "SPF and DKIM pass only for other domains than the From: domain."],
    ["Publish a DMARC record (p=none at least) for the From: domain.", "Sign DKIM with the From: domain, or use a MAIL FROM in the same organisational domain."]
);
static TRUST_OR_GMAIL_SIGN_IN: Advice = advice!(
    "Registry: a trust relationship is needed (BURL). Gmail: sign in through a web browser first.",
    [
        "Gmail blocked an SMTP login it considers risky.",
        "A BURL submission without the needed trust to fetch the content."
    ],
    [
        "Gmail: sign in on the web, then use an app password or OAuth for SMTP.",
        "BURL: configure the trust between the submission and IMAP servers."
    ]
);
static GMAIL_SIGN_IN: Advice = advice!(
    "Gmail refused the SMTP login: sign in through a web browser first.",
    ["Gmail blocked an SMTP login it considers risky."],
    ["Sign in on the web, then use an app password or OAuth for SMTP."]
);
static MS_RELAY_OR_DBEB: Advice = advice!(
    "Registry: the destination host did not answer. Microsoft 365: relaying was denied, or the recipient does not exist (Directory-Based Edge Blocking).",
    [
        "The destination host was down or unreachable.",
        "Microsoft 365: no such recipient in the destination tenant.",
        "Microsoft 365: the domain's MX points to Microsoft but the tenant does not accept it."
    ],
    [step!(check_address), "Check the recipient domain's MX records and accepted domains.", step!(no_retry_unchanged)]
);
static MS_SUBMISSION_AUTH: Advice = advice!(
    "Microsoft 365: the client must authenticate to send through smtp.office365.com.",
    ["An application or device sends without SMTP AUTH, or SMTP AUTH is disabled for the mailbox."],
    ["Enable authenticated SMTP for the mailbox and log in on port 587 with STARTTLS.", step!(credentials)]
);
static MS_SUSPICIOUS: Advice = advice!(
    "Microsoft: sending is temporarily restricted while suspicious activity is evaluated.",
    ["Unusual volume or patterns from your IP or tenant."],
    [step!(backoff), step!(slow_down)]
);
static MS_BANNED_SENDER: Advice = advice!(
    "Microsoft: the sender is banned for sending spam.",
    ["A compromised account or application sent spam.", "Spam complaints about the sender."],
    [
        "Secure the account (new password, no unknown forwarding rules or app consents), then ask delist@microsoft.com to lift the ban.",
        step!(no_retry_unchanged)
    ]
);
static MS_TENANT: Advice = advice!(
    "Microsoft 365 will not send this for your tenant.",
    [
        "Suspicious traffic from the tenant or its IP (5.7.705, 5.7.708).",
        "A From: domain the tenant has not verified (5.7.750).",
        "The tenant's own allow/block list blocks the recipient (5.7.703).",
    ],
    [
        "Add and verify the sending domain in the tenant, and check its Tenant Allow/Block List.",
        "For a ban, secure the tenant's accounts and open a case with Microsoft support.",
    ]
);
static MS_BANNED_IP: Advice = advice!(
    "Microsoft: the sending IP is banned.",
    ["Spam from the IP or its network."],
    [
        "Fix the cause, then request delisting at https://sender.office.com.",
        step!(no_retry_unchanged)
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_table_is_sorted_and_covers_every_defined_code() {
        for w in CODES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        for code in crate::basic_codes() {
            assert!(CODES.iter().any(|(c, _)| *c == code.as_u16()), "{code}");
        }
    }

    #[test]
    fn reason_tables_follow_reason_all() {
        assert_eq!(Reason::ALL.len(), REASONS.len());
        assert_eq!(Reason::ALL.len(), DESCRIPTIONS.len());
        for (i, r) in Reason::ALL.iter().enumerate() {
            assert_eq!(reason_index(*r), i, "{r}");
        }
    }

    #[test]
    fn a_record_gives_its_three_parts() {
        let a = advice!("Summary.", ["One.", "Two."], []);
        assert_eq!(a.summary(), "Summary.");
        assert!(a.causes().iter().eq(["One.", "Two."]));
        assert!(a.fixes().is_empty());
        let b = advice!("S", [], ["Fix."]);
        assert_eq!((b.causes().len(), b.fixes().first()), (0, Some("Fix.")));
    }

    /// The summary's end kept natively is where the record's first separator is.
    #[test]
    fn every_summary_is_the_records_first_part() {
        let generic = [
            &UNKNOWN,
            &GENERIC_2,
            &GENERIC_3,
            &GENERIC_X0,
            &GENERIC_X1,
            &GENERIC_42,
            &GENERIC_4,
            &GENERIC_52,
            &GENERIC_5,
        ];
        let all = REASONS
            .iter()
            .chain(CODES.iter().map(|(_, a)| a))
            .chain(generic);
        for a in all {
            assert_eq!(a.summary(), field(a.record, 0));
            assert!(!a.summary().is_empty() && !a.summary().contains('\u{1f}'));
        }
    }

    /// The checks that run when the tables are built (at compile time) refuse what the
    /// accessors would misread.
    #[test]
    fn malformed_records_are_refused() {
        let refused =
            |record: &'static str| std::panic::catch_unwind(|| Advice::joined(record)).is_err();
        assert!(!refused("s\u{1f}a\n\u{1f}b\n"));
        assert!(refused("s\u{1f}a\n"), "a part missing");
        assert!(refused("\u{1f}a\n\u{1f}"), "no summary");
        assert!(refused("s\nt\u{1f}\u{1f}"), "a summary of two lines");
        assert!(refused("s\u{1f}a\n\n\u{1f}"), "an empty text");
        assert!(refused("s\u{1f}a\u{1f}"), "a text without its line feed");
        assert!(
            refused("s\u{1f}\u{1f}b"),
            "the last text without its line feed"
        );
    }

    #[test]
    fn generic_advice_depends_on_the_class() {
        let code = |n| ReplyCode::from_u16(n).unwrap().advice();
        assert_eq!(code(299), &GENERIC_2);
        assert_eq!(code(399), &GENERIC_3);
        assert_eq!(code(409), &GENERIC_X0);
        assert_eq!(code(429), &GENERIC_42);
        assert_eq!(code(471), &GENERIC_4);
        assert_eq!(code(529), &GENERIC_52);
        assert_eq!(code(599), &GENERIC_5);
        assert_eq!(code(199), &UNKNOWN);
        assert_eq!(code(699), &UNKNOWN);
    }

    #[test]
    fn gmail_meanings_are_named_next_to_the_registry() {
        for (d, word) in [(27, "SPF"), (29, "TLS"), (30, "DKIM")] {
            let a = EnhancedStatus::new(4, 7, d).unwrap().advice().unwrap();
            assert!(
                a.summary().contains("Gmail") && a.summary().contains(word),
                "X.7.{d}"
            );
        }
    }
}
