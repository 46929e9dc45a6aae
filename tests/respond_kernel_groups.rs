//! The responder against the Linux kernel on requests sent to groups and from them:
//! `tests/data/kernel_groups.pcap` (Linux 6.18, made by `kernel_groups_capture.sh`) holds echo,
//! timestamp and extended echo requests from host A to host B's address, to its subnet's
//! broadcast, to the limited broadcast and to all-systems (B answering broadcasts and probes),
//! to all-nodes on IPv6, and requests from multicast, broadcast and unspecified sources. Every
//! request is given to `stack::Responder` for a host modelled on B: where B answered, the answer
//! must be the kernel's (the ICMP bytes, and the IP header's addresses, TTL or hop limit, type
//! of service or traffic class and length); where it did not, the responder must name why.
//! The one place icmpwire follows RFC 1122 where Linux does not is listed with the reason.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use icmpwire::extension::InterfaceIdentification;
use icmpwire::stack::{Host, InterfaceState, NoAnswer, PerDestination, Responder, TokenBucket};
use icmpwire::v4::ExtendedEchoReplyCode;

const B4: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 2);
const SUBNET_BROADCAST: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 255);
const B6: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 4, 0, 0, 0, 0, 0xb);
const B_LINK_LOCAL: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 0xb);
const A_MAC: [u8; 6] = [2, 0, 0, 0, 0, 0x0a];
const B_MAC: [u8; 6] = [2, 0, 0, 0, 0, 0x0b];

/// Host B as the capture script sets it up: 198.51.100.2/24 (broadcast 198.51.100.255) and
/// 2001:db8:4::b/64 on `b-eth0`, `icmp_echo_ignore_broadcasts` 0, probes enabled.
struct B {
    /// The time of the kernel's timestamp reply (B's clock).
    time: Option<u32>,
}

impl Host for B {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        a == B4
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        a == B6 || a == B_LINK_LOCAL
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
    fn timestamp(&self) -> Option<u32> {
        self.time
    }
    fn probe_enabled(&self) -> bool {
        true
    }
    /// The probes name interface index 1, `lo`, up with both versions' addresses.
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        match which {
            InterfaceIdentification::Index(1) => Ok(InterfaceState {
                active: true,
                ipv4: true,
                ipv6: true,
            }),
            _ => Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE),
        }
    }
    fn is_directed_broadcast_v4(&self, a: Ipv4Addr) -> bool {
        a == SUBNET_BROADCAST
    }
    /// The broadcasts of B's one IPv4 interface, and all-systems (RFC 1112: every IPv4
    /// multicast host has joined it): answered from 198.51.100.2, as the kernel did.
    fn specific_destination_v4(&self, dst: Ipv4Addr) -> Option<Ipv4Addr> {
        let groups = [
            SUBNET_BROADCAST,
            Ipv4Addr::BROADCAST,
            Ipv4Addr::new(224, 0, 0, 1),
        ];
        groups.contains(&dst).then_some(B4)
    }
    /// All-nodes, answered from the global address: the one Linux's source address selection
    /// picked for A's global address.
    fn group_source_v6(&self, group: Ipv6Addr) -> Option<Ipv6Addr> {
        (group == Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1)).then_some(B6)
    }
}

fn responder() -> Responder<4> {
    let mut r = Responder::new(TokenBucket::new(100, 100), PerDestination::new(100, 100));
    r.keep_echo_code = true; // as Linux
    r
}

/// A request of the capture: its frame number, IP packet and source.
struct Request<'a> {
    frame: usize,
    ip: &'a [u8],
    src: IpAddr,
}

/// The IP header length, the ICMP type, the source and destination of an IP packet.
fn split(ip: &[u8]) -> (usize, u8, IpAddr, IpAddr) {
    if ip[0] >> 4 == 4 {
        let hl = usize::from(ip[0] & 15) * 4;
        let src = IpAddr::from(<[u8; 4]>::try_from(&ip[12..16]).unwrap());
        let dst = IpAddr::from(<[u8; 4]>::try_from(&ip[16..20]).unwrap());
        (hl, ip[hl], src, dst)
    } else {
        let src = IpAddr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap());
        let dst = IpAddr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap());
        (40, ip[40], src, dst)
    }
}

/// The requests A sent (echo, timestamp, extended echo of both versions) and, for each, B's
/// answer: the first frame from B that carries the same identifier and sequence.
fn requests(frames: &[Vec<u8>]) -> Vec<(Request<'_>, Option<&[u8]>)> {
    let mut out = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        let ip = &f[14..];
        let (hl, ty, src, _) = split(ip);
        if f[6..12] != A_MAC || ![8, 13, 42, 128, 160].contains(&ty) {
            continue;
        }
        // The identifier and sequence; an extended echo's sequence is one byte.
        let key = &ip[hl + 4..hl + if ty == 42 || ty == 160 { 7 } else { 8 }];
        let answer = frames[i + 1..].iter().take(3).find_map(|g| {
            let theirs = &g[14..];
            let (thl, _, _, _) = split(theirs);
            (g[6..12] == B_MAC && theirs.get(thl + 4..thl + 4 + key.len()) == Some(key))
                .then_some(theirs)
        });
        let frame = i + 1;
        out.push((Request { frame, ip, src }, answer));
    }
    out
}

/// The first difference between our answer and the kernel's `theirs`, if any.
fn difference(ours: &[u8], theirs: &[u8]) -> Option<String> {
    let v4 = ours[0] >> 4 == 4;
    let (ranges, total): (&[(&str, std::ops::Range<usize>)], usize) = if v4 {
        (
            &[
                ("version, IHL, type of service, total length", 0..4),
                ("TTL and protocol", 8..10),
                ("addresses", 12..20),
            ],
            usize::from(u16::from_be_bytes([theirs[2], theirs[3]])),
        )
    } else {
        (
            &[
                ("version", 0..1),
                ("payload length, next header, hop limit", 4..8),
                ("addresses", 8..40),
            ],
            40 + usize::from(u16::from_be_bytes([theirs[4], theirs[5]])),
        )
    };
    for (what, r) in ranges {
        if ours[r.clone()] != theirs[r.clone()] {
            return Some(format!(
                "{what}: {:02x?} vs {:02x?}",
                &ours[r.clone()],
                &theirs[r.clone()]
            ));
        }
    }
    // The traffic class's high nibble is in byte 0, its low in byte 1 (after it the flow
    // label, Linux's hash).
    if !v4 && ours[1] >> 4 != theirs[1] >> 4 {
        return Some("traffic class".into());
    }
    if v4 {
        assert!(
            icmpwire::checksum::verify(&ours[..20]),
            "our IPv4 header checksum"
        );
    }
    let hl = if v4 { 20 } else { 40 };
    (ours[hl..] != theirs[hl..total]).then(|| {
        format!(
            "ICMP bytes: {:02x?} vs {:02x?}",
            &ours[hl..],
            &theirs[hl..total]
        )
    })
}

/// The request of frame 28 (from 198.51.100.255, B's subnet's broadcast, to B): Linux answered
/// it, to the broadcast address, in a link-layer broadcast frame. RFC 1122 section 3.2.1.3:
/// a directed broadcast "MUST NOT be used as a source address", and a host "MUST silently
/// discard an incoming datagram containing an IP source address that is invalid". icmpwire
/// discards it: an answer to a broadcast source is one packet to every host of the subnet.
const LINUX_ANSWERS_A_BROADCAST_SOURCE: usize = 28;

#[test]
fn answers_to_groups_and_from_them_are_the_kernels() {
    let frames = common::ethernet_frames("kernel_groups.pcap");
    let mut matched = Vec::new();
    let mut silent = Vec::new();
    for (req, theirs) in requests(&frames) {
        let time = theirs
            .filter(|t| t[0] >> 4 == 4 && t[20] == 14)
            .map(|t| u32::from_be_bytes(t[32..36].try_into().unwrap()));
        let mut out = [0u8; 1500];
        let ours = responder().respond(&B { time }, req.ip, false, Duration::ZERO, &mut out);
        match (ours, theirs) {
            (Ok(a), Some(theirs)) => {
                let ours = &out[..a.len];
                if let Some(d) = difference(ours, theirs) {
                    panic!("frame {}: {d}", req.frame);
                }
                assert_eq!(a.dst, req.src, "frame {}", req.frame);
                matched.push(req.frame);
            }
            (Err(e), None) => {
                assert_eq!(e, NoAnswer::SourceNotAHost(req.src), "frame {}", req.frame);
                silent.push(req.frame);
            }
            (Err(e), Some(_)) if req.frame == LINUX_ANSWERS_A_BROADCAST_SOURCE => {
                assert_eq!(e, NoAnswer::SourceNotAHost(IpAddr::V4(SUBNET_BROADCAST)));
            }
            (Err(e), Some(_)) => {
                panic!("frame {}: the kernel answered, we did not: {e}", req.frame)
            }
            (Ok(_), None) => panic!("frame {}: we answered, the kernel did not", req.frame),
        }
    }
    // Answered as the kernel did: IPv4 echo to B, the subnet's broadcast, the limited
    // broadcast, all-systems; timestamps to B, the broadcast, all-systems; probes to B,
    // all-systems and the broadcast; IPv6 echo to B and to all-nodes, probes to B and
    // all-nodes.
    assert_eq!(matched.len(), 14, "{matched:?}");
    // Not answered, by either: sources 224.0.0.9 (echo and timestamp), 255.255.255.255,
    // 0.0.0.0, ff02::9 and ::.
    assert_eq!(silent.len(), 6, "{silent:?}");
}
