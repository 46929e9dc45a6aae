//! Strategies for the error messages that quote a datagram (RFC 792, RFC 1812 section 4.3.2.3)
//! and for the RFC 4884 extension objects some of them carry (RFC 4950, RFC 5837).

use alloc::vec::Vec;
use core::net::{IpAddr, Ipv4Addr};

use proptest::collection::vec as vec_of;
use proptest::prelude::*;
use proptest::sample::select;

use super::{addr, emitted};
use crate::extension::{InterfaceInformationRepr, InterfaceRole, MplsEntry, ObjectRepr};
use crate::synth::Datagram;
use crate::v4::{
    DestinationUnreachableRepr, ParameterProblemCode, ParameterProblemRepr, PhoturisCode,
    PhoturisRepr, RedirectCode, RedirectRepr, Repr, SourceQuenchRepr, TimeExceededCode,
    TimeExceededRepr, UnreachableCode,
};
use crate::{QuoteLimit, quote_datagram};

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
pub(super) type ObjectSpec = (Vec<MplsEntry>, Option<(u8, u32, Ipv4Addr, u32)>);

/// Up to three RFC 4884 extension objects, or none: MPLS label stacks (RFC 4950) and interface
/// information (RFC 5837).
pub(super) fn objects() -> impl Strategy<Value = Vec<ObjectSpec>> {
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

/// The extension objects `specs` describe; interface addresses are IPv4, or with `v6` the same
/// bits as an IPv4-mapped IPv6 address.
pub(super) fn object_reprs(specs: &[ObjectSpec], v6: bool) -> Vec<ObjectRepr<'_>> {
    specs
        .iter()
        .map(|(labels, info)| match info {
            Some((role, if_index, address, mtu)) => {
                ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
                    role: InterfaceRole(*role),
                    if_index: Some(*if_index),
                    address: Some(if v6 {
                        IpAddr::V6(address.to_ipv6_mapped())
                    } else {
                        IpAddr::V4(*address)
                    }),
                    name: None,
                    mtu: Some(*mtu),
                })
            }
            None => ObjectRepr::Mpls(labels),
        })
        .collect()
}

/// The error messages with an RFC 4884 length field (3, 11, 12): `make` builds the repr from
/// the quote and the objects.
fn with_objects(
    quote: Vec<u8>,
    specs: &[ObjectSpec],
    make: impl FnOnce(&[u8], &[ObjectRepr<'_>]) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let objects = object_reprs(specs, false);
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
///     let m = icmpwire::v4::DestinationUnreachable::parse(&msg[..]).unwrap();
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
///     prop_assert!(icmpwire::v4::TimeExceeded::parse(&msg[..]).is_ok());
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
///     prop_assert!(icmpwire::v4::ParameterProblem::parse(&msg[..]).is_ok());
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
///     prop_assert!(icmpwire::v4::SourceQuench::parse(&msg[..]).is_ok());
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

/// Photuris (type 40, RFC 2521): codes 0 to 5, the quoted datagram, a pointer to a 4-byte SPI
/// inside it (or 0).
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::photuris())| {
///     let p = icmpwire::v4::Photuris::parse(&msg[..]).unwrap();
///     prop_assert!(usize::from(p.pointer()) + 4 <= p.quote().bytes().len());
/// });
/// ```
pub fn photuris() -> impl Strategy<Value = Vec<u8>> {
    (quoted_datagram(), 0u8..=5, any::<prop::sample::Index>()).prop_filter_map(
        "emits",
        |(quote, code, at)| {
            let last = quote.len().saturating_sub(4);
            let pointer = u16::try_from(at.index(last.saturating_add(1))).unwrap_or(0);
            emitted(&Repr::Photuris(PhoturisRepr {
                code: PhoturisCode(code),
                reserved: 0,
                pointer,
                quote: &quote,
            }))
        },
    )
}

/// Redirect (type 5, RFC 792): codes 0 to 3, a gateway, the quoted datagram.
///
/// ```
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::redirect())| {
///     prop_assert!(icmpwire::v4::Redirect::parse(&msg[..]).is_ok());
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

/// An error message quoting a datagram: destination unreachable, source quench, redirect, time
/// exceeded or parameter problem.
///
/// ```
/// use icmpwire::AnyMessage;
/// use proptest::prelude::*;
///
/// proptest!(|(msg in icmpwire::strategy::error_message())| {
///     prop_assert!(icmpwire::v4::Message::parse(&msg[..]).unwrap().message_type().is_error());
/// });
/// ```
pub fn error_message() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        destination_unreachable(),
        source_quench(),
        redirect(),
        time_exceeded(),
        parameter_problem(),
        photuris(),
    ]
}
