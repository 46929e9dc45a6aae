//! `AnyMessage` on both versions: which types quote a datagram and which carry an extension
//! structure, message by message, against the RFCs' lists (RFC 792 and 2521 for the ICMPv4
//! quoting types, RFC 4443 for ICMPv6's errors, RFC 4884 for the extended errors, RFC 8335 for
//! the probes, whose payload is a structure).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use icmpwire::AnyMessage;

/// An extension structure with one interface index object (RFC 8335 class 3, c-type 2), its
/// checksum summed by hand: 0x2000 + 0x0008 + 0x0302 + 0x0007 = 0x2311, complement 0xdcee.
const STRUCTURE: [u8; 12] = [0x20, 0, 0xdc, 0xee, 0, 8, 3, 2, 0, 0, 0, 7];

#[test]
fn probes_carry_their_structure_on_both_versions() {
    for (ty, v6) in [(42u8, false), (43, false), (160, true), (161, true)] {
        let mut m = vec![ty, 0, 0, 0, 0, 1, 1, 0];
        m.extend_from_slice(&STRUCTURE);
        let count = if v6 {
            let msg = icmpwire::v6::Message::parse_unverified(&m[..]).unwrap();
            assert!(msg.quote().is_none());
            msg.extensions().map(|e| e.objects().count())
        } else {
            let msg = icmpwire::v4::Message::parse_unverified(&m[..]).unwrap();
            assert!(msg.quote().is_none());
            msg.extensions().map(|e| e.objects().count())
        };
        assert_eq!(count, Some(1), "type {ty}");
    }
}

#[test]
fn which_types_quote() {
    let body = [0x60u8; 40];
    for ty in 0..=255u8 {
        let mut m = vec![ty, 0, 0, 0, 0, 0, 0, 0];
        m.extend_from_slice(&body);
        let v6 = icmpwire::v6::Message::parse_unverified(&m[..]).unwrap();
        assert_eq!(v6.quote().is_some(), (1..=4).contains(&ty), "v6 type {ty}");
        if let Ok(v4) = icmpwire::v4::Message::parse_unverified(&m[..]) {
            let quoting = matches!(ty, 3 | 4 | 5 | 11 | 12 | 40);
            assert_eq!(v4.quote().is_some(), quoting, "v4 type {ty}");
        }
    }
}
