//! The `arbitrary` feature for ICMPv6: what `Repr::arbitrary` promises, over many pseudo-random
//! inputs. Every description it makes emits and parses back to itself; every type it draws
//! from appears (RFC 4443, 8335, Neighbor Discovery, MLD and the rest of the registry), and
//! the fixed part of every header varies byte by byte.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv6Addr;

use arbitrary::{Arbitrary, Unstructured};
use common::inputs;
use icmpwire::v6;

/// The messages `Repr::arbitrary` makes from `n` inputs, emitted between two documentation
/// addresses, each checked to parse back to its description.
fn messages(n: usize) -> Vec<Vec<u8>> {
    let src: Ipv6Addr = "2001:db8::1".parse().unwrap();
    let dst: Ipv6Addr = "2001:db8::2".parse().unwrap();
    let mut msgs = Vec::new();
    for input in inputs(n) {
        let Ok(repr) = v6::Repr::arbitrary(&mut Unstructured::new(&input)) else {
            continue;
        };
        let mut buf = vec![0u8; repr.buffer_len()];
        repr.emit(src, dst, &mut buf).unwrap();
        {
            let parsed = v6::Message::parse(&buf[..], src, dst).unwrap();
            assert_eq!(parsed.to_repr(), repr, "{buf:02x?}");
        }
        msgs.push(buf);
    }
    msgs
}

/// The fixed part of each type's header, in bytes (RFC 4443 section 2.1 and each type's RFC),
/// for the types whose descriptions carry every field of it.
fn fixed_len(t: u8) -> Option<usize> {
    match t {
        // RFC 4443; MLDv1 (RFC 2710) and the MLDv2 report's reserved field (RFC 3810 5.2);
        // router solicitation and the inverse messages' reserved words (RFC 4861, RFC 3122);
        // RFC 6275's mobile messages' identifier and reserved; RFC 3971's solicitation
        // (identifier, component); RFC 4286 (interval in the code byte, query interval,
        // robustness); RFC 5568 (subtype, reserved, identifier); RFC 8335.
        1..=4 | 128..=133 | 141..=148 | 151 | 154 | 160 | 161 => Some(8),
        // RFC 3971's advertisement: identifier, all components, component, reserved.
        149 => Some(12),
        // RFC 4861: the router advertisement's flags and times; the neighbor messages' targets;
        // RFC 2894's sequence, segment, flags, delay, reserved; RFC 4620's qtype, flags, nonce.
        134 | 138..=140 => Some(16),
        135 | 136 => Some(24),
        // RFC 6775: status, reserved, lifetime, EUI-64, registered address.
        157 | 158 => Some(32),
        137 => Some(40),
        _ => None,
    }
}

/// Every family appears, at least 20 times each; no byte of a type's fixed header keeps one
/// value (the descriptions carry every reserved field, so nothing is fixed); the MLDv1 report
/// and done are 24 bytes (RFC 2710 section 3: no body), node information queries carry a
/// whole 16-byte subject or more (RFC 4620 section 4), RPL messages every code of RFC 6550
/// section 6 (the four base objects, and their secure forms without a base), options and bodies
/// of many lengths, and types without a view many values.
#[test]
fn reprs6_vary_every_field() {
    let msgs = messages(12000);
    let mut count: BTreeMap<u8, usize> = BTreeMap::new();
    let mut lens: BTreeMap<u8, BTreeSet<usize>> = BTreeMap::new();
    for m in &msgs {
        *count.entry(m[0]).or_default() += 1;
        lens.entry(m[0]).or_default().insert(m.len());
    }
    // The types with a view (`Message`'s variants other than `Other`).
    let viewed: BTreeSet<u8> = [1u8, 2, 3, 4]
        .into_iter()
        .chain(128..=149)
        .chain([151, 154, 155, 157, 158, 160, 161])
        .collect();
    for &t in &viewed {
        assert!(
            count.get(&t).copied().unwrap_or(0) >= 20,
            "type {t}: {count:?}"
        );
    }
    // Without a view: kept as type, code and body, of many types and codes.
    let raw = || msgs.iter().filter(|m| !viewed.contains(&m[0]));
    for m in raw() {
        let msg = v6::Message::parse_unverified(&m[..]).unwrap();
        assert!(matches!(msg, v6::Message::Other(_)), "{m:02x?}");
    }
    assert!(raw().map(|m| m[0]).collect::<BTreeSet<_>>().len() > 100);
    assert!(raw().map(|m| m[1]).collect::<BTreeSet<_>>().len() > 100);

    for t in [131, 132] {
        assert_eq!(lens[&t], BTreeSet::from([24]), "type {t}");
    }
    assert!(msgs.iter().filter(|m| m[0] == 139).all(|m| m.len() >= 32));
    // Options or bodies as bytes: each type at its fixed length and longer.
    for t in [
        133, 135, 137, 138, 139, 141, 142, 144, 148, 149, 151, 154, 155, 157,
    ] {
        assert!(lens[&t].len() > 5, "type {t}: {:?}", lens[&t]);
    }
    let rpl: BTreeSet<u8> = msgs.iter().filter(|m| m[0] == 155).map(|m| m[1]).collect();
    assert_eq!(rpl, BTreeSet::from([0, 1, 2, 3, 0x80, 0x81, 0x82, 0x83]));

    let constant = common::constant_header_bytes(msgs.iter().map(|m| &m[..]), fixed_len, 20);
    assert_eq!(constant, Vec::<(u8, usize)>::new());
}
