//! What the quote holds of the transport header after the quoted IP header (IPv4's, or IPv6's
//! and its extension headers): [`Transport`] reads it the same way for both versions.

use crate::error::{ParseError, Part};

/// The bytes after a quoted IP header (and its extension headers), as far as the version's
/// reader found them, and what that header says of them.
pub struct Transport<'a> {
    /// The protocol (IPv4) or upper-layer next header (IPv6).
    pub(super) protocol: u8,
    /// The fragment offset (8-byte units): anything but 0 means the bytes are not a header.
    pub(super) fragment_offset: u16,
    /// The transport bytes, or why they could not be found.
    pub(super) bytes: Result<&'a [u8], ParseError>,
}

/// The source and destination ports in the 4 bytes that open a UDP or TCP header: the one
/// reading of them, for [`Transport::ports`] and the versions' fast paths.
#[inline(always)]
pub(super) const fn ports_of(word: [u8; 4]) -> (u16, u16) {
    let [a, b, c, d] = word;
    (u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d]))
}

impl<'a> Transport<'a> {
    /// The bytes of a first fragment (or unfragmented packet); an error for later fragments,
    /// whose quoted bytes are the middle of the payload.
    #[inline]
    fn first_fragment(&self) -> Result<&'a [u8], ParseError> {
        let offset = self.fragment_offset;
        if offset != 0 {
            return Err(ParseError::QuotedFragment { offset });
        }
        self.bytes
    }

    #[inline]
    fn expect(&self, expected: u8) -> Result<(), ParseError> {
        let found = self.protocol;
        if found == expected {
            Ok(())
        } else {
            Err(ParseError::QuotedProtocol { expected, found })
        }
    }

    /// Source and destination port: the first 4 bytes of UDP and TCP alike.
    #[inline]
    pub(super) fn ports(&self) -> Result<(u16, u16), ParseError> {
        let t = self.first_fragment()?;
        match t.first_chunk::<4>() {
            Some(&word) => Ok(ports_of(word)),
            None => Err(ParseError::Truncated {
                part: Part::QuotedPorts,
                required: 4,
                actual: t.len(),
            }),
        }
    }

    /// The quoted UDP header, if the protocol is UDP (17).
    #[inline]
    pub(super) fn udp(&self) -> Result<QuotedUdp, ParseError> {
        self.expect(crate::protocol::UDP)?;
        let (src_port, dst_port) = self.ports()?;
        let t = self.first_fragment()?;
        Ok(QuotedUdp {
            src_port,
            dst_port,
            length: be16(t, 4),
            checksum: be16(t, 6),
        })
    }

    /// The quoted TCP header, if the protocol is TCP (6).
    #[inline]
    pub(super) fn tcp(&self) -> Result<QuotedTcp, ParseError> {
        self.expect(crate::protocol::TCP)?;
        let (src_port, dst_port) = self.ports()?;
        let t = self.first_fragment()?;
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

    /// The quoted ICMP header, if the protocol is `protocol` (1 ICMP, 58 ICMPv6).
    #[inline]
    pub(super) fn icmp<T: From<u8>>(&self, protocol: u8) -> Result<QuotedIcmp<T>, ParseError> {
        self.expect(protocol)?;
        let t = self.first_fragment()?;
        let Some(&[ty, code]) = t.first_chunk::<2>() else {
            return Err(ParseError::Truncated {
                part: Part::QuotedIcmp,
                required: 2,
                actual: t.len(),
            });
        };
        Ok(QuotedIcmp {
            message_type: T::from(ty),
            code,
            checksum: be16(t, 2),
            identifier: be16(t, 4),
            sequence: be16(t, 6),
        })
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

/// A quoted ICMP or ICMPv6 header: what the quote holds of it (`T` is the version's message
/// type, [`v4::MessageType`](crate::v4::MessageType) by default).
///
/// ```
/// use icmpwire::QuotedIcmp;
/// use icmpwire::v4::MessageType;
///
/// let icmp = QuotedIcmp { message_type: MessageType::ECHO_REQUEST, code: 0, checksum: None, identifier: None, sequence: None };
/// assert_eq!(icmp.code, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedIcmp<T = crate::types::v4::MessageType> {
    /// The quoted message's type.
    pub message_type: T,
    /// The quoted message's code.
    pub code: u8,
    /// Its checksum field, when quoted.
    pub checksum: Option<u16>,
    /// Bytes 4-5 (the identifier of an echo), when quoted.
    pub identifier: Option<u16>,
    /// Bytes 6-7 (the sequence number of an echo), when quoted.
    pub sequence: Option<u16>,
}
