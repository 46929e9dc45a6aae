//! The original datagram that error messages quote (destination unreachable, source quench,
//! redirect, time exceeded, parameter problem): RFC 792 asks for "the internet header plus the
//! first 64 bits of the original datagram's data"; RFC 1812 section 4.3.2.3 lets routers quote
//! as much as fits in a 576-byte ICMP datagram (Linux quotes up to 548 bytes). ICMPv6 errors
//! quote "as much of invoking packet as possible without the ICMPv6 packet exceeding the
//! minimum IPv6 MTU" (RFC 4443 section 2.4 (c)): up to 1232 bytes, read with [`Quote::ipv6`],
//! whose extension header chain is walked to the upper layer.
//!
//! Real quotes are cut short, carry IPv4 options, and sometimes a damaged header. Everything is
//! decoded as far as the bytes allow: [`Quote::ipv4`] needs only the fixed 20 bytes; the options,
//! the transport ports and the quoted ICMP header each return a typed error only when their own
//! bytes are missing or cannot be what they claim (a non-first fragment has no transport header).
//! No accessor panics, whatever the bytes.
//!
//! ```
//! use core::net::Ipv4Addr;
//! use icmpwire::Quote;
//!
//! // A quoted UDP datagram 192.0.2.1:5353 -> 203.0.113.9:33434, TTL 1 (a traceroute probe).
//! let quoted = [
//!     0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x00, 0x00, 0x01, 0x11, 0x00, 0x00,
//!     192, 0, 2, 1, 203, 0, 113, 9, 0x14, 0xe9, 0x82, 0x9a, 0x00, 0x08, 0x00, 0x00,
//! ];
//! let ip = Quote::new(&quoted).ipv4().unwrap();
//! assert_eq!(ip.dst(), Ipv4Addr::new(203, 0, 113, 9));
//! assert_eq!(ip.ports().unwrap(), (5353, 33434));
//! ```

mod chain;
mod ip;
mod ipv4;
mod ipv6;
mod transport;

pub use chain::{ExtensionHeader, ExtensionHeaders, FragmentHeader, RoutingHeader};
pub use ip::QuotedIp;
pub use ipv4::QuotedIpv4;
pub use ipv6::{QuotedIpv6, UpperLayer};
pub use transport::{QuotedIcmp, QuotedTcp, QuotedUdp};

use core::mem::size_of;

use zerocopy::Ref;

use crate::error::{ParseError, Part};
use crate::wire::Ipv4Header;

/// IP protocol numbers the quote accessors know (IANA "Assigned Internet Protocol Numbers").
pub mod protocol {
    /// ICMP.
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::ICMP, 1);
    /// ```
    pub const ICMP: u8 = 1;
    /// TCP.
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::TCP, 6);
    /// ```
    pub const TCP: u8 = 6;
    /// UDP.
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::UDP, 17);
    /// ```
    pub const UDP: u8 = 17;
    /// ICMPv6.
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::ICMPV6, 58);
    /// ```
    pub const ICMPV6: u8 = 58;
    /// IPv6 hop-by-hop options (RFC 8200 section 4.3).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::HOP_BY_HOP, 0);
    /// ```
    pub const HOP_BY_HOP: u8 = 0;
    /// IPv6 routing header (RFC 8200 section 4.4).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::ROUTING, 43);
    /// ```
    pub const ROUTING: u8 = 43;
    /// IPv6 fragment header (RFC 8200 section 4.5).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::FRAGMENT, 44);
    /// ```
    pub const FRAGMENT: u8 = 44;
    /// Encapsulating security payload (RFC 4303): opaque, it ends a header chain.
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::ESP, 50);
    /// ```
    pub const ESP: u8 = 50;
    /// Authentication header (RFC 4302).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::AUTHENTICATION, 51);
    /// ```
    pub const AUTHENTICATION: u8 = 51;
    /// No next header (RFC 8200 section 4.7).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::NO_NEXT_HEADER, 59);
    /// ```
    pub const NO_NEXT_HEADER: u8 = 59;
    /// IPv6 destination options (RFC 8200 section 4.6).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::DESTINATION_OPTIONS, 60);
    /// ```
    pub const DESTINATION_OPTIONS: u8 = 60;
    /// Mobility header (RFC 6275).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::MOBILITY, 135);
    /// ```
    pub const MOBILITY: u8 = 135;
    /// Host identity protocol (RFC 7401).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::HIP, 139);
    /// ```
    pub const HIP: u8 = 139;
    /// Shim6 (RFC 5533).
    ///
    /// ```
    /// assert_eq!(icmpwire::protocol::SHIM6, 140);
    /// ```
    pub const SHIM6: u8 = 140;
}

/// The bytes an error message quotes: the start of the datagram that caused it.
///
/// ```
/// use icmpwire::{ParseError, Part, Quote};
///
/// let q = Quote::new(&[0x45, 0, 0, 20]);
/// assert_eq!(
///     q.ipv4().unwrap_err(),
///     ParseError::Truncated { part: Part::QuotedIpHeader, required: 20, actual: 4 }
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote<'a> {
    bytes: &'a [u8],
}

impl<'a> Quote<'a> {
    /// Wraps quoted bytes (from an error message's payload, say).
    ///
    /// ```
    /// assert_eq!(icmpwire::Quote::new(&[1, 2, 3]).bytes(), &[1, 2, 3]);
    /// ```
    #[must_use]
    #[inline]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Quote { bytes }
    }

    /// The quoted bytes as received.
    ///
    /// ```
    /// assert!(icmpwire::Quote::new(&[]).bytes().is_empty());
    /// ```
    #[must_use]
    #[inline]
    pub const fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The quoted IPv4 header.
    ///
    /// ```
    /// let quoted = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2];
    /// assert_eq!(icmpwire::Quote::new(&quoted).ipv4().unwrap().ttl(), 64);
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::QuotedIpHeader`]) with fewer than 20 bytes,
    /// [`ParseError::QuotedVersion`] if the version is not 4. A bad IHL is reported by the
    /// accessors that need it ([`QuotedIpv4::options`], [`QuotedIpv4::transport`]).
    #[inline]
    pub fn ipv4(&self) -> Result<QuotedIpv4<'a>, ParseError> {
        let actual = self.bytes.len();
        let Ok((header, _)) = Ref::<&'a [u8], Ipv4Header>::from_prefix(self.bytes) else {
            return Err(ParseError::Truncated {
                part: Part::QuotedIpHeader,
                required: size_of::<Ipv4Header>(),
                actual,
            });
        };
        let version = header.version_ihl >> 4;
        if version != 4 {
            return Err(ParseError::QuotedVersion {
                expected: 4,
                version,
            });
        }
        Ok(QuotedIpv4::new(Ref::into_ref(header), self.bytes))
    }
}

/// How much of an offending datagram an error message quotes.
///
/// ```
/// use icmpwire::{QuoteLimit, quote_datagram};
///
/// let datagram = [0x45u8; 1000];  // IHL 5
/// assert_eq!(quote_datagram(&datagram, QuoteLimit::Rfc792).len(), 28);
/// assert_eq!(quote_datagram(&datagram, QuoteLimit::Rfc1812).len(), 548);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum QuoteLimit {
    /// RFC 792: the internet header and the first 64 bits (8 bytes) of the data.
    #[default]
    Rfc792,
    /// RFC 1812 section 4.3.2.3: as much as fits without the ICMP datagram exceeding 576
    /// bytes, with a 20-byte outer IPv4 header and the 8-byte ICMP header: 548 bytes.
    Rfc1812,
    /// As much as fits in an ICMP datagram of this many bytes (outer 20-byte IPv4 header and
    /// 8-byte ICMP header included), for links or policies that allow more than 576.
    DatagramSize(usize),
}

/// The prefix of `datagram` (an IPv4 datagram that caused an error) to quote under `limit`.
///
/// For [`QuoteLimit::Rfc792`] the header length comes from the datagram's IHL (at least 20
/// bytes whatever the IHL says); a datagram shorter than the limit is quoted whole.
///
/// ```
/// use icmpwire::{QuoteLimit, quote_datagram};
///
/// let mut datagram = [0u8; 100];
/// datagram[0] = 0x46; // IHL 6: a 24-byte header with options
/// assert_eq!(quote_datagram(&datagram, QuoteLimit::Rfc792).len(), 32);
/// assert_eq!(quote_datagram(&datagram[..30], QuoteLimit::Rfc792).len(), 30);
/// assert_eq!(quote_datagram(&datagram, QuoteLimit::DatagramSize(68)).len(), 40);
/// ```
#[must_use]
#[inline]
pub fn quote_datagram(datagram: &[u8], limit: QuoteLimit) -> &[u8] {
    let len = match limit {
        QuoteLimit::Rfc792 => {
            let ihl = datagram.first().map_or(5, |b| b & 0x0F).max(5);
            usize::from(ihl).wrapping_mul(4).wrapping_add(8)
        }
        QuoteLimit::Rfc1812 => 576 - 20 - 8,
        QuoteLimit::DatagramSize(size) => size.saturating_sub(20 + 8),
    };
    datagram.get(..len).unwrap_or(datagram)
}
