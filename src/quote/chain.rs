//! The extension header chain of a quoted IPv6 packet (RFC 8200 section 4), walked one header
//! at a time; [`ExtensionHeaders`] says which headers are walked and where the walk stops.

use core::net::Ipv6Addr;

use crate::error::{ParseError, Part};
use crate::protocol;

/// The extension headers of a quoted IPv6 packet, from
/// [`QuotedIpv6::extension_headers`](super::QuotedIpv6::extension_headers).
///
/// The chain is walked through the headers whose format RFC 8200 and the IANA "IPv6 Extension
/// Header Types" registry fix: hop-by-hop options (0), routing (43), fragment (44),
/// authentication (51, RFC 4302: length in 32-bit words), destination options (60), mobility
/// (135, RFC 6275), HIP (139, RFC 7401) and shim6 (140, RFC 5533). Every other next header value
/// ends the chain and is the upper layer: ESP (50) because what follows is encrypted, 59 ("no
/// next header"), and the experimental values 253 and 254, whose format RFC 3692 leaves to the
/// experiment. Each header takes at least 8 bytes, so the walk ends with the quote. After a
/// non-first fragment (offset not 0) the bytes are the middle of the payload: the walk stops
/// there and nothing after it is decoded.
///
/// ```
/// # let mut q = [0u8; 40]; q[0] = 0x60; q[6] = 17;
/// assert_eq!(icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct ExtensionHeaders<'a> {
    /// The next header value still to read.
    pub(super) next: u8,
    /// The bytes from there on.
    pub(super) rest: &'a [u8],
    /// Where `rest` starts in the quote.
    pub(super) offset: usize,
    /// After a cut header or a non-first fragment.
    done: bool,
}

impl<'a> ExtensionHeaders<'a> {
    /// The walk from `next` over `rest`, which starts at `offset` in the quote.
    pub(super) const fn new(next: u8, rest: &'a [u8], offset: usize) -> Self {
        Self {
            next,
            rest,
            offset,
            done: false,
        }
    }
}

/// Whether a next header value names an extension header this walk reads.
pub(super) const fn walked(next_header: u8) -> bool {
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

    #[inline]
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

    /// The final destination a routing header with segments left names, which the ICMPv6
    /// checksum's pseudo-header takes at a node the packet passes on the way (RFC 8200 section
    /// 8.1): the last address of types 0 (RFC 5095) and 2 (RFC 6275), segment list\[0\] of a
    /// segment routing header (type 4, RFC 8754 section 2). `None` for other headers, for a
    /// routing header with no segments left (the IPv6 destination is then the final one), and
    /// for the types whose addresses are compressed (RPL's type 3) or unknown.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let last: Ipv6Addr = "2001:db8::99".parse().unwrap();
    /// let mut q = [0u8; 64];
    /// q[0] = 0x60;
    /// q[6] = 43; // a routing header
    /// q[40..44].copy_from_slice(&[59, 2, 0, 1]); // 24 bytes, type 0, one segment left
    /// q[48..64].copy_from_slice(&last.octets());
    /// let h = icmpwire::Quote::new(&q).ipv6().unwrap().extension_headers().next().unwrap().unwrap();
    /// assert_eq!(h.final_destination(), Some(last));
    /// ```
    #[must_use]
    pub fn final_destination(&self) -> Option<Ipv6Addr> {
        let routing = self.routing()?;
        if routing.segments_left == 0 {
            return None;
        }
        let at = match routing.routing_type {
            0 | 2 => self.bytes.len().checked_sub(16)?,
            4 => 8,
            _ => return None,
        };
        let address: [u8; 16] = self.bytes.get(at..at.checked_add(16)?)?.try_into().ok()?;
        Some(Ipv6Addr::from(address))
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
