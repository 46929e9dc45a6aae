//! The two zeros of one's complement in the checksum field (issue: the negative-zero checksum).
//!
//! What is held here, with every expected value from outside the crate (the RFC 1071 reference
//! in `common`, the scapy encoder's records, the byte strings of the outside report):
//!
//! * verification is RFC 1071's sum rule (RFC 1624 section 5): a field of `0xFFFF` (-0) over
//!   other bytes that sum to -0 verifies, as `0x0000` (+0) does;
//! * every checksum the crate writes from scratch is RFC 1071's (the complement of the sum),
//!   which is `0xFFFF` only over all-zero bytes (RFC 1624 section 3) and so never on ICMPv6;
//! * a round trip (parse, `to_repr`, `emit`) gives back every byte except the checksum field,
//!   which holds `computed_checksum()`: the same as received unless the received field was the
//!   -0 form, which comes back as `0x0000`;
//! * setters (RFC 1624 equation 3) keep a message that verified verifying, and a field that held
//!   the from-scratch value holding it, also when a field is set to the value it had (the case
//!   RFC 1624 erratum 4782 says equation 3 gets wrong: with end-around carry it does not).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::BTreeMap;
use std::net::Ipv6Addr;

use common::{
    id, reference_checksum_of_message as reference_checksum, reference_checksum6, reference_sum,
    reference_sum6, unhex,
};
use icmpwire::v4::RouterEntry;
use icmpwire::{AnyMessage, strategy};
use icmpwire::{v4, v6};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

/// The checksum field of a message, host order.
fn field(msg: &[u8]) -> u16 {
    u16::from_be_bytes([msg[2], msg[3]])
}

/// `msg` with its checksum field set to `value`.
fn with_field(msg: &[u8], value: u16) -> Vec<u8> {
    let mut m = msg.to_vec();
    m[2..4].copy_from_slice(&value.to_be_bytes());
    m
}

/// ICMPv4: what a round trip must give for `bytes`: the same bytes but the checksum field,
/// which holds the RFC 1071 value (from the reference). Emitted into a buffer full of 0xAA.
fn assert_round_trip_v4(bytes: &[u8]) {
    let msg = v4::Message::parse_unverified(bytes).unwrap();
    let want = with_field(bytes, reference_checksum(bytes));
    assert_eq!(
        msg.computed_checksum(),
        reference_checksum(bytes),
        "{bytes:02x?}"
    );
    let mut out = vec![0xAAu8; bytes.len()];
    assert_eq!(msg.to_repr().emit(&mut out), Ok(bytes.len()));
    assert_eq!(out, want, "round trip of {bytes:02x?}");
    assert!(v4::Message::parse(&out[..]).is_ok());
}

/// ICMPv6: the same, over the pseudo-header of `src` and `dst`.
fn assert_round_trip_v6(src: Ipv6Addr, dst: Ipv6Addr, bytes: &[u8]) {
    let msg = v6::Message::parse_unverified(bytes).unwrap();
    let want = with_field(bytes, reference_checksum6(src, dst, bytes));
    assert_eq!(
        msg.computed_checksum(src, dst),
        reference_checksum6(src, dst, bytes)
    );
    let mut out = vec![0xAAu8; bytes.len()];
    assert_eq!(msg.to_repr().emit(src, dst, &mut out), Ok(bytes.len()));
    assert_eq!(out, want, "round trip of {bytes:02x?}");
    assert!(v6::Message::parse(&out[..], src, dst).is_ok());
}

/// The two inputs of the outside report, and what it says re-emission writes for them; the
/// reference confirms that their other bytes sum to -0.
#[test]
fn the_reported_inputs() {
    for (input, emitted) in [
        ("ffffffffffffffff", "ffff0000ffffffff"),
        ("0800ffffa18c8b72cb", "08000000a18c8b72cb"),
    ] {
        let (input, emitted) = (unhex(input), unhex(emitted));
        assert_eq!(
            reference_sum(&with_field(&input, 0)),
            0xFFFF,
            "rest sums to -0"
        );
        assert_eq!(reference_sum(&input), 0xFFFF, "verifies by RFC 1071's rule");
        let msg = v4::Message::parse(&input[..]).unwrap();
        assert!(msg.verify_checksum());
        assert_eq!((msg.checksum(), msg.computed_checksum()), (0xFFFF, 0));
        let mut out = vec![0xAAu8; input.len()];
        msg.to_repr().emit(&mut out).unwrap();
        assert_eq!(out, emitted);
        assert!(
            v4::Message::parse(&emitted[..]).is_ok(),
            "the +0 form verifies too"
        );
    }
}

/// A message that is all zero but for its checksum: only `0xFFFF` verifies, and that is what
/// is computed and written (RFC 1071; tshark says "should be 0xffff" for Linux's 0x0000).
#[test]
fn all_zero_messages_need_ffff() {
    for len in [8usize, 9, 12, 20, 64] {
        let zero = vec![0u8; len];
        let ffff = with_field(&zero, 0xFFFF);
        assert_eq!((reference_sum(&zero), reference_sum(&ffff)), (0, 0xFFFF));
        assert_eq!(
            v4::Message::parse(&zero[..]).err(),
            Some(icmpwire::ParseError::BadChecksum {
                found: 0,
                expected: 0xFFFF
            })
        );
        let msg = v4::Message::parse(&ffff[..]).unwrap();
        assert_eq!(msg.computed_checksum(), 0xFFFF);
        assert_round_trip_v4(&ffff);
        assert_eq!(icmpwire::checksum::internet_checksum(&zero), 0xFFFF);
    }
}

/// The scapy corpus's ICMPv4 records: each -0 record re-emits as the well-formed record scapy
/// built it from (`derived_from`, checksum 0x0000), and the Linux +0 form of an all-zero reply
/// is refused for the 0xFFFF its well-formed twin holds.
/// The typed views' own checksum methods (not `Message`'s) on the messages the Linux kernel
/// sent: each verifies as received, computes the field the kernel wrote, stops verifying when
/// a byte of the body changes, and `update_checksum` writes the kernel's field back into a
/// zeroed one.
#[test]
fn typed_views_on_kernel_messages() {
    macro_rules! check {
        ($view:ty, $bytes:expr) => {{
            let bytes: &[u8] = $bytes;
            let mut m = bytes.to_vec();
            let v = <$view>::parse_unverified(&m[..]).unwrap();
            assert!(v.verify_checksum(), "{bytes:02x?}");
            assert_eq!(v.computed_checksum(), field(bytes));
            let last = m.len() - 1;
            m[last] ^= 0x40;
            let v = <$view>::parse_unverified(&m[..]).unwrap();
            assert!(!v.verify_checksum());
            assert_eq!(v.computed_checksum(), reference_checksum(&m));
            m[last] ^= 0x40;
            m[2..4].fill(0);
            let mut v = <$view>::parse_unverified(&mut m[..]).unwrap();
            assert!(!v.verify_checksum());
            v.update_checksum();
            assert!(v.verify_checksum());
            assert_eq!(m, bytes);
        }};
    }
    let mut seen = BTreeMap::<u8, usize>::new();
    for rec in common::kernel_records() {
        let bytes = common::bytes_of(&rec);
        // The 0x0000 field of an all-zero reply is not what RFC 1071 computes (see above).
        if rec["category"] != "wellformed" || field(&bytes) == 0 {
            continue;
        }
        match bytes[0] {
            0 | 8 => check!(v4::Echo<_>, &bytes),
            3 => check!(v4::DestinationUnreachable<_>, &bytes),
            11 => check!(v4::TimeExceeded<_>, &bytes),
            _ => continue,
        }
        *seen.entry(bytes[0]).or_default() += 1;
    }
    assert!(
        [0, 3, 8, 11]
            .iter()
            .all(|t| seen.get(t).copied().unwrap_or(0) >= 2),
        "{seen:?}"
    );
}

#[test]
fn scapy_v4_records() {
    let records = common::scapy_records();
    let by_id: BTreeMap<&str, &Value> = records.iter().map(|r| (id(r), r)).collect();
    let mut seen = BTreeMap::new();
    for rec in &records {
        let class = rec["malformation"].as_str().unwrap_or("");
        if !class.starts_with("checksum_") || !class.ends_with("_zero") {
            continue;
        }
        *seen.entry(class.to_string()).or_insert(0) += 1;
        let bytes = common::bytes_of(rec);
        let twin = common::bytes_of(by_id[rec["derived_from"].as_str().unwrap()]);
        let msg = v4::Message::parse_unverified(&bytes[..]).unwrap();
        match class {
            "checksum_negative_zero" => {
                assert_eq!((field(&bytes), field(&twin)), (0xFFFF, 0), "{}", id(rec));
                assert!(msg.verify_checksum() && v4::Message::parse(&twin[..]).is_ok());
                let mut out = vec![0xAAu8; bytes.len()];
                msg.to_repr().emit(&mut out).unwrap();
                assert_eq!(out, twin, "{}", id(rec));
            }
            "checksum_positive_zero" => {
                assert_eq!((field(&bytes), field(&twin)), (0, 0xFFFF), "{}", id(rec));
                assert!(!msg.verify_checksum());
                assert_eq!(msg.computed_checksum(), field(&twin));
            }
            other => panic!("unexpected class {other}"),
        }
        assert_round_trip_v4(&bytes);
    }
    let want = [("checksum_negative_zero", 4), ("checksum_positive_zero", 3)];
    assert_eq!(seen, want.map(|(k, v)| (k.to_string(), v)).into());
}

/// The ICMPv6 oracle's -0 records: valid, and re-emitted as the well-formed record scapy built
/// them from.
#[test]
fn scapy_v6_records() {
    let records = common::records6();
    let by_id: BTreeMap<&str, &Value> = records.iter().map(|r| (id(r), r)).collect();
    let mut n = 0;
    for rec in &records {
        if rec["malformation"] != "checksum_negative_zero" {
            continue;
        }
        n += 1;
        let src: Ipv6Addr = rec["src"].as_str().unwrap().parse().unwrap();
        let dst: Ipv6Addr = rec["dst"].as_str().unwrap().parse().unwrap();
        let bytes = common::bytes_of(rec);
        let twin_rec = by_id[rec["derived_from"].as_str().unwrap()];
        assert_eq!(
            (&twin_rec["src"], &twin_rec["dst"]),
            (&rec["src"], &rec["dst"])
        );
        let twin = common::bytes_of(twin_rec);
        assert_eq!((field(&bytes), field(&twin)), (0xFFFF, 0), "{}", id(rec));
        assert_eq!(reference_sum6(src, dst, &bytes), 0xFFFF);
        let msg = v6::Message::parse(&bytes[..], src, dst).unwrap();
        let mut out = vec![0xAAu8; bytes.len()];
        msg.to_repr().emit(src, dst, &mut out).unwrap();
        assert_eq!(out, twin, "{}", id(rec));
        assert_round_trip_v6(src, dst, &bytes);
    }
    assert_eq!(n, 4);
}

/// Sets one 16-bit word of `msg` (at even offset `at`, past the checksum) so that the bytes
/// other than the checksum field sum to -0 by the reference, `extra` being the sum of what
/// else is covered (the ICMPv6 pseudo-header; 0 for ICMPv4). The field is left at 0.
fn force_negative_zero(msg: &mut [u8], at: usize, extra: u16) {
    msg[2..4].fill(0);
    msg[at..at + 2].fill(0);
    let mut rest = reference_sum(msg);
    rest = reference_sum(&[
        (rest >> 8) as u8,
        rest as u8,
        (extra >> 8) as u8,
        extra as u8,
    ]);
    msg[at..at + 2].copy_from_slice(&(!rest).to_be_bytes());
}

/// Even offsets to try for [`force_negative_zero`]: the last whole word first (data, quotes,
/// timestamps), then the words from byte 4 on; none for a message of 4 or 5 bytes.
fn offsets(len: usize) -> Vec<usize> {
    let last = len.saturating_sub(2) & !1;
    let mut v: Vec<usize> = (last >= 4).then_some(last).into_iter().collect();
    v.extend((4..len.saturating_sub(1)).step_by(2));
    v
}

/// The pseudo-header's share of an ICMPv6 sum.
fn pseudo(src: Ipv6Addr, dst: Ipv6Addr, len: usize) -> u16 {
    // The reference over the pseudo-header and an empty message of the length `len` claims.
    let mut data = Vec::new();
    data.extend_from_slice(&src.octets());
    data.extend_from_slice(&dst.octets());
    data.extend_from_slice(&(len as u32).to_be_bytes());
    data.extend_from_slice(&[0, 0, 0, 58]);
    reference_sum(&data)
}

/// Draws `cases` values of `strategy` with a fixed seed.
fn draws<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, cases: usize) -> Vec<T> {
    let mut runner = TestRunner::deterministic();
    (0..cases)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// Every ICMPv4 type the strategies make, put in the -0 form: it verifies, it round-trips to
/// the +0 form, and setters keep both forms valid and the +0 form canonical.
#[test]
fn generated_v4_messages_in_both_forms() {
    let mut per_type: BTreeMap<u8, usize> = BTreeMap::new();
    for msg in draws(strategy::message(), 3000) {
        // The promise holds for any message: as drawn, and with a wrong checksum.
        assert_round_trip_v4(&msg);
        assert_round_trip_v4(&with_field(&msg, field(&msg) ^ 0x1234));
        for at in offsets(msg.len()) {
            let mut canonical = msg.clone();
            force_negative_zero(&mut canonical, at, 0);
            let negative = with_field(&canonical, 0xFFFF);
            if v4::Message::parse(&canonical[..]).is_err() {
                continue; // the word was structure (a name, a count): try another
            }
            assert_eq!(reference_sum(&negative), 0xFFFF);
            let parsed = v4::Message::parse(&negative[..]).unwrap();
            assert_eq!(parsed.computed_checksum(), 0, "{negative:02x?}");
            assert_round_trip_v4(&negative);
            assert_round_trip_v4(&canonical);
            for v in [0u32, 0xFFFF_FFFF, 0x1234_5678, 0xEDCB_A987] {
                let mut m = canonical.clone();
                set_v4(&mut m, Some(v));
                assert_eq!(
                    field(&m),
                    reference_checksum(&m),
                    "canonical stays: {m:02x?}"
                );
                let mut m = negative.clone();
                set_v4(&mut m, Some(v));
                assert_eq!(reference_sum(&m), 0xFFFF, "valid stays: {m:02x?}");
            }
            // RFC 1624 erratum 4782: a field set to the value it holds must not turn +0 to -0.
            let mut m = canonical.clone();
            set_v4(&mut m, None);
            assert_eq!(m, canonical);
            *per_type.entry(msg[0]).or_default() += 1;
            break;
        }
    }
    let types = [
        0, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 30, 40, 42, 43,
    ];
    for t in types {
        assert!(
            per_type.get(&t).copied().unwrap_or(0) >= 20,
            "type {t}: {per_type:?}"
        );
    }
}

/// The same for every ICMPv6 type the strategies make.
#[test]
fn generated_v6_messages_in_both_forms() {
    let mut per_type: BTreeMap<u8, usize> = BTreeMap::new();
    for (src, dst, msg) in draws(strategy::v6::message(), 3000) {
        assert_round_trip_v6(src, dst, &msg);
        assert_round_trip_v6(src, dst, &with_field(&msg, field(&msg) ^ 0x1234));
        for at in offsets(msg.len()) {
            let mut canonical = msg.clone();
            force_negative_zero(&mut canonical, at, pseudo(src, dst, msg.len()));
            let negative = with_field(&canonical, 0xFFFF);
            if v6::Message::parse(&canonical[..], src, dst).is_err() {
                continue;
            }
            assert_eq!(reference_sum6(src, dst, &negative), 0xFFFF);
            let parsed = v6::Message::parse(&negative[..], src, dst).unwrap();
            assert_eq!(parsed.computed_checksum(src, dst), 0);
            assert_round_trip_v6(src, dst, &negative);
            assert_round_trip_v6(src, dst, &canonical);
            for v in [0u32, 0xFFFF_FFFF, 0x1234_5678, 0xEDCB_A987] {
                let mut m = canonical.clone();
                set_v6(&mut m, Some(v));
                assert_eq!(field(&m), reference_checksum6(src, dst, &m), "{m:02x?}");
                let mut m = negative.clone();
                set_v6(&mut m, Some(v));
                assert_eq!(reference_sum6(src, dst, &m), 0xFFFF, "{m:02x?}");
            }
            let mut m = canonical.clone();
            set_v6(&mut m, None);
            assert_eq!(m, canonical);
            // A NAT66 rewrite of the source by RFC 1624 (update_ipv6), on both forms.
            let moved = Ipv6Addr::from(u128::from(src) ^ 0x2001_0db8 << 96 | 0xFFFF);
            for form in [&canonical, &negative] {
                let c = icmpwire::checksum::update_ipv6(field(form), src, moved);
                let m = with_field(form, c);
                assert_eq!(reference_sum6(moved, dst, &m), 0xFFFF);
                if *form == canonical {
                    assert_eq!(c, reference_checksum6(moved, dst, &m));
                }
            }
            *per_type.entry(msg[0]).or_default() += 1;
            break;
        }
    }
    for t in [1, 2, 3, 4, 128, 129, 160, 161] {
        assert!(
            per_type.get(&t).copied().unwrap_or(0) >= 20,
            "type {t}: {per_type:?}"
        );
    }
    assert!(
        per_type
            .keys()
            .any(|&t| ![1, 2, 3, 4, 128, 129, 160, 161].contains(&t))
    );
}

/// Runs setters of whatever ICMPv4 view `msg` is: with `Some(v)` to values from `v`, with
/// `None` to the values they hold.
fn set_v4(msg: &mut [u8], v: Option<u32>) {
    use v4::Message as M;
    let mut view = M::parse_unverified(&mut *msg).unwrap();
    let pick = |now: u32, v: Option<u32>| v.unwrap_or(now);
    match &mut view {
        M::EchoReply(m) | M::EchoRequest(m) | M::InformationRequest(m) | M::InformationReply(m) => {
            m.set_identifier(pick(m.identifier().into(), v) as u16);
            m.set_sequence(pick(m.sequence().into(), v.map(|v| v >> 16)) as u16);
        }
        M::Timestamp(m) | M::TimestampReply(m) => {
            m.set_originate(pick(m.originate(), v));
            m.set_transmit(pick(m.transmit(), v.map(|v| !v)));
        }
        M::AddressMaskRequest(m) | M::AddressMaskReply(m) => {
            m.set_mask(pick(m.mask().into(), v).into());
        }
        M::DestinationUnreachable(m) => m.set_next_hop_mtu(pick(m.next_hop_mtu().into(), v) as u16),
        M::TimeExceeded(m) => m.set_unused(pick(m.unused(), v) & 0xFF_FFFF),
        M::ParameterProblem(m) => m.set_pointer(pick(m.pointer().into(), v) as u8),
        M::Redirect(m) => m.set_gateway(pick(m.gateway().into(), v).into()),
        M::SourceQuench(m) => m.set_unused(pick(m.unused(), v)),
        M::RouterSolicitation(m) => m.set_reserved(pick(m.reserved(), v)),
        M::RouterAdvertisement(m) => {
            m.set_lifetime(pick(m.lifetime().into(), v) as u16);
            if let Some(e) = m.entries().next() {
                let address = pick(e.address.into(), v).into();
                let preference = pick(e.preference as u32, v.map(|v| !v)) as i32;
                assert!(m.set_entry(
                    0,
                    RouterEntry {
                        address,
                        preference
                    }
                ));
            }
        }
        M::Photuris(m) => m.set_pointer(pick(m.pointer().into(), v) as u16),
        M::Traceroute(m) => m.set_identifier(pick(m.identifier().into(), v) as u16),
        M::ExtendedEchoRequest(m) => m.set_identifier(pick(m.identifier().into(), v) as u16),
        M::ExtendedEchoReply(m) => m.set_sequence(pick(m.sequence().into(), v) as u8),
        M::DomainNameRequest(m) => m.set_sequence(pick(m.sequence().into(), v) as u16),
        M::DomainNameReply(m) => m.set_ttl(pick(m.ttl() as u32, v) as i32),
        M::Other(m) => m.set_code_u8(pick(m.code_u8().into(), v) as u8),
        _ => panic!("a type without setters here: {view:?}"),
    }
    if let Some(v) = v {
        // The shared setter every view has: the code.
        set_code_v4(msg, v as u8);
    }
}

/// `set_code_u8` through whatever view `msg` is.
fn set_code_v4(msg: &mut [u8], code: u8) {
    use v4::Message as M;
    match v4::Message::parse_unverified(msg).unwrap() {
        M::EchoReply(mut m)
        | M::EchoRequest(mut m)
        | M::InformationRequest(mut m)
        | M::InformationReply(mut m) => m.set_code_u8(code),
        M::Timestamp(mut m) | M::TimestampReply(mut m) => m.set_code_u8(code),
        M::DestinationUnreachable(mut m) => m.set_code_u8(code),
        M::TimeExceeded(mut m) => m.set_code_u8(code),
        M::Other(mut m) => m.set_code_u8(code),
        _ => {}
    }
}

/// Runs setters of whatever ICMPv6 view `msg` is, as [`set_v4`] does.
fn set_v6(msg: &mut [u8], v: Option<u32>) {
    use v6::Message as M;
    let mut view = M::parse_unverified(&mut *msg).unwrap();
    let pick = |now: u32, v: Option<u32>| v.unwrap_or(now);
    match &mut view {
        M::EchoRequest(m) | M::EchoReply(m) => {
            m.set_identifier(pick(m.identifier().into(), v) as u16);
            m.set_sequence(pick(m.sequence().into(), v.map(|v| v >> 16)) as u16);
            if v.is_some() {
                m.set_code_u8(v.unwrap_or(0) as u8);
            }
        }
        M::PacketTooBig(m) => m.set_mtu(pick(m.mtu(), v)),
        M::ParameterProblem(m) => m.set_pointer(pick(m.pointer(), v)),
        M::DestinationUnreachable(m) => m.set_unused(pick(m.unused(), v) & 0xFF_FFFF),
        M::TimeExceeded(m) => m.set_unused(pick(m.unused(), v) & 0xFF_FFFF),
        M::ExtendedEchoRequest(m) => m.set_identifier(pick(m.identifier().into(), v) as u16),
        M::ExtendedEchoReply(m) => m.set_sequence(pick(m.sequence().into(), v) as u8),
        M::Other(m) => m.set_code_u8(pick(m.code_u8().into(), v) as u8),
        M::RouterSolicitation(m) => m.set_reserved(pick(m.reserved(), v)),
        M::RouterAdvertisement(m) => m.set_retrans_timer(pick(m.retrans_timer(), v)),
        M::NeighborSolicitation(m) => m.set_reserved(pick(m.reserved(), v)),
        M::NeighborAdvertisement(m) => {
            m.set_target(v.map_or(m.target(), |v| std::net::Ipv6Addr::from(u128::from(v))))
        }
        M::Redirect(m) => {
            m.set_target(v.map_or(m.target(), |v| std::net::Ipv6Addr::from(u128::from(v))))
        }
        M::MulticastListenerQuery(m) => m.set_reserved(pick(m.reserved().into(), v) as u16),
        M::MulticastListenerReport(m) | M::MulticastListenerDone(m) => {
            m.set_reserved(pick(m.reserved().into(), v) as u16)
        }
        M::MulticastListenerReportV2(m) => m.set_reserved(pick(m.reserved().into(), v) as u16),
        _ => panic!("a type without setters here: {view:?}"),
    }
}
