//! The responder and echo requests sent to an IPv6 multicast group (RFC 4443 section 4.2: such a
//! request SHOULD be answered, and the reply's source MUST be a unicast address of the
//! interface it arrived on). The kernel's own answers to an echo request to all-nodes are
//! compared byte for byte in `respond.rs`; here the rule's edges, on packets built from the
//! RFCs' layouts with the test's own checksum.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use icmpwire::stack::{AnswerKind, Host, NoAnswer, PerDestination, Responder, TokenBucket};

const PEER: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 0xa);
const ME: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 0x2);
const GLOBAL: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 2);
const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
const GROUP: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x1234);
/// A group the host (wrongly) names a multicast address for.
const BAD_GROUP: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x99);

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

/// The answer to `request`, written beside it and in place: both must be the same bytes.
fn answer(host: &Member, request: &[u8]) -> Result<Vec<u8>, NoAnswer> {
    let mut out = [0u8; 1500];
    let copied = responder().respond(host, request, false, Duration::ZERO, &mut out);
    let mut buf = request.to_vec();
    let len = buf.len();
    let placed = responder().respond_in_place(host, &mut buf, len);
    assert_eq!(copied, placed);
    let a = copied?;
    assert_eq!(a.kind, AnswerKind::EchoReply);
    assert_eq!(buf[..a.len], out[..a.len]);
    Ok(out[..a.len].to_vec())
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
    // A unicast address that is not the host's is not a group, whatever the host would name.
    let other = Ipv6Addr::new(0x2001, 0xdb8, 9, 0, 0, 0, 0, 9);
    assert_eq!(
        answer(&Member { answers: true }, &echo_request(PEER, other)),
        Err(NoAnswer::NotForUs(IpAddr::V6(other)))
    );
}
