//! proptest strategies for every ICMPv4 message (feature `proptest`): each yields the bytes of
//! a well-formed message of its type, checksum included, with the codes the RFCs define
//! (RFC 792, 950, 1256, 1393, 1788, 1812, 2521, 4884, 8335), so that a property test can say "for
//! any valid time exceeded message" in one line. The error messages quote a plausible IPv4
//! datagram ([`quoted_datagram`]) and some carry RFC 4884 extension objects (RFC 4950 MPLS,
//! RFC 5837 interface information). Values shrink towards short payloads and zero fields.
//!
//! ```
//! use icmpwire::v4::{Message, TimeExceeded};
//! use proptest::prelude::*;
//!
//! proptest!(|(msg in icmpwire::strategy::time_exceeded())| {
//!     let te = TimeExceeded::parse(&msg[..]).unwrap();
//!     prop_assert!(te.quote().ipv4().is_ok());
//! });
//! ```
//!
//! This module allocates (proptest needs `std`); the rest of the crate does not.

use alloc::vec;
use alloc::vec::Vec;
use core::net::{IpAddr, Ipv4Addr};

use proptest::collection::vec as vec_of;
use proptest::prelude::*;
use proptest::sample::select;

use crate::extension::ObjectRepr;
use crate::v4::{
    AddressMaskRepr, DomainNameReplyRepr, DomainNameRequestRepr, ExtendedEchoReplyCode,
    MessageType, RawRepr, Repr, RouterAdvertisementCode, RouterAdvertisementRepr,
    RouterEntriesRepr, RouterEntry, RouterSolicitationRepr, TimestampRepr, TracerouteCode,
    TracerouteRepr,
};
use crate::{EchoRepr, ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};

mod errors;
pub mod v6;

pub use errors::{
    destination_unreachable, error_message, parameter_problem, photuris, quoted_datagram, redirect,
    source_quench, time_exceeded,
};

/// The bytes `repr` emits (`None` if it cannot be emitted, which the strategies avoid).
fn emitted(repr: &Repr<'_>) -> Option<Vec<u8>> {
    let mut out = vec![0u8; repr.buffer_len()];
    repr.emit(&mut out).ok()?;
    Some(out)
}

fn payload() -> impl Strategy<Value = Vec<u8>> {
    vec_of(any::<u8>(), 0..128)
}

fn addr() -> impl Strategy<Value = Ipv4Addr> {
    any::<u32>().prop_map(Ipv4Addr::from)
}

/// An echo request or reply (`ty`), code 0. (RFC 792's information messages carry no data:
/// [`information_request`] and [`information_reply`] draw them without a payload.)
fn echo_like(ty: MessageType) -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>(), payload()).prop_filter_map("emits", move |(id, seq, data)| {
        let echo = EchoRepr {
            code: 0,
            identifier: id,
            sequence: seq,
            data: &data,
        };
        emitted(&if ty == MessageType::ECHO_REPLY {
            Repr::EchoReply(echo)
        } else {
            Repr::EchoRequest(echo)
        })
    })
}

/// Echo request (type 8, RFC 792): any identifier, sequence and data.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::echo_request())| {
///     prop_assert!(icmpwire::v4::Echo::parse(&msg[..]).is_ok());
///     prop_assert_eq!(msg[0], 8);
/// });
/// ```
pub fn echo_request() -> impl Strategy<Value = Vec<u8>> {
    echo_like(MessageType::ECHO_REQUEST)
}

/// Echo reply (type 0, RFC 792).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::echo_reply())| prop_assert_eq!(msg[0], 0));
/// ```
pub fn echo_reply() -> impl Strategy<Value = Vec<u8>> {
    echo_like(MessageType::ECHO_REPLY)
}

/// Information request (type 15, RFC 792).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::information_request())| prop_assert_eq!(msg.len(), 8));
/// ```
pub fn information_request() -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>()).prop_filter_map("emits", |(identifier, sequence)| {
        let echo = EchoRepr {
            code: 0,
            identifier,
            sequence,
            data: &[],
        };
        emitted(&Repr::InformationRequest(echo))
    })
}

/// Information reply (type 16, RFC 792).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::information_reply())| prop_assert_eq!(msg[0], 16));
/// ```
pub fn information_reply() -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>()).prop_filter_map("emits", |(identifier, sequence)| {
        let echo = EchoRepr {
            code: 0,
            identifier,
            sequence,
            data: &[],
        };
        emitted(&Repr::InformationReply(echo))
    })
}

/// Router advertisement (type 9, RFC 1256): code 0 (or 16, RFC 5944's "does not route common
/// traffic"), a lifetime, 1 to 16 entries of 2 words.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::router_advertisement())| {
///     let ra = icmpwire::v4::RouterAdvertisement::parse(&msg[..]).unwrap();
///     prop_assert_eq!(ra.entries().count(), usize::from(ra.num_addrs()));
/// });
/// ```
pub fn router_advertisement() -> impl Strategy<Value = Vec<u8>> {
    let entry = (addr(), any::<i32>()).prop_map(|(address, preference)| RouterEntry {
        address,
        preference,
    });
    (select(&[0u8, 16][..]), any::<u16>(), vec_of(entry, 1..=16)).prop_filter_map(
        "emits",
        |(code, lifetime, entries)| {
            emitted(&Repr::RouterAdvertisement(RouterAdvertisementRepr {
                code: RouterAdvertisementCode(code),
                lifetime,
                entries: RouterEntriesRepr::List(&entries),
                trailing: &[],
            }))
        },
    )
}

/// Router solicitation (type 10, RFC 1256): always the same 8 bytes, so a single value.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::router_solicitation())| {
///     prop_assert_eq!(msg, vec![10, 0, 0xF5, 0xFF, 0, 0, 0, 0]);
/// });
/// ```
pub fn router_solicitation() -> impl Strategy<Value = Vec<u8>> {
    Just(()).prop_filter_map("emits", |()| {
        emitted(&Repr::RouterSolicitation(RouterSolicitationRepr::default()))
    })
}

fn timestamp_like(reply: bool) -> impl Strategy<Value = Vec<u8>> {
    let ms = 0u32..86_400_000;
    (any::<u16>(), any::<u16>(), ms.clone(), ms.clone(), ms).prop_filter_map(
        "emits",
        move |(identifier, sequence, originate, receive, transmit)| {
            let (receive, transmit) = if reply { (receive, transmit) } else { (0, 0) };
            let ts = TimestampRepr {
                code: 0,
                identifier,
                sequence,
                originate,
                receive,
                transmit,
                trailing: &[],
            };
            emitted(&if reply {
                Repr::TimestampReply(ts)
            } else {
                Repr::Timestamp(ts)
            })
        },
    )
}

/// Timestamp (type 13, RFC 792): an originate time in milliseconds since midnight UT, receive
/// and transmit 0.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::timestamp())| {
///     let ts = icmpwire::v4::Timestamp::parse(&msg[..]).unwrap();
///     prop_assert!(ts.originate() < 86_400_000);
/// });
/// ```
pub fn timestamp() -> impl Strategy<Value = Vec<u8>> {
    timestamp_like(false)
}

/// Timestamp reply (type 14, RFC 792): three times in milliseconds since midnight UT.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::timestamp_reply())| prop_assert_eq!(msg.len(), 20));
/// ```
pub fn timestamp_reply() -> impl Strategy<Value = Vec<u8>> {
    timestamp_like(true)
}

fn address_mask_like(reply: bool) -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>(), 0u32..=32).prop_filter_map(
        "emits",
        move |(identifier, sequence, prefix)| {
            let bits = u32::MAX
                .checked_shl(32u32.saturating_sub(prefix))
                .unwrap_or(0);
            let mask = if reply {
                Ipv4Addr::from(bits)
            } else {
                Ipv4Addr::UNSPECIFIED
            };
            let m = AddressMaskRepr {
                code: 0,
                identifier,
                sequence,
                mask,
                trailing: &[],
            };
            emitted(&if reply {
                Repr::AddressMaskReply(m)
            } else {
                Repr::AddressMaskRequest(m)
            })
        },
    )
}

/// Address mask request (type 17, RFC 950): the mask 0.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::address_mask_request())| prop_assert_eq!(msg.len(), 12));
/// ```
pub fn address_mask_request() -> impl Strategy<Value = Vec<u8>> {
    address_mask_like(false)
}

/// Address mask reply (type 18, RFC 950): a contiguous mask of 0 to 32 bits.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::address_mask_reply())| {
///     let m = icmpwire::v4::AddressMask::parse(&msg[..]).unwrap();
///     let bits = u32::from(m.mask());
///     prop_assert_eq!(bits.leading_ones() + bits.trailing_zeros(), 32);
/// });
/// ```
pub fn address_mask_reply() -> impl Strategy<Value = Vec<u8>> {
    address_mask_like(true)
}

/// Extended echo request (type 42, RFC 8335): code 0, the L bit, and an extension structure
/// with one interface identification object (by name, index or address).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::extended_echo_request())| {
///     let m = icmpwire::v4::ExtendedEchoRequest::parse(&msg[..]).unwrap();
///     prop_assert_eq!(m.extensions().unwrap().objects().count(), 1);
/// });
/// ```
pub fn extended_echo_request() -> impl Strategy<Value = Vec<u8>> {
    let name = vec_of(b'a'..=b'z', 1..16);
    (
        any::<u16>(),
        any::<u8>(),
        any::<bool>(),
        0u8..3,
        name,
        any::<u32>(),
        addr(),
    )
        .prop_filter_map(
            "emits",
            |(identifier, sequence, local, by, name, index, address)| {
                let object = match by {
                    0 => ObjectRepr::InterfaceName(&name),
                    1 => ObjectRepr::InterfaceIndex(index),
                    _ => ObjectRepr::InterfaceAddress(IpAddr::V4(address)),
                };
                let mut structure = [0u8; 32];
                let n = crate::extension::write(&[object], &mut structure).ok()?;
                emitted(&Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
                    code: 0,
                    identifier,
                    sequence,
                    local,
                    reserved: 0,
                    payload: structure.get(..n)?,
                }))
            },
        )
}

/// Extended echo reply (type 43, RFC 8335): codes 0 to 4; with code 0, a state (0 to 6) and
/// the A bit, and the 4 and 6 bits only when A is set.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::extended_echo_reply())| {
///     let m = icmpwire::v4::ExtendedEchoReply::parse(&msg[..]).unwrap();
///     prop_assert!(m.code().0 <= 4);
/// });
/// ```
pub fn extended_echo_reply() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<u16>(),
        any::<u8>(),
        0u8..=4,
        0u8..=6,
        any::<[bool; 3]>(),
    )
        .prop_filter_map(
            "emits",
            |(identifier, sequence, code, state, [active, ipv4, ipv6])| {
                let ok = code == 0;
                emitted(&Repr::ExtendedEchoReply(ExtendedEchoReplyRepr {
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
                }))
            },
        )
}

/// Traceroute (type 30, RFC 1393, historic): code 0 or 1, hop counts, link speed and MTU.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::traceroute())| {
///     let t = icmpwire::v4::Traceroute::parse(&msg[..]).unwrap();
///     prop_assert!(t.code().name().is_some());
/// });
/// ```
pub fn traceroute() -> impl Strategy<Value = Vec<u8>> {
    let counts = (any::<u16>(), any::<u16>(), any::<u16>());
    (0u8..=1, counts, any::<u32>(), any::<u32>()).prop_filter_map(
        "emits",
        |(code, (identifier, outbound_hop_count, return_hop_count), speed, mtu)| {
            emitted(&Repr::Traceroute(TracerouteRepr {
                code: TracerouteCode(code),
                identifier,
                unused: 0,
                outbound_hop_count,
                return_hop_count,
                output_link_speed: speed,
                output_link_mtu: mtu,
                trailing: &[],
            }))
        },
    )
}

/// Domain name request (type 37, RFC 1788): code 0, any identifier and sequence.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::domain_name_request())| {
///     prop_assert!(icmpwire::v4::DomainNameRequest::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn domain_name_request() -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>()).prop_filter_map("emits", |(identifier, sequence)| {
        emitted(&Repr::DomainNameRequest(DomainNameRequestRepr {
            code: 0,
            identifier,
            sequence,
            trailing: &[],
        }))
    })
}

/// Domain name reply (type 38, RFC 1788): code 0, any identifier, sequence and TTL, and up to
/// three names in DNS wire format (RFC 1788 section 3), a later one sometimes ending in a
/// compression pointer to the first (message offset 12).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::domain_name_reply())| {
///     let reply = icmpwire::v4::DomainNameReply::parse(&msg[..]).unwrap();
///     prop_assert!(reply.names().all(|n| n.is_ok()));
/// });
/// ```
pub fn domain_name_reply() -> impl Strategy<Value = Vec<u8>> {
    let label = vec_of(
        select(b"abcdefghijklmnopqrstuvwxyz0123456789-".to_vec()),
        1..12,
    );
    let name = vec_of(label, 0..4);
    let names = (
        vec_of((name, any::<bool>()), 0..4),
        any::<u16>(),
        any::<u16>(),
        any::<i32>(),
    );
    names.prop_filter_map("emits", |(names, identifier, sequence, ttl)| {
        let mut wire = Vec::new();
        for (i, (labels, compress)) in names.iter().enumerate() {
            for l in labels {
                wire.push(u8::try_from(l.len()).ok()?);
                wire.extend_from_slice(l);
            }
            if i > 0 && *compress {
                wire.extend_from_slice(&[0xC0, 12]);
            } else {
                wire.push(0);
            }
        }
        emitted(&Repr::DomainNameReply(DomainNameReplyRepr {
            code: 0,
            identifier,
            sequence,
            ttl,
            names: &wire,
        }))
    })
}

/// A message of a type icmpwire has no typed view for (kept as raw: type, code, the 4 bytes of
/// the rest of the header and the body), such as an RFC 4727 experiment (253) or an unassigned
/// type.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::other())| {
///     prop_assert!(matches!(icmpwire::v4::Message::parse(&msg[..]), Ok(icmpwire::v4::Message::Other(_))));
/// });
/// ```
pub fn other() -> impl Strategy<Value = Vec<u8>> {
    let ty = any::<u8>().prop_filter("no typed view", |t| !crate::v4::has_view(*t));
    (ty, any::<u8>(), any::<[u8; 4]>(), payload()).prop_filter_map(
        "emits",
        |(t, code, rest_of_header, payload)| {
            emitted(&Repr::Other(RawRepr {
                message_type: MessageType(t),
                code,
                rest_of_header,
                payload: &payload,
            }))
        },
    )
}

/// Any well-formed ICMPv4 message: every type above.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::message())| {
///     prop_assert!(icmpwire::v4::Message::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn message() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        echo_request(),
        echo_reply(),
        information_request(),
        information_reply(),
        timestamp(),
        timestamp_reply(),
        address_mask_request(),
        address_mask_reply(),
        router_advertisement(),
        router_solicitation(),
        extended_echo_request(),
        extended_echo_reply(),
        traceroute(),
        domain_name_request(),
        domain_name_reply(),
        photuris(),
        other(),
        error_message(),
    ]
}
