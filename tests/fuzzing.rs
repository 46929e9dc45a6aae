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

use common::inputs;
use icmpwire::AnyMessage;
use std::collections::HashMap;

use arbitrary::{Arbitrary, Unstructured};
use icmpwire::fuzzing::{FixUp, Flaw, NearValid, Packet, fix_up};
use icmpwire::v4::{Message, Repr};
use icmpwire::{ParseError, Part};

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
    let mut long_past_end = 0usize;
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
                // Long quotes get the flaw too: a length past anything up to 1019 bytes.
                long_past_end += usize::from(bytes.len() - 8 >= 100);
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
    assert!(long_past_end > 20, "{long_past_end}");
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

/// `fix_up`'s parts one at a time, on bytes laid out by hand, each where the answer is not
/// what the bytes held: the RFC 4884 length cut to the words the message holds (RFC 4884
/// section 4.1 counts 32-bit words after the 8-byte header), the extension checksum where
/// `extension::locate`'s rules look (at the declared length, at byte 128 of the quote when the
/// field says nothing, after the header of an extended echo, RFC 8335), nowhere when the
/// declared datagram runs past the message, and the ICMP checksum only when asked.
#[test]
fn fix_up_parts_on_laid_out_bytes() {
    let only = |part: &str| {
        let mut f = FixUp::ALL;
        f.router_count = false;
        f.rfc4884_length = part == "length";
        f.extension_checksum = part == "extension";
        f.checksum = part == "checksum";
        f
    };
    let structure_verifies = |s: &[u8]| common::reference_sum(s) == 0xFFFF;

    // A time exceeded of 8 + 40 bytes whose length field says 200 words: 10 fit.
    let mut te = vec![0u8; 48];
    te[0] = 11;
    te[5] = 200;
    fix_up(&mut te, only("length"));
    assert_eq!(te[5], 10);
    te[5] = 7;
    fix_up(&mut te, only("length"));
    assert_eq!(te[5], 7, "a length that fits is kept");

    // Length field 0, 200 quoted bytes, a version-2 structure header at byte 128 of the quote
    // with a wrong checksum: the compatibility rule's place, fixed there.
    let mut compat = vec![0u8; 8 + 200];
    compat[0] = 11;
    compat[136..140].copy_from_slice(&[0x20, 0, 0x12, 0x34]);
    compat[140..148].copy_from_slice(&[0, 8, 3, 2, 0, 0, 0, 9]);
    fix_up(&mut compat, only("extension"));
    assert!(structure_verifies(&compat[136..]));
    assert_eq!(
        compat[..136],
        [&[11u8, 0, 0, 0, 0, 0, 0, 0][..], &[0; 128]].concat()
    );

    // Length field 40 words (160 bytes): the structure after them, not at 128.
    let mut declared = vec![0u8; 8 + 160 + 12];
    declared[0] = 3;
    declared[5] = 40;
    declared[136] = 0x20; // a version nibble at 128 too, which must be left alone
    declared[168..172].copy_from_slice(&[0x20, 0, 0xAB, 0xCD]);
    declared[172..180].copy_from_slice(&[0, 8, 3, 2, 0, 0, 0, 1]);
    fix_up(&mut declared, only("extension"));
    assert!(structure_verifies(&declared[168..]));
    assert_eq!(declared[136..140], [0x20, 0, 0, 0]);

    // Declared 160 bytes, but only 150 quoted: no structure anywhere, nothing written.
    let mut short = vec![0u8; 8 + 150];
    short[0] = 11;
    short[5] = 40;
    short[136..140].copy_from_slice(&[0x20, 0, 0x12, 0x34]);
    let before = short.clone();
    fix_up(&mut short, only("extension"));
    assert_eq!(short, before);

    // An extended echo request (42): its structure right after the 8-byte header.
    let mut probe = vec![42u8, 0, 0, 0, 0x12, 0x34, 1, 0];
    probe.extend_from_slice(&[0x20, 0, 0x55, 0x55, 0, 8, 3, 2, 0, 0, 0, 4]);
    fix_up(&mut probe, only("extension"));
    assert!(structure_verifies(&probe[8..]));
    assert_eq!(probe[..8], [42, 0, 0, 0, 0x12, 0x34, 1, 0]);

    // The ICMP checksum: left alone unless asked for.
    let mut echo = vec![8u8, 0, 0x12, 0x34, 0, 1, 0, 2, 9, 9];
    fix_up(&mut echo, only("extension"));
    assert_eq!(echo[2..4], [0x12, 0x34]);
    fix_up(&mut echo, only("checksum"));
    assert_eq!(common::reference_sum(&echo), 0xFFFF);
}

/// `Packet`'s bytes through `AsRef` are the bytes `into_bytes` gives.
#[test]
fn packet_as_ref_is_its_bytes() {
    let mut made = 0;
    for input in inputs(50) {
        let Ok(packet) = Packet::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let seen = packet.as_ref().to_vec();
        assert!(seen.len() >= 8);
        assert_eq!(seen, packet.into_bytes());
        made += 1;
    }
    assert!(made > 10, "{made}");
}

/// The extension objects `Packet` makes (errors with RFC 4884 structures, extended echo
/// requests) cover every kind it draws, each often enough to be more than an accident: RFC
/// 4950 MPLS stacks of 1 to 6 entries; RFC 5837 interface information with each of ifIndex,
/// address, name and MTU both present and absent (c-type bits 3 to 0), addresses of both
/// families; unknown classes (4 and up) with 0, 4, 8 or 12 bytes of data; RFC 8335
/// identification by name (lowercase letters), by index and by address of both families.
/// And every message kind, router advertisements among them.
#[test]
fn packet_objects_cover_every_kind() {
    use icmpwire::extension::{InterfaceAddress, InterfaceIdentification, ObjectData};
    use std::collections::{BTreeMap, BTreeSet};
    let mut types = BTreeSet::new();
    let mut mpls_entries = BTreeSet::new();
    let (mut mpls_labels, mut mpls_classes, mut mpls_ttls) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut info = 0usize;
    let mut info_present = [0usize; 4]; // ifIndex, address, name, MTU
    let mut afis = BTreeSet::new();
    let mut unknown = 0usize;
    let mut unknown_lens = BTreeSet::new();
    let mut ident = BTreeMap::<&str, usize>::new();
    for input in inputs(6000) {
        let Ok(packet) = Packet::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let bytes = packet.into_bytes();
        types.insert(bytes[0]);
        let msg = Message::parse(&bytes[..]).unwrap();
        // Where `Packet` puts objects (a reply's payload is arbitrary bytes).
        let ext = match &msg {
            Message::ExtendedEchoRequest(m) => m.extensions().ok(),
            Message::DestinationUnreachable(_)
            | Message::TimeExceeded(_)
            | Message::ParameterProblem(_) => msg.extensions(),
            _ => None,
        };
        for obj in ext.iter().flat_map(|e| e.objects()) {
            let obj = obj.unwrap_or_else(|e| panic!("type {}: {e}: {bytes:02x?}", bytes[0]));
            match obj.data() {
                ObjectData::Mpls(labels) => {
                    assert_eq!(obj.c_type(), 1);
                    let mut n = 0;
                    for e in labels {
                        n += 1;
                        mpls_labels.insert(e.label);
                        mpls_classes.insert(e.traffic_class);
                        mpls_ttls.insert(e.ttl);
                    }
                    mpls_entries.insert(n);
                }
                ObjectData::InterfaceInformation(i) => {
                    let i = i.unwrap();
                    info += 1;
                    for (n, present) in [
                        i.if_index.is_some(),
                        i.address.is_some(),
                        i.name.is_some(),
                        i.mtu.is_some(),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        info_present[n] += usize::from(present);
                    }
                    match i.address {
                        Some(InterfaceAddress::V4(_)) => afis.insert("info v4"),
                        Some(InterfaceAddress::V6(_)) => afis.insert("info v6"),
                        _ => false,
                    };
                }
                ObjectData::InterfaceIdentification(id) => {
                    let kind = match id.unwrap() {
                        InterfaceIdentification::Name(name) => {
                            assert!(!name.is_empty() && name.iter().all(u8::is_ascii_lowercase));
                            "name"
                        }
                        InterfaceIdentification::Index(_) => "index",
                        InterfaceIdentification::Address {
                            address: InterfaceAddress::V4(_),
                            ..
                        } => "address v4",
                        InterfaceIdentification::Address {
                            address: InterfaceAddress::V6(_),
                            ..
                        } => "address v6",
                        other => panic!("not drawn: {other:?}"),
                    };
                    *ident.entry(kind).or_default() += 1;
                }
                ObjectData::Unknown(data) => {
                    assert!(obj.class_num() >= 4, "class {}", obj.class_num());
                    unknown += 1;
                    unknown_lens.insert(data.len());
                }
                other => panic!("not drawn: {other:?}"),
            }
        }
    }
    assert_eq!(mpls_entries, (1..=6).collect(), "MPLS entries");
    // RFC 4950's entry fields vary: 20-bit labels, the 3-bit class, the TTL.
    assert!(mpls_labels.len() > 100 && mpls_labels.iter().all(|&l| l < 1 << 20));
    assert_eq!(mpls_classes, (0..=7).collect());
    assert!(mpls_ttls.len() > 50, "{}", mpls_ttls.len());
    assert!(info > 100, "{info}");
    for (n, &present) in info_present.iter().enumerate() {
        // Each part present in about half the objects: not always, not never.
        assert!(
            present > info / 4 && present < info * 3 / 4,
            "part {n}: {present} of {info}"
        );
    }
    assert_eq!(afis.len(), 2, "{afis:?}");
    assert!(unknown > 100, "{unknown}");
    assert_eq!(unknown_lens, [0, 4, 8, 12].into_iter().collect());
    let total: usize = ident.values().sum();
    assert_eq!(ident.len(), 4, "{ident:?}");
    // Name, index, address: a third each (the address then split between the families).
    assert!(
        ident["name"] > total / 5 && ident["index"] > total / 5,
        "{ident:?}"
    );
    assert!(types.contains(&9), "router advertisements: {types:?}");
}
