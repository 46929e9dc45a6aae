//! RFC 4884 multi-part ICMPv4 messages built with extension objects of every kind (RFC 4950
//! MPLS stacks, RFC 8335 interface identification by index, name and address, RFC 5837
//! interface information, raw objects): the quote is padded to a word boundary and to 128
//! bytes, the length field says so, the message's and the structure's checksums verify by the
//! RFC 1071 reference in `common`, and every object reads back as built. (Split from
//! properties.rs.)
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use std::net::Ipv4Addr;

use common::reference_sum;
use icmpwire::v4::*;
use icmpwire::*;
use proptest::prelude::*;

/// One extension object to build: kind (0 MPLS, 1 interface index, 2 raw) and the inputs of
/// each kind.
type ObjectSpec = (u8, Vec<extension::MplsEntry>, u32, u8, u8, Vec<u8>);

/// An address for an extension object: IPv4 or IPv6 from the same random bits.
fn ip_of(bits: u32, v6: bool) -> std::net::IpAddr {
    if v6 {
        std::net::IpAddr::V6(std::net::Ipv6Addr::from(
            u128::from(bits) * 0x0001_0203_0405_0607_0809_0a0b,
        ))
    } else {
        std::net::IpAddr::V4(Ipv4Addr::from(bits))
    }
}

/// Extension objects to build: MPLS stacks, interface indexes, raw objects.
fn objects() -> impl Strategy<Value = Vec<ObjectSpec>> {
    let mpls = proptest::collection::vec(
        (0u32..0x10_0000, 0u8..8, any::<bool>(), any::<u8>()).prop_map(
            |(label, traffic_class, bottom_of_stack, ttl)| extension::MplsEntry {
                label,
                traffic_class,
                bottom_of_stack,
                ttl,
            },
        ),
        0..6,
    );
    proptest::collection::vec(
        (
            0u8..6,
            mpls,
            any::<u32>(),
            any::<u8>(),
            any::<u8>(),
            proptest::collection::vec(1u8..=255, 0..40),
        ),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Error messages with RFC 4884 extensions: the quote is padded to a word boundary and to
    /// 128 bytes, the length field says so, the structure's checksum verifies, and every object
    /// reads back as built.
    #[test]
    fn extensions_round_trip(ty in prop::sample::select(vec![3u8, 11, 12]), datagram_in in proptest::collection::vec(any::<u8>(), 0..1100), specs in objects()) {
        let objs: Vec<extension::ObjectRepr<'_>> = specs
            .iter()
            .map(|(kind, mpls, index, class_num, c_type, data)| match kind {
                0 => extension::ObjectRepr::Mpls(mpls),
                1 => extension::ObjectRepr::InterfaceIndex(*index),
                2 => extension::ObjectRepr::InterfaceName(data),
                3 => extension::ObjectRepr::InterfaceAddress(ip_of(*index, class_num % 2 == 0)),
                4 => extension::ObjectRepr::InterfaceInformation(extension::InterfaceInformationRepr {
                    role: extension::InterfaceRole(c_type % 4),
                    if_index: (class_num & 1 != 0).then_some(*index),
                    address: (class_num & 2 != 0).then(|| ip_of(!*index, class_num & 16 != 0)),
                    name: (class_num & 4 != 0).then(|| &data[..data.len().min(63)]),
                    mtu: (class_num & 8 != 0).then_some(index.rotate_left(5)),
                }),
                _ => extension::ObjectRepr::Raw { class_num: *class_num, c_type: *c_type, data },
            })
            .collect();
        let repr = match ty {
            3 => Repr::DestinationUnreachable(DestinationUnreachableRepr { quote: &datagram_in, extensions: &objs, ..Default::default() }),
            11 => Repr::TimeExceeded(TimeExceededRepr { quote: &datagram_in, extensions: &objs, ..Default::default() }),
            _ => Repr::ParameterProblem(ParameterProblemRepr { quote: &datagram_in, extensions: &objs, ..Default::default() }),
        };
        let padded = datagram_in.len().max(128).div_ceil(4) * 4;
        let mut buf = vec![0xEEu8; 1600];
        if padded > 1020 {
            prop_assert_eq!(repr.emit(&mut buf), Err(EmitError::QuoteTooLong { len: datagram_in.len() }));
            return Ok(());
        }
        let n = repr.emit(&mut buf).unwrap();
        prop_assert_eq!(n, 8 + padded + extension::structure_len(&objs));
        prop_assert_eq!(reference_sum(&buf[..n]), 0xFFFF);
        let msg = Message::parse(&buf[..n]).unwrap();
        let (datagram, ext) = match &msg {
            Message::DestinationUnreachable(m) => (m.original_datagram(), m.extensions()),
            Message::TimeExceeded(m) => (m.original_datagram(), m.extensions()),
            Message::ParameterProblem(m) => (m.original_datagram(), m.extensions()),
            _ => unreachable!(),
        };
        prop_assert_eq!(buf[5] as usize * 4, padded);
        prop_assert_eq!(&datagram[..datagram_in.len()], &datagram_in[..]);
        prop_assert!(datagram[datagram_in.len()..].iter().all(|&b| b == 0));
        let ext = ext.unwrap();
        prop_assert_eq!(ext.version(), 2);
        prop_assert!(ext.checksum_valid());
        let read: Vec<_> = ext.objects().map(|o| o.unwrap()).collect();
        prop_assert_eq!(read.len(), objs.len());
        for (got, want) in read.iter().zip(&objs) {
            prop_assert_eq!(usize::from(got.length()), want.len());
            match (want, got.data()) {
                (extension::ObjectRepr::Mpls(labels), extension::ObjectData::Mpls(read)) => {
                    prop_assert!(read.eq(labels.iter().copied()));
                }
                (extension::ObjectRepr::InterfaceIndex(i), extension::ObjectData::InterfaceIdentification(Ok(id))) => {
                    prop_assert_eq!(id, extension::InterfaceIdentification::Index(*i));
                }
                (extension::ObjectRepr::InterfaceName(n), extension::ObjectData::InterfaceIdentification(Ok(id))) => {
                    prop_assert_eq!(id, extension::InterfaceIdentification::Name(n));
                }
                (extension::ObjectRepr::InterfaceAddress(a), extension::ObjectData::InterfaceIdentification(Ok(id))) => {
                    let (address, length) = match a {
                        std::net::IpAddr::V4(v4) => (extension::InterfaceAddress::V4(*v4), 4),
                        std::net::IpAddr::V6(v6) => (extension::InterfaceAddress::V6(*v6), 16),
                    };
                    prop_assert_eq!(id, extension::InterfaceIdentification::Address { address, length });
                }
                (extension::ObjectRepr::InterfaceInformation(want), extension::ObjectData::InterfaceInformation(Ok(got))) => {
                    prop_assert_eq!(got.role, want.role);
                    prop_assert_eq!((got.if_index, got.name, got.mtu), (want.if_index, want.name, want.mtu));
                    let addr = got.address.map(|a| match a {
                        extension::InterfaceAddress::V4(v4) => std::net::IpAddr::V4(v4),
                        extension::InterfaceAddress::V6(v6) => std::net::IpAddr::V6(v6),
                        other => panic!("{other:?}"),
                    });
                    prop_assert_eq!(addr, want.address);
                }
                (extension::ObjectRepr::Raw { class_num, c_type, data }, _) => {
                    prop_assert_eq!((got.class_num(), got.c_type(), got.raw_data()), (*class_num, *c_type, &data[..]));
                }
                (w, g) => prop_assert!(false, "{:?} read back as {:?}", w, g),
            }
        }
    }
}
