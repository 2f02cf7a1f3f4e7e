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

/// Each known keyword, its kind, and the document that defines it.
const KNOWN: &[(&str, ExtensionKind, &str)] = &[
    ("8BITMIME", ExtensionKind::EightBitMime, "RFC 6152"),
    ("ATRN", ExtensionKind::Atrn, "RFC 2645"),
    ("AUTH", ExtensionKind::Auth, "RFC 4954"),
    ("BINARYMIME", ExtensionKind::BinaryMime, "RFC 3030"),
    ("BURL", ExtensionKind::Burl, "RFC 4468"),
    ("CHUNKING", ExtensionKind::Chunking, "RFC 3030"),
    ("DELIVERBY", ExtensionKind::DeliverBy, "RFC 2852"),
    ("DSN", ExtensionKind::Dsn, "RFC 3461"),
    (
        "ENHANCEDSTATUSCODES",
        ExtensionKind::EnhancedStatusCodes,
        "RFC 2034",
    ),
    ("ETRN", ExtensionKind::Etrn, "RFC 1985"),
    ("EXPN", ExtensionKind::Expn, "RFC 5321"),
    ("FUTURERELEASE", ExtensionKind::FutureRelease, "RFC 4865"),
    ("HELP", ExtensionKind::Help, "RFC 5321"),
    ("LIMITS", ExtensionKind::Limits, "RFC 9422"),
    ("MT-PRIORITY", ExtensionKind::MtPriority, "RFC 6710"),
    ("NO-SOLICITING", ExtensionKind::NoSoliciting, "RFC 3865"),
    ("PIPELINING", ExtensionKind::Pipelining, "RFC 2920"),
    ("REQUIRETLS", ExtensionKind::RequireTls, "RFC 8689"),
    ("SIZE", ExtensionKind::Size, "RFC 1870"),
    ("SMTPUTF8", ExtensionKind::SmtpUtf8, "RFC 6531"),
    ("STARTTLS", ExtensionKind::StartTls, "RFC 3207"),
    ("VRFY", ExtensionKind::Vrfy, "RFC 5321"),
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
            .find(|(k, ..)| k.eq_ignore_ascii_case(keyword))
            .map_or(ExtensionKind::Other, |(_, kind, _)| *kind)
    }

    /// The keyword as servers advertise it, or `None` for [`ExtensionKind::Other`].
    ///
    /// ```
    /// assert_eq!(smtp_reply::ExtensionKind::SmtpUtf8.keyword(), Some("SMTPUTF8"));
    /// ```
    pub fn keyword(self) -> Option<&'static str> {
        self.entry().map(|(k, ..)| *k)
    }

    /// The document that defines the extension, or `None` for [`ExtensionKind::Other`].
    ///
    /// ```
    /// use smtp_reply::ExtensionKind;
    /// assert_eq!(ExtensionKind::Size.rfc(), Some("RFC 1870"));
    /// assert_eq!(ExtensionKind::Vrfy.rfc(), Some("RFC 5321"));
    /// assert_eq!(ExtensionKind::Other.rfc(), None);
    /// ```
    pub fn rfc(self) -> Option<&'static str> {
        self.entry().map(|(.., rfc)| *rfc)
    }

    fn entry(self) -> Option<&'static (&'static str, ExtensionKind, &'static str)> {
        self.known_index().map(|i| &KNOWN[i])
    }

    /// The kind's place among the known ones (sorted by keyword), as the bindings' records
    /// give it; `None` for [`ExtensionKind::Other`].
    pub(crate) fn known_index(self) -> Option<usize> {
        KNOWN.iter().position(|(_, kind, _)| *kind == self)
    }

    /// Each known keyword and its document, sorted by keyword, as [`Self::known_index`]
    /// numbers them.
    #[cfg(feature = "wasm")]
    pub(crate) fn known() -> impl Iterator<Item = (&'static str, &'static str)> {
        KNOWN.iter().map(|(k, _, rfc)| (*k, *rfc))
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
        let text = trim_blanks(text);
        if text.is_empty() {
            return None;
        }
        let end = text
            .bytes()
            .position(|b| matches!(b, b' ' | b'\t' | b'='))
            .unwrap_or(text.len());
        let (keyword, params) = text.split_at(end);
        let params = trim_blanks(params.strip_prefix('=').unwrap_or(params));
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
        // By hand: `str::parse` would bring its signs, radixes and 128-bit overflow checks
        // into the wasm.
        let mut n: u64 = 0;
        for b in first.bytes() {
            let d = u64::from(b.wrapping_sub(b'0'));
            if d > 9 || n > (u64::MAX - d) / 10 {
                return None;
            }
            n = n * 10 + d;
        }
        Some(n)
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

/// `s` without the ASCII white space around it: SMTP's blanks (`str::trim` would take Unicode
/// spaces too, and bring their tables into the wasm; `trim_matches` decodes characters, 0.5 KB
/// of wasm more than these byte searches).
fn trim_blanks(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|c| !c.is_ascii_whitespace());
    let start = start.unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace());
    // Both cuts are next to ASCII bytes, so on character boundaries.
    &s[start..end.map_or(start, |e| e + 1)]
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
        let text = trim_blanks(line_text(&first).unwrap_or(""));
        let end = text
            .bytes()
            .position(|b| matches!(b, b' ' | b'\t'))
            .unwrap_or(text.len());
        let (domain, greeting) = text.split_at(end);
        Some(Ehlo {
            reply,
            domain,
            greeting: trim_blanks(greeting),
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

/// An EHLO reply as JSON (feature `serde`), as JavaScript's `parseEhlo` gives it: the reply's
/// fields, then `domain`, `greeting`, `size` (`null` when SIZE is not advertised or has no
/// number), `auth` and `extensions`.
#[cfg(feature = "serde")]
impl serde::Serialize for Ehlo<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::reply::Seq;
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("EhloReply", crate::reply::REPLY_FIELDS + 5)?;
        self.reply.serialize_fields(&mut st)?;
        st.serialize_field("domain", self.domain())?;
        st.serialize_field("greeting", self.greeting())?;
        st.serialize_field("size", &self.size())?;
        st.serialize_field("auth", &Seq(self.auth_mechanisms()))?;
        st.serialize_field("extensions", &Seq(self.extensions()))?;
        st.end()
    }
}

/// An extension as JSON (feature `serde`), as JavaScript's `parseEhlo` gives it: `keyword`,
/// `kind` and `rfc` (`null` for an extension this crate does not know), `params` and `number`.
#[cfg(feature = "serde")]
impl serde::Serialize for Extension<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::reply::Seq;
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("EhloExtension", 5)?;
        st.serialize_field("keyword", self.keyword())?;
        st.serialize_field("kind", &self.kind().keyword())?;
        st.serialize_field("rfc", &self.kind().rfc())?;
        st.serialize_field("params", &Seq(self.params()))?;
        st.serialize_field("number", &self.number())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_keyword_names_its_kind_and_document() {
        for (i, &(keyword, kind, rfc)) in KNOWN.iter().enumerate() {
            assert_eq!(ExtensionKind::from_keyword(keyword), kind, "{keyword}");
            assert_eq!(kind.keyword(), Some(keyword), "{keyword}: one entry a kind");
            assert_eq!(kind.rfc(), Some(rfc));
            assert!(
                rfc.starts_with("RFC ") && rfc[4..].parse::<u16>().is_ok(),
                "{rfc}"
            );
            assert!(kind != ExtensionKind::Other);
            // Sorted, so that a keyword is easy to find and to add.
            assert!(i == 0 || KNOWN[i - 1].0 < keyword, "{keyword}");
        }
        assert_eq!(ExtensionKind::Other.keyword(), None);
    }
}
