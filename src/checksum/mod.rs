//! The Internet checksum: RFC 1071 one-shot and streaming, RFC 1624 incremental update.
//!
//! The checksum of ICMP (RFC 792, "Echo or Echo Reply Message": "the 16-bit one's complement of
//! the one's complement sum of the ICMP message starting with the ICMP Type") is the one IPv4,
//! UDP and TCP use, defined in RFC 1071. This module knows nothing about messages: it sums bytes.
//!
//! * [`internet_checksum`] computes the value to store in a zeroed checksum field;
//! * [`verify`] tells whether a message with its checksum field in place sums to `0xFFFF`;
//! * [`Checksum`] accumulates slices of any length in any split, and 16/32-bit words;
//! * [`update_u16`] and [`update_u32`] rewrite the checksum after one field changed, with
//!   RFC 1624 equation 3, without reading the rest of the message; [`update_ipv6`] after an
//!   IPv6 address changed (NAT66, NPTv6).
//! * ICMPv6 (RFC 4443 section 2.3) covers the RFC 8200 section 8.1 pseudo-header too:
//!   [`icmpv6_checksum`], [`verify_icmpv6`], and [`Checksum::with_ipv6_pseudo_header`] to
//!   stream.
//!
//! All values at this surface are host-order integers: `internet_checksum(b"\x45\x00")` returns
//! `!0x4500`, and storing it means writing `value.to_be_bytes()`.
//!
//! # How the sum is computed
//!
//! RFC 1071 section 2 (B) notes that the one's complement sum does not depend on byte order: the
//! sum of native-endian 16-bit words is the byte-swap of the sum of big-endian words. The hot
//! loop therefore reads native-endian 64-bit words and never swaps a byte until the end.
//!
//! A one's complement sum of 64-bit words needs an end-around carry after every addition, which
//! serialises the loop. Instead each lane keeps two plain wrapping sums: `all`, the sum of the
//! 64-bit words modulo 2^64, and `high`, the exact sum of their upper 32-bit halves. Since
//! `word = high * 2^32 + low`, the exact sum of the lower halves is `all - (high << 32)` modulo
//! 2^64, which is exact as long as fewer than 2^32 words were added to the lane; and because
//! 2^32 = 1 modulo 0xFFFF, the lane contributes `high + low` to the one's complement sum. That
//! is a shift and two additions per word, with no carries and no data-dependent branches. Eight
//! such lanes cover a 64-byte block, which LLVM maps onto SIMD registers on every target (two
//! lanes per SSE2 register on x86_64). The lanes are folded with end-around carries every 2^28
//! blocks (16 GiB), so any length that fits in memory is summed exactly.
//!
//! Inputs under 128 bytes (headers, small messages) skip the lanes: two add-with-carry chains
//! (even and odd 8-byte words) and a single overlapping load for the last bytes. With the `simd` feature,
//! inputs of 128 bytes and more on x86 take AVX2 or AVX-512 kernels chosen at run time.
//!
//! # The two zeros: what verifies, what is written
//!
//! Zero has two forms in one's complement: `+0` (`0x0000`) and `-0` (`0xFFFF`). The sum of
//! all-zero data is `+0`; any other data that sums to a multiple of `0xFFFF` gives `-0`, never
//! `+0` (one's complement addition of non-zero inputs cannot yield `+0`, RFC 1624 section 3).
//! This crate holds to three rules, in every version, view and builder:
//!
//! * **Verifying** is RFC 1071's rule: the sum of the message (and pseudo-header), checksum
//!   field included, must be `-0`. Where the other bytes sum to `-0`, that accepts the field
//!   as `0x0000` and as `0xFFFF`: both are zero. RFC 1624 section 5 asks end systems to verify
//!   this way precisely so that the `-0` an RFC 1141 router may write is not dropped; Linux,
//!   smoltcp, tcpdump and tshark all accept both. Where every other byte is zero, only
//!   `0xFFFF` verifies (the sum would otherwise be `+0`); Linux's all-zero echo reply with
//!   `0x0000` fails.
//! * **Writing from scratch** ([`internet_checksum`], [`icmpv6_checksum`], `Repr::emit`, the
//!   builders, `computed_checksum`, the `expected` of a `BadChecksum` error) gives RFC 1071's
//!   value, the complement of the sum: `0xFFFF` only over all-zero bytes, so `0x0000`, never
//!   `0xFFFF`, for any other message, and never `0xFFFF` on ICMPv6 (the pseudo-header is not
//!   zero).
//! * **Editing in place** (the views' setters, [`update_u16`], [`update_u32`],
//!   [`update_ipv6`]) uses RFC 1624 equation 3: a message that verified still verifies, and a
//!   field that held the from-scratch value still holds it afterwards, also when a field is
//!   set to the value it had (RFC 1624 erratum 4782 reports equation 3 turning `+0` into `-0`
//!   there; with the end-around carry the equation is computed with here, it does not). A
//!   field received as `-0` may stay `-0`.
//!
//! So a round trip through the owned description (parse, `to_repr`, `emit`) gives back every
//! byte of a message except the checksum field, which holds `computed_checksum()`. For a
//! message that verified, that differs from what was received only when the field was the
//! `-0` form over bytes that sum to `-0`: it comes back as `0x0000` (`ff ff ff ff ff ff ff
//! ff` re-emits as `ff ff 00 00 ff ff ff ff`). A user who needs the received bytes exactly has
//! them: the views are the received buffer, and editing it in place keeps the form.
//!
//! ```
//! use icmpwire::checksum::{internet_checksum, verify};
//!
//! // An echo request, identifier 0x1234, sequence 1, checksum field zeroed.
//! let mut msg = [8, 0, 0, 0, 0x12, 0x34, 0x00, 0x01];
//! let sum = internet_checksum(&msg);
//! msg[2..4].copy_from_slice(&sum.to_be_bytes());
//! assert!(verify(&msg));
//! assert_eq!(internet_checksum(&msg), 0);
//! ```

// Compiled on 64-bit hosts too when testing, so that its unit test runs in CI.
#[cfg(any(not(target_pointer_width = "64"), test))]
mod compact;
#[cfg(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64")))]
mod simd;
#[cfg(target_pointer_width = "64")]
mod wide;
#[cfg(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64")))]
mod x86;

mod pseudo;

pub use pseudo::{icmpv6_checksum, update_ipv6, verify_icmpv6};
pub(crate) use pseudo::{icmpv6_pseudo_header, sum_after};

/// One's complement addition on 64 bits: add, then add the carry back in.
///
/// 2^64 = 1 modulo 0xFFFF, so the end-around carry keeps the value congruent to the exact sum,
/// and a non-zero exact sum never becomes 0.
#[inline(always)]
pub(crate) const fn add_carry(a: u64, b: u64) -> u64 {
    let (sum, carry) = a.overflowing_add(b);
    // `sum` is at most 2^64 - 2 when `carry` is set, so this cannot wrap.
    sum.wrapping_add(carry as u64)
}

/// Folds a 64-bit one's complement accumulator to 16 bits, keeping `+0` and `-0` apart: each
/// step adds the two halves and the carry out of that addition (a non-zero value stays non-zero).
#[inline(always)]
pub(crate) const fn fold(sum: u64) -> u16 {
    let (s, c) = (sum as u32).overflowing_add((sum >> 32) as u32);
    // When `c` is set, `s` is at most 2^32 - 2: adding it back cannot wrap.
    let s = s.wrapping_add(c as u32);
    let (t, c) = (s as u16).overflowing_add((s >> 16) as u16);
    t.wrapping_add(c as u16)
}

/// Converts a sum of native-endian 16-bit words to the host-order value of the big-endian sum.
#[inline(always)]
pub(crate) const fn ne_to_host(sum_ne: u16) -> u16 {
    u16::from_be_bytes(sum_ne.to_ne_bytes())
}

#[cfg(not(target_pointer_width = "64"))]
use compact::sum_ne;
#[cfg(target_pointer_width = "64")]
use wide::sum_ne;

/// Copies `src` into `dst` (equal lengths; a shorter side limits the copy) and returns the one's
/// complement accumulator of `src`, for encoders: the payload is summed as it is copied, not
/// read back from the buffer.
#[inline]
pub(crate) fn copy_and_sum(dst: &mut [u8], src: &[u8]) -> u64 {
    #[cfg(target_pointer_width = "64")]
    return wide::copy_and_sum(dst, src);
    #[cfg(not(target_pointer_width = "64"))]
    return compact::copy_and_sum(dst, src);
}

/// Which summation path this build uses on this CPU for inputs of 128 bytes and more:
/// `"portable"`, or with the `simd` feature on x86 `"avx2"` or `"avx512"` when the CPU has them.
/// For benchmarks and bug reports.
///
/// ```
/// let path = icmpwire::checksum::implementation();
/// assert!(["portable", "avx2", "avx512"].contains(&path));
/// ```
#[must_use]
pub fn implementation() -> &'static str {
    #[cfg(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64")))]
    return simd::selected();
    #[cfg(not(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64"))))]
    "portable"
}

/// The one's complement sum (host order) of an accumulator.
#[inline(always)]
pub(crate) const fn fold_host(acc: u64) -> u16 {
    ne_to_host(fold(acc))
}

/// The accumulator of a header (or any short, even-aligned part of a message).
#[inline(always)]
pub(crate) fn sum_part(bytes: &[u8]) -> u64 {
    sum_ne(bytes)
}

/// The checksum value (host order) for an accumulator of a whole message with a zero field.
#[inline(always)]
pub(crate) const fn finish(acc: u64) -> u16 {
    !ne_to_host(fold(acc))
}

/// Adds two accumulators of parts that both start at even offsets.
#[inline(always)]
pub(crate) const fn combine(a: u64, b: u64) -> u64 {
    add_carry(a, b)
}

/// The one's complement sum of `data` as big-endian 16-bit words (host order), odd length padded
/// with a zero byte. `0x0000` only for all-zero (or empty) data.
///
/// ```
/// // RFC 1071 section 3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2.
/// let data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
/// assert_eq!(icmpwire::checksum::ones_complement_sum(&data), 0xddf2);
/// ```
#[inline]
#[must_use]
pub fn ones_complement_sum(data: &[u8]) -> u16 {
    sum16(data)
}

/// [`ones_complement_sum`], always inlined: the parsers' checksum test, where a call would cost
/// a sizeable part of a short message's parse (the public function is left to the compiler).
#[inline(always)]
pub(crate) fn sum16(data: &[u8]) -> u16 {
    ne_to_host(fold(sum_ne(data)))
}

/// The RFC 1071 checksum of `data`: the value to store (big-endian) in a checksum field that was
/// zero while summing. Host order.
///
/// Storing it makes the message verify; summing a message whose checksum field is already
/// correct returns `0`. All-zero or empty input gives `0xFFFF` (the complement of `+0`); any
/// other input gives a value other than `0xFFFF`, `0x0000` where it sums to `-0`.
///
/// ```
/// use icmpwire::checksum::internet_checksum;
///
/// // RFC 1071 section 3 example: the sum is 0xddf2, the checksum its complement.
/// assert_eq!(internet_checksum(&[0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]), !0xddf2);
/// assert_eq!(internet_checksum(&[]), 0xFFFF);
/// assert_eq!(internet_checksum(&[0, 0, 0, 0]), 0xFFFF);
/// assert_eq!(internet_checksum(&[0xFF, 0xFF, 0, 0]), 0x0000);
/// ```
#[inline]
#[must_use]
pub fn internet_checksum(data: &[u8]) -> u16 {
    !ones_complement_sum(data)
}

/// Whether `message`, checksum field included, has a valid RFC 1071 checksum: its one's
/// complement sum is `-0` (`0xFFFF`).
///
/// A message whose other bytes are all zero verifies only with `0xFFFF` in its field (with
/// `0x0000` it sums to `+0`). A message whose other bytes are not all zero but sum to `-0`
/// verifies with either `0x0000` (what RFC 1071 computes) or `0xFFFF` in its field: the two
/// forms of zero (see [the module docs](self#the-two-zeros-what-verifies-what-is-written)).
///
/// ```
/// use icmpwire::checksum::verify;
///
/// // An echo reply with identifier 0, sequence 0 and no data: its checksum must be 0xFFFF.
/// assert!(verify(&[0, 0, 0xFF, 0xFF, 0, 0, 0, 0]));
/// assert!(!verify(&[0, 0, 0x00, 0x00, 0, 0, 0, 0]));
/// // Other bytes summing to -0 (0xFFFF + 0xFFFF + 0xFFFF): either zero verifies.
/// assert!(verify(&[0xFF, 0xFF, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF]));
/// assert!(verify(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
/// ```
#[inline]
#[must_use]
pub fn verify(message: &[u8]) -> bool {
    ones_complement_sum(message) == 0xFFFF
}

/// A streaming RFC 1071 accumulator: feed it byte slices of any length in any split, and 16- or
/// 32-bit words, and it finishes to the same value as [`internet_checksum`] over the
/// concatenation.
///
/// An odd-length slice leaves the stream at an odd offset; the next slice's first byte then pairs
/// with the previous slice's last byte. (The accumulator does not keep the byte: it sums the next
/// slice as if it were aligned and swaps the bytes of that partial sum, RFC 1071 section 2 (B).)
///
/// ```
/// use icmpwire::checksum::{internet_checksum, Checksum};
///
/// let data = [0x45, 0x00, 0x00, 0x54, 0xab, 0xcd, 0x40, 0x00, 0x40, 0x01];
/// let mut c = Checksum::new();
/// c.add_bytes(&data[..3]);
/// c.add_bytes(&data[3..4]);
/// c.add_bytes(&data[4..]);
/// assert_eq!(c.checksum(), internet_checksum(&data));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Checksum {
    /// One's complement accumulator of native-endian words, folded lazily.
    sum: u64,
    /// Whether an odd number of bytes has been added so far.
    odd: bool,
}

impl Checksum {
    /// An empty accumulator.
    ///
    /// ```
    /// assert_eq!(icmpwire::checksum::Checksum::new().checksum(), 0xFFFF);
    /// ```
    #[inline]
    #[must_use]
    pub const fn new() -> Self {
        Checksum { sum: 0, odd: false }
    }

    /// Adds `data` at the current position of the stream.
    ///
    /// ```
    /// use icmpwire::checksum::Checksum;
    ///
    /// let mut c = Checksum::new();
    /// c.add_bytes(&[0x00, 0x01, 0xf2]);
    /// c.add_bytes(&[0x03, 0xf4, 0xf5, 0xf6, 0xf7]);
    /// assert_eq!(c.sum(), 0xddf2); // RFC 1071 section 3
    /// ```
    #[inline]
    pub fn add_bytes(&mut self, data: &[u8]) {
        let part = sum_ne(data);
        let part = if self.odd {
            // The slice starts in the low byte of a stream word: every byte changes place.
            u64::from(fold(part).swap_bytes())
        } else {
            part
        };
        self.sum = add_carry(self.sum, part);
        self.odd ^= data.len() % 2 == 1;
    }

    /// Adds a 16-bit word given in host order, as its two big-endian bytes.
    ///
    /// ```
    /// use icmpwire::checksum::{internet_checksum, Checksum};
    ///
    /// let mut c = Checksum::new();
    /// c.add_u16(0x0800);
    /// c.add_u16(0x1234);
    /// assert_eq!(c.checksum(), internet_checksum(&[0x08, 0x00, 0x12, 0x34]));
    /// ```
    #[inline]
    pub fn add_u16(&mut self, word: u16) {
        let ne = u16::from_ne_bytes(word.to_be_bytes());
        let ne = if self.odd { ne.swap_bytes() } else { ne };
        self.sum = add_carry(self.sum, u64::from(ne));
    }

    /// Adds a 32-bit word given in host order, as its four big-endian bytes (an IPv4 address,
    /// a timestamp).
    ///
    /// ```
    /// use icmpwire::checksum::{internet_checksum, Checksum};
    ///
    /// let mut c = Checksum::new();
    /// c.add_u32(0xC000_0201); // 192.0.2.1
    /// assert_eq!(c.checksum(), internet_checksum(&[192, 0, 2, 1]));
    /// ```
    #[inline]
    pub fn add_u32(&mut self, word: u32) {
        let [a, b, c, d] = word.to_be_bytes();
        self.add_u16(u16::from_be_bytes([a, b]));
        self.add_u16(u16::from_be_bytes([c, d]));
    }

    /// The one's complement sum so far (host order); `0xFFFF` when a message with its checksum
    /// in place is valid.
    ///
    /// ```
    /// use icmpwire::checksum::Checksum;
    ///
    /// let mut c = Checksum::new();
    /// c.add_bytes(&[0, 0, 0xFF, 0xFF, 0, 0, 0, 0]);
    /// assert_eq!(c.sum(), 0xFFFF);
    /// ```
    #[inline]
    #[must_use]
    pub const fn sum(&self) -> u16 {
        ne_to_host(fold(self.sum))
    }

    /// The checksum of everything added: the complement of [`sum`](Self::sum), host order.
    ///
    /// ```
    /// use icmpwire::checksum::Checksum;
    ///
    /// let mut c = Checksum::new();
    /// c.add_bytes(&[0x08, 0x00, 0x00, 0x00]);
    /// assert_eq!(c.checksum(), 0xF7FF);
    /// ```
    #[inline]
    #[must_use]
    pub const fn checksum(&self) -> u16 {
        !self.sum()
    }

    /// Whether the bytes added, checksum field included, form a valid message (sum `0xFFFF`).
    ///
    /// ```
    /// use icmpwire::checksum::Checksum;
    ///
    /// let mut c = Checksum::new();
    /// c.add_bytes(&[0x08, 0x00, 0xF7, 0xFF]);
    /// assert!(c.is_valid());
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        self.sum() == 0xFFFF
    }
}

/// RFC 1624 equation 3: the new checksum after a 16-bit field changed from `old` to `new`,
/// `HC' = ~(~HC + ~m + m')`, in one's complement arithmetic. All values host order.
///
/// If `checksum` was the from-scratch value, the result is the from-scratch value of the
/// changed message whenever that holds at least one non-zero byte besides the checksum (RFC
/// 1624 section 3 assumes this of every IP header), `old == new` included: the result is then
/// `checksum` itself. For a message that becomes all zero the from-scratch checksum is `0xFFFF`
/// while this returns `0x0000`: only the caller can know the other bytes, so the message views
/// of this crate check that case themselves. A stored `-0` form (`0xFFFF` over bytes that sum
/// to `-0`) is accepted: the result verifies, and may stay in that form.
///
/// ```
/// use icmpwire::checksum::{internet_checksum, update_u16};
///
/// // Echo request -> echo reply: the type/code word goes from 0x0800 to 0x0000.
/// let request = [8, 0, 0, 0, 0x12, 0x34, 0, 1];
/// let reply = [0, 0, 0, 0, 0x12, 0x34, 0, 1];
/// let old = internet_checksum(&request);
/// assert_eq!(update_u16(old, 0x0800, 0x0000), internet_checksum(&reply));
/// // A field rewritten with the value it had leaves a +0 checksum as it was (the case of RFC
/// // 1624 erratum 4782): the message still sums to -0, so from scratch it is 0x0000 too.
/// assert_eq!(update_u16(0x0000, 0x5555, 0x5555), 0x0000);
/// ```
#[inline]
#[must_use]
pub const fn update_u16(checksum: u16, old: u16, new: u16) -> u16 {
    // Three values below 2^16: the u64 sum cannot wrap. `fold` adds the carries back in.
    let sum = (!checksum as u64)
        .wrapping_add(!old as u64)
        .wrapping_add(new as u64);
    !fold(sum)
}

/// RFC 1624 equation 3 for a 32-bit field (an address, a timestamp): both 16-bit halves at
/// once. Same contract as [`update_u16`].
///
/// ```
/// use icmpwire::checksum::{internet_checksum, update_u32};
///
/// let before = [0xC0, 0x00, 0x02, 0x01, 0x00, 0x07];
/// let after = [0xC6, 0x33, 0x64, 0x02, 0x00, 0x07];
/// let c = update_u32(internet_checksum(&before), 0xC000_0201, 0xC633_6402);
/// assert_eq!(c, internet_checksum(&after));
/// ```
#[inline]
#[must_use]
pub const fn update_u32(checksum: u16, old: u32, new: u32) -> u16 {
    // Five values below 2^16: the u64 sum cannot wrap.
    let sum = (!checksum as u64)
        .wrapping_add((!old >> 16) as u64)
        .wrapping_add((!old & 0xFFFF) as u64)
        .wrapping_add((new >> 16) as u64)
        .wrapping_add((new & 0xFFFF) as u64);
    !fold(sum)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// RFC 1071 by the letter: big-endian 16-bit words, zero-padded, 32-bit sum folded after
    /// every addition. The engines' tests use it too.
    pub(in crate::checksum) fn reference(data: &[u8]) -> u16 {
        let mut sum: u32 = 0;
        for pair in data.chunks(2) {
            let word = u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0));
            sum += word;
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        !(sum as u16)
    }

    #[test]
    fn fold_keeps_zeros_apart() {
        assert_eq!(fold(0), 0);
        assert_eq!(fold(0xFFFF), 0xFFFF);
        assert_eq!(fold(u64::MAX), 0xFFFF);
        assert_eq!(fold(0x1_0000), 1);
        assert_eq!(fold(0xFFFF_0000_0000), 0xFFFF);
    }

    #[test]
    fn block_boundaries() {
        // Around the small/large threshold and the block size, every length and content pattern.
        let data: [u8; 300] = core::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(11));
        let step = if cfg!(miri) { 13 } else { 1 };
        for len in (0..data.len()).step_by(step) {
            assert_eq!(
                internet_checksum(&data[..len]),
                reference(&data[..len]),
                "len {len}"
            );
        }
        for len in (0..data.len()).step_by(step) {
            let ones = [0xFFu8; 300];
            assert_eq!(
                internet_checksum(&ones[..len]),
                reference(&ones[..len]),
                "len {len}"
            );
        }
    }
}
