//! One test for every error variant and `Part` the other per-error files (errors.rs, errors6.rs,
//! domain_name.rs, mobility.rs, rfc4884.rs) leave out, each with the exact variant and numbers
//! from the RFC layouts; and a check that every variant of `ParseError`, `EmitError` and
//! `Part` is named by some integration test, so that a new one cannot go untested unnoticed.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::net::{IpAddr, Ipv6Addr};

use icmpwire::extension::{
    InterfaceIdentification, InterfaceInformation, InterfaceInformationRepr, ObjectRepr,
};
use icmpwire::v4::{Repr, TimeExceededRepr};
use icmpwire::{EmitError, ParseError, Part};

/// RFC 5837 section 4.2: the IP address sub-object is a 2-byte AFI, 2 reserved bytes, then
/// the address; only AFI 1 (IPv4) and 2 (IPv6) have lengths the RFC gives. AFI 3 (NSAP) is
/// refused, since nothing after it could be located.
#[test]
fn unknown_address_family() {
    // c-type 0x04: the address sub-object only.
    let data = [0, 3, 0, 0, 1, 2, 3, 4];
    assert_eq!(
        InterfaceInformation::parse(0x04, &data),
        Err(ParseError::UnknownAddressFamily { afi: 3 })
    );
    assert_eq!(
        InterfaceInformation::parse(0x04, &[0xFF, 0xFF, 0, 0]),
        Err(ParseError::UnknownAddressFamily { afi: 0xFFFF })
    );
}

/// Every cut sub-object of RFC 5837 section 4.1's order (ifIndex 0x08, address 0x04, name
/// 0x02, MTU 0x01), with the bytes each needs.
#[test]
fn interface_information_cut() {
    let cut = |required, actual| {
        Err(ParseError::Truncated {
            part: Part::InterfaceInformation,
            required,
            actual,
        })
    };
    assert_eq!(InterfaceInformation::parse(0x08, &[0, 0, 1]), cut(4, 3));
    // The address sub-object's 4-byte header, then the 4 or 16 address bytes.
    assert_eq!(InterfaceInformation::parse(0x04, &[0, 1]), cut(4, 2));
    assert_eq!(
        InterfaceInformation::parse(0x04, &[0, 1, 0, 0, 192, 0]),
        cut(4, 2)
    );
    assert_eq!(
        InterfaceInformation::parse(0x04, &[0, 2, 0, 0, 0x20, 1, 0xd, 0xb8]),
        cut(16, 4)
    );
    // The name: a length octet counting itself (8: 7 bytes follow), 3 present.
    assert_eq!(InterfaceInformation::parse(0x02, &[]), cut(1, 0));
    assert_eq!(
        InterfaceInformation::parse(0x02, &[8, b'e', b't', b'h']),
        cut(7, 3)
    );
    assert_eq!(InterfaceInformation::parse(0x01, &[0, 0, 5]), cut(4, 3));
    // All four, the MTU cut: what comes before is consumed first.
    let mut all = vec![0, 0, 0, 7, 0, 1, 0, 0, 192, 0, 2, 1, 4, b'e', b't', 0];
    all.extend_from_slice(&[0, 0]);
    assert_eq!(InterfaceInformation::parse(0x0F, &all), cut(4, 2));
}

/// RFC 8335 section 2.1: by ifIndex (c-type 2, 4 bytes), by address (c-type 3: AFI, address
/// length, reserved, then the address).
#[test]
fn interface_identification_cut() {
    let cut = |required, actual| {
        Err(ParseError::Truncated {
            part: Part::InterfaceIdentification,
            required,
            actual,
        })
    };
    assert_eq!(InterfaceIdentification::parse(2, &[0, 0, 1]), cut(4, 3));
    assert_eq!(InterfaceIdentification::parse(3, &[0, 2, 16]), cut(4, 3));
    assert_eq!(
        InterfaceIdentification::parse(3, &[0, 2, 16, 0, 0x20, 1, 0xd, 0xb8]),
        cut(16, 4)
    );
}

/// Emit errors write nothing: the buffer is compared whole.
fn emit_err(repr: Repr<'_>) -> EmitError {
    let mut buf = vec![0x5Au8; 70_000];
    let err = repr.emit(&mut buf).unwrap_err();
    assert!(buf.iter().all(|&b| b == 0x5A), "nothing written on {err:?}");
    err
}

/// RFC 4884 section 7: an object's length is 16 bits, header included, so 65531 data bytes
/// (65535 in all) fit and 65532 do not.
#[test]
fn extension_too_long() {
    let data = vec![0u8; 65532];
    let obj = [ObjectRepr::Raw {
        class_num: 200,
        c_type: 1,
        data: &data,
    }];
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        extensions: &obj,
        ..Default::default()
    });
    assert_eq!(emit_err(repr), EmitError::ExtensionTooLong { len: 65536 });
    let fits = [ObjectRepr::Raw {
        class_num: 200,
        c_type: 1,
        data: &data[..65531],
    }];
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        extensions: &fits,
        ..Default::default()
    });
    let mut buf = vec![0u8; repr.buffer_len()];
    assert_eq!(repr.emit(&mut buf), Ok(8 + 128 + 4 + 65535));
    assert_eq!(buf[8 + 128 + 4..8 + 128 + 6], [0xFF, 0xFF]);
}

/// RFC 5837 section 4.3: the interface name sub-object (length octet, name, padding) is at
/// most 64 bytes, so a name has at most 63.
#[test]
fn interface_name_too_long() {
    let name = [b'x'; 64];
    let info = |n| {
        [ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
            name: Some(&name[..n]),
            if_index: Some(7),
            address: Some(IpAddr::V6(Ipv6Addr::LOCALHOST)),
            ..Default::default()
        })]
    };
    let long = info(64);
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        extensions: &long,
        ..Default::default()
    });
    assert_eq!(emit_err(repr), EmitError::InterfaceNameTooLong { len: 64 });
    let fits = info(63);
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        extensions: &fits,
        ..Default::default()
    });
    let mut buf = vec![0u8; repr.buffer_len()];
    let n = repr.emit(&mut buf).unwrap();
    // Object header (4) + ifIndex (4) + address sub-object (4 + 16) + name (64).
    assert_eq!(n, 8 + 128 + 4 + 4 + 4 + 20 + 64);
    assert_eq!(buf[8 + 128 + 4 + 4 + 4 + 20], 64, "the name's length octet");
}

/// RFC 4884 section 5.1 (ICMPv4): the length field counts 32-bit words, at most 255, so a
/// quote padded past 1020 bytes cannot carry extensions; without extensions any length goes.
#[test]
fn quote_too_long() {
    let quote = vec![0x45u8; 1021];
    let obj = [ObjectRepr::InterfaceIndex(1)];
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        quote: &quote,
        extensions: &obj,
        ..Default::default()
    });
    assert_eq!(emit_err(repr), EmitError::QuoteTooLong { len: 1021 });
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        quote: &quote[..1020],
        extensions: &obj,
        ..Default::default()
    });
    let mut buf = vec![0u8; repr.buffer_len()];
    repr.emit(&mut buf).unwrap();
    assert_eq!(buf[5], 255);
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        quote: &quote,
        ..Default::default()
    });
    let mut buf = vec![0u8; repr.buffer_len()];
    assert_eq!(repr.emit(&mut buf), Ok(8 + 1021));
    // ICMPv6 (RFC 4884 section 4.2 for ICMPv6): 64-bit words, so 255 words are 2040 bytes.
    let quote = vec![0x60u8; 2041];
    let repr = icmpwire::v6::Repr::TimeExceeded(icmpwire::v6::TimeExceededRepr {
        quote: &quote,
        extensions: &obj,
        ..Default::default()
    });
    let mut buf = vec![0x5Au8; 4000];
    let src = Ipv6Addr::LOCALHOST;
    assert_eq!(
        repr.emit(src, src, &mut buf),
        Err(EmitError::QuoteTooLong { len: 2041 })
    );
    assert!(buf.iter().all(|&b| b == 0x5A));
}

/// The variants of `enum name` in src/error.rs, read from the source.
fn variants(source: &str, name: &str) -> Vec<String> {
    let start = source.find(&format!("pub enum {name} {{")).unwrap();
    let body = &source[start..];
    let body = &body[..body.find("\n}\n").unwrap()];
    body.lines()
        .skip(1)
        .filter_map(|l| {
            let l = l.strip_prefix("    ")?;
            let first = l.chars().next()?;
            if !first.is_ascii_uppercase() {
                return None;
            }
            let end = l.find([' ', ',', '{', '(']).unwrap_or(l.len());
            Some(l[..end].to_string())
        })
        .collect()
}

/// Every variant of the three error enums appears as `Enum::Variant` in some integration test
/// (this file's list of names excluded).
#[test]
fn every_variant_has_a_test() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/error.rs")).unwrap();
    let mut tests = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            tests.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    let mut missing = Vec::new();
    let mut counted = 0;
    for name in ["ParseError", "EmitError", "Part"] {
        let list = variants(&source, name);
        assert!(list.len() >= 7, "{name}: {list:?}");
        for v in list {
            counted += 1;
            let used = format!("{name}::{v}");
            // Constructed or matched in a test: followed by a space, `{`, `,` or `)`.
            let hit = [" ", " {", ",", ")", "\n"]
                .iter()
                .any(|end| tests.contains(&format!("{used}{end}")));
            if !hit {
                missing.push(used);
            }
        }
    }
    assert!(missing.is_empty(), "variants no test names: {missing:?}");
    // 13 + 7 + 18 when this was written; fewer means the reader above lost some.
    assert!(counted >= 38, "{counted} variants read");
}

/// The two truncation parts of a message with a fixed part past 8 bytes: under 8 bytes the
/// common header is what is missing (RFC 792's 8 bytes); from 8 bytes on, the type's fixed
/// part (timestamps 20, RFC 792; address mask 12, RFC 950; traceroute 20, RFC 1393; domain
/// name reply 12, RFC 1788).
#[test]
fn truncated_at_the_header_boundary() {
    use icmpwire::v4::Message;
    for (ty, part, required) in [
        (13u8, Part::Timestamps, 20),
        (17, Part::AddressMask, 12),
        (30, Part::Traceroute, 20),
        (38, Part::DomainNameReply, 12),
    ] {
        for len in [5usize, 7, 8, 9] {
            let mut bytes = vec![0u8; len];
            bytes[0] = ty;
            let want = if len < 8 {
                ParseError::Truncated {
                    part: Part::Header,
                    required: 8,
                    actual: len,
                }
            } else {
                ParseError::Truncated {
                    part,
                    required,
                    actual: len,
                }
            };
            assert_eq!(
                Message::parse_unverified(&bytes[..]).err(),
                Some(want),
                "type {ty}, {len} bytes"
            );
        }
    }
}

/// `Debug` of a view names the message and shows type, code, checksum and length.
#[test]
fn views_debug_their_header() {
    let bytes = [8u8, 3, 0x7d, 0x58, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    let echo = icmpwire::v4::Echo::parse_unverified(&bytes[..]).unwrap();
    let text = format!("{echo:?}");
    for part in ["type: 8", "code: 3", "checksum: 32088", "len: 10"] {
        assert!(text.contains(part), "{text}");
    }
}
