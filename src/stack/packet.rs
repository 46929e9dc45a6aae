//! Entry points for what raw IP sockets, TUN devices and captures deliver: a whole IPv4 or
//! IPv6 packet, recognised by its version, read to the ICMP or ICMPv6 message it carries
//! (IPv4 options skipped, the IPv6 extension header chain walked, RFC 8200), with the
//! addresses and TTL or hop limit, in one call. The checksum is verified: ICMPv4's over the
//! message, ICMPv6's over the pseudo-header with the final destination (RFC 8200 section 8.1:
//! the last address of a routing header that still has segments to visit).
//!
//! What sockets that deliver the message alone give (Linux ICMP datagram sockets, raw ICMPv6
//! sockets) goes to [`v4::Message::parse`] and [`v6::Message::parse`] with the addresses the
//! socket reports.
//!
//! A fragment is refused ([`PacketError::Fragment`]): reassemble first. The IPv4 header
//! checksum is not a reason to refuse (a TUN device's packets come from the kernel); it is
//! reported in [`Ipv4Info::header_checksum_valid`].

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::ParseError;
use crate::quote::{Quote, protocol};
use crate::{v4, v6};

/// The IPv4 header that carried a message.
///
/// ```
/// # let bytes = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2, 8, 0, 0xf7, 0xff, 0, 0, 0, 0];
/// use icmpwire::stack::{IcmpPacket, parse_packet};
///
/// let IcmpPacket::V4 { ip, .. } = parse_packet(&bytes).unwrap() else { unreachable!() };
/// assert_eq!((ip.ttl, ip.identification, ip.header_len), (64, 1, 20));
/// assert!(ip.header_checksum_valid);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub struct Ipv4Info {
    /// Source address.
    pub src: Ipv4Addr,
    /// Destination address.
    pub dst: Ipv4Addr,
    /// Time to live.
    pub ttl: u8,
    /// Type of service (DSCP and ECN).
    pub tos: u8,
    /// Identification.
    pub identification: u16,
    /// The header's length in bytes, options included: where the message starts.
    pub header_len: usize,
    /// Whether the header checksum verifies.
    pub header_checksum_valid: bool,
}

/// The IPv6 header that carried a message.
///
/// ```
/// use icmpwire::stack::{IcmpPacket, parse_packet};
///
/// // An echo request from 2001:db8::1 to 2001:db8::2, hop limit 64.
/// let mut p = [0u8; 48];
/// p[0] = 0x60;
/// p[5] = 8;
/// p[6] = 58;
/// p[7] = 64;
/// p[8..10].copy_from_slice(&[0x20, 0x01]);
/// p[10..12].copy_from_slice(&[0x0d, 0xb8]);
/// p[23] = 1;
/// p[24..26].copy_from_slice(&[0x20, 0x01]);
/// p[26..28].copy_from_slice(&[0x0d, 0xb8]);
/// p[39] = 2;
/// p[40] = 128;
/// let sum = icmpwire::checksum::icmpv6_checksum(
///     "2001:db8::1".parse().unwrap(), "2001:db8::2".parse().unwrap(), &p[40..]);
/// p[42..44].copy_from_slice(&sum.to_be_bytes());
/// let IcmpPacket::V6 { ip, .. } = parse_packet(&p).unwrap() else { unreachable!() };
/// assert_eq!((ip.hop_limit, ip.header_len, ip.final_dst), (64, 40, ip.dst));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub struct Ipv6Info {
    /// Source address.
    pub src: Ipv6Addr,
    /// Destination address, as the header holds it.
    pub dst: Ipv6Addr,
    /// The final destination: `dst`, or the last address of a routing header with segments
    /// left (types 0 and 2; segment list\[0\] of a segment routing header, type 4).
    pub final_dst: Ipv6Addr,
    /// Hop limit.
    pub hop_limit: u8,
    /// Traffic class.
    pub traffic_class: u8,
    /// Flow label (20 bits).
    pub flow_label: u32,
    /// Where the message starts: 40 plus the extension headers.
    pub header_len: usize,
}

impl Default for Ipv6Info {
    /// Unspecified addresses, zero everywhere.
    ///
    /// ```
    /// assert_eq!(icmpwire::stack::Ipv6Info::default().header_len, 40);
    /// ```
    fn default() -> Self {
        Ipv6Info {
            src: Ipv6Addr::UNSPECIFIED,
            dst: Ipv6Addr::UNSPECIFIED,
            final_dst: Ipv6Addr::UNSPECIFIED,
            hop_limit: 0,
            traffic_class: 0,
            flow_label: 0,
            header_len: 40,
        }
    }
}

/// An ICMP or ICMPv6 message with the IP header that carried it.
///
/// ```
/// # let bytes = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2, 8, 0, 0xf7, 0xff, 0, 0, 0, 0];
/// use icmpwire::stack::{IcmpPacket, parse_packet};
/// use icmpwire::v4::Message;
///
/// match parse_packet(&bytes).unwrap() {
///     IcmpPacket::V4 { ip, message: Message::EchoRequest(echo) } => {
///         assert_eq!(ip.src, core::net::Ipv4Addr::new(192, 0, 2, 1));
///         assert_eq!(echo.identifier(), 0);
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum IcmpPacket<'a> {
    /// ICMPv4.
    V4 {
        /// The IPv4 header.
        ip: Ipv4Info,
        /// The message.
        message: v4::Message<&'a [u8]>,
    },
    /// ICMPv6.
    V6 {
        /// The IPv6 header and its extension headers.
        ip: Ipv6Info,
        /// The message.
        message: v6::Message<&'a [u8]>,
    },
}

/// Why a packet did not give an ICMP or ICMPv6 message.
///
/// ```
/// use icmpwire::stack::{PacketError, parse_packet};
///
/// assert_eq!(parse_packet(&[0x50u8; 20]).unwrap_err(), PacketError::Version { version: 5 });
/// assert_eq!(PacketError::Version { version: 5 }.to_string(), "IP version 5: not 4 or 6");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum PacketError {
    /// The first nibble is not 4 or 6 (an empty packet has version 0).
    #[error("IP version {version}: not 4 or 6")]
    Version {
        /// The version nibble.
        version: u8,
    },
    /// Fewer bytes than the IP header, or than its length fields announce.
    #[error("IPv{version} packet cut short: {required} bytes announced, {actual} present")]
    Truncated {
        /// 4 or 6.
        version: u8,
        /// What the header (or its length field) needs.
        required: usize,
        /// The bytes given.
        actual: usize,
    },
    /// An IPv4 header length under 5 words, or a total length shorter than the header.
    #[error("IPv4 header length {ihl} words and total length {total_length}: not a header")]
    Ipv4Length {
        /// The IHL field, in 32-bit words.
        ihl: u8,
        /// The total length field, in bytes.
        total_length: u16,
    },
    /// A fragment: reassemble it first.
    #[error("IPv{version} fragment at offset {offset} (8-byte units): reassemble it first")]
    Fragment {
        /// 4 or 6.
        version: u8,
        /// The fragment offset, in 8-byte units.
        offset: u16,
    },
    /// The upper layer is not this version's ICMP.
    #[error("IPv{version} packet carries protocol {protocol}, not ICMP")]
    NotIcmp {
        /// 4 or 6.
        version: u8,
        /// The protocol or last next header.
        protocol: u8,
    },
    /// The IPv6 extension header chain cannot be walked.
    #[error("IPv6 extension headers: {0}")]
    ExtensionHeaders(ParseError),
    /// The message itself (its checksum included) does not parse.
    #[error("ICMP message: {0}")]
    Message(ParseError),
}

/// The message of a whole IPv4 or IPv6 packet, its checksum verified.
///
/// ```
/// # let bytes = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2, 8, 0, 0xf7, 0xff, 0, 0, 0, 0];
/// use icmpwire::stack::{IcmpPacket, PacketError, parse_packet};
///
/// assert!(matches!(parse_packet(&bytes), Ok(IcmpPacket::V4 { .. })));
/// assert!(matches!(parse_packet(&bytes[..27]), Err(PacketError::Truncated { version: 4, required: 28, actual: 27 })));
/// ```
///
/// # Errors
///
/// [`PacketError::Version`], [`PacketError::Truncated`], [`PacketError::Ipv4Length`],
/// [`PacketError::Fragment`], [`PacketError::NotIcmp`], [`PacketError::ExtensionHeaders`], and
/// [`PacketError::Message`] with what the message's `parse` finds (a bad checksum among it).
pub fn parse_packet(bytes: &[u8]) -> Result<IcmpPacket<'_>, PacketError> {
    parse(bytes, true)
}

/// [`parse_packet`] without the message's checksum verified (a capture of outgoing packets
/// whose checksum the network card was to fill).
///
/// ```
/// # let mut bytes = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2, 8, 0, 0xf7, 0xff, 0, 0, 0, 0];
/// bytes[22] = 0; // the ICMP checksum
/// assert!(icmpwire::stack::parse_packet(&bytes).is_err());
/// assert!(icmpwire::stack::parse_packet_unverified(&bytes).is_ok());
/// ```
///
/// # Errors
///
/// As [`parse_packet`], but for the checksum.
pub fn parse_packet_unverified(bytes: &[u8]) -> Result<IcmpPacket<'_>, PacketError> {
    parse(bytes, false)
}

fn parse(bytes: &[u8], verify: bool) -> Result<IcmpPacket<'_>, PacketError> {
    match ip_layer(bytes)? {
        IpLayer::V4(ip, upper) => {
            if upper.protocol != protocol::ICMP {
                return Err(PacketError::NotIcmp {
                    version: 4,
                    protocol: upper.protocol,
                });
            }
            let message = if verify {
                v4::Message::parse(upper.bytes)
            } else {
                v4::Message::parse_unverified(upper.bytes)
            }
            .map_err(PacketError::Message)?;
            Ok(IcmpPacket::V4 { ip, message })
        }
        IpLayer::V6(ip, upper) => {
            if upper.protocol != protocol::ICMPV6 {
                return Err(PacketError::NotIcmp {
                    version: 6,
                    protocol: upper.protocol,
                });
            }
            let message = if verify {
                v6::Message::parse(upper.bytes, ip.src, ip.final_dst)
            } else {
                v6::Message::parse_unverified(upper.bytes)
            }
            .map_err(PacketError::Message)?;
            Ok(IcmpPacket::V6 { ip, message })
        }
    }
}

/// The upper layer of a whole, unfragmented IP packet.
pub(crate) struct Upper<'a> {
    /// The protocol (IPv4) or last next header (IPv6).
    pub(crate) protocol: u8,
    /// Its bytes, to the end the IP length fields give.
    pub(crate) bytes: &'a [u8],
    /// The whole packet, link-layer padding cut off.
    pub(crate) datagram: &'a [u8],
}

/// A whole IP packet's header and upper layer.
pub(crate) enum IpLayer<'a> {
    /// IPv4.
    V4(Ipv4Info, Upper<'a>),
    /// IPv6, its extension headers walked.
    V6(Ipv6Info, Upper<'a>),
}

/// The header and upper layer of the IP packet `bytes`, recognised by its version (what
/// [`parse_packet`] reads before the message; the responder reads UDP through it).
pub(crate) fn ip_layer(bytes: &[u8]) -> Result<IpLayer<'_>, PacketError> {
    match bytes.first().map(|b| b >> 4) {
        Some(4) => ipv4(bytes),
        Some(6) => ipv6(bytes),
        other => Err(PacketError::Version {
            version: other.unwrap_or(0),
        }),
    }
}

fn truncated(version: u8, required: usize, actual: usize) -> PacketError {
    PacketError::Truncated {
        version,
        required,
        actual,
    }
}

fn ipv4(bytes: &[u8]) -> Result<IpLayer<'_>, PacketError> {
    let ip = Quote::new(bytes)
        .ipv4()
        .map_err(|_| truncated(4, 20, bytes.len()))?;
    let header_len = usize::from(ip.ihl()).saturating_mul(4);
    let total = ip.total_length();
    if header_len < 20 || usize::from(total) < header_len {
        return Err(PacketError::Ipv4Length {
            ihl: ip.ihl(),
            total_length: total,
        });
    }
    // Link-layer padding after the datagram is not part of it.
    let datagram = bytes
        .get(..usize::from(total))
        .ok_or_else(|| truncated(4, usize::from(total), bytes.len()))?;
    if ip.fragment_offset() != 0 || ip.more_fragments() {
        return Err(PacketError::Fragment {
            version: 4,
            offset: ip.fragment_offset(),
        });
    }
    let info = Ipv4Info {
        src: ip.src(),
        dst: ip.dst(),
        ttl: ip.ttl(),
        tos: ip.tos(),
        identification: ip.identification(),
        header_len,
        header_checksum_valid: crate::checksum::verify(bytes.get(..header_len).unwrap_or_default()),
    };
    let upper = Upper {
        protocol: ip.protocol(),
        bytes: datagram.get(header_len..).unwrap_or_default(),
        datagram,
    };
    Ok(IpLayer::V4(info, upper))
}

fn ipv6(bytes: &[u8]) -> Result<IpLayer<'_>, PacketError> {
    let head = Quote::new(bytes)
        .ipv6()
        .map_err(|_| truncated(6, 40, bytes.len()))?;
    let total = usize::from(head.payload_length()).saturating_add(40);
    let packet = bytes
        .get(..total)
        .ok_or_else(|| truncated(6, total, bytes.len()))?;
    let ip = Quote::new(packet)
        .ipv6()
        .map_err(|_| truncated(6, 40, packet.len()))?;
    let mut final_dst = ip.dst();
    for header in ip.extension_headers() {
        let header = header.map_err(PacketError::ExtensionHeaders)?;
        if let Some(dst) = header.final_destination() {
            final_dst = dst;
        }
        // An atomic fragment (offset 0, no more fragments, RFC 6946) is a whole packet.
        if let Some(f) = header.fragment()
            && (f.offset != 0 || f.more_fragments)
        {
            return Err(PacketError::Fragment {
                version: 6,
                offset: f.offset,
            });
        }
    }
    let up = ip.upper_layer().map_err(PacketError::ExtensionHeaders)?;
    let info = Ipv6Info {
        src: ip.src(),
        dst: ip.dst(),
        final_dst,
        hop_limit: ip.hop_limit(),
        traffic_class: ip.traffic_class(),
        flow_label: ip.flow_label(),
        header_len: up.offset,
    };
    let upper = Upper {
        protocol: up.protocol,
        bytes: up.bytes,
        datagram: packet,
    };
    Ok(IpLayer::V6(info, upper))
}
