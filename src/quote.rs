//! The original datagram that error messages quote (destination unreachable, source quench,
//! redirect, time exceeded, parameter problem): RFC 792 asks for "the internet header plus the
//! first 64 bits of the original datagram's data"; RFC 1812 section 4.3.2.3 lets routers quote
//! as much as fits in a 576-byte ICMP datagram (Linux quotes up to 548 bytes).
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

use core::mem::size_of;
use core::net::Ipv4Addr;

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
            return Err(ParseError::QuotedVersion { version });
        }
        Ok(QuotedIpv4 {
            header: Ref::into_ref(header),
            bytes: self.bytes,
        })
    }
}

/// The quoted IPv4 header (RFC 791 section 3.1), and what follows it in the quote.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::Quote;
///
/// let quoted = [0x45u8, 0, 0, 28, 0, 1, 0x40, 0, 1, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2];
/// let ip = Quote::new(&quoted).ipv4().unwrap();
/// assert!(ip.dont_fragment());
/// assert_eq!(ip.src(), Ipv4Addr::new(192, 0, 2, 1));
/// ```
#[derive(Clone, Copy)]
pub struct QuotedIpv4<'a> {
    header: &'a Ipv4Header,
    bytes: &'a [u8],
}

impl core::fmt::Debug for QuotedIpv4<'_> {
    #[inline]
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("QuotedIpv4")
            .field("ihl", &self.ihl())
            .field("total_length", &self.total_length())
            .field("protocol", &self.protocol())
            .field("src", &self.src())
            .field("dst", &self.dst())
            .field("bytes_present", &self.bytes.len())
            .finish()
    }
}

impl<'a> QuotedIpv4<'a> {
    /// The version field (always 4 here).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().version(), 4);
    /// ```
    #[must_use]
    #[inline]
    pub fn version(&self) -> u8 {
        self.header.version_ihl >> 4
    }

    /// The header length in 32-bit words (IHL), as received; 5 without options.
    ///
    /// ```
    /// # let q = [0x46u8, 0, 0, 24, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().ihl(), 6);
    /// ```
    #[must_use]
    #[inline]
    pub fn ihl(&self) -> u8 {
        self.header.version_ihl & 0x0F
    }

    /// The type of service byte (DSCP and ECN, RFC 2474 and RFC 3168).
    ///
    /// ```
    /// # let q = [0x45u8, 0xB8, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().tos(), 0xB8);
    /// ```
    #[must_use]
    #[inline]
    pub fn tos(&self) -> u8 {
        self.header.tos
    }

    /// The total length of the original datagram (which the quote may cut).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0x05, 0xdc, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().total_length(), 1500);
    /// ```
    #[must_use]
    #[inline]
    pub fn total_length(&self) -> u16 {
        self.header.total_length.get()
    }

    /// The identification field.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0xab, 0xcd, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().identification(), 0xabcd);
    /// ```
    #[must_use]
    #[inline]
    pub fn identification(&self) -> u16 {
        self.header.identification.get()
    }

    /// The three flag bits (bit 1: don't fragment, bit 0: more fragments; bit 2 is reserved).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0x60, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().flags(), 0b011);
    /// ```
    #[must_use]
    #[inline]
    pub fn flags(&self) -> u8 {
        (self.header.flags_fragment_offset.get() >> 13) as u8
    }

    /// Whether the don't-fragment flag is set.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0x40, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::Quote::new(&q).ipv4().unwrap().dont_fragment());
    /// ```
    #[must_use]
    #[inline]
    pub fn dont_fragment(&self) -> bool {
        self.flags() & 0b010 != 0
    }

    /// Whether the more-fragments flag is set.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0x20, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::Quote::new(&q).ipv4().unwrap().more_fragments());
    /// ```
    #[must_use]
    #[inline]
    pub fn more_fragments(&self) -> bool {
        self.flags() & 0b001 != 0
    }

    /// The fragment offset, in 8-byte units.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0x00, 0xb9, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().fragment_offset(), 185);
    /// ```
    #[must_use]
    #[inline]
    pub fn fragment_offset(&self) -> u16 {
        self.header.flags_fragment_offset.get() & 0x1FFF
    }

    /// The time to live, as the datagram had it where the error arose (1 or 0 for a time
    /// exceeded in transit).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().ttl(), 1);
    /// ```
    #[must_use]
    #[inline]
    pub fn ttl(&self) -> u8 {
        self.header.ttl
    }

    /// The protocol of the payload (see [`protocol`](crate::protocol)).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().protocol(), icmpwire::protocol::UDP);
    /// ```
    #[must_use]
    #[inline]
    pub fn protocol(&self) -> u8 {
        self.header.protocol
    }

    /// The header checksum, as quoted (not verified: routers may quote a header they changed).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 17, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().header_checksum(), 0x1234);
    /// ```
    #[must_use]
    #[inline]
    pub fn header_checksum(&self) -> u16 {
        self.header.checksum.get()
    }

    /// Whether the quoted header (options included) has a valid RFC 791 header checksum.
    /// False when the quote stops inside the options; a router that changed the header before
    /// quoting it (TTL, options) may quote a checksum that no longer matches.
    ///
    /// ```
    /// let mut q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2];
    /// let sum = icmpwire::checksum::internet_checksum(&q);
    /// q[10..12].copy_from_slice(&sum.to_be_bytes());
    /// assert!(icmpwire::Quote::new(&q).ipv4().unwrap().header_checksum_valid());
    /// q[8] = 2; // the TTL changed, the checksum did not
    /// assert!(!icmpwire::Quote::new(&q).ipv4().unwrap().header_checksum_valid());
    /// ```
    #[must_use]
    #[inline]
    pub fn header_checksum_valid(&self) -> bool {
        match self.header_len().map(|len| self.bytes.get(..len)) {
            Ok(Some(header)) => crate::checksum::verify(header),
            _ => false,
        }
    }

    /// The source address of the original datagram (normally the error's recipient).
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 17, 0, 0, 192, 0, 2, 10, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().src(), core::net::Ipv4Addr::new(192, 0, 2, 10));
    /// ```
    #[must_use]
    #[inline]
    pub fn src(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.header.src)
    }

    /// The destination address of the original datagram.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 1, 17, 0, 0, 0, 0, 0, 0, 203, 0, 113, 2];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().dst(), core::net::Ipv4Addr::new(203, 0, 113, 2));
    /// ```
    #[must_use]
    #[inline]
    pub fn dst(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.header.dst)
    }

    /// The length of the header as its IHL gives it, in bytes.
    #[inline]
    fn header_len(&self) -> Result<usize, ParseError> {
        let ihl = self.ihl();
        if ihl < 5 {
            return Err(ParseError::QuotedIhl { ihl });
        }
        Ok(usize::from(ihl).wrapping_mul(4))
    }

    /// The quoted header's options (IHL above 5).
    ///
    /// ```
    /// # let q = [0x46u8, 0, 0, 24, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().options().unwrap(), &[1, 1, 1, 0]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedIhl`] for an IHL below 5, [`ParseError::Truncated`] (part
    /// [`Part::QuotedIpOptions`]) when the quote stops inside the options.
    #[inline]
    pub fn options(&self) -> Result<&'a [u8], ParseError> {
        let len = self.header_len()?;
        let opts = self.bytes.get(size_of::<Ipv4Header>()..len);
        opts.ok_or(ParseError::Truncated {
            part: Part::QuotedIpOptions,
            required: len.wrapping_sub(size_of::<Ipv4Header>()),
            actual: self.bytes.len().wrapping_sub(size_of::<Ipv4Header>()),
        })
    }

    /// The quoted bytes after the header (options included in the header): the start of the
    /// original transport header and data. Empty when the quote ends with the header.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53, 0, 53];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().transport().unwrap(), &[0, 53, 0, 53]);
    /// ```
    ///
    /// # Errors
    ///
    /// The errors of [`options`](Self::options): without the whole header, it is unknown where
    /// the transport bytes start.
    #[inline]
    pub fn transport(&self) -> Result<&'a [u8], ParseError> {
        let len = self.header_len()?;
        self.options()?;
        Ok(self.bytes.get(len..).unwrap_or(&[]))
    }

    /// The transport bytes of a first fragment (or unfragmented datagram); an error for later
    /// fragments, whose quoted bytes are the middle of the payload.
    #[inline]
    fn first_fragment_transport(&self) -> Result<&'a [u8], ParseError> {
        let offset = self.fragment_offset();
        if offset != 0 {
            return Err(ParseError::QuotedFragment { offset });
        }
        self.transport()
    }

    /// Source and destination port of a quoted UDP or TCP datagram (the first 4 transport
    /// bytes: both protocols put the ports there), whatever the protocol field says.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x82, 0x9a, 0, 53];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().ports().unwrap(), (33434, 53));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedFragment`] for a non-first fragment, [`ParseError::Truncated`] (part
    /// [`Part::QuotedPorts`]) with fewer than 4 transport bytes, and the errors of
    /// [`transport`](Self::transport).
    #[inline]
    pub fn ports(&self) -> Result<(u16, u16), ParseError> {
        let t = self.first_fragment_transport()?;
        match t.first_chunk::<4>() {
            Some(&[a, b, c, d]) => Ok((u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d]))),
            None => Err(ParseError::Truncated {
                part: Part::QuotedPorts,
                required: 4,
                actual: t.len(),
            }),
        }
    }

    /// The quoted UDP header (RFC 768): ports always, length and checksum when quoted.
    ///
    /// ```
    /// use icmpwire::Quote;
    ///
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 1, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x14, 0xe9, 0x82, 0x9a, 0, 8, 0, 0];
    /// let udp = Quote::new(&q).ipv4().unwrap().udp().unwrap();
    /// assert_eq!((udp.src_port, udp.dst_port, udp.length), (5353, 33434, Some(8)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the protocol is not UDP, and the errors of
    /// [`ports`](Self::ports).
    #[inline]
    pub fn udp(&self) -> Result<QuotedUdp, ParseError> {
        self.expect_protocol(crate::protocol::UDP)?;
        let (src_port, dst_port) = self.ports()?;
        let t = self.transport()?;
        Ok(QuotedUdp {
            src_port,
            dst_port,
            length: be16(t, 4),
            checksum: be16(t, 6),
        })
    }

    /// The quoted TCP header (RFC 9293): ports always, sequence number when quoted (RFC 792's
    /// 8 bytes include it).
    ///
    /// ```
    /// use icmpwire::Quote;
    ///
    /// # let q = [0x45u8, 0, 0, 40, 0, 0, 0, 0, 1, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x9c, 0x40, 0, 80, 0, 0, 0, 7];
    /// let tcp = Quote::new(&q).ipv4().unwrap().tcp().unwrap();
    /// assert_eq!((tcp.src_port, tcp.dst_port, tcp.sequence), (40000, 80, Some(7)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the protocol is not TCP, and the errors of
    /// [`ports`](Self::ports).
    #[inline]
    pub fn tcp(&self) -> Result<QuotedTcp, ParseError> {
        self.expect_protocol(crate::protocol::TCP)?;
        let (src_port, dst_port) = self.ports()?;
        let t = self.transport()?;
        let sequence = t
            .get(4..8)
            .and_then(|s| s.first_chunk::<4>())
            .map(|s| u32::from_be_bytes(*s));
        Ok(QuotedTcp {
            src_port,
            dst_port,
            sequence,
        })
    }

    /// The quoted ICMP header: type and code always, checksum, identifier and sequence when
    /// quoted (identifier and sequence mean something for echo, timestamp, information and
    /// address mask messages).
    ///
    /// ```
    /// use icmpwire::Quote;
    ///
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0xf7, 0xfd, 0, 1, 0, 1];
    /// let icmp = Quote::new(&q).ipv4().unwrap().icmp().unwrap();
    /// assert_eq!((icmp.message_type.0, icmp.identifier, icmp.sequence), (8, Some(1), Some(1)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the protocol is not ICMP, [`ParseError::Truncated`]
    /// (part [`Part::QuotedIcmp`]) with fewer than 2 transport bytes, and the fragment and
    /// header errors of [`ports`](Self::ports).
    #[inline]
    pub fn icmp(&self) -> Result<QuotedIcmp, ParseError> {
        self.expect_protocol(crate::protocol::ICMP)?;
        let t = self.first_fragment_transport()?;
        let Some(&[ty, code]) = t.first_chunk::<2>() else {
            return Err(ParseError::Truncated {
                part: Part::QuotedIcmp,
                required: 2,
                actual: t.len(),
            });
        };
        Ok(QuotedIcmp {
            message_type: crate::MessageType(ty),
            code,
            checksum: be16(t, 2),
            identifier: be16(t, 4),
            sequence: be16(t, 6),
        })
    }

    #[inline]
    fn expect_protocol(&self, expected: u8) -> Result<(), ParseError> {
        let found = self.protocol();
        if found == expected {
            Ok(())
        } else {
            Err(ParseError::QuotedProtocol { expected, found })
        }
    }
}

/// The big-endian 16-bit word at `at`, if quoted.
#[inline]
fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    bytes
        .get(at..)
        .and_then(|b| b.first_chunk::<2>())
        .map(|w| u16::from_be_bytes(*w))
}

/// A quoted UDP header: what the quote holds of it.
///
/// ```
/// let udp = icmpwire::QuotedUdp { src_port: 1, dst_port: 2, length: None, checksum: None };
/// assert_eq!(udp.dst_port, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedUdp {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Length field, when quoted.
    pub length: Option<u16>,
    /// Checksum field, when quoted.
    pub checksum: Option<u16>,
}

/// A quoted TCP header: what the quote holds of it.
///
/// ```
/// let tcp = icmpwire::QuotedTcp { src_port: 1, dst_port: 80, sequence: Some(5) };
/// assert_eq!(tcp.sequence, Some(5));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedTcp {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Sequence number, when quoted.
    pub sequence: Option<u32>,
}

/// A quoted ICMP header: what the quote holds of it.
///
/// ```
/// use icmpwire::{MessageType, QuotedIcmp};
///
/// let icmp = QuotedIcmp { message_type: MessageType::ECHO_REQUEST, code: 0, checksum: None, identifier: None, sequence: None };
/// assert_eq!(icmp.code, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedIcmp {
    /// The quoted message's type.
    pub message_type: crate::MessageType,
    /// The quoted message's code.
    pub code: u8,
    /// Its checksum field, when quoted.
    pub checksum: Option<u16>,
    /// Bytes 4-5 (the identifier of an echo), when quoted.
    pub identifier: Option<u16>,
    /// Bytes 6-7 (the sequence number of an echo), when quoted.
    pub sequence: Option<u16>,
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
