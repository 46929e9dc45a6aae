//! The ICMPv6 checksum (RFC 4443 section 2.3): the RFC 1071 sum over the message and the RFC
//! 8200 section 8.1 pseudo-header in front of it: source address, destination address (the
//! final one, when a routing header lists more), the upper-layer packet length as 32 bits, three
//! zero bytes and the next header value, 58 for ICMPv6.
//!
//! The pseudo-header is summed as five 64-bit words with the same add-with-carry chains as any
//! short input, so checking an ICMPv6 message costs what an ICMPv4 one does plus those words.
//! Its sum is never zero (the next header value is not), so the all-zero special case of
//! ICMPv4 (RFC 1624 section 3) does not arise here.
//!
//! ```
//! use core::net::Ipv6Addr;
//! use icmpwire::checksum::{icmpv6_checksum, verify_icmpv6};
//!
//! let (src, dst) = (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2));
//! // An echo request (type 128), identifier 1, sequence 1, checksum field zeroed.
//! let mut msg = [128, 0, 0, 0, 0, 1, 0, 1];
//! let sum = icmpv6_checksum(src, dst, &msg);
//! msg[2..4].copy_from_slice(&sum.to_be_bytes());
//! assert!(verify_icmpv6(src, dst, &msg));
//! // The pseudo-header sums the two addresses, so another destination does not verify.
//! assert!(!verify_icmpv6(src, Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 3), &msg));
//! ```

use core::net::Ipv6Addr;

use super::{Checksum, add_carry, fold, ne_to_host, sum_ne, update_u16};

/// The next header value of ICMPv6 (IANA "Assigned Internet Protocol Numbers").
const ICMPV6: u8 = 58;

/// The accumulator of the RFC 8200 section 8.1 pseudo-header.
#[inline(always)]
pub(crate) fn pseudo_header(src: &Ipv6Addr, dst: &Ipv6Addr, length: u32, next_header: u8) -> u64 {
    let [l0, l1, l2, l3] = length.to_be_bytes();
    let tail = [l0, l1, l2, l3, 0, 0, 0, next_header];
    add_carry(
        add_carry(sum_ne(&src.octets()), sum_ne(&dst.octets())),
        sum_ne(&tail),
    )
}

/// The accumulator of the pseudo-header of an ICMPv6 message of `len` bytes. A length past
/// `u32::MAX` (no IPv6 packet carries one, jumbograms included) is taken as `u32::MAX`.
#[inline(always)]
pub(crate) fn icmpv6_pseudo_header(src: &Ipv6Addr, dst: &Ipv6Addr, len: usize) -> u64 {
    pseudo_header(src, dst, u32::try_from(len).unwrap_or(u32::MAX), ICMPV6)
}

/// The one's complement sum (host order) of `message` after the accumulator `initial`.
#[inline(always)]
pub(crate) fn sum_after(initial: u64, message: &[u8]) -> u16 {
    ne_to_host(fold(add_carry(initial, sum_ne(message))))
}

/// The ICMPv6 checksum of `message` sent from `src` to `dst`: the value to store (big-endian) in
/// its checksum field, which was zero while summing. Host order. Never `0xFFFF`: the
/// pseudo-header is not zero, so the sum is never `+0`.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::checksum::icmpv6_checksum;
///
/// // An echo request fe80::1 -> fe80::2, identifier 0x1234, sequence 1, checksum zeroed. By
/// // hand (RFC 1071 over the 40-byte pseudo-header and the message): 0x8000 + 0x1234 + 0x0001
/// // + 0xfe80 + 0x0001 + 0xfe80 + 0x0002 + 0x0008 (length) + 0x003a (58) = 0x28f7a, folded
/// // 0x8f7c, complemented 0x7083.
/// let (src, dst) = ("fe80::1".parse::<Ipv6Addr>().unwrap(), "fe80::2".parse::<Ipv6Addr>().unwrap());
/// let msg = [0x80, 0, 0, 0, 0x12, 0x34, 0, 1];
/// assert_eq!(icmpv6_checksum(src, dst, &msg), 0x7083);
/// ```
#[inline]
#[must_use]
pub fn icmpv6_checksum(src: Ipv6Addr, dst: Ipv6Addr, message: &[u8]) -> u16 {
    !sum_after(icmpv6_pseudo_header(&src, &dst, message.len()), message)
}

/// Whether `message`, checksum field included, has a valid ICMPv6 checksum for `src` and
/// `dst`: the pseudo-header and the message sum to `-0` (`0xFFFF`). Where everything else sums
/// to `-0`, the field verifies as `0x0000` (what [`icmpv6_checksum`] computes) and as `0xFFFF`
/// (see [the two zeros](super#the-two-zeros-what-verifies-what-is-written)).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::checksum::{icmpv6_checksum, internet_checksum, verify_icmpv6};
///
/// let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST);
/// let mut msg = [129u8, 0, 0, 0, 0, 7, 0, 9];
/// // A checksum computed the ICMPv4 way, without the pseudo-header, does not verify.
/// let wrong = internet_checksum(&msg);
/// msg[2..4].copy_from_slice(&wrong.to_be_bytes());
/// assert!(!verify_icmpv6(src, dst, &msg));
/// msg[2..4].fill(0);
/// let right = icmpv6_checksum(src, dst, &msg);
/// msg[2..4].copy_from_slice(&right.to_be_bytes());
/// assert!(verify_icmpv6(src, dst, &msg));
/// ```
#[inline]
#[must_use]
pub fn verify_icmpv6(src: Ipv6Addr, dst: Ipv6Addr, message: &[u8]) -> bool {
    sum_after(icmpv6_pseudo_header(&src, &dst, message.len()), message) == 0xFFFF
}

impl Checksum {
    /// A stream that starts with the RFC 8200 section 8.1 pseudo-header of an upper-layer
    /// packet of `length` bytes with next header `next_header` (58 for ICMPv6, 17 for UDP, 6
    /// for TCP) from `src` to `dst`; add the packet to it.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::checksum::{icmpv6_checksum, Checksum};
    ///
    /// let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::UNSPECIFIED);
    /// let msg = [128u8, 0, 0, 0, 0, 7, 0, 9, 0xAB];
    /// let mut c = Checksum::with_ipv6_pseudo_header(src, dst, msg.len() as u32, 58);
    /// c.add_bytes(&msg[..5]);
    /// c.add_bytes(&msg[5..]);
    /// assert_eq!(c.checksum(), icmpv6_checksum(src, dst, &msg));
    /// ```
    #[inline]
    #[must_use]
    pub fn with_ipv6_pseudo_header(
        src: Ipv6Addr,
        dst: Ipv6Addr,
        length: u32,
        next_header: u8,
    ) -> Self {
        Checksum {
            sum: pseudo_header(&src, &dst, length, next_header),
            odd: false,
        }
    }
}

/// RFC 1624 equation 3 for a rewritten IPv6 address (NAT66, or the prefix translation of
/// NPTv6, RFC 6296): the checksum of an upper-layer packet whose pseudo-header address changed
/// from `old` to `new`, without reading the packet. The same holds for an address inside the
/// message (a quoted header, a target address). Host order. Same contract as
/// [`update_u16`]: a from-scratch checksum stays the from-scratch value, and since the
/// pseudo-header is never all zero, that is never `0xFFFF`.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::checksum::{icmpv6_checksum, update_ipv6};
///
/// let (old, new) = ("fd00::1".parse::<Ipv6Addr>().unwrap(), "2001:db8:1::1".parse().unwrap());
/// let dst = Ipv6Addr::LOCALHOST;
/// let msg = [129u8, 0, 0, 0, 0x12, 0x34, 0, 1];
/// let before = icmpv6_checksum(old, dst, &msg);
/// assert_eq!(update_ipv6(before, old, new), icmpv6_checksum(new, dst, &msg));
/// ```
#[inline]
#[must_use]
pub fn update_ipv6(checksum: u16, old: Ipv6Addr, new: Ipv6Addr) -> u16 {
    let words = |a: &Ipv6Addr| ne_to_host(fold(sum_ne(&a.octets())));
    update_u16(checksum, words(&old), words(&new))
}
