//! Byte searches that run on every reply: line endings for the parser, and the SWAR helpers
//! (eight bytes in a `u64`) that the phrase matcher and the extractors share.
//!
//! The parser looks for each line's LF from just past the line's code, 16 bytes a step where
//! the build compares 16 at once ([`WIDE`]: SSE2 on x86-64, SIMD128 in wasm built with it)
//! and eight a step elsewhere, and notes on the way whether a byte was not ASCII, so that an
//! ASCII reply needs no UTF-8 check. (64-byte blocks turned into LF masks, as simdjson finds
//! its structural characters, read the bytes past a reply's end again for the next reply: 5%
//! more instructions, and more wasm.) The phrase matcher lower-cases and finds word starts
//! in the same 16-byte steps ([`classes16`], [`lower16`]), all written once over `v16`.

/// The first eight bytes of `bytes`, little-endian (SWAR code reads words this way).
#[inline(always)]
pub(crate) fn word(bytes: &[u8]) -> u64 {
    // A conversion, not `copy_from_slice`: at the wasm build's opt-level "s" that stays a
    // call to a copy routine per word.
    u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default())
}

/// Per byte of `x`: the high bit set where the byte is zero. Exact, unlike the usual
/// `(x - 0x01..) & !x` test, whose bits above the first zero byte may be false.
#[inline(always)]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & rep(0x7f)).wrapping_add(rep(0x7f))) | x) & HIGH
}

/// `0x0101…01` times a byte.
pub(crate) const fn rep(b: u8) -> u64 {
    0x0101_0101_0101_0101u64 * b as u64
}
pub(crate) const HIGH: u64 = rep(0x80);

/// Per byte of `x` (only its low seven bits count): the high bit set where the byte is at
/// least `n`. Exact per byte, since no sum carries into the next byte.
#[inline(always)]
pub(crate) fn ge(x: u64, n: u8) -> u64 {
    ((x & rep(0x7F)) + rep(128 - n)) & HIGH
}

/// Per byte of `x`: the high bit set where it is an ASCII letter or digit.
#[inline(always)]
pub(crate) fn alnum(x: u64) -> u64 {
    let l = x | rep(0x20);
    let letter = ge(l, b'a') & !ge(l, b'z' + 1) & !x & HIGH;
    letter | digits(x)
}

/// [`alnum`] for text already in ASCII lower case (the phrase scan's copy): no case folding,
/// and one mask for both tests, about 90 fewer instructions a classified reply.
#[inline(always)]
pub(crate) fn alnum_lower(x: u64) -> u64 {
    (ge(x, b'a') & !ge(x, b'z' + 1) | ge(x, b'0') & !ge(x, b'9' + 1)) & !x & HIGH
}

/// Per byte of `x`: the high bit set where it is an ASCII digit.
#[inline(always)]
pub(crate) fn digits(x: u64) -> u64 {
    ge(x, b'0') & !ge(x, b'9' + 1) & !x & HIGH
}

/// Whether a byte is a blank: a space or a tab, what SMTP text puts between its parts.
#[inline(always)]
pub(crate) fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The number of leading blanks.
#[inline(always)]
pub(crate) fn blanks(text: &[u8]) -> usize {
    match text.first() {
        Some(b) if is_blank(*b) => text.iter().take_while(|b| is_blank(**b)).count(),
        _ => 0,
    }
}

/// Per byte of `x`: the high bit set where it equals `b`.
#[inline(always)]
pub(crate) fn eq(x: u64, b: u8) -> u64 {
    zero_bytes(x ^ rep(b))
}

/// The first position in `from..end` that `candidates` marks: `candidates(at)` gives, for
/// the eight positions from `at`, the high bit of byte `k` set when `at + k` is one. For
/// searches whose candidates are defined by a byte and its neighbours: the test of eight
/// positions costs a few word operations, where `memchr` would stop at every byte that
/// merely equals the first (and, in wasm, reads four bytes at a time).
#[inline(always)]
pub(crate) fn next_candidate(
    from: usize,
    end: usize,
    candidates: impl Fn(usize) -> u64,
) -> Option<usize> {
    let mut at = from;
    while at < end {
        let m = candidates(at);
        if m != 0 {
            let i = at + (m.trailing_zeros() / 8) as usize;
            return (i < end).then_some(i);
        }
        at += 8;
    }
    None
}

/// Eight bytes of `text` from `at`, little-endian, zero past the end.
#[inline(always)]
pub(crate) fn load8(text: &[u8], at: usize) -> u64 {
    match text.get(at..at + 8) {
        Some(b) => word(b),
        None => {
            let mut v = 0u64;
            for (k, &b) in text[at.min(text.len())..].iter().enumerate() {
                v |= (b as u64) << (8 * k);
            }
            v
        }
    }
}

/// The first byte of `hay` that is `a` or `b`, eight bytes at a time: the wasm build's
/// [`find2`], and natively the search that stops often in a short text, where `memchr`'s
/// set-up for each call costs more than its wide reads save.
#[inline(always)]
pub(crate) fn find2_swar(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    // The lowest set bit of each mask marks the first zero byte of its word, the first `a`
    // or `b` (bits above it may be false positives, which `trailing_zeros` never looks at).
    let first_zero = |x: u64| x.wrapping_sub(rep(1)) & !x & HIGH;
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        let x = word(chunk);
        let found = first_zero(x ^ rep(a)) | first_zero(x ^ rep(b));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = words.remainder();
    rest.iter().position(|&c| c == a || c == b).map(|i| at + i)
}

/// The first `a` in `hay`: `memchr`, except in wasm, where `memchr` reads four bytes at a
/// time and [`find2_swar`] eight (wasm has 64-bit integers, and without `simd128` no vectors).
#[inline]
pub(crate) fn find(a: u8, hay: &[u8]) -> Option<usize> {
    find2(a, a, hay)
}

/// [`find`] for paths that run once per call, not per byte or line: one out-of-line copy of
/// the search serves them all (in wasm, where `memchr`'s own copy would be a second one).
/// Where the build compares 16 bytes at once, 16 bytes a step ([`find2_16`]): these texts
/// are short, and `memchr`'s set-up (a dispatch and two calls) cost more than its wider
/// steps save (the advice summary's end, a Sendmail hallmark).
#[inline(always)]
pub(crate) fn find_once(a: u8, hay: &[u8]) -> Option<usize> {
    find2_once(a, a, hay)
}

/// [`find_once`] of either of two bytes: the same out-of-line search, which compares with
/// two bytes whether they differ or not.
#[inline(never)]
pub(crate) fn find2_once(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    match WIDE {
        true => find2_16(a, b, hay),
        false => find2(a, b, hay),
    }
}

/// The first `a` or `b` in `hay`, as [`find`] does it.
#[inline]
pub(crate) fn find2(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    {
        find2_swar(a, b, hay)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if a == b {
            memchr::memchr(a, hay)
        } else {
            memchr::memchr2(a, b, hay)
        }
    }
}

/// The last `a` in `hay`: `memrchr`, except in wasm, where a plain loop serves the few
/// searches that run once per call or per chunk (one fewer copy of a search in the module).
#[inline]
pub(crate) fn rfind(a: u8, hay: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    {
        hay.iter().rposition(|&b| b == a)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        memchr::memrchr(a, hay)
    }
}

/// Every position of `a` or `b` in `hay`, in order, each found as [`find2_once`] finds it.
#[inline]
pub(crate) fn find_all(a: u8, b: u8, hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    core::iter::from_fn(move || {
        let i = from + find2_once(a, b, hay.get(from..)?)?;
        from = i + 1;
        Some(i)
    })
}

/// Whether byte `b` is outside printable ASCII (0x20–0x7E): a control character (tab, CR
/// and LF included), DEL, or a byte of a non-ASCII character.
#[inline(always)]
pub(crate) fn unusual_byte(b: u8) -> u32 {
    // Shifted by one, the printable bytes are exactly those above 0x20 as signed bytes.
    ((b.wrapping_add(1) as i8) < 0x21) as u32
}

/// Per byte of `x`: the high bit set where [`unusual_byte`] holds.
#[inline(always)]
fn unusual_bytes(x: u64) -> u64 {
    let low = x & rep(0x7f);
    // Bit 7 of `low + 1` marks DEL; a clear bit 7 of `low + 0x60`, a control character.
    (x | low.wrapping_add(rep(1)) | !low.wrapping_add(rep(0x60))) & HIGH
}

/// Whether this build compares 16 bytes at once: SSE2 on x86-64 (always), SIMD128 in wasm
/// built with it (the npm package is). The line-ending search then reads 16-byte blocks
/// ([`lf16`]), and the phrase matcher lower-cases and scans text in them ([`lower16`],
/// [`classes16`]); otherwise eight bytes at a time in a `u64`.
pub(crate) const WIDE: bool = cfg!(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "wasm32", target_feature = "simd128")
));

/// Sixteen bytes as one vector, and the few operations on them that the 16-byte searches
/// use, with one implementation per instruction set, so that each search is written once:
/// SSE2 on x86-64, SIMD128 in wasm built with it, and plain arrays elsewhere (compiled there
/// but never called, since [`WIDE`] is false).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[allow(unsafe_code)]
mod v16 {
    // SAFETY (every block below): SSE2 is part of the x86-64 baseline (the cfg above); loads
    // and stores touch exactly the 16 bytes of their array and need no alignment; the rest
    // is arithmetic on values.
    use core::arch::x86_64::*;
    pub type V = __m128i;
    #[inline(always)]
    pub fn load(b: &[u8; 16]) -> V {
        unsafe { _mm_loadu_si128(b.as_ptr().cast::<V>()) }
    }
    #[inline(always)]
    pub fn store(v: V) -> [u8; 16] {
        let mut out = [0u8; 16];
        unsafe { _mm_storeu_si128(out.as_mut_ptr().cast::<V>(), v) };
        out
    }
    #[inline(always)]
    pub fn splat(b: u8) -> V {
        unsafe { _mm_set1_epi8(b as i8) }
    }
    #[inline(always)]
    pub fn add(a: V, b: V) -> V {
        unsafe { _mm_add_epi8(a, b) }
    }
    /// Signed, byte by byte: all ones where `a < b`.
    #[inline(always)]
    pub fn lt(a: V, b: V) -> V {
        unsafe { _mm_cmplt_epi8(a, b) }
    }
    #[inline(always)]
    pub fn eq(a: V, b: V) -> V {
        unsafe { _mm_cmpeq_epi8(a, b) }
    }
    #[inline(always)]
    pub fn or(a: V, b: V) -> V {
        unsafe { _mm_or_si128(a, b) }
    }
    #[inline(always)]
    pub fn and(a: V, b: V) -> V {
        unsafe { _mm_and_si128(a, b) }
    }
    /// Each byte's high bit, bit `k` for byte `k`.
    #[inline(always)]
    pub fn mask(v: V) -> u32 {
        unsafe { _mm_movemask_epi8(v) as u32 }
    }
}

/// See the SSE2 `v16`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod v16 {
    use core::arch::wasm32::*;
    pub type V = v128;
    #[inline(always)]
    pub fn load(b: &[u8; 16]) -> V {
        // SAFETY: the load reads the 16 bytes of `b` and needs no alignment.
        #[allow(unsafe_code)]
        unsafe {
            v128_load(b.as_ptr().cast::<V>())
        }
    }
    #[inline(always)]
    pub fn store(v: V) -> [u8; 16] {
        let mut out = [0u8; 16];
        // SAFETY: the store writes the 16 bytes of `out` and needs no alignment.
        #[allow(unsafe_code)]
        unsafe {
            v128_store(out.as_mut_ptr().cast::<V>(), v)
        };
        out
    }
    #[inline(always)]
    pub fn splat(b: u8) -> V {
        u8x16_splat(b)
    }
    #[inline(always)]
    pub fn add(a: V, b: V) -> V {
        i8x16_add(a, b)
    }
    #[inline(always)]
    pub fn lt(a: V, b: V) -> V {
        i8x16_lt(a, b)
    }
    #[inline(always)]
    pub fn eq(a: V, b: V) -> V {
        i8x16_eq(a, b)
    }
    #[inline(always)]
    pub fn or(a: V, b: V) -> V {
        v128_or(a, b)
    }
    #[inline(always)]
    pub fn and(a: V, b: V) -> V {
        v128_and(a, b)
    }
    #[inline(always)]
    pub fn mask(v: V) -> u32 {
        i8x16_bitmask(v) as u32
    }
}

/// See the SSE2 `v16`: byte by byte, for the builds that compile the 16-byte searches but
/// never run them.
#[cfg(not(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
mod v16 {
    pub type V = [u8; 16];
    fn lanes(a: V, b: V, f: impl Fn(u8, u8) -> u8) -> V {
        core::array::from_fn(|k| f(a[k], b[k]))
    }
    pub fn load(b: &[u8; 16]) -> V {
        *b
    }
    pub fn store(v: V) -> [u8; 16] {
        v
    }
    pub fn splat(b: u8) -> V {
        [b; 16]
    }
    pub fn add(a: V, b: V) -> V {
        lanes(a, b, u8::wrapping_add)
    }
    pub fn lt(a: V, b: V) -> V {
        lanes(a, b, |x, y| if (x as i8) < (y as i8) { 0xFF } else { 0 })
    }
    pub fn eq(a: V, b: V) -> V {
        lanes(a, b, |x, y| if x == y { 0xFF } else { 0 })
    }
    pub fn or(a: V, b: V) -> V {
        lanes(a, b, |x, y| x | y)
    }
    pub fn and(a: V, b: V) -> V {
        lanes(a, b, |x, y| x & y)
    }
    pub fn mask(v: V) -> u32 {
        v.iter()
            .enumerate()
            .fold(0, |m, (k, &b)| m | ((b >> 7) as u32) << k)
    }
}

/// The bytes of `v` in `lo..lo + n` (`n` below 128), all ones: shifted so that `lo` becomes
/// -128, they are the `n` smallest as signed bytes.
#[inline(always)]
fn within(v: v16::V, lo: u8, n: u8) -> v16::V {
    use v16::{add, lt, splat};
    lt(add(v, splat(0x80u8.wrapping_sub(lo))), splat(0x80 + n))
}

/// Sixteen bytes of lower-cased text sorted into the classes the phrase matcher's word
/// scan needs, one bit per byte (bit `k` for byte `k`): a few vector comparisons do what
/// [`ge`] and [`eq`] do eight bytes at a time in a dozen steps.
pub(crate) struct Classes16 {
    /// ASCII lower-case letters and digits.
    pub word: u32,
    /// Bytes of 0xC0 and above: the first byte of a character beyond ASCII.
    pub lead: u32,
}

/// Of the 16 bytes of `block` (lower-cased text), those that only the phrase matcher's window
/// normalises: a tab, line feed, vertical tab, form feed or carriage return, or a space that
/// the next byte (in `next`, the 16 bytes from the block's second) repeats. Read with the
/// next bytes at hand, a run of spaces needs no carry from block to block.
#[inline(always)]
pub(crate) fn odd16(block: &[u8; 16], next: &[u8; 16]) -> u32 {
    use v16::{and, eq, load, mask, or, splat};
    let (v, w) = (load(block), load(next));
    let space = splat(b' ');
    mask(or(within(v, b'\t', 5), and(eq(v, space), eq(w, space))))
}

/// The [`Classes16`] of `block`.
#[inline(always)]
pub(crate) fn classes16(block: &[u8; 16]) -> Classes16 {
    use v16::{load, mask, or};
    let v = load(block);
    Classes16 {
        word: mask(or(within(v, b'a', 26), within(v, b'0', 10))),
        // The high bit set, and not among 0x80..0xC0.
        lead: mask(v) & !mask(within(v, 0x80, 0x40)),
    }
}

/// The 16 bytes of `hay` from `at` (below its length) as a vector, and how a mask of it (a
/// bit a byte) becomes one of those bytes alone: shifted right by `.1`, then `.2` kept. Near
/// the end, the last 16 bytes are read and the mask shifted down, rather than the rest copied.
#[inline(always)]
fn block16(hay: &[u8], at: usize) -> (v16::V, u32, u32) {
    match hay.get(at..at + 16) {
        Some(b) => (v16::load(b.try_into().unwrap_or(&[0; 16])), 0, 0xffff),
        None if hay.len() >= 16 => {
            let last = &hay[hay.len() - 16..];
            let shift = (at + 16 - hay.len()) as u32;
            (
                v16::load(last.try_into().unwrap_or(&[0; 16])),
                shift,
                0xffff,
            )
        }
        None => {
            let rest = &hay[at.min(hay.len())..];
            let mut block = [0u8; 16];
            block[..rest.len()].copy_from_slice(rest);
            (v16::load(&block), 0, (1 << rest.len()) - 1)
        }
    }
}

/// The first block of 16 bytes of `hay`, from `from` on, in which `marks` (a mask of the
/// block, a bit a byte) marks a byte: the block's offset and its marks (none past the end).
/// Whole blocks are read in a tight loop, the last few bytes once by [`block16`].
#[inline(always)]
fn first_marked16(
    hay: &[u8],
    mut from: usize,
    marks: impl Fn(v16::V) -> u32,
) -> Option<(usize, u32)> {
    while let Some(b) = hay.get(from..from + 16) {
        let m = marks(v16::load(b.try_into().unwrap_or(&[0; 16])));
        if m != 0 {
            return Some((from, m));
        }
        from += 16;
    }
    if from < hay.len() {
        let (v, shift, keep) = block16(hay, from);
        let m = (marks(v) >> shift) & keep;
        if m != 0 {
            return Some((from, m));
        }
    }
    None
}

/// Of the 16 bytes of `hay` from `at` (a bit a byte; none past its end): the ASCII letters
/// and digits (either case), and among them the digits and the letter `a` (either case),
/// which can start a stated delay (`5 minutes`, `an hour`): for
/// [`stated_delay`](crate::retry::stated_delay)'s word scan.
#[inline(always)]
pub(crate) fn alnum16(hay: &[u8], at: usize) -> (u32, u32) {
    use v16::{eq, mask, or, splat};
    let marks = |v| {
        let folded = or(v, splat(0x20));
        let digit = within(v, b'0', 10);
        let word = or(within(folded, b'a', 26), digit);
        (mask(word), mask(or(digit, eq(folded, splat(b'a')))))
    };
    // A whole block, as most are, without `block16`'s shift and mask (about 0.5% of
    // `classify_text` natively).
    match hay.get(at..at + 16) {
        Some(b) => marks(v16::load(b.try_into().unwrap_or(&[0; 16]))),
        None => {
            let (v, shift, keep) = block16(hay, at);
            let (word, start) = marks(v);
            ((word >> shift) & keep, (start >> shift) & keep)
        }
    }
}

/// The first `a` or `b` in `hay`, 16 bytes a step.
#[inline(always)]
pub(crate) fn find2_16(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    use v16::{eq, mask, or, splat};
    let (at, m) = first_marked16(hay, 0, |v| mask(or(eq(v, splat(a)), eq(v, splat(b)))))?;
    Some(at + m.trailing_zeros() as usize)
}

/// The first position in `from..end` of `hay` that holds `a` followed by `b`, 16 bytes at a
/// time (each block answers for its first 15 positions, whose next bytes it holds).
#[inline(always)]
pub(crate) fn find_pair16(hay: &[u8], from: usize, end: usize, a: u8, b: u8) -> Option<usize> {
    use v16::{eq, mask, splat};
    let mut at = from;
    while at < end {
        let (v, shift, keep) = block16(hay, at);
        let pairs = mask(eq(v, splat(a))) & mask(eq(v, splat(b))) >> 1;
        let m = (pairs >> shift) & keep;
        if m != 0 {
            let i = at + m.trailing_zeros() as usize;
            return (i < end).then_some(i);
        }
        at += 15;
    }
    None
}

/// Where the link that starts at `from` in `hay` ends: at the first byte outside printable
/// ASCII or the first quote or angle bracket (which enclose links), else at the end.
#[inline(always)]
pub(crate) fn link_end16(hay: &[u8], from: usize) -> usize {
    use v16::{eq, mask, or, splat};
    let found = first_marked16(hay, from, |v| {
        let quote = or(
            eq(v, splat(b'"')),
            or(eq(v, splat(b'\'')), eq(v, splat(b'`'))),
        );
        let angle = or(eq(v, splat(b'<')), eq(v, splat(b'>')));
        !mask(within(v, b'!', 94)) & 0xffff | mask(or(quote, angle))
    });
    found.map_or(hay.len(), |(at, m)| at + m.trailing_zeros() as usize)
}

/// Sixteen bytes of `src` in ASCII lower case.
#[inline(always)]
pub(crate) fn lower16(src: &[u8; 16]) -> [u8; 16] {
    use v16::{and, load, or, splat, store};
    let v = load(src);
    store(or(v, and(within(v, b'A', 26), splat(0x20))))
}

/// The LFs of `block` and its bytes outside printable ASCII ([`unusual_byte`], 16 at once),
/// a bit a byte.
#[inline(always)]
fn lf16(block: &[u8; 16]) -> (u32, u32) {
    use v16::{add, eq, load, lt, mask, splat};
    let v = load(block);
    // As `unusual_byte`: shifted by one, the printable bytes are those above 0x20, signed.
    let shifted = add(v, splat(1));
    (mask(eq(v, splat(b'\n'))), mask(lt(shifted, splat(0x21))))
}

/// The first LF in `hay[from..end]` (`end` is capped at `hay.len()`): how the parsers find
/// each line's end. On the way it sets `unusual` (to some non-zero value) if a byte it read
/// is not printable ASCII ([`unusual_byte`]), so that text that is all printable needs no
/// further check, neither for UTF-8 nor for control characters. The bytes it answers for
/// are those before the LF except the one just before it, which is the CR of a CRLF or, when
/// the caller takes an LF alone, the caller's to check; without an LF, all of them. On
/// x86-64 and in wasm built with SIMD128, 16 bytes a step ([`WIDE`]); elsewhere eight
/// ([`find_lf_words`]).
#[inline(always)]
pub(crate) fn find_lf_in(hay: &[u8], from: usize, end: usize, unusual: &mut u32) -> Option<usize> {
    let end = end.min(hay.len());
    if !WIDE {
        return find_lf_words(hay, from, end, unusual);
    }
    let mut at = from;
    // The last block's unusual bytes, held back one step: its last byte may be the CR of a
    // CRLF that the next block ends.
    let mut pending = 0u32;
    // `at <= end - 16` rather than `at + 16 <= end`: the same test, in a form from which
    // the compiler sees that the block lies within `hay` (the sum might wrap, for all it
    // knew, which cost a check of each block).
    while end >= 16 && at <= end - 16 {
        let (lf, odd) = lf16(hay[at..at + 16].try_into().unwrap_or(&[0; 16]));
        if lf != 0 {
            // The bytes before the first LF but the one just before it: those of this
            // block below bit k - 1 (`lf ^ (lf - 1)` sets bits 0 to k), and all of
            // `pending` unless the LF is this block's first byte.
            *unusual |= pending & !(lf << 15) | odd & (lf ^ (lf - 1)) >> 2;
            return Some(at + lf.trailing_zeros() as usize);
        }
        *unusual |= pending;
        pending = odd;
        at += 16;
    }
    // The last few bytes one at a time: eight-byte steps first cost more here.
    *unusual |= pending & 0x7fff;
    find_lf_bytes(hay, at, end, unusual, pending >> 15)
}

/// The first LF in `hay`: for walking the lines of a reply already parsed, whose bytes need
/// no second look. In wasm without SIMD128 the plain eight-byte search, half the work of the
/// parser's, which also notes unusual bytes (`classify` in JavaScript 1.5–3.5% faster);
/// elsewhere the 16-byte search, which notes them at little cost.
#[inline(always)]
pub(crate) fn find_lf(hay: &[u8]) -> Option<usize> {
    if WIDE || cfg!(not(target_arch = "wasm32")) {
        find_lf_in(hay, 0, hay.len(), &mut 0)
    } else {
        find_once(b'\n', hay)
    }
}

/// [`find_lf_in`] eight bytes at a time, then byte by byte; `end` is at most `hay.len()`.
/// Out of line: a copy in each of the parser's loops made the wasm about 100 B gzip larger.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline(never)]
fn find_lf_words(hay: &[u8], mut at: usize, end: usize, unusual: &mut u32) -> Option<usize> {
    // As in the 16-byte loop, a byte a bit 7 wide: the last word's unusual bytes are held
    // back one step, and the word with the LF answers for the bytes below the one before it.
    let (mut seen, mut pending) = (0u64, 0u64);
    const LAST: u64 = 0x80 << 56;
    // As in the 16-byte loop, a test in a form that shows the word within `hay`.
    while end >= 8 && at <= end - 8 {
        let x = word(&hay[at..]);
        let odd = unusual_bytes(x);
        let lf = eq(x, b'\n');
        if lf != 0 {
            seen |= pending & !(lf << 56) | odd & (lf ^ (lf - 1)) >> 16;
            *unusual |= (seen != 0) as u32;
            return Some(at + (lf.trailing_zeros() / 8) as usize);
        }
        seen |= pending;
        pending = odd;
        at += 8;
    }
    *unusual |= (seen | pending & !LAST != 0) as u32;
    find_lf_bytes(hay, at, end, unusual, (pending >> 63) as u32)
}

/// [`find_lf_in`] byte by byte; `before` is [`unusual_byte`] of the byte before `at`, held
/// back in case it is the CR of a CRLF.
#[inline(always)]
fn find_lf_bytes(
    hay: &[u8],
    mut at: usize,
    end: usize,
    unusual: &mut u32,
    mut before: u32,
) -> Option<usize> {
    while at < end {
        let b = hay[at];
        if b == b'\n' {
            return Some(at);
        }
        *unusual |= before;
        before = unusual_byte(b);
        at += 1;
    }
    *unusual |= before;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight bytes from any place, zero past the end, at every length and place.
    #[test]
    fn load8_reads_zeros_past_the_end() {
        let text: std::vec::Vec<u8> = (1..=24).collect();
        for len in 0..text.len() {
            let t = &text[..len];
            for at in 0..len + 10 {
                let want = (0..8).fold(0u64, |v, k| {
                    v | (t.get(at + k).copied().unwrap_or(0) as u64) << (8 * k)
                });
                assert_eq!(load8(t, at), want, "len {len} at {at}");
            }
        }
    }

    /// The eight-byte search finds what a byte-by-byte one finds, at every length and for
    /// bytes with and without the high bit (where the zero-byte test could go wrong).
    #[test]
    fn swar_search_equals_a_byte_search() {
        let mut hay = [b'x'; 40];
        for len in 0..hay.len() {
            for at in 0..=len {
                for (a, b) in [(b'\n', b'\n'), (b'/', b'w'), (0x80, 0xff), (0, 1)] {
                    let mut h = hay;
                    if at < len {
                        h[at] = b;
                        // A near miss before it: a byte one above `a`.
                        h[at / 2] = a.wrapping_add(1);
                    }
                    let h = &h[..len];
                    let want = h.iter().position(|&c| c == a || c == b);
                    assert_eq!(find2_swar(a, b, h), want, "{a} {b} in {h:?}");
                    assert_eq!(find2(a, b, h), want);
                    assert_eq!(find2_16(a, b, h), want);
                    assert_eq!(find(b, h), h.iter().position(|&c| c == b));
                    let all: std::vec::Vec<usize> = find_all(a, b, h).collect();
                    let want_all: std::vec::Vec<usize> =
                        (0..h.len()).filter(|&i| h[i] == a || h[i] == b).collect();
                    assert_eq!(all, want_all);
                }
            }
            hay[len] = 0x81;
        }
    }

    /// The line search finds the first LF before `end`, from any start, at every length,
    /// and reports an unusual byte exactly when one lies where it answers for: before the
    /// LF, not just before it.
    #[test]
    fn line_search_equals_a_byte_search() {
        let mut hay = [b'x'; 70];
        for len in 0..hay.len() {
            for lf in 0..=len {
                let odd_places = [
                    None,
                    Some(lf / 2),
                    Some(lf.saturating_sub(1)),
                    Some(lf.saturating_sub(2)),
                ];
                for odd_at in odd_places {
                    for odd in [0xc3, b'\r', 0, b'\t', 0x7f, 0x1f] {
                        let mut h = hay;
                        if lf < len {
                            h[lf] = b'\n';
                        }
                        if let Some(i) = odd_at.filter(|&i| i < len && i != lf) {
                            h[i] = odd;
                        }
                        let h = &h[..len];
                        for from in [0, 1, 4, 17] {
                            for end in [len, len.saturating_sub(3), 40] {
                                let stop = end.min(len);
                                let want = (from..stop).find(|&i| h[i] == b'\n');
                                let answered = match want {
                                    Some(i) => from..i.saturating_sub(1).max(from),
                                    None => from..stop,
                                };
                                let expect = h
                                    .get(answered)
                                    .is_some_and(|r| r.iter().any(|&b| unusual_byte(b) != 0));
                                let (mut odd_sse, mut odd_words) = (0, 0);
                                let got = find_lf_in(h, from, end, &mut odd_sse);
                                assert_eq!(got, want, "len {len}, from {from}, end {end}");
                                let words = find_lf_words(h, from, stop, &mut odd_words);
                                assert_eq!(words, want, "words: len {len}, from {from}, end {end}");
                                assert_eq!(odd_sse != 0, expect, "{h:?} from {from} to {end}");
                                assert_eq!(
                                    odd_words != 0,
                                    expect,
                                    "words: {h:?} from {from} to {end}"
                                );
                            }
                        }
                    }
                }
            }
            hay[len] = b'y';
        }
    }

    /// The byte test and its eight-byte form agree with the definition on every byte.
    #[test]
    fn unusual_bytes_are_those_outside_printable_ascii() {
        for b in 0..=255u8 {
            let want = !(0x20..=0x7e).contains(&b);
            assert_eq!(unusual_byte(b) != 0, want, "{b:#x}");
            let x = u64::from_le_bytes([b'a', b, b'a', 0x7e, 0x20, b, b'~', b]);
            let bits = unusual_bytes(x);
            assert_eq!(
                bits,
                if want {
                    0x80 << 8 | 0x80 << 40 | 0x80 << 56
                } else {
                    0
                },
                "{b:#x}"
            );
        }
    }
}
