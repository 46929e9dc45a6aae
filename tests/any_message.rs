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

/// RFC 4884 section 4: the ICMPv4 errors that may carry an extension structure are destination
/// unreachable, time exceeded and parameter problem, with the quote's length in 32-bit words in
/// byte 5. Every type, with a 128-byte quote declared and the structure after it: only those
/// three (and the probes, whose payload is a structure) show it through `Message`.
#[test]
fn which_types_carry_extensions() {
    for ty in 0..=255u8 {
        let mut m = vec![ty, 0, 0, 0, 0, 32, 0, 0];
        m.extend_from_slice(&[0x45; 128]);
        m.extend_from_slice(&STRUCTURE);
        let Ok(v4) = icmpwire::v4::Message::parse_unverified(&m[..]) else {
            continue;
        };
        let objects = v4.extensions().map(|e| e.objects().count());
        let want = match ty {
            3 | 11 | 12 => Some(1),
            _ => None,
        };
        // The probes read their structure at byte 8, where this message has quote bytes.
        if !matches!(ty, 42 | 43) {
            assert_eq!(objects, want, "v4 type {ty}");
        }
    }
}

/// Where each typed view's payload starts, from the RFC layouts: after the 8-byte header for
/// echo, the errors and the probes (RFC 792, 4443, 8335), after the 20-byte timestamps (RFC 792)
/// and traceroute (RFC 1393), the 12 bytes of an address mask (RFC 950) or a domain name reply
/// (RFC 1788, names after the TTL), a router advertisement's entries (RFC 1256: 8 + 2 entries of
/// 2 words), ICMPv6's 4-byte header for a type without a view (RFC 4443 2.1). The same offset
/// through `Message`, and the payload is what follows it.
#[test]
fn payload_offset_of_each_view() {
    use icmpwire::{v4, v6};
    let msg = |ty: u8, len: usize| {
        let mut m: Vec<u8> = (0..len as u8).map(|b| b.wrapping_mul(7)).collect();
        m[0] = ty;
        m[1] = 0;
        m
    };
    let check = |bytes: &[u8], offset: usize, got: usize, payload: &[u8]| {
        assert_eq!(got, offset, "type {}", bytes[0]);
        assert_eq!(payload, &bytes[offset..], "type {}", bytes[0]);
        let any = v4::Message::parse_unverified(bytes).unwrap();
        assert_eq!(
            any.payload_offset(),
            offset,
            "type {} via Message",
            bytes[0]
        );
    };
    let m = msg(8, 30);
    let v = v4::Echo::parse_unverified(&m[..]).unwrap();
    check(&m, 8, v.payload_offset(), v.payload());
    let m = msg(13, 23);
    let v = v4::Timestamp::parse_unverified(&m[..]).unwrap();
    check(&m, 20, v.payload_offset(), v.payload());
    let m = msg(17, 15);
    let v = v4::AddressMask::parse_unverified(&m[..]).unwrap();
    check(&m, 12, v.payload_offset(), v.payload());
    let m = msg(30, 26);
    let v = v4::Traceroute::parse_unverified(&m[..]).unwrap();
    check(&m, 20, v.payload_offset(), v.payload());
    let mut m = msg(9, 30);
    m[4..6].copy_from_slice(&[2, 2]); // two entries of two words each
    let v = v4::RouterAdvertisement::parse_unverified(&m[..]).unwrap();
    check(&m, 24, v.payload_offset(), v.payload());
    let mut m = msg(11, 40);
    m[4..8].fill(0);
    let v = v4::TimeExceeded::parse_unverified(&m[..]).unwrap();
    check(&m, 8, v.payload_offset(), v.payload());
    let m = vec![38u8, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 60, 0];
    let v = v4::DomainNameReply::parse_unverified(&m[..]).unwrap();
    check(&m, 12, v.payload_offset(), v.payload());

    let m = msg(128, 20);
    let v = v6::Echo::parse_unverified(&m[..]).unwrap();
    assert_eq!((v.payload_offset(), v.payload()), (8, &m[8..]));
    let m = msg(200, 20);
    let v = v6::Raw::parse_unverified(&m[..]).unwrap();
    assert_eq!((v.payload_offset(), v.payload()), (4, &m[4..]));
    let any = v6::Message::parse_unverified(&m[..]).unwrap();
    assert_eq!(any.payload_offset(), 4);
}
