//! Who answered: the mailbox provider, filtering service or MTA behind a reply, recognised
//! from the trailers, host names, reason tags and help links that each one puts in its text.
//! Knowing the provider matters because some reuse registry codes with their own meaning
//! (Gmail's X.7.27/X.7.29/X.7.30 are SPF, TLS and DKIM).

use core::fmt;

macro_rules! providers {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $name:literal; )+) => {
        /// A mailbox provider, filtering service or MTA. Services come first: when a reply
        /// shows several (a Proofpoint gateway runs Postfix), the earliest listed wins. Exim
        /// comes before Postfix: its callout's refusal quotes the reply of the server it
        /// called (`550-Verification failed for <a@example.org>` / `550-Response: 550 5.1.1
        /// ...: Recipient address rejected`).
        ///
        /// ```
        /// use smtp_reply::{provider, Provider};
        /// let p = provider::detect(b"550 5.1.1 No such user - gsmtp").unwrap();
        /// assert_eq!(p, Provider::Google);
        /// assert_eq!((p.as_str(), p.name()), ("google", "Google"));
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Provider {
            $( $(#[$doc])* $variant, )+
        }

        impl Provider {
            /// Every provider, in priority order.
            pub const ALL: &'static [Provider] = &[$( Provider::$variant, )+];

            /// A short lower-case identifier, such as `"microsoft"` or `"mailru"`.
            ///
            /// ```
            /// assert_eq!(smtp_reply::Provider::MailRu.as_str(), "mailru");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self { $( Provider::$variant => $id, )+ }
            }

            /// The name to show people, such as `"Microsoft"` or `"Yahoo / AOL"`.
            ///
            /// ```
            /// assert_eq!(smtp_reply::Provider::Yahoo.name(), "Yahoo / AOL");
            /// ```
            pub const fn name(self) -> &'static str {
                match self { $( Provider::$variant => $name, )+ }
            }
        }
    };
}

providers! {
    /// Gmail and Google Workspace (`- gsmtp`, `support.google.com`).
    Google = "google", "Google";
    /// Microsoft 365 / Exchange Online and Outlook.com (`*.protection.outlook.com`).
    Microsoft = "microsoft", "Microsoft";
    /// Yahoo Mail and AOL (`[TSS04]`, `yahoodns.net`, `postmaster.yahooinc.com`).
    Yahoo = "yahoo", "Yahoo / AOL";
    /// Apple iCloud Mail (`mail.icloud.com`, `[CS01]`, `[HME1]`).
    Apple = "apple", "Apple iCloud";
    /// Comcast / Xfinity (`comcast.net`, `BL000000`-style codes).
    Comcast = "comcast", "Comcast";
    /// Proofpoint (`pphosted.com`, `ppe-hosted.com`).
    Proofpoint = "proofpoint", "Proofpoint";
    /// Mimecast (`mimecast.com`).
    Mimecast = "mimecast", "Mimecast";
    /// Barracuda (`cuda_nsu`, `barracudanetworks.com`, its gateway's `permanent failure for one
    /// or more recipients`).
    Barracuda = "barracuda", "Barracuda";
    /// Broadcom / Symantec Email Security.cloud, formerly MessageLabs.
    Symantec = "symantec", "Symantec Email Security.cloud";
    /// Yandex Mail.
    Yandex = "yandex", "Yandex";
    /// Zoho Mail.
    Zoho = "zoho", "Zoho Mail";
    /// Mail.ru.
    MailRu = "mailru", "Mail.ru";
    /// GMX and Web.de (`Nemesis ESMTP`).
    Gmx = "gmx", "GMX / Web.de";
    /// T-Online / Deutsche Telekom (`rx.t-online.de`).
    TOnline = "tonline", "T-Online";
    /// Orange, Wanadoo and La Poste (`OFR_`/`LPN` codes).
    Orange = "orange", "Orange / La Poste";
    /// Spectrum / Charter (`AUP#` codes).
    Spectrum = "spectrum", "Spectrum";
    /// Cox (`AUP#CXBL`-style codes, `cox.com`).
    Cox = "cox", "Cox";
    /// Tencent QQ Mail and Exmail.
    Tencent = "tencent", "Tencent QQ Mail";
    /// NetEase's 163.com and 126.com (`163 mx14`, `mail.163.com/help`).
    NetEase = "netease", "NetEase 163 / 126";
    /// GoDaddy's hosted mail (`p3plibsmtp01-07.prod.phx3.secureserver.net`, `IB212` codes).
    GoDaddy = "godaddy", "GoDaddy";
    /// Cisco Secure Email, formerly IronPort (`iphmx.com` hosts, SenderBase scores).
    Cisco = "cisco", "Cisco Secure Email";
    /// Sophos Email (`XGEMAIL_` codes, `sophos.com` lookups).
    Sophos = "sophos", "Sophos Email";
    /// Trend Micro's email security (its Email Reputation Services, `trendmicro.com`).
    TrendMicro = "trendmicro", "Trend Micro";
    /// MailChannels, a relay and inbound filter (`mailchannels.net`).
    MailChannels = "mailchannels", "MailChannels";
    /// Cloudflare Email Routing, which forwards a domain's mail (`route1.mx.cloudflare.net`,
    /// its postmaster page at `developers.cloudflare.com/email-routing`).
    Cloudflare = "cloudflare", "Cloudflare Email Routing";
    /// Microsoft Exchange Server, on its own premises (`RESOLVER.ADR`, `STOREDRV`).
    Exchange = "exchange", "Microsoft Exchange";
    /// Exim (`Unrouteable address`).
    Exim = "exim", "Exim";
    /// Postfix (`Recipient address rejected:`, `Relay access denied`).
    Postfix = "postfix", "Postfix";
    /// Sendmail (`<address>... User unknown`).
    Sendmail = "sendmail", "Sendmail";
    /// qmail and its `chkusr` patch.
    Qmail = "qmail", "qmail";
}

impl Provider {
    /// The provider with this index in [`Provider::ALL`].
    pub(crate) const fn from_index(i: u8) -> Option<Provider> {
        let all = Provider::ALL;
        if (i as usize) < all.len() {
            Some(all[i as usize])
        } else {
            None
        }
    }

    /// The provider with the lowest index among the set bits of `mask`.
    pub(crate) const fn first_of(mask: u32) -> Option<Provider> {
        if mask == 0 {
            None
        } else {
            Provider::from_index(mask.trailing_zeros() as u8)
        }
    }

    /// Whether this is a mail server program rather than a service.
    ///
    /// ```
    /// use smtp_reply::Provider;
    /// assert!(Provider::Postfix.is_mta());
    /// assert!(!Provider::Google.is_mta());
    /// ```
    pub const fn is_mta(self) -> bool {
        matches!(
            self,
            Provider::Exchange
                | Provider::Postfix
                | Provider::Exim
                | Provider::Sendmail
                | Provider::Qmail
        )
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Provider {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Recognises who wrote a reply, a log line or a bounce from its text; `None` when
/// nothing in it is characteristic. Linear in the length of `text`; never allocates.
///
/// ```
/// use smtp_reply::{provider, Provider};
/// let text = b"451 4.7.500 Server busy. Please try again later from [192.0.2.2]. \
///              (AS77712344) [DM6PR01.prod.protection.outlook.com]";
/// assert_eq!(provider::detect(text), Some(Provider::Microsoft));
/// assert_eq!(provider::detect(b"421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred"),
///            Some(Provider::Yahoo));
/// assert_eq!(provider::detect(b"550 5.1.1 <bob@example.com>... User unknown"), Some(Provider::Sendmail));
/// assert_eq!(provider::detect(b"451 4.7.652 The mail server [192.0.2.251] has exceeded the \
///                               maximum number of connections. (S3115)"), Some(Provider::Microsoft));
/// assert_eq!(provider::detect(b"550 Rejected"), None);
/// ```
pub fn detect(text: &[u8]) -> Option<Provider> {
    let mut scanner = crate::phrases::Scanner::new();
    scanner.feed(text);
    Provider::first_of(scanner.finish().providers).or_else(|| hallmark(text))
}

/// A provider recognised by the shape of its text rather than by a word: Sendmail writes the
/// address followed by three dots (`<bob@example.com>... User unknown`); Microsoft ends its
/// refusals with a block code in parentheses (`(S3150)`, `(AS16012609)`); qmail its words
/// with the enhanced code after a `#` (`sorry, no mailbox here by that name. (#5.1.1)`).
pub(crate) fn hallmark(text: &[u8]) -> Option<Provider> {
    // One byte search for the marks, rather than memmem: building a memmem searcher costs
    // more than these short texts take to scan.
    let mut microsoft = false;
    let mut qmail = false;
    for i in crate::scan::find_all(b'>', b'(', text) {
        let after = &text[i + 1..];
        if text[i] == b'>' {
            if after.starts_with(b"... ") {
                return Some(Provider::Sendmail);
            }
        } else if let [b'#', b'4' | b'5', b'.', ..] = after {
            qmail = true;
        } else if !microsoft {
            // `(S` or `(AS`, three digits or more, and the `)`.
            let t = after.strip_prefix(b"A").unwrap_or(after);
            if let Some(number) = t.strip_prefix(b"S") {
                let n = number.iter().take_while(|b| b.is_ascii_digit()).count();
                microsoft = n >= 3 && number.get(n) == Some(&b')');
            }
        }
    }
    match (microsoft, qmail) {
        (true, _) => Some(Provider::Microsoft),
        (_, true) => Some(Provider::Qmail),
        _ => None,
    }
}

/// A provider recognised by an enhanced code that only it sends: Microsoft 365's X.7.300 to
/// X.7.899 (Exchange Online Protection's certificate checks and spam verdicts such as
/// 5.7.322 or 5.7.350, its blocks, bans and tenant limits such as 5.7.606 or 4.7.650), when its
/// words name no one (5.7.501 "Access denied, spam abuse detected"); and its routing's
/// X.4.300 to X.4.399 (4.4.316 "Connection refused", 4.4.312 "DNS query failed", 5.4.316
/// "Message expired"). The registry's X.7 and X.4 details end below 100.
pub(crate) fn by_code(e: crate::EnhancedStatus) -> Option<Provider> {
    let d = e.detail();
    match e.subject() {
        7 => (300..900).contains(&d),
        4 => (300..400).contains(&d),
        _ => false,
    }
    .then_some(Provider::Microsoft)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Microsoft 365's own ranges of X.7 and X.4 codes, and their edges.
    #[test]
    fn microsoft_s_own_codes_name_it() {
        use crate::EnhancedStatus;
        let at = |c, s, d| by_code(EnhancedStatus::new(c, s, d).unwrap());
        assert_eq!(at(5, 7, 501), Some(Provider::Microsoft));
        assert_eq!(at(4, 7, 500), Some(Provider::Microsoft));
        assert_eq!(at(5, 7, 899), Some(Provider::Microsoft));
        assert_eq!(at(5, 7, 350), Some(Provider::Microsoft));
        assert_eq!(at(4, 4, 316), Some(Provider::Microsoft));
        assert_eq!(at(5, 4, 300), Some(Provider::Microsoft));
        for (c, s, d) in [
            (5, 7, 299),
            (5, 7, 900),
            (5, 1, 606),
            (5, 7, 1),
            (4, 7, 28),
            (4, 4, 7),
            (4, 4, 400),
        ] {
            assert_eq!(at(c, s, d), None, "{c}.{s}.{d}");
        }
    }

    /// Microsoft's block codes, and what only looks like them.
    #[test]
    fn block_codes_in_parentheses_name_microsoft() {
        let microsoft = Some(Provider::Microsoft);
        for (text, want) in [
            (&b"busy (AS761)"[..], microsoft),
            (b"on our block list (S3150).", microsoft),
            (b"(AS16012609) [x]", microsoft),
            (b"see https://postmaster.live.com (S775)", microsoft),
            (b"(S12) two digits", None),
            (b"(S) (AS) (S123 no bracket", None),
            (b"(s3150) lower case", None),
            (b"(XS3150) (ASS123) (S 123)", None),
            (b"(see 3150)", None),
            (b"<bob@example.com>... (S3150)", Some(Provider::Sendmail)),
            (
                b"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
                Some(Provider::Qmail),
            ),
            (b"451 qq temporary problem (#4.3.0)", Some(Provider::Qmail)),
            (b"550 (#5.1.1)", Some(Provider::Qmail)),
            (b"550 (#5.1.1) (S3150)", Some(Provider::Microsoft)),
            (b"550 (#AUTH005) (#5x", None),
            (b"550 #5.1.1 (#", None),
            (b"(", None),
            (b"", None),
        ] {
            assert_eq!(hallmark(text), want, "{:?}", core::str::from_utf8(text));
        }
    }

    #[test]
    fn ids_are_unique_and_indexable() {
        assert!(Provider::ALL.len() <= 32);
        for (i, p) in Provider::ALL.iter().enumerate() {
            assert_eq!(Provider::from_index(i as u8), Some(*p));
            for q in &Provider::ALL[i + 1..] {
                assert_ne!(p.as_str(), q.as_str());
            }
        }
        assert_eq!(Provider::first_of(0), None);
        assert_eq!(Provider::first_of(0b110), Some(Provider::ALL[1]));
    }
}
