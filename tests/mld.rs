//! MLD (RFC 2710, RFC 3810) on messages from the Linux 6.18 kernel and scapy 2.8.0 (the team's
//! ICMPv6 oracle: records kernel6-0235, -0265, -0271, -0274, -0278, scapy6-00276, -00298):
//! every field, the floating-point codes decoded as the oracle decoded them, records with
//! sources and auxiliary data, the version read from the length, what is cut short, and the
//! hop-limit and source rules.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use std::net::Ipv6Addr;

use common::{addr6 as a, unhex};

use icmpwire::v6::{LinkRule, Message, MldRepr, MulticastListenerQuery, Repr};
use icmpwire::{ParseError, Part};

fn parse(hex: &str, src: &str, dst: &str) -> (Vec<u8>, Ipv6Addr, Ipv6Addr) {
    let bytes = unhex(hex);
    let (src, dst) = (a(src), a(dst));
    Message::parse(&bytes[..], src, dst).unwrap();
    (bytes, src, dst)
}

/// kernel6-0274 and -0278: the bridge's MLDv2 and MLDv1 general queries (500 ms).
#[test]
fn kernel_general_queries() {
    let (v2, src, dst) = parse(
        "82007ca901f4000000000000000000000000000000000000027d0000",
        "fe80::ff:fe00:a",
        "ff02::1",
    );
    let Message::MulticastListenerQuery(q) = Message::parse(&v2[..], src, dst).unwrap() else {
        panic!()
    };
    assert_eq!(q.version(), Some(2));
    assert_eq!((q.max_response_code(), q.max_response_delay()), (500, 500));
    assert_eq!(q.multicast_address(), Ipv6Addr::UNSPECIFIED);
    assert_eq!(
        (q.suppress(), q.qrv(), q.qqic(), q.qqi()),
        (false, 2, 125, 125)
    );
    assert_eq!((q.number_of_sources(), q.sources().len()), (0, 0));
    assert_eq!(q.check_sources(), Ok(()));

    let (v1, src, dst) = parse(
        "82007f2a01f4000000000000000000000000000000000000",
        "fe80::ff:fe00:a",
        "ff02::1",
    );
    let msg = Message::parse(&v1[..], src, dst).unwrap();
    let Message::MulticastListenerQuery(q) = &msg else {
        panic!()
    };
    assert_eq!((q.version(), q.max_response_delay()), (Some(1), 500));
    assert_eq!(
        msg.to_string(),
        "ICMP6, multicast listener query, max resp delay: 500 addr: ::, length 24"
    );
    assert_eq!(msg.check_rules(1, src, dst), Ok(()));
    assert_eq!(
        msg.check_rules(255, src, dst),
        Err(LinkRule::HopLimit { hop_limit: 255 })
    );
}

/// scapy6-00276: Maximum Response Code 53183 (0xCFBF: exp 4, mant 0xFBF) is 1040256 ms, and
/// QQIC 128 (exp 0, mant 0) is 128 s, as the oracle decoded them (RFC 3810 5.1.3, 5.1.9).
#[test]
fn floating_point_codes() {
    let (bytes, ..) = parse(
        "8200b410cfbf0000ff3e003020010db800000000ea4b5cb607800000",
        "fe80::393c:72ff:fe0a:613c",
        "ff3e:30:2001:db8::ea4b:5cb6",
    );
    let q = MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
    assert_eq!(q.max_response_code(), 53183);
    assert_eq!(q.max_response_delay(), 1_040_256);
    assert_eq!((q.qrv(), q.qqic(), q.qqi()), (7, 128, 128));
    assert_eq!(q.multicast_address(), a("ff3e:30:2001:db8::ea4b:5cb6"));
}

/// kernel6-0235: A's report after DAD, three CHANGE_TO_EXCLUDE records for solicited-node
/// groups; kernel6-0265: ALLOW_NEW_SOURCES with one source; scapy6-00298: records with
/// auxiliary data (2 words each).
#[test]
fn reports_and_their_records() {
    let (bytes, src, dst) = parse(
        "8f006d0f0000000304000000ff0200000000000000000001ff0000a204000000ff0200000000000000000001ff00001004000000ff0200000000000000000001ff00000a",
        "fe80::ff:fe00:a",
        "ff02::16",
    );
    let msg = Message::parse(&bytes[..], src, dst).unwrap();
    let Message::MulticastListenerReportV2(r) = &msg else {
        panic!()
    };
    let groups: Vec<_> = r
        .records()
        .map(|x| {
            let x = x.unwrap();
            (x.record_type(), x.multicast_address())
        })
        .collect();
    assert_eq!(
        groups,
        [
            (4, a("ff02::1:ff00:a2")),
            (4, a("ff02::1:ff00:10")),
            (4, a("ff02::1:ff00:a"))
        ]
    );
    assert_eq!(
        msg.to_string(),
        "ICMP6, multicast listener report v2, 3 group record(s), length 68"
    );

    let (bytes, ..) = parse(
        "8f0013970000000105000001ff3e003020010db8000000000000007720010db8000200000000000000000002",
        "fe80::ff:fe00:a",
        "ff02::16",
    );
    let Message::MulticastListenerReportV2(r) = Message::parse_unverified(&bytes[..]).unwrap()
    else {
        panic!()
    };
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!((rec.record_type(), rec.number_of_sources()), (5, 1));
    assert_eq!(
        rec.sources().iter().collect::<Vec<_>>(),
        [a("2001:db8:2::2")]
    );

    let (bytes, ..) = parse(
        "8f00f04b0000000301020000ff15000000000000000000000db8beac3a4bac6067c44fcc02000000ff15000000000000000000000db8b30e06020000ff05000000000000000000000db89cb18a746c310f13fd8f",
        "fe80::b62a:20ff:fe26:cde6",
        "ff02::16",
    );
    let Message::MulticastListenerReportV2(r) = Message::parse_unverified(&bytes[..]).unwrap()
    else {
        panic!()
    };
    let recs: Vec<_> = r.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0].aux_data(), unhex("3a4bac6067c44fcc"));
    assert_eq!((recs[1].record_type(), recs[1].aux_data()), (2, &[][..]));
    assert_eq!(recs[2].aux_data(), unhex("8a746c310f13fd8f"));
    assert_eq!(recs[2].multicast_address(), a("ff05::db8:9cb1"));
    assert_eq!(r.content_len(), bytes.len());
}

/// What is cut short: the MLD fields below 24 bytes; RFC 3810 8.1's 25-27-byte query; sources
/// and records announced but not present.
#[test]
fn cut_short() {
    let (v1, src, dst) = parse(
        "8300658200000000ff15000000000000000000000db80002",
        "fe80::ff:fe00:a",
        "ff15::db8:2",
    );
    assert_eq!(
        Message::parse_unverified(&v1[..20]).unwrap_err(),
        ParseError::Truncated {
            part: Part::MulticastListener,
            required: 24,
            actual: 20
        }
    );
    // The report from `::`: a host's (RFC 3590), which a router discards (RFC 3810 5.2.13).
    let msg = Message::parse_unverified(&v1[..]).unwrap();
    assert_eq!(
        msg.check_rules(1, Ipv6Addr::UNSPECIFIED, dst),
        Err(LinkRule::UnspecifiedSource)
    );
    assert_eq!(msg.check_rules(1, src, dst), Ok(()));
    let mut q = v1.clone();
    q[0] = 130;
    q.extend_from_slice(&[2, 125]);
    let msg = Message::parse_unverified(&q[..]).unwrap();
    assert_eq!(
        msg.check_rules(1, src, dst),
        Err(LinkRule::QueryLength { len: 26 })
    );
    // An MLDv2 query announcing two sources with one present.
    q.extend_from_slice(&[0, 2]);
    q.extend_from_slice(&[0; 16]);
    let Message::MulticastListenerQuery(view) = Message::parse_unverified(&q[..]).unwrap() else {
        panic!()
    };
    assert_eq!(view.sources().len(), 1);
    let cut = ParseError::Truncated {
        part: Part::MulticastSources,
        required: 32,
        actual: 16,
    };
    assert_eq!(view.check_sources(), Err(cut));
    let msg = Message::parse_unverified(&q[..]).unwrap();
    assert_eq!(msg.check_rules(1, src, dst), Err(LinkRule::Malformed(cut)));
    // A report announcing a record of one source with 10 of its 36 bytes.
    let mut report = vec![143u8, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1];
    report.extend_from_slice(&[0; 6]);
    let msg = Message::parse_unverified(&report[..]).unwrap();
    let cut = ParseError::Truncated {
        part: Part::MulticastRecord,
        required: 20,
        actual: 10,
    };
    assert_eq!(msg.check_rules(1, src, dst), Err(LinkRule::Malformed(cut)));
    report.extend_from_slice(&[0; 10]);
    let msg = Message::parse_unverified(&report[..]).unwrap();
    let Message::MulticastListenerReportV2(r) = &msg else {
        panic!()
    };
    assert_eq!(
        r.records().collect::<Vec<_>>(),
        [Err(ParseError::Truncated {
            part: Part::MulticastRecord,
            required: 36,
            actual: 20
        })]
    );
}

/// The builder writes the kernel's MLDv1 report byte for byte (checksum over the
/// pseudo-header).
#[test]
fn mldv1_report_is_rebuilt() {
    let (bytes, src, dst) = parse(
        "8300658200000000ff15000000000000000000000db80002",
        "fe80::ff:fe00:a",
        "ff15::db8:2",
    );
    let repr = Repr::MulticastListenerReport(MldRepr {
        multicast_address: a("ff15::db8:2"),
        ..MldRepr::default()
    });
    let mut out = [0x55u8; 24];
    assert_eq!(repr.emit(src, dst, &mut out), Ok(24));
    assert_eq!(out[..], bytes[..]);
}
