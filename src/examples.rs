//! Real reply texts, as servers sent or published them, for the demo page's "response
//! examples": up to two per basic code and per enhanced code, from Google, Microsoft,
//! Yahoo, Apple, Comcast, Proofpoint, Mimecast, Barracuda and other receivers.
//!
//! Source: `shared/reference/vendor-replies.md` (the providers' published texts and observed
//! bounces; redactions such as `x.xx.xx.xx` are the publishers'). Each text is stored once
//! and shared by both lookups. A DSN's `smtp;` prefix is dropped; texts from the providers'
//! help pages (not captured on the wire) are given as code, enhanced code and text.

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
    pub fn examples(self) -> &'static [&'static str] {
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
    pub fn examples(self) -> &'static [&'static str] {
        run(BY_ENHANCED, enhanced_key, enhanced_number(self))
    }
}

/// The run of `texts` (sorted by `key`) whose key is `want`. A function pointer, not a
/// generic closure: one copy of the search in the wasm instead of four.
fn run(texts: &'static [&'static str], key: fn(&str) -> u32, want: u32) -> &'static [&'static str] {
    let from = |k: u32| texts.partition_point(|t| key(t) < k);
    texts.get(from(want)..from(want + 1)).unwrap_or_default()
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
/// assert!(smtp_reply::example_replies().count() > 100);
/// ```
pub fn example_replies() -> impl Iterator<Item = &'static str> {
    ALL.iter().copied()
}

const X0: &str = "220 mx.google.com ESMTP d72si22370812qhc.8 - gsmtp";
const X1: &str = "250 2.0.0 OK 1441269756 li14si9718740wic.1 - gsmtp";
const X2: &str = "250 ok dirdel";
const X3: &str = "421 4.7.32 This mail has been rate limited because there is no DMARC alignment";
const X4: &str = "421 4.3.2 Service not available [outlook.com]";
const X5: &str = "422 License Expired";
const X6: &str = "432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded";
const X7: &str = "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. Please resend your message at a later time. If the user is able to receive mail at that time, your message will be delivered. For more information, please visit https://support.google.com/mail/?p=ReceivingRate - gsmtp";
const X8: &str = "450 4.7.3 Organization queue quota exceeded. [outlook.com]";
const X9: &str = "451 4.3.0 Mail server temporarily rejected message. - gsmtp";
const X10: &str = "451 4.7.700 PFA agent busy, please try again.";
const X11: &str = "451 4.3.2 Internal server error";
const X12: &str = "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp";
const X13: &str = "452 4.3.1 Insufficient system resources (TSTE) [outlook.com]";
const X14: &str = "454 4.7.0 Too many login attempts, please try again later. For more information, go to Add Gmail to another email client.";
const X15: &str = "454 4.7.0 Cannot authenticate due to a temporary system problem. Try again later. For more information, go to About SMTP error messages.";
const X16: &str = "501 5.5.2 Syntax error, cannot decode response. For more information, go to About SMTP error messages.";
const X17: &str = "501 5.1.3 Invalid address [outlook.com]";
const X18: &str =
    "502 5.5.1 Unrecognized command. For more information, go to About SMTP error messages.";
const X19: &str =
    "502 5.5.1 Unimplemented command. For more information, go to About SMTP error messages.";
const X20: &str = "503 5.5.1 RCPT first. u64si99035009qki.62 - gsmtp";
const X21: &str = "503 5.7.0 No identity changes permitted. For more information, go to About SMTP error messages.";
const X22: &str = "523 5.7.10 SMTP protocol violation, no commands allowed to pipeline after STARTTLS. For more information, go to About SMTP error messages and review RFC 3207 specifications.";
const X23: &str = "530 5.7.0 Authentication required. For more information, go to Can't sign in to your Google Account.";
const X24: &str = "530 5.7.0 Must issue a STARTTLS command first. For more information, go to About SMTP error messages and review RFC 3207 specifications.";
const X25: &str = "534 5.7.14 Please log in through your web browser and then try again. For more information, go to Can't sign in to your Google Account.";
const X26: &str = "540 5.7.1 <example@rambler.ru>: recipient address rejected: Blocked";
const X27: &str = "540 5.7.1 <example@rambler.ru>: recipient address rejected: Inactive";
const X28: &str = "541 5.4.1 Mail rejected by destination domain";
const X29: &str = "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser - gsmtp";
const X30: &str = "550 command rejected due to Sender ID validation failure.";
const X31: &str = "551 5.7.1 Domain not found (#id-5.9.2)";
const X32: &str =
    "551 5.7.1 Loop detected: Email is sent and forwarded from/to improvmx.com. (#id-5.9.0)";
const X33: &str = "552 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm - gsmtp";
const X34: &str = "552 1 Requested mail action aborted, mailbox not found";
const X35: &str = "552 5.2.2 <****@icloud.com>: user is over quota";
const X36: &str = "553 5.1.2 The recipient address <example@example.com> is not a valid RFC-5321 address. - gsmtp";
const X37: &str = "553 VS99-IP1 deferred - see related help topic";
const X38: &str = "554 5.4.6 Message exceeded 50 hops, this may indicate an email loop.";
const X39: &str = "554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour. For more information go to http://go.microsoft.com/fwlink/?LinkId=526653. (#) [outlook.com]";
const X40: &str = "555 5.5.2 Syntax error. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X41: &str = "555 5.5.2 Syntax error, goodbye. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X42: &str = "452 4.1.1 <example@comcast.net> user over quota";
const X43: &str = "421 4.1.1 <email@example.com>: Recipient address rejected: unverified address: Address verification in progress";
const X44: &str = "450 4.1.8 <kijitora@example.jp>: Sender address rejected: Domain not found";
const X45: &str = "450 4.1.8 Sender address rejected: Domain not found";
const X46: &str = "450 4.2.0 <example@comcast.net> - Recipient temporarily unavailable";
const X47: &str = "450 4.2.0 <email@example.com>: Recipient address rejected: example.com greylisted for 60 seconds by ZEROSPAM";
const X48: &str = "450 4.2.1 Please try again later. (#id-5.9.4)";
const X49: &str = "452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to Manage files in your Google Drive storage.";
const X50: &str = "421 4.3.0 Temporary System Problem. Try again later. For more information, go to About SMTP error messages.";
const X51: &str = "452 4.3.1 Temporary System Error";
const X52: &str = "451 4.4.0 Message failed to be replicated: No healthy secondary server available to accept replica at this time. [outlook.com]";
const X53: &str = "451 4.4.2 Timeout - closing connection. For more information, go to About SMTP error messages.";
const X54: &str = "421 4.4.2 mail.yandex.net Error: timeout exceeded";
const X55: &str = "421 4.4.5 Server busy, try again later. For more information, go to About SMTP error messages.";
const X56: &str = "450 4.4.318 Connection was closed abruptly (SuspiciousRemoteServerError)";
const X57: &str = "451 4.5.0 SMTP protocol violation. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X58: &str = "452 4.5.3 Your message has too many recipients. For more information regarding Google's sending limits, go to Limits for sending & getting email.";
const X59: &str = "452 4.5.3  rate limit exceeded";
const X60: &str = "421 4.7.0 [x.xx.xx.xx] Our system has detected that this message is suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. - gsmtp";
const X61: &str = "451 4.7.0 Temporary server error. Please try again later. PRX6 NextHop: outlook.com [outlook.com]";
const X62: &str = "421 4.7.1 [TS03] All messages from x.x.x.x permanently deferred";
const X63: &str = "451 4.7.1 Service unavailable - try again later";
const X64: &str = "451 4.7.24 The SPF record of the sending domain has one or more suspicious entries. To protect our users from spam, email sent from your IP address has been temporarily rate limited. For more information, go to Email sender guidelines.";
const X65: &str = "421 4.7.26 This email has been rate limited because it is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF domain-name with ip: ip-address = did not pass. To resolve this issue, go to Email sender guidelines.";
const X66: &str = "451 4.7.26 Unauthenticated email from domain-name is not accepted due to domain's DMARC policy, but temporary DNS failures prevent authentication. Please contact the administrator of domain-name domain if this was a legitimate email. To learn about the DMARC initiative, go to Control unauthenticated mail from your domain.";
const X67: &str = "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF. Authentication results: SPF domain-name with IP address: ip-address = Did not pass. To set up SPF for your sending domains, visit Set up SPF. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X68: &str = "421 4.7.28 [x.xx.xx.xx] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. - gsmtp";
const X69: &str = "421 4.7.28 Gmail has detected an unusual rate of email. To protect our users from spam, email has been temporarily rate limited. To review our bulk email senders guidelines, go to Email sender guidelines.";
const X70: &str = "421 4.7.29 Your email has been rate limited because you're not using a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. To set up TLS for email, visit TLS & SSL connections. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X71: &str = "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass for this message. Gmail requires all email bulk senders to authenticate their email with DKIM. Authentication results: DKIM = Did not pass. To set up DKIM for your sending domains, visit Set up DKIM. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X72: &str = "421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about DMARC alignment. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X73: &str = "421 4.7.40 Your email has been rate limited because the sending domain doesn't have a DMARC record, or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain. See Set up DMARC. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X74: &str = "451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)";
const X75: &str = "451 4.7.500 Server busy. Please try again later from [x.xx.xx.x]. (AS77712344) [#.prod.protection.outlook.com]";
const X76: &str = "451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)";
const X77: &str = "451 4.7.650 The mail server [x.xx.xx.xx] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S843)[#.prod.protection.outlook.com]";
const X78: &str = "451 4.7.651 The mail server [x.xx.xx.xx] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S3114) [#.prod.outlook.com #]";
const X79: &str = "451 4.7.652 The mail server [192.0.2.251] has exceeded the maximum number of connections. (S3115)";
const X80: &str = "501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]";
const X81: &str = "550 5.1.1 <****@icloud.com>: inactive email address";
const X82: &str = "553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors and make sure you didn't enter any spaces, periods, or other punctuation after the recipient's email address. For more information, go to Fix bounced or rejected emails.";
const X83: &str = "553 5.1.3 The recipient address address is not a valid RFC 5321 address. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X84: &str = "550 5.1.6 recipient no longer on server: *****@icloud.com";
const X85: &str = "553 5.1.7 The sender address address is not a valid RFC 5321 address. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X86: &str = "550 5.1.8 Domain of sender address does not exist";
const X87: &str = "550 5.1.8 <sender@example.com>: Sender address rejected: Domain not found";
const X88: &str = "550 5.2.0 <example@comcast.net> - Recipient unavailable";
const X89: &str = "550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]";
const X90: &str = "550 5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail/?p=DisabledUser - gsmtp";
const X91: &str = "550 5.2.1 This mailbox has been blocked due to inactivity";
const X92: &str = "552-5.2.3 Your message exceeded Google's message size limits. Please visit http://mail.google.com/support/bin/answer.py?answer=8770 to review our size guidelines.";
const X93: &str = "554 5.2.3 MailPolicy violation Error delivering to mailboxes,mx.zoho.com";
const X94: &str = "554 5.2.121 The sender has exceeded the limit for the number of messages they can send to this recipient per hour. For more information go to http://go.microsoft.com/fwlink/?LinkId=526653. [#.prod.outlook.com #]";
const X95: &str = "551 5.3.0 Unknown error";
const X96: &str = "552 5.3.4 Your message exceeded Google's message header size limits. To view our header size guidelines, go to Gmail message header limits.";
const X97: &str = "552 5.3.4 Your message exceeded Google's message size limits. To view our message size guidelines, go to Send attachments with your Gmail message.";
const X98: &str =
    "550 5.4.1 [email@example.com]: Recipient address rejected: Access denied [example.com]";
const X99: &str = "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits, go to Gmail sending limits.";
const X100: &str = "550 5.4.5 Daily SMTP relay limit exceeded for user. For more information on SMTP relay sending limits, contact your administrator or go to SMTP relay service error messages.";
const X101: &str = "550 5.4.316 Message expired, connection refused(Socket error code 10061)";
const X102: &str = "550 5.4.318 Message expired, connection reset (SuspiciousRemoteServerError)";
const X103: &str = "550 5.5.0 Requested action not taken: mailbox unavailable. [#.eop-nam12.prod.protection.outlook.com]";
const X104: &str = "550 5.5.0 Requested action not taken: mailbox unavailable";
const X105: &str =
    "550 5.5.2 <email@example.com>: Sender address rejected: need fully-qualified address";
const X106: &str = "550 5.5.3 Too many recipients for this sender. For more information, go to About SMTP error messages and review RFC 5321 specifications.";
const X107: &str = "501 5.5.4 HELO/EHLO argument argument invalid closing connection. For more information, go to HELO/EHLO email error.";
const X108: &str = "501 5.5.4 Empty HELO/EHLO argument not allowed, closing connection. For more information, go to HELO/EHLO email error.";
const X109: &str = "554 5.6.0 Email message is malformed. Not accepted. For more information, go to Email sender guidelines and review RFC 5322 specifications.";
const X110: &str = "550 5.7.0 Email sending denied. For more information, go to SMTP relay service error messages.";
const X111: &str =
    "550 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.1.2";
const X112: &str = "550 5.7.1 [x.xx.xx.xx 14] Messages missing a valid address in From: header, or having no From: header, are not accepted. - gsmtp";
const X113: &str = "550 5.7.1 Unfortunately, messages from [10.0.2.5] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).";
const X114: &str = "553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes";
const X115: &str = "553 5.7.2 [TSS11] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes";
const X116: &str = "554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes";
const X117: &str = "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.";
const X118: &str = "501 5.7.11 Syntax error (no parameters allowed). For more information, go to About SMTP error messages and review RFC 3207 specifications.";
const X119: &str = "550 5.7.24 The SPF record of the sending domain has one or more suspicious entries. For more information, go to Email sender guidelines.";
const X120: &str = "550 5.7.25 This message was blocked because the sending IP address doesn't have a PTR record, or the forwarding DNS entry doesn't reference the sending IP address. Gmail requires that sending IP addresses have a PTR record. Learn more about requirements for sending IP addresses. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X121: &str = "550 5.7.26 Unauthenticated email from domain-name is not accepted due to domain's DMARC policy. Contact the administrator of domain-name domain if this was legitimate email. To learn about the DMARC initiative, go to Control unauthenticated email from your domain.";
const X122: &str = "550 5.7.26 <example@example.com>: ETP205 DMARC Failure for domain";
const X123: &str = "550 5.7.27 This message was blocked because it didn't pass SPF authentication. Gmail requires bulk email senders to authenticate their email with SPF. Authentication results: SPF with ip-address = did not pass To set up SPF for your sending domains, visit Set up SPF. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X124: &str = "550 5.7.28 There is an unusual rate of unsolicited email originating from your IP address. To protect our users from spam, email sent from your IP address has been blocked. To review our bulk email senders guidelines, go to Email sender guidelines.";
const X125: &str = "550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. To set up TLS for email, visit TLS & SSL connections. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X126: &str = "550 5.7.30 This message was blocked because it didn't pass DKIM authentication. Gmail requires bulk email senders to authenticate their email with DKIM. Authentication results: DKIM = did not pass To set up DKIM for your sending domains, visit Set up DKIM. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X127: &str = "421 5.7.32 Your email was blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. Learn more about DMARC alignment. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X128: &str = "550 5.7.40 Your message was blocked because the sending domain doesn't have a DMARC record or the DMARC record doesn't specify a DMARC policy. Gmail requires all bulk email senders to add a DMARC record to their sending domain. See Set up DMARC. To learn more about Gmail requirements for bulk email senders, visit Email sender guidelines.";
const X129: &str = "550 5.7.606 Access denied, banned sending IP [x.xx.xx.xx]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)";
const X130: &str = "550 5.7.606 Access denied, banned sending IP [199.250.222.182]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)";

/// The examples of each basic code, one code after another in code order: a code's examples
/// are the run of texts that start with it (found by binary search; no index table).
static BY_CODE: &[&str] = &[
    X0, X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X12, X13, X14, X15, X16, X17, X18, X19, X20, X21,
    X22, X23, X24, X25, X26, X27, X28, X29, X30, X31, X32, X33, X34, X36, X37, X38, X39, X40, X41,
];

/// The examples of each enhanced code, one code after another in (class, subject, detail)
/// order: a code's examples are the run of texts whose enhanced code (after the basic code
/// and a space) it is. Texts with the same basic code may stand in both lists.
static BY_ENHANCED: &[&str] = &[
    X1, X42, X43, X44, X45, X46, X47, X7, X48, X12, X49, X9, X50, X13, X51, X4, X11, X52, X53, X54,
    X55, X56, X57, X58, X59, X60, X61, X62, X63, X8, X64, X65, X66, X67, X68, X69, X70, X71, X3,
    X72, X73, X74, X75, X76, X77, X78, X79, X10, X80, X29, X81, X36, X82, X83, X17, X84, X85, X86,
    X87, X88, X89, X90, X91, X33, X35, X92, X93, X94, X39, X95, X96, X97, X98, X28, X99, X100, X38,
    X101, X102, X103, X104, X20, X18, X16, X105, X106, X107, X108, X109, X110, X111, X112, X113,
    X114, X115, X116, X117, X22, X118, X25, X119, X120, X121, X122, X123, X124, X125, X126, X127,
    X128, X129, X130,
];

/// Every text above, each once.
static ALL: &[&str] = &[
    X0, X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X11, X12, X13, X14, X15, X16, X17, X18, X19, X20,
    X21, X22, X23, X24, X25, X26, X27, X28, X29, X30, X31, X32, X33, X34, X35, X36, X37, X38, X39,
    X40, X41, X42, X43, X44, X45, X46, X47, X48, X49, X50, X51, X52, X53, X54, X55, X56, X57, X58,
    X59, X60, X61, X62, X63, X64, X65, X66, X67, X68, X69, X70, X71, X72, X73, X74, X75, X76, X77,
    X78, X79, X80, X81, X82, X83, X84, X85, X86, X87, X88, X89, X90, X91, X92, X93, X94, X95, X96,
    X97, X98, X99, X100, X101, X102, X103, X104, X105, X106, X107, X108, X109, X110, X111, X112,
    X113, X114, X115, X116, X117, X118, X119, X120, X121, X122, X123, X124, X125, X126, X127, X128,
    X129, X130,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_texts_match_their_keys() {
        // Sorted by the key each text carries, so that a code's examples are one run.
        for w in BY_CODE.windows(2) {
            assert!(code_of(w[0]) <= code_of(w[1]), "{} / {}", w[0], w[1]);
        }
        for w in BY_ENHANCED.windows(2) {
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
            assert!(code.examples().len() <= 2, "{t}");
        }
        for t in BY_ENHANCED {
            let status = enhanced_of(t).unwrap();
            assert!(status.examples().contains(t), "{t}");
            assert!(status.examples().len() <= 2, "{t}");
        }
        // Every text is one of the recorded ones, each listed once per table.
        for table in [BY_CODE, BY_ENHANCED] {
            for (i, t) in table.iter().enumerate() {
                assert!(ALL.contains(t), "{t}");
                assert!(!table[..i].contains(t), "{t} listed twice");
            }
        }
    }
}
