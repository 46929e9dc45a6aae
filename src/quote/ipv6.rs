//! The quoted IPv6 packet of an ICMPv6 error (RFC 4443 section 2.4 (c): as much of the invoking
//! packet as fits in the minimum IPv6 MTU), its extension header chain (RFC 8200 section 4)
//! and the upper-layer header after it.
//!
//! The chain is walked through the headers whose format RFC 8200 and the IANA "IPv6 Extension
//! Header Types" registry fix: hop-by-hop options (0), routing (43), fragment (44),
//! authentication (51, RFC 4302: length in 32-bit words), destination options (60), mobility
//! (135, RFC 6275), HIP (139, RFC 7401) and shim6 (140, RFC 5533). Every other next header value
//! ends the chain and is the upper layer: ESP (50) because what follows is encrypted, 59 ("no
//! next header"), and the experimental values 253 and 254, whose format RFC 3692 leaves to the
//! experiment. Each header takes at least 8 bytes, so the walk ends with the quote. After a
//! non-first fragment (offset not 0) the bytes are the middle of the payload: the walk stops
//! there and nothing after it is decoded.

use core::net::Ipv6Addr;

use zerocopy::Ref;

use super::Quote;
use super::transport::{QuotedIcmp, QuotedTcp, QuotedUdp, Transport};
use crate::error::{ParseError, Part};
use crate::protocol;
use crate::types::v6::MessageType;
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
        Ok(QuotedIpv6 {
            header: Ref::into_ref(header),
            bytes,
        })
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
#[derive(Clone, Copy)]
pub struct QuotedIpv6<'a> {
    header: &'a Ipv6Header,
    bytes: &'a [u8],
}

impl core::fmt::Debug for QuotedIpv6<'_> {
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

impl<'a> QuotedIpv6<'a> {
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

    /// The quoted bytes, the header included.
    ///
    /// ```
    /// # let mut q = [0u8; 44]; q[0] = 0x60;
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().bytes().len(), 44);
    /// ```
    #[must_use]
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
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
        ExtensionHeaders {
            next: self.next_header(),
            rest: self.bytes.get(40..).unwrap_or(&[]),
            offset: 40,
            done: false,
        }
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

    /// The upper layer's bytes and what the headers say of them.
    #[inline]
    fn transport_of(&self) -> Transport<'a> {
        match self.upper_layer() {
            Ok(up) => Transport {
                protocol: up.protocol,
                fragment_offset: up.fragment.map_or(0, |f| f.offset),
                bytes: Ok(up.bytes),
            },
            Err(e) => Transport {
                protocol: self.next_header(),
                fragment_offset: 0,
                bytes: Err(e),
            },
        }
    }

    /// Source and destination port of a quoted UDP or TCP packet (the first 4 bytes of the
    /// upper layer), whatever its protocol.
    ///
    /// ```
    /// # let mut q = [0u8; 44]; q[0] = 0x60; q[6] = 17; q[40..44].copy_from_slice(&[0, 53, 0x82, 0x9a]);
    /// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().ports().unwrap(), (53, 33434));
    /// ```
    ///
    /// # Errors
    ///
    /// The errors of [`upper_layer`](Self::upper_layer), [`ParseError::QuotedFragment`] after
    /// a non-first fragment, [`ParseError::Truncated`] (part [`Part::QuotedPorts`]) with fewer
    /// than 4 bytes of it.
    #[inline]
    pub fn ports(&self) -> Result<(u16, u16), ParseError> {
        self.transport_of().ports()
    }

    /// The quoted UDP header (RFC 768): ports always, length and checksum when quoted.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 17; q[40..48].copy_from_slice(&[0x9c, 0x40, 0x82, 0x9a, 0, 16, 0xa3, 0x84]);
    /// let udp = icmpwire::Quote::new(&q).ipv6().unwrap().udp().unwrap();
    /// assert_eq!((udp.dst_port, udp.length, udp.checksum), (33434, Some(16), Some(0xa384)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the upper layer is not UDP, and the errors of
    /// [`ports`](Self::ports).
    #[inline]
    pub fn udp(&self) -> Result<QuotedUdp, ParseError> {
        self.transport_of().udp()
    }

    /// The quoted TCP header (RFC 9293): ports always, sequence number when quoted.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 6; q[40..48].copy_from_slice(&[0x9c, 0x40, 0, 80, 0, 0, 0, 7]);
    /// let tcp = icmpwire::Quote::new(&q).ipv6().unwrap().tcp().unwrap();
    /// assert_eq!((tcp.dst_port, tcp.sequence), (80, Some(7)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the upper layer is not TCP, and the errors of
    /// [`ports`](Self::ports).
    #[inline]
    pub fn tcp(&self) -> Result<QuotedTcp, ParseError> {
        self.transport_of().tcp()
    }

    /// The quoted ICMPv6 header: type and code always, checksum, identifier and sequence when
    /// quoted (identifier and sequence mean something for echo messages).
    ///
    /// ```
    /// use icmpwire::v6::MessageType;
    ///
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 58; q[40..48].copy_from_slice(&[128, 0, 0x12, 0x34, 0x17, 0x12, 0, 1]);
    /// let icmp = icmpwire::Quote::new(&q).ipv6().unwrap().icmpv6().unwrap();
    /// assert_eq!((icmp.message_type, icmp.identifier, icmp.sequence), (MessageType::ECHO_REQUEST, Some(0x1712), Some(1)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the upper layer is not ICMPv6, the errors of
    /// [`upper_layer`](Self::upper_layer), [`ParseError::QuotedFragment`] after a non-first
    /// fragment, [`ParseError::Truncated`] (part [`Part::QuotedIcmp`]) under 2 bytes.
    #[inline]
    pub fn icmpv6(&self) -> Result<QuotedIcmp<MessageType>, ParseError> {
        self.transport_of().icmp(protocol::ICMPV6)
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

/// The extension headers of a quoted IPv6 packet; see [`QuotedIpv6::extension_headers`].
///
/// ```
/// # let mut q = [0u8; 40]; q[0] = 0x60; q[6] = 17;
/// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct ExtensionHeaders<'a> {
    /// The next header value still to read.
    next: u8,
    /// The bytes from there on.
    rest: &'a [u8],
    /// Where `rest` starts in the quote.
    offset: usize,
    /// After a cut header or a non-first fragment.
    done: bool,
}

/// Whether a next header value names an extension header this walk reads.
const fn walked(next_header: u8) -> bool {
    matches!(
        next_header,
        protocol::HOP_BY_HOP
            | protocol::ROUTING
            | protocol::FRAGMENT
            | protocol::AUTHENTICATION
            | protocol::DESTINATION_OPTIONS
            | protocol::MOBILITY
            | protocol::HIP
            | protocol::SHIM6
    )
}

impl<'a> Iterator for ExtensionHeaders<'a> {
    type Item = Result<ExtensionHeader<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let kind = self.next;
        if self.done || !walked(kind) {
            return None;
        }
        let len = match (kind, self.rest) {
            (protocol::FRAGMENT, _) => 8,
            // RFC 4302 section 2.2: the authentication header counts 32-bit words, minus 2.
            (protocol::AUTHENTICATION, [_, words, ..]) => {
                usize::from(*words).wrapping_add(2).wrapping_mul(4)
            }
            (_, [_, units, ..]) => usize::from(*units).wrapping_add(1).wrapping_mul(8),
            _ => 2,
        };
        let Some((bytes, rest)) = self.rest.split_at_checked(len) else {
            self.done = true;
            return Some(Err(ParseError::Truncated {
                part: Part::QuotedExtensionHeader,
                required: len,
                actual: self.rest.len(),
            }));
        };
        let header = ExtensionHeader {
            kind,
            offset: self.offset,
            bytes,
        };
        self.next = header.next_header();
        self.rest = rest;
        self.offset = self.offset.wrapping_add(len);
        if header.fragment().is_some_and(|f| f.offset != 0) {
            // The bytes after a non-first fragment are payload, not headers.
            self.done = true;
        }
        Some(Ok(header))
    }
}

/// One extension header of a quoted IPv6 packet (RFC 8200 section 4), as quoted.
///
/// ```
/// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 60; q[40] = 17;
/// let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
/// assert_eq!((h.kind(), h.next_header(), h.len(), h.offset()), (60, 17, 8, 40));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtensionHeader<'a> {
    kind: u8,
    offset: usize,
    bytes: &'a [u8],
}

impl<'a> ExtensionHeader<'a> {
    /// Which header this is: the next header value that announced it (0 hop-by-hop, 43
    /// routing, 44 fragment, 51 authentication, 60 destination options, 135 mobility, 139 HIP,
    /// 140 shim6).
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 43; q[40] = 17;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.kind(), 43);
    /// ```
    #[must_use]
    #[inline]
    pub fn kind(&self) -> u8 {
        self.kind
    }

    /// The header's name in the IANA registry, short (`"hop-by-hop"`, `"routing"`,
    /// `"fragment"`, `"ah"`, `"destination-options"`, `"mobility"`, `"hip"`, `"shim6"`).
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 0; q[40] = 17;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.name(), "hop-by-hop");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self.kind {
            protocol::HOP_BY_HOP => "hop-by-hop",
            protocol::ROUTING => "routing",
            protocol::FRAGMENT => "fragment",
            protocol::AUTHENTICATION => "ah",
            protocol::DESTINATION_OPTIONS => "destination-options",
            protocol::MOBILITY => "mobility",
            protocol::HIP => "hip",
            _ => "shim6",
        }
    }

    /// The next header field (byte 0).
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 60; q[40] = 58;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.next_header(), 58);
    /// ```
    #[must_use]
    #[inline]
    pub fn next_header(&self) -> u8 {
        self.bytes.first().copied().unwrap_or(0)
    }

    /// The header extension length field (byte 1) as received: in 8-byte units after the
    /// first 8, or for the authentication header 32-bit words minus 2; `None` for the fragment
    /// header, whose byte 1 is reserved.
    ///
    /// ```
    /// # let mut q = [0u8; 64]; q[0] = 0x60; q[6] = 0; q[40] = 17; q[41] = 2;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!((h.length_field(), h.len()), (Some(2), 24));
    /// ```
    #[must_use]
    #[inline]
    pub fn length_field(&self) -> Option<u8> {
        match self.kind {
            protocol::FRAGMENT => None,
            _ => self.bytes.get(1).copied(),
        }
    }

    /// The header's length in bytes.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 44; q[40] = 17;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.len(), 8);
    /// ```
    #[must_use]
    #[inline]
    #[allow(clippy::len_without_is_empty)] // a header is never empty
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Where the header starts, from the start of the quote.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 44; q[40] = 17;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.offset(), 40);
    /// ```
    #[must_use]
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The header's bytes.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 44; q[40] = 17;
    /// # let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.bytes(), &q[40..48]);
    /// ```
    #[must_use]
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The fields of a fragment header (RFC 8200 section 4.5); `None` for other headers.
    ///
    /// ```
    /// # let mut q = [0u8; 48]; q[0] = 0x60; q[6] = 44;
    /// q[40..48].copy_from_slice(&[17, 0, 0x05, 0xa9, 0, 0, 0x12, 0x34]);
    /// let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// let f = h.fragment().unwrap();
    /// assert_eq!((f.offset, f.more_fragments, f.identification), (181, true, 0x1234));
    /// ```
    #[must_use]
    #[inline]
    pub fn fragment(&self) -> Option<FragmentHeader> {
        match (self.kind, self.bytes) {
            (protocol::FRAGMENT, &[_, reserved, hi, lo, a, b, c, d]) => {
                let word = u16::from_be_bytes([hi, lo]);
                Some(FragmentHeader {
                    reserved,
                    offset: word >> 3,
                    res: ((word >> 1) & 3) as u8,
                    more_fragments: word & 1 == 1,
                    identification: u32::from_be_bytes([a, b, c, d]),
                })
            }
            _ => None,
        }
    }

    /// The routing type and segments left of a routing header (RFC 8200 section 4.4); `None`
    /// for other headers.
    ///
    /// ```
    /// # let mut q = [0u8; 64]; q[0] = 0x60; q[6] = 43;
    /// q[40..44].copy_from_slice(&[17, 2, 0, 1]);
    /// let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.routing(), Some(icmpwire::RoutingHeader { routing_type: 0, segments_left: 1 }));
    /// ```
    #[must_use]
    #[inline]
    pub fn routing(&self) -> Option<RoutingHeader> {
        match (self.kind, self.bytes) {
            (protocol::ROUTING, &[_, _, routing_type, segments_left, ..]) => Some(RoutingHeader {
                routing_type,
                segments_left,
            }),
            _ => None,
        }
    }
}

/// The fields of a fragment header (RFC 8200 section 4.5).
///
/// ```
/// let f = icmpwire::FragmentHeader { reserved: 0, offset: 0, res: 0, more_fragments: true, identification: 7 };
/// assert!(f.more_fragments);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FragmentHeader {
    /// Byte 1, reserved.
    pub reserved: u8,
    /// The fragment offset, in 8-byte units.
    pub offset: u16,
    /// The two reserved bits after the offset.
    pub res: u8,
    /// The M flag: more fragments follow.
    pub more_fragments: bool,
    /// The identification shared by the fragments of one packet.
    pub identification: u32,
}

/// The routing type and segments left of a routing header (RFC 8200 section 4.4).
///
/// ```
/// let r = icmpwire::RoutingHeader { routing_type: 4, segments_left: 2 };
/// assert_eq!(r.routing_type, 4); // segment routing (RFC 8754)
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RoutingHeader {
    /// The routing type (0 deprecated source route, 2 mobile IPv6, 3 RPL, 4 segment routing).
    pub routing_type: u8,
    /// How many route segments are still to be visited.
    pub segments_left: u8,
}
