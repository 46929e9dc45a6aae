//! The `arbitrary` feature: what `icmpwire::fuzzing` promises, over many pseudo-random inputs.
//! Every `Repr` it makes emits and parses back to itself; every `Packet` parses, checksum
//! verified, extensions and quotes included; every `NearValid` has the flaw it names and gets
//! the documented answer; `fix_up` after byte flips makes checksums and counts agree.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use icmpwire::AnyMessage;
use std::collections::HashMap;

use arbitrary::{Arbitrary, Unstructured};
use icmpwire::fuzzing::{FixUp, Flaw, NearValid, Packet, fix_up};
use icmpwire::v4::{Message, Repr};
use icmpwire::{ParseError, Part};

/// Deterministic pseudo-random inputs (xorshift64*), of lengths 0 to 4 KiB.
fn inputs(n: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..n).map(move |_| {
        let len = (next() % 4096) as usize;
        (0..len).map(|_| next() as u8).collect()
    })
}

#[test]
fn reprs_emit_and_parse_back() {
    let mut made = 0;
    for input in inputs(3000) {
        let Ok(repr) = Repr::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let mut buf = vec![0xA5u8; repr.buffer_len()];
        assert_eq!(repr.emit(&mut buf), Ok(buf.len()), "{repr:?}");
        let msg = Message::parse(&buf[..]).unwrap_or_else(|e| panic!("{e}: {repr:?}"));
        assert_eq!(msg.to_repr(), repr);
        made += 1;
    }
    assert!(made > 2500, "{made}");
}

#[test]
fn packets_are_well_formed() {
    let mut packets = Vec::new();
    let mut types = HashMap::new();
    let (mut with_extensions, mut quoting_ip) = (0, 0);
    for input in inputs(3000) {
        let Ok(packet) = Packet::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let bytes = packet.as_bytes();
        let msg = Message::parse(bytes).unwrap_or_else(|e| panic!("{e}: {bytes:02x?}"));
        *types.entry(msg.message_type().0).or_insert(0) += 1;
        // Re-emitting what was parsed gives the same bytes.
        let mut again = vec![0u8; bytes.len()];
        msg.to_repr().emit(&mut again).unwrap();
        assert_eq!(again, bytes);
        plausible(bytes);
        packets.push(bytes.to_vec());
        let (quote, ext) = match &msg {
            Message::DestinationUnreachable(m) => (Some(m.quote()), m.extensions()),
            Message::TimeExceeded(m) => (Some(m.quote()), m.extensions()),
            Message::ParameterProblem(m) => (Some(m.quote()), m.extensions()),
            Message::SourceQuench(m) => (Some(m.quote()), None),
            Message::Redirect(m) => (Some(m.quote()), None),
            Message::Photuris(m) => (Some(m.quote()), None),
            Message::ExtendedEchoRequest(m) => (None, Some(m.extensions().unwrap())),
            _ => (None, None),
        };
        if let Some(q) = quote {
            let ip = q.ipv4().unwrap();
            assert!(ip.header_checksum_valid());
            quoting_ip += 1;
        }
        if let Some(ext) = ext {
            assert!(ext.checksum_valid());
            assert!(ext.objects().all(|o| o.is_ok()));
            with_extensions += 1;
        }
    }
    // Every type with a typed view, and some without.
    for t in [
        0u8, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 30, 42, 43,
    ] {
        assert!(
            types.get(&t).copied().unwrap_or(0) > 20,
            "type {t}: {types:?}"
        );
    }
    assert!(types.len() > 18, "{types:?}");
    // Every header field varies but those RFC rules fix (checked by `plausible`): unused and
    // reserved bytes, and the one code RFC 8335 gives a probe.
    let constant =
        common::constant_header_bytes(packets.iter().map(|m| &m[..]), common::fixed_len_v4, 20);
    let mut fixed = vec![(3, 4), (11, 4), (11, 6), (11, 7), (12, 6), (12, 7), (42, 1)];
    fixed.extend([(4, 4), (4, 5), (4, 6), (4, 7), (40, 4), (40, 5)]);
    fixed.sort();
    assert_eq!(constant, fixed);
    assert!(
        quoting_ip > 500 && with_extensions > 200,
        "{quoting_ip} {with_extensions}"
    );
}

/// What `Packet` promises beyond parsing: the codes the RFCs define, unused and reserved bytes
/// zero (RFC 792, RFC 2521, RFC 4884), the next-hop MTU only with "fragmentation needed" (RFC 1191), and a
/// probe that names its interface with one RFC 8335 interface identification object.
fn plausible(bytes: &[u8]) {
    let ctx = format!("{bytes:02x?}");
    match bytes[0] {
        3 => {
            assert!(bytes[1] <= 15 && bytes[4] == 0, "{ctx}");
            if bytes[1] != 4 {
                assert_eq!(bytes[6..8], [0, 0], "{ctx}");
            }
        }
        11 => assert!(
            bytes[1] <= 1 && bytes[4] == 0 && bytes[6..8] == [0, 0],
            "{ctx}"
        ),
        12 => assert!(bytes[1] <= 2 && bytes[6..8] == [0, 0], "{ctx}"),
        // Source quench's unused word (RFC 792), Photuris' reserved bytes (RFC 2521).
        4 => assert_eq!(bytes[4..8], [0; 4], "{ctx}"),
        40 => assert_eq!(bytes[4..6], [0; 2], "{ctx}"),
        42 => {
            assert!(bytes[1] == 0 && bytes[7] & 0xFE == 0, "{ctx}");
            let Message::ExtendedEchoRequest(m) = Message::parse(bytes).unwrap() else {
                panic!("{ctx}")
            };
            let objects: Vec<_> = m.extensions().unwrap().objects().collect();
            assert_eq!(objects.len(), 1, "{ctx}");
            assert_eq!(objects[0].as_ref().unwrap().class_num(), 3, "{ctx}");
        }
        _ => {}
    }
}

#[test]
fn near_valid_messages_have_their_flaw() {
    let mut seen: HashMap<Flaw, usize> = HashMap::new();
    for input in inputs(6000) {
        let Ok(bad) = NearValid::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let bytes = bad.as_bytes();
        let ctx = format!("{:?} {bytes:02x?}", bad.flaw());
        *seen.entry(bad.flaw()).or_insert(0) += 1;
        match bad.flaw() {
            Flaw::BadChecksum => {
                assert!(
                    matches!(Message::parse(bytes), Err(ParseError::BadChecksum { .. })),
                    "{ctx}"
                );
                assert!(Message::parse_unverified(bytes).is_ok(), "{ctx}");
            }
            Flaw::CutFixedPart => {
                assert!(
                    matches!(
                        Message::parse_unverified(bytes),
                        Err(ParseError::Truncated { .. })
                    ),
                    "{ctx}"
                );
            }
            Flaw::CutQuote => {
                let msg = Message::parse(bytes).unwrap();
                let quote = match &msg {
                    Message::DestinationUnreachable(m) => m.quote(),
                    Message::TimeExceeded(m) => m.quote(),
                    Message::ParameterProblem(m) => m.quote(),
                    Message::SourceQuench(m) => m.quote(),
                    Message::Redirect(m) => m.quote(),
                    Message::Photuris(m) => m.quote(),
                    _ => panic!("{ctx}"),
                };
                // Decoded as far as the bytes go: the fixed 20 bytes, then the options.
                match quote.ipv4() {
                    Err(ParseError::Truncated {
                        part: Part::QuotedIpHeader,
                        ..
                    }) => assert!(bytes.len() < 28, "{ctx}"),
                    Ok(ip) => assert!(
                        matches!(
                            ip.options(),
                            Err(ParseError::Truncated {
                                part: Part::QuotedIpOptions,
                                ..
                            })
                        ),
                        "{ctx}"
                    ),
                    Err(e) => panic!("{ctx}: {e}"),
                }
            }
            Flaw::LengthPastEnd => {
                let msg = Message::parse(bytes).unwrap();
                let (length, ext, quote_len) = match &msg {
                    Message::DestinationUnreachable(m) => (
                        m.length_field(),
                        m.extensions(),
                        m.original_datagram().len(),
                    ),
                    Message::TimeExceeded(m) => (
                        m.length_field(),
                        m.extensions(),
                        m.original_datagram().len(),
                    ),
                    Message::ParameterProblem(m) => (
                        m.length_field(),
                        m.extensions(),
                        m.original_datagram().len(),
                    ),
                    _ => panic!("{ctx}"),
                };
                assert!(usize::from(length) * 4 > bytes.len() - 8, "{ctx}");
                assert!(ext.is_none(), "{ctx}");
                assert_eq!(quote_len, bytes.len() - 8, "{ctx}");
            }
            Flaw::EntryCountTooHigh => {
                assert!(
                    matches!(
                        Message::parse(bytes),
                        Err(ParseError::Truncated {
                            part: Part::RouterEntries,
                            ..
                        })
                    ),
                    "{ctx}: {:?}",
                    Message::parse(bytes)
                );
            }
            Flaw::EntrySizeTooSmall => {
                assert!(
                    matches!(Message::parse(bytes), Err(ParseError::AddrEntrySize { .. })),
                    "{ctx}: {:?}",
                    Message::parse(bytes)
                );
            }
            Flaw::BadExtensionChecksum | Flaw::BadObjectLength => {
                let msg = Message::parse(bytes).unwrap();
                let ext = match &msg {
                    Message::DestinationUnreachable(m) => m.extensions(),
                    Message::TimeExceeded(m) => m.extensions(),
                    Message::ParameterProblem(m) => m.extensions(),
                    _ => panic!("{ctx}"),
                }
                .unwrap_or_else(|| panic!("{ctx}"));
                if bad.flaw() == Flaw::BadExtensionChecksum {
                    assert!(!ext.checksum_valid(), "{ctx}");
                } else {
                    assert!(ext.checksum_valid(), "{ctx}");
                    let first = ext.objects().next().unwrap();
                    assert!(
                        matches!(first, Err(ParseError::ExtensionObjectLength { .. })),
                        "{ctx}: {first:?}"
                    );
                }
            }
            other => panic!("untested flaw {other:?}"),
        }
    }
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert!(seen.values().all(|&n| n > 100), "{seen:?}");
}

#[test]
fn fix_up_makes_mutated_messages_consistent() {
    let mut fixed_extensions = 0;
    for (i, input) in inputs(3000).enumerate() {
        let Ok(packet) = Packet::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let mut bytes = packet.into_bytes();
        // A few byte flips, anywhere, as a mutator would make.
        for k in 0..(i % 4 + 1) {
            let at = (input.len().wrapping_mul(31) + k * 7919 + i) % bytes.len();
            bytes[at] ^= input.get(k).copied().unwrap_or(0x5A) | 1;
        }
        fix_up(&mut bytes, FixUp::ALL);
        assert!(icmpwire::checksum::verify(&bytes), "{bytes:02x?}");
        if matches!(bytes[0], 3 | 11 | 12) {
            // The RFC 4884 length fits what the message holds.
            assert!(usize::from(bytes[5]) * 4 <= bytes.len() - 8, "{bytes:02x?}");
        }
        match Message::parse(&bytes[..]) {
            Err(
                ParseError::Truncated {
                    part: Part::RouterEntries,
                    ..
                }
                | ParseError::AddrEntrySize { .. },
            ) => {
                panic!("router counts not fixed: {bytes:02x?}")
            }
            Err(ParseError::BadChecksum { .. }) => panic!("checksum not fixed"),
            Ok(msg) => {
                let ext = match &msg {
                    Message::DestinationUnreachable(m) => m.extensions(),
                    Message::TimeExceeded(m) => m.extensions(),
                    Message::ParameterProblem(m) => m.extensions(),
                    _ => None,
                };
                if let Some(ext) = ext
                    && ext.version() == 2
                {
                    assert!(ext.checksum_valid(), "{bytes:02x?}");
                    fixed_extensions += 1;
                }
            }
            Err(_) => {}
        }
    }
    assert!(fixed_extensions > 100, "{fixed_extensions}");
}

/// `Repr::arbitrary` varies every header field: over the inputs, every type with a view is
/// made, and no header byte of any type keeps one value (the descriptions carry the reserved
/// and unused fields too, so nothing is fixed).
#[test]
fn reprs_vary_every_field() {
    let mut msgs = Vec::new();
    for input in inputs(12000) {
        let Ok(repr) = Repr::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let mut buf = vec![0u8; repr.buffer_len()];
        repr.emit(&mut buf).unwrap();
        msgs.push(buf);
    }
    let mut count: HashMap<u8, usize> = HashMap::new();
    for m in &msgs {
        *count.entry(m[0]).or_default() += 1;
    }
    for t in [
        0u8, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 30, 37, 38, 40, 42, 43,
    ] {
        assert!(
            count.get(&t).copied().unwrap_or(0) >= 50,
            "type {t}: {count:?}"
        );
    }
    let constant =
        common::constant_header_bytes(msgs.iter().map(|m| &m[..]), common::fixed_len_v4, 50);
    assert_eq!(constant, Vec::<(u8, usize)>::new());
}
