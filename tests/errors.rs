//! One test per error variant (and per `Part` of `Truncated`), asserting the exact variant and
//! its numbers. Checksums in the inputs are computed by the RFC 1071 reference in `common`.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use std::net::Ipv4Addr;

use common::reference_checksum_of_message;
use icmpwire::v4::*;
use icmpwire::*;

/// `bytes` with a correct checksum in bytes 2-3.
fn sealed(mut bytes: Vec<u8>) -> Vec<u8> {
    let c = reference_checksum_of_message(&bytes);
    bytes[2..4].copy_from_slice(&c.to_be_bytes());
    bytes
}

/// A quoted IPv4 header: IHL 5, the given protocol and flags/fragment word, then `rest`.
fn ipv4(protocol: u8, frag: u16, rest: &[u8]) -> Vec<u8> {
    let mut h = vec![0x45, 0, 0, 40, 0, 1];
    h.extend_from_slice(&frag.to_be_bytes());
    h.extend_from_slice(&[64, protocol, 0, 0, 192, 0, 2, 10, 203, 0, 113, 2]);
    h.extend_from_slice(rest);
    h
}

#[test]
fn truncated_header() {
    let e = Message::parse(&[8u8, 0, 0xF7][..]).unwrap_err();
    assert_eq!(
        e,
        ParseError::Truncated {
            part: Part::Header,
            required: 8,
            actual: 3
        }
    );
    assert_eq!(
        e.to_string(),
        "ICMP header truncated: 8 bytes required, 3 present"
    );
    assert_eq!(
        Message::parse_unverified(&[][..] as &[u8]).unwrap_err(),
        ParseError::Truncated {
            part: Part::Header,
            required: 8,
            actual: 0
        }
    );
    assert_eq!(
        Echo::parse(&[0u8; 7][..]).unwrap_err(),
        ParseError::Truncated {
            part: Part::Header,
            required: 8,
            actual: 7
        }
    );
}

#[test]
fn truncated_timestamps() {
    let bytes = sealed(vec![13, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0]);
    let want = ParseError::Truncated {
        part: Part::Timestamps,
        required: 20,
        actual: 16,
    };
    assert_eq!(Message::parse(&bytes[..]).unwrap_err(), want);
    assert_eq!(Timestamp::parse(&bytes[..]).unwrap_err(), want);
}

#[test]
fn truncated_address_mask() {
    let bytes = sealed(vec![18, 0, 0, 0, 0, 1, 0, 1, 255, 255]);
    assert_eq!(
        Message::parse(&bytes[..]).unwrap_err(),
        ParseError::Truncated {
            part: Part::AddressMask,
            required: 12,
            actual: 10
        }
    );
}

#[test]
fn truncated_router_entries() {
    // Num Addrs 5, entry size 2: 40 bytes of entries announced, 16 present.
    let mut bytes = vec![9, 0, 0, 0, 5, 2, 0x07, 0x08];
    bytes.extend_from_slice(&[192, 0, 2, 1, 0, 0, 0, 0, 192, 0, 2, 2, 0, 0, 0, 1]);
    let bytes = sealed(bytes);
    assert_eq!(
        Message::parse(&bytes[..]).unwrap_err(),
        ParseError::Truncated {
            part: Part::RouterEntries,
            required: 40,
            actual: 16
        }
    );
}

#[test]
fn addr_entry_size() {
    for size in [0u8, 1] {
        let bytes = sealed(vec![
            9, 0, 0, 0, 1, size, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0,
        ]);
        assert_eq!(
            RouterAdvertisement::parse(&bytes[..]).unwrap_err(),
            ParseError::AddrEntrySize { size }
        );
    }
}

#[test]
fn bad_checksum() {
    // Echo request id 1 seq 1: the right checksum is 0xF7FD (RFC 1071 by hand: ~(0x0800 +
    // 0x0001 + 0x0001)).
    let bytes = [8u8, 0, 0x12, 0x34, 0, 1, 0, 1];
    let e = Message::parse(&bytes[..]).unwrap_err();
    assert_eq!(
        e,
        ParseError::BadChecksum {
            found: 0x1234,
            expected: 0xF7FD
        }
    );
    assert_eq!(
        e.to_string(),
        "bad checksum: field holds 0x1234, the message needs 0xf7fd"
    );
    assert_eq!(Echo::parse(&bytes[..]).unwrap_err(), e);
    assert_eq!(Raw::parse(&bytes[..]).unwrap_err(), e);
    // A cut message reports the cut, not the checksum.
    assert!(matches!(
        Message::parse(&bytes[..7]).unwrap_err(),
        ParseError::Truncated { .. }
    ));
}

#[test]
fn wrong_type() {
    let bytes = sealed(vec![3, 3, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        Echo::parse(&bytes[..]).unwrap_err(),
        ParseError::WrongType {
            expected: 8,
            found: 3
        }
    );
    assert_eq!(
        TimeExceeded::parse(&bytes[..]).unwrap_err(),
        ParseError::WrongType {
            expected: 11,
            found: 3
        }
    );
    // The raw view reads every type.
    assert!(Raw::parse(&bytes[..]).is_ok());
}

#[test]
fn truncated_quoted_ip_header() {
    let q = [0x45u8, 0, 0, 40, 0, 1, 0, 0, 64, 17, 0, 0];
    assert_eq!(
        Quote::new(&q).ipv4().unwrap_err(),
        ParseError::Truncated {
            part: Part::QuotedIpHeader,
            required: 20,
            actual: 12
        }
    );
}

#[test]
fn truncated_quoted_ip_options() {
    // IHL 7: 8 bytes of options announced, 3 quoted.
    let mut q = ipv4(17, 0, &[1, 1, 1]);
    q[0] = 0x47;
    let ip = Quote::new(&q).ipv4().unwrap();
    assert_eq!(
        ip.src(),
        Ipv4Addr::new(192, 0, 2, 10),
        "the fixed header still reads"
    );
    let want = ParseError::Truncated {
        part: Part::QuotedIpOptions,
        required: 8,
        actual: 3,
    };
    assert_eq!(ip.options().unwrap_err(), want);
    assert_eq!(ip.transport().unwrap_err(), want);
    assert_eq!(ip.ports().unwrap_err(), want);
}

#[test]
fn truncated_quoted_ports() {
    let q = ipv4(17, 0, &[0x82, 0x9a]);
    let ip = Quote::new(&q).ipv4().unwrap();
    let want = ParseError::Truncated {
        part: Part::QuotedPorts,
        required: 4,
        actual: 2,
    };
    assert_eq!(ip.ports().unwrap_err(), want);
    assert_eq!(ip.udp().unwrap_err(), want);
}

#[test]
fn truncated_quoted_icmp() {
    let q = ipv4(1, 0, &[8]);
    assert_eq!(
        Quote::new(&q).ipv4().unwrap().icmp().unwrap_err(),
        ParseError::Truncated {
            part: Part::QuotedIcmp,
            required: 2,
            actual: 1
        }
    );
}

#[test]
fn quoted_version() {
    let mut q = ipv4(17, 0, &[]);
    q[0] = 0x60;
    assert_eq!(
        Quote::new(&q).ipv4().unwrap_err(),
        ParseError::QuotedVersion {
            expected: 4,
            version: 6
        }
    );
}

#[test]
fn quoted_ihl() {
    let mut q = ipv4(17, 0, &[0, 53, 0, 53]);
    q[0] = 0x43;
    let ip = Quote::new(&q).ipv4().unwrap();
    assert_eq!(ip.ihl(), 3);
    assert_eq!(ip.options().unwrap_err(), ParseError::QuotedIhl { ihl: 3 });
    assert_eq!(ip.ports().unwrap_err(), ParseError::QuotedIhl { ihl: 3 });
}

#[test]
fn quoted_fragment() {
    // More-fragments clear, offset 185 (x 8 bytes): the quoted bytes are mid-datagram.
    let q = ipv4(17, 185, &[0, 53, 0, 53]);
    let ip = Quote::new(&q).ipv4().unwrap();
    assert_eq!(
        ip.ports().unwrap_err(),
        ParseError::QuotedFragment { offset: 185 }
    );
    assert_eq!(
        ip.transport().unwrap(),
        &[0, 53, 0, 53],
        "the raw bytes stay reachable"
    );
}

#[test]
fn quoted_protocol() {
    let q = ipv4(6, 0, &[0, 53, 0, 53, 0, 0, 0, 9]);
    let ip = Quote::new(&q).ipv4().unwrap();
    assert_eq!(
        ip.udp().unwrap_err(),
        ParseError::QuotedProtocol {
            expected: 17,
            found: 6
        }
    );
    assert_eq!(
        ip.icmp().unwrap_err(),
        ParseError::QuotedProtocol {
            expected: 1,
            found: 6
        }
    );
    assert_eq!(ip.tcp().unwrap().sequence, Some(9));
}

#[test]
fn buffer_too_small() {
    let repr = Repr::EchoRequest(EchoRepr {
        identifier: 1,
        sequence: 1,
        data: b"ping",
        ..EchoRepr::default()
    });
    let mut small = [0u8; 11];
    let e = repr.emit(&mut small).unwrap_err();
    assert_eq!(
        e,
        EmitError::BufferTooSmall {
            required: 12,
            actual: 11
        }
    );
    assert_eq!(
        e.to_string(),
        "buffer too small: 12 bytes required, 11 available"
    );
    assert_eq!(small, [0; 11], "nothing written");
}

#[test]
fn too_many_entries() {
    let entries = vec![
        RouterEntry {
            address: Ipv4Addr::LOCALHOST,
            preference: 0
        };
        256
    ];
    let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
        entries: RouterEntriesRepr::List(&entries),
        ..RouterAdvertisementRepr::default()
    });
    let mut buf = vec![0u8; 4096];
    assert_eq!(
        repr.emit(&mut buf).unwrap_err(),
        EmitError::TooManyEntries { count: 256 }
    );
}

#[test]
fn router_entries_mismatch() {
    let raw = [0u8; 20];
    for (n, size, len) in [(2u8, 2u8, 20usize), (1, 1, 4)] {
        let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
            entries: RouterEntriesRepr::Raw {
                num_addrs: n,
                entry_size: size,
                bytes: &raw[..len],
            },
            ..RouterAdvertisementRepr::default()
        });
        let mut buf = [0u8; 64];
        assert_eq!(
            repr.emit(&mut buf).unwrap_err(),
            EmitError::RouterEntries {
                len,
                num_addrs: n,
                entry_size: size
            }
        );
    }
}

#[test]
fn truncated_agent_extension() {
    // One router, then an RFC 5944 extension of type 61 announcing 45 bytes with 2 present.
    let bytes = sealed(vec![
        9, 0, 0, 0, 1, 2, 0x02, 0x58, 192, 0, 2, 1, 0, 0, 0, 5, 61, 45, 0xb3, 0x07,
    ]);
    let Ok(Message::RouterAdvertisement(ra)) = Message::parse(&bytes[..]) else {
        panic!()
    };
    let e = ra.agent_extensions().next().unwrap().unwrap_err();
    assert_eq!(
        e,
        ParseError::Truncated {
            part: Part::AgentExtension,
            required: 47,
            actual: 4
        }
    );
    assert_eq!(
        e.to_string(),
        "mobility agent extension truncated: 47 bytes required, 4 present"
    );
}

#[test]
fn agent_extension_emit() {
    let mut buf = [0u8; 300];
    let e = write_agent_extensions(&[AgentExtensionRepr::PrefixLengths(&[8; 300])], &mut buf)
        .unwrap_err();
    assert_eq!(e, EmitError::AgentExtension { kind: 19, len: 300 });
    assert_eq!(
        e.to_string(),
        "mobility agent extension type 19 with 300 data bytes: type 0 (padding) takes none, others at most 255"
    );
    assert_eq!(buf, [0; 300], "nothing written");
}

#[test]
fn errors_are_small_and_copy() {
    fn is_copy<T: Copy + std::error::Error>() {}
    is_copy::<ParseError>();
    is_copy::<EmitError>();
    assert!(std::mem::size_of::<ParseError>() <= 32);
    assert!(std::mem::size_of::<EmitError>() <= 24);
}

/// Every accessor of the quoted IPv4 header on a header whose fields are none of them zero or
/// default, laid out by RFC 791 section 3.1: the flags are the top three bits of bytes 6-7
/// (reserved 0x8000, don't fragment 0x4000, more fragments 0x2000).
#[test]
fn quoted_ipv4_fields() {
    for (word, df, mf) in [
        (0x0000u16, false, false),
        (0x4000, true, false),
        (0x2000, false, true),
        (0x6000, true, true),
        (0x8000, false, false),
        (0xA0B9, false, true),
    ] {
        let mut q = vec![0x46, 0xB8, 0x01, 0x2C, 0xBE, 0xEF];
        q.extend_from_slice(&word.to_be_bytes());
        q.extend_from_slice(&[3, 17, 0, 0, 198, 51, 100, 7, 203, 0, 113, 9, 1, 1, 0, 0]);
        q.extend_from_slice(&[0x30, 0x39, 0x00, 0x35, 0, 8, 0, 0]);
        let sum = !common::reference_sum(&q[..24]);
        q[10..12].copy_from_slice(&sum.to_be_bytes());
        let ip = Quote::new(&q).ipv4().unwrap();
        assert_eq!(
            (ip.dont_fragment(), ip.more_fragments()),
            (df, mf),
            "{word:#06x}"
        );
        assert_eq!(ip.flags(), (word >> 13) as u8);
        assert_eq!(ip.fragment_offset(), word & 0x1FFF);
        assert_eq!((ip.version(), ip.ihl(), ip.tos()), (4, 6, 0xB8));
        assert_eq!((ip.total_length(), ip.identification()), (300, 0xBEEF));
        assert_eq!(
            (ip.ttl(), ip.protocol(), ip.header_checksum()),
            (3, 17, sum)
        );
        assert!(ip.header_checksum_valid(), "{word:#06x}");
        assert_eq!(ip.src(), Ipv4Addr::new(198, 51, 100, 7));
        assert_eq!(ip.dst(), Ipv4Addr::new(203, 0, 113, 9));
        assert_eq!(ip.options().unwrap(), &[1, 1, 0, 0]);
        assert_eq!(ip.bytes().len(), 32);
        assert_eq!(
            format!("{ip:?}"),
            "QuotedIpv4 { ihl: 6, total_length: 300, protocol: 17, src: 198.51.100.7, \
             dst: 203.0.113.9, bytes_present: 32 }"
        );
        // One bit changed in the options (covered by the header checksum) or in the header.
        for at in [8, 21] {
            let mut bad = q.clone();
            bad[at] ^= 0x10;
            assert!(!Quote::new(&bad).ipv4().unwrap().header_checksum_valid());
        }
        // A quote cut inside the options has no checksum to check.
        assert!(!Quote::new(&q[..22]).ipv4().unwrap().header_checksum_valid());
    }
}
