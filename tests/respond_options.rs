//! IPv4 options in the responder's replies (RFC 1122 sections 3.2.2.6 and 3.2.2.8): a record
//! route or timestamp option of a request comes back with the host entered, as Linux enters
//! itself, once on arrival and once on sending (`tests/respond.rs` holds the kernel's own
//! replies to a record route and a timestamp request byte for byte). Here the edges of RFC
//! 791 section 3.1's layouts, each expected reply written out by hand from the RFC.
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

const ME: [u8; 4] = [192, 0, 2, 2];
const PEER: [u8; 4] = [192, 0, 2, 10];
const OTHER: [u8; 4] = [198, 51, 100, 7];
/// The host's clock, milliseconds since midnight UT.
const T: [u8; 4] = [0x01, 0x02, 0x03, 0x04];
const ALL_SYSTEMS: [u8; 4] = [224, 0, 0, 1];

struct Me {
    clock: bool,
}

impl Host for Me {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        a.octets() == ME
    }
    fn is_local_v6(&self, _: Ipv6Addr) -> bool {
        false
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
    fn timestamp(&self) -> Option<u32> {
        self.clock.then_some(u32::from_be_bytes(T))
    }
    fn specific_destination_v4(&self, dst: Ipv4Addr) -> Option<Ipv4Addr> {
        (dst.octets() == ALL_SYSTEMS).then_some(Ipv4Addr::from(ME))
    }
}

/// An ICMP request of type `ty` (8 echo, 13 timestamp) from PEER to `dst` with `options` in
/// its header (a multiple of 4 bytes), both checksums computed here.
fn request(ty: u8, dst: [u8; 4], options: &[u8]) -> Vec<u8> {
    assert_eq!(options.len() % 4, 0);
    let mut icmp = vec![ty, 0, 0, 0, 0x12, 0x34, 0, 1];
    icmp.extend_from_slice(if ty == 13 { &[0; 12] } else { b"data" });
    let sum = !common::reference_sum(&icmp);
    icmp[2..4].copy_from_slice(&sum.to_be_bytes());
    let hl = 20 + options.len();
    let mut ip = vec![0x40 | (hl / 4) as u8, 0, 0, 0, 0, 7, 0, 0, 64, 1, 0, 0];
    ip[2..4].copy_from_slice(&((hl + icmp.len()) as u16).to_be_bytes());
    ip.extend_from_slice(&PEER);
    ip.extend_from_slice(&dst);
    ip.extend_from_slice(options);
    let sum = !common::reference_sum(&ip);
    ip[10..12].copy_from_slice(&sum.to_be_bytes());
    ip.extend_from_slice(&icmp);
    ip
}

/// The reply's options (its header after 20 bytes), checked: the header's checksum verifies,
/// the message follows the header whole, an echo reply written in place is the same.
fn reply_options(host: &Me, req: &[u8]) -> Result<Vec<u8>, NoAnswer> {
    let mut out = [0u8; 200];
    let a = Responder::<2>::new(TokenBucket::new(10, 10), PerDestination::new(10, 10)).respond(
        host,
        req,
        false,
        Duration::ZERO,
        &mut out,
    );
    let mut buf = req.to_vec();
    let len = buf.len();
    let placed = Responder::<2>::new(TokenBucket::new(10, 10), PerDestination::new(10, 10))
        .respond_in_place(host, &mut buf, len);
    if req[usize::from(req[0] & 15) * 4] == 8 {
        assert_eq!(placed, a, "in place");
    }
    let a = a?;
    let reply = &out[..a.len];
    let hl = usize::from(reply[0] & 15) * 4;
    assert_eq!(
        common::reference_sum(&reply[..hl]),
        0xFFFF,
        "header checksum"
    );
    assert_eq!(usize::from(u16::from_be_bytes([reply[2], reply[3]])), a.len);
    assert_eq!(reply[12..20], [ME, PEER].concat());
    assert_eq!(common::reference_sum(&reply[hl..]), 0xFFFF, "ICMP checksum");
    if a.kind == AnswerKind::EchoReply {
        let req_hl = usize::from(req[0] & 15) * 4;
        assert_eq!(reply[hl..hl + 2], [0, 0]);
        assert_eq!(
            reply[hl + 4..],
            req[req_hl + 4..],
            "the echo after its checksum"
        );
        assert_eq!(buf[..a.len], *reply);
    }
    Ok(reply[20..hl].to_vec())
}

fn echo(options: &[u8]) -> Result<Vec<u8>, NoAnswer> {
    reply_options(&Me { clock: true }, &request(8, ME, options))
}

fn bad(at: u8) -> Result<Vec<u8>, NoAnswer> {
    Err(NoAnswer::BadIpOption { at })
}

#[test]
fn record_route_enters_the_host_on_arrival_and_on_sending() {
    // Empty, room for 9 addresses: two entered, pointer 4 -> 12, one end-of-list byte to pad.
    let mut rr = vec![7, 39, 4];
    rr.resize(39, 0);
    rr.push(0);
    let mut want = rr.clone();
    want[2] = 12;
    want[3..11].copy_from_slice(&[ME, ME].concat());
    assert_eq!(echo(&rr), Ok(want));
    // One slot left: entered on arrival only.
    let rr = [[7, 11, 8].as_slice(), &PEER, &[0; 4], &[0]].concat();
    assert_eq!(
        echo(&rr),
        Ok([[7, 11, 12].as_slice(), &PEER, &ME, &[0]].concat())
    );
    // Full: returned as it came.
    let rr = [[7, 7, 8].as_slice(), &PEER, &[1]].concat();
    assert_eq!(echo(&rr), Ok([[7, 7, 8].as_slice(), &PEER, &[0]].concat()));
}

#[test]
fn timestamp_entries_follow_the_flag() {
    // Times only, two slots: both filled, pointer 5 -> 13.
    let ts = [[68, 12, 5, 0].as_slice(), &[0; 8]].concat();
    assert_eq!(echo(&ts), Ok([[68, 12, 13, 0].as_slice(), &T, &T].concat()));
    // Addresses and times, two entries.
    let ts = [[68, 20, 5, 1].as_slice(), &[0; 16]].concat();
    assert_eq!(
        echo(&ts),
        Ok([[68, 20, 21, 1].as_slice(), &ME, &T, &ME, &T].concat())
    );
    // Prespecified: the entry naming the host is filled, the next names another host.
    let ts = [[68, 20, 5, 3].as_slice(), &ME, &[0; 4], &OTHER, &[0; 4]].concat();
    assert_eq!(
        echo(&ts),
        Ok([[68, 20, 13, 3].as_slice(), &ME, &T, &OTHER, &[0; 4]].concat())
    );
    // Prespecified, both entries naming the host: both filled.
    let ts = [[68, 20, 5, 3].as_slice(), &ME, &[0; 4], &ME, &[0; 4]].concat();
    assert_eq!(
        echo(&ts),
        Ok([[68, 20, 21, 3].as_slice(), &ME, &T, &ME, &T].concat())
    );
    // Prespecified, no room for the second entry's time: Linux stops there, without an error.
    let ts = [[68, 16, 5, 3].as_slice(), &ME, &[0; 4], &ME].concat();
    assert_eq!(
        echo(&ts),
        Ok([[68, 16, 13, 3].as_slice(), &ME, &T, &ME].concat())
    );
    // Prespecified, the first entry another host's: nothing entered.
    let ts = [[68, 12, 5, 3].as_slice(), &OTHER, &[0; 4]].concat();
    assert_eq!(echo(&ts), Ok(ts.clone()));
    // Full: the overflow count (high nibble of the flags byte) goes up by one, on arrival.
    let ts = [[68, 8, 9, 0x20].as_slice(), &T].concat();
    assert_eq!(echo(&ts), Ok([[68, 8, 9, 0x30].as_slice(), &T].concat()));
    // A full prespecified option has no overflow count to raise.
    let ts = [[68, 12, 13, 3].as_slice(), &ME, &T].concat();
    assert_eq!(echo(&ts), Ok(ts.clone()));
    // Another flag: returned as it came.
    let ts = [[68, 8, 5, 2].as_slice(), &[0; 4]].concat();
    assert_eq!(echo(&ts), Ok(ts.clone()));
}

#[test]
fn only_the_recording_options_come_back() {
    // No-operations, a router alert (RFC 2113) and a stream identifier are not returned; the
    // record route and the timestamp, in that order, are, padded to 4 bytes.
    let options = [
        [1, 148, 4, 0, 0, 68, 8, 5, 0].as_slice(),
        &[0; 4],
        &[136, 4, 0, 1, 7, 7, 4],
        &[0; 4],
        &[0; 4],
    ]
    .concat();
    assert_eq!(
        echo(&options),
        Ok([[7, 7, 8].as_slice(), &ME, &[68, 8, 9, 0], &T, &[0; 1]].concat())
    );
    // What follows the end of the option list is not read.
    let options = [[0, 7, 7, 4].as_slice(), &[0; 4]].concat();
    assert_eq!(echo(&options), Ok(vec![]));
    // A host without a clock returns no timestamp option; the record route still comes back.
    let options = [[68, 8, 5, 0].as_slice(), &[0; 4], &[7, 7, 4], &[0; 4], &[0]].concat();
    assert_eq!(
        reply_options(&Me { clock: false }, &request(8, ME, &options)),
        Ok([[7, 7, 8].as_slice(), &ME, &[0]].concat())
    );
}

/// A record route and a timestamp option (addresses and times, room for one entry) in a
/// request, and the same options as its reply returns them.
fn both_options() -> (Vec<u8>, Vec<u8>) {
    let options = [
        [7, 7, 4].as_slice(),
        &[0; 4],
        &[68, 12, 5, 1],
        &[0; 8],
        &[0],
    ]
    .concat();
    let returned = [[7, 7, 8].as_slice(), &ME, &[68, 12, 13, 1], &ME, &T, &[0]].concat();
    (options, returned)
}

#[test]
fn a_timestamp_reply_returns_the_options_too() {
    let (options, returned) = both_options();
    let reply = reply_options(&Me { clock: true }, &request(13, ME, &options));
    assert_eq!(reply, Ok(returned));
}

#[test]
fn a_reply_to_a_group_enters_the_host_s_own_address() {
    // RFC 1122 section 3.2.1.3: the host answers all-systems from its address, and enters that
    // address, not the group's, in the options.
    let (options, returned) = both_options();
    let reply = reply_options(&Me { clock: true }, &request(8, ALL_SYSTEMS, &options));
    assert_eq!(reply, Ok(returned));
}

#[test]
fn malformed_options_are_named_where_they_are_wrong() {
    // Header byte of the field: options start at byte 20.
    // A record route pointer below 4, and one into the last 3 bytes.
    assert_eq!(echo(&[7, 7, 3, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[1, 7, 9, 8, 0, 0, 0, 0, 0, 0, 0, 0]), bad(23));
    // An option shorter than 2, or longer than the header, or without its length byte: named
    // by its type byte, as Linux's parameter problem.
    assert_eq!(echo(&[1, 7, 1, 0]), bad(21));
    assert_eq!(echo(&[1, 1, 7, 9, 4, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[1, 1, 1, 7]), bad(23));
    // A pointer at the length: not full, and no room for an address.
    assert_eq!(echo(&[7, 8, 8, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[68, 8, 8, 0, 0, 0, 0, 0]), bad(22));
    // A record route shorter than its pointer field, a timestamp shorter than its flags.
    assert_eq!(echo(&[7, 2, 0, 0]), bad(21));
    assert_eq!(echo(&[68, 3, 5, 0]), bad(21));
    // Two record routes.
    assert_eq!(echo(&[7, 3, 4, 7, 3, 4, 0, 0]), bad(23));
    // A timestamp pointer below 5, short of a whole entry, and an overflow count at 15.
    assert_eq!(echo(&[68, 8, 4, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[68, 10, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[68, 8, 9, 0xF0, 0, 0, 0, 0]), bad(23));
    // An entry that fits on arrival, but not on sending (times only, and address and time).
    assert_eq!(echo(&[68, 10, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(echo(&[68, 9, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0]), bad(22));
    assert_eq!(
        echo(&[[68, 16, 5, 1].as_slice(), &[0; 12]].concat()),
        bad(22)
    );
}

#[test]
fn source_routed_requests_get_no_answer() {
    for kind in [131, 137] {
        let options = [[kind, 7, 4].as_slice(), &OTHER, &[0]].concat();
        assert_eq!(echo(&options), Err(NoAnswer::SourceRouted), "option {kind}");
    }
}
