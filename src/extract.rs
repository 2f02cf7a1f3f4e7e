//! Finding the reply, and the command it answered, in text that people paste: Postfix and
//! Exim log lines, a DSN `Diagnostic-Code:` field with folded lines, a Sendmail session
//! transcript, or a bare reply. Everything borrows the input; nothing allocates.

use crate::scan::blanks;
use crate::{Command, EnhancedStatus, ReplyCode};

/// Where an extracted reply was found.
///
/// ```
/// use smtp_reply::{extract, Source};
/// let e = extract(b"Diagnostic-Code: smtp; 550 5.1.1 User unknown").unwrap();
/// assert_eq!(e.source(), Source::Dsn);
/// assert_eq!(e.source().as_str(), "dsn");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum Source {
    /// A bare reply (possibly after some leading words).
    Reply,
    /// A Postfix log line or bounce: `host X[ip] said: 550 ... (in reply to RCPT TO command)`.
    Postfix,
    /// An Exim log line or bounce: `SMTP error from remote mail server after RCPT TO:<x>: 550 ...`.
    Exim,
    /// A delivery status notification field: `Diagnostic-Code: smtp; 550 ...`.
    Dsn,
    /// A Sendmail session transcript: `>>> RCPT To:<x>` then `<<< 550 ...`; a Sendmail log
    /// line's status that holds no reply: `dsn=4.0.0, stat=Deferred: Connection timed out`;
    /// or its log of a refusal it sent: `ruleset=check_rcpt, ..., reject=550 5.7.1 ...`.
    Sendmail,
    /// A qmail bounce or log line: `... does not like recipient.` then `Remote host said: 550
    /// ...`, or in qmail-send's log `Remote_host_said:_550_...`.
    Qmail,
}

impl Source {
    /// A short lower-case name: `"reply"`, `"postfix"`, `"exim"`, `"dsn"`, `"sendmail"`,
    /// `"qmail"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Source::Postfix.as_str(), "postfix");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Reply => "reply",
            Source::Postfix => "postfix",
            Source::Exim => "exim",
            Source::Dsn => "dsn",
            Source::Sendmail => "sendmail",
            Source::Qmail => "qmail",
        }
    }
}

/// A reply found in surrounding text.
///
/// ```
/// use smtp_reply::{extract, Command, Source};
/// let line = b"Nov 28 07:13:56 mx postfix/smtp[123]: 4F2: to=<bob@example.com>, \
///     relay=mx.example.com[192.0.2.1]:25, status=bounced (host mx.example.com[192.0.2.1] \
///     said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown \
///     (in reply to RCPT TO command))";
/// let e = extract(line).unwrap();
/// assert_eq!(e.source(), Source::Postfix);
/// assert_eq!(e.command(), Some(Command::Rcpt));
/// assert_eq!(e.host(), Some(&b"mx.example.com"[..]));
/// assert!(e.text().starts_with(b"550 5.1.1 <bob@example.com>"));
/// assert!(e.text().ends_with(b"User unknown"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extracted<'a> {
    text: &'a [u8],
    code: Option<ReplyCode>,
    command: Option<Command>,
    source: Source,
    host: Option<&'a [u8]>,
    diagnostic_type: Option<&'a [u8]>,
    status: Option<EnhancedStatus>,
    /// The text is the reporting MTA's own words, no server's reply: Postfix's status
    /// without `said:`, its `X-Postfix;` diagnostic, Exim's deferral or failure, Sendmail's
    /// `stat=`; or a refusal it sent itself (Postfix's `reject:`, Exim's `rejected RCPT`).
    own: bool,
    /// The text writes each space as `_`, as qmail-send's log does.
    underscored: bool,
}

impl<'a> Extracted<'a> {
    /// The span of the input that holds the reply, as it appears there: folded lines, and
    /// the `<<< ` prefixes of a transcript, are kept; [`Extracted::segments`] removes them.
    ///
    /// ```
    /// let e = smtp_reply::extract(b"  550 5.1.1 No such user\n").unwrap();
    /// assert_eq!(e.text(), b"550 5.1.1 No such user");
    /// ```
    pub fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The reply code, when the text keeps it apart from the reply's words: Python
    /// `smtplib`'s `(550, b'5.1.1 ...')` or a JSON event's `"code": 550, "message": "..."`.
    /// [`Extracted::text`] is then the words alone, without the quotes around them.
    ///
    /// ```
    /// let e = smtp_reply::extract(b"SMTPDataError: (554, b'5.7.1 Message rejected')").unwrap();
    /// assert_eq!(e.code().map(|c| c.as_u16()), Some(554));
    /// assert_eq!(e.text(), b"5.7.1 Message rejected");
    /// assert_eq!(smtp_reply::extract(b"554 5.7.1 Message rejected").unwrap().code(), None);
    /// ```
    pub fn code(&self) -> Option<ReplyCode> {
        self.code
    }

    /// The command the reply answered, when the text says.
    ///
    /// ```
    /// use smtp_reply::{extract, Command};
    /// let e = extract(b"SMTP error from remote mail server after end of data: 550 spam").unwrap();
    /// assert_eq!(e.command(), Some(Command::EndOfData));
    /// ```
    pub fn command(&self) -> Option<Command> {
        self.command
    }

    /// What kind of text the reply was found in.
    ///
    /// ```
    /// use smtp_reply::{extract, Source};
    /// assert_eq!(extract(b"421 Busy").unwrap().source(), Source::Reply);
    /// ```
    pub fn source(&self) -> Source {
        self.source
    }

    /// The remote host that answered, when a log line names it.
    ///
    /// ```
    /// let e = smtp_reply::extract(b"host mx1.example.org[192.0.2.1] said: 452 4.2.2 Over quota").unwrap();
    /// assert_eq!(e.host(), Some(&b"mx1.example.org"[..]));
    /// ```
    pub fn host(&self) -> Option<&'a [u8]> {
        self.host
    }

    /// The diagnostic type of a DSN field (`smtp`, `X-Postfix`, `X-Unix`), when given.
    ///
    /// ```
    /// let e = smtp_reply::extract(b"Diagnostic-Code: X-Unix; 75 procmail failed").unwrap();
    /// assert_eq!(e.diagnostic_type(), Some(&b"X-Unix"[..]));
    /// ```
    pub fn diagnostic_type(&self) -> Option<&'a [u8]> {
        self.diagnostic_type
    }

    /// The enhanced code that the sending MTA recorded beside its words: Postfix's `dsn=5.4.4`
    /// before a status that holds no reply (`status=bounced (Host or domain name not found)`),
    /// the `Status:` field of a delivery-status part, or qmail's `(#5.1.2)` after its words.
    /// The classifier uses it when the text holds no reply code.
    ///
    /// ```
    /// let line = b"to=<bob@example.invalid>, dsn=5.4.4, status=bounced (Host or domain name not found)";
    /// let e = smtp_reply::extract(line).unwrap();
    /// assert_eq!(e.status().map(|s| s.to_string()).as_deref(), Some("5.4.4"));
    /// ```
    pub fn status(&self) -> Option<EnhancedStatus> {
        self.status
    }

    /// The MTA whose own words the text is, when no server's reply is in it (Postfix's
    /// `status=deferred (connect to ...: Connection timed out)`): it wrote them; or the MTA
    /// that sent the refusal its log gives (Postfix's `NOQUEUE: reject: ...`).
    pub(crate) fn reporter(&self) -> Option<crate::Provider> {
        use crate::Provider;
        if !self.own {
            return None;
        }
        match self.source {
            Source::Postfix | Source::Dsn => Some(Provider::Postfix),
            Source::Exim => Some(Provider::Exim),
            Source::Sendmail => Some(Provider::Sendmail),
            Source::Qmail => Some(Provider::Qmail),
            Source::Reply => None,
        }
    }

    /// Whether the text writes each space as `_` (qmail-send's log): the classifier then
    /// reads its words as the segments, and parses no reply out of it.
    pub(crate) fn underscored(&self) -> bool {
        self.underscored
    }

    /// The pieces of reply text in order, with folding white space and transcript prefixes
    /// removed: the classifier reads these as one text.
    ///
    /// ```
    /// let text = b"Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User\r\n    unknown\r\nStatus: 5.1.1";
    /// let e = smtp_reply::extract(text).unwrap();
    /// let pieces: Vec<&[u8]> = e.segments().collect();
    /// assert_eq!(pieces, [&b"550 5.1.1 <bob@example.com>... User"[..], b"unknown"]);
    /// ```
    ///
    /// qmail-send's log writes each space as `_`: its words are the segments there.
    ///
    /// ```
    /// let e = smtp_reply::extract(b"delivery 7: failure: Remote_host_said:_550_No_such_user/").unwrap();
    /// let pieces: Vec<&[u8]> = e.segments().collect();
    /// assert_eq!(pieces, [&b"550"[..], b"No", b"such", b"user/"]);
    /// ```
    pub fn segments(&self) -> Segments<'a> {
        Segments {
            rest: self.text,
            // A Sendmail transcript's reply starts at its `<<<` (a Sendmail log line's
            // status has none).
            transcript: self.text.starts_with(b"<<<"),
            separator: if self.underscored { b'_' } else { b'\n' },
        }
    }
}

/// The iterator returned by [`Extracted::segments`].
///
/// ```
/// let e = smtp_reply::extract(b"Diagnostic-Code: smtp; 550 5.1.1 No\r\n  such user").unwrap();
/// assert_eq!(e.segments().count(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    rest: &'a [u8],
    transcript: bool,
    separator: u8,
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let (line, rest) = split_at(self.rest, self.separator);
            self.rest = rest;
            let mut line = trim(line);
            if self.transcript {
                match line.strip_prefix(b"<<<") {
                    Some(l) => line = trim(l),
                    None => continue,
                }
            }
            if !line.is_empty() {
                return Some(line);
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

pub(crate) fn trim(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if is_space(*first) {
            s = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = s {
        if is_space(*last) {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// The first line (without its ending) and the rest after the line ending.
fn split_line(s: &[u8]) -> (&[u8], &[u8]) {
    split_at(s, b'\n')
}

/// `s` before and after its first `separator`.
fn split_at(s: &[u8], separator: u8) -> (&[u8], &[u8]) {
    match crate::scan::find(separator, s) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, &[]),
    }
}

/// The position of `needle` (ASCII, compared case-insensitively) in `hay` at or after
/// `from`. Linear in practice: candidates are found with `memchr2` on the first byte.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let at = i + crate::scan::find2(lo, up, &hay[i..hay.len() - needle.len() + 1])?;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn is_digit(b: Option<&u8>) -> bool {
    matches!(b, Some(b'0'..=b'9'))
}

/// Whether a reply code (`ddd` then a space, `-`, or the end) starts at `at`.
fn code_at(s: &[u8], at: usize) -> bool {
    matches!(s.get(at), Some(b'1'..=b'5'))
        && is_digit(s.get(at + 1))
        && is_digit(s.get(at + 2))
        && matches!(
            s.get(at + 3),
            None | Some(b' ' | b'-' | b'\r' | b'\n' | b'\t')
        )
}

/// Whether `t` starts with a reply code, also one quoted with a colon (`550: 5.2.2 ...`, as
/// some bounces write it) or run into its text (`250OK`, which the lenient parse reads).
/// Only at the start: inside a text, `port 465:` is no reply.
fn starts_with_code(t: &[u8]) -> bool {
    code_at(t, 0)
        || matches!(t.get(3), Some(b':' | b'a'..=b'z' | b'A'..=b'Z')) && code_at(&t[..3], 0)
}

/// The end of a value that may continue on folded lines (lines starting with white space), or
/// on the next lines of a multi-line reply (lines starting with a reply code).
fn folded_end(s: &[u8], start: usize) -> usize {
    let mut end = match crate::scan::find(b'\n', &s[start..]) {
        Some(i) => start + i,
        None => return s.len(),
    };
    loop {
        // `end` is at a '\n'; does the next line continue the value?
        let next = end + 1;
        match s.get(next) {
            Some(b' ' | b'\t') => {}
            Some(b'1'..=b'5') if code_at(s, next) => {}
            _ => return end,
        }
        let line_end = crate::scan::find(b'\n', &s[next..]).map_or(s.len(), |i| next + i);
        if trim(&s[next..line_end]).is_empty() {
            return end;
        }
        end = line_end;
        if end == s.len() {
            return end;
        }
    }
}

fn span(s: &[u8], start: usize, end: usize) -> &[u8] {
    trim(&s[start.min(end)..end])
}

/// Finds the reply in `text` and, when the text says, the command it answered and the host
/// that sent it. A text that starts with a reply code is taken as a bare reply (one copied
/// out of a Postfix bounce may end with its `(in reply to RCPT TO command)`, which gives
/// the command and is not the reply's text). Otherwise
/// this tries, in order: a DSN `Diagnostic-Code:` field (or a bare `smtp;` value), a
/// Postfix `said:`, `refused to talk to me:` or `status=... (...)`, an Exim `SMTP error from
/// remote mail server after ...:`, `defer (...):` or `** address ...:`, a Sendmail
/// transcript (`<<< 550 ...`), and a bare reply (a Sendmail log's `, reject=550 ...` is the
/// refusal it sent), also one that follows some words (`Remote server replied: 550 ...`) or
/// is quoted with a comma, as in a Python `smtplib` error
/// (`(550, b'5.1.1 ...')`), a JSON event (`"code": 550, "message": "5.1.1 ..."`), lettre's
/// error (`permanent error (550): 5.1.1 ...`) or PHPMailer's (`Detail: ... SMTP code: 554`).
/// A DSN field, a Postfix status (`status=deferred (connect to ...: Connection timed out)`),
/// an Exim deferral or failure, a Sendmail log line's status (`stat=Deferred: Connection
/// timed out with ...`), or qmail's words ending in their status (`(#5.1.2)`) may hold no
/// reply at all, only the sending MTA's words; .NET's `SmtpException` keeps only the
/// enhanced code (`The server response was: 5.1.1 User unknown`). Sendmail's local delivery
/// agent says why before Sendmail's reply (`mail.local: unknown user: bob` then `554
/// <bob@example.com>... Service unavailable`): its words are the text, the code kept apart.
/// In a JSON event (a text that starts with `{`, or `[` for a batch) the reply ends with its
/// string. A client library's `RCPT TO command failed:` or nodemailer's `Message failed:`
/// before a reply gives the command, as does a printed error object's `command` field
/// (`"command":"DATA"`, Node's `command: 'RCPT TO'`); a stack trace (`    at ...`) ends the
/// reply. `None` when the text holds none of these.
///
/// Linear in the length of `text`; never allocates or panics.
///
/// ```
/// use smtp_reply::{extract, Command, Source};
/// let exim = b"** bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.1]: \
///     SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 No such user";
/// let e = extract(exim).unwrap();
/// assert_eq!((e.source(), e.command()), (Source::Exim, Some(Command::Rcpt)));
/// assert_eq!(e.text(), b"550 5.1.1 No such user");
///
/// let transcript = b"... while talking to mx.example.com.:\n>>> DATA\n<<< 554 5.7.1 Spam rejected\n";
/// let e = extract(transcript).unwrap();
/// assert_eq!((e.source(), e.command()), (Source::Sendmail, Some(Command::Data)));
///
/// assert!(extract(b"no reply in here").is_none());
/// ```
pub fn extract(text: &[u8]) -> Option<Extracted<'_>> {
    // A byte-order mark, as a file saved on Windows starts, is not text.
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    // A text that starts with a reply (the common case) is one: no log format starts so.
    let t = trim(text);
    if starts_with_code(t) || EnhancedStatus::parse(t).is_some() {
        let mut e = make(t, Source::Reply);
        // A reply copied out of a Postfix bounce keeps its `(in reply to RCPT TO command)`:
        // the command it answered, not its words. Only looked for in a text that ends with a
        // parenthesis, as that one does: searching every reply for it cost `classify_text`
        // 4% more instructions.
        if t.last() == Some(&b')') {
            if let Some((end, command)) = in_reply_to(t, 0, t.len()) {
                (e.text, e.command) = (trim(&t[..end]), command);
            }
        }
        return Some(e);
    }
    let dsn = dsn(text);
    let report = postfix(text).or_else(|| exim(text));
    let mut e = match (dsn, report) {
        // A whole bounce: its report for people may say what the DSN field does not, as
        // Postfix's `(in reply to RCPT TO command)` or Exim's `after RCPT TO:<...>:`.
        (Some(mut d), r) => {
            d.command = d.command.or(r.and_then(|r| r.command));
            d
        }
        (None, Some(r)) => r,
        (None, None) => {
            let mut e = sendmail(text)
                .or_else(|| phpmailer(text))
                .or_else(|| bare(text))
                .or_else(|| sendmail_status(text))?;
            // Sendmail's log of a refusal it sent (`sm-mta[...]: ...: ruleset=check_rcpt,
            // arg1=<...>, relay=..., reject=550 5.7.1 ...`, a milter's `Milter: data,
            // reject=...`): its own reply.
            if e.source == Source::Reply && find(text, 0, b", reject=").is_some() {
                (e.source, e.own) = (Source::Sendmail, true);
            }
            e
        }
    };
    // An Exchange NDR names the server that refused (`Receiving server: mx.example.org
    // (192.0.2.1)`), or, when its own organization refused, the one that wrote it
    // (`Generating server: PH0PR11MB4982.namprd11.prod.outlook.com`).
    if e.host.is_none() {
        e.host = value_after(text, b"receiving server:")
            .or_else(|| value_after(text, b"generating server:"));
    }
    // A JSON event (or a batch of them, not a PowerShell prompt's `[PS] C:\>`): the reply
    // is a string value, which ends at its closing quote.
    if matches!(
        t,
        [b'{', ..] | [b'[', b'{' | b' ' | b'\t' | b'\r' | b'\n', ..]
    ) && e.code.is_none()
    {
        e.text = &e.text[..string_end(e.text, b'"', 0)];
    }
    e.text = until_blank_line(e.text);
    Some(e)
}

/// `text` up to its first blank line or stack frame. A reply holds neither (nor does a log
/// line, a DSN field or a transcript), and what follows one in a pasted bounce is not the
/// reply: the original message's headers, a signature, the next recipient's report; after
/// an error that a program printed, its stack (`    at SMTPConnection._formatError
/// (.../index.js:790:19)` in Node, `\tat com.sun.mail.smtp.SMTPTransport.rcptTo(...)` in Java).
fn until_blank_line(text: &[u8]) -> &[u8] {
    let mut from = 0;
    while let Some(k) = crate::scan::find_once(b'\n', &text[from..]) {
        let lf = from + k;
        let next = &text[lf + 1..];
        if empty_line(next).is_some() || leading_spaces(next) > 0 && stack_frame(next) {
            return trim(&text[..lf]);
        }
        from = lf + 1;
    }
    text
}

/// Whether `s` starts with a line of a stack trace: `at`, a path or file name (a `/` or a
/// `.`), a line number after a colon, and an end at a digit, a `)` or Node's ` {` (added
/// when the error has fields): `at f (/app/x.js:790:19)`, `at /app/x.js:12:5`, Java's `at
/// a.B.c(B.java:1446)`. A folded line of words that starts with `at` (`at least 5 minutes
/// (greylisting)`, `at 10:00`) is none.
fn stack_frame(s: &[u8]) -> bool {
    let line = trim(first_line(s));
    line.starts_with(b"at ")
        && matches!(line.last(), Some(b')' | b'{' | b'0'..=b'9'))
        && line
            .windows(2)
            .any(|w| w[0] == b':' && w[1].is_ascii_digit())
        && crate::scan::find_once(b'/', line)
            .or_else(|| crate::scan::find_once(b'.', line))
            .is_some()
}

/// `s` up to its first LF (the whole of `s` if none).
fn first_line(s: &[u8]) -> &[u8] {
    &s[..crate::scan::find_once(b'\n', s).unwrap_or(s.len())]
}

/// When `s` starts with an empty line (blanks, a CR, then its LF), that line's length.
fn empty_line(s: &[u8]) -> Option<usize> {
    let n = s
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r'))
        .count();
    (s.get(n) == Some(&b'\n')).then_some(n + 1)
}

/// Where a string ends in `s`, which starts inside it: at the `skip + 1`-th `quote` that is
/// not escaped; the end of `s` if none.
fn string_end(s: &[u8], quote: u8, mut skip: usize) -> usize {
    let mut from = 0;
    while let Some(k) = crate::scan::find_once(quote, &s[from..]) {
        let at = from + k;
        from = at + 1;
        if at > 0 && s[at - 1] == b'\\' {
            continue;
        }
        if skip == 0 {
            return at;
        }
        skip -= 1;
    }
    s.len()
}

/// A code quoted apart from its words ([`quoted_code_at`] at `i`): the words are the string
/// after it (Python's `b'...'`), or in JSON the object's `"message"` (Mailgun puts an often
/// empty `"description"` and other keys between the two, in no fixed order) or `"content"`
/// (KumoMTA's), else the value after the next key; up to its closing quote. KumoMTA's
/// enhanced code, an object of numbers, is not read: the words give the reason (reading it
/// cost the wasm 266 B gzip).
fn quoted(t: &[u8], i: usize) -> Extracted<'_> {
    let rest = &t[i + 3..];
    let after = PY_BYTES
        .iter()
        .find(|p| rest.starts_with(p))
        .map(|p| &rest[p.len()..]);
    let words = match after {
        Some([q @ (b'\'' | b'"'), body @ ..]) => &body[..string_end(body, *q, 0)],
        _ => json_message(t, i).unwrap_or_else(|| {
            // `, "message": "`: the value's quote is the third `"`.
            let body = rest
                .get(string_end(rest, b'"', 2) + 1..)
                .unwrap_or_default();
            &body[..string_end(body, b'"', 0)]
        }),
    };
    let mut e = make(words, Source::Reply);
    e.code = ReplyCode::from_bytes(&t[i..i + 3]);
    e
}

/// What comes between a code and its words' bytes in Python: a tuple's `, b'...'`, smtplib's
/// debug line's `); Msg: b'...'`.
const PY_BYTES: [&[u8]; 2] = [b", b", b"); Msg: b"];

/// The string value of `"message"` (Mailgun's) or `"content"` (KumoMTA's) in the JSON object
/// around position `i`, when it has words. Read up to the object's end; objects nested in it
/// (KumoMTA's `"enhanced_code": {...}` between the code and the words) are passed over.
fn json_message(t: &[u8], i: usize) -> Option<&[u8]> {
    let mut at = t[..i].iter().rposition(|&b| b == b'{')?;
    let mut depth = 0u32;
    loop {
        at += 1;
        match *t.get(at)? {
            b'{' => depth += 1,
            b'}' if depth == 0 => return None,
            b'}' => depth -= 1,
            b'"' => {
                let s = &t[at + 1..];
                let string = &s[..string_end(s, b'"', 0)];
                // On to its closing quote (or the end). A key is followed by its colon; the
                // same word as a value is not.
                at += string.len() + 1;
                let rest = skip_spaces(t.get(at + 1..).unwrap_or_default());
                let key = string.eq_ignore_ascii_case(b"message")
                    || string.eq_ignore_ascii_case(b"content");
                if let (true, Some(value)) = (key && depth == 0, rest.strip_prefix(b":")) {
                    let value = skip_spaces(value).strip_prefix(b"\"")?;
                    let value = &value[..string_end(value, b'"', 0)];
                    return (!trim(value).is_empty()).then_some(value);
                }
            }
            _ => {}
        }
    }
}

fn skip_spaces(s: &[u8]) -> &[u8] {
    &s[leading_spaces(s)..]
}

/// Postfix's `(in reply to RCPT TO command)` in `s[from..end]`: where it starts, and the
/// command it names.
fn in_reply_to(s: &[u8], from: usize, end: usize) -> Option<(usize, Option<Command>)> {
    let at = find(&s[..end], from, b"(in reply to ")?;
    Some((at, Command::parse(&s[at + b"(in reply to ".len()..end])))
}

fn make(text: &[u8], source: Source) -> Extracted<'_> {
    Extracted {
        text,
        code: None,
        command: None,
        source,
        host: None,
        diagnostic_type: None,
        status: None,
        own: false,
        underscored: false,
    }
}

fn dsn(s: &[u8]) -> Option<Extracted<'_>> {
    // `wrapped`: Exchange's wrapper around a reply, `<mx.example.com #5.1.1 smtp;550 5.1.1
    // User unknown>` (then `'` or ` #SMTP#`): the reply ends at its closing `>`.
    let (value, field, wrapped) = match find(s, 0, b"diagnostic-code:") {
        Some(at) => (at + b"diagnostic-code:".len(), true, false),
        None => {
            // A bare value such as "smtp;550 5.1.1 ..." or "SMTP; 552-5.2.3 ...".
            let at = find(s, 0, b"smtp;")?;
            if at > 0 && s[at - 1].is_ascii_alphanumeric() {
                return None;
            }
            // A `<`, then the host and a `#` before the status, on the line before `smtp;`.
            let line = &s[s[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1)..at];
            let open = line.iter().rposition(|&b| b == b'<');
            let wrapped = open.is_some_and(|o| crate::scan::find_once(b'#', &line[o..]).is_some());
            (at, false, wrapped)
        }
    };
    let mut i = value;
    i += blanks(&s[i..]);
    let mut diagnostic_type = None;
    // "type;" then the text; the type is a short token.
    let type_end = s[i..]
        .iter()
        .take(24)
        .position(|b| *b == b';')
        .map(|p| i + p);
    if let Some(te) = type_end {
        let t = trim(&s[i..te]);
        if !t.is_empty() && t.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            diagnostic_type = Some(t);
            i = te + 1;
        }
    }
    if !field && diagnostic_type.is_none() {
        return None;
    }
    i += blanks(&s[i..]);
    let end = folded_end(s, i);
    let mut value = span(s, i, end);
    if wrapped {
        if let Some(close) = value.iter().rposition(|&b| b == b'>') {
            value = trim(&value[..close]);
        }
    }
    // Postfix writes the remote server's reply into its own diagnostic type (`X-Postfix;
    // host mx.example.com[192.0.2.1] said: 552 ... (in reply to RCPT TO command)`): that is
    // read as its log line is, with the command and the host.
    if !starts_with_code(value) && find(value, 0, b" said: ").is_some() {
        return None;
    }
    let mut e = make(value, Source::Dsn);
    e.diagnostic_type = diagnostic_type;
    e.own = diagnostic_type.is_some_and(|t| t.eq_ignore_ascii_case(b"x-postfix"));
    // The server that answered, as the delivery-status part names it: `Remote-MTA: dns;
    // mxs.mail.ru`.
    e.host = value_after(s, b"remote-mta: dns;").filter(|h| !h.is_empty());
    // The delivery-status part's own `Status: 5.1.1` field, for a diagnostic without a code.
    e.status = status_after(s, b"\nstatus:");
    Some(e)
}

/// The enhanced code that is the [`value_after`] `key` in `s`: Postfix's `dsn=5.1.1,`, a
/// DSN's `Status: 5.1.1`, qmail's `(#5.1.1)`.
fn status_after(s: &[u8], key: &[u8]) -> Option<EnhancedStatus> {
    EnhancedStatus::parse(value_after(s, key)?).map(|(status, _)| status)
}

/// The value after the first `key` in `s` (and any blanks), up to a comma, a semicolon, a
/// closing parenthesis or white space.
fn value_after<'s>(s: &'s [u8], key: &[u8]) -> Option<&'s [u8]> {
    let at = find(s, 0, key)? + key.len();
    s[at + blanks(&s[at..])..]
        .split(|&b| matches!(b, b',' | b')' | b';') || is_space(b))
        .next()
}

fn postfix(s: &[u8]) -> Option<Extracted<'_>> {
    let said = find(s, 0, b"said:")
        .filter(|&at| at == 0 || matches!(s[at - 1], b' ' | b'\t' | b')' | b'_'));
    // `local`: a refusal this Postfix sent (it wrote it, or a milter), whose log fields
    // after it name the client.
    let mut local = false;
    // `own`: no reply, only Postfix's own words in its status,
    // `status=deferred (connect to mx.example.com[192.0.2.1]:25: Connection timed out)`.
    let (mut start, mut command, own) = match said {
        Some(at) => (at + b"said:".len(), None, false),
        None => match find(s, 0, b"refused to talk to me:") {
            Some(at) => (
                at + b"refused to talk to me:".len(),
                Some(Command::Connect),
                false,
            ),
            // The receiving Postfix's own refusal, or a milter's that it sent:
            // `NOQUEUE: reject: RCPT from host[192.0.2.1]: 550 5.1.1 ...; from=<...>`,
            // `milter-reject: END-OF-MESSAGE from host[192.0.2.1]: 5.7.1 Spam message rejected`
            // (the status alone), `proxy-reject: END-OF-MESSAGE: 554 5.7.0 ...`.
            None => match find(s, 0, b"reject: ")
                .filter(|&at| at > 1 && (s[at - 1] == b'-' || &s[at - 2..at] == b": "))
                .map(|at| at + b"reject: ".len())
                // Not `reject: header ...` or `reject: body ...`: cleanup's verdict, whose
                // status follows the client's fields (the arm below).
                .and_then(|from| Some((from, Command::parse(&s[from..])?)))
                .filter(|&(_, c)| c != Command::Other)
            {
                Some((from, command)) => {
                    local = true;
                    (find(s, from, b": ")? + 2, Some(command), false)
                }
                // Its cleanup's verdict on the content (`header_checks`, `body_checks`):
                // `reject: header Subject: ... from host[192.0.2.1]; from=<...> to=<...>
                // proto=ESMTP helo=<...>: 5.7.1 Message content rejected`, sent after the
                // data.
                None if find(s, 0, b": reject: header ")
                    .or_else(|| find(s, 0, b": reject: body "))
                    .is_some() =>
                {
                    local = true;
                    let fields = find(s, 0, b"; from=<")?;
                    (find(s, fields, b": ")? + 2, Some(Command::EndOfData), false)
                }
                None => {
                    // Its words in parentheses, or the status alone (`status=expired,
                    // returned to sender`).
                    let at = find(s, 0, b"status=")? + b"status=".len();
                    let words = s[at..].iter().position(|&b| b == b'(').map_or(0, |p| p + 1);
                    (at + words, None, true)
                }
            },
        },
    };
    // `said:` ending its line (a bounce wrapped there, or prose): the reply is on the next.
    if let Some(n) = empty_line(&s[start..]) {
        start += n;
    }
    let line_end = folded_end(s, start);
    let mut end = line_end;
    if local {
        // Its fields after the reply name the client (`; from=<...> ... helo=<...>`).
        end = find(&s[..line_end], start, b"; from=<").unwrap_or(end);
    } else if let Some((at, c)) = in_reply_to(s, start, line_end) {
        (end, command) = (at, c);
    } else if let Some(at) = find(
        &s[..line_end],
        start,
        b"while receiving the initial server greeting",
    ) {
        end = at;
        command = Some(Command::Connect);
    } else if let Some(at) = find(&s[..line_end], start, b" while sending ") {
        // `lost connection with mx.example.com[192.0.2.1] while sending RCPT TO`
        command = Command::parse(&s[at + b" while sending ".len()..line_end]);
    }
    // The host: "host NAME[ip] said:" or "host NAME said:", the last before the reply (a
    // bounce names its own first: `This is the mail system at host ...`); for a status
    // that quotes the reply (`status=sent (250 2.0.0 Ok)`), its `relay=NAME[ip]:25`.
    let key: &[u8] = match own && s.get(start).is_some_and(u8::is_ascii_digit) {
        true => b"relay=",
        false => b"host ",
    };
    let mut at = find(&s[..start], 0, key);
    while let Some(later) = at.and_then(|h| find(&s[..start], h + 1, key)) {
        at = Some(later);
    }
    let host = at.and_then(|h| {
        let from = h + key.len();
        let len = s[from..start]
            .iter()
            .position(|b| matches!(b, b'[' | b' ' | b'('))
            .unwrap_or(0);
        if len > 0 {
            Some(&s[from..from + len])
        } else {
            None
        }
    });
    let mut e = make(span(s, start, end), Source::Postfix);
    e.command = command;
    e.host = host;
    e.own = local;
    // qmail's `Remote host said:`. qmail-send's log writes each space as `_`
    // (`Remote_host_said:_553_5.7.1_Denied/`): the classifier reads the words between them.
    if let Some(at) = said.filter(|&at| at >= 5 && &s[at - 5..at - 1] == b"host") {
        e.source = Source::Qmail;
        e.underscored = s[at - 1] == b'_';
    }
    if own {
        // The status's closing parenthesis is not text, and Postfix logs the status of its
        // own verdict as `dsn=4.4.1` before it.
        e.text = e.text.strip_suffix(b")").unwrap_or(e.text);
        e.status = status_after(&s[..start], b"dsn=");
        e.own = true;
    }
    Some(e)
}

fn exim(s: &[u8]) -> Option<Extracted<'_>> {
    let Some(at) = find(s, 0, b"smtp error from remote mail") else {
        // A delivery (`=> bob@example.com ... H=mx.example.com [192.0.2.1] ...
        // C="250 2.0.0 OK ..."`): the confirmation that answered the end of the data.
        if let Some(c) = find(s, 0, b" C=\"").filter(|&c| code_at(s, c + 4)) {
            let reply = &s[c + 4..];
            let mut e = make(&reply[..string_end(reply, b'"', 0)], Source::Exim);
            e.command = Some(Command::EndOfData);
            e.host = exim_host(&s[..c]);
            return Some(e);
        }
        // No reply, only Exim's own words, after a deferral's errno or a failure's address:
        // `== bob@example.com R=dnslookup T=remote_smtp defer (111): Connection refused`,
        // `** bob@example.com R=dnslookup: Unrouteable address`. Or the receiving Exim's own
        // refusal, logged without the code it sent (550, or 451 when temporary): `H=...
        // F=<a@example.net> rejected RCPT <b@example.com>: relay not permitted`,
        // `temporarily rejected after DATA: ...` (after the message's data).
        let rejected = find(s, 0, b" rejected ").filter(|_| find(s, 0, b" F=<").is_some());
        let found = rejected.or_else(|| find(s, 0, b" defer (")).or_else(|| {
            // A failure names the address right after its `**` (markdown's bold does not).
            let at = find(s, 0, b"** ")?;
            let mut address = s[at + 3..].iter().take_while(|b| !matches!(b, b' ' | b':'));
            address.any(|&b| b == b'@').then_some(at)
        });
        let start = match found {
            Some(at) => after_colon(s, at)? + 1,
            // Its bounce's own failure, on the line after the address (`The following
            // address(es) failed:\n\n  bob@example.com\n    mailbox is full: retry timeout
            // exceeded`).
            None => {
                let f = find(s, 0, b"address(es) failed:")?;
                find(s, find(s, f, b"@")?, b"\n")? + 1
            }
        };
        let mut e = make(span(s, start, folded_end(s, start)), Source::Exim);
        e.own = true;
        if let Some(at) = rejected {
            e.code = Some(if s[..at].ends_with(b"temporarily") {
                ReplyCode::LOCAL_ERROR
            } else {
                ReplyCode::MAILBOX_UNAVAILABLE
            });
            // `RCPT <...>`, `MAIL <...>`, else `after DATA`.
            e.command = match Command::parse(&s[at + b" rejected ".len()..]) {
                c @ Some(Command::Rcpt | Command::Mail) => c,
                _ => Some(Command::EndOfData),
            };
        }
        return Some(e);
    };
    let after = find(s, at, b" after ")? + b" after ".len();
    // The reply starts at the first ':' after the command that is followed by a code,
    // perhaps on the next (indented) line.
    let mut i = after;
    let start = loop {
        let colon = after_colon(s, i)?;
        let mut j = colon + 1;
        while j < s.len() && is_space(s[j]) {
            j += 1;
        }
        if code_at(s, j) {
            break j;
        }
        i = colon + 1;
    };
    let end = folded_end(s, start);
    let mut e = make(span(s, start, end), Source::Exim);
    e.command = Command::parse(&s[after..start]);
    e.host = exim_host(&s[..at]);
    Some(e)
}

/// The host of Exim's `H=mx.example.com [192.0.2.1]` field in `s`, or of its bounce's
/// `host mx.example.com [192.0.2.1]` line, if any.
fn exim_host(s: &[u8]) -> Option<&[u8]> {
    let from = match find(s, 0, b"H=") {
        Some(at) => at + 2,
        None => find(s, 0, b"host ")? + b"host ".len(),
    };
    let len = s[from..]
        .iter()
        .position(|b| matches!(b, b' ' | b'[' | b':'))
        .unwrap_or(0);
    Some(&s[from..from + len]).filter(|h| !h.is_empty())
}

fn after_colon(s: &[u8], from: usize) -> Option<usize> {
    crate::scan::find_once(b':', &s[from.min(s.len())..]).map(|i| from + i)
}

fn sendmail(s: &[u8]) -> Option<Extracted<'_>> {
    // The first "<<< 4xx/5xx" line; the command is the last client line's before it.
    let mut pos = 0;
    while pos < s.len() {
        let (line, rest) = split_line(&s[pos..]);
        let line_start = pos;
        pos = s.len() - rest.len();
        let t = trim(line);
        if let Some(r) = t.strip_prefix(b"<<<") {
            let r = trim(r);
            if matches!(r.first(), Some(b'4' | b'5')) && starts_with_code(r) {
                // The reply continues on the following "<<< " lines.
                let mut end = line_start + line.len();
                let mut next = pos;
                while next < s.len() {
                    let (l, rest2) = split_line(&s[next..]);
                    if !trim(l).starts_with(b"<<<") {
                        break;
                    }
                    end = next + l.len();
                    next = s.len() - rest2.len();
                }
                let start = line_start + leading_spaces(line);
                let mut e = make(span(s, start, end), Source::Sendmail);
                e.command = transcript_command(&s[..line_start]);
                return Some(e);
            }
        }
    }
    None
}

/// The command of a transcript's client line: Sendmail's `>>> RCPT To:<x>`, swaks' `-> RCPT
/// TO:<x>` (`~>` over TLS), curl's `> RCPT TO:<x>`, an RFC's `C: RCPT TO:<x>`, nodemailer's
/// `[...] C: RCPT TO:<x>`, PHPMailer's `CLIENT -> SERVER: RCPT TO:<x>`, Python's `send: 'rcpt
/// TO:<x>\r\n'`; a `.` alone ends the data. `None` for any other line, and for words that
/// name no command (a quoted mail's `> Thanks`).
fn client_command(line: &[u8]) -> Option<Command> {
    let t = trim(line);
    let rest = match t {
        [b'>', b'>', b'>', r @ ..]
        | [b'-' | b'~', b'>', r @ ..]
        | [b'C', b':', r @ ..]
        | [b'>', r @ ..] => r,
        _ => {
            let marker = [&b"CLIENT -> SERVER:"[..], b"] C:", b"send: '"]
                .iter()
                .find_map(|m| find(t, 0, m).map(|at| at + m.len()))?;
            &t[marker..]
        }
    };
    match trim(rest) {
        [b'.', ..] => Some(Command::EndOfData),
        rest => Command::parse(rest).filter(|&c| c != Command::Other),
    }
}

/// The last command that the client lines of `s` send ([`client_command`]).
fn transcript_command(mut s: &[u8]) -> Option<Command> {
    let mut command = None;
    while !s.is_empty() {
        let (line, rest) = split_line(s);
        command = client_command(line).or(command);
        s = rest;
    }
    command
}

/// A Sendmail log line's status, when it holds no reply (one that does is found as a bare
/// reply): Sendmail's own words after `stat=` (`stat=Deferred: Connection timed out with
/// mx.example.com.`, `stat=unknown mailer error 1`, `stat=Sent (OK ... - gsmtp)`), with the
/// `dsn=` status before them.
fn sendmail_status(s: &[u8]) -> Option<Extracted<'_>> {
    let at = find(s, 0, b" stat=")? + b" stat=".len();
    let words = first_line(&s[at..]);
    let mut e = make(trim(words), Source::Sendmail);
    e.status = status_after(&s[..at], b"dsn=");
    e.own = true;
    // A delivery's `stat=Sent (...)` is read with its `dsn=2.0.0`; without one it says
    // nothing to classify.
    (e.status.is_some() || !words.starts_with(b"Sent")).then_some(e)
}

/// Whether a code quoted apart from its text starts at `i`, its text following: Python's
/// `(550, b'5.1.1 ...')` and its smtplib's debug line `reply: retcode (550); Msg: b'5.1.1
/// ...'` ([`PY_BYTES`]), or a JSON `"code": 550, "message": "5.1.1 ..."` (Mailgun's events).
fn quoted_code_at(t: &[u8], i: usize) -> bool {
    matches!(t.get(i + 3), Some(b',' | b'}' | b')'))
        && code_at(&t[..i + 3], i)
        && (PY_BYTES.iter().any(|p| t[i + 3..].starts_with(p))
            // JSON may put a space after the colon, and the code last in its object.
            || find(&t[i.saturating_sub(8)..i], 0, b"\"code\":").is_some())
}

/// A client library's words before the reply that name the command: nodemailer's `Recipient
/// command failed: 550 ...` or `Message failed: 550 ...` (after the data), PHPMailer's `RCPT
/// TO command failed: 550 ...`.
fn failed_command(t: &[u8]) -> Option<Command> {
    // nodemailer's message, alone or after a label (Node's `Error: `), not any words that
    // end so (`sending the message failed: 550 ...` names no command).
    if let Some(at) = find(t, 0, b"message failed:") {
        if at == 0 || t[..at].ends_with(b": ") {
            return Some(Command::EndOfData);
        }
    }
    let at = find(t, 0, b" command failed")?;
    let from = t[..at]
        .iter()
        .rposition(|&b| b == b':')
        .map_or(0, |c| c + 1);
    Command::parse(&t[from..at])
}

/// The command a program's error object names in its `command` field, printed as JSON
/// (`"command": "RCPT TO"`) or by Node (`command: 'DATA'`), as nodemailer's errors hold it.
fn keyed_command(t: &[u8]) -> Option<Command> {
    let mut from = 0;
    while let Some(at) = find(t, from, b"command") {
        from = at + 7;
        let key = &t[from..];
        let key = key.strip_prefix(b"\"").unwrap_or(key);
        if let [b':', value @ ..] = key {
            if let [q @ (b'"' | b'\''), value @ ..] = &value[leading_spaces(value)..] {
                return Command::from_name(&value[..string_end(value, *q, 0)]);
            }
        }
    }
    None
}

/// PHPMailer's `ErrorInfo`, each part after its label: `SMTP server error: DATA END command
/// failed Detail: Message rejected as spam SMTP code: 554 Additional SMTP info: 5.7.1`.
fn phpmailer(t: &[u8]) -> Option<Extracted<'_>> {
    const DETAIL: &[u8] = b" detail: ";
    const CODE: &[u8] = b" smtp code: ";
    let words = find(t, 0, DETAIL)? + DETAIL.len();
    let code = find(t, words, CODE)?;
    let mut e = make(trim(&t[words..code]), Source::Reply);
    e.code = ReplyCode::from_bytes(t.get(code + CODE.len()..code + CODE.len() + 3)?);
    e.status = status_after(&t[code..], b"smtp info:");
    e.command = failed_command(&t[..words]);
    Some(e)
}

/// Whether a code in parentheses and then its words start at `i`, as lettre (Rust) prints
/// its errors: `permanent error (550): 5.1.1 <bob@example.com>: User unknown`.
fn parenthesized_code_at(t: &[u8], i: usize) -> bool {
    i > 0 && t[i - 1] == b'(' && t.get(i + 3..i + 5) == Some(b"):") && code_at(&t[..i + 3], i)
}

/// Whether `p`, a line up to a reply code, is what a transcript's server line has before
/// its reply: nothing (telnet, JavaMail's debug output, `sendmail -v`), a marker (Sendmail's
/// `<<<`, swaks' `<-`, curl's `<`), or a prefix that ends with an `S:` (an RFC's, nodemailer's
/// `[...] S:`) or a `CLIENT:` (PHPMailer's `SERVER -> CLIENT:`). Only the blanks before the
/// code are read backwards, so that a line of many codes is read in linear time.
fn server_line(p: &[u8]) -> bool {
    let p = &p[..p.iter().rposition(|&b| !is_space(b)).map_or(0, |k| k + 1)];
    p.ends_with(b"S:")
        || p.ends_with(b"CLIENT:")
        || p.len() <= 8 && trim(p).iter().all(|b| matches!(b, b'<' | b'-' | b'~'))
}

fn leading_spaces(s: &[u8]) -> usize {
    s.iter().take_while(|b| is_space(**b)).count()
}

/// A code after some words: the first "ddd " at a word start, or a code quoted with a comma
/// (a Python `smtplib` error's `(550, b'5.1.1 ...')`, a JSON `"code": 550, "message": ...`);
/// with no failure, the last positive reply of a transcript or a delivery event.
/// (A text that starts with a code was taken by [`extract`] before the log formats were
/// tried.)
fn bare(s: &[u8]) -> Option<Extracted<'_>> {
    let t = trim(s);
    let mut i = 0;
    // A code with no words after it on its line is a label (Microsoft's report: `Status code:
    // 550 5.1.10`, then `Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...`):
    // the reply is a later one with words, if any.
    let (mut found, mut label, mut outcome) = (None, None, None);
    let mut line = 0;
    while i < t.len() {
        if i > 0 && t[i - 1] == b'\n' {
            line = i;
        }
        if (i == 0
            || matches!(
                t[i - 1],
                // `,`, `=` and `{`: a field of a CSV or key=value log line (Exchange's message
                // tracking: `...,ROUTING,FAIL,...,550 5.1.10 RESOLVER...`, `{LED=550 ...}`,
                // `RecipientStatus: {550 5.1.1 ...}`). A byte beyond ASCII ends a character
                // such as a curly quote (`“550 ...”`, pasted into a chat) or a full-width
                // colon (`返回：550 ...`); `;` one of an HTML entity (`returned &#39;550 ...`).
                b' ' | b'\t' | b':' | b'\n' | b'(' | b'[' | b'"' | b'\'' | b'#' | b',' | b'=' | b'{'
                    | b';' | 0x80..
            ))
            && (code_at(t, i)
                || quoted_code_at(t, i)
                // A line that starts `554: ...` (Yahoo's bounce report), as a text may.
                || (i == 0 || t[i - 1] == b'\n')
                    && t.get(i + 3) == Some(&b':')
                    && code_at(&t[..i + 3], i)
                || parenthesized_code_at(t, i))
            // A standard category: a port such as `192.0.2.1:465 ` or `:587 ` is no code;
            // nor is a count of bytes (curl's `} [412 bytes data]`), nor a phone number
            // (`call 555-0142`, where a continuation line has `550-5.1.1`).
            && t[i + 1] <= b'5'
            && !t[i + 3..].starts_with(b" bytes")
            && !(t.get(i + 3) == Some(&b'-') && is_digit(t.get(i + 5)))
        {
            if matches!(t[i], b'4' | b'5') {
                if !(code_at(t, i) && codes_only(&t[i..])) {
                    found = Some(i);
                    break;
                }
                label = label.or(Some(i));
            } else if t[i] != b'1'
                && (i > 0 && matches!(t[i - 1], b'"' | b'\'')
                    || quoted_code_at(t, i)
                    || server_line(&t[line..i])
                    || t[..i].ends_with(b"response: "))
            {
                // A positive reply that starts a string or is a JSON `"code"`, as a sending
                // service's delivery event gives it (`"smtpResponse":"250 2.6.0 ..."`, Node's
                // `response: '250 2.0.0 OK ...'`), a transcript's, or one a client quotes
                // (`Server response: 250 2.0.0 OK`): the last is the outcome, read when no
                // failure is found.
                outcome = Some(i);
            }
        }
        i += 1;
    }
    if let Some(i) = found.or(label).or(outcome) {
        let mut e = if quoted_code_at(t, i) {
            quoted(t, i)
        } else if parenthesized_code_at(t, i) {
            let mut e = make(trim(&t[i + 5..]), Source::Reply);
            e.code = ReplyCode::from_bytes(&t[i..i + 3]);
            e
        } else if let Some(at) = find(&t[..i], 0, b"mail.local: ") {
            // Sendmail's local delivery agent says why before Sendmail's own reply,
            // which only maps its exit status (`mail.local: unknown user: bob` then
            // `554 <bob@example.com>... Service unavailable`): its words are the text,
            // and the reply's code is kept apart.
            let mut e = make(&t[at + b"mail.local: ".len()..], Source::Reply);
            e.code = ReplyCode::from_bytes(&t[i..i + 3]);
            e
        } else {
            make(quoted_line(t, i), Source::Reply)
        };
        e.command = failed_command(&t[..i])
            .or_else(|| keyed_command(t))
            .or_else(|| transcript_command(&t[..i]));
        return Some(e);
    }
    // No code. qmail ends its own words with their status (`... named example.invalid.
    // (#5.1.2)`); .NET's `SmtpException` quotes the reply without its code (`Mailbox
    // unavailable. The server response was: 5.1.1 User unknown`); a delivery-status part
    // without a diagnostic has its `Status:` field, and a log line its `Status:` value
    // (Kerio's `Result: delayed, Status: 4.4.1 Cannot connect to host`).
    let mut e = make(t, Source::Reply);
    e.status = status_after(t, b"(#")
        .or_else(|| status_after(t, b"response was:"))
        .or_else(|| status_after(t, b"\nstatus:"))
        .or_else(|| status_after(t, b" status:"));
    e.status.is_some().then_some(e)
}

/// Whether a reply's first line holds its codes and no words (`550 5.1.10`).
fn codes_only(reply: &[u8]) -> bool {
    strip_head(trim(first_line(reply))).is_empty()
}

/// Drops a leading `ddd-`/`ddd ` (or a `ddd` run into the text), an enhanced code and the
/// blanks after them from a segment.
pub(crate) fn strip_head(s: &[u8]) -> &[u8] {
    let mut i = 0;
    if s.len() >= 3 && s[..3].iter().all(u8::is_ascii_digit) {
        match s.get(3) {
            None | Some(b' ' | b'-' | b':') => i = s.len().min(4),
            // A code run into its text (`550User unknown`).
            Some(b) if b.is_ascii_alphabetic() => i = 3,
            _ => {}
        }
    }
    i += blanks(&s[i..]);
    if let Some((_, n)) = EnhancedStatus::parse(&s[i..]) {
        i += n;
        i += blanks(&s[i..]);
    }
    &s[i..]
}

/// The text from the reply at `i` on, or the string it starts when a quote comes before it:
/// up to the closing `"` that is not escaped (a log's `msg="550 ..." rcpt=...`), or for `'`,
/// where quoted words may hold the quote (`weren't`, `'example.com', not allowed`), the one
/// that ends the line (Exchange's `Remote Server returned '550 5.1.10 ... lookup'`), else the
/// first that ends a value (Node's `{ response: '550 5.1.1 User unknown', responseCode: 550 }`).
fn quoted_line(t: &[u8], i: usize) -> &[u8] {
    let rest = &t[i..];
    match i.checked_sub(1).map(|k| t[k]) {
        Some(b'"') => &rest[..string_end(rest, b'"', 0)],
        // Exchange's `#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`.
        Some(b'#') => trim(first_line(rest))
            .strip_suffix(b"##")
            .map_or(rest, trim),
        Some(b'\'') => {
            let line = first_line(rest);
            if let [words @ .., b'\''] = trim(line) {
                return words;
            }
            let close = (0..line.len()).find(|&k| {
                let after = &line[k + 1..];
                line[k] == b'\''
                    && matches!(
                        after.get(leading_spaces(after)),
                        None | Some(b',' | b'}' | b')' | b'\r')
                    )
            });
            close.map_or(rest, |k| &rest[..k])
        }
        _ => rest,
    }
}

/// A text with no reply code and no enhanced code taken whole, for classifying by its words
/// alone (a client's `connect ECONNREFUSED 192.0.2.1:25`). `None` for a line of a mail log,
/// which starts with its time stamp (`Nov 28 07:10:11`, `2026-11-28 07:10:11`): without a
/// reply its words are the server's notes on other connections (`lost connection after AUTH
/// from ...`), not a delivery's failure.
pub(crate) fn words(text: &[u8]) -> Option<Extracted<'_>> {
    let t = trim(text);
    // `2026-11-28` (ISO, as Exim and journals write it) or `Nov 28 07:` (syslog).
    let stamped = match t.get(..10) {
        Some(h) => h[4] == b'-' && h[7] == b'-' || h[3] == b' ' && h[6] == b' ' && h[9] == b':',
        None => false,
    };
    (!stamped).then(|| make(t, Source::Reply))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_variants() {
        let e = extract(b"host mx.example.com[192.0.2.1] said: 550-5.1.1 The email account does not exist. 550 5.1.1 Learn more - gsmtp (in reply to end of DATA command)").unwrap();
        assert_eq!(e.command(), Some(Command::EndOfData));
        assert!(e.text().ends_with(b"gsmtp"));
        let e = extract(b"host mx.example.com[192.0.2.1] refused to talk to me: 554 5.7.1 Blocked")
            .unwrap();
        assert_eq!(
            (e.command(), e.text()),
            (Some(Command::Connect), &b"554 5.7.1 Blocked"[..])
        );
        let e = extract(b"said: 452 4.2.2 Over quota (in reply to MAIL FROM command)").unwrap();
        assert_eq!(e.command(), Some(Command::Mail));
        assert_eq!(e.host(), None);
    }

    #[test]
    fn exim_multiline_bounce() {
        let text = b"  host mx.example.com [192.0.2.1]\n  SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=2022:\n    553-5.7.1 first line\n    553 5.7.1 second line\n\nnext paragraph";
        let e = extract(text).unwrap();
        assert_eq!(e.command(), Some(Command::Mail));
        let pieces: std::vec::Vec<&[u8]> = e.segments().collect();
        assert_eq!(
            pieces,
            [&b"553-5.7.1 first line"[..], b"553 5.7.1 second line"]
        );
        let e = extract(b"SMTP error from remote mail server after initial connection: 554 no")
            .unwrap();
        assert_eq!(e.command(), Some(Command::Connect));
    }

    #[test]
    fn sendmail_transcript() {
        let text = b"----- Transcript of session follows -----\n... while talking to mx.example.com.:\n>>> MAIL From:<a@example.org>\n<<< 250 OK\n>>> RCPT To:<b@example.com>\n<<< 550-5.1.1 No such\n<<< 550 5.1.1 user\n550 5.1.1 <b@example.com>... User unknown\n";
        let e = extract(text).unwrap();
        assert_eq!(
            (e.source(), e.command()),
            (Source::Sendmail, Some(Command::Rcpt))
        );
        let pieces: std::vec::Vec<&[u8]> = e.segments().collect();
        assert_eq!(pieces, [&b"550-5.1.1 No such"[..], b"550 5.1.1 user"]);
    }

    #[test]
    fn dsn_values() {
        let e = extract(b"smtp;550 5.7.1 Relaying denied").unwrap();
        assert_eq!(
            (e.source(), e.text()),
            (Source::Dsn, &b"550 5.7.1 Relaying denied"[..])
        );
        assert_eq!(e.diagnostic_type(), Some(&b"smtp"[..]));
        let e = extract(b"Diagnostic-Code: 550 no type given").unwrap();
        assert_eq!(e.text(), b"550 no type given");
        // Postfix's own type around the remote server's reply, folded as in a DSN.
        let e = extract(
            b"Diagnostic-Code: X-Postfix; host mx.example.com[192.0.2.1] said: 552\n    \
              recipient storage full, try again later (in reply to RCPT TO command)\n",
        )
        .unwrap();
        assert_eq!(e.source(), Source::Postfix);
        assert_eq!(
            e.text(),
            b"552\n    recipient storage full, try again later"
        );
        assert_eq!(e.command(), Some(Command::Rcpt));
        assert_eq!(e.host(), Some(&b"mx.example.com"[..]));
        // Postfix's own words stay the text when no server said anything.
        let e = extract(b"Diagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.1]:25: Connection refused").unwrap();
        assert_eq!(e.source(), Source::Dsn);
        assert_eq!(
            e.text(),
            b"connect to mx.example.com[192.0.2.1]:25: Connection refused"
        );
    }

    #[test]
    fn bare_replies() {
        assert_eq!(
            extract(b"5.1.1 <x@example.jp>... User Unknown")
                .unwrap()
                .source(),
            Source::Reply
        );
        let e = extract(b"Remote server replied: 550 5.7.1 Rejected").unwrap();
        assert_eq!(e.text(), b"550 5.7.1 Rejected");
        assert!(extract(b"").is_none());
        assert!(extract(b"in 2024 we had 550 days").is_some());
        assert!(extract(b"version 1.2.3").is_none());
    }
}
