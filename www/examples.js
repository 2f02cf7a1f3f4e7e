// Real replies for the example picker. Texts are quoted exactly as published (see
// ../shared/reference/vendor-replies.md for the sources); multi-line replies that a log had flattened
// onto one line are shown with their line breaks restored. Redactions such as x.xx.xx.xx are the
// publishers' own.

/** @type {{group: string, label: string, text: string, command?: string}[]} */
export const EXAMPLES = [
  {
    group: 'Google (Gmail, Workspace)',
    label: '421 4.7.0 low reputation of the sending domain',
    text: '421 4.7.0 [x.xx.xx.xx] Our system has detected that this message is suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. - gsmtp',
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '421 4.7.0 suspicious content or links',
    text: '421 4.7.0 [167.89.55.59 15] Our system has detected that this message is suspicious due to the nature of the content and/or the links within. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. u22si16671234pfl.244 - gsmtp',
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '421 4.7.28 unusual rate of unsolicited mail',
    text: '421 4.7.28 [x.xx.xx.xx] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. Please visit https://support.google.com/mail/?p=UnsolicitedRateLimitError to review our Bulk Email Senders Guidelines. - gsmtp',
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '450 4.2.1 receiving mail too fast (multi-line)',
    command: 'RCPT',
    text: [
      '450-4.2.1 The user you are trying to contact is receiving mail at a rate that',
      '450-4.2.1 prevents additional messages from being delivered. Please resend your',
      '450-4.2.1 message at a later time. If the user is able to receive mail at that',
      '450-4.2.1 time, your message will be delivered. For more information, please',
      '450-4.2.1 visit',
      '450 4.2.1  https://support.google.com/mail/?p=ReceivingRate aabb1122ccddeeff.547 - gsmtp',
    ].join('\n'),
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '452 4.2.2 mailbox over quota',
    text: '452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp',
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '550 5.1.1 account does not exist (multi-line)',
    command: 'RCPT',
    text: [
      '550-5.1.1 The email account that you tried to reach does not exist. Please try',
      "550-5.1.1 double-checking the recipient's email address for typos or",
      '550-5.1.1 unnecessary spaces. Learn more at',
      '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp',
    ].join('\n'),
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '550 5.7.26 unauthenticated sender (multi-line)',
    text: [
      '550-5.7.26 This mail has been blocked because the sender is unauthenticated.',
      '550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
      '550-5.7.26 Authentication results:',
      '550-5.7.26  DKIM = did not pass',
      '550-5.7.26  SPF [relay3.example.com] with ip: [192.0.2.22] = did not pass',
      '550-5.7.26 For instructions on setting up authentication, go to',
      '550 5.7.26 https://support.google.com/mail/answer/81126#authentication c2-202200202020202020222222cat.127 - gsmtp',
    ].join('\n'),
  },
  {
    group: 'Google (Gmail, Workspace)',
    label: '550 5.7.1 likely unsolicited mail',
    text: '550 5.7.1 [x.xx.xx.xx] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. Please visit https://support.google.com/mail/?p=UnsolicitedMessageError for more information. - gsmtp',
  },
  {
    group: 'Microsoft (Outlook.com, Microsoft 365)',
    label: '451 4.7.650 rate limited due to IP reputation',
    text: '451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)',
  },
  {
    group: 'Microsoft (Outlook.com, Microsoft 365)',
    label: '421 4.3.2 too many concurrent connections',
    text: '421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit, closing transmission channel. example.com. PRX8 [example.com]',
  },
  {
    group: 'Microsoft (Outlook.com, Microsoft 365)',
    label: '550 5.7.606 banned sending IP',
    text: '550 5.7.606 Access denied, banned sending IP [199.250.222.182]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 (AS16012609)',
  },
  {
    group: 'Microsoft (Outlook.com, Microsoft 365)',
    label: '550 5.4.1 recipient address rejected',
    command: 'RCPT',
    text: '550 5.4.1 [trinik.lemon@dhs.ga.gov]: Recipient address rejected: Access denied [CY1GCC01FT007.eop-gcc01.prod.protection.outlook.com]',
  },
  {
    group: 'Yahoo, AOL',
    label: '421 4.7.0 [TSS04] temporarily deferred',
    text: '421 4.7.0 [TSS04] Messages from ********* temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
  },
  {
    group: 'Yahoo, AOL',
    label: '553 5.7.2 [TSS09] permanently deferred',
    text: '553 5.7.2 [TSS09] All messages from 192.0.2.25 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes',
  },
  {
    group: 'Yahoo, AOL',
    label: "554 user doesn't have an account",
    command: 'RCPT',
    text: "554 delivery error: dd This user doesn't have a yahoo.com account (testing123@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",
  },
  {
    group: 'Greylisting',
    label: '450 4.2.0 greylisted for 60 seconds',
    command: 'RCPT',
    text: '450 4.2.0 <pablo@netfilter.org>: Recipient address rejected: Greylisted for 60 seconds',
  },
  {
    group: 'Greylisting',
    label: '450 4.2.0 postgrey',
    command: 'RCPT',
    text: '450 4.2.0 <schaefer@alphanet.ch>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/alphanet.ch.html',
  },
  {
    group: 'Greylisting',
    label: '451 4.7.1 milter-greylist, come back in 00:05:00',
    text: '451 4.7.1 Greylisting in action, please come back in 00:05:00',
  },
  {
    group: 'Protocol',
    label: '250 multi-line EHLO (Gmail)',
    command: 'EHLO',
    text: [
      '250-mx.google.com at your service, [203.0.113.7]',
      '250-SIZE 157286400',
      '250-8BITMIME',
      '250-STARTTLS',
      '250-ENHANCEDSTATUSCODES',
      '250-PIPELINING',
      '250-CHUNKING',
      '250 SMTPUTF8',
    ].join('\n'),
  },
  {
    group: 'Protocol',
    label: 'Several replies: greeting, accepted, bad sequence',
    text: [
      '220 mx.google.com ESMTP d72si22370812qhc.8 - gsmtp',
      '250 2.0.0 OK 1441269756 li14si9718740wic.1 - gsmtp',
      '503 5.5.1 RCPT first. u64si99035009qki.62 - gsmtp',
    ].join('\n'),
  },
  {
    group: 'Logs and bounces',
    label: 'Postfix log line: bounced by Gmail',
    text: "Nov 28 07:10:11 mail postfix/smtp[2712]: 3F2A81C0E4: to=<jane.doe@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.153.27]:25, delay=1.4, delays=0.05/0.01/0.62/0.7, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[142.250.153.27] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp (in reply to RCPT TO command))",
  },
  {
    group: 'Logs and bounces',
    label: 'Several replies: a Postfix log of seven deliveries (a breakdown by reason)',
    text: [
      "Nov 28 07:10:11 mail postfix/smtp[2712]: 3F2A81C0E4: to=<jane.doe@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.153.27]:25, delay=1.4, delays=0.05/0.01/0.62/0.7, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[142.250.153.27] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp (in reply to RCPT TO command))",
      "Nov 28 07:10:12 mail postfix/smtp[2713]: 5A1B82C1F5: to=<sam@yahoo.com>, relay=mta7.am0.yahoodns.net[67.195.204.72]:25, delay=0.8, delays=0.03/0.01/0.4/0.36, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.44 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))",
      "Nov 28 07:10:14 mail postfix/smtp[2714]: 6B2C93D2A6: to=<lee@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.68.4]:25, delay=1.1, delays=0.02/0.01/0.5/0.57, dsn=5.7.1, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.68.4] said: 550 5.7.1 Unfortunately, messages from [192.0.2.44] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. (in reply to MAIL FROM command))",
      "Nov 28 07:10:15 mail postfix/smtp[2715]: 7C3DA4E3B7: to=<kim@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.153.27]:25, delay=0.9, delays=0.02/0.01/0.4/0.47, dsn=4.2.2, status=deferred (host gmail-smtp-in.l.google.com[142.250.153.27] said: 452-4.2.2 The recipient's inbox is out of storage space. Please direct the 452-4.2.2 recipient to 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp 41be03b00d2f7-b1e7bsi1221311a12.95 - gsmtp (in reply to RCPT TO command))",
      "Nov 28 07:10:17 mail postfix/smtp[2716]: 8D4EB5F4C8: to=<pablo@netfilter.org>, relay=mail.netfilter.org[192.0.2.10]:25, delay=0.9, delays=0.02/0/0.41/0.47, dsn=4.2.0, status=deferred (host mail.netfilter.org[192.0.2.10] said: 450 4.2.0 <pablo@netfilter.org>: Recipient address rejected: Greylisted for 60 seconds (in reply to RCPT TO command))",
      "Nov 28 07:10:19 mail postfix/smtp[2717]: 9E5FC6A5D9: to=<ana@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.153.27]:25, delay=1.2, delays=0.03/0.01/0.55/0.61, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[142.250.153.27] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser d2e1a72fcca58-7a2b3si4125011b3a.88 - gsmtp (in reply to RCPT TO command))",
      "Nov 28 07:10:21 mail postfix/smtp[2718]: AF60D7B6EA: to=<bo@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=0.7, delays=0.02/0.01/0.3/0.37, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4dLq2k3Zx9z9sQn)",
    ].join('\n'),
  },
  {
    group: 'Logs and bounces',
    label: 'Postfix log line: deferred by greylisting',
    text: 'Nov 28 07:12:40 mail postfix/smtp[2731]: 9B3C21D0F7: to=<pablo@netfilter.org>, relay=mail.netfilter.org[192.0.2.10]:25, delay=0.9, delays=0.02/0/0.41/0.47, dsn=4.2.0, status=deferred (host mail.netfilter.org[192.0.2.10] said: 450 4.2.0 <pablo@netfilter.org>: Recipient address rejected: Greylisted for 60 seconds (in reply to RCPT TO command))',
  },
  {
    group: 'Logs and bounces',
    label: 'Postfix log line: deferred, connection timed out (no reply)',
    text: 'Nov 28 07:15:02 mail postfix/smtp[2750]: 4C1D22E0A8: to=<ops@example.org>, relay=none, delay=31, delays=0.02/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.25]:25: Connection timed out)',
  },
  {
    group: 'Logs and bounces',
    label: 'Exim log line: deferred, connection refused (no reply, no code)',
    text: '2026-11-28 07:20:11 1tQ2ab-000123-AB == ops@example.org R=dnslookup T=remote_smtp defer (111): Connection refused',
  },
  {
    group: 'Logs and bounces',
    label: 'Python smtplib error: recipient refused',
    text: "smtplib.SMTPRecipientsRefused: {'jane.doe@example.com': (550, b'5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown in virtual mailbox table')}",
  },
  {
    group: 'Logs and bounces',
    label: 'Webhook event (JSON, SendGrid style): bounce from Gmail',
    text: '{"email":"jane.doe@gmail.com","timestamp":1764313811,"event":"bounce","reason":"550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient\'s email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser 7-v6si8057303wrp.401 - gsmtp","status":"5.1.1","type":"bounce"}',
  },
  {
    group: 'Logs and bounces',
    label: '.NET SmtpException: mailbox unavailable (the reply code dropped)',
    text: 'System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. The server response was: 5.1.1 <jane.doe@example.com>: Recipient address rejected: User unknown in local recipient table',
  },
  {
    group: 'Logs and bounces',
    label: 'Node.js error: connection refused (no reply, no code)',
    text: 'Error: connect ECONNREFUSED 192.0.2.25:587\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
  },
  {
    group: 'Logs and bounces',
    label: 'Exim: SMTP error after MAIL FROM (Yahoo)',
    text: "host xx.yahoodns.net [x.xx.xx.xx] SMTP error from remote mail server after MAIL FROM:<user@example.com> SIZE=2022: 553 5.7.1 [BL21] Connections will not be accepted from x.xx.xx.xx, because the ip is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html",
  },
  {
    group: 'Logs and bounces',
    label: 'Bounce (DSN) delivery-status part',
    text: [
      'Reporting-MTA: dns; mail.example.com',
      'Arrival-Date: Sat, 28 Nov 2026 07:10:10 +0000',
      '',
      'Final-Recipient: rfc822; jane.doe@gmail.com',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; gmail-smtp-in.l.google.com',
      "Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser - gsmtp",
    ].join('\n'),
  },
];
