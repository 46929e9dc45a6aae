//! An ICMP responder a stack calls with each incoming IP packet: the answer a host owes, written
//! as a whole IP packet into the caller's buffer, or the named reason there is none.
//!
//! What it answers, for a packet sent to one of the host's unicast addresses ([`Host`]):
//! - an echo request (RFC 792, RFC 4443 section 4.1) with an echo reply (section 4.2): the
//!   identifier, sequence and data returned, the checksum updated incrementally (RFC 1624), in
//!   place when the caller allows ([`Responder::respond_in_place`]);
//! - an ICMPv4 timestamp request (RFC 792) with a reply carrying [`Host::timestamp`];
//! - an extended echo request (RFC 8335 section 4) with the state of the interface it names
//!   ([`Host::interface`]), when the host enables probing; only requests with the L bit set
//!   (the interface is the host's own) are answered, as Linux does;
//! - an IPv6 neighbor solicitation (RFC 4861 section 7.2.4) for one of its addresses, with a
//!   neighbor advertisement: solicited unless the solicitation came from `::` (duplicate address
//!   detection, answered to all nodes), the target link-layer address included when the
//!   solicitation was sent to a multicast address and the link has addresses, override set when
//!   it is and the target is not anycast;
//! - a UDP datagram to a closed port (RFC 1122 section 4.1.3.1, RFC 4443 section 3.1) with a
//!   port unreachable quoting it (RFC 1812 section 4.3.2.3's 576-byte bound on ICMPv4 by
//!   default, the 1280-byte minimum MTU on ICMPv6), if its UDP checksum verifies, the rules of
//!   [`may_send_error_v4`](super::may_send_error_v4) and
//!   [`may_send_error_v6`](super::may_send_error_v6) allow an error, and both rate limits
//!   ([`TokenBucket`], [`PerDestination`]) have a token.
//!
//! Echo, timestamp and extended echo requests sent to a group are answered only from the unicast
//! address the host names for it: [`Host::specific_destination_v4`] for an IPv4 broadcast or
//! multicast address (RFC 1122 section 3.2.1.3), [`Host::group_source_v6`] for an IPv6
//! multicast group (RFC 4443 section 4.2); never from a group address, and never to one: a
//! request whose source names no single host gets no answer ([`NoAnswer::SourceNotAHost`]).
//!
//! Other answers go from the address the request was sent to (a neighbor advertisement from its
//! target). An IPv4 echo, timestamp or extended echo reply returns the request's record route
//! and timestamp options with the host entered (RFC 1122 sections 3.2.2.6 and 3.2.2.8, as
//! Linux); a source-routed request is not answered ([`NoAnswer::SourceRouted`]), and errors
//! have no options. IPv6 answers have no extension headers. A neighbor advertisement has hop
//! limit 255 (RFC 4861 section 7.1.2); other answers the responder's `ttl` and `hop_limit`. Replies keep the request's
//! type of service or traffic class; an ICMPv4 error has precedence 6 (internetwork control,
//! RFC 1812 section 4.3.2.5).
//!
//! ```
//! use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
//! use core::time::Duration;
//! use icmpwire::stack::{AnswerKind, Host, PerDestination, Responder, TokenBucket};
//!
//! struct Me;
//! impl Host for Me {
//!     fn is_local_v4(&self, a: Ipv4Addr) -> bool { a == Ipv4Addr::new(198, 51, 100, 2) }
//!     fn is_local_v6(&self, _: Ipv6Addr) -> bool { false }
//!     fn udp_port_open(&self, _: IpAddr, port: u16) -> bool { port == 53 }
//! }
//!
//! let mut responder: Responder<16> = Responder::new(TokenBucket::new(1000, 50), PerDestination::new(1, 1));
//! // An echo request from 192.0.2.1 to 198.51.100.2, identifier 0, sequence 0.
//! let request = [0x45u8, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2,
//!                8, 0, 0xf7, 0xff, 0, 0, 0, 0];
//! let mut out = [0u8; 1500];
//! let answer = responder.respond(&Me, &request, false, Duration::ZERO, &mut out).unwrap();
//! assert_eq!(answer.kind, AnswerKind::EchoReply);
//! assert_eq!(answer.dst, IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)));
//! assert_eq!(out[12..20], [198, 51, 100, 2, 192, 0, 2, 1]);
//! assert_eq!(out[20..answer.len], [0, 0, 0xff, 0xff, 0, 0, 0, 0]);
//! ```

mod answer;
mod options;
mod probe;
mod shared;
mod v4;
mod v6;

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use crate::extension::InterfaceIdentification;
use crate::message::echo::EchoFields;
use crate::quote::QuoteLimit;
use crate::types::v4::ExtendedEchoReplyCode;
use crate::view::{Fields, Version, View};

use super::{PerDestination, TokenBucket};

pub use answer::{Answer, AnswerKind, NoAnswer};

/// What the responder needs to know of the host it answers for.
///
/// ```
/// use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
/// use icmpwire::extension::InterfaceIdentification;
/// use icmpwire::stack::{Host, InterfaceState};
/// use icmpwire::v4::ExtendedEchoReplyCode;
///
/// struct Router;
/// impl Host for Router {
///     fn is_local_v4(&self, a: Ipv4Addr) -> bool { a == Ipv4Addr::new(192, 0, 2, 254) }
///     fn is_local_v6(&self, a: Ipv6Addr) -> bool { a == "2001:db8::1".parse::<Ipv6Addr>().unwrap() }
///     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
///     fn probe_enabled(&self) -> bool { true }
///     fn interface(&self, which: InterfaceIdentification<'_>) -> Result<InterfaceState, ExtendedEchoReplyCode> {
///         match which {
///             InterfaceIdentification::Name(b"eth0") | InterfaceIdentification::Index(2) => {
///                 Ok(InterfaceState { active: true, ipv4: true, ipv6: true })
///             }
///             _ => Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE),
///         }
///     }
///     fn is_router(&self) -> bool { true }
/// }
/// assert!(Router.is_router() && Router.link_layer_address().is_empty());
/// assert_eq!(Router.timestamp(), None);
/// ```
pub trait Host {
    /// Whether `address` is one of the host's IPv4 unicast addresses.
    fn is_local_v4(&self, address: Ipv4Addr) -> bool;

    /// Whether `address` is one of the host's IPv6 unicast or anycast addresses (not a
    /// tentative one, RFC 4862 section 5.4).
    fn is_local_v6(&self, address: Ipv6Addr) -> bool;

    /// Whether a socket listens on UDP port `port` of `address` (then the datagram is the
    /// stack's to deliver, and no port unreachable is sent).
    fn udp_port_open(&self, address: IpAddr, port: u16) -> bool;

    /// The time for a timestamp reply: milliseconds since midnight UT (RFC 792); `None`, the
    /// default, when the host does not answer timestamp requests (it has no clock, or the
    /// answer would tell too much).
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// assert_eq!(icmpwire::stack::Host::timestamp(&H), None);
    /// ```
    fn timestamp(&self) -> Option<u32> {
        None
    }

    /// Whether extended echo requests (RFC 8335) are answered; `false` by default, as on
    /// Linux (`net.ipv4.icmp_echo_enable_probe`): RFC 8335 section 4 leaves the choice to the
    /// operator.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// assert!(!icmpwire::stack::Host::probe_enabled(&H));
    /// ```
    fn probe_enabled(&self) -> bool {
        false
    }

    /// The state of the interface a well-formed extended echo request names, or the code to
    /// answer with ([`NO_SUCH_INTERFACE`](ExtendedEchoReplyCode::NO_SUCH_INTERFACE), the
    /// default, or [`MULTIPLE_INTERFACES`](ExtendedEchoReplyCode::MULTIPLE_INTERFACES)).
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// use icmpwire::extension::InterfaceIdentification;
    /// use icmpwire::stack::Host;
    /// use icmpwire::v4::ExtendedEchoReplyCode;
    ///
    /// let which = InterfaceIdentification::Index(1);
    /// assert_eq!(H.interface(which), Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE));
    /// ```
    ///
    /// # Errors
    ///
    /// The reply code when the interface is not reported.
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        let _ = which;
        Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE)
    }

    /// The link-layer address a neighbor advertisement carries in its target link-layer
    /// address option (RFC 4861 section 4.6.1); empty, the default, on a link without
    /// addresses (a TUN device), where no option is sent.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// assert!(icmpwire::stack::Host::link_layer_address(&H).is_empty());
    /// ```
    fn link_layer_address(&self) -> &[u8] {
        &[]
    }

    /// Whether the host is a router (the R flag of its neighbor advertisements); `false` by
    /// default.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// assert!(!icmpwire::stack::Host::is_router(&H));
    /// ```
    fn is_router(&self) -> bool {
        false
    }

    /// Whether `address`, one of the host's, is an anycast address (its neighbor
    /// advertisements leave the override flag clear, RFC 4861 section 7.2.7); `false` by
    /// default.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// assert!(!icmpwire::stack::Host::is_anycast_v6(&H, core::net::Ipv6Addr::LOCALHOST));
    /// ```
    fn is_anycast_v6(&self, address: Ipv6Addr) -> bool {
        let _ = address;
        false
    }

    /// The address to answer from when an echo or extended echo request comes to `group`, an
    /// IPv6 multicast address: a unicast address of the interface the request arrived on, if
    /// the host has joined `group` there and answers such requests (RFC 4443 section 4.2: an
    /// echo request to a multicast address SHOULD be answered, and the reply's source MUST be a
    /// unicast address of that interface; Linux answers from the address its source address
    /// selection picks for the requester, RFC 6724). `None` by default: the request is then not
    /// for the host ([`NoAnswer::NotForUs`]). Only an [`is_local_v6`](Host::is_local_v6)
    /// address that is not multicast is taken.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// let all_nodes = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
    /// assert_eq!(icmpwire::stack::Host::group_source_v6(&H, all_nodes), None);
    /// ```
    fn group_source_v6(&self, group: Ipv6Addr) -> Option<Ipv6Addr> {
        let _ = group;
        None
    }

    /// Whether `address` is the directed broadcast address of one of the host's subnets (RFC
    /// 919, RFC 922; 192.0.2.255 on 192.0.2.0/24). The limited broadcast 255.255.255.255 and
    /// multicast addresses are known without asking. `false` by default.
    ///
    /// The responder sends no error about a datagram to such an address, answers no request
    /// from one ([`NoAnswer::SourceNotAHost`]), and answers a request to one only from the
    /// address [`specific_destination_v4`](Host::specific_destination_v4) names (RFC 1122
    /// section 3.2.1.3), whether or not [`is_local_v4`](Host::is_local_v4) counts it.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// let a = Ipv4Addr::new(192, 0, 2, 255);
    /// assert!(!icmpwire::stack::Host::is_directed_broadcast_v4(&H, a));
    /// ```
    fn is_directed_broadcast_v4(&self, address: Ipv4Addr) -> bool {
        let _ = address;
        false
    }

    /// For an echo, timestamp or extended echo request sent to `destination`, a broadcast or
    /// multicast address the host receives on (the limited broadcast, the directed broadcast of
    /// one of its subnets, a group it has joined), the address to answer from: RFC 1122 section
    /// 3.2.1.3's specific-destination address, one of the host's own addresses on the
    /// interface the request arrived on (sections 3.2.2.6 and 3.2.2.8: the reply's source MUST
    /// be it). `None` by default: such requests are then not answered (RFC 1122 lets a host
    /// discard them; Linux discards echo and timestamp requests unless
    /// `net.ipv4.icmp_echo_ignore_broadcasts` is 0, answers extended echo requests whenever
    /// probing is on, and answers as this method says). Asked only for broadcast and multicast
    /// destinations.
    ///
    /// Only an [`is_local_v4`](Host::is_local_v4) address that names one host is taken as an
    /// answer's source.
    ///
    /// ```
    /// # use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// # struct H;
    /// # impl icmpwire::stack::Host for H {
    /// #     fn is_local_v4(&self, _: Ipv4Addr) -> bool { true }
    /// #     fn is_local_v6(&self, _: Ipv6Addr) -> bool { true }
    /// #     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// # }
    /// let all_systems = Ipv4Addr::new(224, 0, 0, 1);
    /// assert_eq!(icmpwire::stack::Host::specific_destination_v4(&H, all_systems), None);
    /// ```
    fn specific_destination_v4(&self, destination: Ipv4Addr) -> Option<Ipv4Addr> {
        let _ = destination;
        None
    }
}

/// The state of a probed interface (RFC 8335 section 3): the A, 4 and 6 bits of the reply.
///
/// ```
/// let state = icmpwire::stack::InterfaceState { active: true, ..Default::default() };
/// assert!(state.active && !state.ipv4 && !state.ipv6);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InterfaceState {
    /// The interface is up (A).
    pub active: bool,
    /// IPv4 runs on it (4).
    pub ipv4: bool,
    /// IPv6 runs on it (6).
    pub ipv6: bool,
}

/// The responder: its settings and the rate limits of the errors it sends.
///
/// ```
/// use icmpwire::stack::{PerDestination, Responder, TokenBucket};
///
/// // Linux's defaults: 1000 errors a second, bursts of 50; one a second per destination.
/// let responder: Responder<64> = Responder::new(TokenBucket::new(1000, 50), PerDestination::new(1, 1));
/// assert_eq!((responder.ttl, responder.hop_limit), (64, 64));
/// ```
#[derive(Clone, Debug)]
pub struct Responder<const N: usize> {
    /// The TTL of IPv4 answers (64).
    pub ttl: u8,
    /// The hop limit of IPv6 answers other than neighbor advertisements (64).
    pub hop_limit: u8,
    /// How much of a datagram an ICMPv4 error quotes: [`QuoteLimit::Rfc1812`] (548 bytes, as
    /// Linux) by default. ICMPv6 errors quote as much as fits in 1280 bytes (RFC 4443 section
    /// 2.4 (c)).
    pub quote: QuoteLimit,
    /// Echo replies keep the request's code, as Linux does; `false` (code 0, RFC 792 and RFC
    /// 4443 section 4.2) by default.
    pub keep_echo_code: bool,
    /// A UDP datagram's checksum is verified before a port unreachable is sent about it (RFC
    /// 1122 section 4.1.3.4); `true` by default. Turn it off where the packets come from a
    /// link the kernel trusts without a sum: Linux's loopback and veth devices pass a checksum
    /// offload's partial sum (the pseudo-header's, not complemented) to raw sockets.
    pub verify_udp_checksum: bool,
    /// The bound on all the errors sent.
    pub errors: TokenBucket,
    /// The bound on the errors sent to one destination.
    pub per_destination: PerDestination<N>,
    /// The identification of the next IPv4 answer.
    identification: u16,
}

impl<const N: usize> Responder<N> {
    /// A responder with these rate limits and the default settings.
    ///
    /// ```
    /// use icmpwire::QuoteLimit;
    /// use icmpwire::stack::{PerDestination, Responder, TokenBucket};
    ///
    /// let r: Responder<4> = Responder::new(TokenBucket::new(10, 10), PerDestination::new(1, 1));
    /// assert_eq!(r.quote, QuoteLimit::Rfc1812);
    /// assert!(!r.keep_echo_code && r.verify_udp_checksum);
    /// assert_eq!(r.errors.rate(), 10);
    /// ```
    #[must_use]
    pub const fn new(errors: TokenBucket, per_destination: PerDestination<N>) -> Self {
        Responder {
            ttl: 64,
            hop_limit: 64,
            quote: QuoteLimit::Rfc1812,
            keep_echo_code: false,
            verify_udp_checksum: true,
            errors,
            per_destination,
            identification: 1,
        }
    }

    /// The answer to the IP packet `packet` (from its first header byte), which arrived as a
    /// link-layer broadcast or multicast if `link_broadcast`, at `now` on the caller's clock:
    /// a whole IPv4 or IPv6 packet written at the start of `out`.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// use core::time::Duration;
    /// use icmpwire::stack::{AnswerKind, Host, NoAnswer, PerDestination, Responder, TokenBucket};
    ///
    /// struct Me;
    /// impl Host for Me {
    ///     fn is_local_v4(&self, a: Ipv4Addr) -> bool { a == Ipv4Addr::new(198, 51, 100, 2) }
    ///     fn is_local_v6(&self, _: Ipv6Addr) -> bool { false }
    ///     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// }
    /// let mut r: Responder<4> = Responder::new(TokenBucket::new(1, 1), PerDestination::new(1, 1));
    /// // UDP from 192.0.2.1 port 40000 to 198.51.100.2 port 33434, no checksum.
    /// let udp = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0x8e, 0x9a, 192, 0, 2, 1, 198, 51, 100, 2,
    ///            0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0];
    /// let mut out = [0u8; 576];
    /// let t = Duration::from_secs(1);
    /// let answer = r.respond(&Me, &udp, false, t, &mut out).unwrap();
    /// assert_eq!(answer.kind, AnswerKind::PortUnreachable);
    /// assert_eq!((answer.len, out[20], out[21]), (20 + 8 + 28, 3, 3));
    /// assert_eq!(out[28..answer.len], udp);
    /// // A second within the same second: the rate limit says no.
    /// assert_eq!(r.respond(&Me, &udp, false, t, &mut out), Err(NoAnswer::RateLimited));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`NoAnswer`] that says why no answer is due, or why it cannot be written.
    pub fn respond<H: Host + ?Sized>(
        &mut self,
        host: &H,
        packet: &[u8],
        link_broadcast: bool,
        now: Duration,
        out: &mut [u8],
    ) -> Result<Answer, NoAnswer> {
        match packet.first().map(|b| b >> 4) {
            Some(4) => v4::respond(self, host, packet, link_broadcast, now, out),
            Some(6) => v6::respond(self, host, packet, link_broadcast, now, out),
            other => Err(NoAnswer::Packet(super::PacketError::Version {
                version: other.unwrap_or(0),
            })),
        }
    }

    /// The echo reply to the echo request in `buf[..len]` (an IPv4 or IPv6 packet), written
    /// over it: the data not copied, the IP header rewritten, the ICMP type changed and the
    /// checksum updated (RFC 1624); the message moved forward only past the request's IPv4
    /// options or IPv6 extension headers. Any other packet is left unchanged with
    /// [`NoAnswer::NotInPlace`]: its answer, if any, needs the request beside it, from
    /// [`respond`](Self::respond) with a second buffer.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    /// use core::time::Duration;
    /// use icmpwire::stack::{Host, PerDestination, Responder, TokenBucket};
    ///
    /// struct Me;
    /// impl Host for Me {
    ///     fn is_local_v4(&self, a: Ipv4Addr) -> bool { a == Ipv4Addr::new(198, 51, 100, 2) }
    ///     fn is_local_v6(&self, _: Ipv6Addr) -> bool { false }
    ///     fn udp_port_open(&self, _: IpAddr, _: u16) -> bool { false }
    /// }
    /// let mut r: Responder<4> = Responder::new(TokenBucket::new(1, 1), PerDestination::new(1, 1));
    /// let mut buf = [0x45u8, 0, 0, 30, 0, 1, 0, 0, 64, 1, 0x8e, 0xa7, 192, 0, 2, 1, 198, 51, 100, 2,
    ///                8, 0, 0x8f, 0x93, 0, 1, 0, 2, b'h', b'i'];
    /// let answer = r.respond_in_place(&Me, &mut buf, 30).unwrap();
    /// assert_eq!(answer.len, 30);
    /// assert_eq!(buf[20..], [0, 0, 0x97, 0x93, 0, 1, 0, 2, b'h', b'i']);
    /// ```
    ///
    /// # Errors
    ///
    /// [`NoAnswer::NotInPlace`] for a packet other than an echo request; for an echo request
    /// the [`NoAnswer`] [`respond`](Self::respond) would give; [`NoAnswer::Buffer`] when `len`
    /// is beyond `buf`.
    pub fn respond_in_place<H: Host + ?Sized>(
        &mut self,
        host: &H,
        buf: &mut [u8],
        len: usize,
    ) -> Result<Answer, NoAnswer> {
        let packet =
            buf.get(..len)
                .ok_or(NoAnswer::Buffer(crate::error::EmitError::BufferTooSmall {
                    required: len,
                    actual: buf.len(),
                }))?;
        match packet.first().map(|b| b >> 4) {
            Some(4) => v4::echo_in_place(self, host, buf, len),
            Some(6) => v6::echo_in_place(self, host, buf, len),
            other => Err(NoAnswer::Packet(super::PacketError::Version {
                version: other.unwrap_or(0),
            })),
        }
    }

    /// Whether an error to `dst` may go now: a token from the destination's bucket, then one
    /// from the global bucket (the destination's spent even if the global one is empty, as
    /// Linux does).
    fn error_allowed(&mut self, dst: IpAddr, now: Duration) -> bool {
        self.per_destination.allow(dst, now) && self.errors.allow(now)
    }

    /// Turns the copy of an echo request of either version into its reply: the type and
    /// perhaps the code changed, the checksum updated (RFC 1624; on ICMPv6 the pseudo-header
    /// holds the same two addresses, swapped, so this is all it needs).
    fn finish_echo<I: Version>(&self, icmp: &mut [u8], code: u8)
    where
        EchoFields: Fields<I>,
    {
        if let Ok(mut echo) = View::<I, &mut [u8], EchoFields>::parse_unverified(icmp) {
            echo.make_reply();
            if self.keep_echo_code {
                echo.set_code_u8(code);
            }
        }
    }

    /// The identification of the next IPv4 answer.
    fn next_identification(&mut self) -> u16 {
        let id = self.identification;
        self.identification = id.wrapping_add(1);
        id
    }
}
