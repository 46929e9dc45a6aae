//! The quoted IPv4 header (RFC 791 section 3.1) and the transport header after it.

use core::mem::size_of;
use core::net::Ipv4Addr;

use super::transport::{QuotedIcmp, QuotedTcp, QuotedUdp, Transport};
use crate::error::{ParseError, Part};
use crate::wire::Ipv4Header;

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
    /// Wraps a header [`Quote::ipv4`](super::Quote::ipv4) checked.
    #[inline]
    pub(super) fn new(header: &'a Ipv4Header, bytes: &'a [u8]) -> Self {
        QuotedIpv4 { header, bytes }
    }

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

    /// The transport bytes and what the header says of them.
    #[inline]
    fn transport_of(&self) -> Transport<'a> {
        Transport {
            protocol: self.protocol(),
            fragment_offset: self.fragment_offset(),
            bytes: self.transport(),
        }
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
        self.transport_of().ports()
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
        self.transport_of().udp()
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
        self.transport_of().tcp()
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
        self.transport_of().icmp(crate::protocol::ICMP)
    }
}
