//! Real reply texts, as servers sent or published them, for the demo page's "response
//! examples": up to two per basic code and per enhanced code, from Google, Microsoft,
//! Yahoo, Apple, Comcast, Proofpoint, Mimecast, Barracuda and other receivers.
//!
//! Source: `shared/reference/vendor-replies.md` (the providers' published texts and observed
//! bounces; redactions such as `x.xx.xx.xx` are the publishers'). Each text is written
//! once, in `x!`, and joined into the table of each lookup it serves. A DSN's `smtp;`
//! prefix is dropped; texts from the providers' help pages (not captured on the wire) are
//! given as code, enhanced code and text, without the pointers to further reading whose URL
//! Google's page shows as a link's title ("For more information, go to About SMTP error
//! messages.", "To set up SPF for your sending domains, visit Set up SPF.", "Please direct
//! the recipient to Manage files in your Google Drive storage."): no server sends those
//! words, and their 75 copies took 581 B of the wasm's gzip.

use crate::texts::{text_list, TextList};
use crate::{EnhancedStatus, ReplyCode};

impl ReplyCode {
    /// Up to two real replies with this code (empty when none is recorded).
    ///
    /// ```
    /// use smtp_reply::ReplyCode;
    /// let examples = ReplyCode::MAILBOX_UNAVAILABLE.examples();
    /// assert!(!examples.is_empty() && examples.len() <= 2);
    /// assert!(examples.iter().all(|e| e.starts_with("550")));
    /// ```
    pub fn examples(self) -> TextList {
        run(BY_CODE, code_key, self.as_u16() as u32)
    }
}

impl EnhancedStatus {
    /// Up to two real replies carrying this enhanced code (empty when none is recorded).
    ///
    /// ```
    /// use smtp_reply::EnhancedStatus;
    /// let examples = EnhancedStatus::new(4, 7, 28).unwrap().examples();
    /// assert!(examples.iter().all(|e| e.contains("4.7.28")));
    /// assert!(!examples.is_empty());
    /// ```
    pub fn examples(self) -> TextList {
        run(BY_ENHANCED, enhanced_key, enhanced_number(self))
    }
}

/// The texts of `list` (sorted by `key`) whose key is `want`: one run of its lines. A
/// function pointer, not a generic closure: one copy of the walk in the wasm, not two.
fn run(list: TextList, key: fn(&str) -> u32, want: u32) -> TextList {
    let (mut at, mut start, mut end) = (0, None, 0);
    for text in list {
        let next = at + text.len() + 1;
        match key(text).cmp(&want) {
            core::cmp::Ordering::Less => {}
            core::cmp::Ordering::Equal => {
                start.get_or_insert(at);
                end = next;
            }
            core::cmp::Ordering::Greater => break,
        }
        at = next;
    }
    start.map_or_else(TextList::default, |start| list.slice(start..end))
}

/// The basic code a text starts with, or 0.
fn code_key(text: &str) -> u32 {
    code_of(text).map_or(0, u32::from)
}

/// The enhanced code after a text's basic code and a space as one number in the order of
/// [`EnhancedStatus`]'s, or 0.
fn enhanced_key(text: &str) -> u32 {
    enhanced_of(text).map_or(0, enhanced_number)
}

fn enhanced_number(e: EnhancedStatus) -> u32 {
    (e.class_digit() as u32) << 24 | (e.subject() as u32) << 12 | e.detail() as u32
}

/// The basic code a text starts with.
fn code_of(text: &str) -> Option<u16> {
    ReplyCode::from_bytes(text.as_bytes().get(..3)?).map(ReplyCode::as_u16)
}

/// The enhanced code after a text's basic code and a space.
fn enhanced_of(text: &str) -> Option<EnhancedStatus> {
    EnhancedStatus::parse(text.as_bytes().get(4..)?).map(|(e, _)| e)
}

/// Every recorded example reply, each once, for index pages and tests.
///
/// ```
/// assert!(smtp_reply::example_replies().count() > 50);
/// ```
pub fn example_replies() -> impl Iterator<Item = &'static str> {
    let in_both = |t: &&str| BY_CODE.contains(t);
    BY_CODE
        .iter()
        .chain(BY_ENHANCED.iter().filter(move |t| !in_both(t)))
}

/// The recorded texts, by number: each is written once and may stand in both tables.
macro_rules! x {
    (0) => {
        "220 mx.google.com ESMTP d72si22370812qhc.8 - gsmtp"
    };
    (1) => {
        "250 2.0.0 OK 1441269756 li14si9718740wic.1 - gsmtp"
    };
    (3) => {
        "421 4.7.32 This mail has been rate limited because there is no DMARC alignment"
    };
    (4) => {
        "421 4.3.2 Service not available [outlook.com]"
    };
    (7) => {
        "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded"
    };
    (9) => {
        "450 4.7.3 Organization queue quota exceeded. [outlook.com]"
    };
    (11) => {
        "451 4.3.0 Mail server temporarily rejected message. - gsmtp"
    };
    (12) => {
        "451 4.7.700 PFA agent busy, please try again."
    };
    (14) => {
        "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp"
    };
    (15) => {
        "452 4.3.1 Insufficient system resources (TSTE) [outlook.com]"
    };
    (17) => {
        "454 4.7.0 Too many login attempts, please try again later."
    };
    (19) => {
        "501 5.5.2 Syntax error, cannot decode response."
    };
    (20) => {
        "501 5.1.3 Invalid address [outlook.com]"
    };
    (22) => {
        "502 5.5.1 Unrecognized command."
    };
    (26) => {
        "503 5.7.0 No identity changes permitted."
    };
    (28) => {
        "523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS."
    };
    (29) => {
        "530 5.7.0 Authentication required."
    };
    (31) => {
        "534 5.7.14 Please log in through your web browser and then try again."
    };
    (32) => {
        "540 5.7.1 <example@rambler.ru>: recipient address rejected: Blocked"
    };
    (34) => {
        "541 5.4.1 Mail rejected by destination domain"
    };
    (35) => {
        "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser - gsmtp"
    };
    (38) => {
        "551 5.7.1 Domain not found (#id-5.9.2)"
    };
    (41) => {
        "552 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm - gsmtp"
    };
    (44) => {
        "553 5.1.2 The recipient address <example@example.com> is not a valid RFC-5321 address. - gsmtp"
    };
    (47) => {
        "554 5.4.6 Message exceeded 50 hops, this may indicate an email loop."
    };
    (48) => {
        "554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour. For more information go to http://go.microsoft.com/fwlink/?LinkId=526653. (#) [outlook.com]"
    };
    (50) => {
        "555 5.5.2 Syntax error."
    };
    (52) => {
        "452 4.1.1 <example@comcast.net> user over quota"
    };
    (56) => {
        "450 4.1.8 Sender address rejected: Domain not found"
    };
    (60) => {
        "450 4.2.1 Please try again later. (#id-5.9.4)"
    };
    (73) => {
        "452 4.5.3 Your message has too many recipients."
    };
    (77) => {
        "451 4.7.0 Temporary server error. Please try again later. PRX6 NextHop: outlook.com [outlook.com]"
    };
    (79) => {
        "421 4.7.1 [TS03] All messages from x.x.x.x permanently deferred"
    };
    (82) => {
        "451 4.7.24 The SPF record of the sending domain has one or more suspicious entries. To protect our users from spam, email sent from your IP address has been temporarily rate limited."
    };
    (83) => {
        "421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF domain-name with ip: ip-address = did not pass."
    };
    (85) => {
        "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF. Authentication results: SPF domain-name with IP address: ip-address = Did not pass."
    };
    (88) => {
        "421 4.7.28 Gmail has detected this sender exceeded the quota for sending messages that have the same Message-ID:. To best protect our users, the message has been temporarily rejected."
    };
    (89) => {
        "421 4.7.29 Your email has been rate limited because you're not using a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections."
    };
    (90) => {
        "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message. Gmail requires all email bulk senders to authenticate their email with DKIM. Authentication results: DKIM = Did not pass."
    };
    (92) => {
        "421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record, or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain."
    };
    (93) => {
        "451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)"
    };
    (99) => {
        "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]"
    };
    (104) => {
        "550 5.1.6 recipient no longer on server: *****@icloud.com"
    };
    (105) => {
        "553 5.1.7 The sender address address is not a valid RFC 5321 address."
    };
    (106) => {
        "550 5.1.8 Domain of sender address does not exist"
    };
    (108) => {
        "550 5.2.0 <example@comcast.net> - Recipient unavailable"
    };
    (112) => {
        "550 5.2.1 This mailbox has been blocked due to inactivity"
    };
    (115) => {
        "552-5.2.3 Your message exceeded Google's message size limits. Please visit http://mail.google.com/support/bin/answer.py?answer=8770 to review our size guidelines."
    };
    (120) => {
        "552 5.3.4 Your message exceeded Google's message size limits."
    };
    (124) => {
        "550 5.4.5 Daily user sending limit exceeded."
    };
    (128) => {
        "550 5.5.0 Requested action not taken: mailbox unavailable. [#.eop-nam12.prod.protection.outlook.com]"
    };
    (146) => {
        "550 5.7.24 The SPF record of the sending domain has one or more suspicious entries."
    };
    (149) => {
        "550 5.7.26 <example@example.com>: ETP205 DMARC Failure for domain"
    };
    (151) => {
        "550 5.7.27 This message was blocked because it didn't pass SPF authentication. Gmail requires bulk email senders to authenticate their email with SPF. Authentication results: SPF with ip-address = did not pass"
    };
    (152) => {
        "550 5.7.28 There is an unusual rate of unsolicited email originating from your IP address. To protect our users from spam, email sent from your IP address has been blocked."
    };
    (153) => {
        "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections."
    };
    (154) => {
        "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. Gmail requires bulk email senders to authenticate their email with DKIM. Authentication results: DKIM = did not pass"
    };
    (155) => {
        "421 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about DMARC alignment."
    };
    (156) => {
        "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain."
    };
}

/// The examples of each basic code, one code after another in code order: a code's examples
/// are the run of texts that start with it.
const BY_CODE: TextList = text_list![
    x!(0),
    x!(1),
    x!(3),
    x!(7),
    x!(9),
    x!(12),
    x!(14),
    x!(15),
    x!(17),
    x!(19),
    x!(20),
    x!(22),
    x!(26),
    x!(28),
    x!(29),
    x!(31),
    x!(32),
    x!(34),
    x!(35),
    x!(38),
    x!(41),
    x!(44),
    x!(47),
    x!(48),
    x!(50),
];

/// The examples of each enhanced code, one code after another in (class, subject, detail)
/// order: a code's examples are the run of texts whose enhanced code (after the basic code
/// and a space) it is. Texts with the same basic code may stand in both lists.
const BY_ENHANCED: TextList = text_list![
    x!(1),
    x!(52),
    x!(56),
    x!(60),
    x!(14),
    x!(11),
    x!(15),
    x!(4),
    x!(73),
    x!(77),
    x!(79),
    x!(9),
    x!(82),
    x!(83),
    x!(85),
    x!(88),
    x!(89),
    x!(90),
    x!(3),
    x!(92),
    x!(93),
    x!(12),
    x!(99),
    x!(35),
    x!(44),
    x!(20),
    x!(104),
    x!(105),
    x!(106),
    x!(108),
    x!(112),
    x!(41),
    x!(115),
    x!(48),
    x!(120),
    x!(34),
    x!(124),
    x!(47),
    x!(128),
    x!(22),
    x!(19),
    x!(50),
    x!(28),
    x!(31),
    x!(146),
    x!(149),
    x!(151),
    x!(152),
    x!(153),
    x!(154),
    x!(155),
    x!(156),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    #[test]
    fn tables_are_sorted_and_texts_match_their_keys() {
        // Sorted by the key each text carries, so that a code's examples are one run.
        let code: Vec<&str> = BY_CODE.iter().collect();
        let enhanced: Vec<&str> = BY_ENHANCED.iter().collect();
        for w in code.windows(2) {
            assert!(code_of(w[0]) <= code_of(w[1]), "{} / {}", w[0], w[1]);
        }
        for w in enhanced.windows(2) {
            assert!(
                enhanced_of(w[0]) <= enhanced_of(w[1]),
                "{} / {}",
                w[0],
                w[1]
            );
        }
        for t in BY_CODE {
            let code = ReplyCode::from_u16(code_of(t).unwrap()).unwrap();
            assert!(code.examples().contains(t), "{t}");
            assert!(code.examples().len() <= 3, "{t}");
        }
        for t in BY_ENHANCED {
            let status = enhanced_of(t).unwrap();
            assert!(status.examples().contains(t), "{t}");
            assert!(status.examples().len() <= 3, "{t}");
        }
        // Each text is listed once per table, and once by `example_replies`.
        for table in [&code, &enhanced] {
            for (i, t) in table.iter().enumerate() {
                assert!(!table[..i].contains(t), "{t} listed twice");
            }
        }
        let all: Vec<&str> = example_replies().collect();
        for (i, t) in all.iter().enumerate() {
            assert!(!all[..i].contains(t), "{t} listed twice");
        }
        assert_eq!(all.len(), 59);
    }
}
