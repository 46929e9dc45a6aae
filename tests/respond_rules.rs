//! The responder's rules on packets made for them: each reason for no answer, the neighbor
//! advertisement's flags and option (RFC 4861 section 7.2.4), RFC 8335's malformed queries, the
//! settings (TTL, hop limit, quote limit, the echo code) read back on the bytes, and the rate
//! limits. Checksums of the packets made here come from the tests' own RFC 1071 reference sum.
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
use icmpwire::stack::{
    AnswerKind, Host, InterfaceState, NoAnswer, NoError, PacketError, PerDestination, Responder,
    TokenBucket,
};
use icmpwire::v4::ExtendedEchoReplyCode;
use icmpwire::v6::LinkRule;

/// An IPv4 packet from 192.0.2.1 to 198.51.100.2 of `protocol` carrying `body`, header
/// checksum filled (RFC 791), and for ICMP the message's checksum too.
fn packet4(protocol: u8, body: &[u8]) -> Vec<u8> {
    let mut p = vec![
        0x45, 0, 0, 0, 0, 7, 0, 0, 64, protocol, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2,
    ];
    p[2..4].copy_from_slice(&(20 + body.len() as u16).to_be_bytes());
    let sum = !common::reference_sum(&p);
    p[10..12].copy_from_slice(&sum.to_be_bytes());
    let mut body = body.to_vec();
    if protocol == 1 {
        let sum = common::reference_checksum_of_message(&body);
        body[2..4].copy_from_slice(&sum.to_be_bytes());
    }
    p.extend_from_slice(&body);
    p
}

/// An IPv6 packet from `src` to `dst` with hop limit `hop` carrying the ICMPv6 message `msg`,
/// its checksum filled.
fn packet6(src: &str, dst: &str, hop: u8, msg: &[u8]) -> Vec<u8> {
    let (s, d) = (common::addr6(src), common::addr6(dst));
    let mut m = msg.to_vec();
    let sum = common::reference_checksum6(s, d, &m);
    m[2..4].copy_from_slice(&sum.to_be_bytes());
    let mut p = vec![0x60, 0, 0, 0, 0, 0, 58, hop];
    p[4..6].copy_from_slice(&(m.len() as u16).to_be_bytes());
    p.extend_from_slice(&s.octets());
    p.extend_from_slice(&d.octets());
    p.extend_from_slice(&m);
    p
}

/// Host 198.51.100.2 and 2001:db8::2 (MAC 02:00:00:00:00:02), UDP port 53 open, no clock, no
/// probing.
struct Plain;

impl Host for Plain {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        a == Ipv4Addr::new(198, 51, 100, 2)
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        a == common::addr6("2001:db8::2")
    }
    fn udp_port_open(&self, _: IpAddr, port: u16) -> bool {
        port == 53
    }
    fn link_layer_address(&self) -> &[u8] {
        &[2, 0, 0, 0, 0, 2]
    }
}

/// UDP from port 40000 to `port`, no checksum.
fn udp4(port: u16) -> Vec<u8> {
    let mut u = vec![0x9c, 0x40, 0, 0, 0, 12, 0, 0, b'd', b'a', b't', b'a'];
    u[2..4].copy_from_slice(&port.to_be_bytes());
    packet4(17, &u)
}

fn answer(host: &impl Host, packet: &[u8], out: &mut [u8]) -> Result<usize, NoAnswer> {
    let mut r: Responder<4> = Responder::new(TokenBucket::new(10, 10), PerDestination::new(10, 10));
    r.respond(host, packet, false, Duration::from_secs(1), out)
        .map(|a| a.len)
}

#[test]
fn each_reason_for_no_answer() {
    let mut out = [0u8; 1500];
    let no = |p: &[u8]| answer(&Plain, p, &mut [0u8; 1500]).unwrap_err();
    assert_eq!(
        no(&[0x50; 20]),
        NoAnswer::Packet(PacketError::Version { version: 5 })
    );
    let mut bad = udp4(9);
    bad[10] ^= 1;
    assert_eq!(no(&bad), NoAnswer::HeaderChecksum);
    let mut elsewhere = udp4(9);
    elsewhere[19] = 3;
    let sum = !common::reference_sum(&{
        let mut h = elsewhere[..20].to_vec();
        h[10..12].fill(0);
        h
    });
    elsewhere[10..12].copy_from_slice(&sum.to_be_bytes());
    assert_eq!(
        no(&elsewhere),
        NoAnswer::NotForUs(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 3)))
    );
    assert_eq!(
        no(&packet4(1, &[0, 0, 0, 0, 0, 1, 0, 1])),
        NoAnswer::NotARequest {
            version: 4,
            icmp_type: 0
        }
    );
    assert_eq!(
        no(&packet4(6, &[0; 20])),
        NoAnswer::Packet(PacketError::NotIcmp {
            version: 4,
            protocol: 6
        })
    );
    assert_eq!(no(&udp4(53)), NoAnswer::PortOpen { port: 53 });
    let mut long = udp4(9);
    long[25] = 13; // the UDP length: one byte more than there is
    assert_eq!(no(&long), NoAnswer::BadUdp);
    let mut summed = udp4(9);
    summed[26] = 1; // a UDP checksum that cannot be right
    assert_eq!(no(&summed), NoAnswer::BadUdp);
    assert_eq!(
        no(&packet4(
            1,
            &[13, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0]
        )),
        NoAnswer::Disabled(AnswerKind::TimestampReply)
    );
    let probe = [
        42, 0, 0, 0, 0, 1, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1,
    ];
    assert_eq!(
        no(&packet4(1, &probe)),
        NoAnswer::Disabled(AnswerKind::ExtendedEchoReply)
    );
    let node = Probing;
    let mut neighbor = probe;
    neighbor[7] = 0; // the L bit clear
    assert_eq!(
        answer(&node, &packet4(1, &neighbor), &mut out),
        Err(NoAnswer::ProbeOfNeighbor)
    );
    // A neighbor solicitation that crossed a router (hop limit 64, RFC 4861 section 7.1.1).
    let ns = ns_for("2001:db8::2");
    assert_eq!(
        no(&packet6("2001:db8::1", "ff02::1:ff00:2", 64, &ns)),
        NoAnswer::Rule(LinkRule::HopLimit { hop_limit: 64 })
    );
    assert_eq!(
        no(&packet6(
            "2001:db8::1",
            "ff02::1:ff00:3",
            255,
            &ns_for("2001:db8::3")
        )),
        NoAnswer::NotForUs(IpAddr::V6(common::addr6("2001:db8::3")))
    );
    // UDP from 0.0.0.0: no error about it (RFC 1122 section 3.2.2).
    let mut anonymous = udp4(9);
    anonymous[12..16].fill(0);
    anonymous[10..12].fill(0);
    let sum = !common::reference_sum(&anonymous[..20]);
    anonymous[10..12].copy_from_slice(&sum.to_be_bytes());
    assert_eq!(no(&anonymous), NoAnswer::Forbidden(NoError::SourceNotAHost));
    let mut r: Responder<4> = Responder::new(TokenBucket::new(1, 1), PerDestination::new(10, 10));
    let t = Duration::from_secs(5);
    assert!(r.respond(&Plain, &udp4(9), false, t, &mut out).is_ok());
    assert_eq!(
        r.respond(&Plain, &udp4(9), false, t, &mut out),
        Err(NoAnswer::RateLimited)
    );
    assert_eq!(
        answer(&Plain, &udp4(9), &mut out[..40]),
        Err(NoAnswer::Buffer(icmpwire::EmitError::BufferTooSmall {
            required: 20 + 8 + 32,
            actual: 40
        }))
    );
    let mut buf = udp4(9);
    let len = buf.len();
    assert_eq!(
        r.respond_in_place(&Plain, &mut buf, len),
        Err(NoAnswer::NotInPlace)
    );
    assert_eq!(buf, udp4(9));
}

/// A neighbor solicitation for `target`, without options.
fn ns_for(target: &str) -> Vec<u8> {
    let mut m = vec![135, 0, 0, 0, 0, 0, 0, 0];
    m.extend_from_slice(&common::addr6(target).octets());
    m
}

/// RFC 4861 section 7.2.4: a solicitation from `::` (duplicate address detection) is answered
/// to all nodes with S clear; one from a neighbor to the solicited-node group, to it with S
/// and O set and the target link-layer address; one sent to the address itself, with neither
/// O nor the option.
#[test]
fn neighbor_advertisements_follow_rfc_4861() {
    let mut out = [0u8; 1500];
    let target = common::addr6("2001:db8::2");
    for (src, dst, to, flags, option) in [
        ("::", "ff02::1:ff00:2", "ff02::1", 0x20, true),
        ("2001:db8::1", "ff02::1:ff00:2", "2001:db8::1", 0x60, true),
        ("2001:db8::1", "2001:db8::2", "2001:db8::1", 0x40, false),
    ] {
        let n = answer(
            &Plain,
            &packet6(src, dst, 255, &ns_for("2001:db8::2")),
            &mut out,
        )
        .unwrap();
        let na = &out[40..n];
        assert_eq!(
            out[..8],
            [0x60, 0, 0, 0, 0, na.len() as u8, 58, 255],
            "{src} {dst}"
        );
        assert_eq!(out[8..24], target.octets());
        assert_eq!(out[24..40], common::addr6(to).octets());
        assert_eq!(
            common::reference_sum6(target, common::addr6(to), na),
            0xFFFF
        );
        assert_eq!(
            (na[0], na[1], na[4], &na[5..8]),
            (136, 0, flags, &[0u8, 0, 0][..])
        );
        assert_eq!(na[8..24], target.octets());
        if option {
            assert_eq!(na[24..], [2, 1, 2, 0, 0, 0, 0, 2]);
        } else {
            assert_eq!(na.len(), 24);
        }
    }
}

/// Host 198.51.100.2 and 2001:db8::2 with probing on: interface index 2 is up with IPv4 only,
/// index 3 names two interfaces, the rest none.
struct Probing;

impl Host for Probing {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        Plain.is_local_v4(a)
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        Plain.is_local_v6(a)
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
    fn probe_enabled(&self) -> bool {
        true
    }
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        match which {
            InterfaceIdentification::Index(2) => Ok(InterfaceState {
                active: true,
                ipv4: true,
                ipv6: false,
            }),
            InterfaceIdentification::Index(3) => Err(ExtendedEchoReplyCode::MULTIPLE_INTERFACES),
            _ => Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE),
        }
    }
}

/// An extended echo request (identifier 0x4200, sequence 5, L set) whose extension structure
/// is `ext`, its RFC 4884 checksum filled unless `keep_sum`.
fn probe_request(ext: &[u8], keep_sum: bool) -> Vec<u8> {
    let mut e = ext.to_vec();
    if !keep_sum && e.len() >= 4 {
        let sum = common::reference_checksum_of_message(&e);
        e[2..4].copy_from_slice(&sum.to_be_bytes());
    }
    let mut m = vec![42, 0, 0, 0, 0x42, 0, 5, 1];
    m.extend_from_slice(&e);
    packet4(1, &m)
}

/// RFC 8335 section 4: the reply's code and state for each kind of query, the identifier,
/// sequence and extension structure returned (as Linux does).
#[test]
fn probe_replies_name_what_was_wrong() {
    let mut out = [0u8; 1500];
    let index = |i: u32| {
        let mut e = vec![0x20, 0, 0, 0, 0, 8, 3, 2];
        e.extend_from_slice(&i.to_be_bytes());
        e
    };
    let cases: Vec<(&str, Vec<u8>, bool, u8, u8)> = vec![
        ("index 2, up, IPv4", index(2), false, 0, 0b110),
        ("index 3, two interfaces", index(3), false, 4, 0),
        ("index 9, none", index(9), false, 2, 0),
        (
            "version 1",
            {
                let mut e = index(2);
                e[0] = 0x10;
                e
            },
            false,
            1,
            0,
        ),
        (
            "a wrong structure checksum",
            {
                let mut e = index(2);
                e[2] = 1;
                e
            },
            true,
            1,
            0,
        ),
        (
            "class 1, not 3",
            {
                let mut e = index(2);
                e[6] = 1;
                e
            },
            false,
            1,
            0,
        ),
        (
            "c-type 9",
            {
                let mut e = index(2);
                e[7] = 9;
                e
            },
            false,
            1,
            0,
        ),
        (
            "an index of 8 bytes",
            {
                let mut e = index(2);
                e[5] = 12;
                e.extend_from_slice(&[0; 4]);
                e
            },
            false,
            1,
            0,
        ),
        ("no object", vec![0x20, 0, 0, 0], false, 1, 0),
        ("no extension structure", Vec::new(), false, 1, 0),
        // By address: AFI 1, length 4, then 4 bytes; the same with length 5; AFI 9.
        (
            "192.0.2.9",
            vec![0x20, 0, 0, 0, 0, 12, 3, 3, 0, 1, 4, 0, 192, 0, 2, 9],
            false,
            2,
            0,
        ),
        (
            "address length 5",
            vec![0x20, 0, 0, 0, 0, 12, 3, 3, 0, 1, 5, 0, 192, 0, 2, 9],
            false,
            1,
            0,
        ),
        (
            "AFI 9",
            vec![0x20, 0, 0, 0, 0, 12, 3, 3, 0, 9, 4, 0, 192, 0, 2, 9],
            false,
            1,
            0,
        ),
        (
            "name eth9",
            vec![
                0x20, 0, 0, 0, 0, 12, 3, 1, b'e', b't', b'h', b'9', 0, 0, 0, 0,
            ],
            false,
            2,
            0,
        ),
    ];
    for (what, ext, keep_sum, code, state) in cases {
        let request = probe_request(&ext, keep_sum);
        let n = answer(&Probing, &request, &mut out).unwrap();
        let reply = &out[20..n];
        assert_eq!(common::reference_sum(reply), 0xFFFF, "{what}");
        assert_eq!((reply[0], reply[1]), (43, code), "{what}");
        assert_eq!(reply[4..7], [0x42, 0, 5], "{what}");
        assert_eq!(reply[7], state, "{what}");
        assert_eq!(reply[8..], request[28..], "{what}");
    }
}

/// The settings, read back on the bytes: TTL and hop limit, the quote limit, the echo code, the
/// identification counting up, an error's precedence (RFC 1812 section 4.3.2.5).
#[test]
fn settings_show_on_the_bytes() {
    let mut out = [0u8; 1500];
    let mut r: Responder<4> =
        Responder::new(TokenBucket::new(100, 100), PerDestination::new(100, 100));
    let t = Duration::from_secs(1);
    let mut echo = packet4(1, &[8, 5, 0, 0, 0, 1, 0, 2, b'x']);
    echo[1] = 0x28; // a type of service, kept in the reply
    echo[10..12].fill(0);
    let sum = !common::reference_sum(&echo[..20]);
    echo[10..12].copy_from_slice(&sum.to_be_bytes());
    let a = r.respond(&Plain, &echo, false, t, &mut out).unwrap();
    assert_eq!(
        (a.kind, out[1], out[8], out[20], out[21]),
        (AnswerKind::EchoReply, 0x28, 64, 0, 0)
    );
    assert_eq!(out[4..6], [0, 1]);
    assert_eq!(common::reference_sum(&out[20..a.len]), 0xFFFF);
    r.ttl = 200;
    r.keep_echo_code = true;
    let a = r.respond(&Plain, &echo, false, t, &mut out).unwrap();
    assert_eq!((out[8], out[20], out[21]), (200, 0, 5));
    assert_eq!(out[4..6], [0, 2]);
    assert_eq!(common::reference_sum(&out[20..a.len]), 0xFFFF);
    assert_eq!(common::reference_sum(&out[..20]), 0xFFFF);
    // RFC 792's quote: the header and 8 bytes; type of service 0x28 becomes 0xc8.
    r.quote = icmpwire::QuoteLimit::Rfc792;
    let mut udp = udp4(9);
    udp[1] = 0x28;
    udp[10..12].fill(0);
    let sum = !common::reference_sum(&udp[..20]);
    udp[10..12].copy_from_slice(&sum.to_be_bytes());
    let a = r.respond(&Plain, &udp, false, t, &mut out).unwrap();
    assert_eq!((a.len, out[1], out[8]), (20 + 8 + 28, 0xc8, 200));
    assert_eq!(out[28..a.len], udp[..28]);
    assert_eq!(out[12..20], [198, 51, 100, 2, 192, 0, 2, 1]);
    // IPv6: the hop limit set, the traffic class kept.
    r.hop_limit = 7;
    let mut v6 = packet6(
        "2001:db8::1",
        "2001:db8::2",
        64,
        &[128, 3, 0, 0, 0, 1, 0, 1],
    );
    v6[0] = 0x6a;
    v6[1] = 0xb0;
    let a = r.respond(&Plain, &v6, false, t, &mut out).unwrap();
    assert_eq!(out[..8], [0x6a, 0xb0, 0, 0, 0, 8, 58, 7]);
    assert_eq!(out[8..24], common::addr6("2001:db8::2").octets());
    assert_eq!(out[24..40], common::addr6("2001:db8::1").octets());
    assert_eq!((out[40], out[41]), (129, 3));
    assert_eq!(out[44..a.len], [0, 1, 0, 1]);
    assert_eq!(
        common::reference_sum6(
            common::addr6("2001:db8::2"),
            common::addr6("2001:db8::1"),
            &out[40..a.len]
        ),
        0xFFFF
    );
}

/// ICMPv6 port unreachable: a zero UDP checksum is refused (RFC 8200 section 8.1), a datagram
/// to a multicast group gets no error, and the quote stops where 1280 bytes do.
#[test]
fn icmpv6_port_unreachable() {
    let mut out = [0u8; 1500];
    let udp6 = |dst: &str, len: usize, zero: bool| {
        let (s, d) = (common::addr6("2001:db8::1"), common::addr6(dst));
        let mut u = vec![0x9c, 0x40, 0, 9, 0, 0, 0, 0];
        u.resize(len, 0x55);
        u[4..6].copy_from_slice(&(len as u16).to_be_bytes());
        if !zero {
            let mut pseudo = Vec::new();
            pseudo.extend_from_slice(&s.octets());
            pseudo.extend_from_slice(&d.octets());
            pseudo.extend_from_slice(&(len as u32).to_be_bytes());
            pseudo.extend_from_slice(&[0, 0, 0, 17]);
            pseudo.extend_from_slice(&u);
            let sum = !common::reference_sum(&pseudo);
            u[6..8].copy_from_slice(&sum.to_be_bytes());
        }
        let mut p = vec![0x60, 0, 0, 0, 0, 0, 17, 64];
        p[4..6].copy_from_slice(&(len as u16).to_be_bytes());
        p.extend_from_slice(&s.octets());
        p.extend_from_slice(&d.octets());
        p.extend_from_slice(&u);
        p
    };
    assert_eq!(
        answer(&Plain, &udp6("2001:db8::2", 20, true), &mut out),
        Err(NoAnswer::BadUdp)
    );
    assert_eq!(
        answer(&Plain, &udp6("ff02::1", 20, false), &mut out),
        Err(NoAnswer::NotForUs(IpAddr::V6(common::addr6("ff02::1"))))
    );
    let small = udp6("2001:db8::2", 20, false);
    let n = answer(&Plain, &small, &mut out).unwrap();
    assert_eq!((n, out[40], out[41]), (40 + 8 + 60, 1, 4));
    assert_eq!(out[48..n], small);
    let big = udp6("2001:db8::2", 1400, false);
    let n = answer(&Plain, &big, &mut out).unwrap();
    assert_eq!(n, 1280);
    assert_eq!(out[48..n], big[..1232]);
    assert_eq!(
        common::reference_sum6(
            common::addr6("2001:db8::2"),
            common::addr6("2001:db8::1"),
            &out[40..n]
        ),
        0xFFFF
    );
}

/// Errors are bounded per destination and in all; replies are not.
#[test]
fn rate_limits_hold_for_errors_only() {
    let mut out = [0u8; 1500];
    let t = Duration::from_secs(3);
    let mut r: Responder<4> = Responder::new(TokenBucket::new(100, 2), PerDestination::new(1, 1));
    assert!(r.respond(&Plain, &udp4(9), false, t, &mut out).is_ok());
    assert_eq!(
        r.respond(&Plain, &udp4(9), false, t, &mut out),
        Err(NoAnswer::RateLimited)
    );
    // Another source has its own bucket, until the global two are spent.
    let mut other = udp4(9);
    other[15] = 7;
    other[10..12].fill(0);
    let sum = !common::reference_sum(&other[..20]);
    other[10..12].copy_from_slice(&sum.to_be_bytes());
    assert!(r.respond(&Plain, &other, false, t, &mut out).is_ok());
    other[15] = 8;
    other[10..12].fill(0);
    let sum = !common::reference_sum(&other[..20]);
    other[10..12].copy_from_slice(&sum.to_be_bytes());
    assert_eq!(
        r.respond(&Plain, &other, false, t, &mut out),
        Err(NoAnswer::RateLimited)
    );
    let echo = packet4(1, &[8, 0, 0, 0, 0, 1, 0, 1]);
    for _ in 0..5 {
        assert!(r.respond(&Plain, &echo, false, t, &mut out).is_ok());
    }
    // A second later, 192.0.2.1 may have one more.
    let later = t + Duration::from_secs(1);
    assert!(r.respond(&Plain, &udp4(9), false, later, &mut out).is_ok());
}

/// A host that keeps the defaults of `Host`: probing on but no interface reported (code 2, no
/// such interface), no link-layer address (an advertisement without the option, and so
/// without the override flag), not a router.
#[test]
fn host_defaults() {
    struct Defaults;
    impl Host for Defaults {
        fn is_local_v4(&self, a: Ipv4Addr) -> bool {
            Plain.is_local_v4(a)
        }
        fn is_local_v6(&self, a: Ipv6Addr) -> bool {
            Plain.is_local_v6(a)
        }
        fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
            false
        }
        fn probe_enabled(&self) -> bool {
            true
        }
    }
    let mut out = [0u8; 1500];
    let ext = [0x20, 0, 0, 0, 0, 8, 3, 2, 0, 0, 0, 1];
    let n = answer(&Defaults, &probe_request(&ext, false), &mut out).unwrap();
    assert_eq!((out[20], out[21], out[27], n), (43, 2, 0, 20 + 8 + 12));
    let ns = packet6("2001:db8::1", "ff02::1:ff00:2", 255, &ns_for("2001:db8::2"));
    let n = answer(&Defaults, &ns, &mut out).unwrap();
    assert_eq!((n, out[40], out[44]), (40 + 24, 136, 0x40));
}

proptest::proptest! {
    /// Any echo request to the host, of either version, gets the reply RFC 792 and RFC 4443
    /// section 4.2 describe: the same identifier, sequence and data, type 0 or 129, the
    /// addresses swapped, the checksum right by the reference sum; in place the same bytes.
    #[test]
    fn every_echo_request_gets_its_reply(
        identifier: u16,
        sequence: u16,
        data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        v6: bool,
    ) {
        let mut m = vec![if v6 { 128 } else { 8 }, 0, 0, 0];
        m.extend_from_slice(&identifier.to_be_bytes());
        m.extend_from_slice(&sequence.to_be_bytes());
        m.extend_from_slice(&data);
        let request = if v6 {
            packet6("2001:db8::1", "2001:db8::2", 64, &m)
        } else {
            packet4(1, &m)
        };
        let mut out = [0u8; 1500];
        let n = answer(&Plain, &request, &mut out).unwrap();
        let hl = if v6 { 40 } else { 20 };
        let reply = &out[hl..n];
        proptest::prop_assert_eq!(reply[0], if v6 { 129 } else { 0 });
        proptest::prop_assert_eq!(&reply[4..], &m[4..]);
        if v6 {
            let (a, b) = (common::addr6("2001:db8::2"), common::addr6("2001:db8::1"));
            proptest::prop_assert_eq!(common::reference_sum6(a, b, reply), 0xFFFF);
            proptest::prop_assert_eq!(&out[8..24], &a.octets());
        } else {
            proptest::prop_assert_eq!(common::reference_sum(reply), 0xFFFF);
            proptest::prop_assert_eq!(&out[12..20], &[198, 51, 100, 2, 192, 0, 2, 1]);
        }
        let mut buf = request.clone();
        let len = buf.len();
        let mut r: Responder<4> = Responder::new(TokenBucket::new(10, 10), PerDestination::new(10, 10));
        let placed = r.respond_in_place(&Plain, &mut buf, len).unwrap();
        proptest::prop_assert_eq!(&buf[..placed.len], &out[..n]);
    }
}

/// The words of each answer kind, as tcpdump names the messages.
#[test]
fn answer_kinds_say_what_they_are() {
    let words: Vec<String> = [
        AnswerKind::EchoReply,
        AnswerKind::TimestampReply,
        AnswerKind::ExtendedEchoReply,
        AnswerKind::NeighborAdvertisement,
        AnswerKind::PortUnreachable,
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        words,
        [
            "echo reply",
            "timestamp reply",
            "extended echo reply",
            "neighbor advertisement",
            "port unreachable"
        ]
    );
    assert_eq!(
        NoAnswer::PortOpen { port: 53 }.to_string(),
        "UDP port 53 is open"
    );
}

/// A quote limit beyond IPv4's 65535 bytes: the error quotes what fits its total length
/// field, 65507 bytes of a 65535-byte datagram.
#[test]
fn the_largest_quote_fits_the_total_length() {
    let mut r: Responder<4> = Responder::new(TokenBucket::new(10, 10), PerDestination::new(10, 10));
    r.quote = icmpwire::QuoteLimit::DatagramSize(100_000);
    let mut udp = vec![0x9c, 0x40, 0, 9, 0, 0, 0, 0];
    udp.resize(65535 - 20, 0x5a);
    udp[4..6].copy_from_slice(&((65535 - 20) as u16).to_be_bytes());
    let datagram = packet4(17, &udp);
    assert_eq!(datagram.len(), 65535);
    let mut out = vec![0u8; 70_000];
    let a = r
        .respond(&Plain, &datagram, false, Duration::ZERO, &mut out)
        .unwrap();
    assert_eq!(a.len, 65535);
    assert_eq!(out[2..4], [0xff, 0xff]);
    assert_eq!(out[28..a.len], datagram[..65507]);
    assert_eq!(common::reference_sum(&out[20..a.len]), 0xFFFF);
}

/// How much of a datagram an error quotes, by the numbers of the RFCs: RFC 792's "internet
/// header plus the first 64 bits" (the header's length from its IHL, never under 20 bytes),
/// RFC 1812 section 4.3.2.3's 576-byte ICMP datagram (576 - 20 - 8 = 548 quoted bytes), and a
/// datagram size of the caller's (less the same 28); a datagram shorter than the limit whole.
#[test]
fn quote_limits_follow_rfc_792_and_1812() {
    use icmpwire::{QuoteLimit, quote_datagram};
    let datagram = |first: u8, len: usize| {
        let mut d = vec![0u8; len];
        d[0] = first;
        d
    };
    for (ihl, quoted) in [(5u8, 28), (6, 32), (15, 68), (4, 28), (0, 28)] {
        let d = datagram(0x40 | ihl, 100);
        assert_eq!(
            quote_datagram(&d, QuoteLimit::Rfc792).len(),
            quoted,
            "IHL {ihl}"
        );
    }
    assert_eq!(
        quote_datagram(&datagram(0x45, 25), QuoteLimit::Rfc792).len(),
        25
    );
    assert!(quote_datagram(&[], QuoteLimit::Rfc792).is_empty());
    assert_eq!(
        quote_datagram(&datagram(0x45, 1000), QuoteLimit::Rfc1812).len(),
        548
    );
    assert_eq!(
        quote_datagram(&datagram(0x45, 500), QuoteLimit::Rfc1812).len(),
        500
    );
    let size = |n| QuoteLimit::DatagramSize(n);
    assert_eq!(
        quote_datagram(&datagram(0x45, 2000), size(1280)).len(),
        1252
    );
    assert_eq!(quote_datagram(&datagram(0x45, 2000), size(29)).len(), 1);
    assert_eq!(quote_datagram(&datagram(0x45, 2000), size(10)).len(), 0);
    assert_eq!(quote_datagram(&datagram(0x45, 60), size(1500)).len(), 60);
    // The prefix, not some other bytes.
    let d: Vec<u8> = (0..100u8).map(|i| i | 0x40).collect();
    assert_eq!(quote_datagram(&d, QuoteLimit::Rfc792), &d[..28]);
}

/// The UDP length field (RFC 768: at least the 8-byte header) and the answer buffer's bound,
/// at their edges; a buffer too small spends no token of the rate limit.
#[test]
fn udp_and_buffer_edges() {
    let mut out = [0u8; 1500];
    // A datagram of its header alone is answered; a length field of 7 is not a datagram.
    let bare = packet4(17, &[0x9c, 0x40, 0, 9, 0, 8, 0, 0]);
    assert_eq!(answer(&Plain, &bare, &mut out), Ok(20 + 8 + 28));
    let short = packet4(17, &[0x9c, 0x40, 0, 9, 0, 7, 0, 0]);
    assert_eq!(answer(&Plain, &short, &mut out), Err(NoAnswer::BadUdp));
    // A buffer of exactly the answer's length is enough; one byte less is not, and leaves
    // the only token for the next try.
    let mut r: Responder<4> = Responder::new(TokenBucket::new(1, 1), PerDestination::new(1, 1));
    let t = Duration::from_secs(2);
    assert_eq!(
        r.respond(&Plain, &udp4(9), false, t, &mut out[..59]),
        Err(NoAnswer::Buffer(icmpwire::EmitError::BufferTooSmall {
            required: 60,
            actual: 59
        }))
    );
    assert_eq!(
        r.respond(&Plain, &udp4(9), false, t, &mut out[..60])
            .map(|a| a.len),
        Ok(60)
    );
    // IPv6: a protocol neither ICMPv6 nor UDP, to the host, is the stack's; to another
    // address, not the host's.
    let mut tcp = packet6("2001:db8::1", "2001:db8::2", 64, &[0; 20]);
    tcp[6] = 6;
    assert_eq!(
        answer(&Plain, &tcp, &mut out),
        Err(NoAnswer::Packet(PacketError::NotIcmp {
            version: 6,
            protocol: 6
        }))
    );
    tcp[39] = 3;
    assert_eq!(
        answer(&Plain, &tcp, &mut out),
        Err(NoAnswer::NotForUs(IpAddr::V6(common::addr6("2001:db8::3"))))
    );
}

/// IPv6: an echo request to a multicast group or another address is not the host's to
/// answer; a UDP datagram is not answered in place; the port unreachable's buffer bound is
/// exact and a buffer one byte short spends no token.
#[test]
fn icmpv6_edges() {
    let mut out = [0u8; 1500];
    let echo = [128u8, 0, 0, 0, 0, 1, 0, 1];
    for dst in ["ff02::1", "2001:db8::3"] {
        assert_eq!(
            answer(&Plain, &packet6("2001:db8::1", dst, 64, &echo), &mut out),
            Err(NoAnswer::NotForUs(IpAddr::V6(common::addr6(dst))))
        );
    }
    // UDP from 2001:db8::1 port 40000 to port 9, its checksum by the reference sum.
    let (s, d) = (common::addr6("2001:db8::1"), common::addr6("2001:db8::2"));
    let mut u = vec![0x9c, 0x40, 0, 9, 0, 12, 0, 0, b'd', b'a', b't', b'a'];
    let mut pseudo = [s.octets(), d.octets()].concat();
    pseudo.extend_from_slice(&[0, 0, 0, 12, 0, 0, 0, 17]);
    pseudo.extend_from_slice(&u);
    let sum = !common::reference_sum(&pseudo);
    u[6..8].copy_from_slice(&sum.to_be_bytes());
    let mut udp = vec![0x60, 0, 0, 0, 0, 12, 17, 64];
    udp.extend_from_slice(&s.octets());
    udp.extend_from_slice(&d.octets());
    udp.extend_from_slice(&u);
    let mut r: Responder<4> = Responder::new(TokenBucket::new(1, 1), PerDestination::new(1, 1));
    let mut buf = udp.clone();
    assert_eq!(
        r.respond_in_place(&Plain, &mut buf, 52),
        Err(NoAnswer::NotInPlace)
    );
    assert_eq!(buf, udp);
    let t = Duration::from_secs(2);
    let need = 40 + 8 + 52;
    assert_eq!(
        r.respond(&Plain, &udp, false, t, &mut out[..need - 1]),
        Err(NoAnswer::Buffer(icmpwire::EmitError::BufferTooSmall {
            required: need,
            actual: need - 1
        }))
    );
    assert_eq!(
        r.respond(&Plain, &udp, false, t, &mut out[..need])
            .map(|a| a.len),
        Ok(need)
    );
    assert_eq!(out[48..need], udp);
}
