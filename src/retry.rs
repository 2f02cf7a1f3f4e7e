//! When to try again: a delay that the server states in its text ("greylisted for 60
//! seconds", "come back in 00:02:00"), or else a recommended schedule of exponential back-off
//! with jitter that respects RFC 5321 §4.5.4.1 (at least 30 minutes between tries of queued
//! mail, give up after 4–5 days), with shorter first steps for greylisting.
//!
//! Everything here is deterministic: the jitter comes from a random number that the caller
//! supplies, so the core needs no random source and stays `no_std`.

use crate::scan::{alnum, alnum16, blanks, digits, eq, load8, rep, HIGH, WIDE};

/// The most a stated delay may be, in seconds: 5 days, when the schedules give up; longer
/// values are not delays to wait for.
const MAX_STATED: u64 = 5 * 86_400;

/// Reads a delay that the server states in its text, in seconds: a number with a unit after
/// `in`, `for`, `after`, `within` or `wait` (`for 60 seconds`, `in 5 minutes`, `after 1 hour`,
/// `in 2 hrs`, `in an hour`, `in 1.5 hours`; of a range, its start: `in 1-2 hours`, `between 5
/// and 10 minutes`), or an `HH:MM:SS` time after one of those words (`come back in 00:02:00`,
/// milter-greylist). `None` when no delay is stated. Linear, allocation-free.
///
/// ```
/// use smtp_reply::retry::stated_delay;
/// assert_eq!(stated_delay(b"450 4.2.0 Greylisted for 60 seconds"), Some(60));
/// assert_eq!(stated_delay(b"451 4.7.1 Greylisted for 5 minutes"), Some(300));
/// assert_eq!(stated_delay(b"Greylisting in action, please come back in 00:02:00"), Some(120));
/// assert_eq!(stated_delay(b"Please try again in 1 hour"), Some(3600));
/// assert_eq!(stated_delay(b"Too many recipients, retry the rest in 1-2 hours"), Some(3600));
/// assert_eq!(stated_delay(b"421 Try again later"), None);
/// assert_eq!(stated_delay(b"sent to too many recipients in 1 batch"), None);
/// ```
pub fn stated_delay(text: &[u8]) -> Option<u32> {
    delay_in::<WIDE>(text)
}

/// [`stated_delay`], its word scan 16 bytes a step (`W`, where the build compares 16 at once:
/// [`WIDE`]) or eight; the tests read with both.
#[inline(always)]
fn delay_in<const W: bool>(text: &[u8]) -> Option<u32> {
    // Word starts (a letter or digit after anything else), a block at a time; only a number
    // or "a"/"an" can start a delay. Marks are a bit a byte in 16-byte blocks, the high bit
    // of each byte in eight-byte ones.
    let (block, mark_shift) = if W { (16, 0) } else { (8, 3) };
    let mut carry = 0u64;
    let mut at = 0;
    while at < text.len() {
        let mut candidates = delay_starts::<W>(text, at, &mut carry);
        while candidates != 0 {
            let start = at + (candidates.trailing_zeros() >> mark_shift) as usize;
            candidates &= candidates - 1;
            if !text[start].is_ascii_digit() && !is_article(text, start) {
                continue;
            }
            // The unit first: most numbers (addresses, codes, queue ids) have none, and then
            // the words before need no look.
            if let Some(seconds) = duration_at(text, start) {
                if introduced(text, start) {
                    return Some(seconds);
                }
            }
        }
        at += block;
    }
    None
}

/// The bytes of the block of `text` at `at` that start a word and may start a delay: a
/// digit, or an `a`. `carry` says whether the byte before the block was a letter or digit.
#[inline(always)]
fn delay_starts<const W: bool>(text: &[u8], at: usize, carry: &mut u64) -> u64 {
    if W {
        let (word, first) = alnum16(text, at);
        let (word, first) = (word as u64, first as u64);
        let starts = word & !((word << 1) | *carry);
        *carry = word >> 15;
        starts & first
    } else {
        let x = load8(text, at);
        let w = alnum(x);
        let starts = w & !((w << 8) | *carry);
        *carry = (w >> 56) & HIGH;
        starts & (digits(x) | eq(x | rep(0x20), b'a'))
    }
}

/// Whether the word at `start` (which begins with an `a`) is "a" or "an".
fn is_article(text: &[u8], start: usize) -> bool {
    let ends = |i: usize| text.get(i).map_or(true, |b| !b.is_ascii_alphanumeric());
    ends(start + 1) || ((text.get(start + 1).map(|b| b | 0x20) == Some(b'n')) && ends(start + 2))
}

/// Whether the three words before `start` introduce a delay ([`introduces`]).
fn introduced(text: &[u8], start: usize) -> bool {
    let mut words: [&[u8]; 3] = [&[]; 3];
    let mut end = start;
    for w in words.iter_mut() {
        while end > 0 && !text[end - 1].is_ascii_alphanumeric() {
            end -= 1;
        }
        let mut begin = end;
        while begin > 0 && text[begin - 1].is_ascii_alphanumeric() {
            begin -= 1;
        }
        *w = &text[begin..end];
        end = begin;
    }
    introduces(words)
}

/// Whether words before a number, the nearest first, introduce a delay: a preposition,
/// perhaps with one or two fillers between ("in about", "wait at least"), that does not
/// follow a word of time already spent ([`waited`]).
fn introduces([w0, w1, w2]: [&[u8]; 3]) -> bool {
    is_preposition(w0) && !waited(w1)
        || is_filler(w0)
            && (is_preposition(w1) && !waited(w2) || is_filler(w1) && is_preposition(w2))
}

/// A word before a preposition that makes its time the time already spent, not the time to
/// wait: "delayed for 2 days", "still undelivered after 4 hours", "could not be delivered
/// for 5 days", "queued for 3 days" (delay and expiry notices).
fn waited(w: &[u8]) -> bool {
    is_one_of(w, &[b"delayed", b"undelivered", b"delivered", b"queued"])
}

fn is_preposition(w: &[u8]) -> bool {
    // A quick filter first: most words before a number are not prepositions.
    if !(2..=7).contains(&w.len())
        || !matches!(
            w[0] | 0x20,
            b'i' | b'f' | b'a' | b'w' | b'b' | b'd' | b'e' | b't' | b'n' | b'z'
        )
    {
        return false;
    }
    is_one_of(
        w,
        &[
            b"in", b"for", b"after", b"within", b"wait", b"waiting", b"between",
            // Greylisting and limits worded in other languages: French "dans", Spanish "en",
            // Portuguese "em", Italian "tra"/"fra", German "nach", Polish "za" (German "in"
            // is English's); Spanish and Portuguese "dentro de", French "délai de",
            // Portuguese "aguarde" (wait).
            b"dans", b"en", b"em", b"tra", b"fra", b"nach", b"za", b"de", b"aguarde",
        ],
    )
}

/// Words that may come between the preposition and the number ("in about 5 minutes").
fn is_filler(w: &[u8]) -> bool {
    is_one_of(
        w,
        &[
            b"about",
            b"approximately",
            b"approx",
            b"least",
            b"at",
            b"another",
            b"the",
            b"next",
        ],
    )
}

/// Whether `w` is one of `words`, ignoring case. In wasm one loop out of line serves every
/// list (inlined, each list became its own chain of comparisons: about 230 B gzip more).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn is_one_of(w: &[u8], words: &[&[u8]]) -> bool {
    words.iter().any(|p| w.eq_ignore_ascii_case(p))
}

/// Reads `<n> <unit>`, `<n><unit>`, `a|an <unit>` or `HH:MM:SS` at `at`.
fn duration_at(text: &[u8], at: usize) -> Option<u32> {
    let mut i = at;
    let mut n: u64 = 0;
    // Of a decimal number: its tenths.
    let mut tenths: u64 = 0;
    let mut digits = 0;
    while i < text.len() && text[i].is_ascii_digit() {
        if digits == 6 {
            return None;
        }
        n = n * 10 + u64::from(text[i] - b'0');
        digits += 1;
        i += 1;
    }
    if digits == 0 {
        // "in an hour", "for a minute"
        let end = word_end(text, i);
        let w = &text[i..end];
        if !is_one_of(w, &[b"a", b"an"]) {
            return None;
        }
        n = 1;
        i = end;
    } else {
        match text.get(i) {
            Some(b':') => return clock(text, at),
            // A decimal of one place (`1.5 hours`), then a unit; an address or a code
            // (`192.0.2.1`, `4.7.1`) goes on with a dot or a digit.
            Some(b'.') => match (text.get(i + 1), text.get(i + 2)) {
                (Some(&d @ b'0'..=b'9'), Some(b' ' | b'\t' | b'a'..=b'z' | b'A'..=b'Z')) => {
                    tenths = u64::from(d - b'0');
                    i += 2;
                }
                _ => return None,
            },
            // A unit or a range follows (`5 minutes`, `5min`, `1-2 hours`); most numbers
            // (addresses, codes, dates) go on with a `:`, `]` or the end.
            Some(b' ' | b'\t' | b'-' | b'a'..=b'z' | b'A'..=b'Z') => i = range_end(text, i),
            _ => return None,
        }
    }
    i += blanks(&text[i..]);
    let end = word_end(text, i);
    let unit = unit_seconds(&text[i..end])?;
    // At most six digits times a day's seconds: no overflow.
    let total = n * unit + tenths * unit / 10;
    if total > MAX_STATED {
        return None;
    }
    Some(total as u32)
}

/// After the first number of a range (`1-2 hours`, `5 to 10 minutes`, `between 1 and 2
/// hours`), where the second ends: the delay is the range's start, the soonest that the
/// server says a retry may work. `i` itself when no range follows.
fn range_end(text: &[u8], i: usize) -> usize {
    let mut j = i;
    match text.get(j) {
        Some(b'-') => j += 1,
        // Most numbers are followed by no word, or one that starts otherwise.
        Some(b' ') if matches!(text.get(j + 1).map(|b| b | 0x20), Some(b't' | b'a')) => {
            let e = word_end(text, j + 1);
            if !is_one_of(&text[j + 1..e], &[b"to", b"and"]) {
                return i;
            }
            j = e + blanks(&text[e..]);
        }
        _ => return i,
    }
    let digits = text[j..].iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=6).contains(&digits) {
        j + digits
    } else {
        i
    }
}

fn word_end(text: &[u8], from: usize) -> usize {
    let mut e = from;
    while e < text.len() && text[e].is_ascii_alphabetic() {
        e += 1;
    }
    e
}

fn unit_seconds(w: &[u8]) -> Option<u64> {
    // By the first two letters, one list to compare with: most words after a number are no
    // unit (an EHLO reply's `250-SIZE`, `250-DSN`, a Gmail queue id's `d72si22370812`).
    // Beside English's, the units of German, French, Spanish, Portuguese, Italian and Polish:
    // a word ending in `*` is a stem, which may have up to two more letters (`minut*`:
    // minute, minutes, minuten, minuti, minutos, minuty; not `second*`'s `secondary`). Each
    // list is one text: smaller in the wasm than a list of words.
    let (words, seconds): (&[u8], u64) = match (w.first()? | 0x20, w.get(1).map(|b| b | 0x20)) {
        (b's', Some(b't')) => (b"stund*", 3600),
        (b's', None | Some(b'e')) => (b"s sec secs second* sekund* segund*", 1),
        (b'm', None | Some(b'i')) => (b"m min mins minut*", 60),
        (b'h', None | Some(b'r' | b'o' | b'e')) => (b"h hr hrs hour* heure* hora*", 3600),
        (b'd', None | Some(b'a')) => (b"d day days", 86_400),
        _ => return None,
    };
    let mut at = 0;
    while at < words.len() {
        let end = at + words[at..].iter().take_while(|&&b| b != b' ').count();
        let found = match words[at..end].split_last() {
            Some((b'*', stem)) => {
                (stem.len()..=stem.len() + 2).contains(&w.len())
                    && w[..stem.len()].eq_ignore_ascii_case(stem)
            }
            _ => w.eq_ignore_ascii_case(&words[at..end]),
        };
        if found {
            return Some(seconds);
        }
        at = end + 1;
    }
    None
}

/// Reads `HH:MM:SS` at `at`.
fn clock(text: &[u8], at: usize) -> Option<u32> {
    let mut parts = [0u64; 3];
    let mut i = at;
    for (k, part) in parts.iter_mut().enumerate() {
        if k > 0 {
            if i >= text.len() || text[i] != b':' {
                return None;
            }
            i += 1;
        }
        let start = i;
        while i < text.len() && text[i].is_ascii_digit() && i - start < 2 {
            *part = *part * 10 + u64::from(text[i] - b'0');
            i += 1;
        }
        if i == start || (k > 0 && i - start != 2) {
            return None;
        }
    }
    if i < text.len() && (text[i].is_ascii_digit() || text[i] == b':')
        || parts[1] > 59
        || parts[2] > 59
    {
        return None;
    }
    Some((parts[0] * 3600 + parts[1] * 60 + parts[2]) as u32)
}

/// A retry delay in seconds, and where it came from.
///
/// ```
/// use smtp_reply::RetryDelay;
/// assert_eq!(RetryDelay::Stated(60).seconds(), 60);
/// assert!(!RetryDelay::Recommended(1800).is_stated());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", content = "seconds", rename_all = "camelCase")
)]
pub enum RetryDelay {
    /// The server said how long to wait.
    Stated(u32),
    /// The first step of the recommended schedule for this kind of failure.
    Recommended(u32),
}

impl RetryDelay {
    /// The delay in seconds.
    ///
    /// ```
    /// assert_eq!(smtp_reply::RetryDelay::Recommended(300).seconds(), 300);
    /// ```
    pub const fn seconds(self) -> u32 {
        match self {
            RetryDelay::Stated(s) | RetryDelay::Recommended(s) => s,
        }
    }

    /// Whether the server stated the delay.
    ///
    /// ```
    /// assert!(smtp_reply::RetryDelay::Stated(60).is_stated());
    /// ```
    pub const fn is_stated(self) -> bool {
        matches!(self, RetryDelay::Stated(_))
    }
}

/// An exponential back-off schedule: `first` seconds before the first retry, multiplied by
/// `factor` for each further one up to `max`, plus up to `jitter_percent` of random extra
/// (never less, so the minimum intervals hold), for as long as an attempt comes no later than
/// `give_up_after` seconds after the first, whatever the jitter.
///
/// ```
/// use smtp_reply::RetrySchedule;
/// let s = RetrySchedule::QUEUED;
/// assert_eq!(s.delay_before(1, 0), Some(0));          // the first attempt: now
/// assert_eq!(s.delay_before(2, 0), Some(30 * 60));    // first retry after 30 minutes
/// assert_eq!(s.delay_before(3, 0), Some(60 * 60));
/// assert_eq!(s.delay_before(9, 0), Some(3 * 3600));   // capped at 3 hours
/// assert!(s.delay_before(2, 12345).unwrap() >= 30 * 60); // jitter only adds
/// assert_eq!(s.delay_before(60, 0), None);            // past 5 days: give up
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct RetrySchedule {
    /// Seconds before the first retry.
    pub first: u32,
    /// How much each interval grows over the previous one.
    pub factor: u32,
    /// The longest interval, in seconds.
    pub max: u32,
    /// Seconds after the first attempt at which to stop trying and bounce.
    pub give_up_after: u32,
    /// Random extra added to each interval, as a percentage of it.
    pub jitter_percent: u8,
}

impl RetrySchedule {
    /// Queued mail after a temporary failure, per RFC 5321 §4.5.4.1: 30 minutes, then 1 h,
    /// 2 h, then every 3 h, for 5 days.
    pub const QUEUED: RetrySchedule = RetrySchedule {
        first: 1800,
        factor: 2,
        max: 3 * 3600,
        give_up_after: 5 * 86_400,
        jitter_percent: 20,
    };

    /// Greylisting: the server wants to see the same message again after a few minutes
    /// (postgrey waits 300 s by default), so retry after 5 minutes, then back off as usual.
    pub const GREYLISTED: RetrySchedule = RetrySchedule {
        first: 300,
        factor: 2,
        max: 3 * 3600,
        give_up_after: 5 * 86_400,
        jitter_percent: 20,
    };

    /// Rate limits and reputation throttling: slower than usual, and lower the sending rate
    /// to that destination meanwhile. 30 minutes, doubling up to 4 hours, for 5 days.
    pub const RATE_LIMITED: RetrySchedule = RetrySchedule {
        first: 1800,
        factor: 2,
        max: 4 * 3600,
        give_up_after: 5 * 86_400,
        jitter_percent: 20,
    };

    /// A limit per day (Gmail's `550 5.4.5 Daily user sending limit exceeded`): nothing
    /// changes before the day is over, so once a day, until 5 days have passed.
    pub const DAILY: RetrySchedule = RetrySchedule {
        first: 86_400,
        factor: 1,
        max: 86_400,
        give_up_after: 5 * 86_400,
        jitter_percent: 10,
    };

    /// This schedule with its first retry after `first` seconds, the delay a server stated:
    /// the later steps grow from there, and the cap rises to it when it is longer.
    ///
    /// ```
    /// use smtp_reply::RetrySchedule;
    /// let s = RetrySchedule::QUEUED.starting_at(24 * 3600);
    /// assert_eq!(s.delay_before(2, 0), Some(24 * 3600));
    /// assert_eq!(RetrySchedule::GREYLISTED.starting_at(60).delay_before(3, 0), Some(120));
    /// ```
    pub const fn starting_at(self, first: u32) -> RetrySchedule {
        RetrySchedule {
            first,
            max: if first > self.max { first } else { self.max },
            ..self
        }
    }

    /// The interval before retry number `retry` (1 = the first retry), without jitter.
    const fn interval(&self, retry: u32) -> u64 {
        let mut d = self.first as u64;
        let mut k = 1;
        while k < retry && d < self.max as u64 {
            // Both below 2^32 (`d` is under `max`): the product fits.
            d *= self.factor as u64;
            if self.factor <= 1 {
                break;
            }
            k += 1;
        }
        if d > self.max as u64 {
            self.max as u64
        } else {
            d
        }
    }

    /// Seconds from the first attempt to attempt number `attempt` (1 = the first attempt),
    /// without jitter.
    ///
    /// ```
    /// use smtp_reply::RetrySchedule;
    /// assert_eq!(RetrySchedule::QUEUED.elapsed_before(1), 0);
    /// assert_eq!(RetrySchedule::QUEUED.elapsed_before(3), 30 * 60 + 60 * 60);
    /// ```
    pub const fn elapsed_before(&self, attempt: u32) -> u64 {
        let retries = attempt.saturating_sub(1) as u64;
        let mut total: u64 = 0;
        let mut d = self.first as u64;
        let mut k: u64 = 0;
        // Growing phase: at most 64 steps before the cap (or a factor of 1) is reached.
        while k < retries && d < self.max as u64 && k < 64 {
            total = total.saturating_add(d);
            // Both below 2^32 (`d` is under `max`): the product fits.
            d *= self.factor as u64;
            k += 1;
        }
        if d > self.max as u64 {
            d = self.max as u64;
        }
        // Both below 2^32 (`retries` comes from a u32, `d` is at most `max`): the product fits.
        total.saturating_add((retries - k) * d)
    }

    /// The delay in seconds before attempt number `attempt` (1 = the first attempt, which
    /// needs none), with jitter taken from `random` (any value, e.g. from the caller's
    /// random number generator); `None` once the attempt could come after `give_up_after`,
    /// which means: stop and bounce the message. This call does not know the random extra of
    /// the earlier waits, so it assumes the most: [`elapsed_before`](Self::elapsed_before)
    /// plus `jitter_percent` of it. The last attempt then never comes after `give_up_after`,
    /// and the schedules above, whose jitter is at most 20%, keep trying for at least 4 days
    /// of their 5.
    ///
    /// ```
    /// use smtp_reply::RetrySchedule;
    /// let s = RetrySchedule::GREYLISTED;
    /// assert_eq!(s.delay_before(2, 0), Some(300));
    /// assert_eq!(s.delay_before(3, 0), Some(600));
    /// let jittered = s.delay_before(2, 1000).unwrap();
    /// assert!((300..=360).contains(&jittered));
    /// ```
    pub const fn delay_before(&self, attempt: u32, random: u32) -> Option<u32> {
        if attempt <= 1 {
            return Some(0);
        }
        // Give up once the latest this attempt could come, elapsed × most / 100, is past
        // `give_up_after`: when elapsed ≥ ⌈100 (give_up_after + 1) / most⌉. Said so, no
        // product can overflow (in wasm an overflow check costs a 128-bit multiplication).
        let most = 100 + self.jitter_percent as u64;
        let limit = (100 * (self.give_up_after as u64 + 1)).div_ceil(most);
        if self.elapsed_before(attempt) >= limit {
            return None;
        }
        let nominal = self.interval(attempt - 1);
        let extra = nominal * self.jitter_percent as u64 * (random % 1001) as u64 / 100_000;
        let total = nominal + extra;
        Some(if total > u32::MAX as u64 {
            u32::MAX
        } else {
            total as u32
        })
    }
}

impl Default for RetrySchedule {
    /// [`RetrySchedule::QUEUED`].
    fn default() -> Self {
        RetrySchedule::QUEUED
    }
}

/// The delay before attempt number `attempt` on the RFC 5321 schedule
/// ([`RetrySchedule::QUEUED`]); `None` when it is time to give up.
///
/// ```
/// use smtp_reply::retry::recommended_delay;
/// assert_eq!(recommended_delay(2, 0), Some(1800));
/// assert_eq!(recommended_delay(1000, 0), None);
/// ```
pub const fn recommended_delay(attempt: u32, random: u32) -> Option<u32> {
    RetrySchedule::QUEUED.delay_before(attempt, random)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_delays() {
        let cases: &[(&str, Option<u32>)] = &[
            (
                "Recipient address rejected: Greylisted for 60 seconds",
                Some(60),
            ),
            (
                "example.com greylisted for 60 seconds by ZEROSPAM",
                Some(60),
            ),
            (
                "Greylisting in action, please come back in 00:02:00",
                Some(120),
            ),
            ("please come back in 1:00:00.", Some(3600)),
            ("try again in 10m", Some(600)),
            ("retry in about 15 mins", Some(900)),
            ("wait at least 2 hours", Some(7200)),
            ("please retry in an hour", Some(3600)),
            ("deferred for 1 day", Some(86_400)),
            ("[MW4PR04 2024-06-11T09:04:02.679Z 08DC8850F12E1502]", None),
            ("has sent to too many recipients in 1 hour", Some(3600)),
            ("for 1 recipients", None),
            ("in 99999999 seconds", None),
            ("for 400 days", None),
            ("in 00:99:00", None),
            // A range: its start.
            ("retry the rest in 1-2 hours", Some(3600)),
            ("Greylisted, retry in 5 to 10 minutes", Some(300)),
            ("retry between 1 and 12 hours", Some(3600)),
            ("retry between 1 minute and 12 hours", Some(60)),
            ("in 5 - 10 minutes", None),
            ("in 5-x minutes", None),
            ("in 5 to minutes", None),
            ("in 1-9999999 hours", None),
            // A decimal, but not an address or a code.
            ("please try again in 1.5 hours", Some(5400)),
            ("retry in 0.5h", Some(1800)),
            ("wait 2.5 minutes", Some(150)),
            ("for 4.7.1 Please", None),
            ("in 192.0.2.1 seconds", None),
            ("in 1. Then 2 hours", None),
            ("in 1.25 hours", None),
            // Time already spent, in a delay notice, is no wait.
            ("4.4.7 Message delayed for 2 days", None),
            ("Warning: message still undelivered after 4 hours", None),
            ("delayed for about 2 days", None),
            ("Message could not be delivered for 5 days", None),
            ("message has been queued for 3 days", None),
            ("Greylisted for 5 minutes", Some(300)),
            // Other languages.
            (
                "Greylisting aktiv, bitte versuchen Sie es in 10 Minuten erneut",
                Some(600),
            ),
            ("Liste grise, veuillez réessayer dans 15 minutes", Some(900)),
            (
                "Greylisting: por favor, inténtelo de nuevo en 2 minutos",
                Some(120),
            ),
            ("Lista cinza, tente novamente em 30 segundos", Some(30)),
            ("Greylisting attivo, riprovare tra 20 minuti", Some(1200)),
            ("Bitte versuchen Sie es nach 2 Stunden erneut", Some(7200)),
            ("Spróbuj ponownie za 5 minut", Some(300)),
            ("réessayez dans 1 heure", Some(3600)),
            ("Inténtelo de nuevo dentro de 10 minutos.", Some(600)),
            ("Tente novamente dentro de 5 minutos", Some(300)),
            ("Aguarde 1 hora antes de tentar novamente.", Some(3600)),
            ("límite de 100 mensajes por hora", None),
            ("en 3 destinatarios", None),
            ("dans 2 messages", None),
            ("in 2 secondary servers", None),
            ("in 2 hours", Some(7200)),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(stated_delay(text.as_bytes()), *want, "{text}");
        }
    }

    /// The straightforward reading this module's faster one must equal: every word is
    /// remembered, and each number or article looks at the three before it. Which words
    /// introduce a delay is the same rule ([`introduces`]); how the words are found is not.
    fn reference(text: &[u8]) -> Option<u32> {
        // The spans of the last three words; only a number (or "a"/"an") looks back at them.
        let mut prev = [(0usize, 0usize); 3];
        let mut i = 0;
        while i < text.len() {
            let b = text[i];
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < text.len() && text[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let len = i - start;
            let article =
                (b | 0x20) == b'a' && (len == 1 || (len == 2 && (text[start + 1] | 0x20) == b'n'));
            if (b.is_ascii_digit() || article) && introduces(prev.map(|(from, to)| &text[from..to]))
            {
                if let Some(seconds) = duration_at(text, start) {
                    return Some(seconds);
                }
            }
            prev = [(start, i), prev[0], prev[1]];
        }
        None
    }

    #[test]
    fn stated_delay_equals_the_reference() {
        let words = [
            "in",
            "for",
            "after",
            "within",
            "wait",
            "waiting",
            "between",
            "to",
            "and",
            "1-2",
            "1.5",
            "0.5h",
            "4.7.1",
            "about",
            "at",
            "least",
            "the",
            "next",
            "delayed",
            "undelivered",
            "delivered",
            "queued",
            "a",
            "an",
            "A",
            "5",
            "60",
            "00:02:00",
            "1:00:00",
            "12",
            "37",
            "48",
            "9",
            "seconds",
            "sec",
            "m",
            "mins",
            "hour",
            "HRS",
            "days",
            "d",
            "day",
            "x",
            "please",
            "retry",
            "5min",
            "10m",
            "99999999",
            "203.0.113.5",
            "4.7.1",
            // Bytes next to the letters and digits, which the scans must not take for them.
            "@in",
            "zin",
            "[in]",
            "`in{",
            "/5:",
            "\u{e9}5",
        ];
        let seps = [" ", "  ", ", ", ".", "\t", "-", ":"];
        // Every sequence of up to four words with every separator, and longer mixes.
        let mut texts = std::vec::Vec::new();
        for a in words {
            for b in words {
                for sep in seps {
                    texts.push(std::format!("{a}{sep}{b}"));
                    for c in ["5", "an", "60", "00:02:00"] {
                        for d in ["minutes", "hour", "s", "x"] {
                            texts.push(std::format!("{a}{sep}{b} {c} {d}"));
                        }
                    }
                }
            }
        }
        // Every digit and both cases of the article start a delay.
        for d in '0'..='9' {
            texts.push(std::format!("retry in {d} minutes"));
        }
        texts.extend(["for A minute", "in An hour", "IN AN HOUR"].map(std::string::String::from));
        // Three words before the number: a preposition and two fillers, or not quite.
        let lead = ["in", "wait", "for", "at", "least", "about", "the", "x", "a"];
        for a in lead {
            for b in lead {
                for f in lead {
                    for (c, d) in [
                        ("5", "minutes"),
                        ("an", "hour"),
                        ("00:02:00", ""),
                        ("7", "x"),
                    ] {
                        texts.push(std::format!("{a} {b}, {f} {c} {d}"));
                    }
                }
            }
        }
        for (k, a) in words.iter().enumerate() {
            let mixed: std::string::String = words
                .iter()
                .cycle()
                .skip(k)
                .take(40)
                .map(|w| std::format!("{w}{}", seps[w.len() % seps.len()]))
                .collect();
            texts.push(std::format!("{a} {mixed}"));
        }
        // Words that run across the blocks of the fast reading (eight or 16 bytes), at every
        // alignment.
        let aligned = texts.len();
        for pad in 0..16 {
            for t in [
                "wait5 minutes",
                "in aaaaa60 seconds",
                "xin 5 minutes",
                "for an hour",
                "for xan hour",
                "in a minute",
                "in aa minute",
                "come back in 00:02:00",
            ] {
                texts.push(std::format!("{}{t}", " ".repeat(pad)));
                texts.push(std::format!("{}{t}", "x".repeat(pad)));
            }
            for k in aligned - words.len()..aligned {
                let t = std::format!("{}{}", " ".repeat(pad), texts[k]);
                texts.push(t);
            }
        }
        for t in &texts {
            let want = reference(t.as_bytes());
            assert_eq!(
                delay_in::<true>(t.as_bytes()),
                want,
                "16-byte blocks: {t:?}"
            );
            assert_eq!(
                delay_in::<false>(t.as_bytes()),
                want,
                "8-byte blocks: {t:?}"
            );
        }
    }

    #[test]
    fn schedule_respects_rfc_5321() {
        let s = RetrySchedule::QUEUED;
        let mut attempt = 2;
        while let Some(d) = s.delay_before(attempt, attempt.wrapping_mul(2_654_435_761)) {
            assert!(d >= 1800, "at least 30 minutes between tries");
            assert!(d <= 3 * 3600 * 12 / 10);
            attempt += 1;
        }
        assert!(s.elapsed_before(attempt) > u64::from(s.give_up_after) * 100 / 120);
        assert_eq!(s.delay_before(u32::MAX, u32::MAX), None);
        let flat = RetrySchedule { factor: 1, ..s };
        assert_eq!(flat.delay_before(50, 0), Some(1800));
    }

    /// Whatever the jitter, every schedule tries for at least 4 days and its last attempt
    /// comes within the 5 days (RFC 5321 §4.5.4.1 says 4–5), also when a stated delay starts
    /// it.
    #[test]
    fn schedules_give_up_within_five_days_whatever_the_jitter() {
        let schedules = [
            RetrySchedule::QUEUED,
            RetrySchedule::GREYLISTED,
            RetrySchedule::RATE_LIMITED,
            RetrySchedule::DAILY,
            RetrySchedule::QUEUED.starting_at(60),
            RetrySchedule::RATE_LIMITED.starting_at(7200),
        ];
        // Always the least extra, always the most, and a mix.
        let randoms: [fn(u32) -> u32; 3] = [|_| 0, |_| 1000, |n| n.wrapping_mul(2_654_435_761)];
        for s in schedules {
            for random in randoms {
                let (mut attempt, mut elapsed) = (2, 0u64);
                while let Some(d) = s.delay_before(attempt, random(attempt)) {
                    elapsed += u64::from(d);
                    attempt += 1;
                }
                assert!(
                    elapsed <= 5 * 86_400,
                    "{s:?}: last attempt after {elapsed} s"
                );
                assert!(elapsed >= 4 * 86_400, "{s:?}: gave up after {elapsed} s");
            }
        }
    }
}
