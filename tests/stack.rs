//! The error rules (RFC 1122 section 3.2.2, RFC 1812 section 4.3.2.7, RFC 4443 section 2.4 (e)),
//! each reason on a packet built by etherparse (an independent builder) from the RFC's own
//! list, and the rate limiter on a simulated clock.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use core::net::{IpAddr, Ipv4Addr};
use core::time::Duration;

use etherparse::{IpNumber, Ipv4Header, Ipv6Header, PacketBuilder};
use icmpwire::stack::{
    Arrival4, Arrival6, NoError, PerDestination, TokenBucket, may_send_error_v4, may_send_error_v6,
};
use proptest::prelude::*;

/// A UDP datagram from `src` to `dst`, from its IPv4 header on.
fn udp4(src: [u8; 4], dst: [u8; 4]) -> Vec<u8> {
    let b = PacketBuilder::ipv4(src, dst, 64).udp(40000, 33434);
    let mut out = vec![0; b.size(12)];
    b.write_to_slice(&mut out, &[0; 12]).unwrap();
    out
}

/// An ICMP message of type `ty` from 192.0.2.1 to 198.51.100.2.
fn icmp4(ty: u8) -> Vec<u8> {
    let b = PacketBuilder::ipv4([192, 0, 2, 1], [198, 51, 100, 2], 64).icmpv4_raw(ty, 0, [0; 4]);
    let mut out = vec![0; b.size(28)];
    b.write_to_slice(&mut out, &[0; 28]).unwrap();
    out
}

const A: [u8; 4] = [192, 0, 2, 1];
const B: [u8; 4] = [198, 51, 100, 2];

#[test]
fn ipv4_reasons_of_rfc_1122_and_1812() {
    let plain = Arrival4::default();
    assert_eq!(may_send_error_v4(&udp4(A, B), plain), Ok(()));
    // "An ICMP error message": unreachable, source quench, redirect, time exceeded, parameter
    // problem (and Photuris, RFC 2521); not the queries.
    for ty in [3, 4, 5, 11, 12, 40] {
        assert_eq!(
            may_send_error_v4(&icmp4(ty), plain),
            Err(NoError::AboutAnError),
            "type {ty}"
        );
    }
    for ty in [0, 8, 13, 14, 42, 43] {
        assert_eq!(may_send_error_v4(&icmp4(ty), plain), Ok(()), "type {ty}");
    }
    // "A datagram destined to an IP broadcast or IP multicast address."
    assert_eq!(
        may_send_error_v4(&udp4(A, [255, 255, 255, 255]), plain),
        Err(NoError::BroadcastDestination)
    );
    let mut subnet = Arrival4::default();
    subnet.directed_broadcast = Some(Ipv4Addr::new(198, 51, 100, 255));
    assert_eq!(
        may_send_error_v4(&udp4(A, [198, 51, 100, 255]), subnet),
        Err(NoError::BroadcastDestination)
    );
    assert_eq!(may_send_error_v4(&udp4(A, B), subnet), Ok(()));
    assert_eq!(
        may_send_error_v4(&udp4(A, [224, 0, 0, 1]), plain),
        Err(NoError::MulticastDestination)
    );
    assert_eq!(
        may_send_error_v4(&udp4(A, [239, 255, 255, 250]), plain),
        Err(NoError::MulticastDestination)
    );
    // "A datagram sent as a link-layer broadcast."
    let mut link = Arrival4::default();
    link.link_broadcast = true;
    assert_eq!(
        may_send_error_v4(&udp4(A, B), link),
        Err(NoError::LinkLayerBroadcast)
    );
    // "A datagram whose source address does not define a single host -- e.g., a zero address,
    // a loopback address, a broadcast address, a multicast address, or a Class E address."
    for src in [
        [0, 0, 0, 0],
        [127, 0, 0, 1],
        [127, 1, 2, 3],
        [255, 255, 255, 255],
        [224, 0, 0, 5],
        [240, 0, 0, 1],
        [250, 1, 2, 3],
    ] {
        assert_eq!(
            may_send_error_v4(&udp4(src, B), plain),
            Err(NoError::SourceNotAHost),
            "{src:?}"
        );
    }
    assert_eq!(
        may_send_error_v4(&udp4([198, 51, 100, 255], B), subnet),
        Err(NoError::SourceNotAHost)
    );
}

#[test]
fn ipv4_fragments_and_cut_packets() {
    let plain = Arrival4::default();
    // "A datagram fragment other than the first": offset 1 (8 bytes); the first fragment
    // (more fragments, offset 0) is answered.
    let mut later = icmp4(8);
    let mut header = Ipv4Header::from_slice(&later).unwrap().0;
    header.fragment_offset = 1.try_into().unwrap();
    header.header_checksum = header.calc_header_checksum();
    later[..20].copy_from_slice(&header.to_bytes());
    assert_eq!(
        may_send_error_v4(&later, plain),
        Err(NoError::LaterFragment)
    );
    // A later fragment of an ICMP error is one too: the fragment rule comes first.
    let mut later_error = icmp4(3);
    later_error[..20].copy_from_slice(&header.to_bytes());
    assert_eq!(
        may_send_error_v4(&later_error, plain),
        Err(NoError::LaterFragment)
    );
    let mut first = icmp4(8);
    let mut header = Ipv4Header::from_slice(&first).unwrap().0;
    header.more_fragments = true;
    first[..20].copy_from_slice(&header.to_bytes());
    assert_eq!(may_send_error_v4(&first, plain), Ok(()));
    // Cut: under 20 bytes, or an ICMP datagram without its type byte.
    assert_eq!(
        may_send_error_v4(&udp4(A, B)[..19], plain),
        Err(NoError::Unreadable)
    );
    assert_eq!(
        may_send_error_v4(&icmp4(3)[..20], plain),
        Err(NoError::Unreadable)
    );
    assert_eq!(
        may_send_error_v4(&icmp4(3)[..21], plain),
        Err(NoError::AboutAnError)
    );
    // Not IPv4 at all.
    assert_eq!(
        may_send_error_v4(&udp6(1)[..], plain),
        Err(NoError::Unreadable)
    );
    // A header length under 5 words is not a header; with options (6 words) it is.
    let mut short = udp4(A, B);
    short[0] = 0x44;
    assert_eq!(may_send_error_v4(&short, plain), Err(NoError::Unreadable));
    let mut options = udp4(A, B);
    options[0] = 0x46;
    options[3] += 4;
    options.splice(20..20, [1, 1, 1, 0]); // NOP, NOP, NOP, end of options
    assert_eq!(may_send_error_v4(&options, plain), Ok(()));
    let mut icmp_options = icmp4(11);
    icmp_options[0] = 0x46;
    icmp_options.splice(20..20, [1, 1, 1, 0]);
    assert_eq!(
        may_send_error_v4(&icmp_options, plain),
        Err(NoError::AboutAnError)
    );
}

/// Each reason says what it is, in its own words.
#[test]
fn reasons_have_distinct_words() {
    let all = [
        (NoError::AboutAnError, "the packet is an ICMP error message"),
        (
            NoError::BroadcastDestination,
            "the packet was sent to a broadcast address",
        ),
        (
            NoError::MulticastDestination,
            "the packet was sent to a multicast address",
        ),
        (
            NoError::LinkLayerBroadcast,
            "the packet came as a link-layer broadcast or multicast",
        ),
        (
            NoError::LaterFragment,
            "the packet is a fragment other than the first",
        ),
        (
            NoError::SourceNotAHost,
            "the packet's source does not name a single host",
        ),
        (
            NoError::Unreadable,
            "the packet cannot be read far enough to tell",
        ),
    ];
    for (reason, words) in all {
        assert_eq!(reason.to_string(), words);
    }
}

const SRC6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
const DST6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
const ALL_NODES: [u8; 16] = [0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

/// A UDP packet from 2001:db8::1 to 2001:db8::`last`.
fn udp6(last: u8) -> Vec<u8> {
    let mut dst = DST6;
    dst[15] = last;
    let b = PacketBuilder::ipv6(SRC6, dst, 64).udp(40000, 33434);
    let mut out = vec![0; b.size(12)];
    b.write_to_slice(&mut out, &[0; 12]).unwrap();
    out
}

fn packet6(src: [u8; 16], dst: [u8; 16], icmp_type: Option<u8>) -> Vec<u8> {
    let b = PacketBuilder::ipv6(src, dst, 64);
    match icmp_type {
        Some(ty) => {
            let b = b.icmpv6_raw(ty, 0, [0; 4]);
            let mut out = vec![0; b.size(16)];
            b.write_to_slice(&mut out, &[0; 16]).unwrap();
            out
        }
        None => {
            let b = b.udp(40000, 33434);
            let mut out = vec![0; b.size(12)];
            b.write_to_slice(&mut out, &[0; 12]).unwrap();
            out
        }
    }
}

#[test]
fn ipv6_reasons_of_rfc_4443() {
    let plain = Arrival6::default();
    assert_eq!(may_send_error_v6(&udp6(2), plain, 1, 4), Ok(()));
    // (e.1) an ICMPv6 error message, (e.2) an ICMPv6 redirect.
    for ty in [1, 2, 3, 4, 100, 127, 137] {
        assert_eq!(
            may_send_error_v6(&packet6(SRC6, DST6, Some(ty)), plain, 1, 4),
            Err(NoError::AboutAnError),
            "type {ty}"
        );
    }
    for ty in [128, 129, 133, 134, 135, 136, 143, 160] {
        assert_eq!(
            may_send_error_v6(&packet6(SRC6, DST6, Some(ty)), plain, 1, 4),
            Ok(()),
            "type {ty}"
        );
    }
    // (e.3) to a multicast address, except packet too big and parameter problem code 2.
    let multicast = packet6(SRC6, ALL_NODES, None);
    for (ty, code) in [(1, 4), (3, 0), (4, 0), (4, 1), (4, 3)] {
        assert_eq!(
            may_send_error_v6(&multicast, plain, ty, code),
            Err(NoError::MulticastDestination),
            "{ty}/{code}"
        );
    }
    assert_eq!(may_send_error_v6(&multicast, plain, 2, 0), Ok(()));
    assert_eq!(may_send_error_v6(&multicast, plain, 4, 2), Ok(()));
    // (e.4, e.5) sent as a link-layer multicast or broadcast, the same exceptions.
    let mut link = Arrival6::default();
    link.link_multicast = true;
    assert_eq!(
        may_send_error_v6(&udp6(2), link, 1, 4),
        Err(NoError::LinkLayerBroadcast)
    );
    assert_eq!(may_send_error_v6(&udp6(2), link, 2, 0), Ok(()));
    assert_eq!(may_send_error_v6(&udp6(2), link, 4, 2), Ok(()));
    // (e.6) a source that does not identify a single node: unspecified, multicast; the
    // exceptions do not lift this one.
    for src in [[0; 16], ALL_NODES] {
        for (ty, code) in [(1, 4), (2, 0), (4, 2)] {
            assert_eq!(
                may_send_error_v6(&packet6(src, DST6, None), plain, ty, code),
                Err(NoError::SourceNotAHost)
            );
        }
    }
}

#[test]
fn ipv6_extension_headers_fragments_and_cut_packets() {
    let plain = Arrival6::default();
    // An ICMPv6 error behind a hop-by-hop header (next header 0, 8 bytes of padding).
    let error = packet6(SRC6, DST6, Some(1));
    let mut with_hbh = error[..40].to_vec();
    with_hbh[6] = 0;
    with_hbh[5] += 8;
    with_hbh.extend_from_slice(&[58, 0, 1, 4, 0, 0, 0, 0]);
    with_hbh.extend_from_slice(&error[40..]);
    assert_eq!(
        may_send_error_v6(&with_hbh, plain, 1, 4),
        Err(NoError::AboutAnError)
    );
    // The chain cut inside the hop-by-hop header.
    assert_eq!(
        may_send_error_v6(&with_hbh[..44], plain, 1, 4),
        Err(NoError::Unreadable)
    );
    // A later fragment of an ICMPv6 message: RFC 4443 does not forbid an error; its type is
    // not in it.
    let mut later = error[..40].to_vec();
    later[6] = 44;
    later.extend_from_slice(&[58, 0, 0, 8, 0, 0, 0, 1]); // offset 1 (8 bytes), id 1
    later.extend_from_slice(&[0; 8]);
    assert_eq!(may_send_error_v6(&later, plain, 1, 4), Ok(()));
    // Its first fragment shows the type: an error.
    let mut first = error[..40].to_vec();
    first[6] = 44;
    first.extend_from_slice(&[58, 0, 0, 1, 0, 0, 0, 1]); // offset 0, more fragments
    first.extend_from_slice(&error[40..]);
    assert_eq!(
        may_send_error_v6(&first, plain, 1, 4),
        Err(NoError::AboutAnError)
    );
    assert_eq!(
        may_send_error_v6(&error[..39], plain, 1, 4),
        Err(NoError::Unreadable)
    );
    assert_eq!(
        may_send_error_v6(&error[..40], plain, 1, 4),
        Err(NoError::Unreadable)
    );
    assert_eq!(
        may_send_error_v6(&udp4(A, B), plain, 1, 4),
        Err(NoError::Unreadable)
    );
    // etherparse agrees on where the payload starts.
    assert_eq!(
        Ipv6Header::from_slice(&error).unwrap().0.next_header,
        IpNumber::IPV6_ICMP
    );
}

#[test]
fn a_bucket_starts_full_and_refills_at_its_rate() {
    let mut b = TokenBucket::new(10, 2);
    let t = Duration::from_secs(100);
    assert!(b.allow(t));
    assert!(b.allow(t));
    assert!(!b.allow(t));
    // A token every 100 ms, never more than the burst.
    assert!(!b.allow(t + Duration::from_millis(99)));
    assert!(b.allow(t + Duration::from_millis(100)));
    assert!(!b.allow(t + Duration::from_millis(100)));
    let later = t + Duration::from_secs(3600);
    assert!(b.allow(later) && b.allow(later) && !b.allow(later));
    // The burst is one second's worth at most, one at least.
    assert_eq!(TokenBucket::new(5, 100).burst(), 5);
    assert_eq!(TokenBucket::new(5, 0).burst(), 1);
    assert_eq!(TokenBucket::new(5, 3).rate(), 5);
    // A rate of 0 lets nothing through.
    let mut none = TokenBucket::new(0, 10);
    assert!(!none.allow(t));
    // A clock that goes back adds nothing.
    let mut c = TokenBucket::new(1, 1);
    assert!(c.allow(t));
    assert!(!c.allow(t - Duration::from_secs(10)));
    assert!(!c.allow(t + Duration::from_millis(999)));
    assert!(c.allow(t + Duration::from_secs(1)));
    // A rate that does not divide a second: 3 a second, never 4 in one second.
    let mut d = TokenBucket::new(3, 1);
    let passed = (0..1000)
        .filter(|ms| d.allow(t + Duration::from_millis(*ms)))
        .count();
    assert_eq!(passed, 3);
}

#[test]
fn destinations_have_their_own_buckets_and_the_idle_one_gives_way() {
    let ip = |n: u8| IpAddr::V4(Ipv4Addr::new(192, 0, 2, n));
    let mut limits: PerDestination<2> = PerDestination::new(1, 1);
    assert!(limits.is_empty());
    let t = Duration::from_secs(10);
    assert!(limits.allow(ip(1), t));
    assert!(limits.allow(ip(2), t + Duration::from_millis(1)));
    assert_eq!(limits.len(), 2);
    assert!(!limits.is_empty());
    assert!(!limits.allow(ip(1), t + Duration::from_millis(2)));
    // A third destination takes the place of the one idle longest: 2, last seen at t + 1 ms
    // (1 was seen at t + 2 ms, refused: a refusal counts as seen).
    assert!(limits.allow(ip(3), t + Duration::from_millis(3)));
    assert_eq!(limits.len(), 2);
    // 1 kept its bucket (still empty); 2 comes back with a full one, in the place of 3.
    assert!(!limits.allow(ip(1), t + Duration::from_millis(4)));
    assert!(limits.allow(ip(2), t + Duration::from_millis(5)));
    let mut none: PerDestination<0> = PerDestination::new(1, 1);
    assert!(!none.allow(ip(1), t));
}

proptest! {
    /// Over any run of calls at increasing times, a bucket of rate r and burst b lets through
    /// at most b + r * seconds (rounded up) in any window, and as many as that when called
    /// often enough.
    #[test]
    fn a_bucket_never_passes_more_than_burst_plus_rate(
        rate in 1u32..50,
        burst in 0u32..60,
        steps in proptest::collection::vec(0u64..400, 1..300),
    ) {
        let mut b = TokenBucket::new(rate, burst);
        let burst = b.burst();
        let mut now = Duration::from_secs(1);
        let mut passed: Vec<Duration> = Vec::new();
        for ms in steps {
            now += Duration::from_millis(ms);
            if b.allow(now) {
                passed.push(now);
            }
        }
        for (i, start) in passed.iter().enumerate() {
            // In the second from `start` on: at most the burst plus rate tokens.
            let end = *start + Duration::from_secs(1);
            let within = passed[i..].iter().take_while(|t| **t < end).count();
            prop_assert!(within as u32 <= burst + rate, "{within} > {burst} + {rate}");
        }
        let span = passed.last().map_or(0.0, |l| (*l - passed[0]).as_secs_f64());
        prop_assert!(passed.len() as f64 <= f64::from(burst) + f64::from(rate) * span + 1.0);
    }
}
