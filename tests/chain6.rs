//! The extension header chain of a quoted IPv6 packet, built here header by header from the
//! RFCs' layouts, through every kind the walk reads: hop-by-hop and destination options
//! (RFC 8200 4.3, 4.6: length in 8-byte units after the first 8), the authentication header
//! (RFC 4302 2.2: length in 32-bit words, minus 2), the fragment header (RFC 8200 4.5: always 8
//! bytes, byte 1 reserved), mobility (RFC 6275 6.1.1), HIP (RFC 7401 5.1) and shim6 (RFC 5533
//! 5.1), all with the RFC 8200 length rule but AH and fragment.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use icmpwire::{ParseError, Quote, protocol};

/// An IPv6 header (version 6, next header `next`, payload length of `rest`), then `rest`.
fn packet(next: u8, rest: &[u8]) -> Vec<u8> {
    let mut p = vec![0x60, 0, 0, 0];
    p.extend_from_slice(&(rest.len() as u16).to_be_bytes());
    p.extend_from_slice(&[next, 64]);
    p.extend_from_slice(&[
        0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ]);
    p.extend_from_slice(&[
        0x20, 0x01, 0x0d, 0xb8, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02,
    ]);
    p.extend_from_slice(rest);
    p
}

/// A header of `len` bytes: next header, the length byte, then filler.
fn header(next: u8, length_byte: u8, len: usize) -> Vec<u8> {
    let mut h = vec![0xA5; len];
    h[0] = next;
    h[1] = length_byte;
    h
}

#[test]
fn every_kind_of_header_in_one_chain() {
    let mut rest = Vec::new();
    rest.extend(header(protocol::AUTHENTICATION, 0, 8)); // hop-by-hop, 8 bytes
    rest.extend(header(protocol::MOBILITY, 4, 24)); // AH: (4 + 2) * 4 = 24 bytes
    rest.extend(header(protocol::HIP, 1, 16)); // mobility: (1 + 1) * 8
    rest.extend(header(protocol::SHIM6, 2, 24)); // HIP: (2 + 1) * 8
    rest.extend(header(protocol::FRAGMENT, 0, 8)); // shim6: 8
    let mut frag = header(protocol::DESTINATION_OPTIONS, 0xAB, 8); // reserved byte set
    frag[2..4].copy_from_slice(&0u16.to_be_bytes()); // offset 0, M clear
    rest.extend(frag);
    rest.extend(header(protocol::UDP, 1, 16)); // destination options: 16
    rest.extend_from_slice(&[0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0]); // UDP 40000 -> 33434
    let p = packet(protocol::HOP_BY_HOP, &rest);
    let ip = Quote::new(&p).ipv6().unwrap();
    let chain: Vec<_> = ip
        .extension_headers()
        .map(|h| {
            let h = h.unwrap();
            (h.name(), h.kind(), h.offset(), h.len())
        })
        .collect();
    assert_eq!(
        chain,
        [
            ("hop-by-hop", 0, 40, 8),
            ("ah", 51, 48, 24),
            ("mobility", 135, 72, 16),
            ("hip", 139, 88, 24),
            ("shim6", 140, 112, 8),
            ("fragment", 44, 120, 8),
            ("destination-options", 60, 128, 16),
        ]
    );
    let up = ip.upper_layer().unwrap();
    assert_eq!((up.protocol, up.offset), (protocol::UDP, 144));
    assert_eq!(up.fragment.unwrap().offset, 0);
    assert_eq!(ip.ports().unwrap(), (40000, 33434));
    // The fragment header's byte 1 is reserved: no length field.
    let frag = ip.extension_headers().nth(5).unwrap().unwrap();
    assert_eq!((frag.length_field(), frag.bytes()[1]), (None, 0xAB));
    assert_eq!(
        ip.extension_headers()
            .nth(1)
            .unwrap()
            .unwrap()
            .length_field(),
        Some(4)
    );
    // The fixed header's fields, as built above.
    assert_eq!(
        (
            ip.version(),
            ip.traffic_class(),
            ip.flow_label(),
            ip.hop_limit()
        ),
        (6, 0, 0, 64)
    );
    assert_eq!(usize::from(ip.payload_length()), rest.len());
    let debug = format!("{ip:?}");
    assert!(
        debug.starts_with("QuotedIpv6") && debug.contains("next_header: 0"),
        "{debug}"
    );
}

#[test]
fn traffic_class_and_flow_label() {
    // Version 6, traffic class 0xb8 (DSCP 46, ECN 0), flow label 0x12345, hop limit 1.
    let mut p = packet(protocol::UDP, &[0, 53, 0, 53]);
    p[..4].copy_from_slice(&[0x6b, 0x81, 0x23, 0x45]);
    p[7] = 1;
    let ip = Quote::new(&p).ipv6().unwrap();
    assert_eq!(
        (
            ip.version(),
            ip.traffic_class(),
            ip.flow_label(),
            ip.hop_limit()
        ),
        (6, 0xb8, 0x12345, 1)
    );
}

#[test]
fn esp_and_no_next_header_end_the_chain() {
    for last in [protocol::ESP, protocol::NO_NEXT_HEADER, 253, 254] {
        let mut rest = header(last, 0, 8);
        rest.extend_from_slice(&[1, 2, 3, 4, 5, 6, 7, 8]);
        let p = packet(protocol::DESTINATION_OPTIONS, &rest);
        let ip = Quote::new(&p).ipv6().unwrap();
        assert_eq!(ip.extension_headers().count(), 1, "{last}");
        let up = ip.upper_layer().unwrap();
        assert_eq!(
            (up.protocol, up.offset, up.bytes.len()),
            (last, 48, 8),
            "{last}"
        );
    }
}

#[test]
fn a_cut_authentication_header_counts_in_words() {
    // AH claims (6 + 2) * 4 = 32 bytes; 20 are quoted.
    let p = packet(protocol::AUTHENTICATION, &header(protocol::UDP, 6, 20));
    let err = Quote::new(&p).ipv6().unwrap().upper_layer().unwrap_err();
    assert_eq!(
        err,
        ParseError::Truncated {
            part: icmpwire::Part::QuotedExtensionHeader,
            required: 32,
            actual: 20
        }
    );
}

/// The ports a quote gives are those of RFC 8200's upper layer, whatever the first next header
/// and however much is quoted: after the chain the walk finds, from a first fragment only, the
/// first 4 bytes, or the error that stops it. Every next header value, quotes of 40 to 56 bytes
/// (a header of 8 bytes then UDP, where the value starts a chain), so that reading the ports
/// without the walk, where there is none to do, gives what the walk gives.
#[test]
fn ports_are_the_upper_layers_first_four_bytes() {
    let mut after = header(protocol::UDP, 0, 8); // an 8-byte extension header, if one is read
    after[2..4].copy_from_slice(&[0, 0]); // as a fragment header: offset 0
    after.extend_from_slice(&[0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0]);
    let mut direct = 0;
    for next in 0..=255u8 {
        for quoted in 0..=after.len() {
            let p = packet(next, &after[..quoted]);
            let ip = Quote::new(&p).ipv6().unwrap();
            let expected = ip.upper_layer().and_then(|up| {
                if let Some(f) = up.fragment.filter(|f| f.offset != 0) {
                    return Err(ParseError::QuotedFragment { offset: f.offset });
                }
                match up.bytes.first_chunk::<4>() {
                    Some(&[a, b, c, d]) => {
                        Ok((u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])))
                    }
                    None => Err(ParseError::Truncated {
                        part: icmpwire::Part::QuotedPorts,
                        required: 4,
                        actual: up.bytes.len(),
                    }),
                }
            });
            assert_eq!(
                ip.ports(),
                expected,
                "next header {next}, {quoted} bytes quoted"
            );
            if up_is_direct(next) && quoted >= 4 {
                // Read at once: the first 4 bytes after the fixed header.
                assert_eq!(
                    ip.ports().unwrap(),
                    (
                        u16::from_be_bytes([after[0], after[1]]),
                        u16::from_be_bytes([after[2], after[3]])
                    ),
                );
                direct += 1;
            }
        }
    }
    // 248 values start no chain (all but the 8 kinds the walk reads), each read at 13 lengths.
    assert_eq!(direct, 248 * 13);
}

/// Whether RFC 8200 and the IANA registry make `next` an upper layer rather than a header the
/// walk reads (tests/chain6.rs's first test lists those eight).
fn up_is_direct(next: u8) -> bool {
    !matches!(next, 0 | 43 | 44 | 51 | 60 | 135 | 139 | 140)
}
