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

/// RFC 4884 section 5 (compatibility with implementations that predate the length field):
/// with the length field 0, a version-2 structure with a valid checksum at byte 128 of the
/// quote is an extension; the same bytes with a broken structure checksum, or another version
/// there, are all datagram. Built by hand from the RFC layout; the structure's checksum by the
/// RFC 1071 reference.
#[test]
fn structure_at_byte_128_without_length_field() {
    let build = |version: u8, break_checksum: bool| {
        let mut bytes = vec![11u8, 0, 0, 0, 0, 0, 0, 0];
        bytes.extend_from_slice(&[0x45; 128]);
        // Header (version, reserved, checksum), then one RFC 4950 object (length 8, class 1,
        // c-type 1): label 16, S set, TTL 64.
        let mut ext = vec![version << 4, 0, 0, 0, 0, 8, 1, 1, 0x00, 0x01, 0x01, 0x40];
        let sum = !reference_sum(&ext) ^ u16::from(break_checksum);
        ext[2..4].copy_from_slice(&sum.to_be_bytes());
        bytes.extend_from_slice(&ext);
        let sum = !reference_sum(&bytes);
        bytes[2..4].copy_from_slice(&sum.to_be_bytes());
        bytes
    };
    let good = build(2, false);
    let msg = TimeExceeded::parse(&good[..]).unwrap();
    assert_eq!(msg.length_field(), 0);
    assert_eq!(msg.original_datagram(), &good[8..136]);
    let ext = msg.extensions().unwrap(); // the structure at byte 128
    assert!(ext.checksum_valid());
    let object = ext.objects().next().unwrap().unwrap();
    assert_eq!((object.class_num(), object.c_type()), (1, 1));
    for bytes in [build(2, true), build(1, false), build(3, false)] {
        let msg = TimeExceeded::parse(&bytes[..]).unwrap();
        assert!(msg.extensions().is_none(), "{bytes:02x?}");
        assert_eq!(msg.original_datagram(), &bytes[8..]);
    }
}

/// The extension header's fields on a header where none is the default: version 2, the 12
/// reserved bits 0xABC, the checksum !0x2ABC (RFC 4884 section 7 layout).
#[test]
fn extension_header_fields() {
    let ext = extension::Extensions::parse(&[0x2A, 0xBC, 0xD5, 0x43]).unwrap();
    assert_eq!(ext.version(), 2);
    assert_eq!(ext.reserved(), 0xABC);
    assert_eq!(ext.checksum(), 0xD543);
    assert!(ext.checksum_valid());
    let ext = extension::Extensions::parse(&[0x1F, 0xFF, 0xD5, 0x43]).unwrap();
    assert_eq!((ext.version(), ext.reserved()), (1, 0xFFF));
    assert!(!ext.checksum_valid());
}

/// RFC 5837 section 4.1's c-type on the wire: the reserved bits 5-4 read back apart from the
/// role (bits 7-6) and the presence bits (3-0); here role 2 (outgoing), reserved 3, only the
/// MTU present.
#[test]
fn interface_information_reserved_bits() {
    let mtu = 1500u32.to_be_bytes();
    for (c_type, role, reserved) in [(0xB1u8, 2u8, 3u8), (0x91, 2, 1), (0xA1, 2, 2), (0x81, 2, 0)] {
        let info = extension::InterfaceInformation::parse(c_type, &mtu).unwrap();
        assert_eq!(
            (info.role.0, info.reserved),
            (role, reserved),
            "c-type {c_type:#04x}"
        );
        assert_eq!(info.mtu, Some(1500));
        assert_eq!((info.if_index, info.address, info.name), (None, None, None));
    }
}

/// RFC 8335 section 2.1: an address whose length does not match its AFI (4 bytes for AFI 1,
/// 16 for AFI 2) is not read as an address of that family but kept with its AFI and bytes.
#[test]
fn interface_identification_address_length_must_match_afi() {
    for (afi, length) in [(1u16, 16u8), (2, 20)] {
        let mut data = afi.to_be_bytes().to_vec();
        data.extend([length, 0]);
        data.extend(1..=length);
        let id = extension::InterfaceIdentification::parse(3, &data).unwrap();
        assert_eq!(
            id,
            extension::InterfaceIdentification::Address {
                address: extension::InterfaceAddress::Other {
                    afi,
                    bytes: &data[4..]
                },
                length
            }
        );
    }
    // The matching lengths give the families.
    let id = extension::InterfaceIdentification::parse(3, &[0, 1, 4, 0, 192, 0, 2, 1]).unwrap();
    assert_eq!(
        id,
        extension::InterfaceIdentification::Address {
            address: extension::InterfaceAddress::V4(Ipv4Addr::new(192, 0, 2, 1)),
            length: 4
        }
    );
}

/// Every object has a 4-byte header: `len()` counts it, `is_empty()` is false for each kind.
#[test]
fn object_repr_is_never_empty() {
    for object in [
        extension::ObjectRepr::InterfaceIndex(7),
        extension::ObjectRepr::InterfaceName(b""),
        extension::ObjectRepr::Raw {
            class_num: 9,
            c_type: 9,
            data: &[],
        },
    ] {
        assert!(!object.is_empty(), "{object:?}");
        assert!(object.len() >= 4, "{object:?}");
    }
}

/// RFC 4884 section 4.1: the length field counts the original datagram in 32-bit words in one
/// octet, so 255 words (1020 bytes) is the longest quote extensions can follow; one byte more
/// is refused, not cut.
#[test]
fn the_longest_quote_is_255_words() {
    let objs = [extension::ObjectRepr::InterfaceIndex(1)];
    let quote = vec![0x45u8; 1021];
    let mut buf = vec![0xEEu8; 1200];
    let at_bound = Repr::TimeExceeded(TimeExceededRepr {
        quote: &quote[..1020],
        extensions: &objs,
        ..Default::default()
    });
    let n = at_bound.emit(&mut buf).unwrap();
    assert_eq!(n, 8 + 1020 + 12);
    assert_eq!(buf[5], 255);
    assert_eq!(reference_sum(&buf[..n]), 0xFFFF);
    let over = Repr::TimeExceeded(TimeExceededRepr {
        quote: &quote,
        extensions: &objs,
        ..Default::default()
    });
    assert_eq!(
        over.emit(&mut buf),
        Err(EmitError::QuoteTooLong { len: 1021 })
    );
}

/// `extension::write` on its own (an extended echo request's payload, RFC 8335 section 2):
/// the structure's length comes back, its bytes laid out as RFC 4884 section 7 and RFC 8335
/// section 2.1 draw them (version 2, checksum, then each object's length, class 3, c-type 2
/// and the ifIndex), and a buffer one byte short is refused with nothing written.
#[test]
fn write_returns_the_structure_length() {
    let objs = [
        extension::ObjectRepr::InterfaceIndex(1),
        extension::ObjectRepr::InterfaceIndex(0x0102_0304),
    ];
    let mut buf = [0xEEu8; 24];
    let n = extension::write(&objs, &mut buf).unwrap();
    assert_eq!(n, 20);
    let sum = !reference_sum(&[
        0x20, 0, 0, 0, 0, 8, 3, 2, 0, 0, 0, 1, 0, 8, 3, 2, 1, 2, 3, 4,
    ]);
    let mut want = vec![0x20, 0];
    want.extend_from_slice(&sum.to_be_bytes());
    want.extend_from_slice(&[0, 8, 3, 2, 0, 0, 0, 1, 0, 8, 3, 2, 1, 2, 3, 4]);
    assert_eq!(&buf[..n], &want[..]);
    assert_eq!(&buf[n..], &[0xEE; 4]);
    let mut short = [0xEEu8; 19];
    assert_eq!(
        extension::write(&objs, &mut short),
        Err(EmitError::BufferTooSmall {
            required: 20,
            actual: 19
        })
    );
    assert_eq!(short, [0xEE; 19]);
}
