//! Strategies for Neighbor Discovery (RFC 4861) and MLD (RFC 2710, RFC 3810) messages: every
//! field drawn within its width, option lists and multicast address records built from values
//! (so each option's value decodes), every message emitted with its checksum.

use alloc::vec::Vec;
use core::net::Ipv6Addr;

use proptest::collection::vec as vec_of;
use proptest::prelude::*;

use super::{Packet, addr, emitted};
use crate::v6::{
    Addresses, MldQueryBody, MldQueryV2, MldRecordsRepr, MldReportRepr, MldRepr,
    MulticastRecordRepr, NdOptionRepr, NdOptionsRepr, NeighborAdvertisementRepr,
    NeighborSolicitationRepr, OptionType, PrefixInformation, RedirectRepr, Repr, RouteInformation,
    RouterAdvertisementRepr, RouterSolicitationRepr,
};

/// One option, as owned values: kind 0 link-layer address (source or target), 1 prefix
/// information, 2 MTU, 3 RDNSS, 4 route information, 5 nonce, 6 an unknown type.
#[derive(Clone, Debug)]
struct OptionSpec {
    kind: u8,
    words: [u32; 4],
    bytes: Vec<u8>,
    addresses: Vec<Ipv6Addr>,
}

fn option_spec() -> impl Strategy<Value = OptionSpec> {
    (
        0u8..7,
        any::<[u32; 4]>(),
        vec_of(any::<u8>(), 6..15),
        vec_of(addr(), 1..4),
    )
        .prop_map(|(kind, words, bytes, addresses)| OptionSpec {
            kind,
            words,
            bytes,
            addresses,
        })
}

/// The option `spec` describes; `target` picks the target link-layer address over the source.
fn option(spec: &OptionSpec, target: bool) -> NdOptionRepr<'_> {
    let [a, b, c, d] = spec.words;
    let first = spec
        .addresses
        .first()
        .copied()
        .unwrap_or(Ipv6Addr::UNSPECIFIED);
    let six = spec.bytes.get(..6).unwrap_or_default();
    let byte = |w: u32, shift: u32| w.checked_shr(shift).unwrap_or(0).to_le_bytes()[0];
    match spec.kind {
        0 if target => NdOptionRepr::TargetLinkLayerAddress(six),
        0 => NdOptionRepr::SourceLinkLayerAddress(six),
        1 => NdOptionRepr::PrefixInformation(PrefixInformation {
            prefix_length: byte(a, 0) % 129,
            on_link: a & 0x100 != 0,
            autonomous: a & 0x200 != 0,
            router_address: a & 0x400 != 0,
            reserved1: byte(a, 16) & 0x1F,
            valid_lifetime: b,
            preferred_lifetime: c,
            reserved2: d,
            prefix: first,
        }),
        2 => NdOptionRepr::Mtu {
            reserved: u16::from(byte(a, 0)),
            mtu: b,
        },
        3 => NdOptionRepr::Rdnss {
            reserved: u16::from(byte(a, 8)),
            lifetime: b,
            addresses: Addresses::from_slice(&spec.addresses),
        },
        4 => NdOptionRepr::RouteInformation(RouteInformation {
            prefix_length: byte(a, 0) % 129,
            preference: byte(a, 8) & 3,
            reserved1: byte(a, 16) & 7,
            reserved2: byte(a, 24) & 7,
            lifetime: b,
            prefix: first,
        }),
        5 => NdOptionRepr::Nonce(six),
        // An unassigned type (RFC 4861 4.6: kept, skipped by who does not know it).
        _ => NdOptionRepr::Unknown {
            kind: OptionType(200u8.saturating_add(byte(a, 0) % 50)),
            data: &spec.bytes,
        },
    }
}

/// A Neighbor Discovery message (router solicitation or advertisement, neighbor solicitation
/// or advertisement, redirect) with 0 to 3 options built from values, code 0.
///
/// ```
/// use proptest::prelude::*;
/// use icmpwire::AnyMessage;
/// use icmpwire::v6::Message;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::neighbor_discovery())| {
///     let m = Message::parse(&msg[..], src, dst).unwrap();
///     prop_assert!((133..=137).contains(&m.message_type().0));
/// });
/// ```
pub fn neighbor_discovery() -> impl Strategy<Value = Packet> {
    (
        addr(),
        addr(),
        133u8..138,
        any::<[u32; 4]>(),
        addr(),
        addr(),
        vec_of(option_spec(), 0..4),
    )
        .prop_filter_map(
            "emits",
            |(src, dst, ty, [a, b, c, d], target, destination, specs)| {
                let na = ty == 136;
                let list: Vec<NdOptionRepr<'_>> = specs.iter().map(|s| option(s, na)).collect();
                let options = NdOptionsRepr::List(&list);
                let repr = match ty {
                    133 => Repr::RouterSolicitation(RouterSolicitationRepr {
                        code: 0,
                        reserved: a,
                        options,
                    }),
                    134 => Repr::RouterAdvertisement(RouterAdvertisementRepr {
                        code: 0,
                        hop_limit: a.to_le_bytes()[0],
                        managed: a & 0x100 != 0,
                        other: a & 0x200 != 0,
                        home_agent: a & 0x400 != 0,
                        preference: a.to_le_bytes()[1] & 3,
                        proxy: a & 0x800 != 0,
                        reserved: a.to_le_bytes()[2] & 3,
                        router_lifetime: b.to_le_bytes()[0].into(),
                        reachable_time: c,
                        retrans_timer: d,
                        options,
                    }),
                    135 => Repr::NeighborSolicitation(NeighborSolicitationRepr {
                        code: 0,
                        reserved: a,
                        target,
                        options,
                    }),
                    136 => Repr::NeighborAdvertisement(NeighborAdvertisementRepr {
                        code: 0,
                        router: a & 1 != 0,
                        solicited: a & 2 != 0,
                        override_flag: a & 4 != 0,
                        reserved: b & 0x1FFF_FFFF,
                        target,
                        options,
                    }),
                    _ => Repr::Redirect(RedirectRepr {
                        code: 0,
                        reserved: a,
                        target,
                        destination,
                        options,
                    }),
                };
                emitted(src, dst, &repr)
            },
        )
}

/// An MLD message: an MLDv1 query, report or done, an MLDv2 query (flags, QQIC and 0 to 3
/// sources from values) or an MLDv2 report (0 to 3 records from values, each with 0 to 2
/// sources and 0 to 2 words of auxiliary data).
///
/// ```
/// use proptest::prelude::*;
/// use icmpwire::AnyMessage;
/// use icmpwire::v6::Message;
///
/// proptest!(|((src, dst, msg) in icmpwire::strategy::v6::mld())| {
///     let m = Message::parse(&msg[..], src, dst).unwrap();
///     prop_assert!(matches!(m.message_type().0, 130..=132 | 143));
/// });
/// ```
pub fn mld() -> impl Strategy<Value = Packet> {
    let record = (
        1u8..7,
        addr(),
        vec_of(addr(), 0..3),
        vec_of(any::<u32>(), 0..3),
    );
    (
        addr(),
        addr(),
        0u8..5,
        any::<[u16; 2]>(),
        addr(),
        (0u8..16, any::<bool>(), 0u8..8, any::<u8>()),
        vec_of(addr(), 0..4),
        vec_of(record, 0..4),
    )
        .prop_filter_map(
            "emits",
            |(src, dst, kind, [max, reserved], group, flags, sources, records)| {
                let (resv, suppress, qrv, qqic) = flags;
                let aux: Vec<Vec<u8>> = records
                    .iter()
                    .map(|r| r.3.iter().flat_map(|w| w.to_be_bytes()).collect())
                    .collect();
                let list: Vec<MulticastRecordRepr<'_>> = records
                    .iter()
                    .zip(&aux)
                    .map(|(r, aux)| MulticastRecordRepr {
                        record_type: r.0,
                        multicast_address: r.1,
                        sources: Addresses::from_slice(&r.2),
                        aux_data: aux,
                    })
                    .collect();
                let v1 = MldRepr {
                    code: 0,
                    max_response_code: max,
                    reserved,
                    multicast_address: group,
                    body: MldQueryBody::Bytes(&[]),
                };
                let repr = match kind {
                    0 => Repr::MulticastListenerQuery(v1),
                    1 => Repr::MulticastListenerReport(MldRepr {
                        max_response_code: 0,
                        ..v1
                    }),
                    2 => Repr::MulticastListenerDone(MldRepr {
                        max_response_code: 0,
                        ..v1
                    }),
                    3 => Repr::MulticastListenerQuery(MldRepr {
                        body: MldQueryBody::V2(MldQueryV2 {
                            resv,
                            suppress,
                            qrv,
                            qqic,
                            sources: Addresses::from_slice(&sources),
                        }),
                        ..v1
                    }),
                    _ => Repr::MulticastListenerReportV2(MldReportRepr {
                        code: 0,
                        reserved,
                        records: MldRecordsRepr::List(&list),
                    }),
                };
                emitted(src, dst, &repr)
            },
        )
}
