//! EHLO replies (RFC 5321 §4.1.1.1): the server's domain and greeting on the first line, then
//! one advertised extension per line, each a keyword with optional parameters.

use crate::{Line, Lines, Reply};

/// The reply to EHLO, read as the server's name and its list of extensions.
///
/// ```
/// use smtp_reply::{parse, Ehlo, Extension, ParserConfig};
/// let input = b"250-mx.google.com at your service, [203.0.113.5]\r\n\
///               250-SIZE 157286400\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250 STARTTLS\r\n";
/// let reply = parse(input, &ParserConfig::strict()).unwrap().unwrap();
/// let ehlo = Ehlo::from_reply(reply).unwrap();
/// assert_eq!(ehlo.domain(), "mx.google.com");
/// assert_eq!(ehlo.greeting(), "at your service, [203.0.113.5]");
/// assert_eq!(ehlo.size(), Some(157286400));
/// assert!(ehlo.supports("starttls"));
/// let auth = ehlo.extension("AUTH").unwrap();
/// assert_eq!(auth.params().collect::<Vec<_>>(), ["LOGIN", "PLAIN", "XOAUTH2"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ehlo<'a> {
    reply: Reply<'a>,
    domain: &'a str,
    greeting: &'a str,
}

/// What an extension keyword means, for the extensions smtp-reply knows.
///
/// ```
/// use smtp_reply::ExtensionKind;
/// assert_eq!(ExtensionKind::from_keyword("8bitmime"), ExtensionKind::EightBitMime);
/// assert_eq!(ExtensionKind::from_keyword("X-CUSTOM"), ExtensionKind::Other);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExtensionKind {
    /// `SIZE [limit]` (RFC 1870): the largest message accepted, 0 or absent for no limit.
    Size,
    /// `AUTH mechanisms...` (RFC 4954).
    Auth,
    /// `STARTTLS` (RFC 3207).
    StartTls,
    /// `PIPELINING` (RFC 2920).
    Pipelining,
    /// `8BITMIME` (RFC 6152).
    EightBitMime,
    /// `CHUNKING` (RFC 3030): the BDAT command.
    Chunking,
    /// `BINARYMIME` (RFC 3030).
    BinaryMime,
    /// `SMTPUTF8` (RFC 6531).
    SmtpUtf8,
    /// `ENHANCEDSTATUSCODES` (RFC 2034).
    EnhancedStatusCodes,
    /// `DSN` (RFC 3461).
    Dsn,
    /// `REQUIRETLS` (RFC 8689).
    RequireTls,
    /// `DELIVERBY [seconds]` (RFC 2852).
    DeliverBy,
    /// `ETRN` (RFC 1985).
    Etrn,
    /// `ATRN` (RFC 2645).
    Atrn,
    /// `BURL` (RFC 4468).
    Burl,
    /// `MT-PRIORITY` (RFC 6710).
    MtPriority,
    /// `LIMITS` (RFC 9422).
    Limits,
    /// `VRFY`.
    Vrfy,
    /// `EXPN`.
    Expn,
    /// `HELP`.
    Help,
    /// `NO-SOLICITING` (RFC 3865).
    NoSoliciting,
    /// `FUTURERELEASE` (RFC 4865).
    FutureRelease,
    /// Any other keyword (such as `X-EXPS` or `XCLIENT`), kept as the server sent it.
    Other,
}

const KNOWN: &[(&str, ExtensionKind)] = &[
    ("8BITMIME", ExtensionKind::EightBitMime),
    ("ATRN", ExtensionKind::Atrn),
    ("AUTH", ExtensionKind::Auth),
    ("BINARYMIME", ExtensionKind::BinaryMime),
    ("BURL", ExtensionKind::Burl),
    ("CHUNKING", ExtensionKind::Chunking),
    ("DELIVERBY", ExtensionKind::DeliverBy),
    ("DSN", ExtensionKind::Dsn),
    ("ENHANCEDSTATUSCODES", ExtensionKind::EnhancedStatusCodes),
    ("ETRN", ExtensionKind::Etrn),
    ("EXPN", ExtensionKind::Expn),
    ("FUTURERELEASE", ExtensionKind::FutureRelease),
    ("HELP", ExtensionKind::Help),
    ("LIMITS", ExtensionKind::Limits),
    ("MT-PRIORITY", ExtensionKind::MtPriority),
    ("NO-SOLICITING", ExtensionKind::NoSoliciting),
    ("PIPELINING", ExtensionKind::Pipelining),
    ("REQUIRETLS", ExtensionKind::RequireTls),
    ("SIZE", ExtensionKind::Size),
    ("SMTPUTF8", ExtensionKind::SmtpUtf8),
    ("STARTTLS", ExtensionKind::StartTls),
    ("VRFY", ExtensionKind::Vrfy),
];

impl ExtensionKind {
    /// The kind for a keyword, compared without regard to case (keywords are case-insensitive).
    ///
    /// ```
    /// use smtp_reply::ExtensionKind;
    /// assert_eq!(ExtensionKind::from_keyword("StartTLS"), ExtensionKind::StartTls);
    /// ```
    pub fn from_keyword(keyword: &str) -> ExtensionKind {
        KNOWN
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(keyword))
            .map_or(ExtensionKind::Other, |(_, kind)| *kind)
    }

    /// The keyword as servers advertise it, or `None` for [`ExtensionKind::Other`].
    ///
    /// ```
    /// assert_eq!(smtp_reply::ExtensionKind::SmtpUtf8.keyword(), Some("SMTPUTF8"));
    /// ```
    pub fn keyword(self) -> Option<&'static str> {
        KNOWN
            .iter()
            .find(|(_, kind)| *kind == self)
            .map(|(k, _)| *k)
    }
}

/// One advertised extension: its keyword and parameters, exactly as the server sent them.
///
/// ```
/// use smtp_reply::{Extension, ExtensionKind};
/// let ext = Extension::from_line("SIZE 35882577").unwrap();
/// assert_eq!(ext.kind(), ExtensionKind::Size);
/// assert_eq!(ext.number(), Some(35882577));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension<'a> {
    keyword: &'a str,
    params: &'a str,
    kind: ExtensionKind,
}

impl<'a> Extension<'a> {
    /// Reads an extension from the text of an EHLO reply line; `None` for a blank line.
    /// Old servers write `AUTH=LOGIN PLAIN`; the `=` is taken as a separator too.
    ///
    /// ```
    /// let ext = smtp_reply::Extension::from_line("AUTH=LOGIN PLAIN").unwrap();
    /// assert_eq!(ext.keyword(), "AUTH");
    /// assert_eq!(ext.params().count(), 2);
    /// ```
    pub fn from_line(text: &'a str) -> Option<Extension<'a>> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let end = text.find([' ', '\t', '=']).unwrap_or(text.len());
        let (keyword, params) = text.split_at(end);
        let params = params.strip_prefix('=').unwrap_or(params).trim_start();
        Some(Extension {
            keyword,
            params,
            kind: ExtensionKind::from_keyword(keyword),
        })
    }

    /// The keyword as sent, such as `"PIPELINING"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Extension::from_line("pipelining").unwrap().keyword(), "pipelining");
    /// ```
    pub fn keyword(&self) -> &'a str {
        self.keyword
    }

    /// What the keyword means.
    ///
    /// ```
    /// use smtp_reply::{Extension, ExtensionKind};
    /// assert_eq!(Extension::from_line("DSN").unwrap().kind(), ExtensionKind::Dsn);
    /// ```
    pub fn kind(&self) -> ExtensionKind {
        self.kind
    }

    /// The parameters as one string, such as `"LOGIN PLAIN"`.
    ///
    /// ```
    /// assert_eq!(smtp_reply::Extension::from_line("AUTH LOGIN PLAIN").unwrap().params_str(), "LOGIN PLAIN");
    /// ```
    pub fn params_str(&self) -> &'a str {
        self.params
    }

    /// The parameters one by one (for AUTH, the mechanisms).
    ///
    /// ```
    /// let ext = smtp_reply::Extension::from_line("AUTH PLAIN  XOAUTH2").unwrap();
    /// assert_eq!(ext.params().collect::<Vec<_>>(), ["PLAIN", "XOAUTH2"]);
    /// ```
    pub fn params(&self) -> core::str::SplitAsciiWhitespace<'a> {
        self.params.split_ascii_whitespace()
    }

    /// The first parameter as a number, as for `SIZE 35882577` and `DELIVERBY 600`: digits
    /// only (RFC 1870), and `None` for a number too large for a `u64`.
    ///
    /// ```
    /// use smtp_reply::Extension;
    /// assert_eq!(Extension::from_line("SIZE 35882577").unwrap().number(), Some(35882577));
    /// assert_eq!(Extension::from_line("SIZE").unwrap().number(), None);
    /// assert_eq!(Extension::from_line("SIZE +100").unwrap().number(), None);
    /// ```
    pub fn number(&self) -> Option<u64> {
        let first = self.params().next()?;
        if !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        first.parse().ok()
    }
}

/// An iterator over the extensions of an [`Ehlo`] reply.
///
/// ```
/// # use smtp_reply::{parse, Ehlo, ParserConfig};
/// let reply = parse(b"250-mx\r\n250-PIPELINING\r\n250 8BITMIME\r\n", &ParserConfig::strict()).unwrap().unwrap();
/// let keywords: Vec<&str> = Ehlo::from_reply(reply).unwrap().extensions().map(|e| e.keyword()).collect();
/// assert_eq!(keywords, ["PIPELINING", "8BITMIME"]);
/// ```
#[derive(Clone, Debug)]
pub struct Extensions<'a> {
    lines: Lines<'a>,
}

impl<'a> Iterator for Extensions<'a> {
    type Item = Extension<'a>;

    fn next(&mut self) -> Option<Extension<'a>> {
        for line in self.lines.by_ref() {
            if let Some(ext) = line_text(&line).and_then(Extension::from_line) {
                return Some(ext);
            }
        }
        None
    }
}

/// A line's text as `&str`, or its valid UTF-8 prefix (a keyword is ASCII).
fn line_text<'a>(line: &Line<'a>) -> Option<&'a str> {
    let text = line.text();
    match core::str::from_utf8(text) {
        Ok(s) => Some(s),
        Err(e) => core::str::from_utf8(&text[..e.valid_up_to()]).ok(),
    }
}

impl<'a> Ehlo<'a> {
    /// Reads a `250` reply as an EHLO reply; `None` for any other code.
    ///
    /// ```
    /// use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"502 5.5.1 EHLO not supported\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(Ehlo::from_reply(reply).is_none());
    /// ```
    pub fn from_reply(reply: Reply<'a>) -> Option<Ehlo<'a>> {
        if reply.code().as_u16() != 250 {
            return None;
        }
        let first = reply.lines().next()?;
        let text = line_text(&first).unwrap_or("").trim();
        let end = text.find([' ', '\t']).unwrap_or(text.len());
        let (domain, greeting) = text.split_at(end);
        Some(Ehlo {
            reply,
            domain,
            greeting: greeting.trim_start(),
        })
    }

    /// The server's domain or address literal: the first word of the first line.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250 [192.0.2.1]\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().domain(), "[192.0.2.1]");
    /// ```
    pub fn domain(&self) -> &'a str {
        self.domain
    }

    /// The rest of the first line, such as `"Hello client.example.org [192.0.2.7]"`.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250 mx Hi there\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().greeting(), "Hi there");
    /// ```
    pub fn greeting(&self) -> &'a str {
        self.greeting
    }

    /// The advertised extensions, in order.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250 mx\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().extensions().count(), 0);
    /// ```
    pub fn extensions(&self) -> Extensions<'a> {
        let mut lines = self.reply.lines();
        lines.next();
        Extensions { lines }
    }

    /// The extension with this keyword (case-insensitive), if advertised.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250-mx\r\n250 DSN\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(Ehlo::from_reply(reply).unwrap().extension("dsn").is_some());
    /// ```
    pub fn extension(&self, keyword: &str) -> Option<Extension<'a>> {
        self.extensions()
            .find(|e| e.keyword().eq_ignore_ascii_case(keyword))
    }

    /// Whether the extension with this keyword is advertised.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250-mx\r\n250 CHUNKING\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert!(Ehlo::from_reply(reply).unwrap().supports("CHUNKING"));
    /// ```
    pub fn supports(&self, keyword: &str) -> bool {
        self.extension(keyword).is_some()
    }

    /// The SIZE limit in bytes; `None` when SIZE is not advertised or has no number.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250-mx\r\n250 SIZE 10240000\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().size(), Some(10240000));
    /// ```
    pub fn size(&self) -> Option<u64> {
        self.extension("SIZE")?.number()
    }

    /// The AUTH mechanisms, empty when AUTH is not advertised.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250-mx\r\n250 AUTH PLAIN LOGIN\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().auth_mechanisms().collect::<Vec<_>>(), ["PLAIN", "LOGIN"]);
    /// ```
    pub fn auth_mechanisms(&self) -> core::str::SplitAsciiWhitespace<'a> {
        match self.extension("AUTH") {
            Some(e) => e.params(),
            None => "".split_ascii_whitespace(),
        }
    }

    /// The reply this was read from.
    ///
    /// ```
    /// # use smtp_reply::{parse, Ehlo, ParserConfig};
    /// let reply = parse(b"250 mx\r\n", &ParserConfig::strict()).unwrap().unwrap();
    /// assert_eq!(Ehlo::from_reply(reply).unwrap().reply().line_count(), 1);
    /// ```
    pub fn reply(&self) -> &Reply<'a> {
        &self.reply
    }
}
