//! `stack::ProbeKey` on the kernel captures: every ICMP error a Linux kernel sent about a probe
//! host A sent (echo requests, in the captures) must key to exactly the probes it quotes, found
//! without the key: on IPv4 by the quoted header's identification, source and destination; on
//! IPv6 by the quoted bytes after the IPv6 header (the probe's own, as far as quoted). Then the
//! datagram-socket case and each error.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::{IpAddr, Ipv4Addr};

use icmpwire::stack::{Flow, ProbeKey};
use icmpwire::{ParseError, Part};

/// (errors compared, the flows they keyed to)
fn errors_key_to_their_probes(name: &str) -> (usize, Vec<Flow>) {
    let packets: Vec<Vec<u8>> = common::ethernet_frames(name)
        .into_iter()
        .map(|f| f[14..].to_vec())
        .collect();
    let v4 = name == "kernel.pcap";
    // What A sent: echo requests, whole (not later fragments).
    let sent: Vec<&Vec<u8>> = packets
        .iter()
        .filter(|p| {
            if v4 {
                let hl = usize::from(p[0] & 15) * 4;
                p[12..16] == [192, 0, 2, 10]
                    && p[9] == 1
                    && p[hl] == 8
                    && p[6] & 0x1F == 0
                    && p[7] == 0
            } else {
                p[8..24]
                    == "2001:db8:1::10"
                        .parse::<std::net::Ipv6Addr>()
                        .unwrap()
                        .octets()
                    && p[6] == 58
                    && p[40] == 128
            }
        })
        .collect();
    let (mut n, mut flows) = (0, Vec::new());
    for p in &packets {
        let (hl, ty) = if v4 {
            let hl = usize::from(p[0] & 15) * 4;
            (hl, p[hl])
        } else {
            (40, p[40])
        };
        let is_error = if v4 {
            p[9] == 1 && matches!(ty, 3 | 4 | 5 | 11 | 12)
        } else {
            p[6] == 58 && (1..=4).contains(&ty)
        };
        if !is_error || p.len() < hl + 8 + 28 {
            continue;
        }
        let quote = &p[hl + 8..];
        let probes: Vec<usize> = sent
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                if v4 {
                    // identification, then the addresses
                    s[4..6] == quote[4..6] && s[12..20] == quote[12..20]
                } else {
                    let n = (s.len() - 40).min(quote.len() - 40);
                    quote[6] == 58 && s[40..40 + n] == quote[40..40 + n] && s[8..40] == quote[8..40]
                }
            })
            .map(|(i, _)| i)
            .collect();
        if probes.is_empty() {
            continue;
        }
        let key = ProbeKey::of_packet(quote).unwrap();
        let keyed: Vec<usize> = sent
            .iter()
            .enumerate()
            .filter(|(_, s)| ProbeKey::of_packet(s).unwrap() == key)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(keyed, probes, "{name}: {key:?}");
        n += 1;
        flows.push(key.flow);
    }
    (n, flows)
}

#[test]
fn kernel_errors_key_to_the_probes_they_quote() {
    let (n4, flows4) = errors_key_to_their_probes("kernel.pcap");
    let (n6, flows6) = errors_key_to_their_probes("kernel6.pcap");
    assert!(
        flows4
            .iter()
            .chain(&flows6)
            .all(|f| matches!(f, Flow::Echo { .. }))
    );
    assert_eq!((n4, n6), (17, 10));
}

/// A Linux datagram socket's echo request: the program writes identifier 0, the kernel sends
/// the socket's port (here 41000), which the quote carries.
#[test]
fn datagram_socket_identifier() {
    let (a, b) = (
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)),
        IpAddr::V4(Ipv4Addr::new(203, 0, 113, 2)),
    );
    let written = ProbeKey::of_message(a, b, 1, &[8, 0, 0, 0, 0, 0, 0, 5, b'x']).unwrap();
    let quote = [
        0x45, 0, 0, 29, 0, 9, 0x40, 0, 1, 1, 0, 0, 192, 0, 2, 10, 203, 0, 113, 2, 8, 0, 0, 0, 0xa0,
        0x28, 0, 5,
    ];
    let returned = ProbeKey::of_packet(&quote).unwrap();
    assert_ne!(written, returned);
    assert_eq!(written.with_echo_identifier(41000), returned);
    assert_eq!(
        returned.flow,
        Flow::Echo {
            identifier: 41000,
            sequence: 5
        }
    );
    // Ports are not an identifier.
    let udp = ProbeKey::of_message(a, b, 17, &[0x9c, 0x40, 0x82, 0x9a]).unwrap();
    assert_eq!(udp.with_echo_identifier(1), udp);
    assert_eq!(
        udp.flow,
        Flow::Ports {
            src: 40000,
            dst: 33434
        }
    );
    // An echo reply, or another protocol, is keyed by its addresses and protocol alone.
    let reply = ProbeKey::of_message(a, b, 1, &[0, 0, 0, 0, 0, 1, 0, 1]).unwrap();
    assert_eq!(reply.flow, Flow::Other);
    assert_eq!(
        ProbeKey::of_message(a, b, 47, &[]).unwrap().flow,
        Flow::Other
    );
    assert_eq!(
        ProbeKey::of_message(a, b, 6, &[0, 80, 1]),
        Err(ParseError::Truncated {
            part: Part::QuotedPorts,
            required: 4,
            actual: 3
        })
    );
    assert_eq!(
        ProbeKey::of_message(a, b, 1, &[8, 0, 0, 0, 0, 1, 0]),
        Err(ParseError::Truncated {
            part: Part::QuotedPorts,
            required: 8,
            actual: 7
        })
    );
}

/// Quotes that cannot be keyed, each with its reason.
#[test]
fn unkeyable_quotes() {
    let mut q = [
        0x45u8, 0, 0, 28, 0, 1, 0, 0, 1, 1, 0, 0, 192, 0, 2, 10, 203, 0, 113, 2, 8, 0, 0, 0, 0, 1,
        0, 1,
    ];
    assert!(ProbeKey::of_packet(&q).is_ok());
    assert_eq!(
        ProbeKey::of_packet(&q[..26]),
        Err(ParseError::Truncated {
            part: Part::QuotedPorts,
            required: 8,
            actual: 6
        })
    );
    q[0] = 0x55;
    assert_eq!(
        ProbeKey::of_packet(&q),
        Err(ParseError::QuotedVersion {
            expected: 4,
            version: 5
        })
    );
    q[0] = 0x45;
    q[7] = 1; // a later fragment: its bytes are not the header
    assert!(matches!(
        ProbeKey::of_packet(&q),
        Err(ParseError::QuotedFragment { .. })
    ));
    // IPv6 with a routing header: keyed by its final destination.
    let mut q6 = vec![0x60, 0, 0, 0, 0, 32, 43, 64];
    q6.extend_from_slice(
        &"2001:db8::1"
            .parse::<std::net::Ipv6Addr>()
            .unwrap()
            .octets(),
    );
    q6.extend_from_slice(
        &"2001:db8::a"
            .parse::<std::net::Ipv6Addr>()
            .unwrap()
            .octets(),
    );
    // A type 2 routing header (RFC 6275), one address, segments left 1.
    q6.extend_from_slice(&[17, 2, 2, 1, 0, 0, 0, 0]);
    q6.extend_from_slice(
        &"2001:db8::b"
            .parse::<std::net::Ipv6Addr>()
            .unwrap()
            .octets(),
    );
    q6.extend_from_slice(&[0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0]);
    let key = ProbeKey::of_packet(&q6).unwrap();
    assert_eq!(key.dst, "2001:db8::b".parse::<IpAddr>().unwrap());
    assert_eq!(
        (key.protocol, key.flow),
        (
            17,
            Flow::Ports {
                src: 40000,
                dst: 33434
            }
        )
    );
}

/// Only the protocols with ports are keyed by them, from a packet and from a message alike;
/// an ICMPv6 echo request keys by its identifier and sequence.
#[test]
fn ports_only_where_the_protocol_has_them() {
    // A UDP and a GRE datagram from 192.0.2.10 to 203.0.113.2, the same first 8 bytes.
    let mut q = [
        0x45u8, 0, 0, 28, 0, 1, 0, 0, 1, 17, 0, 0, 192, 0, 2, 10, 203, 0, 113, 2, 0x9c, 0x40, 0x82,
        0x9a, 0, 8, 0, 0,
    ];
    let udp = ProbeKey::of_packet(&q).unwrap();
    assert_eq!(
        (udp.protocol, udp.flow),
        (
            17,
            Flow::Ports {
                src: 40000,
                dst: 33434
            }
        )
    );
    q[9] = 47;
    assert_eq!(ProbeKey::of_packet(&q).unwrap().flow, Flow::Other);
    let (a, b) = (
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 10)),
        IpAddr::V4(Ipv4Addr::new(203, 0, 113, 2)),
    );
    assert_eq!(
        ProbeKey::of_message(a, b, 47, &q[20..]).unwrap().flow,
        Flow::Other
    );
    // The same over IPv6.
    let (s6, d6): (std::net::Ipv6Addr, std::net::Ipv6Addr) = (
        "2001:db8:1::10".parse().unwrap(),
        "2001:db8:2::2".parse().unwrap(),
    );
    let mut p6 = vec![0x60, 0, 0, 0, 0, 8, 17, 1];
    p6.extend_from_slice(&s6.octets());
    p6.extend_from_slice(&d6.octets());
    p6.extend_from_slice(&q[20..]);
    let key = ProbeKey::of_packet(&p6).unwrap();
    assert_eq!(
        (key.protocol, key.flow),
        (
            17,
            Flow::Ports {
                src: 40000,
                dst: 33434
            }
        )
    );
    assert_eq!(
        key,
        ProbeKey::of_message(s6.into(), d6.into(), 17, &q[20..]).unwrap()
    );
    p6[6] = 47;
    assert_eq!(ProbeKey::of_packet(&p6).unwrap().flow, Flow::Other);
    // An ICMPv6 echo request, from a packet and from a message.
    let echo = [128u8, 0, 0, 0, 0x12, 0x34, 0, 9];
    let msg = ProbeKey::of_message(s6.into(), d6.into(), 58, &echo).unwrap();
    assert_eq!(
        msg.flow,
        Flow::Echo {
            identifier: 0x1234,
            sequence: 9
        }
    );
    p6[6] = 58;
    p6.truncate(40);
    p6.extend_from_slice(&echo);
    assert_eq!(ProbeKey::of_packet(&p6).unwrap(), msg);
    // ICMPv4's echo type is not ICMPv6's.
    assert_eq!(
        ProbeKey::of_message(s6.into(), d6.into(), 58, &[8, 0, 0, 0, 0, 1, 0, 1])
            .unwrap()
            .flow,
        Flow::Other
    );
}
