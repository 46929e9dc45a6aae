//! `stack::parse_packet`, the entry point for whole IP packets: every frame of the kernel
//! captures read through it, its addresses, TTL or hop limit and ICMP type compared with
//! etherparse's reading of the same frame, its verdict (message, bad checksum, fragment) with
//! tcpdump 4.99.3's -v output (`tests/data/kernel*.tcpdump-v.txt`); and each `PacketError`
//! on a packet made for it.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;
#[path = "../examples/icmpdump/link.rs"]
#[allow(dead_code)]
mod link;

use common::tcpdump_frames;
use etherparse::{IpNumber, LaxIpv4Slice, LaxIpv6Slice};
use icmpwire::stack::{IcmpPacket, PacketError, parse_packet, parse_packet_unverified};
use icmpwire::{AnyMessage, ParseError, v4};

/// What `parse_packet` gave, with the message's own error split out.
fn outcome(r: Result<IcmpPacket<'_>, PacketError>) -> Result<(), ParseError> {
    match r {
        Ok(_) => Ok(()),
        Err(PacketError::Message(e)) => Err(e),
        Err(e) => panic!("not a message error: {e:?}"),
    }
}

#[test]
fn kernel_icmpv4_frames_read_as_etherparse_and_tcpdump_read_them() {
    let theirs = tcpdump_frames(include_str!("data/kernel.tcpdump-v.txt"));
    let frames = common::ethernet_frames("kernel.pcap");
    assert_eq!((frames.len(), theirs.len()), (167, 167));
    let (mut ok, mut bad_sum, mut refused, mut fragments) = (0, 0, 0, 0);
    for (i, (frame, t)) in frames.iter().zip(&theirs).enumerate() {
        let at = format!("frame {}", i + 1);
        let ip = &frame[14..];
        let header = t[0];
        if !header.contains("offset 0,") || header.contains("flags [+") {
            assert!(
                matches!(
                    parse_packet(ip),
                    Err(PacketError::Fragment { version: 4, .. })
                ),
                "{at}"
            );
            fragments += 1;
            continue;
        }
        // etherparse's reading: the header fields, and where the ICMP message is.
        let (v4, _) = LaxIpv4Slice::from_slice(ip).unwrap();
        let h = v4.header();
        let icmp = v4.payload().payload;
        // The entry point's verdict is the message parser's on the bytes etherparse found.
        let verdict = outcome(parse_packet(ip));
        assert_eq!(verdict, v4::Message::parse(icmp).map(|_| ()), "{at}");
        match verdict {
            Ok(()) => ok += 1,
            Err(ParseError::BadChecksum { .. }) => bad_sum += 1,
            Err(_) => refused += 1,
        }
        // tcpdump -v's checksum verdict.
        assert_eq!(
            matches!(verdict, Err(ParseError::BadChecksum { .. })),
            t.iter().any(|l| l.contains("wrong icmp cksum")),
            "{at}"
        );
        let Ok(IcmpPacket::V4 { ip: info, message }) = parse_packet_unverified(ip) else {
            // Refused for its message: nothing more to compare.
            assert!(
                matches!(verdict, Err(e) if !matches!(e, ParseError::BadChecksum { .. })),
                "{at}"
            );
            continue;
        };
        assert_eq!(
            (info.src, info.dst),
            (h.source_addr(), h.destination_addr()),
            "{at}"
        );
        assert_eq!(
            (info.ttl, info.identification, info.tos),
            (
                h.ttl(),
                h.identification(),
                (h.dcp().value() << 2) | h.ecn().value()
            ),
            "{at}"
        );
        assert_eq!(info.header_len, h.slice().len(), "{at}");
        assert_eq!(message.message_len(), icmp.len(), "{at}");
        assert_eq!(message.payload(), &icmp[message.payload_offset()..], "{at}");
    }
    // Counted in tcpdump's output: 3 fragments (offsets or the more-fragments flag), 2 wrong
    // checksums; the messages too short for their type (a timestamp of 12 bytes, ...) are
    // what v4::Message::parse refuses.
    assert_eq!(bad_sum + fragments, 2 + 3);
    assert_eq!(ok + bad_sum + refused + fragments, 167);
}

#[test]
fn kernel_icmpv6_frames_read_as_etherparse_and_tcpdump_read_them() {
    let theirs = tcpdump_frames(include_str!("data/kernel6.tcpdump-v.txt"));
    let frames = common::ethernet_frames("kernel6.pcap");
    assert_eq!((frames.len(), theirs.len()), (339, 339));
    let (mut ok, mut bad_sum, mut fragments, mut compared, mut refused) = (0, 0, 0, 0, 0);
    for (i, (frame, t)) in frames.iter().zip(&theirs).enumerate() {
        let at = format!("frame {}", i + 1);
        let ip = &frame[14..];
        if t[0].contains(" frag (") {
            assert!(
                matches!(
                    parse_packet(ip),
                    Err(PacketError::Fragment { version: 6, .. })
                ),
                "{at}"
            );
            fragments += 1;
            continue;
        }
        let verdict = outcome(parse_packet(ip));
        if t[0].contains("[bad icmp6 cksum") {
            assert!(
                matches!(verdict, Err(ParseError::BadChecksum { .. })),
                "{at}"
            );
            bad_sum += 1;
        } else if t[0].contains("[icmp6 sum ok]") {
            assert!(
                !matches!(verdict, Err(ParseError::BadChecksum { .. })),
                "{at}: {verdict:?}"
            );
            ok += 1;
        }
        let Ok(IcmpPacket::V6 { ip: info, message }) = parse_packet_unverified(ip) else {
            assert!(
                matches!(verdict, Err(e) if !matches!(e, ParseError::BadChecksum { .. })),
                "{at}"
            );
            refused += 1;
            continue;
        };
        let (v6, _) = LaxIpv6Slice::from_slice(ip).unwrap();
        let h = v6.header();
        assert_eq!(
            (info.src, info.dst),
            (h.source_addr(), h.destination_addr()),
            "{at}"
        );
        assert_eq!(
            (info.hop_limit, info.traffic_class, info.flow_label),
            (h.hop_limit(), h.traffic_class(), h.flow_label().value()),
            "{at}"
        );
        // Where etherparse walks the chain to ICMPv6 (it stops at routing types it does not
        // know), the message is the same bytes.
        if v6.payload().ip_number == IpNumber::IPV6_ICMP {
            let icmp = v6.payload().payload;
            assert_eq!(message.message_len(), icmp.len(), "{at}");
            assert_eq!(message.payload(), &icmp[message.payload_offset()..], "{at}");
            compared += 1;
        }
    }
    // Counted in tcpdump's output: 18 fragments, 2 bad checksums, 318 verified; one frame
    // tcpdump stopped reading (a routing header of type 253), which etherparse and icmpwire
    // walk by its length. Every other frame's message is where etherparse finds it.
    assert_eq!((ok, bad_sum, fragments), (318, 2, 18));
    assert_eq!((compared, refused), (321, 0));
}

/// An echo request from 192.0.2.1 to 198.51.100.2, its checksums right.
fn echo4() -> Vec<u8> {
    let b = etherparse::PacketBuilder::ipv4([192, 0, 2, 1], [198, 51, 100, 2], 64)
        .icmpv4_echo_request(7, 1);
    let mut out = vec![0; b.size(8)];
    b.write_to_slice(&mut out, &[0; 8]).unwrap();
    out
}

/// An echo request from 2001:db8::1 to 2001:db8::2.
fn echo6() -> Vec<u8> {
    let mut src = [0u8; 16];
    src[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
    let mut dst = src;
    src[15] = 1;
    dst[15] = 2;
    let b = etherparse::PacketBuilder::ipv6(src, dst, 64).icmpv6_echo_request(7, 1);
    let mut out = vec![0; b.size(8)];
    b.write_to_slice(&mut out, &[0; 8]).unwrap();
    out
}

#[test]
fn every_packet_error() {
    assert!(matches!(parse_packet(&echo4()), Ok(IcmpPacket::V4 { .. })));
    assert!(matches!(parse_packet(&echo6()), Ok(IcmpPacket::V6 { .. })));
    // Version: not 4 or 6, or no byte at all.
    assert_eq!(
        parse_packet(&[0x50; 40]).unwrap_err(),
        PacketError::Version { version: 5 }
    );
    assert_eq!(
        parse_packet(&[]).unwrap_err(),
        PacketError::Version { version: 0 }
    );
    // Truncated: the header, or what the length fields announce.
    let v4 = echo4();
    assert_eq!(
        parse_packet(&v4[..19]).unwrap_err(),
        PacketError::Truncated {
            version: 4,
            required: 20,
            actual: 19
        }
    );
    assert_eq!(
        parse_packet(&v4[..35]).unwrap_err(),
        PacketError::Truncated {
            version: 4,
            required: 36,
            actual: 35
        }
    );
    let v6 = echo6();
    assert_eq!(
        parse_packet(&v6[..39]).unwrap_err(),
        PacketError::Truncated {
            version: 6,
            required: 40,
            actual: 39
        }
    );
    assert_eq!(
        parse_packet(&v6[..55]).unwrap_err(),
        PacketError::Truncated {
            version: 6,
            required: 56,
            actual: 55
        }
    );
    // Padding after the packet is not part of it.
    let mut padded = v4.clone();
    padded.extend_from_slice(&[0; 10]);
    let IcmpPacket::V4 { message, .. } = parse_packet(&padded).unwrap() else {
        panic!()
    };
    assert_eq!(message.message_len(), 16);
    let mut padded6 = v6.clone();
    padded6.extend_from_slice(&[0xAA; 6]);
    let IcmpPacket::V6 { message, .. } = parse_packet(&padded6).unwrap() else {
        panic!()
    };
    assert_eq!(message.message_len(), 16);
    // Ipv4Length: a header under 5 words, a total length under the header's.
    let mut ihl = v4.clone();
    ihl[0] = 0x44;
    assert_eq!(
        parse_packet(&ihl).unwrap_err(),
        PacketError::Ipv4Length {
            ihl: 4,
            total_length: 36
        }
    );
    let mut total = v4.clone();
    total[2..4].copy_from_slice(&19u16.to_be_bytes());
    assert_eq!(
        parse_packet(&total).unwrap_err(),
        PacketError::Ipv4Length {
            ihl: 5,
            total_length: 19
        }
    );
    // A total length equal to the header's: a datagram of no ICMP bytes, refused as a message.
    let mut empty = v4[..20].to_vec();
    empty[2..4].copy_from_slice(&20u16.to_be_bytes());
    assert_eq!(
        parse_packet(&empty).unwrap_err(),
        PacketError::Message(ParseError::Truncated {
            part: icmpwire::Part::Header,
            required: 8,
            actual: 0
        })
    );
    // With options (a header of 6 words), the message starts after them.
    let mut options = v4.clone();
    options[0] = 0x46;
    options[2..4].copy_from_slice(&40u16.to_be_bytes());
    options.splice(20..20, [1, 1, 1, 0]);
    let IcmpPacket::V4 { ip, message } = parse_packet(&options).unwrap() else {
        panic!()
    };
    assert_eq!(
        (
            ip.header_len,
            ip.header_checksum_valid,
            message.message_len()
        ),
        (24, false, 16)
    );
    // Fragment: more fragments, or an offset.
    let mut first = v4.clone();
    first[6] = 0x20;
    assert_eq!(
        parse_packet(&first).unwrap_err(),
        PacketError::Fragment {
            version: 4,
            offset: 0
        }
    );
    let mut later = v4.clone();
    later[7] = 3;
    assert_eq!(
        parse_packet(&later).unwrap_err(),
        PacketError::Fragment {
            version: 4,
            offset: 3
        }
    );
    let frag6 = |offset_and_flags: [u8; 2]| {
        let mut p = v6[..40].to_vec();
        p[6] = 44;
        p[5] += 8;
        p.extend_from_slice(&[58, 0, offset_and_flags[0], offset_and_flags[1], 0, 0, 0, 9]);
        p.extend_from_slice(&v6[40..]);
        p
    };
    assert_eq!(
        parse_packet(&frag6([0, 1])).unwrap_err(),
        PacketError::Fragment {
            version: 6,
            offset: 0
        }
    );
    assert_eq!(
        parse_packet(&frag6([0, 0x10])).unwrap_err(),
        PacketError::Fragment {
            version: 6,
            offset: 2
        }
    );
    // An atomic fragment (offset 0, no more) is the whole packet (RFC 6946).
    let IcmpPacket::V6 { ip, .. } = parse_packet(&frag6([0, 0])).unwrap() else {
        panic!()
    };
    assert_eq!(ip.header_len, 48);
    // NotIcmp: UDP, or ICMPv4's number in IPv6.
    let mut udp = v4.clone();
    udp[9] = 17;
    assert_eq!(
        parse_packet(&udp).unwrap_err(),
        PacketError::NotIcmp {
            version: 4,
            protocol: 17
        }
    );
    let mut icmp_in_v6 = v6.clone();
    icmp_in_v6[6] = 1;
    assert_eq!(
        parse_packet(&icmp_in_v6).unwrap_err(),
        PacketError::NotIcmp {
            version: 6,
            protocol: 1
        }
    );
    // ExtensionHeaders: a hop-by-hop header whose length runs past the packet.
    let mut chain = v6[..40].to_vec();
    chain[6] = 0;
    chain[5] = 8;
    chain.extend_from_slice(&[58, 1, 1, 4, 0, 0, 0, 0]); // says 16 bytes, 8 present
    assert!(matches!(
        parse_packet(&chain).unwrap_err(),
        PacketError::ExtensionHeaders(ParseError::Truncated { .. })
    ));
    // Message: a bad checksum, a message under 8 bytes.
    let mut sum = v4.clone();
    sum[22] ^= 1;
    assert!(matches!(
        parse_packet(&sum).unwrap_err(),
        PacketError::Message(ParseError::BadChecksum { .. })
    ));
    assert!(parse_packet_unverified(&sum).is_ok());
    let mut sum6 = v6.clone();
    sum6[42] ^= 1;
    assert!(matches!(
        parse_packet(&sum6).unwrap_err(),
        PacketError::Message(ParseError::BadChecksum { .. })
    ));
    let mut short = v4[..24].to_vec();
    short[2..4].copy_from_slice(&24u16.to_be_bytes());
    assert!(matches!(
        parse_packet_unverified(&short).unwrap_err(),
        PacketError::Message(ParseError::Truncated { actual: 4, .. })
    ));
    // The words of each.
    assert_eq!(
        PacketError::Truncated {
            version: 6,
            required: 56,
            actual: 55
        }
        .to_string(),
        "IPv6 packet cut short: 56 bytes announced, 55 present"
    );
    assert_eq!(
        PacketError::Fragment {
            version: 4,
            offset: 3
        }
        .to_string(),
        "IPv4 fragment at offset 3 (8-byte units): reassemble it first"
    );
    assert_eq!(
        PacketError::NotIcmp {
            version: 4,
            protocol: 17
        }
        .to_string(),
        "IPv4 packet carries protocol 17, not ICMP"
    );
    assert_eq!(
        PacketError::Ipv4Length {
            ihl: 4,
            total_length: 36
        }
        .to_string(),
        "IPv4 header length 4 words and total length 36: not a header"
    );
}

#[test]
fn the_checksum_covers_the_final_destination_of_a_routing_header() {
    // RFC 8200 8.1: with segments left, the pseudo-header's destination is the routing
    // header's last address. A type 0 header (one address, segments left 1).
    let v6 = echo6();
    let final_dst: core::net::Ipv6Addr = "2001:db8::99".parse().unwrap();
    let mut p = v6[..40].to_vec();
    p[6] = 43;
    p[5] += 24;
    p.extend_from_slice(&[58, 2, 0, 1, 0, 0, 0, 0]);
    p.extend_from_slice(&final_dst.octets());
    let mut icmp = v6[40..].to_vec();
    icmp[2..4].fill(0);
    let src: core::net::Ipv6Addr = "2001:db8::1".parse().unwrap();
    let sum = icmpwire::checksum::icmpv6_checksum(src, final_dst, &icmp);
    icmp[2..4].copy_from_slice(&sum.to_be_bytes());
    p.extend_from_slice(&icmp);
    let IcmpPacket::V6 { ip, .. } = parse_packet(&p).unwrap() else {
        panic!()
    };
    assert_eq!((ip.final_dst, ip.header_len), (final_dst, 64));
    assert_eq!(
        ip.dst,
        "2001:db8::2".parse::<core::net::Ipv6Addr>().unwrap()
    );
    // With no segments left, the header's destination is the final one: the same checksum
    // does not verify.
    p[43] = 0;
    assert!(matches!(
        parse_packet(&p).unwrap_err(),
        PacketError::Message(ParseError::BadChecksum { .. })
    ));
    // A segment routing header (RFC 8754, type 4): the final destination is segment
    // list[0], the first entry; the last entry, 2001:db8::77, is the next segment.
    let next_segment: core::net::Ipv6Addr = "2001:db8::77".parse().unwrap();
    let mut srh = v6[..40].to_vec();
    srh[6] = 43;
    srh[5] += 40;
    srh.extend_from_slice(&[58, 4, 4, 1, 1, 0, 0, 0]); // 40 bytes, type 4, 1 left, last entry 1
    srh.extend_from_slice(&final_dst.octets());
    srh.extend_from_slice(&next_segment.octets());
    srh.extend_from_slice(&icmp);
    let IcmpPacket::V6 { ip, .. } = parse_packet(&srh).unwrap() else {
        panic!()
    };
    assert_eq!((ip.final_dst, ip.header_len), (final_dst, 80));
}
