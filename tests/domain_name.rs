//! RFC 1788 domain name request and reply (types 37 and 38) against vectors derived by hand
//! from the RFC's text (tests/data/rfc1788_vectors.json; the derivations are in
//! tests/data/README.md). No oracle decodes these messages right: scapy 2.8.0 reads 4 bytes too
//! many after the sequence number and tshark 4.0.17 decodes neither type, so the vectors come
//! from RFC 1788 sections 1.3, 2 and 3 and RFC 1035 section 4.1.4; their RFC 1071 checksums
//! were computed by hand and confirmed by tshark.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use common::unhex;
use icmpwire::AnyMessage;
use icmpwire::v4::{DomainNameReply, DomainNameRequest, Message};
use icmpwire::{ParseError, Part};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    // Compiled in, so that Miri (which isolates the file system) runs it too.
    serde_json::from_str(include_str!("data/rfc1788_vectors.json")).unwrap()
}

/// `"Kind(a=1, b=2)"` -> ("Kind", [("a", 1), ("b", 2)]).
fn parse_error(text: &str) -> (String, Vec<(String, usize)>) {
    let (kind, rest) = text.split_once('(').unwrap();
    let args = rest
        .trim_end_matches(')')
        .split(", ")
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (k.to_string(), v.parse().unwrap())
        })
        .collect();
    (kind.to_string(), args)
}

fn arg(args: &[(String, usize)], key: &str) -> usize {
    args.iter().find(|(k, _)| k == key).unwrap().1
}

/// The error a vector's reference decoder reported, as icmpwire's typed error (NameTooLong
/// gives "at least 256": checked apart).
fn expected_error(text: &str) -> Option<ParseError> {
    let (kind, a) = parse_error(text);
    Some(match kind.as_str() {
        "Truncated" => ParseError::Truncated {
            part: Part::DomainName,
            required: arg(&a, "need"),
            actual: arg(&a, "have"),
        },
        "ForwardPointer" | "PointerLoop" | "PointerOutOfRange" | "PointerIntoHeader" => {
            ParseError::NamePointer {
                at: arg(&a, "at"),
                target: arg(&a, "target") as u16,
            }
        }
        "ReservedLabelType" => ParseError::NameLabel {
            at: arg(&a, "at"),
            byte: arg(&a, "byte") as u8,
        },
        _ => return None,
    })
}

#[test]
fn every_vector_decodes_as_derived_from_the_rfc() {
    let vectors = vectors();
    assert_eq!(vectors.len(), 23);
    for v in &vectors {
        let key = v["key"].as_str().unwrap();
        let bytes = unhex(v["hex"].as_str().unwrap());
        let d = &v["decoded"];
        if key == "M14" {
            // Cut inside the fixed part: the reply needs 12 bytes.
            assert_eq!(
                Message::parse(&bytes[..]).unwrap_err(),
                ParseError::Truncated {
                    part: Part::DomainNameReply,
                    required: 12,
                    actual: 10
                },
                "{key}"
            );
            continue;
        }
        let field =
            u16::from_str_radix(d["checksum"].as_str().unwrap().trim_start_matches("0x"), 16)
                .unwrap();
        let msg = match Message::parse(&bytes[..]) {
            Ok(m) => m,
            Err(ParseError::BadChecksum { found, expected }) => {
                assert_eq!((key, found, expected), ("M13", 0x9a12, 0x6512));
                Message::parse_unverified(&bytes[..]).unwrap()
            }
            Err(e) => panic!("{key}: {e}"),
        };
        assert_eq!(msg.checksum(), field, "{key}");
        let id =
            u16::from_str_radix(d["id"].as_str().unwrap().trim_start_matches("0x"), 16).unwrap();
        let seq = d["seq"].as_u64().unwrap() as u16;
        match &msg {
            Message::DomainNameRequest(m) => {
                assert_eq!((m.identifier(), m.sequence()), (id, seq), "{key}");
                assert_eq!(
                    m.payload().len() as u64,
                    d["trailing_bytes"].as_u64().unwrap(),
                    "{key}"
                );
            }
            Message::DomainNameReply(m) => {
                assert_eq!((m.identifier(), m.sequence()), (id, seq), "{key}");
                assert_eq!(i64::from(m.ttl()), d["ttl"].as_i64().unwrap(), "{key}");
                let mut names = Vec::new();
                let mut error = None;
                for n in m.names() {
                    match n {
                        Ok(n) => names.push(Value::String(n.to_string())),
                        Err(e) => {
                            error = Some(e);
                            break;
                        }
                    }
                }
                match d["error"].as_str() {
                    None => {
                        assert_eq!(error, None, "{key}");
                        assert_eq!(Value::Array(names), d["names"], "{key}");
                    }
                    Some(text) => {
                        assert_eq!(Value::Array(names), d["names_before_error"], "{key}");
                        let got = error.unwrap_or_else(|| panic!("{key}: no error"));
                        match expected_error(text) {
                            Some(want) => assert_eq!(got, want, "{key}"),
                            None => match got {
                                ParseError::NameTooLong { len, .. } => {
                                    assert!(len >= 256, "{key}: {len}")
                                }
                                other => panic!("{key}: {other}"),
                            },
                        }
                    }
                }
            }
            other => panic!("{key}: {other:?}"),
        }
        // Re-emitting the values reproduces the bytes, names and all.
        let mut out = vec![0u8; bytes.len()];
        msg.to_repr().emit(&mut out).unwrap();
        if key != "M13" {
            assert_eq!(out, bytes, "{key}");
        }
    }
}

#[test]
fn names_too_long_say_where_the_name_starts() {
    let by_key = |k: &str| vectors().into_iter().find(|v| v["key"] == k).unwrap();
    for (key, start) in [("M11", 12), ("M12", 12 + 205)] {
        let bytes = unhex(by_key(key)["hex"].as_str().unwrap());
        let reply = DomainNameReply::parse(&bytes[..]).unwrap();
        let err = reply.names().find_map(Result::err).unwrap();
        assert!(
            matches!(err, ParseError::NameTooLong { at, len } if at == start && len > 255),
            "{key}: {err:?}"
        );
    }
}

#[test]
fn labels_follow_pointers_and_lengths_count_them() {
    // V4: www.example.net., then a name that is only a pointer, then ns + pointer.
    let bytes = unhex("2600f995123400010001518003777777076578616d706c65036e657400c010026e73c010");
    let reply = DomainNameReply::parse(&bytes[..]).unwrap();
    let names: Vec<_> = reply.names().map(Result::unwrap).collect();
    let labels: Vec<Vec<&[u8]>> = names.iter().map(|n| n.labels().collect()).collect();
    assert_eq!(
        labels,
        [
            vec![&b"www"[..], b"example", b"net"],
            vec![&b"example"[..], b"net"],
            vec![&b"ns"[..], b"example", b"net"],
        ]
    );
    assert_eq!(
        names.iter().map(|n| n.len()).collect::<Vec<_>>(),
        [17, 13, 16]
    );
    // A request has no names and 8 bytes.
    let bytes = unhex("2500c8ca12340001");
    let req = DomainNameRequest::parse(&bytes[..]).unwrap();
    assert_eq!(req.message_len(), 8);
}

#[test]
fn names_print_with_rfc1035_escapes() {
    // One label "a.b\ c" (a dot, a backslash and a space inside it), then "x": RFC 1035 section
    // 5.1 writes the three as \046, \092 and \032, so the text still has one dot per label.
    let mut m = vec![38u8, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 60];
    m.extend_from_slice(&[6, b'a', b'.', b'b', b'\\', b' ', b'c', 1, b'x', 0]);
    let c = common::reference_checksum_of_message(&m);
    m[2..4].copy_from_slice(&c.to_be_bytes());
    let reply = DomainNameReply::parse(&m[..]).unwrap();
    let name = reply.names().next().unwrap().unwrap();
    assert_eq!(name.to_string(), "a\\046b\\092\\032c.x.");
}
