//! Matching an ICMP error to the probe that caused it: one key, read the same way from the
//! packet a prober sent and from the quote an error brings back (RFC 792 and RFC 4443 section
//! 2.4 (c) quote the IP header and at least the first 8 bytes after it, RFC 1812 section
//! 4.3.2.3 more): the protocol, the addresses, and the ports (UDP, TCP, SCTP, DCCP, UDP-Lite:
//! the first 4 bytes of each) or an echo request's identifier and sequence number.
//!
//! The key leaves out what the path changes: the TTL or hop limit, the header checksum, an
//! IPv4 option a router fills. On IPv6 the destination is the packet's final one (a routing
//! header's last address, RFC 8200 section 4.4), which a router on the way may have put in the
//! header's destination field.
//!
//! Linux's unprivileged ICMP sockets (`SOCK_DGRAM`, `IPPROTO_ICMP` or `IPPROTO_ICMPV6`) put the
//! socket's local port in an echo request's identifier, whatever the program wrote: key what
//! it sent with [`ProbeKey::with_echo_identifier`] and the port (`getsockname`).

use core::net::IpAddr;

use crate::error::ParseError;
use crate::quote::{Quote, protocol};

/// What identifies a probe, within its protocol and addresses.
///
/// ```
/// use icmpwire::stack::Flow;
///
/// let f = Flow::Echo { identifier: 0x1234, sequence: 7 };
/// assert_ne!(f, Flow::Ports { src: 0x1234, dst: 7 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Flow {
    /// The source and destination ports of UDP, TCP, SCTP, DCCP or UDP-Lite.
    Ports {
        /// The source port.
        src: u16,
        /// The destination port.
        dst: u16,
    },
    /// An echo request's identifier and sequence number.
    Echo {
        /// The identifier.
        identifier: u16,
        /// The sequence number.
        sequence: u16,
    },
    /// Another protocol or ICMP type: the addresses and protocol are the whole key.
    Other,
}

/// The key of a probe: equal for the packet sent and for every quote of it.
///
/// ```
/// use icmpwire::stack::{Flow, ProbeKey};
///
/// // An echo request from 192.0.2.1 to 203.0.113.9 (identifier 0x1234, sequence 7)...
/// let sent = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0, 0, 192, 0, 2, 1, 203, 0, 113, 9,
///             8, 0, 0xe5, 0xc3, 0x12, 0x34, 0, 7];
/// // ... and its quote in a time exceeded: the TTL down to 1 and the header checksum changed.
/// let mut quoted = sent;
/// quoted[8] = 1;
/// quoted[10] = 0x7b;
/// let key = ProbeKey::of_packet(&sent).unwrap();
/// assert_eq!(key, ProbeKey::of_packet(&quoted).unwrap());
/// assert_eq!(key.flow, Flow::Echo { identifier: 0x1234, sequence: 7 });
/// assert_eq!(key.protocol, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub struct ProbeKey {
    /// The source address.
    pub src: IpAddr,
    /// The (final) destination address.
    pub dst: IpAddr,
    /// The protocol (IPv4) or upper-layer next header (IPv6).
    pub protocol: u8,
    /// The ports or echo fields.
    pub flow: Flow,
}

impl ProbeKey {
    /// The key of the IP packet `bytes`: a probe as sent, or the quote of an error (its
    /// `original_datagram` or `quote`), IPv4 or IPv6 by the version nibble.
    ///
    /// ```
    /// use icmpwire::stack::{Flow, ProbeKey};
    ///
    /// // RFC 792's quote of a UDP probe: the header and 8 bytes.
    /// let quote = [0x45u8, 0, 0, 40, 0, 1, 0, 0, 1, 17, 0, 0, 192, 0, 2, 1, 203, 0, 113, 9,
    ///              0x9c, 0x40, 0x82, 0x9a, 0, 20, 0, 0];
    /// let key = ProbeKey::of_packet(&quote).unwrap();
    /// assert_eq!(key.flow, Flow::Ports { src: 40000, dst: 33434 });
    /// assert!(ProbeKey::of_packet(&quote[..22]).is_err()); // the ports cut
    /// ```
    ///
    /// # Errors
    ///
    /// The errors of [`Quote::ipv4`] (a version other than 4 or 6 among them) and
    /// [`Quote::ipv6`] when the header is cut or malformed; those of
    /// [`QuotedIp::ports`](crate::QuotedIp::ports) when the ports of a protocol that has them
    /// are not all there, or the packet is a later fragment; [`ParseError::Truncated`] (part
    /// [`Part::QuotedPorts`](crate::Part::QuotedPorts)) when an echo request's identifier or
    /// sequence number is cut.
    pub fn of_packet(bytes: &[u8]) -> Result<ProbeKey, ParseError> {
        let quote = Quote::new(bytes);
        if bytes.first().map(|b| b >> 4) == Some(6) {
            let ip = quote.ipv6()?;
            let mut dst = ip.dst();
            for header in ip.extension_headers() {
                if let Some(last) = header?.final_destination() {
                    dst = last;
                }
            }
            let next = ip.upper_layer()?.protocol;
            let flow = match next {
                protocol::ICMPV6 => {
                    // The quoted ICMP reader refuses a later fragment.
                    ip.icmp()?;
                    echo(128, ip.upper_layer()?.bytes)?
                }
                p if has_ports(p) => ports(ip.ports()?),
                _ => Flow::Other,
            };
            return Ok(ProbeKey {
                src: IpAddr::V6(ip.src()),
                dst: IpAddr::V6(dst),
                protocol: next,
                flow,
            });
        }
        // Any version but 6 is read as IPv4, which names it in its error.
        let ip = quote.ipv4()?;
        let flow = match ip.protocol() {
            protocol::ICMP => {
                // The quoted ICMP reader refuses a later fragment.
                ip.icmp()?;
                echo(8, ip.transport()?)?
            }
            p if has_ports(p) => ports(ip.ports()?),
            _ => Flow::Other,
        };
        Ok(ProbeKey {
            src: IpAddr::V4(ip.src()),
            dst: IpAddr::V4(ip.dst()),
            protocol: ip.protocol(),
            flow,
        })
    }

    /// The key of a probe given without its IP header (what a datagram socket is given): the
    /// addresses, the protocol and the bytes after the IP header (an ICMP or ICMPv6 message,
    /// a UDP or TCP header, ...).
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv6Addr};
    /// use icmpwire::stack::{Flow, ProbeKey};
    ///
    /// let (a, b): (Ipv6Addr, Ipv6Addr) = ("2001:db8::1".parse().unwrap(), "2001:db8::2".parse().unwrap());
    /// let key = ProbeKey::of_message(a.into(), b.into(), 58, &[128, 0, 0, 0, 0, 9, 0, 1]).unwrap();
    /// assert_eq!(key.flow, Flow::Echo { identifier: 9, sequence: 1 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] when fewer than the 4 bytes of the ports, or the 8 of an echo
    /// request, are given.
    pub fn of_message(
        src: IpAddr,
        dst: IpAddr,
        protocol: u8,
        transport: &[u8],
    ) -> Result<ProbeKey, ParseError> {
        let icmp = match (src, protocol) {
            (IpAddr::V4(_), protocol::ICMP) => Some(8),
            (IpAddr::V6(_), protocol::ICMPV6) => Some(128),
            _ => None,
        };
        let flow = match (icmp, transport) {
            (Some(request), _) => echo(request, transport)?,
            (None, &[s0, s1, d0, d1, ..]) if has_ports(protocol) => Flow::Ports {
                src: u16::from_be_bytes([s0, s1]),
                dst: u16::from_be_bytes([d0, d1]),
            },
            (None, _) if has_ports(protocol) => {
                return Err(ParseError::Truncated {
                    part: crate::error::Part::QuotedPorts,
                    required: 4,
                    actual: transport.len(),
                });
            }
            (None, _) => Flow::Other,
        };
        Ok(ProbeKey {
            src,
            dst,
            protocol,
            flow,
        })
    }

    /// The key with an echo request's identifier replaced: what Linux sends for a program on
    /// an unprivileged ICMP socket bound to local port `identifier`. Other keys are returned
    /// as they are.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv4Addr};
    /// use icmpwire::stack::{Flow, ProbeKey};
    ///
    /// let (a, b) = (IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)), IpAddr::V4(Ipv4Addr::new(203, 0, 113, 9)));
    /// let written = ProbeKey::of_message(a, b, 1, &[8, 0, 0, 0, 0, 0, 0, 3]).unwrap();
    /// let sent = written.with_echo_identifier(41000);
    /// assert_eq!(sent.flow, Flow::Echo { identifier: 41000, sequence: 3 });
    /// ```
    #[must_use]
    pub fn with_echo_identifier(self, identifier: u16) -> ProbeKey {
        let flow = match self.flow {
            Flow::Echo { sequence, .. } => Flow::Echo {
                identifier,
                sequence,
            },
            other => other,
        };
        ProbeKey { flow, ..self }
    }
}

/// The transport protocols whose first 4 bytes are the source and destination ports: TCP (6),
/// UDP (17), DCCP (33), SCTP (132), UDP-Lite (136).
fn has_ports(protocol: u8) -> bool {
    matches!(protocol, 6 | 17 | 33 | 132 | 136)
}

fn ports((src, dst): (u16, u16)) -> Flow {
    Flow::Ports { src, dst }
}

/// The flow of an ICMP message's first bytes: an echo request's (type `request`), or
/// [`Flow::Other`] for another type.
fn echo(request: u8, icmp: &[u8]) -> Result<Flow, ParseError> {
    match icmp {
        [ty, ..] if *ty != request => Ok(Flow::Other),
        [_, _, _, _, i0, i1, s0, s1, ..] => Ok(Flow::Echo {
            identifier: u16::from_be_bytes([*i0, *i1]),
            sequence: u16::from_be_bytes([*s0, *s1]),
        }),
        _ => Err(ParseError::Truncated {
            part: crate::error::Part::QuotedPorts,
            required: 8,
            actual: icmp.len(),
        }),
    }
}
