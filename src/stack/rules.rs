//! When an ICMP error may be sent about a packet.
//!
//! ICMPv4 (RFC 1122 section 3.2.2, RFC 1812 section 4.3.2.7): never about an ICMP error
//! message, a datagram sent to an IP broadcast or multicast address or as a link-layer
//! broadcast, a fragment other than the first, or a datagram whose source does not define a
//! single host (the zero address, a loopback, broadcast, multicast or class E address).
//!
//! ICMPv6 (RFC 4443 section 2.4 (e)): never about an ICMPv6 error message or a redirect, a
//! packet sent to a multicast address or as a link-layer multicast or broadcast (except that a
//! packet too big, and a parameter problem of code 2, an unrecognized option the sender was
//! asked to report, are sent all the same), or a packet whose source does not identify a single
//! node (the unspecified address, a multicast address; anycast addresses are the caller's to
//! know). RFC 4443 has no rule on fragments: an error about a later fragment of an ICMPv6
//! message may be sent, the fragment's type being unknown.
//!
//! A packet whose header is cut before the answer is known (the ICMP type of an ICMP datagram)
//! gets no error: [`NoError::Unreadable`], as Linux does.

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use crate::quote::{Quote, protocol};

/// Why no ICMP error may be sent about a packet.
///
/// ```
/// use icmpwire::stack::NoError;
///
/// assert_eq!(NoError::AboutAnError.to_string(), "the packet is an ICMP error message");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NoError {
    /// The packet is an ICMP error message (or an ICMPv6 redirect, RFC 4443 2.4 (e.2)).
    AboutAnError,
    /// It was sent to an IPv4 broadcast address: the limited broadcast, or the directed
    /// broadcast the caller names.
    BroadcastDestination,
    /// It was sent to a multicast address.
    MulticastDestination,
    /// It came as a link-layer broadcast or multicast.
    LinkLayerBroadcast,
    /// It is an IPv4 fragment other than the first.
    LaterFragment,
    /// Its source does not name a single node: unspecified, loopback (IPv4), broadcast,
    /// multicast or class E (IPv4).
    SourceNotAHost,
    /// Its header is cut before what the rules need, or it is not the IP version asked for.
    Unreadable,
}

impl fmt::Display for NoError {
    /// ```
    /// assert_eq!(icmpwire::stack::NoError::LaterFragment.to_string(), "the packet is a fragment other than the first");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoError::AboutAnError => "the packet is an ICMP error message",
            NoError::BroadcastDestination => "the packet was sent to a broadcast address",
            NoError::MulticastDestination => "the packet was sent to a multicast address",
            NoError::LinkLayerBroadcast => "the packet came as a link-layer broadcast or multicast",
            NoError::LaterFragment => "the packet is a fragment other than the first",
            NoError::SourceNotAHost => "the packet's source does not name a single host",
            NoError::Unreadable => "the packet cannot be read far enough to tell",
        })
    }
}

/// How an IPv4 packet arrived, beside its bytes.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::stack::Arrival4;
///
/// let mut how = Arrival4::default();
/// how.directed_broadcast = Some(Ipv4Addr::new(192, 0, 2, 255));
/// assert!(!how.link_broadcast);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub struct Arrival4 {
    /// The frame was a link-layer broadcast or multicast.
    pub link_broadcast: bool,
    /// The directed broadcast address of the subnet it arrived on, if any.
    pub directed_broadcast: Option<Ipv4Addr>,
}

/// How an IPv6 packet arrived, beside its bytes.
///
/// ```
/// let how = icmpwire::stack::Arrival6::default();
/// assert!(!how.link_multicast);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub struct Arrival6 {
    /// The frame was a link-layer multicast or broadcast.
    pub link_multicast: bool,
}

/// Whether an IPv4 source or destination names more than one host or none (RFC 1122
/// section 3.2.2's list, and the broadcast the caller names).
fn not_a_host(a: Ipv4Addr, directed: Option<Ipv4Addr>) -> bool {
    a.is_unspecified()
        || a.is_loopback()
        || a.is_multicast()
        || a.is_broadcast()
        || Some(a) == directed
        // Class E, 240.0.0.0/4.
        || a.octets().first().is_some_and(|b| b & 0xF0 == 0xF0)
}

/// Whether an ICMP error may be sent about the IPv4 datagram `packet` (from its IP header on),
/// which arrived as `how` says.
///
/// ```
/// use icmpwire::stack::{Arrival4, NoError, may_send_error_v4};
///
/// // A UDP datagram from 192.0.2.1 to 198.51.100.2: an error may be sent.
/// let mut udp = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2,
///                0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0];
/// assert_eq!(may_send_error_v4(&udp, Arrival4::default()), Ok(()));
/// // The same to 224.0.0.1: none.
/// udp[16..20].copy_from_slice(&[224, 0, 0, 1]);
/// assert_eq!(may_send_error_v4(&udp, Arrival4::default()), Err(NoError::MulticastDestination));
/// ```
///
/// # Errors
///
/// The first [`NoError`] that applies, in this order: [`Unreadable`](NoError::Unreadable) (not
/// an IPv4 header of at least 20 bytes), [`SourceNotAHost`](NoError::SourceNotAHost),
/// [`MulticastDestination`](NoError::MulticastDestination),
/// [`BroadcastDestination`](NoError::BroadcastDestination),
/// [`LinkLayerBroadcast`](NoError::LinkLayerBroadcast),
/// [`LaterFragment`](NoError::LaterFragment), then for ICMP
/// [`AboutAnError`](NoError::AboutAnError), or [`Unreadable`](NoError::Unreadable) when the
/// ICMP type is not in the bytes.
pub fn may_send_error_v4(packet: &[u8], how: Arrival4) -> Result<(), NoError> {
    let ip = Quote::new(packet).ipv4().map_err(|_| NoError::Unreadable)?;
    if ip.version() != 4 || ip.ihl() < 5 {
        return Err(NoError::Unreadable);
    }
    if not_a_host(ip.src(), how.directed_broadcast) {
        return Err(NoError::SourceNotAHost);
    }
    let dst = ip.dst();
    if dst.is_multicast() {
        return Err(NoError::MulticastDestination);
    }
    if dst.is_broadcast() || Some(dst) == how.directed_broadcast {
        return Err(NoError::BroadcastDestination);
    }
    if how.link_broadcast {
        return Err(NoError::LinkLayerBroadcast);
    }
    if ip.fragment_offset() != 0 {
        return Err(NoError::LaterFragment);
    }
    if ip.protocol() == protocol::ICMP {
        let transport = ip.transport().map_err(|_| NoError::Unreadable)?;
        let ty = transport.first().ok_or(NoError::Unreadable)?;
        if crate::v4::MessageType(*ty).is_error() {
            return Err(NoError::AboutAnError);
        }
    }
    Ok(())
}

/// Whether an ICMPv6 error of type `error_type` and code `code` may be sent about the IPv6
/// packet `packet` (from its IPv6 header on), which arrived as `how` says. A packet too big
/// (type 2) and a parameter problem of code 2 (type 4) may answer a multicast packet.
///
/// ```
/// use icmpwire::stack::{Arrival6, NoError, may_send_error_v6};
///
/// // A UDP packet from 2001:db8::1 to ff02::1.
/// let mut p = [0u8; 48];
/// p[0] = 0x60;
/// p[5] = 8;
/// p[6] = 17;
/// p[8..10].copy_from_slice(&[0x20, 0x01]);
/// p[10..12].copy_from_slice(&[0x0d, 0xb8]);
/// p[23] = 1;
/// p[24..26].copy_from_slice(&[0xff, 0x02]);
/// p[39] = 1;
/// // No port unreachable (type 1) about it; a packet too big (type 2) may be sent.
/// assert_eq!(may_send_error_v6(&p, Arrival6::default(), 1, 4), Err(NoError::MulticastDestination));
/// assert_eq!(may_send_error_v6(&p, Arrival6::default(), 2, 0), Ok(()));
/// ```
///
/// # Errors
///
/// The first [`NoError`] that applies, in this order: [`Unreadable`](NoError::Unreadable) (not
/// an IPv6 header), [`SourceNotAHost`](NoError::SourceNotAHost),
/// [`MulticastDestination`](NoError::MulticastDestination) and
/// [`LinkLayerBroadcast`](NoError::LinkLayerBroadcast) (unless the error is one of the two
/// exceptions), then for ICMPv6 [`AboutAnError`](NoError::AboutAnError), or
/// [`Unreadable`](NoError::Unreadable) when the extension header chain or the ICMPv6 type is
/// cut.
pub fn may_send_error_v6(
    packet: &[u8],
    how: Arrival6,
    error_type: u8,
    code: u8,
) -> Result<(), NoError> {
    let ip = Quote::new(packet).ipv6().map_err(|_| NoError::Unreadable)?;
    let src: Ipv6Addr = ip.src();
    if src.is_unspecified() || src.is_multicast() {
        return Err(NoError::SourceNotAHost);
    }
    // RFC 4443 2.4 (e.3) to (e.5): the exceptions are packet too big and parameter problem
    // code 2.
    let excepted = error_type == 2 || (error_type == 4 && code == 2);
    if !excepted {
        if ip.dst().is_multicast() {
            return Err(NoError::MulticastDestination);
        }
        if how.link_multicast {
            return Err(NoError::LinkLayerBroadcast);
        }
    }
    let up = ip.upper_layer().map_err(|_| NoError::Unreadable)?;
    if up.protocol == protocol::ICMPV6 && !up.is_non_first_fragment() {
        let ty = crate::v6::MessageType(*up.bytes.first().ok_or(NoError::Unreadable)?);
        if ty.is_error() || ty == crate::v6::MessageType::REDIRECT {
            return Err(NoError::AboutAnError);
        }
    }
    Ok(())
}
