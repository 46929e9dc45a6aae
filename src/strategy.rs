//! proptest strategies for every ICMPv4 message (feature `proptest`): each yields the bytes of
//! a well-formed message of its type, checksum included, with the codes the RFCs define
//! (RFC 792, 950, 1256, 1812, 4884, 8335), so that a property test can say "for any valid time
//! exceeded message" in one line. The error messages quote a plausible IPv4 datagram
//! ([`quoted_datagram`]) and some carry RFC 4884 extension objects (RFC 4950 MPLS, RFC 5837
//! interface information). Values shrink towards short payloads and zero fields.
//!
//! ```
//! use icmpwire::{Message, TimeExceeded};
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

use crate::extension::{InterfaceInformationRepr, InterfaceRole, MplsEntry, ObjectRepr};
use crate::synth::Datagram;
use crate::{
    AddressMaskRepr, DestinationUnreachableRepr, EchoRepr, ExtendedEchoReplyCode,
    ExtendedEchoReplyRepr, ExtendedEchoRequestRepr, MessageType, ParameterProblemCode,
    ParameterProblemRepr, QuoteLimit, RawRepr, RedirectCode, RedirectRepr, Repr,
    RouterAdvertisementCode, RouterAdvertisementRepr, RouterEntriesRepr, RouterEntry,
    RouterSolicitationRepr, SourceQuenchRepr, TimeExceededCode, TimeExceededRepr, TimestampRepr,
    TracerouteCode, TracerouteRepr, UnreachableCode, quote_datagram,
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

/// An echo-like message (echo, information) of type `ty`, code 0.
fn echo_like(ty: MessageType) -> impl Strategy<Value = Vec<u8>> {
    (any::<u16>(), any::<u16>(), payload()).prop_filter_map("emits", move |(id, seq, data)| {
        let echo = EchoRepr {
            code: 0,
            identifier: id,
            sequence: seq,
            data: &data,
        };
        emitted(&match ty {
            MessageType::ECHO_REPLY => Repr::EchoReply(echo),
            MessageType::INFORMATION_REQUEST => Repr::InformationRequest(echo),
            MessageType::INFORMATION_REPLY => Repr::InformationReply(echo),
            _ => Repr::EchoRequest(echo),
        })
    })
}

/// Echo request (type 8, RFC 792): any identifier, sequence and data.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::echo_request())| {
///     prop_assert!(icmpwire::Echo::parse(&msg[..]).is_ok());
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

/// An offending IPv4 datagram as an error message quotes it (RFC 792 section "Destination
/// Unreachable", RFC 1812 section 4.3.2.3): a header with a valid checksum (IHL 5 to 15,
/// options), then UDP, TCP, ICMP echo or GRE bytes, cut to the RFC 792 length (header and 8
/// bytes) or the RFC 1812 one (up to 548 bytes).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(q in icmpwire::strategy::quoted_datagram())| {
///     let ip = icmpwire::Quote::new(&q).ipv4().unwrap();
///     prop_assert!(ip.header_checksum_valid());
///     prop_assert!(ip.transport().unwrap().len() >= 8);
/// });
/// ```
pub fn quoted_datagram() -> impl Strategy<Value = Vec<u8>> {
    let header = (
        prop_oneof![3 => Just(5u8), 1 => 6u8..=15],
        any::<u8>(),
        any::<u16>(),
        any::<bool>(),
        1u8..=255,
        select(&[17u8, 6, 1, 47][..]),
        any::<[u8; 4]>(),
        any::<[u8; 4]>(),
    );
    (
        header,
        vec_of(any::<u8>(), 40),
        vec_of(any::<u8>(), 8..600),
        any::<bool>(),
    )
        .prop_map(
            |(
                (ihl, tos, identification, df, ttl, protocol, src, dst),
                options,
                payload,
                rfc792,
            )| {
                let d = Datagram {
                    ihl,
                    tos,
                    identification,
                    dont_fragment: df,
                    ttl,
                    protocol,
                    src,
                    dst,
                    options: &options,
                    payload: &payload,
                }
                .bytes();
                let limit = if rfc792 {
                    QuoteLimit::Rfc792
                } else {
                    QuoteLimit::Rfc1812
                };
                quote_datagram(&d, limit).to_vec()
            },
        )
}

/// One extension object to build: an MPLS label stack, or (when the second part is set)
/// interface information with role, ifIndex, address and MTU.
type ObjectSpec = (Vec<MplsEntry>, Option<(u8, u32, Ipv4Addr, u32)>);

/// Up to three RFC 4884 extension objects, or none: MPLS label stacks (RFC 4950) and interface
/// information (RFC 5837).
fn objects() -> impl Strategy<Value = Vec<ObjectSpec>> {
    let mpls = (0u32..=0xF_FFFF, 0u8..=7, any::<bool>(), any::<u8>()).prop_map(
        |(label, traffic_class, bottom_of_stack, ttl)| MplsEntry {
            label,
            traffic_class,
            bottom_of_stack,
            ttl,
        },
    );
    let info = (0u8..=3, any::<u32>(), addr(), any::<u32>());
    prop_oneof![
        1 => Just(Vec::new()),
        1 => vec_of((vec_of(mpls, 1..4), proptest::option::of(info)), 1..=3),
    ]
}

/// The error messages with an RFC 4884 length field (3, 11, 12): `make` builds the repr from
/// the quote and the objects.
fn with_objects(
    quote: Vec<u8>,
    specs: &[ObjectSpec],
    make: impl FnOnce(&[u8], &[ObjectRepr<'_>]) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let objects: Vec<ObjectRepr<'_>> = specs
        .iter()
        .map(|(labels, info)| match info {
            Some((role, if_index, address, mtu)) => {
                ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
                    role: InterfaceRole(*role),
                    if_index: Some(*if_index),
                    address: Some(IpAddr::V4(*address)),
                    name: None,
                    mtu: Some(*mtu),
                })
            }
            None => ObjectRepr::Mpls(labels),
        })
        .collect();
    // With extensions, the original datagram is cut to 128 bytes (RFC 4884's minimum for it),
    // so that the message stays within RFC 1812's 576.
    let quote = if objects.is_empty() {
        &quote[..]
    } else {
        quote.get(..128).unwrap_or(&quote)
    };
    make(quote, &objects)
}

/// Destination unreachable (type 3, RFC 792, 1122, 1191, 1812, 4884): codes 0 to 15, a
/// next-hop MTU with code 4, the quoted datagram, sometimes extension objects.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::destination_unreachable())| {
///     let m = icmpwire::DestinationUnreachable::parse(&msg[..]).unwrap();
///     prop_assert!(m.code().name().is_some());
/// });
/// ```
pub fn destination_unreachable() -> impl Strategy<Value = Vec<u8>> {
    (0u8..=15, any::<u16>(), quoted_datagram(), objects()).prop_filter_map(
        "emits",
        |(code, mtu, quote, specs)| {
            with_objects(quote, &specs, |quote, extensions| {
                emitted(&Repr::DestinationUnreachable(DestinationUnreachableRepr {
                    code: UnreachableCode(code),
                    next_hop_mtu: if code == 4 { mtu } else { 0 },
                    quote,
                    extensions,
                    ..Default::default()
                }))
            })
        },
    )
}

/// Time exceeded (type 11, RFC 792, 4884): codes 0 and 1, the quoted datagram, sometimes
/// extension objects (MPLS stacks, as label-switching routers attach).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::time_exceeded())| {
///     prop_assert!(icmpwire::TimeExceeded::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn time_exceeded() -> impl Strategy<Value = Vec<u8>> {
    (0u8..=1, quoted_datagram(), objects()).prop_filter_map("emits", |(code, quote, specs)| {
        with_objects(quote, &specs, |quote, extensions| {
            emitted(&Repr::TimeExceeded(TimeExceededRepr {
                code: TimeExceededCode(code),
                quote,
                extensions,
                ..Default::default()
            }))
        })
    })
}

/// Parameter problem (type 12, RFC 792, 1108, 4884): codes 0 to 2, a pointer to an octet of
/// the quoted header with code 0, sometimes extension objects.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::parameter_problem())| {
///     prop_assert!(icmpwire::ParameterProblem::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn parameter_problem() -> impl Strategy<Value = Vec<u8>> {
    (0u8..=2, any::<u8>(), quoted_datagram(), objects()).prop_filter_map(
        "emits",
        |(code, pointer, quote, specs)| {
            // An octet of the quoted header (RFC 792: where the error was found).
            let header_len = quote.first().map_or(20, |b| (b & 0x0F).saturating_mul(4));
            let pointer = pointer.checked_rem(header_len).unwrap_or(0);
            with_objects(quote, &specs, |quote, extensions| {
                emitted(&Repr::ParameterProblem(ParameterProblemRepr {
                    code: ParameterProblemCode(code),
                    pointer: if code == 0 { pointer } else { 0 },
                    quote,
                    extensions,
                    ..Default::default()
                }))
            })
        },
    )
}

/// Source quench (type 4, RFC 792; deprecated by RFC 6633): the quoted datagram.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::source_quench())| {
///     prop_assert!(icmpwire::SourceQuench::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn source_quench() -> impl Strategy<Value = Vec<u8>> {
    quoted_datagram().prop_filter_map("emits", |quote| {
        emitted(&Repr::SourceQuench(SourceQuenchRepr {
            code: 0,
            unused: 0,
            quote: &quote,
        }))
    })
}

/// Redirect (type 5, RFC 792): codes 0 to 3, a gateway, the quoted datagram.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::redirect())| {
///     prop_assert!(icmpwire::Redirect::parse(&msg[..]).is_ok());
/// });
/// ```
pub fn redirect() -> impl Strategy<Value = Vec<u8>> {
    (0u8..=3, addr(), quoted_datagram()).prop_filter_map("emits", |(code, gateway, quote)| {
        emitted(&Repr::Redirect(RedirectRepr {
            code: RedirectCode(code),
            gateway,
            quote: &quote,
        }))
    })
}

/// Router advertisement (type 9, RFC 1256): code 0 (or 16, RFC 5944's "does not route common
/// traffic"), a lifetime, 1 to 16 entries of 2 words.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::router_advertisement())| {
///     let ra = icmpwire::RouterAdvertisement::parse(&msg[..]).unwrap();
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
///     let ts = icmpwire::Timestamp::parse(&msg[..]).unwrap();
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
///     let m = icmpwire::AddressMask::parse(&msg[..]).unwrap();
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
///     let m = icmpwire::ExtendedEchoRequest::parse(&msg[..]).unwrap();
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
///     let m = icmpwire::ExtendedEchoReply::parse(&msg[..]).unwrap();
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
///     let t = icmpwire::Traceroute::parse(&msg[..]).unwrap();
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

/// A message of a type icmpwire has no typed view for (kept as raw: type, code, the 4 bytes of
/// the rest of the header and the body), such as Photuris (40) or an unassigned type.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::other())| {
///     prop_assert!(matches!(icmpwire::Message::parse(&msg[..]), Ok(icmpwire::Message::Other(_))));
/// });
/// ```
pub fn other() -> impl Strategy<Value = Vec<u8>> {
    let ty = any::<u8>().prop_filter(
        "no typed view",
        |t| !matches!(t, 0 | 3..=5 | 8..=18 | 30 | 42 | 43),
    );
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

/// An error message quoting a datagram: destination unreachable, source quench, redirect, time
/// exceeded or parameter problem.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::error_message())| {
///     prop_assert!(icmpwire::Message::parse(&msg[..]).unwrap().message_type().is_error());
/// });
/// ```
pub fn error_message() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        destination_unreachable(),
        source_quench(),
        redirect(),
        time_exceeded(),
        parameter_problem(),
    ]
}

/// Any well-formed ICMPv4 message: every type above.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::message())| {
///     prop_assert!(icmpwire::Message::parse(&msg[..]).is_ok());
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
        other(),
        error_message(),
    ]
}
