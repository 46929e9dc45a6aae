//! [`QuotedIp`]: the quoted IP header of an error message, of either version, and what both
//! read the same way after it. Each version finds its transport bytes its own way (IPv4 after
//! the IHL's options, IPv6 after the extension header chain) and says so through the sealed
//! [`seal::IpQuote`] trait; ports, UDP, TCP and the quoted ICMP header are then read once, here.

use core::marker::PhantomData;

use zerocopy::{FromBytes, Immutable, KnownLayout, Unaligned};

use super::transport::{QuotedIcmp, QuotedTcp, QuotedUdp, Transport};
use crate::error::ParseError;
use crate::view::Version;

/// The seal: what a version tells the shared reader.
pub(crate) mod seal {
    use super::{
        FromBytes, Immutable, KnownLayout, ParseError, QuotedIp, Transport, Unaligned, Version,
    };

    /// An IP version whose headers a quote can hold: [`V4`](crate::v4::V4) (RFC 791) or
    /// [`V6`](crate::v6::V6) (RFC 8200). Sealed.
    pub trait IpQuote: Version + Sized {
        /// The fixed header as the RFC draws it.
        type Header: FromBytes + KnownLayout + Immutable + Unaligned;
        /// The protocol number of this version's ICMP (1, or 58 for ICMPv6).
        const ICMP: u8;
        /// The bytes after the header (and its options or extension headers), and what the
        /// header says of them.
        fn transport<'a>(ip: &QuotedIp<'a, Self>) -> Transport<'a>;
        /// [`QuotedIp::ports`]: the first 4 bytes of [`transport`](Self::transport), with its
        /// errors. A version may answer the common case first, with the same result.
        #[inline]
        fn ports(ip: &QuotedIp<'_, Self>) -> Result<(u16, u16), ParseError> {
            Self::transport(ip).ports()
        }
    }
}

/// The quoted IP header of an error message and what follows it in the quote:
/// [`QuotedIpv4`](crate::QuotedIpv4) or [`QuotedIpv6`](crate::QuotedIpv6), from
/// [`Quote::ipv4`](crate::Quote::ipv4) or [`Quote::ipv6`](crate::Quote::ipv6). The methods
/// below are the ones both versions share; each version adds its header's fields.
///
/// ```
/// use icmpwire::Quote;
///
/// // A UDP probe's IPv4 header and its first 8 bytes, as RFC 792 quotes them.
/// let quoted = [
///     0x45, 0, 0, 28, 0, 1, 0, 0, 1, 17, 0, 0, 192, 0, 2, 1, 203, 0, 113, 9,
///     0x14, 0xe9, 0x82, 0x9a, 0x00, 0x08, 0x00, 0x00,
/// ];
/// let ip = Quote::new(&quoted).ipv4().unwrap();
/// assert_eq!(ip.ports().unwrap(), (5353, 33434));
/// assert_eq!(ip.bytes().len(), 28);
/// ```
pub struct QuotedIp<'a, I: seal::IpQuote> {
    pub(super) header: &'a I::Header,
    pub(super) bytes: &'a [u8],
    pub(super) version: PhantomData<I>,
}

impl<I: seal::IpQuote> Clone for QuotedIp<'_, I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: seal::IpQuote> Copy for QuotedIp<'_, I> {}

impl<'a, I: seal::IpQuote> QuotedIp<'a, I> {
    /// A header the version's reader checked, at the start of `bytes`.
    #[inline]
    pub(super) fn new(header: &'a I::Header, bytes: &'a [u8]) -> Self {
        QuotedIp {
            header,
            bytes,
            version: PhantomData,
        }
    }

    /// The whole quote, from the header on.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().bytes().len(), 21);
    /// ```
    #[must_use]
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Source and destination port of a quoted UDP or TCP packet (the first 4 bytes of the
    /// transport header: both protocols put the ports there), whatever the protocol says.
    ///
    /// ```
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x82, 0x9a, 0, 53];
    /// assert_eq!(icmpwire::Quote::new(&q).ipv4().unwrap().ports().unwrap(), (33434, 53));
    /// # let mut q6 = [0u8; 44]; q6[0] = 0x60; q6[6] = 17; q6[40..44].copy_from_slice(&[0, 53, 0x82, 0x9a]);
    /// assert_eq!(icmpwire::Quote::new(&q6).ipv6().unwrap().ports().unwrap(), (53, 33434));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedFragment`] for a non-first fragment, [`ParseError::Truncated`] (part
    /// [`Part::QuotedPorts`](crate::Part::QuotedPorts)) with fewer than 4 transport bytes, and
    /// the errors of finding them: on IPv4 those of
    /// [`transport`](crate::QuotedIpv4::transport), on IPv6 those of
    /// [`upper_layer`](crate::QuotedIpv6::upper_layer).
    #[inline]
    pub fn ports(&self) -> Result<(u16, u16), ParseError> {
        I::ports(self)
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
        I::transport(self).udp()
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
        I::transport(self).tcp()
    }

    /// The quoted ICMP header (ICMPv6 in an IPv6 quote): type and code always, checksum,
    /// identifier and sequence when quoted (identifier and sequence mean something for echo
    /// messages, and on ICMPv4 for timestamp, information and address mask messages).
    ///
    /// ```
    /// use icmpwire::Quote;
    /// use icmpwire::v6::MessageType;
    ///
    /// # let q = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0xf7, 0xfd, 0, 1, 0, 1];
    /// let icmp = Quote::new(&q).ipv4().unwrap().icmp().unwrap();
    /// assert_eq!((icmp.message_type.0, icmp.identifier, icmp.sequence), (8, Some(1), Some(1)));
    ///
    /// # let mut q6 = [0u8; 48]; q6[0] = 0x60; q6[6] = 58; q6[40..48].copy_from_slice(&[128, 0, 0x12, 0x34, 0x17, 0x12, 0, 1]);
    /// let icmp6 = Quote::new(&q6).ipv6().unwrap().icmp().unwrap();
    /// assert_eq!((icmp6.message_type, icmp6.identifier), (MessageType::ECHO_REQUEST, Some(0x1712)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::QuotedProtocol`] if the protocol is not this version's ICMP,
    /// [`ParseError::Truncated`] (part [`Part::QuotedIcmp`](crate::Part::QuotedIcmp)) with
    /// fewer than 2 transport bytes, and the fragment and header errors of
    /// [`ports`](Self::ports).
    #[inline]
    pub fn icmp(&self) -> Result<QuotedIcmp<I::MessageType>, ParseError> {
        I::transport(self).icmp(I::ICMP)
    }
}
