//! The quoted IPv4 header (RFC 791 section 3.1) and the transport header after it.

use core::mem::size_of;
use core::net::Ipv4Addr;

use super::ip::{QuotedIp, seal};
use super::transport::{Transport, ports_of};
use crate::error::{ParseError, Part};
use crate::view::V4;
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
pub type QuotedIpv4<'a> = QuotedIp<'a, V4>;

impl seal::IpQuote for V4 {
    type Header = Ipv4Header;
    const ICMP: u8 = crate::protocol::ICMP;

    /// The bytes after the header and its options: IHL words in.
    #[inline]
    fn transport<'a>(ip: &QuotedIp<'a, V4>) -> Transport<'a> {
        Transport {
            protocol: ip.protocol(),
            fragment_offset: ip.fragment_offset(),
            bytes: ip.transport(),
        }
    }

    /// The common case in one length test: IHL 5 or more, a first fragment, the 4 bytes of
    /// ports after the options. Anything else takes the long way, for its error. Always
    /// inlined: a caller that reads several messages' quotes (one arm per error type) otherwise
    /// gets it out of line, a call and its result through memory on every quote.
    #[inline(always)]
    fn ports(ip: &QuotedIp<'_, Self>) -> Result<(u16, u16), ParseError> {
        let ihl = ip.ihl();
        let start = usize::from(ihl).wrapping_mul(4);
        if ihl >= 5
            && ip.fragment_offset() == 0
            && let Some(&[a, b, c, d]) = ip.bytes.get(start..start.wrapping_add(4))
        {
            return Ok(ports_of([a, b, c, d]));
        }
        Self::transport(ip).ports()
    }
}

impl core::fmt::Debug for QuotedIp<'_, V4> {
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

impl<'a> QuotedIp<'a, V4> {
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
}
