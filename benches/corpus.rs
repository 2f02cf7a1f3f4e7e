//! The benchmark corpus: a deterministic mix of realistic SMTP replies, generated rather than
//! stored so the repository stays small and every run measures the same bytes.
//!
//! The mix follows what a sending MTA reads: mostly short positive replies (`250 2.1.0 Ok`,
//! `354`, `221`, `235`, `334`), 6–12 line EHLO replies, and single and multi-line negative
//! replies worded as the large providers word them (texts from
//! `shared/reference/vendor-replies.md`, with fresh IP addresses and session ids). Replies
//! average about 140 bytes, end every line in CRLF and are concatenated in one buffer.
//!
//! Used by `benches/parse.rs` (`#[path = "corpus.rs"] mod corpus;`), by the property tests,
//! and by `examples/gen_corpus.rs`, which writes the same bytes to a file for the Node
//! benchmark (`cargo run --release --example gen_corpus -- target/bench-corpus.txt`).
#![allow(dead_code)]

use std::ops::Range;

/// The generated corpus: the bytes and where each reply is.
pub struct Corpus {
    /// Every reply, back to back.
    pub bytes: Vec<u8>,
    /// The byte range of each reply in `bytes`, in order.
    pub replies: Vec<Range<usize>>,
}

impl Corpus {
    /// Each reply's bytes.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.replies.iter().map(move |r| &self.bytes[r.clone()])
    }

    /// The number of lines (CRLF) in the corpus.
    pub fn line_count(&self) -> usize {
        self.bytes.iter().filter(|&&b| b == b'\n').count()
    }
}

/// The seed every run uses; change it only together with the published bench table.
pub const SEED: u64 = 0x5EED_2026_0521_0001;

/// The default corpus size: 10 000 replies, about 1.4 MB (larger than L2, like a busy log).
pub const DEFAULT_REPLIES: usize = 10_000;

/// A xorshift64* generator: tiny, deterministic, good enough to pick templates.
pub struct XorShift(u64);

impl XorShift {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 32) as usize) % n
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Short positive and intermediate replies, as sent during a normal transaction.
const POSITIVE: &[&str] = &[
    "250 2.1.0 Ok",
    "250 2.1.5 Ok",
    "250 2.0.0 Ok: queued as {hex}",
    "250 2.1.0 Sender OK",
    "250 2.1.5 Recipient OK",
    "250 2.0.0 OK {num} {gid} - gsmtp",
    "250 2.6.0 <{hex}@mail.example.com> [InternalId={num}] Queued mail for delivery",
    "250 ok dirdel",
    "354 End data with <CR><LF>.<CR><LF>",
    "354 Go ahead {gid} - gsmtp",
    "354 Start mail input; end with <CRLF>.<CRLF>",
    "221 2.0.0 Bye",
    "221 2.0.0 closing connection {gid} - gsmtp",
    "235 2.7.0 Authentication successful",
    "235 2.7.0 Accepted",
    "334 ",
    "334 VXNlcm5hbWU6",
    "334 UGFzc3dvcmQ6",
    "220 2.0.0 Ready to start TLS",
    "220 mx.google.com ESMTP {gid} - gsmtp",
    "220 mail.example.com ESMTP Postfix (Debian/GNU)",
    "250 2.0.0 Resetting",
];

/// EHLO reply first lines (the server's domain and greeting).
const EHLO_FIRST: &[&str] = &[
    "mx.google.com at your service, [{ip}]",
    "BN8NAM12FT045.mail.protection.outlook.com Hello [{ip}]",
    "mta7.am0.yahoodns.net",
    "mx01.mail.icloud.com",
    "mail.example.com",
    "mx0a-00000001.pphosted.com Hello mail.example.net [{ip}], pleased to meet you",
];

/// EHLO extension lines; a reply takes 5 to 11 of them.
const EHLO_EXTENSIONS: &[&str] = &[
    "SIZE 157286400",
    "HELP",
    "8BITMIME",
    "STARTTLS",
    "ENHANCEDSTATUSCODES",
    "PIPELINING",
    "CHUNKING",
    "SMTPUTF8",
    "AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH",
    "X-EXPS GSSAPI NTLM",
    "DSN",
    "BINARYMIME",
    "REQUIRETLS",
    "X-ANONYMOUSTLS",
    "DELIVERBY",
    "ETRN",
    "VRFY",
    "XCLIENT NAME ADDR PROTO HELO",
];

/// Single-line negative replies from large providers (vendor-replies.md), as on the wire.
const NEGATIVE: &[&str] = &[
    "421 4.7.0 Try again later, closing connection. (EHLO) {gid} - gsmtp",
    "421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "421 4.7.28 [{ip}] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. {gid} - gsmtp",
    "450 4.2.0 <user{num}@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
    "450 4.2.0 <user{num}@example.org>: Recipient address rejected: Greylisted for 60 seconds",
    "451 4.7.1 Greylisting in action, please come back in 00:05:00",
    "451 4.7.500 Server busy. Please try again later from [{ip}]. (AS761)",
    "451 4.7.650 The mail server [{ip}] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)",
    "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp {gid} - gsmtp",
    "550 5.7.606 Access denied, banned sending IP [{ip}]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)",
    "550 5.4.1 [user{num}@example.com]: Recipient address rejected: Access denied [CY1GCC01FT007.eop-gcc01.prod.protection.outlook.com]",
    "550 5.7.1 Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
    "553 5.7.2 [TSS09] All messages from {ip} will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes",
    "554 delivery error: dd This user doesn't have a yahoo.com account (user{num}@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",
    "554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks. See https://support.apple.com/en-us/HT204137 for mailing best practices",
    "552 5.2.2 <user{num}@icloud.com>: user is over quota",
    "550 5.1.1 <user{num}@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
    "550 5.2.0 Message rejected due to DMARC. Please see http://postmaster.comcast.net/smtp-error-codes.php#DM000001",
    "550 5.7.1 Service unavailable; client [{ip}] blocked using prs.proofpoint.com",
    "550 #5.1.0 Address rejected user{num}@example.net",
    "554 5.2.121 The sender has exceeded the limit for the number of messages they can send to this recipient per hour. For more information go to http://go.microsoft.com/fwlink/?LinkId=526653.",
    "503 5.5.1 RCPT first. {gid} - gsmtp",
    "421 4.3.2 Service not available, closing transmission channel",
    "451 4.3.0 Mail server temporarily rejected message. {gid} - gsmtp",
];

/// Multi-line negative replies: code, enhanced code, and the text that is wrapped over lines
/// that each repeat the code, as Gmail does (`550-5.1.1 ...`).
const MULTILINE: &[(&str, &str, &str)] = &[
    ("550", "5.1.1", "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"),
    ("450", "4.2.1", "The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time. If the user is able to receive mail at that time, your message will be delivered. For more information, please visit https://support.google.com/mail/?p=ReceivingRate {gid} - gsmtp"),
    ("550", "5.7.26", "This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [relay3.example.com] with ip: [{ip}] = did not pass For instructions on setting up authentication, go to https://support.google.com/mail/answer/81126#authentication {gid} - gsmtp"),
    ("550", "5.7.1", "[{ip}] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked. Please visit https://support.google.com/mail/?p=UnsolicitedMessageError to review our Bulk Email Senders Guidelines. {gid} - gsmtp"),
    ("552", "5.2.2", "The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm {gid} - gsmtp"),
    ("421", "4.7.0", "This message is suspicious due to the very low reputation of the sending IP address. To protect our users from spam, email sent from your IP address has been temporarily rate limited. {gid} - gsmtp"),
];

/// Where Gmail wraps its multi-line replies.
const WRAP: usize = 68;

/// Fills `{ip}`, `{gid}`, `{hex}` and `{num}` with fresh values.
fn fill(template: &str, rng: &mut XorShift, out: &mut Vec<u8>) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.extend_from_slice(&rest.as_bytes()[..open]);
        let close = open + rest[open..].find('}').expect("template braces");
        match &rest[open + 1..close] {
            "ip" => {
                let ip = format!("203.0.113.{}", 1 + rng.below(254));
                out.extend_from_slice(ip.as_bytes());
            }
            "gid" => {
                // Gmail's session ids look like `d72si22370812qhc.8`.
                let id = format!(
                    "{}{}si{}{}.{}",
                    (b'a' + rng.below(26) as u8) as char,
                    rng.below(100),
                    10_000_000 + rng.below(89_999_999),
                    ["qhc", "wic", "wrp", "pfl", "lbl"][rng.below(5)],
                    rng.below(500)
                );
                out.extend_from_slice(id.as_bytes());
            }
            "hex" => {
                let hex = format!("{:010X}", rng.next_u64() & 0xFF_FFFF_FFFF);
                out.extend_from_slice(hex.as_bytes());
            }
            "num" => {
                let num = format!("{}", rng.below(2_000_000_000));
                out.extend_from_slice(num.as_bytes());
            }
            other => panic!("unknown placeholder {other}"),
        }
        rest = &rest[close + 1..];
    }
    out.extend_from_slice(rest.as_bytes());
}

fn positive(rng: &mut XorShift, out: &mut Vec<u8>) {
    let template = *rng.pick(POSITIVE);
    fill(template, rng, out);
    out.extend_from_slice(b"\r\n");
}

fn ehlo(rng: &mut XorShift, out: &mut Vec<u8>) {
    out.extend_from_slice(b"250-");
    let template = *rng.pick(EHLO_FIRST);
    fill(template, rng, out);
    out.extend_from_slice(b"\r\n");
    // 6–12 lines in all: the greeting and 5–11 distinct extensions.
    let count = 5 + rng.below(7);
    let start = rng.below(EHLO_EXTENSIONS.len());
    for i in 0..count {
        let ext = EHLO_EXTENSIONS[(start + i) % EHLO_EXTENSIONS.len()];
        out.extend_from_slice(if i + 1 == count { b"250 " } else { b"250-" });
        out.extend_from_slice(ext.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

fn negative(rng: &mut XorShift, out: &mut Vec<u8>) {
    let template = *rng.pick(NEGATIVE);
    fill(template, rng, out);
    out.extend_from_slice(b"\r\n");
}

fn multiline(rng: &mut XorShift, out: &mut Vec<u8>) {
    let (code, enhanced, template) = *rng.pick(MULTILINE);
    let mut text = Vec::new();
    fill(template, rng, &mut text);
    let text = String::from_utf8(text).expect("templates are UTF-8");
    // Wrap at spaces, as Gmail does, then prefix every line with the code.
    let mut lines: Vec<&str> = Vec::new();
    let mut rest = text.as_str();
    while rest.len() > WRAP {
        let cut = rest[..WRAP].rfind(' ').unwrap_or(WRAP);
        lines.push(&rest[..cut]);
        rest = rest[cut..].trim_start();
    }
    lines.push(rest);
    for (i, line) in lines.iter().enumerate() {
        out.extend_from_slice(code.as_bytes());
        out.push(if i + 1 == lines.len() { b' ' } else { b'-' });
        out.extend_from_slice(enhanced.as_bytes());
        out.push(b' ');
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
}

/// Generates `count` replies from `seed`. Weights (out of 100): 37 short positive, 13 EHLO,
/// 34 single-line negative, 16 multi-line negative — about 140 bytes a reply on average.
pub fn generate_with(count: usize, seed: u64) -> Corpus {
    let mut rng = XorShift::new(seed);
    let mut bytes = Vec::with_capacity(count * 150);
    let mut replies = Vec::with_capacity(count);
    for _ in 0..count {
        let start = bytes.len();
        match rng.below(100) {
            0..=36 => positive(&mut rng, &mut bytes),
            37..=49 => ehlo(&mut rng, &mut bytes),
            50..=83 => negative(&mut rng, &mut bytes),
            _ => multiline(&mut rng, &mut bytes),
        }
        replies.push(start..bytes.len());
    }
    Corpus { bytes, replies }
}

/// The benchmark corpus: [`DEFAULT_REPLIES`] replies from [`SEED`].
pub fn generate() -> Corpus {
    generate_with(DEFAULT_REPLIES, SEED)
}
