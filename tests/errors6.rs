//! One test per error an ICMPv6 message or its quote can give, and per error variant the
//! RFC 1788 names added, asserting the exact variant, its numbers and its text. Checksums are
//! computed by the RFC 1071 reference in `common` over the RFC 8200 section 8.1 pseudo-header.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use std::net::Ipv6Addr;

use common::reference_checksum6;
use icmpwire::v6::{DestinationUnreachable, Echo, Message, PacketTooBig, Repr};
use icmpwire::{EmitError, ParseError, Part, Quote};

const SRC: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
const DST: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 2);

fn sealed(mut msg: Vec<u8>) -> Vec<u8> {
    let c = reference_checksum6(SRC, DST, &msg);
    msg[2..4].copy_from_slice(&c.to_be_bytes());
    msg
}

/// A quoted IPv6 header with `next` as its next header, then `rest`.
fn ipv6(next: u8, rest: &[u8]) -> Vec<u8> {
    let mut q = vec![0x60, 0, 0, 0];
    q.extend_from_slice(&(rest.len() as u16).to_be_bytes());
    q.extend_from_slice(&[next, 64]);
    q.extend_from_slice(&DST.octets());
    q.extend_from_slice(&SRC.octets());
    q.extend_from_slice(rest);
    q
}

#[test]
fn truncated_header() {
    // A type without a view needs its first 4 bytes; a typed view needs its 8.
    let err = Message::parse(&[200u8, 0, 0][..], SRC, DST).unwrap_err();
    assert_eq!(
        err,
        ParseError::Truncated {
            part: Part::Header,
            required: 4,
            actual: 3
        }
    );
    let err = Message::parse_unverified(&[2u8, 0, 0, 0, 0, 0][..]).unwrap_err();
    assert_eq!(
        err,
        ParseError::Truncated {
            part: Part::Header,
            required: 8,
            actual: 6
        }
    );
    assert_eq!(
        err.to_string(),
        "ICMP header truncated: 8 bytes required, 6 present"
    );
}

#[test]
fn bad_checksum_names_both_values() {
    let mut msg = sealed(vec![128, 0, 0, 0, 0x12, 0x34, 0, 1, 0xAB]);
    let right = u16::from_be_bytes([msg[2], msg[3]]);
    msg[2] ^= 0x40;
    let found = u16::from_be_bytes([msg[2], msg[3]]);
    assert_eq!(
        Message::parse(&msg[..], SRC, DST).unwrap_err(),
        ParseError::BadChecksum {
            found,
            expected: right
        }
    );
    // The checksum of ICMPv4 (no pseudo-header) does not verify either.
    let mut v4_style = msg.clone();
    v4_style[2..4].fill(0);
    let c = common::reference_checksum_of_message(&v4_style);
    v4_style[2..4].copy_from_slice(&c.to_be_bytes());
    assert!(matches!(
        Message::parse(&v4_style[..], SRC, DST),
        Err(ParseError::BadChecksum { expected, .. }) if expected == right
    ));
}

#[test]
fn wrong_type() {
    let msg = sealed(vec![129, 0, 0, 0, 0, 1, 0, 1]);
    assert_eq!(
        PacketTooBig::parse(&msg[..], SRC, DST).unwrap_err(),
        ParseError::WrongType {
            expected: 2,
            found: 129
        }
    );
    assert_eq!(
        DestinationUnreachable::parse_unverified(&msg[..]).unwrap_err(),
        ParseError::WrongType {
            expected: 1,
            found: 129
        }
    );
    assert!(Echo::parse(&msg[..], SRC, DST).is_ok());
}

#[test]
fn truncated_quoted_ipv6_header() {
    let q = ipv6(17, &[]);
    let err = Quote::new(&q[..39]).ipv6().unwrap_err();
    assert_eq!(
        err,
        ParseError::Truncated {
            part: Part::QuotedIpv6Header,
            required: 40,
            actual: 39
        }
    );
    assert_eq!(
        err.to_string(),
        "quoted IPv6 header truncated: 40 bytes required, 39 present"
    );
}

#[test]
fn quoted_version_is_not_6() {
    let mut q = ipv6(17, &[0; 8]);
    q[0] = 0x45;
    let err = Quote::new(&q).ipv6().unwrap_err();
    assert_eq!(
        err,
        ParseError::QuotedVersion {
            expected: 6,
            version: 4
        }
    );
    assert_eq!(err.to_string(), "quoted packet has IP version 4, not 6");
}

#[test]
fn truncated_quoted_extension_header() {
    // Hop-by-hop (0) says 2 units (24 bytes) and 10 are there.
    let q = ipv6(0, &[17, 2, 1, 4, 0, 0, 0, 0, 0, 0]);
    let ip = Quote::new(&q).ipv6().unwrap();
    let err = ip.upper_layer().unwrap_err();
    assert_eq!(
        err,
        ParseError::Truncated {
            part: Part::QuotedExtensionHeader,
            required: 24,
            actual: 10
        }
    );
    assert_eq!(
        err.to_string(),
        "quoted IPv6 extension header truncated: 24 bytes required, 10 present"
    );
    // The same error from the transport accessors, and from the chain walk itself.
    assert_eq!(ip.ports().unwrap_err(), err);
    assert_eq!(ip.extension_headers().last().unwrap().unwrap_err(), err);
    // One byte, not even the next header and length: 2 required.
    let q = ipv6(60, &[17]);
    assert_eq!(
        Quote::new(&q).ipv6().unwrap().upper_layer().unwrap_err(),
        ParseError::Truncated {
            part: Part::QuotedExtensionHeader,
            required: 2,
            actual: 1
        }
    );
}

#[test]
fn quoted_non_first_fragment() {
    // Fragment header (44): next header UDP, offset 185 (8-byte units), M set.
    let offset: u16 = 185;
    let word = (offset << 3) | 1;
    let mut rest = vec![17, 0];
    rest.extend_from_slice(&word.to_be_bytes());
    rest.extend_from_slice(&[0, 0, 0, 9, 0, 53, 0, 53]);
    let q = ipv6(44, &rest);
    let ip = Quote::new(&q).ipv6().unwrap();
    let err = ip.udp().unwrap_err();
    assert_eq!(err, ParseError::QuotedFragment { offset });
    assert_eq!(ip.ports().unwrap_err(), err);
    assert!(ip.upper_layer().unwrap().is_non_first_fragment());
}

#[test]
fn quoted_protocol_and_ports() {
    let q = ipv6(6, &[0, 80, 0x9c]);
    let ip = Quote::new(&q).ipv6().unwrap();
    assert_eq!(
        ip.udp().unwrap_err(),
        ParseError::QuotedProtocol {
            expected: 17,
            found: 6
        }
    );
    assert_eq!(
        ip.ports().unwrap_err(),
        ParseError::Truncated {
            part: Part::QuotedPorts,
            required: 4,
            actual: 3
        }
    );
    let q = ipv6(58, &[128]);
    assert_eq!(
        Quote::new(&q).ipv6().unwrap().icmp().unwrap_err(),
        ParseError::Truncated {
            part: Part::QuotedIcmp,
            required: 2,
            actual: 1
        }
    );
}

#[test]
fn emit_into_a_short_buffer() {
    let repr = Repr::EchoRequest(icmpwire::EchoRepr {
        data: &[1, 2, 3],
        ..Default::default()
    });
    let mut buf = [0xEEu8; 10];
    assert_eq!(
        repr.emit(SRC, DST, &mut buf),
        Err(EmitError::BufferTooSmall {
            required: 11,
            actual: 10
        })
    );
    assert_eq!(buf, [0xEE; 10], "nothing written");
}

/// A domain name reply (RFC 1788 section 3) with `names` after the 12-byte fixed part.
fn reply(names: &[u8]) -> Vec<u8> {
    let mut m = vec![38, 0, 0, 0, 0x12, 0x34, 0, 1, 0, 0, 0x0e, 0x10];
    m.extend_from_slice(names);
    let c = common::reference_checksum_of_message(&m);
    m[2..4].copy_from_slice(&c.to_be_bytes());
    m
}

fn first_name_error(msg: &[u8]) -> ParseError {
    let r = icmpwire::v4::DomainNameReply::parse(msg).unwrap();
    r.names().find_map(Result::err).unwrap()
}

#[test]
fn truncated_domain_name_reply() {
    let mut m = reply(&[]);
    m.truncate(11);
    assert_eq!(
        icmpwire::v4::DomainNameReply::parse_unverified(&m[..]).unwrap_err(),
        ParseError::Truncated {
            part: Part::DomainNameReply,
            required: 12,
            actual: 11
        }
    );
}

#[test]
fn truncated_domain_name() {
    // "exam" of a 7-octet label, then the message ends.
    let m = reply(&[7, b'e', b'x', b'a', b'm']);
    let err = first_name_error(&m);
    assert_eq!(
        err,
        ParseError::Truncated {
            part: Part::DomainName,
            required: 8,
            actual: 5
        }
    );
    assert_eq!(
        err.to_string(),
        "domain name truncated: 8 bytes required, 5 present"
    );
}

#[test]
fn name_label_with_reserved_bits() {
    // 0x40: length octet with bits 01, reserved (RFC 1788 section 1.3).
    let m = reply(&[1, b'a', 0x40, 0]);
    let err = first_name_error(&m);
    assert_eq!(err, ParseError::NameLabel { at: 14, byte: 0x40 });
    assert_eq!(
        err.to_string(),
        "domain name label at offset 14 has the reserved length octet 0x40"
    );
}

#[test]
fn name_pointer_forward() {
    // A pointer at offset 12 to offset 14: forward, not "a prior occurrence".
    let m = reply(&[0xC0, 14, 0]);
    let err = first_name_error(&m);
    assert_eq!(err, ParseError::NamePointer { at: 12, target: 14 });
    assert_eq!(
        err.to_string(),
        "domain name pointer at offset 12 to offset 14 does not point to an earlier name"
    );
    // Into the fixed part.
    let m = reply(&[0xC0, 4]);
    assert_eq!(
        first_name_error(&m),
        ParseError::NamePointer { at: 12, target: 4 }
    );
}

#[test]
fn name_too_long() {
    // Five labels of 63 octets: 5 * 64 + 1 = 321 octets, past 255 at the fourth label.
    let mut names = Vec::new();
    for _ in 0..5 {
        names.push(63);
        names.extend_from_slice(&[b'a'; 63]);
    }
    names.push(0);
    let m = reply(&names);
    match first_name_error(&m) {
        ParseError::NameTooLong { at, len } => {
            assert_eq!(at, 12);
            assert!(len > 255 && len <= 256 + 63, "{len}");
        }
        other => panic!("{other:?}"),
    }
}
