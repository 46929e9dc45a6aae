//! The responder against the Linux kernel: every request of the kernel captures
//! (`tests/data/kernel.pcap`, `kernel6.pcap`, Linux 6.18) that a kernel answered is fed to
//! `stack::Responder` for a host modelled on the answering machine (its address, whether it
//! routes, its MAC address and interfaces as the capture scripts set them up), and the answer
//! must be the kernel's: the ICMP bytes, and the IP header's addresses, TTL or hop limit, type
//! of service or traffic class and length. Where icmpwire follows the RFC and Linux does not,
//! the frame is listed with why. (`respond_rules.rs` has the rules on packets made for them.)
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use icmpwire::extension::{InterfaceAddress, InterfaceIdentification};
use icmpwire::stack::{Host, InterfaceState, PerDestination, Responder, TokenBucket};
use icmpwire::v4::ExtendedEchoReplyCode;

/// A machine of the capture topologies, as `kernel_capture.sh` and `kernel6_capture.sh` set
/// it up.
struct Node {
    /// The address the request went to (or the solicitation's target): the machine's.
    address: IpAddr,
    /// r1, r2 and r3 forward.
    router: bool,
    /// Its MAC address, the source of its frames.
    mac: Vec<u8>,
    /// The time of the kernel's timestamp reply (the clock is the machine's).
    time: Option<u32>,
}

/// How many routers lie between host A's link, where the captures were taken, and the
/// machine with address `a`: two for host B (R1 and R2), none for the others.
fn hops(a: IpAddr) -> u8 {
    let b: [IpAddr; 2] = [
        "203.0.113.2".parse().unwrap(),
        "2001:db8:2::2".parse().unwrap(),
    ];
    if b.contains(&a) { 2 } else { 0 }
}

/// The addresses R1 and R2 forward host B's packets from (`kernel_capture.sh`): what each
/// enters in a record route option on the way (RFC 791 section 3.1).
const ROUTE_TO_B: [[u8; 4]; 2] = [[198, 51, 100, 1], [203, 0, 113, 1]];

/// The packet as the machine `hops` routers away received it: the TTL or hop limit lowered by
/// one per router, each router's address entered in a record route option (the captures
/// forward no other recording option), the IPv4 header checksum updated (RFC 1812 section
/// 5.3.1).
fn forwarded(ip: &[u8], hops: u8) -> Vec<u8> {
    let mut p = ip.to_vec();
    if p[0] >> 4 == 4 {
        p[8] -= hops;
        let hl = usize::from(p[0] & 15) * 4;
        if let Some(rr) = p[20..hl].iter().position(|&b| b == 7).map(|at| 20 + at) {
            for router in &ROUTE_TO_B[..usize::from(hops)] {
                let pointer = usize::from(p[rr + 2]);
                p[rr + pointer - 1..rr + pointer + 3].copy_from_slice(router);
                p[rr + 2] += 4;
            }
        }
        p[10..12].fill(0);
        let sum = !common::reference_sum(&p[..hl]);
        p[10..12].copy_from_slice(&sum.to_be_bytes());
    } else {
        p[7] -= hops;
    }
    p
}

/// The routers' addresses on host A's link (`R1L`, `R3L`, their link-local addresses and the
/// subnet-router anycast address, RFC 4291 section 2.6.1).
fn is_router(a: IpAddr) -> bool {
    [
        "192.0.2.1",
        "192.0.2.3",
        "2001:db8:1::1",
        "2001:db8:1::3",
        "2001:db8:1::",
        "fe80::ff:fe00:1",
        "fe80::ff:fe00:3",
    ]
    .iter()
    .any(|s| s.parse::<IpAddr>().unwrap() == a)
}

impl Host for Node {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        self.address == IpAddr::V4(a)
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        self.address == IpAddr::V6(a)
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
    /// Host B: `lo` (index 1, 127.0.0.1 and ::1) and `b-eth0` (203.0.113.2/26 in the IPv4
    /// topology, 2001:db8:2::2/64 in the IPv6 one, where it has no IPv4 address), both up.
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        let v6_topology = self.address.is_ipv6();
        let eth0 = InterfaceState {
            active: true,
            ipv4: !v6_topology,
            ipv6: true,
        };
        let lo = InterfaceState {
            active: true,
            ipv4: true,
            ipv6: true,
        };
        match which {
            InterfaceIdentification::Name(b"b-eth0") => Ok(eth0),
            InterfaceIdentification::Name(b"lo") | InterfaceIdentification::Index(1) => Ok(lo),
            InterfaceIdentification::Address {
                address: InterfaceAddress::V4(a),
                ..
            } if a == Ipv4Addr::new(203, 0, 113, 2) && !v6_topology => Ok(eth0),
            InterfaceIdentification::Address {
                address: InterfaceAddress::V6(a),
                ..
            } if a == "2001:db8:2::2".parse::<Ipv6Addr>().unwrap() => Ok(eth0),
            _ => Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE),
        }
    }
    fn link_layer_address(&self) -> &[u8] {
        &self.mac
    }
    fn is_router(&self) -> bool {
        self.router
    }
    /// Every IPv6 node has joined all-nodes (RFC 4291 section 2.7.1); each machine answered
    /// the capture's echo request to it from its link-local address, its address here.
    fn group_source_v6(&self, group: Ipv6Addr) -> Option<Ipv6Addr> {
        match self.address {
            IpAddr::V6(a) if group == Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1) => Some(a),
            _ => None,
        }
    }
    fn is_anycast_v6(&self, a: Ipv6Addr) -> bool {
        a.segments()[4..] == [0; 4] && self.router
    }
}

fn responder() -> Responder<16> {
    let mut r = Responder::new(
        TokenBucket::new(1000, 1000),
        PerDestination::new(1000, 1000),
    );
    r.keep_echo_code = true; // as Linux
    r
}

// Whether the responders of this thread verify UDP checksums (the default) or trust them, as
// Linux does on veth links.
thread_local!(static VERIFY_UDP: std::cell::Cell<bool> = const { std::cell::Cell::new(true) });

/// The request a packet is, and the ICMP type of the kernel answer it expects.
fn expected_answer(ip: &[u8]) -> Option<(IpAddr, IpAddr, u8)> {
    if ip[0] >> 4 == 4 {
        let (src, dst) = (
            IpAddr::from(<[u8; 4]>::try_from(&ip[12..16]).unwrap()),
            IpAddr::from(<[u8; 4]>::try_from(&ip[16..20]).unwrap()),
        );
        let hl = usize::from(ip[0] & 15) * 4;
        let frag = u16::from_be_bytes([ip[6], ip[7]]) & 0x3FFF;
        let want = match (ip[9], ip.get(hl)) {
            _ if frag != 0 => return None,
            (1, Some(8)) => 0,
            (1, Some(13)) => 14,
            (1, Some(42)) => 43,
            (17, _) => 3,
            _ => return None,
        };
        Some((src, dst, want))
    } else {
        let src = IpAddr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap());
        let dst = IpAddr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap());
        // Only requests whose ICMPv6 or UDP header follows the fixed header are taken: the
        // kernel's answers to those with extension headers are compared the same way below.
        let (next, at) = match ip[6] {
            0 | 60 => (ip[40], 40 + (usize::from(ip[41]) + 1) * 8),
            n => (n, 40),
        };
        let want = match (next, ip.get(at)) {
            (58, Some(128)) => 129,
            (58, Some(160)) => 161,
            (58, Some(135)) => 136,
            (17, _) => 1,
            _ => return None,
        };
        Some((src, dst, want))
    }
}

/// The kernel's answer to the request of frame `i`: the first of the next four frames from
/// `from` to `to` of ICMP type `want` whose bytes from 4 (identifier and sequence) or from 8
/// (the target, or the quoted header) start with `key`.
fn kernel_answer(
    frames: &[Vec<u8>],
    i: usize,
    (from, to): (IpAddr, &[IpAddr]),
    want: u8,
    key: &[u8],
) -> Option<usize> {
    (i + 1..frames.len().min(i + 5)).find(|&j| {
        let ip = &frames[j][14..];
        let (proto, hl, src, dst) = match ip[0] >> 4 {
            4 => (
                ip[9],
                usize::from(ip[0] & 15) * 4,
                IpAddr::from(<[u8; 4]>::try_from(&ip[12..16]).unwrap()),
                IpAddr::from(<[u8; 4]>::try_from(&ip[16..20]).unwrap()),
            ),
            _ => (
                ip[6],
                40,
                IpAddr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap()),
                IpAddr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap()),
            ),
        };
        // Errors and advertisements: the key is after the first 8 bytes.
        let at = if matches!(want, 1 | 3 | 136) { 8 } else { 4 };
        (proto == 1 || proto == 58)
            && src == from
            && to.contains(&dst)
            && ip.get(hl) == Some(&want)
            && ip.get(hl + at..hl + at + key.len()) == Some(key)
    })
}

/// The frames whose answer was the kernel's (with the ICMP type), and those where it was not
/// (with the first difference).
type Outcome = (Vec<(usize, u8)>, Vec<(usize, String)>);

/// Compares the responder with the kernel on every answered request of a capture.
fn compare(name: &str) -> Outcome {
    let frames = common::ethernet_frames(name);
    let (mut same, mut differ) = (Vec::new(), Vec::new());
    for (i, frame) in frames.iter().enumerate() {
        let ip = &frame[14..];
        let Some((src, dst, want)) = expected_answer(ip) else {
            continue;
        };
        let ns_target =
            (want == 136).then(|| IpAddr::from(<[u8; 16]>::try_from(&ip[48..64]).unwrap()));
        let me = ns_target.unwrap_or(dst);
        let to = if src.is_unspecified() {
            vec!["ff02::1".parse().unwrap()]
        } else {
            vec![src]
        };
        let v4 = ip[0] >> 4 == 4;
        let hl = if v4 { usize::from(ip[0] & 15) * 4 } else { 40 };
        let key = match want {
            // The quoted header's first bytes, its identification included on IPv4; the
            // IPv6 header up to the addresses (the hop limit forwarded).
            3 => ip[..6].to_vec(),
            1 => ip[..6].to_vec(),
            // The target (an NS with extension headers is not in the captures).
            136 => ip[48..64].to_vec(),
            // The identifier and sequence; an extended echo reply's flags byte is its own.
            43 | 161 => ip[hl + 4..hl + 7].to_vec(),
            _ => ip[hl + 4..hl + 8].to_vec(),
        };
        // An echo request to a group: every machine that answered, each from its own address.
        let answers: Vec<(IpAddr, usize)> = if want == 129 && dst.is_multicast() {
            group_answers(&frames, i, src, &key)
        } else {
            kernel_answer(&frames, i, (me, &to), want, &key)
                .map(|j| (me, j))
                .into_iter()
                .collect()
        };
        for (me, j) in answers {
            match compare_one(name, &frames, (i, ip), (me, j), want) {
                Ok(()) => same.push((i + 1, want)),
                Err(d) => differ.push((i + 1, d)),
            }
        }
    }
    // The captures hold only ICMP: a UDP datagram's port unreachable is compared with the
    // answer to the datagram the kernel quoted, whole, as it arrived.
    for (j, frame) in frames.iter().enumerate() {
        let theirs = &frame[14..];
        let v4 = theirs[0] >> 4 == 4;
        let (hl, len) = header_and_total(theirs);
        let is_port_unreachable = if v4 {
            theirs[9] == 1 && theirs[hl..hl + 2] == [3, 3]
        } else {
            theirs[6] == 58 && theirs[hl..hl + 2] == [1, 4]
        };
        if !is_port_unreachable {
            continue;
        }
        let quote = &theirs[hl + 8..len];
        let (whole, src, me) = if v4 {
            (
                usize::from(u16::from_be_bytes([quote[2], quote[3]])) == quote.len(),
                IpAddr::from(<[u8; 4]>::try_from(&theirs[12..16]).unwrap()),
                IpAddr::from(<[u8; 4]>::try_from(&quote[16..20]).unwrap()),
            )
        } else {
            (
                40 + usize::from(u16::from_be_bytes([quote[4], quote[5]])) == quote.len(),
                IpAddr::from(<[u8; 16]>::try_from(&theirs[8..24]).unwrap()),
                IpAddr::from(<[u8; 16]>::try_from(&quote[24..40]).unwrap()),
            )
        };
        // Only the machine's own answers about datagrams to it (a router rejecting a
        // forwarded datagram is not a host's port unreachable), and quotes of the whole.
        if !whole || src != me {
            continue;
        }
        let node = Node {
            address: me,
            router: is_router(me),
            mac: frame[6..12].to_vec(),
            time: None,
        };
        let at = format!("{name} frame {}", j + 1);
        match check(&node, quote, theirs, (hl, len), hops(me), &at) {
            None => same.push((j + 1, if v4 { 3 } else { 1 })),
            Some(d) => differ.push((j + 1, d)),
        }
    }
    (same, differ)
}

/// The first difference between the responder's answer to `request` for `node` and the
/// kernel's answer `theirs` (its IP header length and total length given), as seen `hops`
/// routers away.
fn check(
    node: &Node,
    request: &[u8],
    theirs: &[u8],
    (their_hl, their_len): (usize, usize),
    hops: u8,
    at: &str,
) -> Option<String> {
    let v4 = request[0] >> 4 == 4;
    let mut out = [0u8; 1500];
    let mut r = responder();
    r.verify_udp_checksum = VERIFY_UDP.get();
    let ours = match r.respond(node, request, false, Duration::from_secs(1), &mut out) {
        Ok(a) => &out[..a.len],
        Err(e) => return Some(format!("no answer: {e}")),
    };
    {
        let what = if v4 {
            [
                ("version and IHL", 0..1),
                ("type of service", 1..2),
                ("total length", 2..4),
                ("TTL", 8..9),
                ("protocol", 9..10),
                ("addresses", 12..20),
            ]
        } else {
            [
                ("version and traffic class", 0..1),
                (
                    "traffic class (its low nibble; the flow label is Linux's hash)",
                    1..2,
                ),
                ("payload length", 4..6),
                ("next header", 6..7),
                ("hop limit", 7..8),
                ("addresses", 8..40),
            ]
        };
        let mut first = None;
        let mut ours = ours.to_vec();
        // What A saw of our answer: lowered by the routers between.
        ours[if v4 { 8 } else { 7 }] -= hops;
        let mut theirs = theirs.to_vec();
        if !v4 {
            theirs[1] &= 0xF0;
            theirs[2..4].fill(0);
        }
        for (field, range) in what {
            if ours[range.clone()] != theirs[range.clone()] {
                first.get_or_insert(format!(
                    "{field}: {:02x?} vs {:02x?}",
                    &ours[range.clone()],
                    &theirs[range]
                ));
            }
        }
        let ours_hl = if v4 {
            usize::from(ours[0] & 15) * 4
        } else {
            40
        };
        if v4 {
            ours[8] += hops;
            assert!(
                icmpwire::checksum::verify(&ours[..ours_hl]),
                "{at}: our IPv4 header checksum"
            );
            let theirs_sent = unforwarded(&theirs[20..their_hl], hops);
            if ours[20..ours_hl] != theirs_sent[..] {
                first.get_or_insert(format!(
                    "options: {:02x?} vs {:02x?}",
                    &ours[20..ours_hl],
                    theirs_sent
                ));
            }
        }
        let (ours_icmp, theirs_icmp) = (&ours[ours_hl..], &theirs[their_hl..their_len]);
        if ours_icmp != theirs_icmp {
            let k = ours_icmp
                .iter()
                .zip(theirs_icmp)
                .position(|(a, b)| a != b)
                .unwrap_or(ours_icmp.len().min(theirs_icmp.len()));
            first.get_or_insert(format!(
                "ICMP byte {k} of {}/{}: {:02x?} vs {:02x?}",
                ours_icmp.len(),
                theirs_icmp.len(),
                ours_icmp.get(k),
                theirs_icmp.get(k)
            ));
        }
        first
    }
}

/// IPv4 options as the answering machine sent them, from those that reached host A `hops`
/// routers later: each router entered one address in a record route option, or one entry in a
/// timestamp option (RFC 791 section 3.1), at the pointer, and moved it on.
fn unforwarded(options: &[u8], hops: u8) -> Vec<u8> {
    let mut o = options.to_vec();
    let mut at = 0;
    while at + 1 < o.len() && o[at] != 0 {
        if o[at] == 1 {
            at += 1;
            continue;
        }
        let len = usize::from(o[at + 1]);
        let entry = match (o[at], o.get(at + 3).map(|f| f & 15)) {
            (7, _) | (68, Some(0)) => 4,
            (68, _) => 8,
            _ => 0,
        };
        let back = entry * usize::from(hops);
        if back > 0 {
            let pointer = usize::from(o[at + 2]) - back;
            o[at + 2] = pointer as u8;
            o[at + pointer - 1..at + pointer - 1 + back].fill(0);
        }
        at += len;
    }
    o
}

/// The time a machine entered last in the timestamp option of its answer `ip` (an IPv4
/// packet), if it has one with an entry.
fn option_time(ip: &[u8]) -> Option<u32> {
    let options = &ip[20..usize::from(ip[0] & 15) * 4];
    let at = options.iter().position(|&b| b == 68)?;
    let (pointer, flag) = (usize::from(options[at + 2]), options[at + 3] & 15);
    let first = if flag == 0 { 5 } else { 9 };
    (pointer > first).then(|| {
        u32::from_be_bytes(
            options[at + pointer - 5..at + pointer - 1]
                .try_into()
                .unwrap(),
        )
    })
}

/// The responder's answer to the request of frame `i` (`ip`) against the kernel's in frame
/// `j`, sent by the machine with address `me`: `Err` with the first difference.
fn compare_one(
    name: &str,
    frames: &[Vec<u8>],
    (i, ip): (usize, &[u8]),
    (me, j): (IpAddr, usize),
    want: u8,
) -> Result<(), String> {
    let v4 = ip[0] >> 4 == 4;
    let theirs = &frames[j][14..];
    let (their_hl, their_len) = header_and_total(theirs);
    if v4 && u16::from_be_bytes([theirs[6], theirs[7]]) & 0x2000 != 0 {
        return Err("the kernel's answer is fragmented".into());
    }
    let node = Node {
        address: me,
        router: is_router(me),
        mac: frames[j][6..12].to_vec(),
        time: if want == 14 {
            Some(u32::from_be_bytes(
                theirs[their_hl + 12..their_hl + 16].try_into().unwrap(),
            ))
        } else if v4 {
            option_time(theirs)
        } else {
            None
        },
    };
    let at = format!("{name} frame {}", i + 1);
    let hops = hops(me);
    let received = forwarded(ip, hops);
    let theirs = theirs.to_vec();
    match check(&node, &received, &theirs, (their_hl, their_len), hops, &at) {
        None => Ok(()),
        Some(d) => Err(d),
    }
}

/// The echo replies of every machine to the echo request of frame `i`, sent by `from` to a
/// multicast group: (the replying machine's address, its frame), among the next frames.
fn group_answers(frames: &[Vec<u8>], i: usize, from: IpAddr, key: &[u8]) -> Vec<(IpAddr, usize)> {
    (i + 1..frames.len().min(i + 8))
        .filter_map(|j| {
            let ip = &frames[j][14..];
            let src = IpAddr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap());
            let dst = IpAddr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap());
            (ip[0] >> 4 == 6
                && ip[6] == 58
                && ip[40] == 129
                && dst == from
                && ip.get(44..44 + key.len()) == Some(key))
            .then_some((src, j))
        })
        .collect()
}

/// An IP packet's header length (the IPv4 IHL, or IPv6's fixed 40 bytes) and total length.
fn header_and_total(ip: &[u8]) -> (usize, usize) {
    if ip[0] >> 4 == 4 {
        (
            usize::from(ip[0] & 15) * 4,
            usize::from(u16::from_be_bytes([ip[2], ip[3]])),
        )
    } else {
        (40, 40 + usize::from(u16::from_be_bytes([ip[4], ip[5]])))
    }
}

/// How many answers of each ICMP type matched.
fn kinds(same: &[(usize, u8)]) -> Vec<(u8, usize)> {
    let mut k = std::collections::BTreeMap::new();
    for (_, t) in same {
        *k.entry(*t).or_insert(0) += 1;
    }
    k.into_iter().collect()
}

/// Where the kernel answered as icmpwire does not, and why.
fn reasons(differ: &[(usize, String)]) -> Vec<(usize, &str)> {
    differ.iter().map(|(f, d)| (*f, d.as_str())).collect()
}

/// A UDP checksum of veth's offload: the pseudo-header's sum, never completed (Linux trusts
/// such packets from a local sender; on a wire they would be refused).
const PARTIAL_UDP: &str = "no answer: UDP datagram cut short or with a wrong checksum";

#[test]
fn icmpv4_answers_are_the_kernels() {
    let (same, differ) = compare("kernel.pcap");
    // Byte for byte: 18 echo replies (2 with a record route or timestamp option returned,
    // RFC 1122 section 3.2.2.6), 4 port unreachable, 8 timestamp and 8 extended echo replies.
    assert_eq!(
        kinds(&same),
        [(0, 18), (3, 4), (14, 8), (43, 8)],
        "{same:?}"
    );
    assert_eq!(
        reasons(&differ),
        [
            // The 1408-byte reply crossed R1-R2's 1000-byte link in fragments.
            (17, "the kernel's answer is fragmented"),
            // An all-zero reply: RFC 1071 gives checksum 0xFFFF, Linux writes 0x0000.
            (129, "ICMP byte 2 of 8/8: Some(ff) vs Some(00)"),
            // A 12-byte timestamp request: Linux answers, icmpwire refuses it as truncated.
            (
                136,
                "no answer: ICMP message: timestamp fields truncated: 20 bytes required, 12 present"
            ),
            (39, PARTIAL_UDP),
            (40, PARTIAL_UDP),
        ]
    );
}

#[test]
fn icmpv6_answers_are_the_kernels() {
    let (same, differ) = compare("kernel6.pcap");
    assert_eq!(
        kinds(&same),
        // The 30 echo replies: 27 to a machine's own address, and the 3 machines' on host A's
        // link that answered an echo request to all-nodes (ff02::1), each from its link-local
        // address (RFC 4443 section 4.2).
        [(1, 6), (129, 30), (136, 18), (161, 9)],
        "{same:?}"
    );
    assert_eq!(
        reasons(&differ),
        [
            // An object of class 1 (MPLS), not 3: Linux answers it, RFC 8335 section 4 says
            // malformed query.
            (209, "ICMP byte 1 of 24/24: Some(01) vs Some(00)"),
            (104, PARTIAL_UDP),
            (105, PARTIAL_UDP),
        ]
    );
}

/// With UDP checksums trusted, as Linux trusts veth's offload, the four datagrams of the
/// captures that carry a partial sum get the kernel's port unreachable byte for byte.
#[test]
fn trusted_udp_checksums_answer_as_the_kernel() {
    VERIFY_UDP.set(false);
    let (same4, differ4) = compare("kernel.pcap");
    let (same6, differ6) = compare("kernel6.pcap");
    assert_eq!(kinds(&same4)[1], (3, 6));
    assert_eq!(kinds(&same6)[0], (1, 8));
    for (frame, d) in differ4.iter().chain(&differ6) {
        assert!(d != PARTIAL_UDP, "frame {frame}");
    }
    assert_eq!(differ4.len() + differ6.len(), 3 + 1);
    VERIFY_UDP.set(true);
}

/// The echo reply written in place is the one written beside the request: every echo request
/// of the kernel captures, IPv4 options and IPv6 extension headers included.
#[test]
fn in_place_echo_replies_equal_copied_ones() {
    let mut n = 0;
    for name in ["kernel.pcap", "kernel6.pcap"] {
        for frame in common::ethernet_frames(name) {
            let ip = &frame[14..];
            let Some((_, dst, want)) = expected_answer(ip) else {
                continue;
            };
            if want != 0 && want != 129 {
                continue;
            }
            // A request to all-nodes is answered by a machine of the link, from its own
            // address: R1's link-local one, as in the capture.
            let address = if dst.is_multicast() {
                "fe80::ff:fe00:1".parse().unwrap()
            } else {
                dst
            };
            let node = Node {
                address,
                router: false,
                mac: Vec::new(),
                time: None,
            };
            let mut out = [0u8; 1500];
            let Ok(copied) = responder().respond(&node, ip, false, Duration::ZERO, &mut out) else {
                continue;
            };
            let mut buf = ip.to_vec();
            let len = buf.len();
            let placed = responder().respond_in_place(&node, &mut buf, len).unwrap();
            assert_eq!(placed, copied);
            assert_eq!(buf[..placed.len], out[..copied.len]);
            n += 1;
        }
    }
    // Every echo request answered but frame 76's, which is source-routed (R1 answered it
    // with a source route failed).
    assert_eq!(n, 82);
}
