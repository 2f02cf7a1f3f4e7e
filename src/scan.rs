//! Finding line endings: the parser's inner loop.
//!
//! Instead of searching for each LF separately (a loop whose exit mispredicts on every line),
//! the input is read in 64-byte blocks, each turned into two bit masks at once: where its LFs
//! are and which bytes are not ASCII. Lines are then taken from the mask with `trailing_zeros`,
//! as simdjson finds its structural characters. On x86-64 a block takes four SSE2 compares;
//! elsewhere an exact SWAR computation does the same eight bytes at a time.

/// How many bytes one mask covers.
pub(crate) const BLOCK: usize = 64;

/// The LF mask and the non-ASCII mask of a block: bit `i` stands for byte `i`.
#[inline(always)]
fn masks(block: &[u8; BLOCK]) -> (u64, u64) {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use core::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        let (mut lfs, mut high) = (0u64, 0u64);
        for (k, chunk) in block.chunks_exact(16).enumerate() {
            // SAFETY: these intrinsics need SSE2, which the cfg above proves the target has
            // (it is part of the x86-64 baseline). The load reads the 16 bytes of `chunk`,
            // which `chunks_exact` guarantees are there; it has no alignment requirement.
            #[allow(unsafe_code)]
            let (l, h) = unsafe {
                let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                let lf = _mm_set1_epi8(b'\n' as i8);
                (
                    _mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)),
                    _mm_movemask_epi8(v),
                )
            };
            lfs |= (l as u16 as u64) << (16 * k);
            high |= (h as u16 as u64) << (16 * k);
        }
        (lfs, high)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        swar_masks(block)
    }
}

/// The first eight bytes of `bytes`, little-endian (SWAR code reads words this way).
#[inline(always)]
pub(crate) fn word(bytes: &[u8]) -> u64 {
    // A conversion, not `copy_from_slice`: at the wasm build's opt-level "s" that stays a
    // call to a copy routine per word.
    u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default())
}

/// The portable version: per eight bytes, the exact zero-byte test (no false positives, unlike
/// the usual `(x - 0x01..) & !x` test) and a multiplication that gathers the eight high bits.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
#[inline(always)]
fn swar_masks(block: &[u8; BLOCK]) -> (u64, u64) {
    // A whole block is a tail with no bytes left over.
    tail_masks(block)
}

/// The LF and non-ASCII masks of eight bytes, one bit per byte in the low eight bits.
#[inline(always)]
fn swar_word(w: u64) -> (u64, u64) {
    // Moves bit 8i + 7 to bit 56 + i; the partial products never overlap, so nothing carries.
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let gather = |m: u64| (m >> 7).wrapping_mul(GATHER) >> 56;
    (gather(eq(w, b'\n')), gather(w & HIGH))
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

/// The masks of the last, short block of the input (fewer than 64 bytes): eight bytes at a
/// time, then byte by byte, without copying it into a padded block.
#[inline(always)]
fn tail_masks(rest: &[u8]) -> (u64, u64) {
    let (mut lfs, mut high) = (0u64, 0u64);
    let mut words = rest.chunks_exact(8);
    for (k, chunk) in (&mut words).enumerate() {
        let (l, h) = swar_word(word(chunk));
        lfs |= l << (8 * k);
        high |= h << (8 * k);
    }
    let at = rest.len() - words.remainder().len();
    for (i, &b) in words.remainder().iter().enumerate() {
        lfs |= ((b == b'\n') as u64) << (at + i);
        high |= ((b >= 0x80) as u64) << (at + i);
    }
    (lfs, high)
}

/// The first LF in `hay`, eight bytes at a time: for walking the lines of a reply already
/// parsed, which are short and few, so setting up whole blocks would not pay.
#[inline(always)]
pub(crate) fn find_lf(hay: &[u8]) -> Option<usize> {
    find2_swar(b'\n', b'\n', hay)
}

/// The first byte of `hay` that is `a` or `b`, eight bytes at a time.
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
#[inline(never)]
pub(crate) fn find_once(a: u8, hay: &[u8]) -> Option<usize> {
    find(a, hay)
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

/// Every position of `a` in `hay`, in order, each found as [`find`] finds it.
#[inline]
pub(crate) fn find_all(a: u8, hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    core::iter::from_fn(move || {
        let i = from + find(a, hay.get(from..)?)?;
        from = i + 1;
        Some(i)
    })
}

/// A cursor over the LFs of `input`, from a given position on. It also remembers which bytes
/// it has passed were not ASCII, so that a reply of ASCII text needs no UTF-8 check.
#[derive(Clone, Debug)]
pub(crate) struct LineEnds<'a> {
    input: &'a [u8],
    /// Where the current block starts.
    base: usize,
    /// The current block's LFs not yet returned.
    lfs: u64,
    /// The current block's non-ASCII bytes.
    high: u64,
    /// Whether a non-ASCII byte was seen in the blocks before the current one.
    seen_high: bool,
}

impl<'a> LineEnds<'a> {
    /// Starts at `from`; no byte before it is read.
    #[inline(always)]
    pub(crate) fn new(input: &'a [u8], from: usize) -> Self {
        let mut ends = LineEnds {
            input,
            base: from,
            lfs: 0,
            high: 0,
            seen_high: false,
        };
        ends.load();
        ends
    }

    #[inline(always)]
    fn load(&mut self) {
        let rest = self.input.get(self.base..).unwrap_or(&[]);
        let block = rest
            .get(..BLOCK)
            .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok());
        let (lfs, high) = match block {
            Some(block) => masks(block),
            None => tail_masks(rest),
        };
        self.lfs = lfs;
        self.high = high;
    }

    /// The position of the next LF before `limit`, or `None` if there is none before `limit`
    /// or the end of the input. Blocks are read only as far as needed.
    #[inline(always)]
    pub(crate) fn next_before(&mut self, limit: usize) -> Option<usize> {
        loop {
            if self.lfs != 0 {
                let at = self.base + self.lfs.trailing_zeros() as usize;
                if at >= limit {
                    return None;
                }
                self.lfs &= self.lfs - 1;
                return Some(at);
            }
            let next = self.base + BLOCK;
            if next >= limit || next >= self.input.len() {
                return None;
            }
            self.seen_high |= self.high != 0;
            self.base = next;
            self.load();
        }
    }

    /// Whether any byte from where the cursor started up to `end` is not ASCII. `end` must not
    /// lie beyond the current block (it is a position the cursor has returned, plus one).
    #[inline(always)]
    pub(crate) fn non_ascii_before(&self, end: usize) -> bool {
        let n = end.saturating_sub(self.base);
        let below = if n >= BLOCK {
            u64::MAX
        } else {
            (1u64 << n) - 1
        };
        self.seen_high || self.high & below != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both mask versions agree with a byte-by-byte reading, on every byte value in every lane.
    #[test]
    fn masks_are_exact() {
        for value in 0..=255u8 {
            for lane in 0..BLOCK {
                let mut block = [b'a'; BLOCK];
                block[lane] = value;
                block[(lane + 7) % BLOCK] = b'\n';
                let mut want = (0u64, 0u64);
                for (i, b) in block.iter().enumerate() {
                    want.0 |= ((*b == b'\n') as u64) << i;
                    want.1 |= ((*b >= 0x80) as u64) << i;
                }
                assert_eq!(swar_masks(&block), want, "swar, byte {value:#x} at {lane}");
                assert_eq!(masks(&block), want, "masks, byte {value:#x} at {lane}");
                for len in [lane + 1, BLOCK - 1] {
                    let keep = if len == BLOCK {
                        u64::MAX
                    } else {
                        (1u64 << len) - 1
                    };
                    let tail = tail_masks(&block[..len]);
                    assert_eq!(tail, (want.0 & keep, want.1 & keep), "tail of {len}");
                }
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
                    assert_eq!(find(b, h), h.iter().position(|&c| c == b));
                    let all: std::vec::Vec<usize> = find_all(b, h).collect();
                    let want_all: std::vec::Vec<usize> =
                        (0..h.len()).filter(|&i| h[i] == b).collect();
                    assert_eq!(all, want_all);
                }
            }
            hay[len] = 0x81;
        }
    }

    #[test]
    fn finds_every_line_end_across_blocks() {
        let mut input = [b'x'; 300];
        let ends = [0usize, 5, 63, 64, 65, 127, 128, 200, 299];
        for e in ends {
            input[e] = b'\n';
        }
        input[150] = 0xc3;
        let mut cursor = LineEnds::new(&input, 0);
        let mut found = [0usize; 9];
        for f in found.iter_mut() {
            *f = cursor.next_before(usize::MAX).unwrap();
        }
        assert_eq!(found, ends);
        assert_eq!(cursor.next_before(usize::MAX), None);
        assert!(cursor.non_ascii_before(300));

        let mut cursor = LineEnds::new(&input, 1);
        assert_eq!(cursor.next_before(usize::MAX), Some(5));
        assert!(!cursor.non_ascii_before(6));
        assert_eq!(
            cursor.next_before(63),
            None,
            "an LF at the limit is not before it"
        );
        assert_eq!(cursor.next_before(64), Some(63));
    }
}
