//! Real replies from `../shared/reference/vendor-replies.md`: the provider is recognised and
//! the reason is sensible. A hand-checked table of wire texts, plus a sweep over every reply
//! row of the file: each one classifies, the Gmail official list agrees with its suggested
//! categories, and providers are recognised where the text carries their marks.

use smtp_reply::{classify_text, Action, Provider, Reason};
use std::path::PathBuf;

/// (text, provider, reason) from the vendor file's wire captures.
const CASES: &[(&str, Option<Provider>, Reason)] = &[
    // Google
    ("550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp", Some(Provider::Google), Reason::UserUnknown),
    ("450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450-4.2.1 message at a later time. If the user is able to receive mail at that 450-4.2.1 time, your message will be delivered. For more information, please 450-4.2.1 visit 450 4.2.1  https://support.google.com/mail/?p=ReceivingRate aabb1122ccddeeff.547 - gsmtp (in reply to RCPT TO command)", Some(Provider::Google), Reason::RateLimited),
    ("550-5.7.1 [194.XXX.XXX.181] Our system has detected an unusual rate of 550-5.7.1 unsolicited mail originating from your IP address. To protect our 550-5.7.1 users from spam, mail sent from your IP address has been blocked. 550-5.7.1 Please visit http://www.google.com/mail/help/bulk_mail.html to review 550 5.7.1 our Bulk Email Senders Guidelines. k8si8849879lbl.62", Some(Provider::Google), Reason::Blocked),
    ("421 4.7.0 [167.89.55.59 15] Our system has detected that this message is suspicious due to the nature of the content and/or the links within. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. u22si16671234pfl.244 - gsmtp", Some(Provider::Google), Reason::SpamDetected),
    ("smtp;421 4.7.0 [x.xx.xx.xx] Our system has detected that this message is suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. - gsmtp", Some(Provider::Google), Reason::BadReputation),
    ("421 4.7.28 [x.xx.xx.xx] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. - gsmtp", Some(Provider::Google), Reason::RateLimited),
    ("smtp;452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp", Some(Provider::Google), Reason::MailboxFull),
    ("smtp;550 5.2.1 The email account that you tried to reach is disabled. Learn more at https://support.google.com/mail/?p=DisabledUser - gsmtp", Some(Provider::Google), Reason::Suspend),
    ("smtp;550 5.7.1 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain if this was a legitimate mail. Please visit https://support.google.com/mail/answer/2451690 to learn about the DMARC initiative. - gsmtp", Some(Provider::Google), Reason::AuthFailure),
    ("smtp;550 5.7.1 [x.xx.xx.xx 14] Messages missing a valid address in From: header, or having no From: header, are not accepted. - gsmtp", Some(Provider::Google), Reason::NotCompliantRfc),
    ("smtp;553 5.1.2 The recipient address <example@example.com> is not a valid RFC-5321 address. - gsmtp", Some(Provider::Google), Reason::HostUnknown),
    ("503 5.5.1 RCPT first. u64si99035009qki.62 - gsmtp", Some(Provider::Google), Reason::SyntaxError),
    ("550 5.7.29 This message was blocked because it wasn't sent over a TLS connection. - gsmtp", Some(Provider::Google), Reason::FailedStartTls),
    ("550 5.7.30 This message was blocked because it didn't pass DKIM authentication. - gsmtp", Some(Provider::Google), Reason::AuthFailure),
    ("421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. - gsmtp", Some(Provider::Google), Reason::AuthFailure),
    // Microsoft
    ("451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)", Some(Provider::Microsoft), Reason::BadReputation),
    // Outlook.com's block codes in parentheses name it where no host or link does.
    ("451 4.7.652 The mail server [192.0.2.251] has exceeded the maximum number of connections. (S3115)", Some(Provider::Microsoft), Reason::RateLimited),
    // "Server busy" is a system error of Microsoft's, as sisimai's table of its codes has it.
    ("451 4.7.500 Server busy. Please try again later from [192.0.2.2]. (AS761)", Some(Provider::Microsoft), Reason::SystemError),
    ("550 5.7.1 Unfortunately, messages from [10.0.2.5] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", Some(Provider::Microsoft), Reason::Blocked),
    ("550 5.7.606 Access denied, banned sending IP [199.250.222.182]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)", Some(Provider::Microsoft), Reason::Blocked),
    ("550 5.4.1 [trinik.lemon@dhs.ga.gov]: Recipient address rejected: Access denied [CY1GCC01FT007.eop-gcc01.prod.protection.outlook.com]", Some(Provider::Microsoft), Reason::UserUnknown),
    ("smtp;554 5.2.122 The recipient has exceeded their limit for the number of messages they can receive per hour. For more information go to http://go.microsoft.com/fwlink/?LinkId=526653. (#) [outlook.com]", Some(Provider::Microsoft), Reason::RateLimited),
    ("smtp;550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup/ (S8002) [#.eop-nam02.prod.protection.outlook.com]", Some(Provider::Microsoft), Reason::Blocked),
    ("smtp;550 5.5.0 Requested action not taken: mailbox unavailable. [#.eop-nam12.prod.protection.outlook.com]", Some(Provider::Microsoft), Reason::UserUnknown),
    ("550 5.4.310 DNS domain example.invalid does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=example.invalid] [BN8NAM11FT066.eop-nam11.prod.protection.outlook.com]", Some(Provider::Microsoft), Reason::HostUnknown),
    ("smtp;451 4.7.500 Server busy. Please try again later from [x.xx.xx.x]. (AS77712344) [#.prod.protection.outlook.com]", Some(Provider::Microsoft), Reason::SystemError),
    // The message expired because connections were refused: sisimai's Microsoft tests call
    // it a network error, as Microsoft's X.4.3xx detail says why it expired.
    ("550 5.4.316 Message expired, connection refused(Socket error code 10061)", None, Reason::NetworkError),
    // Exchange Online's NDR list (texts as Microsoft documents them, with the usual 550/451).
    ("550 5.7.708 Access denied, traffic not accepted from this IP", None, Reason::Blocked),
    ("550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains", None, Reason::Blocked),
    ("550 5.7.501 Access denied, spam abuse detected", None, Reason::SpamDetected),
    ("550 5.7.504 [email@contoso.com]: Recipient address rejected: Access denied", None, Reason::UserUnknown),
    ("550 5.7.506 Access Denied, Bad HELO", None, Reason::Blocked),
    ("550 5.7.508 Access denied, [2001:db8::1] has exceeded permitted limits within /64 range", None, Reason::RateLimited),
    ("550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", None, Reason::NotCompliantRfc),
    ("550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by contoso.com using Customer Block list (AS16012607)", Some(Provider::Microsoft), Reason::Blocked),
    ("550 5.7.322 certificate-expired: Destination mail server's certificate is expired.", None, Reason::FailedStartTls),
    ("451 4.4.316 Connection refused [Message=Socket error code 10061]", None, Reason::NetworkError),
    ("550 5.4.300 Message expired", None, Reason::Expired),
    ("550 5.6.11 Invalid characters", None, Reason::ContentError),
    // Yahoo / AOL
    ("421 4.7.0 [TSS04] Messages from ********* temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", Some(Provider::Yahoo), Reason::BadReputation),
    ("553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", Some(Provider::Yahoo), Reason::Blocked),
    ("554 delivery error: dd This user doesn't have a yahoo.com account (testing123@yahoo.com) [-5] - mta123.mail.mud.yahoo.com", Some(Provider::Yahoo), Reason::UserUnknown),
    ("554 delivery error: dd Sorry your message to **@yahoo.com.ar cannot be delivered. This account has been disabled or discontinued [#102]. - mta497.mail.mud.yahoo.com", Some(Provider::Yahoo), Reason::Suspend),
    ("550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.", Some(Provider::Yahoo), Reason::AuthFailure),
    ("smtp;554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes", Some(Provider::Yahoo), Reason::PolicyViolation),
    ("smtp;450 User is receiving mail too quickly", None, Reason::RateLimited),
    // Apple
    ("554 5.7.1 [HME1] This message was blocked for failing both SPF and DKIM authentication checks. See https://support.apple.com/en-us/HT204137 for mailing best practices", Some(Provider::Apple), Reason::AuthFailure),
    ("550 5.1.6 recipient no longer on server: *****@icloud.com", Some(Provider::Apple), Reason::HasMoved),
    ("552 5.2.2 <****@icloud.com>: user is over quota (in reply to RCPT TO command)", Some(Provider::Apple), Reason::MailboxFull),
    ("smtp;421 4.7.1 Messages to example@icloud.com deferred due to excessive volume. Try again later - https://support.apple.com/en-us/HT204137", Some(Provider::Apple), Reason::RateLimited),
    ("smtp;550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", Some(Provider::Apple), Reason::PolicyViolation),
    // Comcast
    ("554 xx.comcast.net comcast x.xx.xx.xx Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000", Some(Provider::Comcast), Reason::Blocked),
    ("smtp;550 5.2.0 Message rejected due to DMARC. Please see http://postmaster.comcast.net/smtp-error-codes.php#DM000001", Some(Provider::Comcast), Reason::AuthFailure),
    ("host xx.comcast.net [x.xx.xx.xx] SMTP error from remote mail server after initial connection: 554 xx.comcast.net comcast x.xx.xx.xx Comcast requires that all mail servers must have a PTR record with a valid Reverse DNS entry. Currently your mail server does not fill that requirement. For more information, refer to: http://postmaster.comcast.net/smtp-error-codes.php#554", Some(Provider::Comcast), Reason::RequirePtr),
    ("smtp;452 4.1.1 <example@comcast.net> too many recent messages; Try again later", Some(Provider::Comcast), Reason::RateLimited),
    // Proofpoint, Mimecast, Barracuda
    ("smtp;550 5.7.1 Service unavailable; client [x.xx.xx.xx] blocked using prs.proofpoint.com", Some(Provider::Proofpoint), Reason::Blocked),
    ("smtp;550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550 [#]", Some(Provider::Mimecast), Reason::AuthFailure),
    ("smtp;451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451 [#]", Some(Provider::Mimecast), Reason::NoRelaying),
    ("smtp;550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550 [#]", Some(Provider::Mimecast), Reason::Rejected),
    ("554 Service unavailable; Client host [server1.mail.com] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.168.1.1", Some(Provider::Barracuda), Reason::Blocked),
    ("smtp;550 cuda_nsu 5.1.1 <email@example.com>... User unknown", Some(Provider::Barracuda), Reason::UserUnknown),
    // A Postfix server that uses Barracuda's block list is no Barracuda.
    ("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org", None, Reason::Blocked),
    ("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown (d123.ess.barracudanetworks.com)", Some(Provider::Barracuda), Reason::UserUnknown),
    // Barracuda's own wording, with no name or host of it.
    ("550 permanent failure for one or more recipients (email@example.com:blocked)", Some(Provider::Barracuda), Reason::Blocked),
    ("smtp;451 4.7.1 <email@example.com>: Recipient address rejected: Greylisted for 5 minutes", Some(Provider::Postfix), Reason::Blocked),
    // Others
    ("smtp;450 4.2.1 The recipient has exceeded message rate limit. Try again later.", None, Reason::RateLimited),
    ("smtp;554 5.7.1 [1] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc ##", Some(Provider::Yandex), Reason::SpamDetected),
    ("smtp;552 5.7.1 virus [name] detected by Zoho Mail", Some(Provider::Zoho), Reason::VirusDetected),
    ("smtp;550 5.7.1 Email rejected per DMARC policy for zoho.com", Some(Provider::Zoho), Reason::AuthFailure),
    ("smtp;550 Message was not accepted -- invalid mailbox. Local mailbox example@mail.ru is unavailable: account is disabled", Some(Provider::MailRu), Reason::Suspend),
    ("554-mail.com (mxgmxus002) Nemesis ESMTP Service not available\r\n554-No SMTP service\r\n554-Bad DNS PTR resource record.\r\n554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=192.0.2.22&c=rdns", Some(Provider::Gmx), Reason::RequirePtr),
    ("smtp;552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]", Some(Provider::Orange), Reason::MailboxFull),
    ("smtp;550 mwinfXXXX ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=xxx.xxx.xxx.xxx [102]", Some(Provider::Orange), Reason::Blocked),
    ("smtp;550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728", Some(Provider::Tencent), Reason::UserUnknown),
    ("smtp;553 you are trying to use me [xx.messagelabs.com] as a relay, but I have not been configured to let you [x.xx.xx.xx, example.com] do this. (#5.7.1)", Some(Provider::Symantec), Reason::NoRelaying),
    ("smtp;550 5.7.26 <example@example.com>: ETP205 DMARC Failure for domain", None, Reason::AuthFailure),
    ("421 4.7.0 smtp.corp.redhat.com Error: too many connections from 10.0.115.152", None, Reason::RateLimited),
    ("451 4.7.1 Greylisting in action, please come back in 00:02:00", None, Reason::Blocked),
    // MTAs that sign their replies
    ("550 5.1.1 <kijitora@example.jp>... User Unknown", Some(Provider::Sendmail), Reason::UserUnknown),
    ("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table", Some(Provider::Postfix), Reason::UserUnknown),
    ("550 Unrouteable address", Some(Provider::Exim), Reason::HostUnknown),
    ("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", Some(Provider::Exchange), Reason::UserUnknown),
    ("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)", Some(Provider::Qmail), Reason::UserUnknown),
    ("452 4.3.1 Insufficient system resources (UsedDiskSpace[C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\data\\Queue])", Some(Provider::Exchange), Reason::SystemFull),
    ("550 5.1.1 <bob@privaterelay.appleid.com>: user not found", Some(Provider::Apple), Reason::UserUnknown),
];

#[test]
fn vendor_wire_replies() {
    let mut failures = Vec::new();
    for (text, provider, reason) in CASES {
        let c =
            classify_text(text.as_bytes()).unwrap_or_else(|| panic!("no reply found in {text}"));
        if c.reason() != *reason || (provider.is_some() && c.provider() != *provider) {
            failures.push(format!(
                "{text}\n    want {reason} / {provider:?}, got {} / {:?}",
                c.reason(),
                c.provider()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} wrong:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn retry_timing_from_vendor_texts() {
    let c = classify_text(
        b"450 4.2.0 <pablo@netfilter.org>: Recipient address rejected: Greylisted for 60 seconds",
    )
    .unwrap();
    assert_eq!(
        (c.action(), c.retry_delay().map(|d| d.seconds())),
        (Action::RetryLater, Some(60))
    );
    let c =
        classify_text(b"451 4.7.1 Greylisting in action, please come back in 00:02:00").unwrap();
    assert_eq!(c.retry_delay().map(|d| d.seconds()), Some(120));
    // A 5xx that is temporary in practice, and a 4xx that means stop.
    let c = classify_text(b"smtp;554 5.2.121 The sender has exceeded the limit for the number of messages they can send to this recipient per hour. [#.prod.outlook.com #]").unwrap();
    assert_eq!(c.action(), Action::RetryLater);
    let c = classify_text(b"421 4.7.1 [TS03] All messages from 192.0.2.1 permanently deferred")
        .unwrap();
    assert_eq!(c.action(), Action::DoNotRetry);
    let c = classify_text(b"552 Too many recipients").unwrap();
    assert_eq!(
        (c.reason(), c.action()),
        (Reason::RateLimited, Action::RetryLater)
    );
    // A full mailbox with a 5xx is bounced for good, but softly: the message is not retried,
    // and the address is kept for later mail, as its advice says. With a 4xx it is retried.
    let c =
        classify_text(b"552 5.2.2 <jane@example.com>: Recipient address rejected: Mailbox full")
            .unwrap();
    assert_eq!(
        (c.reason(), c.is_hard(), c.action()),
        (Reason::MailboxFull, false, Action::DoNotRetry)
    );
    assert!(c
        .advice()
        .fixes()
        .iter()
        .any(|f| f.starts_with("Keep the address")));
    let c = classify_text(b"452 4.2.2 <jane@example.com>: Mailbox full").unwrap();
    assert_eq!(
        (c.reason(), c.action()),
        (Reason::MailboxFull, Action::RetryLater)
    );
    let c = classify_text(b"552 5.3.1 Mail system full").unwrap();
    assert_eq!(
        (c.reason(), c.action()),
        (Reason::SystemFull, Action::RetryLater)
    );
}

/// The reply rows of the markdown tables: (section title, cells).
fn rows(md: &str) -> Vec<(String, Vec<String>)> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in md.lines() {
        if let Some(t) = line.strip_prefix("## ") {
            section = t.to_string();
        }
        if !line.starts_with('|') || line.starts_with("|---") {
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect();
        if cells
            .iter()
            .any(|c| c == "Reply" || c == "Code token" || c == "Provider")
        {
            continue; // a header row
        }
        out.push((section.clone(), cells));
    }
    out
}

/// The reply text of a row, with the code in front when the table gives it separately.
fn reply_text(cells: &[String]) -> Option<String> {
    let (i, _) = cells.iter().enumerate().max_by_key(|(_, c)| c.len())?;
    let text = cells[i].trim_matches('`').to_string();
    let code = cells
        .iter()
        .take(i)
        .find(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()));
    let enhanced = cells
        .iter()
        .take(i)
        .find(|c| c.contains('.') && c.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    let starts_with_reply = text.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || text.to_ascii_lowercase().starts_with("smtp;")
        || text.to_ascii_lowercase().starts_with("host ");
    match (starts_with_reply, code) {
        (true, _) => Some(text),
        (false, Some(code)) => Some(match enhanced {
            Some(e) => format!("{code} {e} {text}"),
            None => format!("{code} {text}"),
        }),
        (false, None) => None,
    }
}

#[test]
fn every_vendor_reply_classifies_and_gmail_categories_agree() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/vendor-replies.md");
    let md = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("vendor replies missing at {}: {e}", path.display()));
    let mut classified = 0;
    let (mut gmail, mut gmail_agree) = (0, 0);
    let mut disagreements = Vec::new();
    let mut contradictions = Vec::new();
    for (section, cells) in rows(&md) {
        let Some(text) = reply_text(&cells) else {
            continue;
        };
        let c = classify_text(text.as_bytes()).unwrap_or_else(|| panic!("no reply in row: {text}"));
        classified += 1;
        // The advice must not tell the sender to retry what the action says not to retry.
        if c.action() == Action::DoNotRetry {
            for fix in c.advice().fixes() {
                if fix.starts_with("Retry") {
                    contradictions.push(format!("{fix:.40} <- {}", &text[..text.len().min(90)]));
                }
            }
        }
        // The official Gmail list has a suggested category in its last column.
        if section.starts_with("1. Google") && cells.len() == 5 {
            if let Ok(want) = cells[4].parse::<Reason>() {
                gmail += 1;
                if c.reason() == want {
                    gmail_agree += 1;
                } else {
                    disagreements.push(format!(
                        "{want:>15} -> {:<15} {}",
                        c.reason(),
                        &text[..text.len().min(100)]
                    ));
                }
            }
        }
    }
    println!(
        "classified {classified} vendor replies; Gmail official list: {gmail_agree}/{gmail} agree"
    );
    for d in &disagreements {
        println!("  {d}");
    }
    assert!(
        contradictions.is_empty(),
        "advice says retry, action says do not:\n{}",
        contradictions.join("\n")
    );
    assert!(classified >= 400, "only {classified} reply rows found");
    assert!(gmail >= 90, "only {gmail} Gmail rows with a category");
    assert!(
        gmail_agree * 100 >= gmail * 85,
        "Gmail category agreement {gmail_agree}/{gmail} below 85%"
    );
}
