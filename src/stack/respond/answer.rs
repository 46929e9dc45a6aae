//! What the responder gives back: the answer written, or why there is none.

use core::fmt;
use core::net::IpAddr;

use crate::error::EmitError;
use crate::stack::{NoError, PacketError};
use crate::v6::LinkRule;

/// An answer written by the [`Responder`](super::Responder).
///
/// ```
/// use core::net::{IpAddr, Ipv4Addr};
/// use icmpwire::stack::{Answer, AnswerKind};
///
/// let a = Answer { len: 28, kind: AnswerKind::EchoReply, dst: IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)) };
/// assert_eq!(a.kind.to_string(), "echo reply");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Answer {
    /// The length of the IP packet written.
    pub len: usize,
    /// What it is.
    pub kind: AnswerKind,
    /// Where it goes (the IP destination written).
    pub dst: IpAddr,
}

/// The kinds of answer the responder writes.
///
/// ```
/// use icmpwire::stack::AnswerKind;
///
/// assert_eq!(AnswerKind::NeighborAdvertisement.to_string(), "neighbor advertisement");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum AnswerKind {
    /// An echo reply (ICMPv4 type 0, ICMPv6 type 129).
    EchoReply,
    /// An ICMPv4 timestamp reply (type 14).
    TimestampReply,
    /// An extended echo reply (ICMPv4 type 43, ICMPv6 type 161).
    ExtendedEchoReply,
    /// A neighbor advertisement (ICMPv6 type 136).
    NeighborAdvertisement,
    /// A destination unreachable, port unreachable (ICMPv4 type 3 code 3, ICMPv6 type 1 code 4).
    PortUnreachable,
}

impl fmt::Display for AnswerKind {
    /// ```
    /// assert_eq!(icmpwire::stack::AnswerKind::PortUnreachable.to_string(), "port unreachable");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AnswerKind::EchoReply => "echo reply",
            AnswerKind::TimestampReply => "timestamp reply",
            AnswerKind::ExtendedEchoReply => "extended echo reply",
            AnswerKind::NeighborAdvertisement => "neighbor advertisement",
            AnswerKind::PortUnreachable => "port unreachable",
        })
    }
}

/// Why the responder wrote no answer.
///
/// ```
/// use icmpwire::stack::{AnswerKind, NoAnswer};
///
/// assert_eq!(NoAnswer::Disabled(AnswerKind::TimestampReply).to_string(),
///            "the host does not send a timestamp reply");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NoAnswer {
    /// The packet cannot be read as far as the answer needs (a UDP datagram's IP header
    /// included: [`PacketError::NotIcmp`] then names neither ICMP nor UDP).
    #[error("{0}")]
    Packet(PacketError),
    /// An IPv4 header whose checksum is wrong (RFC 1122 section 3.2.1.2: discarded).
    #[error("IPv4 header checksum wrong")]
    HeaderChecksum,
    /// The packet (or the solicitation's target) is for an address not the host's.
    #[error("{0} is not one of the host's addresses")]
    NotForUs(IpAddr),
    /// An ICMP message that is not a request the responder answers (a reply, an error, ...).
    #[error("ICMPv{version} type {icmp_type} is not a request the responder answers")]
    NotARequest {
        /// 4 or 6.
        version: u8,
        /// The message type.
        icmp_type: u8,
    },
    /// A UDP datagram to an open port: the stack's to deliver.
    #[error("UDP port {port} is open")]
    PortOpen {
        /// The destination port.
        port: u16,
    },
    /// A UDP datagram cut short, or whose checksum is wrong (discarded without an error, RFC
    /// 1122 section 4.1.3.4).
    #[error("UDP datagram cut short or with a wrong checksum")]
    BadUdp,
    /// The host does not send this answer ([`Host::timestamp`](super::Host::timestamp) is
    /// `None`, or [`Host::probe_enabled`](super::Host::probe_enabled) is `false`).
    #[error("the host does not send a {0}")]
    Disabled(AnswerKind),
    /// An extended echo request with the L bit clear: it asks about a neighbor's interface
    /// (RFC 8335 section 4, the proxy case), which the responder does not answer, as Linux.
    #[error("extended echo request about a neighbor's interface (L bit clear)")]
    ProbeOfNeighbor,
    /// A request whose source names no single host: unspecified, multicast, the limited
    /// broadcast, or a directed broadcast of the host's (RFC 1122 section 3.2.1.3: such a
    /// datagram MUST be discarded; RFC 4291 section 2.7); the answer would go to a group, or
    /// nowhere. Linux drops all but the last; it answers a directed broadcast source, to the
    /// broadcast.
    #[error("the request's source {0} names no single host")]
    SourceNotAHost(IpAddr),
    /// A request with a loose or strict source route option (RFC 791 section 3.1): not
    /// answered, as Linux by default on a host (`accept_source_route` 0); the reply would have
    /// to follow the route back.
    #[error("source-routed request")]
    SourceRouted,
    /// A request whose IPv4 options cannot be returned in the reply: an option's length runs
    /// past the header or is below 2, a record route or timestamp option appears twice, its
    /// pointer is out of place, or a timestamp option's overflow count is already 15. `at` is
    /// the header byte of the field that is wrong, the pointer of the parameter problem Linux
    /// sends about it (RFC 792); where only the host's second entry finds no room, Linux drops
    /// the request without one.
    #[error("IPv4 option malformed at header byte {at}")]
    BadIpOption {
        /// The header byte (from 0) of the wrong field.
        at: u8,
    },
    /// A neighbor solicitation that breaks an RFC 4861 section 7.1.1 rule (silently discarded).
    #[error("neighbor solicitation discarded: {0}")]
    Rule(LinkRule),
    /// RFC 1122, RFC 1812 or RFC 4443 forbid an error about this packet.
    #[error("no error may be sent: {0}")]
    Forbidden(NoError),
    /// The rate limits have no token for this error now.
    #[error("error rate limited")]
    RateLimited,
    /// The buffer cannot hold the answer.
    #[error("{0}")]
    Buffer(EmitError),
    /// [`respond_in_place`](super::Responder::respond_in_place) was given a packet other than an
    /// echo request.
    #[error("not an echo request: answer it with respond and a second buffer")]
    NotInPlace,
}
