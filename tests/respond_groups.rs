//! The responder and requests sent to a group: an IPv6 multicast group (RFC 4443 section 4.2:
//! such a request SHOULD be answered, and the reply's source MUST be a unicast address of the
//! interface it arrived on), an IPv4 broadcast or multicast address (RFC 1122 sections 3.2.1.3
//! and 3.2.2.6: the reply's source MUST be the specific-destination address, one of the host's),
//! and requests from a source that names no single host. The kernel's own answers are compared
//! byte for byte in `respond.rs` and `respond_kernel_groups.rs`; here the rules' edges, on
//! packets built from the RFCs' layouts with the test's own checksums.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use icmpwire::stack::{
    AnswerKind, Host, NoAnswer, NoError, PerDestination, Responder, TokenBucket,
};

const PEER: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 0xa);
const ME: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 0x2);
const GLOBAL: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 2);
const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
const GROUP: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x1234);
/// A group the host (wrongly) names a multicast address for.
const BAD_GROUP: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x99);
/// A group the host (wrongly) names an address for that is not its own.
const STRANGE_GROUP: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x98);
/// A unicast address that is not the host's.
const OTHER: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 9, 0, 0, 0, 0, 9);

/// A host with two addresses that has joined all-nodes (answered from its link-local address)
/// and `GROUP` (answered from its global one), or, with `answers` false, answers no group.
struct Member {
    answers: bool,
}

impl Host for Member {
    fn is_local_v4(&self, _: Ipv4Addr) -> bool {
        false
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        // A host may count the groups it joined as its own; the reply still never leaves
        // from one.
        a == ME || a == GLOBAL || a.is_multicast()
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
    fn group_source_v6(&self, group: Ipv6Addr) -> Option<Ipv6Addr> {
        match group {
            _ if !self.answers => None,
            ALL_NODES => Some(ME),
            GROUP => Some(GLOBAL),
            BAD_GROUP => Some(ALL_NODES),
            STRANGE_GROUP => Some(OTHER),
            // Not a group: the responder must not ask.
            _ => Some(Ipv6Addr::LOCALHOST),
        }
    }
}

/// An echo request (RFC 4443 section 4.1) from `src` to `dst` in an IPv6 header (RFC 8200
/// section 3), identifier 0x1234, sequence 7, 12 bytes of data; its checksum over the
/// pseudo-header computed here.
fn echo_request(src: Ipv6Addr, dst: Ipv6Addr) -> Vec<u8> {
    let mut icmp = vec![128u8, 0, 0, 0, 0x12, 0x34, 0, 7];
    icmp.extend_from_slice(b"hello, group");
    let sum = !common::reference_sum6(src, dst, &icmp);
    icmp[2..4].copy_from_slice(&sum.to_be_bytes());
    let mut ip = vec![0x60, 0, 0, 0];
    ip.extend_from_slice(&(icmp.len() as u16).to_be_bytes());
    ip.extend_from_slice(&[58, 255]);
    ip.extend_from_slice(&src.octets());
    ip.extend_from_slice(&dst.octets());
    ip.extend_from_slice(&icmp);
    ip
}

fn responder() -> Responder<4> {
    Responder::new(TokenBucket::new(1000, 100), PerDestination::new(100, 100))
}

/// The echo reply to `request` (IPv4 or IPv6), written beside it and in place: both must be
/// the same bytes, sent to the request's source.
fn answer(host: &impl Host, request: &[u8]) -> Result<Vec<u8>, NoAnswer> {
    let mut out = [0u8; 1500];
    let copied = responder().respond(host, request, false, Duration::ZERO, &mut out);
    let mut buf = request.to_vec();
    let len = buf.len();
    let placed = responder().respond_in_place(host, &mut buf, len);
    assert_eq!(copied, placed);
    let a = copied?;
    assert_eq!(a.kind, AnswerKind::EchoReply);
    let source = if request[0] >> 4 == 4 {
        IpAddr::from(<[u8; 4]>::try_from(&request[12..16]).unwrap())
    } else {
        IpAddr::from(<[u8; 16]>::try_from(&request[8..24]).unwrap())
    };
    assert_eq!(a.dst, source);
    assert_eq!(buf[..a.len], out[..a.len]);
    Ok(out[..a.len].to_vec())
}

/// The kind of the answer to `packet`, or why there is none.
fn kind(host: &impl Host, packet: &[u8]) -> Result<AnswerKind, NoAnswer> {
    let mut out = [0u8; 1500];
    responder()
        .respond(host, packet, false, Duration::ZERO, &mut out)
        .map(|a| a.kind)
}

fn addresses(ip: &[u8]) -> (Ipv6Addr, Ipv6Addr) {
    (
        Ipv6Addr::from(<[u8; 16]>::try_from(&ip[8..24]).unwrap()),
        Ipv6Addr::from(<[u8; 16]>::try_from(&ip[24..40]).unwrap()),
    )
}

#[test]
fn a_group_echo_is_answered_from_the_address_the_host_names() {
    for (group, from) in [(ALL_NODES, ME), (GROUP, GLOBAL)] {
        let request = echo_request(PEER, group);
        let reply = answer(&Member { answers: true }, &request).unwrap();
        assert_eq!(addresses(&reply), (from, PEER), "to {group}");
        // The reply (type 129, code 0) carries the request's identifier, sequence and data,
        // and its checksum verifies over its own pseudo-header (RFC 8200 section 8.1), which
        // holds `from`, not the group.
        assert_eq!(reply[40..42], [129, 0]);
        assert_eq!(reply[44..], request[44..]);
        assert_eq!(
            common::reference_sum6(from, PEER, &reply[40..]),
            0xFFFF,
            "checksum of the reply to {group}"
        );
        assert_ne!(reply[42..44], request[42..44]);
    }
}

#[test]
fn a_unicast_echo_is_answered_from_its_destination() {
    for to in [ME, GLOBAL] {
        let reply = answer(&Member { answers: true }, &echo_request(PEER, to)).unwrap();
        assert_eq!(addresses(&reply), (to, PEER));
        assert_eq!(common::reference_sum6(to, PEER, &reply[40..]), 0xFFFF);
    }
}

#[test]
fn no_group_source_no_answer() {
    // A host that names no source (the default) answers no group.
    let request = echo_request(PEER, ALL_NODES);
    assert_eq!(
        answer(&Member { answers: false }, &request),
        Err(NoAnswer::NotForUs(IpAddr::V6(ALL_NODES)))
    );
    // No reply leaves from a multicast address (RFC 4291 section 2.7), whatever the host
    // names.
    assert_eq!(
        answer(&Member { answers: true }, &echo_request(PEER, BAD_GROUP)),
        Err(NoAnswer::NotForUs(IpAddr::V6(BAD_GROUP)))
    );
    // Nor from an address that is not the host's.
    assert_eq!(
        answer(
            &Member { answers: true },
            &echo_request(PEER, STRANGE_GROUP)
        ),
        Err(NoAnswer::NotForUs(IpAddr::V6(STRANGE_GROUP)))
    );
    // A unicast address that is not the host's is not a group, whatever the host would name.
    assert_eq!(
        answer(&Member { answers: true }, &echo_request(PEER, OTHER)),
        Err(NoAnswer::NotForUs(IpAddr::V6(OTHER)))
    );
}

#[test]
fn no_answer_to_a_multicast_or_unspecified_source() {
    // RFC 4291 section 2.7: no packet comes from a group; from `::`, the answer goes nowhere.
    for from in [ALL_NODES, GROUP, Ipv6Addr::UNSPECIFIED] {
        for to in [ME, ALL_NODES] {
            assert_eq!(
                answer(&Member { answers: true }, &echo_request(from, to)),
                Err(NoAnswer::SourceNotAHost(IpAddr::V6(from))),
                "{from} to {to}"
            );
        }
        // A request that is not the host's is only that, whatever its source.
        assert_eq!(
            answer(&Member { answers: true }, &echo_request(from, OTHER)),
            Err(NoAnswer::NotForUs(IpAddr::V6(OTHER)))
        );
    }
}

const PEER4: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 10);
const ME4: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 2);
const SUBNET_BROADCAST: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 255);
const ALL_SYSTEMS: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 1);
/// Groups the host (wrongly) names a multicast address, and another host's address, for.
const BAD_GROUP4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 99);
const STRANGE_GROUP4: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 98);

/// An IPv4 host on 192.0.2.0/24 that answers on its broadcasts and all-systems from its
/// address, or, with `answers` false, on none. It counts the groups as its own, as a careless
/// host might: no answer may leave from one all the same.
struct Member4 {
    answers: bool,
}

impl Host for Member4 {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        a == ME4 || a.is_multicast() || a.is_broadcast() || a == SUBNET_BROADCAST
    }
    fn is_local_v6(&self, _: Ipv6Addr) -> bool {
        false
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
    fn is_directed_broadcast_v4(&self, a: Ipv4Addr) -> bool {
        a == SUBNET_BROADCAST
    }
    fn specific_destination_v4(&self, dst: Ipv4Addr) -> Option<Ipv4Addr> {
        match dst {
            _ if !self.answers => None,
            SUBNET_BROADCAST | Ipv4Addr::BROADCAST | ALL_SYSTEMS => Some(ME4),
            BAD_GROUP4 => Some(ALL_SYSTEMS),
            STRANGE_GROUP4 => Some(Ipv4Addr::new(192, 0, 2, 77)),
            // No group: the responder must not ask, or it would answer a request to nowhere.
            Ipv4Addr::UNSPECIFIED => Some(ME4),
            _ => None,
        }
    }
}

/// An echo request (RFC 792) from `src` to `dst` in an IPv4 header without options, identifier
/// 0x1234, sequence 7, 12 bytes of data; both checksums computed here.
fn echo_request4(src: Ipv4Addr, dst: Ipv4Addr) -> Vec<u8> {
    echo4(8, src, dst)
}

/// An echo request (type 8) or reply (type 0) as [`echo_request4`] describes it.
fn echo4(ty: u8, src: Ipv4Addr, dst: Ipv4Addr) -> Vec<u8> {
    let mut icmp = vec![ty, 0, 0, 0, 0x12, 0x34, 0, 7];
    icmp.extend_from_slice(b"hello, group");
    let sum = !common::reference_sum(&icmp);
    icmp[2..4].copy_from_slice(&sum.to_be_bytes());
    let total = (20 + icmp.len()) as u16;
    let mut ip = vec![0x45, 0, 0, 0, 0xab, 0xcd, 0, 0, 64, 1, 0, 0];
    ip[2..4].copy_from_slice(&total.to_be_bytes());
    ip.extend_from_slice(&src.octets());
    ip.extend_from_slice(&dst.octets());
    let sum = !common::reference_sum(&ip);
    ip[10..12].copy_from_slice(&sum.to_be_bytes());
    ip.extend_from_slice(&icmp);
    ip
}

#[test]
fn a_broadcast_or_group_echo_is_answered_from_the_specific_destination() {
    for to in [SUBNET_BROADCAST, Ipv4Addr::BROADCAST, ALL_SYSTEMS, ME4] {
        let request = echo_request4(PEER4, to);
        let reply = answer(&Member4 { answers: true }, &request).unwrap();
        // From the host's address to the requester, the header's checksum right.
        assert_eq!(reply[12..16], ME4.octets(), "to {to}");
        assert_eq!(reply[16..20], PEER4.octets(), "to {to}");
        assert_eq!(common::reference_sum(&reply[..20]), 0xFFFF, "to {to}");
        // An echo reply with the request's identifier, sequence and data, its checksum right.
        assert_eq!(reply[20..22], [0, 0]);
        assert_eq!(reply[24..], request[24..]);
        assert_eq!(common::reference_sum(&reply[20..]), 0xFFFF, "to {to}");
    }
}

#[test]
fn no_specific_destination_no_answer() {
    // The default: no broadcast or group is answered, even by a host that calls them its own.
    for to in [SUBNET_BROADCAST, Ipv4Addr::BROADCAST, ALL_SYSTEMS] {
        assert_eq!(
            answer(&Member4 { answers: false }, &echo_request4(PEER4, to)),
            Err(NoAnswer::NotForUs(IpAddr::V4(to)))
        );
    }
    // Never from a group, nor from another host's address, whatever the host names; and not
    // to 0.0.0.0, which is no address.
    for to in [BAD_GROUP4, STRANGE_GROUP4, Ipv4Addr::UNSPECIFIED] {
        assert_eq!(
            answer(&Member4 { answers: true }, &echo_request4(PEER4, to)),
            Err(NoAnswer::NotForUs(IpAddr::V4(to)))
        );
    }
}

#[test]
fn no_answer_to_a_source_that_names_no_single_host() {
    // RFC 1122 section 3.2.1.3: multicast, the limited broadcast, a directed broadcast and
    // 0.0.0.0 are no host's address.
    let from = [
        ALL_SYSTEMS,
        Ipv4Addr::new(239, 1, 2, 3),
        Ipv4Addr::BROADCAST,
        SUBNET_BROADCAST,
        Ipv4Addr::UNSPECIFIED,
    ];
    for from in from {
        for to in [ME4, ALL_SYSTEMS] {
            assert_eq!(
                answer(&Member4 { answers: true }, &echo_request4(from, to)),
                Err(NoAnswer::SourceNotAHost(IpAddr::V4(from))),
                "{from} to {to}"
            );
        }
        // A request that is not the host's is only that, whatever its source.
        let other = Ipv4Addr::new(192, 0, 2, 77);
        assert_eq!(
            answer(&Member4 { answers: true }, &echo_request4(from, other)),
            Err(NoAnswer::NotForUs(IpAddr::V4(other)))
        );
    }
}

/// A UDP datagram (RFC 768, no checksum) from `src` to `dst`, port 9 to port 33434, in an
/// IPv4 header.
fn udp4(src: Ipv4Addr, dst: Ipv4Addr) -> Vec<u8> {
    let mut ip = vec![0x45, 0, 0, 32, 0, 1, 0, 0, 64, 17, 0, 0];
    ip.extend_from_slice(&src.octets());
    ip.extend_from_slice(&dst.octets());
    let sum = !common::reference_sum(&ip);
    ip[10..12].copy_from_slice(&sum.to_be_bytes());
    ip.extend_from_slice(&[0, 9, 0x82, 0x9a, 0, 12, 0, 0, 1, 2, 3, 4]);
    ip
}

#[test]
fn a_message_that_is_no_request_is_named_as_such_only_when_it_is_the_host_s() {
    let send = |packet: &[u8]| kind(&Member4 { answers: true }, packet);
    let other = Ipv4Addr::new(192, 0, 2, 77);
    assert_eq!(
        send(&echo4(0, PEER4, other)),
        Err(NoAnswer::NotForUs(IpAddr::V4(other)))
    );
    assert_eq!(
        send(&echo4(0, PEER4, ME4)),
        Err(NoAnswer::NotARequest {
            version: 4,
            icmp_type: 0
        })
    );
}

#[test]
fn an_icmpv6_message_that_is_no_request_is_named_as_such_only_when_it_is_the_host_s() {
    // An echo reply (type 129) from the peer, to the host and to another address.
    let reply = |to: Ipv6Addr| {
        let mut ip = echo_request(PEER, to);
        ip[40] = 129;
        ip[42..44].fill(0);
        let sum = !common::reference_sum6(PEER, to, &ip[40..]);
        ip[42..44].copy_from_slice(&sum.to_be_bytes());
        ip
    };
    let send = |packet: &[u8]| kind(&Member { answers: true }, packet);
    assert_eq!(
        send(&reply(OTHER)),
        Err(NoAnswer::NotForUs(IpAddr::V6(OTHER)))
    );
    assert_eq!(
        send(&reply(ME)),
        Err(NoAnswer::NotARequest {
            version: 6,
            icmp_type: 129
        })
    );
}

#[test]
fn no_port_unreachable_about_a_directed_broadcast() {
    // RFC 1122 section 3.2.2: no error about a datagram to a broadcast address or from an
    // address that names no single host; the directed broadcast is known only to the host.
    let send = |packet: &[u8]| kind(&Member4 { answers: true }, packet);
    assert_eq!(send(&udp4(PEER4, ME4)), Ok(AnswerKind::PortUnreachable));
    assert_eq!(
        send(&udp4(PEER4, SUBNET_BROADCAST)),
        Err(NoAnswer::Forbidden(NoError::BroadcastDestination))
    );
    assert_eq!(
        send(&udp4(SUBNET_BROADCAST, ME4)),
        Err(NoAnswer::Forbidden(NoError::SourceNotAHost))
    );
}
