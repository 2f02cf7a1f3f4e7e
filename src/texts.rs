//! A list of static texts kept as one string, each text ended by a line feed.
//!
//! A `&'static [&'static str]` costs a pointer and a length per text. The knowledge tables
//! hold hundreds of such lists (the causes and fixes of every piece of advice), and in the
//! wasm those pointers, which compress badly, took more space than the words they pointed
//! to. One string per list needs one pointer per list, and the texts still borrow `'static`
//! data: nothing is copied or allocated to read them.

use core::fmt;

use crate::scan::find_once;

/// Joins texts (literals, or macros that expand to literals) into one [`TextList`] at compile
/// time.
macro_rules! text_list {
    ($($text:expr),* $(,)?) => {
        $crate::texts::TextList::joined(concat!($($text, "\n"),*))
    };
}
pub(crate) use text_list;

/// A list of static texts, such as the causes and the fixes of an [`Advice`](crate::Advice):
/// iterate over it as over a slice of `&'static str`.
///
/// ```
/// use smtp_reply::Reason;
/// let fixes = Reason::RateLimited.advice().fixes();
/// assert!(!fixes.is_empty());
/// assert_eq!(fixes.iter().count(), fixes.len());
/// assert!(fixes.iter().any(|f| f.contains("back-off")));
/// for fix in fixes {
///     assert!(!fix.is_empty() && !fix.contains('\n'));
/// }
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TextList(&'static str);

/// Panics unless `bytes[start..end]` holds texts as a [`TextList`] joins them: each ended by a
/// line feed, none empty. For the checks that run where the tables are built.
pub(crate) const fn check_list(bytes: &[u8], start: usize, end: usize) {
    let mut i = start;
    while i < end {
        assert!(
            bytes[i] != b'\n' || i > start && bytes[i - 1] != b'\n',
            "an empty text"
        );
        i += 1;
    }
    assert!(
        end == start || bytes[end - 1] == b'\n',
        "a text without its line feed"
    );
}

/// The iterator over a [`TextList`]'s texts, from either end.
///
/// ```
/// let causes = smtp_reply::Reason::MailboxFull.advice().causes();
/// let forward: Vec<&str> = causes.iter().collect();
/// let mut backward: Vec<&str> = causes.iter().rev().collect();
/// backward.reverse();
/// assert_eq!(forward, backward);
/// ```
#[derive(Clone, Debug)]
pub struct TextIter {
    /// The texts not yet returned, each ended by a line feed.
    rest: &'static str,
}

impl Iterator for TextIter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        // Each text ends in a line feed, a byte that is a whole character: the cuts are
        // character boundaries.
        let end = find_once(b'\n', self.rest.as_bytes())?;
        let text = self.rest.get(..end);
        self.rest = self.rest.get(end + 1..).unwrap_or_default();
        text
    }
}

impl DoubleEndedIterator for TextIter {
    fn next_back(&mut self) -> Option<&'static str> {
        let body = self.rest.strip_suffix('\n')?;
        let start = crate::scan::rfind(b'\n', body.as_bytes()).map_or(0, |i| i + 1);
        self.rest = self.rest.get(..start).unwrap_or_default();
        body.get(start..)
    }
}

impl core::iter::FusedIterator for TextIter {}

impl TextList {
    /// The list of the texts in `joined`, each ended by a line feed (none holds one).
    /// Checked where the tables are built, at compile time: every text holds a byte.
    pub(crate) const fn joined(joined: &'static str) -> TextList {
        check_list(joined.as_bytes(), 0, joined.len());
        TextList(joined)
    }

    /// The list of the texts in `joined`, already checked as [`Self::joined`] checks them
    /// (a field of a record that was checked when its table was built).
    pub(crate) const fn joined_unchecked(joined: &'static str) -> TextList {
        TextList(joined)
    }

    /// The texts in `range` of the joined string, which starts a text and ends one (after
    /// its line feed).
    pub(crate) fn slice(self, range: core::ops::Range<usize>) -> TextList {
        TextList(self.0.get(range).unwrap_or_default())
    }

    /// The texts, in order.
    ///
    /// ```
    /// let causes = smtp_reply::Reason::MailboxFull.advice().causes();
    /// assert_eq!(causes.iter().next(), causes.first());
    /// ```
    pub fn iter(&self) -> TextIter {
        TextIter { rest: self.0 }
    }

    /// How many texts the list holds.
    ///
    /// ```
    /// assert!(smtp_reply::Reason::Blocked.advice().causes().len() >= 2);
    /// ```
    pub fn len(&self) -> usize {
        self.0.bytes().filter(|&b| b == b'\n').count()
    }

    /// Whether the list holds no text.
    ///
    /// ```
    /// assert!(!smtp_reply::Reason::UserUnknown.advice().fixes().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first text, if any.
    ///
    /// ```
    /// let fixes = smtp_reply::Reason::UserUnknown.advice().fixes();
    /// assert!(fixes.first().is_some());
    /// ```
    pub fn first(&self) -> Option<&'static str> {
        self.iter().next()
    }

    /// The text at `index`, if the list is that long.
    ///
    /// ```
    /// let causes = smtp_reply::Reason::UserUnknown.advice().causes();
    /// assert_eq!(causes.get(0), causes.first());
    /// assert_eq!(causes.get(causes.len()), None);
    /// ```
    pub fn get(&self, index: usize) -> Option<&'static str> {
        self.iter().nth(index)
    }

    /// Whether one of the texts is exactly `text`.
    ///
    /// ```
    /// let fixes = smtp_reply::Reason::UserUnknown.advice().fixes();
    /// assert!(fixes.contains(fixes.first().unwrap()));
    /// assert!(!fixes.contains(""));
    /// ```
    pub fn contains(&self, text: &str) -> bool {
        self.iter().any(|t| t == text)
    }
}

impl IntoIterator for TextList {
    type Item = &'static str;
    type IntoIter = TextIter;

    fn into_iter(self) -> TextIter {
        self.iter()
    }
}

impl IntoIterator for &TextList {
    type Item = &'static str;
    type IntoIter = TextIter;

    fn into_iter(self) -> TextIter {
        self.iter()
    }
}

impl fmt::Debug for TextList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TextList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// `Debug` and serde's `Serialize` for a type whose texts are one record, read by methods:
/// both show it as a struct with the fields named, in order, each a field of the type
/// (`code`) or an accessor (`meaning()`), serde's name given after `as` where it differs.
macro_rules! record_impls {
    ($ty:ident { $($name:ident $(($($call:tt)*))? $(as $serde:literal)?),+ $(,)? }) => {
        impl core::fmt::Debug for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($name), &self.$name $(($($call)*))?))+
                    .finish()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let fields = [$(stringify!($name)),+].len();
                let mut s = serializer.serialize_struct(stringify!($ty), fields)?;
                $(s.serialize_field(
                    $crate::texts::record_impls!(@name $name $($serde)?),
                    &self.$name $(($($call)*))?,
                )?;)+
                s.end()
            }
        }
    };
    (@name $name:ident $serde:literal) => { $serde };
    (@name $name:ident) => { stringify!($name) };
}
pub(crate) use record_impls;

/// Field `index` of a record whose fields were joined by U+001F (the unit separator) at
/// compile time: one pointer for a table entry's texts instead of one per text.
pub(crate) fn field(record: &'static str, index: usize) -> &'static str {
    // A byte search (`memchr`, or eight bytes a step in wasm) rather than `str::split`, which
    // went a byte at a time: a classification's advice summary is read with it.
    let mut rest = record;
    for _ in 0..index {
        match find_once(0x1f, rest.as_bytes()) {
            // After U+001F, a one-byte character: a character boundary.
            Some(at) => rest = rest.get(at + 1..).unwrap_or_default(),
            None => return "",
        }
    }
    match find_once(0x1f, rest.as_bytes()) {
        Some(at) => rest.get(..at).unwrap_or_default(),
        None => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_come_back_as_they_were_joined() {
        let list = text_list!["one", "two words", "three"];
        assert_eq!(list.len(), 3);
        assert!(list.iter().eq(["one", "two words", "three"]));
        assert_eq!(list.get(1), Some("two words"));
        assert_eq!(list.get(3), None);
        let empty = text_list![];
        assert_eq!(
            (empty.is_empty(), empty.len(), empty.first()),
            (true, 0, None)
        );
        assert_eq!(empty, TextList::default());
    }

    #[test]
    fn record_fields_may_be_empty() {
        let record = concat!("title", "\u{1f}", "", "\u{1f}", "last");
        assert_eq!(
            (field(record, 0), field(record, 1), field(record, 2)),
            ("title", "", "last")
        );
        assert_eq!(field(record, 3), "");
    }
}
