//! The quoted IPv6 packet of an ICMPv6 error (RFC 4443 section 2.4 (c): as much of the invoking
//! packet as fits in the minimum IPv6 MTU), its extension header chain (RFC 8200 section 4,
//! walked by [`ExtensionHeaders`]) and the upper-layer header after it.

use core::net::Ipv6Addr;

use zerocopy::Ref;

use super::Quote;
use super::chain::{ExtensionHeaders, FragmentHeader};
use super::ip::{QuotedIp, seal};
use super::transport::{Transport, ports_of};
use crate::error::{ParseError, Part};
use crate::protocol;
use crate::view::V6;
use crate::wire::Ipv6Header;

impl<'a> Quote<'a> {
    /// The quoted IPv6 header, for the errors of ICMPv6.
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, Quote};
    ///
    /// let mut q = [0u8; 48];
    /// q[0] = 0x60; // version 6
    /// q[6] = 17; // next header UDP
    /// let ip = Quote::new(&q).ipv6().unwrap();
    /// assert_eq!(ip.next_header(), 17);
    /// assert_eq!(
    ///     Quote::new(&q[..39]).ipv6().unwrap_err(),
    ///     ParseError::Truncated { part: Part::QuotedIpv6Header, required: 40, actual: 39 }
    /// );
    /// q[0] = 0x45;
    /// assert_eq!(Quote::new(&q).ipv6().unwrap_err(), ParseError::QuotedVersion { expected: 6, version: 4 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::QuotedIpv6Header`]) under 40 bytes,
    /// [`ParseError::QuotedVersion`] if the version is not 6.
    #[inline]
    pub fn ipv6(&self) -> Result<QuotedIpv6<'a>, ParseError> {
        let bytes = self.bytes();
        let Ok((header, _)) = Ref::<&'a [u8], Ipv6Header>::from_prefix(bytes) else {
            return Err(ParseError::Truncated {
                part: Part::QuotedIpv6Header,
                required: 40,
                actual: bytes.len(),
            });
        };
        let version = bytes.first().map_or(0, |b| b >> 4);
        if version != 6 {
            return Err(ParseError::QuotedVersion {
                expected: 6,
                version,
            });
        }
        Ok(QuotedIpv6::new(Ref::into_ref(header), bytes))
    }
}

/// The quoted IPv6 header (RFC 8200 section 3) and what follows it in the quote.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::Quote;
///
/// // A UDP probe 2001:db8:1::10 port 40000 -> 2001:db8:2::2 port 33434, hop limit 1.
/// let mut q = [0u8; 48];
/// q[..8].copy_from_slice(&[0x60, 0, 0, 0, 0, 8, 17, 1]);
/// q[8..24].copy_from_slice(&"2001:db8:1::10".parse::<Ipv6Addr>().unwrap().octets());
/// q[24..40].copy_from_slice(&"2001:db8:2::2".parse::<Ipv6Addr>().unwrap().octets());
/// q[40..44].copy_from_slice(&[0x9c, 0x40, 0x82, 0x9a]);
/// let ip = Quote::new(&q).ipv6().unwrap();
/// assert_eq!(ip.hop_limit(), 1);
/// assert_eq!(ip.ports().unwrap(), (40000, 33434));
/// ```
pub type QuotedIpv6<'a> = QuotedIp<'a, V6>;

impl seal::IpQuote for V6 {
    type Header = Ipv6Header;
    const ICMP: u8 = protocol::ICMPV6;

    /// The upper layer's bytes and what the headers say of them.
    #[inline]
    fn transport<'a>(ip: &QuotedIp<'a, V6>) -> Transport<'a> {
        match ip.upper_layer() {
            Ok(up) => Transport {
                protocol: up.protocol,
                fragment_offset: up.fragment.map_or(0, |f| f.offset),
                bytes: Ok(up.bytes),
            },
            Err(e) => Transport {
                protocol: ip.next_header(),
                fragment_offset: 0,
                bytes: Err(e),
            },
        }
    }

    /// The common case in one test: no extension header to walk and the 4 bytes of ports
    /// after the fixed header. Anything else takes the long way, for its error or to walk the
    /// chain. Always inlined, as IPv4's: a caller that reads several error types' quotes
    /// otherwise gets it out of line, its result through memory.
    #[inline(always)]
    fn ports(ip: &QuotedIp<'_, Self>) -> Result<(u16, u16), ParseError> {
        if !super::chain::walked(ip.next_header())
            && let Some(&[a, b, c, d]) = ip.bytes.get(40..44)
        {
            return Ok(ports_of([a, b, c, d]));
        }
        Self::transport(ip).ports()
    }
}

impl core::fmt::Debug for QuotedIp<'_, V6> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("QuotedIpv6")
            .field("payload_length", &self.payload_length())
            .field("next_header", &self.next_header())
            .field("src", &self.src())
            .field("dst", &self.dst())
            .field("bytes_present", &self.bytes.len())
            .finish()
    }
}

impl<'a> QuotedIp<'a, V6> {
    /// The version field (always 6 here).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().version(), 6);
    /// ```
    #[must_use]
    #[inline]
    pub fn version(&self) -> u8 {
        (self.header.version_class_flow.get() >> 28) as u8
    }

    /// The traffic class (DSCP and ECN, RFC 2474 and RFC 3168).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x6B; q[1] = 0x80;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().traffic_class(), 0xB8);
    /// ```
    #[must_use]
    #[inline]
    pub fn traffic_class(&self) -> u8 {
        (self.header.version_class_flow.get() >> 20) as u8
    }

    /// The 20-bit flow label (RFC 6437).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[..4].copy_from_slice(&[0x60, 0x0A, 0xBC, 0xDE]);
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().flow_label(), 0xABCDE);
    /// ```
    #[must_use]
    #[inline]
    pub fn flow_label(&self) -> u32 {
        self.header.version_class_flow.get() & 0xF_FFFF
    }

    /// The payload length of the original packet (which the quote may cut).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60; q[4..6].copy_from_slice(&1408u16.to_be_bytes());
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().payload_length(), 1408);
    /// ```
    #[must_use]
    #[inline]
    pub fn payload_length(&self) -> u16 {
        self.header.payload_length.get()
    }

    /// The next header after the fixed header: an extension header or the upper layer.
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60; q[6] = 58;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().next_header(), 58);
    /// ```
    #[must_use]
    #[inline]
    pub fn next_header(&self) -> u8 {
        self.header.next_header
    }

    /// The hop limit, as the packet had it where the error arose (0 or 1 for a time exceeded
    /// in transit).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60; q[7] = 1;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().hop_limit(), 1);
    /// ```
    #[must_use]
    #[inline]
    pub fn hop_limit(&self) -> u8 {
        self.header.hop_limit
    }

    /// The source address of the original packet (normally the error's recipient).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60; q[23] = 1;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().src(), core::net::Ipv6Addr::LOCALHOST);
    /// ```
    #[must_use]
    #[inline]
    pub fn src(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.header.src)
    }

    /// The destination address in the original header (with a routing header, the next hop
    /// rather than the final destination).
    ///
    /// ```
    /// # let mut q = [0u8; 40]; q[0] = 0x60; q[39] = 1;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().dst(), core::net::Ipv6Addr::LOCALHOST);
    /// ```
    #[must_use]
    #[inline]
    pub fn dst(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.header.dst)
    }

    /// The extension headers after the fixed header, in order, as far as they are quoted (see
    /// the module docs for which next header values are walked). A cut header is an error,
    /// after which the iterator ends; so does the header after a non-first fragment.
    ///
    /// ```
    /// use icmpwire::Quote;
    ///
    /// // Hop-by-hop options (8 bytes), then a fragment header, then UDP.
    /// let mut q = [0u8; 64];
    /// q[0] = 0x60;
    /// q[6] = 0; // hop-by-hop
    /// q[40] = 44; // its next header: fragment
    /// q[48..56].copy_from_slice(&[17, 0, 0, 1, 0, 0, 0x12, 0x34]); // offset 0, M=1
    /// let ip = Quote::new(&q).ipv6().unwrap();
    /// let names: Vec<_> = ip.extension_headers().map(|h| h.unwrap().name()).collect();
    /// assert_eq!(names, ["hop-by-hop", "fragment"]);
    /// ```
    #[must_use]
    #[inline]
    pub fn extension_headers(&self) -> ExtensionHeaders<'a> {
        ExtensionHeaders::new(self.next_header(), self.bytes.get(40..).unwrap_or(&[]), 40)
    }

    /// The upper layer after the extension headers: its protocol, where it starts and the
    /// quoted bytes of it, and the fragment header on the way if there was one.
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, Quote};
    ///
    /// let mut q = [0u8; 52];
    /// q[0] = 0x60;
    /// q[6] = 60; // destination options
    /// q[40] = 17; // then UDP
    /// let up = Quote::new(&q).ipv6().unwrap().upper_layer().unwrap();
    /// assert_eq!((up.protocol, up.offset, up.bytes.len()), (17, 48, 4));
    ///
    /// q[41] = 2; // the options claim 24 bytes: the chain is cut
    /// assert_eq!(
    ///     Quote::new(&q).ipv6().unwrap().upper_layer().unwrap_err(),
    ///     ParseError::Truncated { part: Part::QuotedExtensionHeader, required: 24, actual: 12 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::QuotedExtensionHeader`]) when the quote stops
    /// inside an extension header.
    #[inline]
    pub fn upper_layer(&self) -> Result<UpperLayer<'a>, ParseError> {
        let mut headers = self.extension_headers();
        let mut fragment = None;
        for header in headers.by_ref() {
            if let Some(f) = header?.fragment() {
                fragment = Some(f);
            }
        }
        Ok(UpperLayer {
            protocol: headers.next,
            offset: headers.offset,
            bytes: headers.rest,
            fragment,
        })
    }
}

/// The upper layer of a quoted IPv6 packet: what follows its extension headers.
///
/// ```
/// # let mut q = [0u8; 44]; q[0] = 0x60; q[6] = 6;
/// let up = icmpwire::Quote::new(&q).ipv6().unwrap().upper_layer().unwrap();
/// assert_eq!((up.protocol, up.offset), (6, 40));
/// assert!(up.fragment.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UpperLayer<'a> {
    /// The next header value of the last header: the upper-layer protocol (17 UDP, 6 TCP, 58
    /// ICMPv6, 50 ESP, 59 no next header...).
    pub protocol: u8,
    /// Where it starts, from the start of the quote.
    pub offset: usize,
    /// Its quoted bytes (for a non-first fragment: the middle of the payload).
    pub bytes: &'a [u8],
    /// The fragment header of the chain, if the packet was a fragment.
    pub fragment: Option<FragmentHeader>,
}

impl UpperLayer<'_> {
    /// Whether the quoted packet was a non-first fragment: then `bytes` are not the start of
    /// the upper-layer header.
    ///
    /// ```
    /// # let mut q = [0u8; 56]; q[0] = 0x60; q[6] = 44; q[40..48].copy_from_slice(&[17, 0, 0, 0x08, 0, 0, 0, 1]);
    /// let up = icmpwire::Quote::new(&q).ipv6().unwrap().upper_layer().unwrap();
    /// assert!(up.is_non_first_fragment());
    /// ```
    #[must_use]
    #[inline]
    pub fn is_non_first_fragment(&self) -> bool {
        self.fragment.is_some_and(|f| f.offset != 0)
    }
}
