//! proptest strategies for the ICMPv6 messages icmpwire has views for (RFC 4443, 4884, 8335).
//! Each yields `(src, dst, bytes)`: the addresses of the IPv6 header the message travels in and
//! the message, checksum computed over the pseudo-header (RFC 4443 section 2.3) for them. The
//! error messages quote a plausible IPv6 packet ([`quoted_packet`]): a header, a chain of
//! extension headers, then UDP, TCP or ICMPv6, cut as RFC 4443 section 2.4 (c) says.
//!
//! ```
//! use icmpwire::v6::TimeExceeded;
//! use proptest::prelude::*;
//!
//! proptest!(|((src, dst, msg) in icmpwire::strategy::v6::time_exceeded())| {
//!     let te = TimeExceeded::parse(&msg[..], src, dst).unwrap();
//!     prop_assert!(te.quote().ipv6().is_ok());
//! });
//! ```

use alloc::vec;
use alloc::vec::Vec;
use core::net::Ipv6Addr;

use proptest::collection::vec as vec_of;
use proptest::prelude::*;
use proptest::sample::select;

use super::errors::{ObjectSpec, object_reprs, objects};
use crate::extension::ObjectRepr;
use crate::protocol;
use crate::v6::{
    DestinationUnreachableRepr, ExtendedEchoReplyCode, MessageType, PacketTooBigRepr,
    ParameterProblemCode, ParameterProblemRepr, RawRepr, Repr, TimeExceededCode, TimeExceededRepr,
    UnreachableCode, quote_packet,
};
use crate::{EchoRepr, ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};

/// A message and the addresses its checksum covers.
pub type Packet = (Ipv6Addr, Ipv6Addr, Vec<u8>);

mod nd;

pub use nd::{mld, neighbor_discovery};

fn addr() -> impl Strategy<Value = Ipv6Addr> {
    prop_oneof![
        any::<u128>().prop_map(Ipv6Addr::from),
        // 2001:db8::/32 (RFC 3849) and link-local, as most captures hold.
        any::<u64>().prop_map(|i| Ipv6Addr::from((0x2001_0db8_u128 << 96) | u128::from(i))),
        any::<u64>().prop_map(|i| Ipv6Addr::from((0xfe80_u128 << 112) | u128::from(i))),
    ]
}

/// The bytes `repr` emits between `src` and `dst` (`None` if they cannot be
/// emitted, which the strategies avoid).
fn emitted(src: Ipv6Addr, dst: Ipv6Addr, repr: &Repr<'_>) -> Option<Packet> {
    let mut out = vec![0u8; repr.buffer_len()];
    repr.emit(src, dst, &mut out).ok()?;
    Some((src, dst, out))
}

fn payload() -> impl Strategy<Value = Vec<u8>> {
    vec_of(any::<u8>(), 0..128)
}

/// An extension header (RFC 8200 section 4): its kind and its bytes after the first two.
fn extension_header() -> impl Strategy<Value = (u8, Vec<u8>)> {
    prop_oneof![
        // Hop-by-hop and destination options: PadN filling 6 + 8n bytes.
        (
            select(&[protocol::HOP_BY_HOP, protocol::DESTINATION_OPTIONS][..]),
            0usize..=2
        )
            .prop_map(|(kind, n)| {
                let len = n.saturating_mul(8).saturating_add(6);
                let mut body = vec![0u8; len];
                if let Some(p) = body.get_mut(..2) {
                    p.copy_from_slice(&[1, u8::try_from(len.saturating_sub(2)).unwrap_or(0)]);
                }
                (kind, body)
            }),
        // A first fragment (offset 0), M flag set, any identification.
        any::<u32>().prop_map(|id| {
            let mut body = vec![0u8, 1];
            body.extend_from_slice(&id.to_be_bytes());
            (protocol::FRAGMENT, body)
        }),
        // A type 4 (RFC 8754) routing header stub with segments left 0 and one address.
        any::<u128>().prop_map(|a| {
            let mut body = vec![4u8, 0, 0, 0, 0, 0];
            body.extend_from_slice(&a.to_be_bytes());
            (protocol::ROUTING, body)
        }),
    ]
}

/// The offending packet as an ICMPv6 error message quotes it (RFC 4443 section 2.4 (c)): an
/// IPv6 header whose payload length and next header are right, zero to three extension headers
/// (hop-by-hop, destination options, a first fragment, a routing header), then a UDP, TCP or
/// ICMPv6 header and data, cut so that the error message fits in 1280 bytes.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(q in icmpwire::strategy::v6::quoted_packet())| {
///     let ip = icmpwire::Quote::new(&q).ipv6().unwrap();
///     prop_assert!(ip.upper_layer().unwrap().bytes.len() >= 8);
/// });
/// ```
pub fn quoted_packet() -> impl Strategy<Value = Vec<u8>> {
    (
        (any::<u8>(), 0u32..=0xF_FFFF, any::<u8>(), addr(), addr()),
        vec_of(extension_header(), 0..=3),
        select(&[protocol::UDP, protocol::TCP, protocol::ICMPV6][..]),
        vec_of(any::<u8>(), 8..1400),
    )
        .prop_map(|((tc, flow, hop_limit, src, dst), headers, upper, data)| {
            let mut rest = Vec::new();
            let mut kinds = headers.iter().map(|(k, _)| *k).skip(1).chain([upper]);
            for (_, body) in &headers {
                let next = kinds.next().unwrap_or(upper);
                let units = body.len().saturating_add(2) / 8;
                rest.push(next);
                rest.push(u8::try_from(units.saturating_sub(1)).unwrap_or(0));
                rest.extend_from_slice(body);
            }
            rest.extend_from_slice(&data);
            let first = headers.first().map_or(upper, |(k, _)| *k);
            let word = (6u32 << 28) | (u32::from(tc) << 20) | flow;
            let mut packet = Vec::with_capacity(rest.len().saturating_add(40));
            packet.extend_from_slice(&word.to_be_bytes());
            packet.extend_from_slice(&u16::try_from(rest.len()).unwrap_or(0).to_be_bytes());
            packet.extend_from_slice(&[first, hop_limit]);
            packet.extend_from_slice(&src.octets());
            packet.extend_from_slice(&dst.octets());
            packet.extend_from_slice(&rest);
            quote_packet(&packet, &[]).to_vec()
        })
}

/// The RFC 4884 messages (types 1 and 3): `make` builds the message from the quote and the
/// objects, the quote cut to leave room for them (and padded to 128 bytes by the builder).
fn with_objects(
    packet: &[u8],
    specs: &[ObjectSpec],
    make: impl FnOnce(&[u8], &[ObjectRepr<'_>]) -> Option<Packet>,
) -> Option<Packet> {
    let objects = object_reprs(specs, true);
    make(quote_packet(packet, &objects), &objects)
}

/// Destination unreachable (type 1, RFC 4443 section 3.1, 4884): codes 0 to 9, the quoted
/// packet, sometimes extension objects.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::destination_unreachable())| {
///     let m = icmpwire::v6::DestinationUnreachable::parse(&msg[..], src, dst).unwrap();
///     prop_assert!(m.code().name().is_some());
/// });
/// ```
pub fn destination_unreachable() -> impl Strategy<Value = Packet> {
    (addr(), addr(), 0u8..=9, quoted_packet(), objects()).prop_filter_map(
        "emits",
        |(src, dst, code, packet, specs)| {
            with_objects(&packet, &specs, |quote, extensions| {
                let repr = DestinationUnreachableRepr {
                    code: UnreachableCode(code),
                    quote,
                    extensions,
                    ..Default::default()
                };
                emitted(src, dst, &Repr::DestinationUnreachable(repr))
            })
        },
    )
}

/// Time exceeded (type 3, RFC 4443 section 3.3, 4884): codes 0 and 1, the quoted packet,
/// sometimes extension objects.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::time_exceeded())| {
///     prop_assert!(icmpwire::v6::TimeExceeded::parse(&msg[..], src, dst).is_ok());
/// });
/// ```
pub fn time_exceeded() -> impl Strategy<Value = Packet> {
    (addr(), addr(), 0u8..=1, quoted_packet(), objects()).prop_filter_map(
        "emits",
        |(src, dst, code, packet, specs)| {
            with_objects(&packet, &specs, |quote, extensions| {
                let repr = TimeExceededRepr {
                    code: TimeExceededCode(code),
                    quote,
                    extensions,
                    ..Default::default()
                };
                emitted(src, dst, &Repr::TimeExceeded(repr))
            })
        },
    )
}

/// Packet too big (type 2, RFC 4443 section 3.2): code 0, an MTU of at least 1280 (RFC 8200
/// section 5), the quoted packet.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::packet_too_big())| {
///     prop_assert!(icmpwire::v6::PacketTooBig::parse(&msg[..], src, dst).unwrap().mtu() >= 1280);
/// });
/// ```
pub fn packet_too_big() -> impl Strategy<Value = Packet> {
    (addr(), addr(), 1280u32.., quoted_packet()).prop_filter_map(
        "emits",
        |(src, dst, mtu, quote)| {
            let repr = PacketTooBigRepr {
                code: 0,
                mtu,
                quote: &quote,
            };
            emitted(src, dst, &Repr::PacketTooBig(repr))
        },
    )
}

/// Parameter problem (type 4, RFC 4443 section 3.4, RFC 7112, 8883): codes 0 to 10, a pointer
/// to an octet of the quoted packet.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::parameter_problem())| {
///     let m = icmpwire::v6::ParameterProblem::parse(&msg[..], src, dst).unwrap();
///     prop_assert!((m.pointer() as usize) < m.quote().bytes().len());
/// });
/// ```
pub fn parameter_problem() -> impl Strategy<Value = Packet> {
    (
        addr(),
        addr(),
        0u8..=10,
        any::<prop::sample::Index>(),
        quoted_packet(),
    )
        .prop_filter_map("emits", |(src, dst, code, at, quote)| {
            let repr = ParameterProblemRepr {
                code: ParameterProblemCode(code),
                pointer: u32::try_from(at.index(quote.len())).unwrap_or(0),
                quote: &quote,
            };
            emitted(src, dst, &Repr::ParameterProblem(repr))
        })
}

/// An error message (types 1 to 4): any of the four above.
///
/// ```
/// use icmpwire::AnyMessage;
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::error_message())| {
///     prop_assert!(icmpwire::v6::Message::parse(&msg[..], src, dst).unwrap().message_type().is_error());
/// });
/// ```
pub fn error_message() -> impl Strategy<Value = Packet> {
    prop_oneof![
        destination_unreachable(),
        packet_too_big(),
        time_exceeded(),
        parameter_problem(),
    ]
}

/// Echo request (type 128, RFC 4443 section 4.1), code 0.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::echo_request())| {
///     prop_assert!(matches!(icmpwire::v6::Message::parse(&msg[..], src, dst), Ok(icmpwire::v6::Message::EchoRequest(_))));
/// });
/// ```
pub fn echo_request() -> impl Strategy<Value = Packet> {
    echo_like(false)
}

/// Echo reply (type 129, RFC 4443 section 4.2), code 0.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::echo_reply())| {
///     prop_assert!(matches!(icmpwire::v6::Message::parse(&msg[..], src, dst), Ok(icmpwire::v6::Message::EchoReply(_))));
/// });
/// ```
pub fn echo_reply() -> impl Strategy<Value = Packet> {
    echo_like(true)
}

fn echo_like(reply: bool) -> impl Strategy<Value = Packet> {
    (addr(), addr(), any::<u16>(), any::<u16>(), payload()).prop_filter_map(
        "emits",
        move |(src, dst, identifier, sequence, data)| {
            let echo = EchoRepr {
                code: 0,
                identifier,
                sequence,
                data: &data,
            };
            let repr = if reply {
                Repr::EchoReply(echo)
            } else {
                Repr::EchoRequest(echo)
            };
            emitted(src, dst, &repr)
        },
    )
}

/// Extended echo request (type 160, RFC 8335): code 0, the L bit, and an extension structure
/// with one interface identification object (by name, index or IPv6 address).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::extended_echo_request())| {
///     let m = icmpwire::v6::ExtendedEchoRequest::parse(&msg[..], src, dst).unwrap();
///     prop_assert_eq!(m.extensions().unwrap().objects().count(), 1);
/// });
/// ```
pub fn extended_echo_request() -> impl Strategy<Value = Packet> {
    let name = vec_of(b'a'..=b'z', 1..16);
    (
        (addr(), addr()),
        (any::<u16>(), any::<u8>(), any::<bool>()),
        (0u8..3, name, any::<u32>(), addr()),
    )
        .prop_filter_map(
            "emits",
            |((src, dst), (identifier, sequence, local), (by, name, index, address))| {
                let object = match by {
                    0 => ObjectRepr::InterfaceName(&name),
                    1 => ObjectRepr::InterfaceIndex(index),
                    _ => ObjectRepr::InterfaceAddress(address.into()),
                };
                let mut structure = [0u8; 32];
                let n = crate::extension::write(&[object], &mut structure).ok()?;
                let repr = ExtendedEchoRequestRepr {
                    code: 0,
                    identifier,
                    sequence,
                    local,
                    reserved: 0,
                    payload: structure.get(..n)?,
                };
                emitted(src, dst, &Repr::ExtendedEchoRequest(repr))
            },
        )
}

/// Extended echo reply (type 161, RFC 8335): codes 0 to 4; with code 0, a state (0 to 6) and
/// the A bit, and the 4 and 6 bits only when A is set.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::extended_echo_reply())| {
///     let m = icmpwire::v6::ExtendedEchoReply::parse(&msg[..], src, dst).unwrap();
///     prop_assert!(m.code().0 <= 4);
/// });
/// ```
pub fn extended_echo_reply() -> impl Strategy<Value = Packet> {
    (
        (addr(), addr()),
        (any::<u16>(), any::<u8>(), 0u8..=4, 0u8..=6),
        any::<[bool; 3]>(),
    )
        .prop_filter_map(
            "emits",
            |((src, dst), (identifier, sequence, code, state), [active, ipv4, ipv6])| {
                let ok = code == 0;
                let repr = ExtendedEchoReplyRepr {
                    code: ExtendedEchoReplyCode(code),
                    identifier,
                    sequence,
                    state: if ok { state } else { 0 },
                    reserved: 0,
                    active: ok && active,
                    // RFC 8335 section 3: the 4 and 6 bits only with the A bit.
                    ipv4: ok && active && ipv4,
                    ipv6: ok && active && ipv6,
                    payload: &[],
                };
                emitted(src, dst, &Repr::ExtendedEchoReply(repr))
            },
        )
}

/// A message of a type without a typed view yet (Neighbor Discovery, MLD, the rest of the
/// registry), kept as type, code and body.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::other())| {
///     prop_assert!(matches!(icmpwire::v6::Message::parse(&msg[..], src, dst), Ok(icmpwire::v6::Message::Other(_))));
/// });
/// ```
pub fn other() -> impl Strategy<Value = Packet> {
    let ty = any::<u8>().prop_filter("no typed view", |t| !crate::v6::has_view(*t));
    (addr(), addr(), ty, any::<u8>(), payload()).prop_filter_map(
        "emits",
        |(src, dst, t, code, body)| {
            let repr = RawRepr {
                message_type: MessageType(t),
                code,
                body: &body,
            };
            emitted(src, dst, &Repr::Other(repr))
        },
    )
}

/// Any well-formed ICMPv6 message: every strategy above.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::message())| {
///     prop_assert!(icmpwire::v6::Message::parse(&msg[..], src, dst).is_ok());
/// });
/// ```
pub fn message() -> impl Strategy<Value = Packet> {
    prop_oneof![
        echo_request(),
        echo_reply(),
        extended_echo_request(),
        extended_echo_reply(),
        other(),
        error_message(),
        neighbor_discovery(),
        mld(),
    ]
}
